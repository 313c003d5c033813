// 考核项目规范 the registry of assessment projects through the API, on a real
// SQLite file: applications (a lead department for its own department only),
// the office's decisions along the allowed moves, renewal from last year, the
// burden per assessed unit against last year — and every bad input refused
// naming the field, with nothing saved.
#include <gtest/gtest.h>

#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;

class ProjectsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = city_.TokenFor("admin");
    leader_ = city_.TokenFor("leader");
    lead_ = city_.TokenFor("lead_b01");
    unit_ = city_.TokenFor("unit_d01");
    expert_ = city_.TokenFor("expert1");
  }
  Response Call(const std::string& method, const std::string& path, const std::string& token,
                const Json& body = nullptr) {
    return city_.Call(method, path, body.is_null() ? "" : body.dump(), token);
  }
  int64_t AuditHead() { return city_.store().AuditHead()->first; }
  // An application of B01 assessing the districts (C1: D01, D02).
  static Json Safety(const std::string& id) {
    return {{"id", id},
            {"name_zh", "安全生产考核"},
            {"name_en", "Work safety"},
            {"department_id", "B01"},
            {"basis", "《安全生产法》第九条"},
            {"category_ids", {"C1"}},
            {"frequency", "quarterly"}};
  }
  std::string Url(int year, const std::string& rest = "") {
    return "/api/v1/years/" + std::to_string(year) + "/assessment-projects" + rest;
  }
  // Applies (as admin) and decides `status` in one go.
  void Seed(int year, Json project, const std::string& status) {
    Response r = Call("POST", Url(year), admin_, project);
    ASSERT_EQ(r.status, 201) << r.body;
    if (status == "applied") return;
    r = Call("POST", Url(year, "/" + project["id"].get<std::string>() + "/decision"), admin_,
             {{"status", status}, {"note", "审核"}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  TestCity city_;
  std::string admin_, leader_, lead_, unit_, expert_;
};

TEST_F(ProjectsApi, ALeadDepartmentAppliesForItsOwnDepartmentAndUnitsResolveFromCategories) {
  Response r = Call("POST", Url(2025), lead_, Safety("SAFE"));
  ASSERT_EQ(r.status, 201) << r.body;
  Json p = Body(r);
  EXPECT_EQ(p["status"], "applied");
  EXPECT_EQ(p["assessed_unit_ids"], Json({"D01", "D02"}));
  EXPECT_EQ(p["reports_per_year"], 4);  // quarterly by default
  EXPECT_EQ(p["applied_by"], "lead_b01");
  EXPECT_EQ(p["decided_by"], "");

  // Without an id: DEPT-NN; single units beside categories, explicit count.
  Json more = Safety("");
  more.erase("id");
  more["category_ids"] = Json::array();
  more["unit_ids"] = {"D02", "B02"};
  more["frequency"] = "monthly";
  more["reports_per_year"] = 10;
  r = Call("POST", Url(2025), lead_, more);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["id"], "B01-01");
  EXPECT_EQ(Body(r)["assessed_unit_ids"], Json({"B02", "D02"}));
  EXPECT_EQ(Body(r)["reports_per_year"], 10);
  // A lead department that names no department applies for its own.
  Json own = Safety("OWN");
  own.erase("department_id");
  r = Call("POST", Url(2025), lead_, own);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["department_id"], "B01");

  // Another department: refused, nothing saved.
  const int64_t audit0 = AuditHead();
  Json other = Safety("RIVER");
  other["department_id"] = "B02";
  r = Call("POST", Url(2025), lead_, other);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "department_id");
  EXPECT_EQ(AuditHead(), audit0);
  // The office may apply for any department.
  EXPECT_EQ(Call("POST", Url(2025), admin_, other).status, 201);

  // Reads: the registry for admin, leader and lead; filters by status and department.
  r = Call("GET", Url(2025, "?department=B01"), leader_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["projects"].size(), 3u);
  EXPECT_EQ(Body(r)["projects"][0]["id"], "SAFE");
  r = Call("GET", Url(2025, "?status=approved"), lead_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Body(r)["projects"].empty());
  r = Call("GET", Url(2025, "?status=kept"), admin_);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "status");
  EXPECT_EQ(Call("GET", Url(2025), unit_).status, 403);
  EXPECT_EQ(Call("GET", Url(2025), expert_).status, 403);
  EXPECT_EQ(Call("POST", Url(2025), unit_, Safety("X")).status, 403);
  EXPECT_EQ(Call("GET", Url(1999), admin_).status, 404);
}

TEST_F(ProjectsApi, BadInputNamesTheFieldAndSavesNothing) {
  ASSERT_EQ(Call("POST", Url(2025), admin_, Safety("SAFE")).status, 201);
  const int64_t audit0 = AuditHead();
  struct Case {
    const char* what;
    Json body;
    int status;
    const char* field;
  };
  auto with = [](const char* key, Json value) {
    Json j = Safety("NEW");
    j[key] = std::move(value);
    return j;
  };
  const std::vector<Case> cases = {
      {"unknown unit", with("unit_ids", {"D01", "Z99"}), 404, "unit_ids[1]"},
      {"unknown category", with("category_ids", {"C9"}), 404, "category_ids[0]"},
      {"unknown department", with("department_id", "B77"), 404, "department_id"},
      {"no assessed unit", with("category_ids", Json::array()), 400, "unit_ids"},
      {"frequency", with("frequency", "weekly"), 400, "frequency"},
      {"negative reports", with("reports_per_year", -1), 400, "reports_per_year"},
      {"absurd reports", with("reports_per_year", 367), 400, "reports_per_year"},
      {"fractional reports", with("reports_per_year", 2.5), 400, "reports_per_year"},
      {"reports as text", with("reports_per_year", "4"), 400, "reports_per_year"},
      {"no name", with("name_zh", ""), 400, "name_zh"},
      {"no basis", with("basis", ""), 400, "basis"},
      {"bad id", with("id", "安全/1"), 400, "id"},
      {"units not a list", with("unit_ids", "D01"), 400, "unit_ids"},
      {"repeated id", Safety("SAFE"), 409, "id"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const Response r = Call("POST", Url(2025), admin_, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Body(r)["details"]["field"], c.field) << r.body;
  }
  // zh-CN callers get the Chinese text.
  const Response zh =
      city_.Call("POST", Url(2025), with("frequency", "weekly").dump(), admin_, "zh-CN");
  EXPECT_NE(Body(zh)["message"].get<std::string>().find("不定期"), std::string::npos) << zh.body;
  EXPECT_EQ(AuditHead(), audit0);
  EXPECT_EQ(Body(Call("GET", Url(2025), admin_))["projects"].size(), 1u);
}

TEST_F(ProjectsApi, TheOfficeDecidesOnceAndOnlyAnApplicationIsEdited) {
  ASSERT_EQ(Call("POST", Url(2025), lead_, Safety("SAFE")).status, 201);
  ASSERT_EQ(Call("POST", Url(2025), lead_, Safety("RIVER")).status, 201);
  ASSERT_EQ(Call("POST", Url(2025), lead_, Safety("DUP")).status, 201);

  // Edit while applied (lead: own department, and it stays its own).
  Json edit = Safety("ignored");
  edit["frequency"] = "semiannual";
  edit["unit_ids"] = {"B02"};
  Response r = Call("PUT", Url(2025, "/SAFE"), lead_, edit);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["id"], "SAFE");
  EXPECT_EQ(Body(r)["reports_per_year"], 2);
  EXPECT_EQ(Body(r)["assessed_unit_ids"], Json({"B02", "D01", "D02"}));
  edit["department_id"] = "B02";
  r = Call("PUT", Url(2025, "/SAFE"), lead_, edit);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Body(r)["details"]["field"], "department_id");
  EXPECT_EQ(Call("PUT", Url(2025, "/NOPE"), admin_, Safety("x")).status, 404);

  // Only the office decides.
  EXPECT_EQ(Call("POST", Url(2025, "/SAFE/decision"), lead_, {{"status", "approved"}}).status, 403);
  const int64_t audit0 = AuditHead();
  r = Call("POST", Url(2025, "/DUP/decision"), admin_, {{"status", "refused"}});
  EXPECT_EQ(r.status, 400);  // a refusal says why
  EXPECT_EQ(Body(r)["details"]["field"], "note");
  r = Call("POST", Url(2025, "/RIVER/decision"), admin_,
           {{"status", "merged"}, {"merged_indicator_ids", {"1.1.1", "9.9"}}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Body(r)["details"]["field"], "merged_indicator_ids[1]");
  r = Call("POST", Url(2025, "/SAFE/decision"), admin_,
           {{"status", "approved"}, {"merged_indicator_ids", {"1.1.1"}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "merged_indicator_ids");
  r = Call("POST", Url(2025, "/SAFE/decision"), admin_, {{"status", "kept"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "status");
  r = Call("POST", Url(2025, "/SAFE/decision"), admin_, {{"status", "abolished"}, {"note", "x"}});
  EXPECT_EQ(r.status, 409);  // not approved yet
  EXPECT_EQ(AuditHead(), audit0);

  r = Call("POST", Url(2025, "/SAFE/decision"), admin_, {{"status", "approved"}, {"note", "保留"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["status"], "approved");
  EXPECT_EQ(Body(r)["decided_by"], "admin");
  EXPECT_EQ(Body(r)["decision_note"], "保留");
  r = Call("POST", Url(2025, "/RIVER/decision"), admin_,
           {{"status", "merged"}, {"merged_indicator_ids", {"1.1.1"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["merged_indicator_ids"], Json({"1.1.1"}));
  r = Call("POST", Url(2025, "/DUP/decision"), admin_,
           {{"status", "refused"}, {"note", "与综合考核重复"}});
  ASSERT_EQ(r.status, 200) << r.body;

  // Decided: no second decision, no edit.
  r = Call("POST", Url(2025, "/SAFE/decision"), admin_, {{"status", "refused"}, {"note", "x"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(Body(r)["details"]["field"], "status");
  r = Call("PUT", Url(2025, "/SAFE"), admin_, Safety("SAFE"));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(Body(r)["details"]["field"], "status");
  // A kept project is abolished later, with a reason.
  r = Call("POST", Url(2025, "/SAFE/decision"), admin_,
           {{"status", "abolished"}, {"note", "职能调整"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["status"], "abolished");
  auto audit = city_.store().ListAudit(0, 10000);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->back().action, "project.decide");
  EXPECT_EQ(audit->back().entity, "project:2025/SAFE");
}

TEST_F(ProjectsApi, BurdenPerUnitAgainstLastYear) {
  // 2024 (published: the registry is not scoring data, any stage takes it):
  // monthly safety on the districts, river chiefs on D01, statistics on B02.
  Json safe = Safety("SAFE");
  safe["frequency"] = "monthly";
  Seed(2024, safe, "approved");
  Json river = Safety("RIVER");
  river["category_ids"] = Json::array();
  river["unit_ids"] = {"D01"};
  river["reports_per_year"] = 6;
  Seed(2024, river, "approved");
  Json stats = Safety("STATS");
  stats["category_ids"] = Json::array();
  stats["unit_ids"] = {"B02"};
  stats["frequency"] = "annual";
  Seed(2024, stats, "approved");
  // 2025: safety quarterly now; river merged into the evaluation; statistics
  // still pending; a refused one.
  Seed(2025, Safety("SAFE"), "approved");
  Seed(2025, river, "merged");
  Seed(2025, stats, "applied");
  Seed(2025, Safety("DUP"), "refused");

  Response r = Call("GET", Url(2025, "/burden"), leader_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json b = Body(r);
  EXPECT_EQ(b["previous_year"], 2024);
  EXPECT_TRUE(b["has_previous"].get<bool>());
  ASSERT_EQ(b["units"].size(), 3u);  // D01, D02, then B02 (only last year)
  const Json& d01 = b["units"][0];
  EXPECT_EQ(d01["unit_id"], "D01");
  EXPECT_EQ(d01["name_zh"], "东区");
  EXPECT_EQ(d01["projects"], 1);
  EXPECT_EQ(d01["reports"], 4);
  EXPECT_EQ(d01["merged"], 1);
  EXPECT_EQ(d01["merged_ids"], Json({"RIVER"}));
  EXPECT_EQ(d01["previous_projects"], 2);
  EXPECT_EQ(d01["previous_reports"], 18);
  EXPECT_EQ(d01["delta_projects"], -1);
  EXPECT_EQ(d01["delta_reports"], -14);
  const Json& d02 = b["units"][1];
  EXPECT_EQ(d02["unit_id"], "D02");
  EXPECT_EQ(d02["delta_reports"], 4 - 12);
  const Json& b02 = b["units"][2];
  EXPECT_EQ(b02["unit_id"], "B02");
  EXPECT_EQ(b02["projects"], 0);
  EXPECT_EQ(b02["delta_reports"], -1);
  EXPECT_EQ(b["city"]["projects"], 1);
  EXPECT_EQ(b["city"]["merged"], 1);
  EXPECT_EQ(b["city"]["previous_projects"], 3);
  EXPECT_EQ(b["city"]["assessments"], 2);
  EXPECT_EQ(b["city"]["reports"], 8);
  EXPECT_EQ(b["city"]["previous_reports"], 12 + 12 + 6 + 1);
  EXPECT_EQ(b["city"]["delta_reports"], 8 - 31);

  // An assessed unit reads its own row (and the city's totals) only.
  r = Call("GET", Url(2025, "/burden"), unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Body(r)["units"].size(), 1u);
  EXPECT_EQ(Body(r)["units"][0]["unit_id"], "D01");
  EXPECT_EQ(Body(r)["city"]["reports"], 8);
  EXPECT_EQ(Call("GET", Url(2025, "/burden"), lead_).status, 200);
  EXPECT_EQ(Body(Call("GET", Url(2025, "/burden"), lead_))["units"].size(), 3u);
  EXPECT_EQ(Call("GET", Url(2025, "/burden"), expert_).status, 403);
}

TEST_F(ProjectsApi, CopyFromPreviousYearRenewsApprovedProjectsAsApplications) {
  Seed(2024, Safety("SAFE"), "approved");
  Json other = Safety("WATER");
  other["department_id"] = "B02";
  Seed(2024, other, "approved");
  Seed(2024, Safety("GONE"), "refused");
  Seed(2024, Safety("KEEP"), "approved");
  Seed(2025, Safety("KEEP"), "applied");  // already there

  // A lead department renews its own department's only.
  Response r = Call("POST", Url(2025, "/copy-from-previous"), lead_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json c = Body(r);
  EXPECT_EQ(c["from_year"], 2024);
  ASSERT_EQ(c["copied"].size(), 1u);
  EXPECT_EQ(c["copied"][0]["id"], "SAFE");
  EXPECT_EQ(c["copied"][0]["status"], "applied");
  EXPECT_EQ(c["copied"][0]["year"], 2025);
  EXPECT_EQ(c["copied"][0]["reports_per_year"], 4);
  ASSERT_EQ(c["skipped"].size(), 1u);
  EXPECT_EQ(c["skipped"][0]["id"], "KEEP");

  r = Call("POST", Url(2025, "/copy-from-previous"), admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  c = Body(r);
  ASSERT_EQ(c["copied"].size(), 1u);
  EXPECT_EQ(c["copied"][0]["id"], "WATER");
  EXPECT_EQ(c["skipped"].size(), 2u);  // SAFE (copied just now) and KEEP
  r = Call("GET", Url(2025), admin_);
  EXPECT_EQ(Body(r)["projects"].size(), 3u);  // KEEP, SAFE, WATER; GONE was refused
  EXPECT_EQ(Call("POST", Url(2025, "/copy-from-previous"), unit_).status, 403);
}

}  // namespace
}  // namespace govperf::server
