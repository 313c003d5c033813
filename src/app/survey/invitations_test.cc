// Invitations through the built-in file sender: one code per recipient,
// issued before sending, one JSON line each in a real spool file whose link
// prefills the code and whose code the store finds; bad requests name the
// field and issue nothing.
#include "app/survey/invitations.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "app/survey/codes.h"
#include "app/survey/design.h"
#include "app/survey/survey_test_city.h"

namespace govperf::app::survey {
namespace {

class Invitations : public testing::SurveyCity {
 protected:
  void SetUp() override {
    SurveyCity::SetUp();
    ASSERT_TRUE(CreateSurvey(*store_, admin_, testing::SurveyCityDefinition(2026)).ok());
  }
  std::vector<nlohmann::json> SpoolLines(const std::string& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));
    return out;
  }
};

// A sender that refuses one address, to show the others still go out.
class Refusing : public Sender {
 public:
  explicit Refusing(Sender& next) : next_(next) {}
  Status Send(const Recipient& r, const InvitationMessage& m) override {
    if (r.to == "13800000002") return Status::Internal("gateway: number unreachable");
    return next_.Send(r, m);
  }

 private:
  Sender& next_;
};

TEST_F(Invitations, EachRecipientGetsItsOwnCodeInTheSpool) {
  const std::string spool = dir_.File("office.db.invitations.jsonl");
  FileSender files(spool);
  InvitationRequest r{"sat",
                      "citizen",
                      {{"district", "D01"}},
                      {{"13800000001", "王先生"}, {"13800000002", ""}, {"13800000003", "李女士"}}};
  auto report = SendInvitations(*store_, files, admin_, r, "https://pj.example.gov.cn/");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->issued, 3);
  EXPECT_EQ(report->sent, 3);
  EXPECT_EQ(report->failed, 0);
  const auto lines = SpoolLines(spool);
  ASSERT_EQ(lines.size(), 3u);
  std::set<std::string> codes;
  for (const auto& l : lines) {
    const std::string code = l.at("code");
    codes.insert(code);
    EXPECT_EQ(l.at("link"), "https://pj.example.gov.cn/s/sat?code=" + code);
    EXPECT_NE(l.at("text").get<std::string>().find(code), std::string::npos);
    EXPECT_NE(l.at("text").get<std::string>().find("群众满意度调查"), std::string::npos);
    auto found = store_->FindInvitationCode("sat", CodeHash(code));
    ASSERT_TRUE(found.ok() && found->has_value()) << code;
    EXPECT_EQ((*found)->group_id, "citizen");
    EXPECT_EQ((*found)->cells.at("district"), "D01");
  }
  EXPECT_EQ(codes.size(), 3u);
  EXPECT_EQ(lines[0].at("to"), "13800000001");
  EXPECT_NE(lines[0].at("text").get<std::string>().find("王先生，您好"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(spool.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);  // live codes: owner only

  // A refused recipient is counted and named; the others are sent.
  Refusing refusing(files);
  auto partly = SendInvitations(*store_, refusing, admin_, r, "https://pj.example.gov.cn");
  ASSERT_TRUE(partly.ok());
  EXPECT_EQ(partly->issued, 3);
  EXPECT_EQ(partly->sent, 2);
  EXPECT_EQ(partly->failed, 1);
  ASSERT_EQ(partly->failures.size(), 1u);
  EXPECT_EQ(partly->failures[0].rfind("recipients[1]: ", 0), 0u);
  EXPECT_EQ(SpoolLines(spool).size(), 5u);
}

TEST_F(Invitations, BadRequestsNameTheFieldAndIssueNothing) {
  FileSender files(dir_.File("spool.jsonl"));
  const int64_t before = AuditCount();
  InvitationRequest r{"sat", "citizen", {}, {}};
  EXPECT_EQ(SendInvitations(*store_, files, admin_, r, "https://x").status().field(), "recipients");
  r.recipients = {{"", "无号码"}};
  EXPECT_EQ(SendInvitations(*store_, files, admin_, r, "https://x").status().field(),
            "recipients[0].to");
  r.recipients = {{"13800000001", ""}};
  r.group_id = "visitors";
  EXPECT_EQ(SendInvitations(*store_, files, admin_, r, "https://x").status().field(), "group_id");
  r.group_id = "citizen";
  EXPECT_EQ(SendInvitations(*store_, files, admin_, r, "").status().field(), "public_url");
  EXPECT_EQ(SendInvitations(*store_, files, leader_, r, "https://x").status().code(),
            Code::kPermissionDenied);
  r.recipients.assign(kMaxRecipients + 1, {"1", ""});
  EXPECT_EQ(SendInvitations(*store_, files, admin_, r, "https://x").status().field(), "recipients");
  EXPECT_EQ(AuditCount(), before);
  EXPECT_FALSE(std::ifstream(dir_.File("spool.jsonl")).good());
  EXPECT_EQ(SurveyLink("https://a.b/", "s1", "ABC"), "https://a.b/s/s1?code=ABC");
  EXPECT_EQ(SurveyLink("https://a.b", "s1"), "https://a.b/s/s1");
}

}  // namespace
}  // namespace govperf::app::survey
