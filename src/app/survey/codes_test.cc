// Invitation codes against a real SQLite store: issued codes are found by
// the hash of what a respondent types (any case, with dashes), carry their
// group and cells, and bad requests name the field and store nothing.
#include "app/survey/codes.h"

#include <gtest/gtest.h>

#include <set>

#include "store/store_testing.h"

namespace govperf::app::survey {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

class Codes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("office.db"), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->PutYear(store::Actor{}, {2025, core::Stage::kMonitoring}).ok());
    core::survey::Survey s;
    s.id = "sat";
    s.year = 2025;
    s.title_zh = "满意度调查";
    s.groups = {{"citizens", "群众", "", 1.0}};
    ASSERT_TRUE(store_->Write(store::Actor{}, [&](store::WriteTx& tx) { return tx.PutSurvey(s); })
                    .ok());
  }
  Caller admin_{"office", core::Role::kAdmin, "", ""};
  TempDir dir_;
  FakeClock clock_{1700000000};
  std::unique_ptr<store::Store> store_;
};

TEST_F(Codes, IssuedCodesAreFoundByWhatIsTypedAndCarryTheirCells) {
  CodeRequest r{"sat", 50, "citizens", {{"district", "D03"}}, ""};
  auto codes = IssueCodes(*store_, admin_, r);
  ASSERT_TRUE(codes.ok()) << codes.status().message();
  ASSERT_EQ(codes->size(), 50u);
  EXPECT_EQ(std::set<std::string>(codes->begin(), codes->end()).size(), 50u);
  for (const std::string& c : *codes) {
    ASSERT_EQ(c.size(), 10u);
    EXPECT_EQ(c.find_first_of("01OIL"), std::string::npos) << c;
  }
  std::string typed = (*codes)[7];
  for (char& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  typed.insert(5, "-");
  auto found = store_->FindInvitationCode("sat", CodeHash(typed));
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->group_id, "citizens");
  EXPECT_EQ((*found)->cells.at("district"), "D03");
  EXPECT_FALSE(store_->FindInvitationCode("other", CodeHash(typed))->has_value());
  EXPECT_FALSE(store_->FindInvitationCode("sat", CodeHash("ZZZZZZZZZZ"))->has_value());
}

TEST_F(Codes, BadRequestsNameTheFieldAndIssueNothing) {
  const int64_t before = store_->ListAudit(0, 1000)->size();
  EXPECT_EQ(IssueCodes(*store_, admin_, {"sat", 0, "citizens", {}, ""}).status().field(), "count");
  EXPECT_EQ(IssueCodes(*store_, admin_, {"sat", 100001, "citizens", {}, ""}).status().field(),
            "count");
  EXPECT_EQ(IssueCodes(*store_, admin_, {"sat", 5, "firms", {}, ""}).status().field(), "group_id");
  EXPECT_EQ(IssueCodes(*store_, admin_, {"nope", 5, "citizens", {}, ""}).status().code(),
            Code::kNotFound);
  Caller lead{"lead", core::Role::kLead, "U1", ""};
  EXPECT_EQ(IssueCodes(*store_, lead, {"sat", 5, "citizens", {}, ""}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(static_cast<int64_t>(store_->ListAudit(0, 1000)->size()), before);
}

// The codes CSV: `code` first always; a link column only when asked,
// relative without a public base URL and absolute with it (a trailing '/'
// of the base is not doubled).
TEST(CodesCsv, FirstColumnIsTheCodeAndLinksAreAbsoluteWithAPublicUrl) {
  const std::vector<std::string> codes = {"ABCDEFGH23", "ZYXWVUTS98"};
  EXPECT_EQ(CodesCsv(codes, "sat", std::nullopt), "code\nABCDEFGH23\nZYXWVUTS98\n");
  EXPECT_EQ(CodesCsv(codes, "sat", std::string()),
            "code,link\nABCDEFGH23,/s/sat?code=ABCDEFGH23\nZYXWVUTS98,/s/sat?code=ZYXWVUTS98\n");
  EXPECT_EQ(CodesCsv(codes, "sat", std::string("https://pj.example.gov.cn/")),
            "code,link\nABCDEFGH23,https://pj.example.gov.cn/s/sat?code=ABCDEFGH23\n"
            "ZYXWVUTS98,https://pj.example.gov.cn/s/sat?code=ZYXWVUTS98\n");
  EXPECT_EQ(CodesCsv({}, "sat", std::nullopt), "code\n");
}

TEST(CodesCsv, PublicUrlsAreCheckedForWhatACsvCellAndAnSmsCarry) {
  EXPECT_TRUE(CheckPublicUrl("https://pj.example.gov.cn").ok());
  EXPECT_TRUE(CheckPublicUrl("http://10.0.0.5:8080/govperf").ok());
  for (const char* bad : {"pj.example.gov.cn", "ftp://x", "https://", "https:///x",
                          "https://a.cn/x,y", "https://a.cn/\"x", "https://a .cn", ""}) {
    const Status st = CheckPublicUrl(bad, "--public-url");
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << bad;
    EXPECT_EQ(st.field(), "--public-url") << bad;
  }
}

}  // namespace
}  // namespace govperf::app::survey
