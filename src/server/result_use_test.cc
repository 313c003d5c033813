// 结果运用 result use through the API, on a real SQLite file: the grade →
// outcomes table, what each unit's grade suggests, recorded applications
// (only of a published year), a unit's history — and each bad input or other
// unit's data refused with nothing saved.
#include <gtest/gtest.h>

#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;

class ResultUseApi : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = city_.TokenFor("admin");
    leader_ = city_.TokenFor("leader");
    lead_ = city_.TokenFor("lead_b01");
    unit_ = city_.TokenFor("unit_d01");
  }
  Response Call(const std::string& method, const std::string& path, const std::string& token,
                const Json& body = nullptr) {
    return city_.Call(method, path, body.is_null() ? "" : body.dump(), token);
  }
  int64_t AuditHead() { return city_.store().AuditHead()->first; }

  TestCity city_;
  std::string admin_, leader_, lead_, unit_;
};

TEST_F(ResultUseApi, TheTableSuggestsOutcomesByGradeAndApplicationsAreRecorded) {
  const Json table = {{"rules",
                       {{{"grade", "excellent"}, {"bonus_coefficient", 1.2}, {"cadre", "优先推荐"}},
                        {{"grade", "unqualified"}, {"accountability", "约谈主要负责人"}}}}};
  Response r = Call("PUT", "/api/v1/years/2024/result-use/rules", admin_, table);
  ASSERT_EQ(r.status, 200) << r.body;

  // A grade the scheme does not have: refused by row, the table unchanged.
  const int64_t audit0 = AuditHead();
  r = Call("PUT", "/api/v1/years/2024/result-use/rules", admin_,
           {{"rules", {{{"grade", "platinum"}, {"bonus_coefficient", 2}}}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "rules[0].grade");
  r = Call("PUT", "/api/v1/years/2024/result-use/rules", admin_,
           {{"rules", {{{"grade", "good"}, {"bonus_coefficient", 11}}}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "rules[0].bonus_coefficient");
  EXPECT_EQ(AuditHead(), audit0);

  // Every unit's row carries the table's row for its grade.
  r = Call("GET", "/api/v1/years/2024/result-use", leader_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json o = Body(r);
  EXPECT_TRUE(o["published"].get<bool>());
  ASSERT_EQ(o["rules"].size(), 2u);
  ASSERT_FALSE(o["units"].empty());
  int suggested = 0;
  for (const Json& u : o["units"]) {
    if (u["grade"] == "excellent") {
      EXPECT_EQ(u["suggested"]["bonus_coefficient"], 1.2);
      ++suggested;
    } else if (u["grade"] == "unqualified") {
      EXPECT_EQ(u["suggested"]["accountability"], "约谈主要负责人");
      ++suggested;
    } else {
      EXPECT_TRUE(u["suggested"].is_null()) << u.dump();
    }
    EXPECT_GE(u["rank"].get<int>(), 1);
    EXPECT_LE(u["rank"].get<int>(), u["category_size"].get<int>());
  }

  // Applications: only of a published year, to a unit of its scheme, with an outcome.
  const Json rec = {{"unit_id", "D01"},       {"kind", "bonus"},
                    {"outcome", "绩效奖金系数 1.2"}, {"coefficient", 1.2},
                    {"reference", "绩效办〔2025〕3号"}, {"decided_on", "2025-04-01"}};
  EXPECT_EQ(Call("POST", "/api/v1/years/2025/result-use/records", admin_, rec).status, 409);
  Json bad = rec;
  bad["unit_id"] = "NOPE";
  r = Call("POST", "/api/v1/years/2024/result-use/records", admin_, bad);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Body(r)["details"]["field"], "unit_id");
  bad = rec;
  bad["kind"] = "prize";
  EXPECT_EQ(Body(Call("POST", "/api/v1/years/2024/result-use/records", admin_, bad))["details"]["field"],
            "kind");
  bad = rec;
  bad["decided_on"] = "2025-13-01";
  EXPECT_EQ(Body(Call("POST", "/api/v1/years/2024/result-use/records", admin_, bad))["details"]["field"],
            "decided_on");
  bad = rec;
  bad["outcome"] = "";
  EXPECT_EQ(Body(Call("POST", "/api/v1/years/2024/result-use/records", admin_, bad))["details"]["field"],
            "outcome");
  EXPECT_EQ(AuditHead(), audit0);
  r = Call("POST", "/api/v1/years/2024/result-use/records", admin_, rec);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["id"], 1);
  EXPECT_EQ(Body(r)["recorded_by"], "admin");
  Json other = rec;
  other["unit_id"] = "D02";
  other["kind"] = "cadre";
  EXPECT_EQ(Body(Call("POST", "/api/v1/years/2024/result-use/records", admin_, other))["id"], 2);
  EXPECT_EQ(AuditHead(), audit0 + 2);
  EXPECT_EQ(Call("POST", "/api/v1/years/2024/result-use/records", unit_, rec).status, 403);

  // A unit sees only its own row, with its own record.
  r = Call("GET", "/api/v1/years/2024/result-use", unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  o = Body(r);
  ASSERT_EQ(o["units"].size(), 1u);
  EXPECT_EQ(o["units"][0]["unit_id"], "D01");
  ASSERT_EQ(o["units"][0]["records"].size(), 1u);
  EXPECT_EQ(o["units"][0]["records"][0]["reference"], "绩效办〔2025〕3号");
}

TEST_F(ResultUseApi, AUnitsHistoryIsItsOwnAndListsPublishedYearsOnly) {
  ASSERT_EQ(Call("POST", "/api/v1/years/2024/result-use/records", admin_,
                 {{"unit_id", "D01"}, {"kind", "budget"}, {"outcome", "下年度专项经费优先安排"}})
                .status,
            201);
  Response r = Call("GET", "/api/v1/units/D01/history", unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json h = Body(r);
  ASSERT_EQ(h["years"].size(), 1u);  // 2025 is in monitoring: not a result yet
  EXPECT_EQ(h["years"][0]["year"], 2024);
  EXPECT_FALSE(h["years"][0]["grade_zh"].get<std::string>().empty());
  ASSERT_EQ(h["years"][0]["records"].size(), 1u);
  EXPECT_EQ(h["years"][0]["records"][0]["kind"], "budget");
  EXPECT_EQ(Call("GET", "/api/v1/units/D02/history", unit_).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/units/B01/history", lead_).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/units/D01/history", lead_).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/units/D02/history", leader_).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/units/NOPE/history", admin_).status, 404);
}

}  // namespace
}  // namespace govperf::server
