#include "app/survey/invitations.h"

#include "app/limits.h"
#include "app/survey/codes.h"

namespace govperf::app::survey {

std::string SurveyLink(const std::string& public_url, const std::string& survey_id,
                       const std::string& code) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  // Survey ids are [A-Za-z0-9_-] and codes from an alphabet of letters and
  // digits: nothing to percent-encode.
  std::string link = base + "/s/" + survey_id;
  if (!code.empty()) link += "?code=" + code;
  return link;
}

Result<InvitationReport> SendInvitations(store::Store& store, Sender& sender, const Caller& caller,
                                         const InvitationRequest& r,
                                         const std::string& public_url) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status::Denied("only the performance office sends invitations")
        .Zh("只有绩效办可以发送邀请");
  }
  if (r.recipients.empty() || r.recipients.size() > static_cast<size_t>(kMaxRecipients)) {
    return Status::Invalid("recipients: 1 to " + std::to_string(kMaxRecipients) + ", got " +
                           std::to_string(r.recipients.size()))
        .Field("recipients")
        .Zh("recipients：一次可邀请 1 至 " + std::to_string(kMaxRecipients) + " 人");
  }
  for (size_t i = 0; i < r.recipients.size(); ++i) {
    const std::string at = "recipients[" + std::to_string(i) + "]";
    GOVPERF_RETURN_IF_ERROR(CheckText(at + ".to", r.recipients[i].to, kMaxNameChars, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(at + ".name", r.recipients[i].name, kMaxNameChars, false));
  }
  if (public_url.rfind("http://", 0) != 0 && public_url.rfind("https://", 0) != 0) {
    return Status::Precondition(
               "public_url: the server's public address is not known "
               "(govperf serve --public-url)")
        .Field("public_url")
        .Zh("public_url：未配置对外访问地址（govperf serve --public-url）");
  }
  Result<std::optional<core::survey::Survey>> survey = store.FindSurvey(r.survey_id);
  if (!survey.ok()) return survey.status();
  const std::string title = survey->has_value() ? (*survey)->title_zh : std::string();

  CodeRequest codes_wanted{r.survey_id, static_cast<int>(r.recipients.size()), r.group_id, r.cells,
                           ""};
  Result<std::vector<std::string>> codes = IssueCodes(store, caller, codes_wanted);
  if (!codes.ok()) return codes.status();

  InvitationReport report;
  report.issued = static_cast<int>(codes->size());
  for (size_t i = 0; i < r.recipients.size(); ++i) {
    const Recipient& who = r.recipients[i];
    InvitationMessage m;
    m.survey_id = r.survey_id;
    m.code = (*codes)[i];
    m.link = SurveyLink(public_url, r.survey_id, m.code);
    m.text = (who.name.empty() ? std::string("您好") : who.name + "，您好") + "！诚邀您参加“" +
             title + "”。您的邀请码为 " + m.code + "，请打开 " + m.link +
             " 填写问卷（约 3 至 5 分钟，每个邀请码限用一次）。感谢您的支持！";
    Status st = sender.Send(who, m);
    if (st.ok()) {
      ++report.sent;
    } else {
      ++report.failed;
      if (report.failures.size() < 20) {
        report.failures.push_back("recipients[" + std::to_string(i) + "]: " + st.message());
      }
    }
  }
  return report;
}

}  // namespace govperf::app::survey
