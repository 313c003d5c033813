#include "app/survey/codes.h"

#include <sodium.h>

#include <cctype>
#include <set>

#include "app/survey/invitations.h"
#include "store/password.h"

namespace govperf::app::survey {
namespace {

// No 0/O, 1/I/L: codes are read off paper and typed on phones. 31 symbols,
// 10 of them: ≈ 2^49.5 codes, so guessing one at the rate limits is hopeless.
constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr int kCodeLength = 10;

std::string NewCode() {
  std::string code(kCodeLength, ' ');
  for (char& c : code) c = kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  return code;
}

}  // namespace

std::string NormaliseCode(const std::string& typed) {
  std::string out;
  out.reserve(typed.size());
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string CodesCsv(const std::vector<std::string>& codes, const std::string& survey_id,
                     const std::optional<std::string>& link_base) {
  std::string csv = link_base ? "code,link\n" : "code\n";
  csv.reserve(csv.size() +
              codes.size() * (link_base ? 32 + link_base->size() + survey_id.size() : 11));
  for (const std::string& c : codes) {
    csv += c;
    // Codes and survey ids need no quoting; CheckPublicUrl keeps commas
    // and quotes out of the base.
    if (link_base) csv += "," + SurveyLink(*link_base, survey_id, c);
    csv += "\n";
  }
  return csv;
}

Status CheckPublicUrl(const std::string& url, const std::string& field) {
  const bool scheme = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  const size_t host_at = url.find("//") + 2;
  const bool host = scheme && url.size() > host_at && url[host_at] != '/';
  if (!scheme || !host || url.find_first_of(" \t\r\n\"',<>\\`") != std::string::npos) {
    return Status::Invalid(field + ": expected http:// or https:// and a host, without spaces, " +
                           "quotes or commas, e.g. https://pj.example.gov.cn; got '" + url + "'")
        .Field(field)
        .Zh(field + "：应为 http:// 或 https:// 开头的网址（如 https://pj.example.gov.cn），" +
            "不含空格、引号或逗号");
  }
  return Status::Ok();
}

std::string CodeHash(const std::string& typed) { return store::Sha256Hex(NormaliseCode(typed)); }

Result<std::vector<std::string>> IssueCodes(store::Store& store, const Caller& caller,
                                            const CodeRequest& r) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status(Code::kPermissionDenied, "only the performance office issues invitation codes");
  }
  if (r.count < 1 || r.count > kMaxCodesPerIssue) {
    return Status::Invalid("count: 1 to " + std::to_string(kMaxCodesPerIssue) + ", got " +
                           std::to_string(r.count))
        .Field("count")
        .Zh("count：一次可生成 1 至 " + std::to_string(kMaxCodesPerIssue) + " 个邀请码");
  }
  Result<std::optional<core::survey::Survey>> found = store.FindSurvey(r.survey_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("survey_id: unknown survey '" + r.survey_id + "'")
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  const core::survey::Survey& s = **found;
  if (s.status == core::survey::SurveyStatus::kClosed) {
    return Status(Code::kFailedPrecondition, "survey_id: survey '" + s.id + "' is closed")
        .Field("survey_id")
        .Zh("survey_id：调查已结束");
  }
  bool group_known = false;
  for (const auto& g : s.groups) group_known = group_known || g.id == r.group_id;
  if (!group_known) {
    return Status::Invalid("group_id: survey '" + s.id + "' has no group '" + r.group_id + "'")
        .Field("group_id")
        .Zh("group_id：调查没有这个调查对象组");
  }
  for (const auto& [var, level] : r.cells) {
    if (var.empty() || var.size() > 32 || level.empty() || level.size() > 64) {
      return Status::Invalid("cells." + var + ": names of 1..32 and levels of 1..64 characters")
          .Field("cells");
    }
  }
  if (r.unit_id.size() > 64) return Status::Invalid("unit_id: too long").Field("unit_id");

  std::vector<std::string> codes;
  std::vector<core::survey::InvitationCode> rows;
  codes.reserve(r.count);
  rows.reserve(r.count);
  std::set<std::string> seen;
  while (static_cast<int>(codes.size()) < r.count) {
    std::string c = NewCode();
    if (!seen.insert(c).second) continue;
    core::survey::InvitationCode row;
    row.survey_id = s.id;
    row.code_hash = store::Sha256Hex(c);
    row.group_id = r.group_id;
    row.cells = r.cells;
    row.unit_id = r.unit_id;
    rows.push_back(std::move(row));
    codes.push_back(std::move(c));
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.AddInvitationCodes(rows); }));
  return codes;
}

}  // namespace govperf::app::survey
