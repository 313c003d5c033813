// The permission matrix: EVERY route × EVERY role, against the table in
// docs/api.md. The expected matrix is written out here by hand on purpose — a
// change to policy.cc must be a deliberate change to this file too — and the
// role → permission table is additionally parsed from docs/api.md itself.
#include "server/policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "app/barometer/bulletins.h"
#include "app/results/year_cache.h"
#include "app/survey/sender.h"
#include "app/survey/codes.h"
#include "io/scheme_json.h"
#include "io/survey_json.h"
#include "io/xlsx_write.h"
#include "server/server_test_fixture.h"
#include "store/password.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;
using testing::Workbook;

const std::vector<std::string> kRoles = {"admin", "leader", "lead", "unit", "expert", "anonymous"};
const std::set<std::string> kAll = {"admin", "leader", "lead", "unit", "expert", "anonymous"};
const std::set<std::string> kLoggedIn = {"admin", "leader", "lead", "unit", "expert"};
// The appeal the next appeals/{id} sample acts on (seeded per role).
int64_t g_sample_appeal = 1;

// docs/api.md, route by route.
const std::map<std::string, std::set<std::string>>& ExpectedMatrix() {
  static const std::map<std::string, std::set<std::string>> kMatrix = {
      {"GET /api/health", kAll},
      {"POST /api/v1/auth/login", kAll},
      {"POST /api/v1/auth/logout", kLoggedIn},
      {"GET /api/v1/me", kLoggedIn},
      {"GET /api/v1/public/years", kAll},    // results.public
      {"GET /api/v1/public/results", kAll},  // results.public
      {"GET /api/v1/years", kLoggedIn},
      {"GET /api/v1/years/{year}/results", {"admin", "leader"}},
      {"GET /api/v1/units", kLoggedIn},
      // scorecard.any, or scorecard.own on the caller's own unit (the request
      // below uses the caller's own unit; other units are tested separately).
      {"GET /api/v1/years/{year}/units/{unit}/scorecard", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/lead/indicators", {"admin", "lead"}},      // lead.read
      {"PUT /api/v1/years/{year}/values", {"admin", "lead"}},  // values.write
      {"GET /api/v1/dashboard", {"admin", "leader"}},
      {"GET /api/v1/audit", {"admin"}},
      {"GET /api/v1/users", {"admin"}},
      // Analysis: results.all ...
      {"GET /api/v1/years/{year}/analysis/uncertainty", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/analysis/health", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/analysis/fairness", {"admin", "leader"}},
      {"POST /api/v1/years/{year}/whatif", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/scheme", {"admin", "leader"}},
      // ... or lead.read (narrowed to led indicators in the handler) ...
      {"GET /api/v1/years/{year}/analysis/anomalies", {"admin", "leader", "lead"}},
      // ... and scheme.write.
      {"PUT /api/v1/years/{year}/scheme", {"admin"}},
      // Running an installation.
      {"POST /api/v1/me/password", kLoggedIn},
      {"POST /api/v1/users", {"admin"}},
      {"PUT /api/v1/users/{username}", {"admin"}},
      {"POST /api/v1/users/{username}/password", {"admin"}},
      {"POST /api/v1/users/{username}/unlock", {"admin"}},
      {"GET /api/v1/org", kLoggedIn},
      {"POST /api/v1/org/categories", {"admin"}},
      {"PUT /api/v1/org/categories/{id}", {"admin"}},
      {"POST /api/v1/org/units", {"admin"}},
      {"PUT /api/v1/org/units/{id}", {"admin"}},
      {"POST /api/v1/org/units/{id}/merge", {"admin"}},
      {"POST /api/v1/years", {"admin"}},
      {"POST /api/v1/years/{year}/transition", {"admin"}},
      {"GET /api/v1/years/{year}/inputs", {"admin", "leader"}},
      {"PUT /api/v1/years/{year}/scores", {"admin"}},
      {"PUT /api/v1/years/{year}/unit-inputs", {"admin"}},
      {"POST /api/v1/years/{year}/adjustments", {"admin"}},
      {"DELETE /api/v1/years/{year}/adjustments/{id}", {"admin"}},
      // Workbooks in and out.
      {"GET /api/v1/org/export", {"admin"}},                             // org.write
      {"POST /api/v1/org/import", {"admin"}},                            // org.write
      {"GET /api/v1/years/{year}/scheme/export", {"admin", "leader"}},   // results.all
      {"POST /api/v1/years/{year}/scheme/import", {"admin"}},            // scheme.write
      {"GET /api/v1/years/{year}/targets/export", {"admin", "leader"}},  // results.all
      {"POST /api/v1/years/{year}/targets/import", {"admin"}},           // scheme.write
      // results.all or lead.read / values.write, narrowed to led indicators.
      {"GET /api/v1/years/{year}/values/export", {"admin", "leader", "lead"}},
      {"POST /api/v1/years/{year}/values/import", {"admin", "lead"}},
      {"GET /api/v1/years/{year}/results/export", {"admin", "leader"}},  // results.all
      {"GET /api/v1/templates/{what}", kLoggedIn},
      // ---- indicator setting (指标设置): samples use 2027 (setting) and 2025 ----
      {"GET /api/v1/scoring/methods", kLoggedIn},
      {"GET /api/v1/years/{year}/setting/scheme", kLoggedIn},  // setting.read
      {"POST /api/v1/years/{year}/setting/nodes", {"admin"}},
      {"PUT /api/v1/years/{year}/setting/nodes/{id}", {"admin"}},
      {"POST /api/v1/years/{year}/setting/nodes/{id}/move", {"admin"}},
      {"DELETE /api/v1/years/{year}/setting/nodes/{id}", {"admin"}},
      // setting.negotiate or results.all: experts never see targets.
      {"GET /api/v1/years/{year}/setting/targets", {"admin", "leader", "lead", "unit"}},
      // setting.negotiate, narrowed: a unit does not propose (403 in the use case).
      {"POST /api/v1/years/{year}/setting/targets/propose", {"admin", "lead"}},
      {"POST /api/v1/years/{year}/setting/targets/step", {"admin", "lead", "unit"}},
      {"GET /api/v1/years/{year}/setting/comments", kLoggedIn},
      {"POST /api/v1/years/{year}/setting/comments", {"admin", "expert"}},
      {"POST /api/v1/years/{year}/setting/publish", {"admin"}},
      {"GET /api/v1/years/{year}/setting/change-requests", {"admin", "leader", "lead", "unit"}},
      {"POST /api/v1/years/{year}/setting/change-requests", {"admin", "lead", "unit"}},
      {"POST /api/v1/years/{year}/setting/change-requests/{id}/decide", {"admin"}},
      {"GET /api/v1/years/{year}/setting/versions", kLoggedIn},
      {"GET /api/v1/years/{year}/setting/versions/{version}", kLoggedIn},
      {"GET /api/v1/years/{year}/setting/diff", kLoggedIn},
      {"GET /api/v1/years/{year}/setting/duties/{unit}", {"admin", "leader", "lead", "unit"}},
      {"PUT /api/v1/years/{year}/setting/duties/{unit}", {"admin"}},
      {"PUT /api/v1/years/{year}/setting/duties/{unit}/links/{indicator}", {"admin"}},
      // 日常监测 monitoring. reports.read (narrowed in the use case: units
      // reading other units' reports and evidence are tested in
      // ReportsAndEvidenceOfOtherUnitsAreDenied and monitoring_test.cc).
      {"GET /api/v1/years/{year}/reports", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/reports/{indicator}/{unit}/{period}",
       {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/reports/{indicator}/{unit}/{period}/evidence/{sha256}",
       {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/monitoring/settings", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/progress", {"admin", "leader", "lead", "unit"}},
      // reports.submit: one's own unit.
      {"PUT /api/v1/years/{year}/reports/{indicator}/{unit}/{period}", {"lead", "unit"}},
      {"POST /api/v1/years/{year}/reports/{indicator}/{unit}/{period}/evidence", {"lead", "unit"}},
      // reports.verify: led indicators (admin: any).
      {"POST /api/v1/years/{year}/reports/{indicator}/{unit}/{period}/verify", {"admin", "lead"}},
      {"POST /api/v1/years/{year}/reports/{indicator}/{unit}/{period}/return", {"admin", "lead"}},
      // monitoring.write.
      {"PUT /api/v1/years/{year}/monitoring/settings", {"admin"}},
      {"PUT /api/v1/years/{year}/tasks/{id}", {"admin"}},
      {"DELETE /api/v1/years/{year}/tasks/{id}", {"admin"}},
      {"POST /api/v1/years/{year}/calendar/seed", {"admin"}},
      {"PUT /api/v1/calendar/days/{date}", {"admin"}},
      {"DELETE /api/v1/calendar/days/{date}", {"admin"}},
      // Any session.
      {"GET /api/v1/years/{year}/tasks", kLoggedIn},
      {"GET /api/v1/calendar/days", kLoggedIn},
      {"GET /api/v1/inbox", kLoggedIn},
      {"POST /api/v1/inbox/read", kLoggedIn},
      // dashboard.read, values.write.
      {"GET /api/v1/years/{year}/progress/summary", {"admin", "leader"}},
      {"POST /api/v1/years/{year}/indicators/{indicator}/values.csv", {"admin", "lead"}},
      // 结果运用 result use: scorecard.own narrowed to one's own unit in the use case.
      {"GET /api/v1/years/{year}/result-use", {"admin", "leader", "lead", "unit"}},
      {"PUT /api/v1/years/{year}/result-use/rules", {"admin"}},
      {"POST /api/v1/years/{year}/result-use/records", {"admin"}},
      {"GET /api/v1/units/{unit}/history", {"admin", "leader", "lead", "unit"}},
      // 公示 and publication (samples use 2028, in 公示 with a closed window).
      {"GET /api/v1/years/{year}/publication", kLoggedIn},
      {"POST /api/v1/years/{year}/publication/approval", {"admin"}},  // years.write
      {"GET /api/v1/public/certificate", kAll},                       // results.public
      {"GET /api/v1/public/download", kAll},                          // results.public
      // 申诉 (samples use 2029, in 公示 with an open window): filing and
      // answering narrowed by the use case (own unit; the lead department).
      {"GET /api/v1/years/{year}/appeals", kLoggedIn},
      {"POST /api/v1/years/{year}/appeals", {"admin", "lead", "unit"}},
      {"POST /api/v1/years/{year}/appeals/{id}/answer", {"admin", "lead"}},
      {"GET /api/v1/years/{year}/appeals/{id}/knock-on", {"admin"}},  // years.write
      {"POST /api/v1/years/{year}/appeals/{id}/decide", {"admin"}},   // years.write
      // 年终考核 year-end assessment (2032 in year_end; close on 2033). The
      // narrowing (other units, another leader's ratings, missing reasons) is
      // tested in year_end_test.cc.
      {"GET /api/v1/years/{year}/year-end/self-evaluations", {"admin", "leader", "lead", "unit"}},
      {"PUT /api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}", {"lead", "unit"}},
      {"POST /api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/evidence",
       {"lead", "unit"}},
      {"GET /api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/evidence/{sha256}",
       {"admin", "leader", "lead", "unit"}},
      {"POST /api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/score",
       {"admin", "lead"}},
      {"GET /api/v1/years/{year}/year-end/spot-checks", {"admin"}},
      {"POST /api/v1/years/{year}/year-end/spot-checks", {"admin"}},
      {"POST /api/v1/years/{year}/year-end/spot-checks/{id}/findings", {"admin"}},
      {"GET /api/v1/years/{year}/year-end/claims", kLoggedIn},
      {"POST /api/v1/years/{year}/year-end/claims", {"admin", "lead", "unit"}},
      {"POST /api/v1/years/{year}/year-end/claims/{id}/evidence", {"lead", "unit"}},
      {"GET /api/v1/years/{year}/year-end/claims/{id}/evidence/{sha256}", kLoggedIn},
      {"POST /api/v1/years/{year}/year-end/claims/{id}/opinion", {"expert"}},
      {"POST /api/v1/years/{year}/year-end/claims/{id}/decide", {"admin"}},
      {"GET /api/v1/years/{year}/year-end/rating/setup", {"admin", "leader"}},
      {"PUT /api/v1/years/{year}/year-end/rating/setup", {"admin"}},
      {"GET /api/v1/years/{year}/year-end/rating/ratings", {"admin", "leader"}},
      {"PUT /api/v1/years/{year}/year-end/rating/ratings/{unit}", {"leader"}},
      {"POST /api/v1/years/{year}/year-end/rating/close", {"admin"}},
      // 绩效反馈 feedback: feedback.any, or feedback.own on one's own unit (a
      // lead department has neither; other units are tested separately).
      {"GET /api/v1/years/{year}/feedback/{unit}", {"admin", "leader", "unit"}},
      {"GET /api/v1/years/{year}/feedback/{unit}/pdf", {"admin", "leader", "unit"}},
      // 整改 rectification (samples on 2024, published).
      {"GET /api/v1/years/{year}/rectification", {"admin", "leader", "unit"}},
      {"GET /api/v1/years/{year}/rectification/closure", {"admin", "leader"}},
      {"POST /api/v1/years/{year}/rectification/units/{unit}/items", {"admin", "unit"}},
      {"GET /api/v1/years/{year}/rectification/items/{id}", {"admin", "leader", "unit"}},
      {"PUT /api/v1/years/{year}/rectification/items/{id}", {"admin", "unit"}},
      {"POST /api/v1/years/{year}/rectification/items/{id}/progress", {"admin", "unit"}},
      {"POST /api/v1/years/{year}/rectification/items/{id}/evidence", {"admin", "unit"}},
      {"GET /api/v1/years/{year}/rectification/items/{id}/evidence/{sha256}",
       {"admin", "leader", "unit"}},
      {"POST /api/v1/years/{year}/rectification/items/{id}/close", {"admin"}},
      {"POST /api/v1/years/{year}/rectification/items/{id}/reopen", {"admin"}},
      // 考核项目规范 registry of assessment projects (samples on 2025): a lead
      // department applies for its own department (B01; another one is
      // refused in assessment_projects_test.cc); scorecard.own reads one's
      // own burden row.
      {"GET /api/v1/years/{year}/assessment-projects", {"admin", "leader", "lead"}},
      {"POST /api/v1/years/{year}/assessment-projects", {"admin", "lead"}},
      {"PUT /api/v1/years/{year}/assessment-projects/{id}", {"admin", "lead"}},
      {"POST /api/v1/years/{year}/assessment-projects/{id}/decision", {"admin"}},
      {"POST /api/v1/years/{year}/assessment-projects/copy-from-previous", {"admin", "lead"}},
      {"GET /api/v1/years/{year}/assessment-projects/burden", {"admin", "leader", "lead", "unit"}},
      // 晴雨表 barometer: barometer.read (admin, leader); 季度通报: issued
      // bulletins for every unit and lead department, drafts and issuing for
      // the office (samples on 2025, in monitoring; the clock is 2026-01-01).
      {"GET /api/v1/barometer", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/barometer/months", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/bulletins", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/bulletins/preview", {"admin"}},
      {"GET /api/v1/years/{year}/bulletins/preview.pdf", {"admin"}},
      {"POST /api/v1/years/{year}/bulletins", {"admin"}},
      {"GET /api/v1/years/{year}/bulletins/{id}", {"admin", "leader", "lead", "unit"}},
      // 社会评价 results (sample: 2025-sat, closed, on 2025): computed now for
      // surveys.read, applied by surveys.manage; the applied rows for
      // results.all and scorecard.own (narrowed to one's own unit), and
      // public for a published year (2024).
      {"GET /api/v1/surveys/{id}/results", {"admin", "leader"}},
      {"POST /api/v1/surveys/{id}/apply", {"admin"}},
      {"GET /api/v1/years/{year}/satisfaction", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/public/years/{year}/satisfaction", kAll},
      // 社会评价 survey design: surveys.read (admin, leader), surveys.manage
      // (admin); 意见建议: opinions.read narrowed in app (a unit its own, a
      // lead its own and its topics'), answered by the unit or the topic's
      // lead (samples: D01's opinion of B01's topic), managed by the office;
      // closure rates public for a published year (sample 2024).
      {"GET /api/v1/surveys", {"admin", "leader"}},
      {"POST /api/v1/surveys", {"admin"}},
      {"GET /api/v1/surveys/{id}", {"admin", "leader"}},
      {"PUT /api/v1/surveys/{id}", {"admin"}},
      {"POST /api/v1/surveys/{id}/status", {"admin"}},
      {"POST /api/v1/surveys/{id}/margins", {"admin"}},
      {"GET /api/v1/surveys/{id}/qr.png", {"admin"}},
      {"GET /api/v1/surveys/{id}/poster.pdf", {"admin"}},
      {"POST /api/v1/surveys/{id}/invitations", {"admin"}},
      {"GET /api/v1/years/{year}/opinion-topics", {"admin", "leader", "lead", "unit"}},
      {"PUT /api/v1/years/{year}/opinion-topics", {"admin"}},
      {"POST /api/v1/surveys/{id}/opinions/route", {"admin"}},
      {"GET /api/v1/years/{year}/opinions", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/years/{year}/opinions/summary", {"admin", "leader", "lead", "unit"}},
      {"GET /api/v1/public/years/{year}/opinions/summary", kAll},
      {"GET /api/v1/opinions/{id}", {"admin", "leader", "lead", "unit"}},
      {"POST /api/v1/opinions/{id}/answer", {"lead", "unit"}},
      {"POST /api/v1/opinions/{id}/close", {"admin"}},
      {"POST /api/v1/opinions/{id}/dismiss", {"admin"}},
      {"POST /api/v1/opinions/{id}/route", {"admin"}},
      // 社会评价 collection: the questionnaire, device tokens and submissions
      // are public (respondents have no account; a signed-in user may answer
      // too); the review queue and fieldwork: surveys.read; review and
      // codes: surveys.manage (samples on survey "sat", 2025).
      {"GET /api/v1/s/{id}", kAll},
      {"POST /api/v1/s/{id}/token", kAll},
      {"POST /api/v1/s/{id}/responses", kAll},
      {"GET /api/v1/surveys/{id}/responses", {"admin", "leader"}},
      {"POST /api/v1/surveys/{id}/responses/{rid}/review", {"admin"}},
      {"POST /api/v1/surveys/{id}/codes", {"admin"}},
      {"GET /api/v1/surveys/{id}/fieldwork", {"admin", "leader"}},
  };
  return kMatrix;
}

const std::map<std::string, std::string> kUserOfRole = {{"admin", "admin"},
                                                        {"leader", "leader"},
                                                        {"lead", "lead_b01"},
                                                        {"unit", "unit_d01"},
                                                        {"expert", "expert1"}};

// Workbooks the import routes accept as dry runs that change nothing, for
// every role allowed to send them (the test city's own units, a one-leaf
// scheme for a new year, 2025's targets and one of its values unchanged).

std::string ImportBody(const std::string& pattern) {
  using C = io::OutCell;
  if (pattern == "/api/v1/org/import") {
    return Workbook("单位名录", {{"单位编码", "单位名称", "单位类别"},
                                 {"D01", "东区", "C1"},
                                 {"D02", "西区", "C1"},
                                 {"B01", "发展改革委", "C2"},
                                 {"B02", "统计局", "C2"}});
  }
  if (pattern == "/api/v1/years/{year}/scheme/import") {
    return Workbook("指标体系", {{"一级指标", "二级指标", "分值", "计分方法"},
                                 {"经济", "投资", "10", "定性评价法"}});
  }
  if (pattern == "/api/v1/years/{year}/targets/import") {
    return Workbook("目标值", {{"单位编码", "1.1.1", "2.1.1"},
                               {"D01", C::Number(10), ""},
                               {"D02", C::Number(10), ""},
                               {"B01", "", C::Number(100)},
                               {"B02", "", C::Number(100)}});
  }
  if (pattern == "/api/v1/years/{year}/values/import") {
    return Workbook("监测数据", {{"指标编码", "单位编码", "数值"}, {"1.1.1", "D01", C::Number(9)}});
  }
  return "";
}

const std::string kSamplePdf = "%PDF-1.4\n%%EOF\n";

// What the monitoring routes need before each role's request: D01's and
// B01's first-quarter reports submitted (verify/return move them on), the
// sample PDF attached to D01's, a task and a calendar day to delete.
void ResetMonitoring(TestCity& city, const std::string& role) {
  auto ok = city.store().Write({"system"}, [&](store::WriteTx& tx) {
    for (const auto& [ind, unit] :
         std::vector<std::pair<std::string, std::string>>{{"1.1.1", "D01"}, {"2.1.1", "B01"}}) {
      store::MonitoringReport r;
      r.year = 2025;
      r.indicator_id = ind;
      r.unit_id = unit;
      r.period = "2025-03";
      r.value = 3;
      r.submitted_by = "system";
      GOVPERF_RETURN_IF_ERROR(tx.PutReport(r));
    }
    store::EvidenceFile f{"", "application/pdf", kSamplePdf};
    GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
    GOVPERF_RETURN_IF_ERROR(tx.AttachEvidence(2025, "1.1.1", "D01", "2025-03",
                                              {f.sha256, "a.pdf", "", 0, "system", ""}));
    GOVPERF_RETURN_IF_ERROR(
        tx.PutNodeTask(2025, {"task-" + role, "任务", "", "", "unit", "", "2025-06-30", false}));
    return tx.PutCalendarDay({"2025-05-07", false, "测试", ""});
  });
  ASSERT_TRUE(ok.ok()) << ok.ToString();
}

// 整改: a fresh item of D01 in 2024 (published) for each role's request on
// an item route, with the sample PDF attached; closed first for `reopen`.
int64_t g_rect_item = 0;
void SeedRectification(TestCity& city, const std::string& pattern) {
  if (pattern.find("/rectification/items/{id}") == std::string::npos) return;
  auto ok = city.store().Write({"system"}, [&](store::WriteTx& tx) {
    store::RectificationItem item;
    item.year = 2024;
    item.unit_id = "D01";
    item.source = "indicator";
    item.indicator_id = "1.1.1";
    item.measure = "加快投资";
    item.owner = "张三";
    item.deadline = "2025-06-30";
    auto id = tx.AddRectificationItem(item);
    if (!id.ok()) return id.status();
    g_rect_item = *id;
    GOVPERF_RETURN_IF_ERROR(tx.AttachRectificationEvidence(
        2024, *id, {store::Sha256Hex(kSamplePdf), "a.pdf", "", 0, "", ""}));
    if (pattern.ends_with("/reopen")) {
      item.id = *id;
      item.state = "closed";
      return tx.UpdateRectificationItem(item, {0, "", "", "", "close", "测试", std::nullopt});
    }
    return Status::Ok();
  });
  ASSERT_TRUE(ok.ok()) << ok.ToString();
}

// 考核项目规范: a fresh application of B01 in 2025 for each role's request on
// a project route (edited or decided by the sample).
std::string g_sample_project = "P0";
void SeedProject(TestCity& city, const std::string& pattern) {
  if (pattern.find("/assessment-projects/{id}") == std::string::npos) return;
  static int n = 0;
  store::AssessmentProject p;
  p.year = 2025;
  p.id = "P" + std::to_string(++n);
  p.name_zh = "安全生产考核";
  p.department_id = "B01";
  p.basis = "安全生产法";
  p.category_ids = {"C1"};
  p.assessed_unit_ids = {"D01", "D02"};
  p.frequency = "quarterly";
  p.reports_per_year = 4;
  ASSERT_TRUE(city.store()
                  .Write({"system"}, [&](store::WriteTx& tx) { return tx.AddAssessmentProject(p); })
                  .ok());
  g_sample_project = p.id;
}

// 季度通报: an issued bulletin of 2025 Q4 to read (issued once, by the office's
// use case); the POST sample issues Q1.
int64_t g_bulletin = 0;
void SeedBulletin(TestCity& city, const std::string& pattern) {
  if (pattern.find("/bulletins/{id}") == std::string::npos || g_bulletin != 0) return;
  app::YearCache years(city.store());
  auto b = app::barometer::IssueBulletin(years, city.store(), app::Caller::System(), 2025, 4,
                                         "测试", {2026, 1, 1});
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  g_bulletin = b->record.id;
}

// 社会评价: a fresh draft survey of 2025 for every /surveys/{id} sample (so
// that opening it, editing it, importing its margins all succeed), and a
// fresh routed opinion of D01 under B01's topic for every /opinions/{id}.
std::string g_sample_survey = "s0";
int64_t g_sample_opinion = 0;
Json SampleSurveyJson(const std::string& id) {
  Json j = Json::parse(R"({"year": 2025, "title_zh": "满意度调查",
    "groups": [{"id": "citizen", "name_zh": "群众", "weight": 1}],
    "questions": [
      {"id": "district", "kind": "choice", "text_zh": "您住在哪个区？", "margin": "district",
       "options": [{"id": "D01", "label_zh": "东区"}, {"id": "D02", "label_zh": "西区"}]},
      {"id": "q", "kind": "scale", "text_zh": "满意程度", "unit_from": "district"},
      {"id": "opinion", "kind": "text", "text_zh": "意见建议", "unit_from": "district"}],
    "scale_points": {"1": 0, "2": 40, "3": 60, "4": 80, "5": 100},
    "public_link": true, "public_group": "citizen"})");
  j["id"] = id;
  return j;
}
void SeedSurvey(TestCity& city, const std::string& pattern) {
  const bool survey = pattern.rfind("/api/v1/surveys/{id}", 0) == 0;
  const bool opinion = pattern.rfind("/api/v1/opinions/{id}", 0) == 0;
  if (!survey && !opinion) return;
  static int n = 0;
  g_sample_survey = "s" + std::to_string(++n);
  auto s = io::SurveyFromJson(SampleSurveyJson(g_sample_survey));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(
      city.store().Write({"system"}, [&](store::WriteTx& tx) { return tx.PutSurvey(*s); }).ok());
  if (!opinion) return;
  std::vector<store::Opinion> add(1);
  add[0].year = 2025;
  add[0].survey_id = g_sample_survey;
  add[0].response_id = n;
  add[0].question_id = "opinion";
  add[0].unit_id = "D01";
  add[0].topic_id = "business";
  add[0].lead_unit_id = "B01";
  add[0].text = "审批太慢";
  ASSERT_TRUE(city.store()
                  .Write({"system"},
                         [&](store::WriteTx& tx) -> Status { return tx.AddOpinions(add).status(); })
                  .ok());
  g_sample_opinion = add[0].id;
}

// 社会评价 samples: an open survey "sat" (2025) with a public link; a fresh
// invitation code for each submission and a flagged response for each review.
std::string g_survey_code;
int64_t g_survey_rid = 0;
int g_survey_key = 0;
void SeedSurveyCollection(TestCity& city, const std::string& pattern) {
  if (pattern.find("/api/v1/s/") != 0 && pattern.find("/api/v1/surveys/") != 0) return;
  namespace sv = core::survey;
  if (!city.store().FindSurvey("sat")->has_value()) {
    sv::Survey s;
    s.id = "sat";
    s.year = 2025;
    s.title_zh = "满意度调查";
    s.groups = {{"citizens", "群众", "Citizens", 1}};
    sv::Question q{"q1", sv::QuestionKind::kScale, "满意吗？"};
    q.required = true;
    q.unit_id = "D01";
    s.questions = {q};
    s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    s.public_link = true;
    s.public_group = "citizens";
    ASSERT_TRUE(city.store()
                    .Write({"system"},
                           [&](store::WriteTx& tx) -> Status {
                             GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                             return tx.SetSurveyStatus("sat", sv::SurveyStatus::kOpen);
                           })
                    .ok());
  }
  auto codes =
      app::survey::IssueCodes(city.store(), app::Caller::System(), {"sat", 1, "citizens", {}, ""});
  ASSERT_TRUE(codes.ok()) << codes.status().ToString();
  g_survey_code = codes->front();
  if (pattern.ends_with("/review")) {
    // No paradata: flagged for review.
    const Response r = city.Call("POST", "/api/v1/s/sat/responses",
                                 Json({{"code", g_survey_code},
                                       {"idempotency_key", "seed-" + g_survey_code},
                                       {"answers", {{"q1", 3}}}})
                                     .dump());
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(Body(r)["status"], "flagged");
    g_survey_rid = Body(r)["response_id"].get<int64_t>();
  }
}

// A concrete, valid request for a route pattern, as `role` would send it.
std::string method_of(const RouteSpec& route) { return route.method; }

Request SampleRequest(const RouteSpec& route, const std::string& role, const std::string& token) {
  std::string path = route.pattern;
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = path.find(from);
    if (at != std::string::npos) path.replace(at, from.size(), to);
  };
  // 年终考核: one's own self-evaluation for filing (B01 is assessed on 2.1.1),
  // D01's on 1.1.1 (led by B01) otherwise; claims seeded by SeedYearEnd.
  if (std::string(route.pattern).find("/year-end/") != std::string::npos) {
    const std::string pat = route.pattern;
    const bool own = pat.find("/self-evaluations/{indicator}") != std::string::npos &&
                     (std::string(route.method) == "PUT" || pat.ends_with("/evidence"));
    replace("{indicator}/{unit}", own && role == "lead" ? "2.1.1/B01" : "1.1.1/D01");
    replace("{year}", pat.ends_with("/rating/close") ? "2033" : "2032");
    if (pat.find("/claims/{id}") != std::string::npos) {
      replace("{id}", pat.ends_with("/decide") ? "3" : role == "lead" ? "2" : "1");
    }
    replace("{id}", "1");
  }
  // Reports: one's own for submitting (a lead department's unit B01 is
  // assessed on 2.1.1), D01's on 1.1.1 (led by B01) for everything else.
  const bool own_report =
      std::string(route.pattern).find("/reports/{indicator}") != std::string::npos &&
      (std::string(route.method) == "PUT" || std::string(route.pattern).ends_with("/evidence"));
  replace("/{indicator}/{unit}/{period}",
          own_report && role == "lead" ? "/2.1.1/B01/2025-03" : "/1.1.1/D01/2025-03");
  replace("{sha256}", store::Sha256Hex(kSamplePdf));
  replace("{indicator}", "1.1.1");
  replace("{date}", "2025-05-07");
  // A scheme may only be replaced in a draft or new year: 2026 does not exist yet.
  const bool put_scheme =
      (std::string(route.method) == "PUT" && path.find("/scheme") != std::string::npos) ||
      std::string(route.pattern) == "/api/v1/years/{year}/scheme/import";
  // Indicator setting: 2027 is in the setting stage; adjustment requests,
  // versions and diffs are about 2025 (being monitored).
  const std::string pat = route.pattern;
  const bool setting = pat.find("/setting/") != std::string::npos &&
                       pat.find("/change-requests") == std::string::npos &&
                       pat.find("/versions") == std::string::npos &&
                       pat.find("/diff") == std::string::npos;
  // A result is used only once published: 2024.
  if (route.pattern == std::string("/api/v1/years/{year}/result-use/records")) {
    replace("{year}", "2024");
  }
  const bool publication = pat.find("/publication") != std::string::npos;
  const bool appeals = pat.find("/appeals") != std::string::npos;
  // 整改 is written on published years: 2024.
  const bool rectification = pat.find("/rectification") != std::string::npos;
  if (rectification) replace("{id}", std::to_string(g_rect_item));
  if (pat.find("/bulletins/{id}") != std::string::npos) replace("{id}", std::to_string(g_bulletin));
  if (pat.find("/bulletins/preview") != std::string::npos) path += "?quarter=1";
  // 意见建议 closure rates are public for a published year: 2024.
  if (pat == "/api/v1/public/years/{year}/opinions/summary") replace("{year}", "2024");
  if (pat == "/api/v1/public/years/{year}/satisfaction") replace("{year}", "2024");
  // Results are computed and applied on the closed 2025-sat; the design
  // routes work on a fresh draft (SeedSurvey).
  const bool closed_survey = pat == "/api/v1/surveys/{id}/results" || pat == "/api/v1/surveys/{id}/apply";
  // Collection routes (responses, review, codes, fieldwork) use the open "sat" below.
  const bool collection = pat == "/api/v1/surveys/{id}/responses" ||
                          pat == "/api/v1/surveys/{id}/responses/{rid}/review" ||
                          pat == "/api/v1/surveys/{id}/codes" ||
                          pat == "/api/v1/surveys/{id}/fieldwork";
  if (pat.rfind("/api/v1/surveys/{id}", 0) == 0 && !collection) {
    replace("{id}", closed_survey ? "2025-sat" : g_sample_survey);
  }
  if (pat.rfind("/api/v1/opinions/{id}", 0) == 0) replace("{id}", std::to_string(g_sample_opinion));
  replace("{year}", appeals         ? "2029"
                    : publication   ? "2028"
                    : put_scheme    ? "2026"
                    : setting       ? "2027"
                    : rectification ? "2024"
                                    : "2025");
  if (appeals) replace("{id}", std::to_string(g_sample_appeal));
  replace("{unit}", role == "lead" ? "B01" : "D01");
  replace("{username}", "unit_d01");
  replace("{what}", "values");
  const std::string pattern = route.pattern;
  if (pattern.find("/org/categories/{id}") != std::string::npos) replace("{id}", "C2");
  if (pattern == "/api/v1/org/units/{id}") replace("{id}", "D02");
  if (pattern == "/api/v1/org/units/{id}/merge") replace("{id}", "NEWU");
  if (pattern.find("/adjustments/{id}") != std::string::npos) replace("{id}", "adj-" + role);
  // ---- indicator setting ----
  if (pattern.find("/setting/nodes/{id}") != std::string::npos) {
    replace("{id}", pattern.find("/move") != std::string::npos || method_of(route) == "DELETE"
                        ? "9"
                        : "1.1.1");
  }
  if (pattern.find("/change-requests/{id}") != std::string::npos) replace("{id}", "1");
  replace("{version}", "1");
  replace("{indicator}", "1.1.1");
  if (pattern.find("/setting/diff") != std::string::npos) path += "?from=1&to=2";
  if (pattern.find("/tasks/{id}") != std::string::npos) replace("{id}", "task-" + role);
  if (pattern.find("/assessment-projects/{id}") != std::string::npos) {
    replace("{id}", g_sample_project);
  }
  if (pattern.find("/api/v1/s/{id}") == 0 || pattern.find("/api/v1/surveys/{id}") == 0) {
    replace("{id}", "sat");
    replace("{rid}", std::to_string(g_survey_rid));
  }
  const std::string method = route.method;
  std::string body;
  if (path == "/api/v1/auth/login") {
    body = Json({{"username", role == "anonymous" ? "admin" : kUserOfRole.at(role)},
                 {"password", testing::kPassword}})
               .dump();
  } else if (path == "/api/v1/years/2025/values") {
    body = R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":9.5})";
  } else if (path == "/api/v1/years/2025/whatif") {
    body = R"({"changes":[{"op":"points","indicator_id":"1.1.1","points":12}]})";
  } else if (!ImportBody(route.pattern).empty()) {
    body = ImportBody(route.pattern);
    path += "?dry_run=1";
  } else if (put_scheme) {
    body = io::SchemeToJson(testing::TinyScheme(2026)).dump();
  } else if (pattern == "/api/v1/me/password") {
    body =
        Json({{"old_password", testing::kPassword}, {"new_password", "Changed-pass-2026"}}).dump();
  } else if (method == "POST" && pattern == "/api/v1/users") {
    body =
        R"({"username":"new_user","display_name":"新用户","role":"expert","password":"Pass-word-2026"})";
  } else if (pattern == "/api/v1/users/{username}") {
    body = R"({"display_name":"东区（新）"})";
  } else if (pattern == "/api/v1/users/{username}/password") {
    body = Json({{"password", testing::kPassword}}).dump();
  } else if (method == "POST" && pattern == "/api/v1/org/categories") {
    body = R"({"id":"C3","name_zh":"驻市单位","kind":"stationed"})";
  } else if (pattern == "/api/v1/org/categories/{id}") {
    body = R"({"name_zh":"市直单位"})";
  } else if (method == "POST" && pattern == "/api/v1/org/units") {
    body = R"({"id":"NEWU","name_zh":"新单位","category_id":"C2","kind":"department"})";
  } else if (pattern == "/api/v1/org/units/{id}") {
    body = R"({"name_en":"West District","note":"英文名更正"})";
  } else if (pattern == "/api/v1/org/units/{id}/merge") {
    body = R"({"into":"B01","note":"机构改革"})";
  } else if (method == "POST" && pattern == "/api/v1/years") {
    body = R"({"year":2030})";
  } else if (pattern == "/api/v1/years/{year}/transition") {
    body = R"({"to":"year_end"})";
  } else if (pattern == "/api/v1/years/{year}/scores") {
    body = R"({"unit_id":"D01","satisfaction":91.5,"satisfaction_se":1.1})";
  } else if (pattern == "/api/v1/years/{year}/unit-inputs") {
    body = R"({"unit_id":"D01","inputs":{"budget":1200,"staff":30}})";
  } else if (method == "POST" && pattern == "/api/v1/years/{year}/adjustments") {
    body = R"({"unit_id":"D01","kind":"bonus","points":1,"reason_zh":"国家级表彰"})";
  } else if (method == "PUT" && pattern.find("/reports/") != std::string::npos) {
    body = R"({"value":3.5,"narrative":"一季度"})";
  } else if (pattern.ends_with("/return")) {
    body = R"({"reason":"请补充佐证"})";
  } else if (pattern.ends_with("/evidence")) {
    path += "?name=a.pdf";
    body = kSamplePdf;
  } else if (pattern == "/api/v1/years/{year}/monitoring/settings") {
    body = R"({"due_days_after":10})";
  } else if (method == "PUT" && pattern.find("/tasks/") != std::string::npos) {
    body = R"({"name_zh":"任务","from_role":"unit","due_date":"2025-06-30"})";
  } else if (method == "PUT" && pattern.find("/calendar/days/") != std::string::npos) {
    body = R"({"kind":"holiday","name_zh":"测试"})";
  } else if (pattern.ends_with("/values.csv")) {
    body = "unit_id,period,value\nD01,2025-05,1\n";
  } else if (pattern == "/api/v1/inbox/read") {
    body = R"({"id":0})";
  } else if (pattern == "/api/v1/years/{year}/result-use/rules") {
    body = R"({"rules":[{"grade":"excellent","bonus_coefficient":1.2,"cadre":"优先推荐"}]})";
  } else if (pattern == "/api/v1/years/{year}/result-use/records") {
    body = R"({"unit_id":"D01","kind":"bonus","outcome":"绩效奖金系数 1.2","coefficient":1.2})";
  } else if (pattern == "/api/v1/years/{year}/publication/approval") {
    body = R"({"meeting_date":"2020-01-10","meeting_ref":"绩效委〔2020〕1号"})";
  } else if (method == "POST" && pattern == "/api/v1/years/{year}/appeals") {
    body =
        role == "lead"
            ? R"({"unit_id":"B01","kind":"indicator","indicator_id":"2.1.1","claimed_value":100,"reason":"数据有误"})"
            : R"({"unit_id":"D01","kind":"indicator","indicator_id":"1.1.1","claimed_value":12,"reason":"数据有误"})";
  } else if (pattern.ends_with("/appeals/{id}/answer")) {
    body = R"({"answer":"经核实，数据无误"})";
  } else if (pattern.ends_with("/appeals/{id}/decide")) {
    body = R"({"uphold":false,"reason":"不予支持"})";
  }
  // ---- 考核项目规范 assessment projects ----
  if (pattern == "/api/v1/years/{year}/assessment-projects" ||
      pattern == "/api/v1/years/{year}/assessment-projects/{id}") {
    if (method == "POST" || method == "PUT") {
      body = R"({"name_zh":"安全生产考核","department_id":"B01","basis":"安全生产法",)"
             R"("category_ids":["C1"],"frequency":"quarterly"})";
    }
  } else if (pattern == "/api/v1/years/{year}/assessment-projects/{id}/decision") {
    body = R"({"status":"approved","note":"保留"})";
  }
  if (method == "POST" && pattern == "/api/v1/years/{year}/bulletins") {
    body = R"({"quarter":1,"foreword":"一季度通报"})";
  }
  // ---- 整改 rectification ----
  if (pattern == "/api/v1/years/{year}/rectification/units/{unit}/items") {
    body = R"({"items":[{"source":"indicator","indicator_id":"1.1.1","measure":"加快投资",)"
           R"("owner":"张三","deadline":"2025-06-30"}]})";
  } else if (method == "PUT" && pattern == "/api/v1/years/{year}/rectification/items/{id}") {
    body = R"({"owner":"赵六"})";
  } else if (pattern.ends_with("/progress")) {
    body = R"({"text":"进展","progress":50})";
  } else if (pattern.ends_with("/close") || pattern.ends_with("/reopen")) {
    body = R"({"note":"核查"})";
  }
  // ---- indicator setting ----
  if (method == "POST" && pattern == "/api/v1/years/{year}/setting/nodes") {
    body = R"({"id":"9","name_zh":"创新","points":0})";
  } else if (method == "PUT" && pattern == "/api/v1/years/{year}/setting/nodes/{id}") {
    body = R"({"name_zh":"投资完成率（修订）"})";
  } else if (pattern == "/api/v1/years/{year}/setting/nodes/{id}/move") {
    body = R"({"parent_id":"1"})";
  } else if (pattern == "/api/v1/years/{year}/setting/targets/propose") {
    body = R"({"items":[{"indicator_id":"1.1.1","unit_id":"D01","value":12,"reason":"规划"}]})";
  } else if (pattern == "/api/v1/years/{year}/setting/targets/step") {
    const char* action = role == "admin" ? "decide" : role == "lead" ? "accept_counter" : "accept";
    body = Json({{"indicator_id", "1.1.1"},
                 {"unit_id", "D01"},
                 {"action", action},
                 {"value", 11},
                 {"reason", "裁定"}})
               .dump();
  } else if (method == "POST" && pattern == "/api/v1/years/{year}/setting/comments") {
    body = R"({"indicator_id":"1.1.1","text":"建议"})";
  } else if (pattern == "/api/v1/years/{year}/setting/publish") {
    body = R"({"note":"审定"})";
  } else if (method == "POST" && pattern == "/api/v1/years/{year}/setting/change-requests") {
    body =
        role == "lead"
            ? R"({"kind":"points","indicator_id":"1.1.1","points":12,"reason":"更重要"})"
            : R"({"kind":"target","indicator_id":"1.1.1","unit_id":"D01","value":8,"reason":"灾情"})";
  } else if (pattern == "/api/v1/years/{year}/setting/change-requests/{id}/decide") {
    body = R"({"approve":true,"reason":"同意"})";
  } else if (method == "PUT" && pattern == "/api/v1/years/{year}/setting/duties/{unit}") {
    body = R"({"items":[{"id":"Q1","title":"重大项目审批"}]})";
  } else if (pattern == "/api/v1/years/{year}/setting/duties/{unit}/links/{indicator}") {
    body = R"({"item_ids":["Q1"]})";
  }
  // ---- 年终考核 ----
  if (method == "PUT" && pattern.ends_with("/self-evaluations/{indicator}/{unit}")) {
    body = R"({"value":9,"text":"自评"})";
  } else if (pattern.ends_with("/score")) {
    body = R"({"value":10,"reason":"核定"})";
  } else if (method == "POST" && pattern.ends_with("/year-end/spot-checks")) {
    body = R"({"size":1,"seed":"7"})";
  } else if (pattern.ends_with("/findings")) {
    body = R"({"indicator_id":"1.1.1","unit_id":"D01","finding":"confirmed"})";
  } else if (method == "POST" && pattern.ends_with("/year-end/claims")) {
    body =
        role == "unit"
            ? R"({"unit_id":"D01","kind":"bonus","category":"innovation","points":1,"reason":"创新"})"
            : R"({"unit_id":"D02","kind":"deduction","points":1,"reason":"安全事故"})";
  } else if (pattern.ends_with("/opinion")) {
    body = R"({"opinion":"support","text":"可推广"})";
  } else if (pattern.ends_with("/decide") && pattern.find("/claims/") != std::string::npos) {
    body = R"({"approve":false,"reason":"不符合条件"})";
  } else if (method == "PUT" && pattern.ends_with("/rating/setup")) {
    body = R"({"dimensions":[{"id":"work","name_zh":"工作实绩","weight":0.6},)"
           R"({"id":"style","name_zh":"作风建设","weight":0.4}],"scale_min":1,"scale_max":5,)"
           R"("levels":[{"id":"principal","name_zh":"主要领导","weight":1}],)"
           R"("leaders":[{"username":"leader","level":"principal","unit_ids":["D01","D02"]}]})";
  } else if (method == "PUT" && pattern.find("/rating/ratings/") != std::string::npos) {
    body = R"({"scores":{"work":4,"style":5}})";
  }
  // ---- 社会评价 survey design and 意见建议 opinions ----
  if (method == "POST" && pattern == "/api/v1/surveys") {
    body = SampleSurveyJson("new-" + role).dump();
  } else if (method == "PUT" && pattern == "/api/v1/surveys/{id}") {
    body = SampleSurveyJson(g_sample_survey).dump();
  } else if (pattern == "/api/v1/surveys/{id}/status") {
    body = R"({"status":"open"})";
  } else if (pattern == "/api/v1/surveys/{id}/margins") {
    body = "group,variable,level,total\ncitizen,district,D01,100\ncitizen,district,D02,80\n";
    path += "?filename=margins.csv";
  } else if (pattern == "/api/v1/surveys/{id}/invitations") {
    body = R"({"group_id":"citizen","recipients":[{"to":"13800000001","name":"王先生"}]})";
  } else if (method == "PUT" && pattern == "/api/v1/years/{year}/opinion-topics") {
    body =
        R"({"topics":[{"id":"business","name_zh":"营商环境","keywords":["营商"],"lead_unit_id":"B01"}]})";
  } else if (pattern == "/api/v1/opinions/{id}/answer") {
    body = R"({"answer":"已办理"})";
  } else if (pattern == "/api/v1/opinions/{id}/close") {
    body = R"({"note":"已办结"})";
  } else if (pattern == "/api/v1/opinions/{id}/dismiss") {
    body = R"({"reason":"重复提交"})";
  } else if (pattern == "/api/v1/opinions/{id}/route") {
    body = R"({"unit_id":"D02"})";
  }
  if (pattern == "/api/v1/s/{id}/responses") {
    body = Json({{"code", g_survey_code},
                 {"idempotency_key", "policy-" + std::to_string(++g_survey_key)},
                 {"answers", {{"q1", 4}}},
                 {"paradata", {{"started_at_ms", 1000}, {"submitted_at_ms", 60000}}}})
               .dump();
  } else if (pattern == "/api/v1/surveys/{id}/responses/{rid}/review") {
    body = R"({"status":"accepted","note":"核实无误"})";
  } else if (pattern == "/api/v1/surveys/{id}/codes") {
    body = R"({"count":2})";
  }
  return testing::MakeRequest(route.method, path, body, token);
}

// Puts the 1.1.1/D01 negotiation of 2027 in `state` (the step each role's
// sample request takes needs its own starting state).
void SeedNegotiation(TestCity& city, const std::string& state) {
  store::TargetNegotiation n{"1.1.1", "D01", state, 12.0, 10.0, std::nullopt, "", {}};
  ASSERT_TRUE(city.store()
                  .Write({"system"},
                         [&](store::WriteTx& tx) {
                           return tx.PutTargetStep(2027, n, {0, "", "", "", "seed", {}, ""});
                         })
                  .ok());
}

// 年终考核: 2032 and 2033 in year_end with the rating form, claims 1 (D01's
// innovation bonus, by unit_d01), 2 (B01's deduction against D02) and 3 (a
// commendation for D02), spot check 1 drawing 1.1.1/D01; the sample PDF on
// claims 1 and 2.
void SeedYearEnd(TestCity& city) {
  const store::Actor sys{"system"};
  for (int year : {2032, 2033}) {
    ASSERT_TRUE(city.store().SaveScheme(sys, testing::TinyScheme(year)).ok());
    ASSERT_TRUE(city.store().PutYear(sys, {year, core::Stage::kYearEnd, "", 0}).ok());
    store::RatingSetup setup;
    setup.year = year;
    setup.dimensions = {{"work", "工作实绩", "", 0.6}, {"style", "作风建设", "", 0.4}};
    setup.scale_min = 1;
    setup.scale_max = 5;
    setup.levels = {{"principal", "主要领导", "", 1}};
    setup.leaders = {{"leader", "principal", {"D01", "D02"}}};
    ASSERT_TRUE(
        city.store().Write(sys, [&](store::WriteTx& tx) { return tx.PutRatingSetup(setup); }).ok());
  }
  auto claim = [&](const store::Actor& who, std::string unit, std::string kind,
                   std::string category, std::string raised_unit) {
    store::Claim c;
    c.year = 2032;
    c.unit_id = std::move(unit);
    c.kind = std::move(kind);
    c.category = std::move(category);
    c.points = 1;
    c.reason = "测试";
    c.raised_unit = std::move(raised_unit);
    ASSERT_TRUE(city.store()
                    .Write(who,
                           [&](store::WriteTx& tx) {
                             auto id = tx.AddClaim(c);
                             if (!id.ok()) return id.status();
                             if (c.kind == "bonus" && c.category == "commendation") {
                               return Status::Ok();
                             }
                             store::EvidenceFile f{"", "application/pdf", kSamplePdf};
                             GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
                             return tx.AttachYearEndEvidence(2032, "claim:" + std::to_string(*id),
                                                             {f.sha256, "a.pdf", "", 0, "", ""});
                           })
                    .ok());
  };
  claim({"unit_d01", core::Role::kUnit}, "D01", "bonus", "innovation", "D01");
  claim({"lead_b01", core::Role::kLead}, "D02", "deduction", "", "B01");
  claim(sys, "D02", "bonus", "commendation", "");
  store::SpotCheck check;
  check.year = 2032;
  check.seed = "1";
  check.size = 1;
  check.items = {{"1.1.1", "D01", "", {}, "", "", ""}};
  ASSERT_TRUE(city.store()
                  .Write(sys, [&](store::WriteTx& tx) { return tx.AddSpotCheck(check).status(); })
                  .ok());
}

// Before each request: D01's self-evaluation on 1.1.1 and B01's on 2.1.1
// submitted and not scored (the score route scores D01's), the sample PDF on D01's.
void ResetYearEnd(TestCity& city) {
  auto ok = city.store().Write({"system"}, [&](store::WriteTx& tx) {
    for (const auto& [ind, unit] :
         std::vector<std::pair<std::string, std::string>>{{"1.1.1", "D01"}, {"2.1.1", "B01"}}) {
      store::SelfEvaluation e;
      e.year = 2032;
      e.indicator_id = ind;
      e.unit_id = unit;
      e.value = 9;
      e.text = "自评";
      e.submissions = 1;
      e.submitted_by = "system";
      GOVPERF_RETURN_IF_ERROR(tx.PutSelfEvaluation(e));
    }
    store::EvidenceFile f{"", "application/pdf", kSamplePdf};
    GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
    return tx.AttachYearEndEvidence(2032, "self:1.1.1/D01", {f.sha256, "a.pdf", "", 0, "", ""});
  });
  ASSERT_TRUE(ok.ok()) << ok.ToString();
}

TEST(ServerPolicy, EveryRouteForEveryRoleMatchesTheDocumentedMatrix) {
  // Survey invitations need a sender and a public address: a spool file.
  store::testing::TempDir spool;
  AppOptions options;
  options.public_url = "https://pj.example.gov.cn";
  options.invitation_sender =
      std::make_shared<app::survey::FileSender>(spool.File("invitations.jsonl"));
  TestCity city(options);
  // Indicator setting samples: 2027 in the setting stage, its duty item Q1 for
  // D01 (lead_b01 reads B01's list, empty).
  ASSERT_TRUE(city.store().SaveScheme({"system"}, testing::TinyScheme(2027)).ok());
  ASSERT_TRUE(city.store().PutYear({"system"}, {2027, core::Stage::kSetting, "", 0}).ok());
  // 公示 samples: 2028 in preliminary, its window long closed.
  ASSERT_TRUE(city.store().SaveScheme({"system"}, testing::TinyScheme(2028)).ok());
  ASSERT_TRUE(
      city.store()
          .Write({"system"},
                 [&](store::WriteTx& tx) -> Status {
                   GOVPERF_RETURN_IF_ERROR(tx.PutYear({2028, core::Stage::kPreliminary, "", 0}));
                   store::PublicityWindow w;
                   w.year = 2028;
                   w.start_date = "2020-01-01";
                   w.end_date = "2020-01-08";
                   return tx.AddPublicityWindow(w);
                 })
          .ok());
  // 申诉 samples: 2029 in preliminary, its window open.
  ASSERT_TRUE(city.store().SaveScheme({"system"}, testing::TinyScheme(2029)).ok());
  ASSERT_TRUE(
      city.store()
          .Write({"system"},
                 [&](store::WriteTx& tx) -> Status {
                   GOVPERF_RETURN_IF_ERROR(tx.PutYear({2029, core::Stage::kPreliminary, "", 0}));
                   store::PublicityWindow w;
                   w.year = 2029;
                   w.start_date = "2020-01-01";
                   w.end_date = "2099-12-31";
                   return tx.AddPublicityWindow(w);
                 })
          .ok());
  SeedYearEnd(city);
  // 社会评价: a closed survey of 2025 (no responses: every unit no_answers).
  {
    core::survey::Survey sv;
    sv.id = "2025-sat";
    sv.year = 2025;
    sv.title_zh = "2025 年度社会满意度调查";
    sv.groups = {{"citizens", "群众", "Citizens", 1}};
    sv.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    ASSERT_TRUE(city.store()
                    .Write({"system"},
                           [&](store::WriteTx& tx) -> Status {
                             GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(sv));
                             GOVPERF_RETURN_IF_ERROR(
                                 tx.SetSurveyStatus(sv.id, core::survey::SurveyStatus::kOpen));
                             return tx.SetSurveyStatus(sv.id, core::survey::SurveyStatus::kClosed);
                           })
                    .ok());
  }
  std::set<std::string> seen;
  for (const RouteSpec& route : Routes()) {
    const std::string key = std::string(route.method) + " " + route.pattern;
    seen.insert(key);
    auto expected = ExpectedMatrix().find(key);
    ASSERT_NE(expected, ExpectedMatrix().end()) << key << " is not in the expected matrix";
    for (const std::string& role : kRoles) {
      SCOPED_TRACE(key + " as " + role);
      const std::string token = role == "anonymous" ? "" : city.TokenFor(kUserOfRole.at(role));
      if (std::string(route.pattern).find("/adjustments/{id}") != std::string::npos) {
        // Something to delete: an item per role, made through the store.
        core::Adjustment a;
        a.id = "adj-" + role;
        a.unit_id = "D02";
        a.points = 1;
        a.reason_zh = "测试";
        ASSERT_TRUE(
            city.store()
                .Write({"system"}, [&](store::WriteTx& tx) { return tx.PutAdjustment(2025, a); })
                .ok());
      }
      if (key == "POST /api/v1/years/{year}/setting/targets/step" &&
          (role == "admin" || role == "lead" || role == "unit")) {
        SeedNegotiation(city, role == "admin"  ? "escalated"
                              : role == "lead" ? "countered"
                                               : "proposed");
      }
      ResetMonitoring(city, role);
      if (std::string(route.pattern).find("/appeals/{id}") != std::string::npos) {
        // A fresh filed appeal of D01 on 1.1.1 (led by B01) for each sample.
        store::Appeal a;
        a.year = 2029;
        a.unit_id = "D01";
        a.kind = "indicator";
        a.indicator_id = "1.1.1";
        a.claimed_value = 12;
        a.reason = "数据有误";
        ASSERT_TRUE(city.store()
                        .Write({"system"}, [&](store::WriteTx& tx) { return tx.AddAppeal(a); })
                        .ok());
        g_sample_appeal = a.id;
      }
      ResetYearEnd(city);
      SeedRectification(city, route.pattern);
      SeedProject(city, route.pattern);
      SeedBulletin(city, route.pattern);
      SeedSurvey(city, route.pattern);
      SeedSurveyCollection(city, route.pattern);
      const Response r = Settled(city.app().Handle(SampleRequest(route, role, token)));
      if (std::string(route.pattern) == "/api/v1/me/password" && role != "anonymous") {
        // Put the password back, so later logins of this role still work.
        auto user = city.store().FindUser(kUserOfRole.at(role));
        ASSERT_TRUE(user.ok() && user->has_value());
        store::User u = **user;
        u.password_hash = *store::HashPassword(testing::kPassword);
        ASSERT_TRUE(city.store().PutUser({"system"}, u).ok());
      }
      if (expected->second.count(role)) {
        EXPECT_EQ(r.status / 100, 2) << r.body;
      } else {
        EXPECT_EQ(r.status, role == "anonymous" ? 401 : 403) << r.body;
        EXPECT_EQ(Body(r)["code"], role == "anonymous" ? "unauthenticated" : "permission_denied");
      }
    }
  }
  EXPECT_EQ(seen.size(), ExpectedMatrix().size()) << "a documented route has no policy entry";
}

TEST(ServerPolicy, OwnScorecardMeansOwnUnitOnly) {
  TestCity city;
  for (const auto& [user, own, other] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"unit_d01", "D01", "D02"},
                                                                      {"lead_b01", "B01", "B02"}}) {
    const std::string token = city.TokenFor(user);
    EXPECT_EQ(city.Call("GET", "/api/v1/years/2024/units/" + own + "/scorecard", "", token).status,
              200);
    EXPECT_EQ(
        city.Call("GET", "/api/v1/years/2024/units/" + other + "/scorecard", "", token).status,
        403);
  }
}

TEST(ServerPolicy, ReportsAndEvidenceOfOtherUnitsAreDenied) {
  TestCity city;
  ResetMonitoring(city, "x");
  const std::string report = "/api/v1/years/2025/reports/1.1.1/D01/2025-03";
  const std::string evidence = report + "/evidence/" + store::Sha256Hex(kSamplePdf);
  // unit_d01 reads its own; another unit's user, a lead department that
  // neither leads 1.1.1 nor is D01, and an expert do not.
  store::User other;
  other.username = "unit_d02";
  other.display_name = "西区";
  other.role = core::Role::kUnit;
  other.unit_id = "D02";
  other.password_hash = testing::PasswordHash();
  ASSERT_TRUE(city.store().PutUser({"system"}, other).ok());
  store::User lead2 = other;
  lead2.username = "lead_b02";
  lead2.role = core::Role::kLead;
  lead2.unit_id = "B02";
  ASSERT_TRUE(city.store().PutUser({"system"}, lead2).ok());
  for (const char* who : {"unit_d02", "lead_b02", "expert1"}) {
    const std::string token = city.TokenFor(who);
    for (const std::string& url : {report, evidence}) {
      const Response r = city.Call("GET", url, "", token);
      EXPECT_EQ(r.status, 403) << who << " " << url << " " << r.body;
    }
    // Nor write it: another unit's report, evidence on it.
    EXPECT_EQ(city.Call("PUT", report, R"({"value":1})", token).status, 403) << who;
    EXPECT_EQ(city.Call("POST", report + "/evidence?name=a.pdf", kSamplePdf, token).status, 403)
        << who;
  }
  EXPECT_EQ(city.Call("GET", evidence, "", city.TokenFor("unit_d01")).status, 200);
}

// The role → permission table of docs/api.md, parsed from the document.
std::map<std::string, std::set<std::string>> DocumentedPermissions() {
  std::ifstream in(std::string(GOVPERF_SOURCE_DIR) + "/docs/api.md");
  std::string line;
  std::vector<std::string> roles;
  std::map<std::string, std::set<std::string>> out;
  auto cells = [](const std::string& row) {
    std::vector<std::string> c;
    std::stringstream ss(row);
    std::string cell;
    std::getline(ss, cell, '|');  // before the first '|'
    while (std::getline(ss, cell, '|')) {
      const size_t b = cell.find_first_not_of(' ');
      const size_t e = cell.find_last_not_of(' ');
      c.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
    }
    return c;
  };
  while (std::getline(in, line)) {
    if (line.rfind("| permission |", 0) == 0) {
      for (const auto& c : cells(line)) roles.push_back(c.substr(0, c.find(' ')));
    } else if (!roles.empty() && line.rfind("| `", 0) == 0) {
      const auto c = cells(line);
      const std::string perm = c[0].substr(1, c[0].find('`', 1) - 1);
      for (size_t i = 1; i < c.size() && i < roles.size(); ++i) {
        if (c[i].find("✓") != std::string::npos) out[roles[i]].insert(perm);
      }
    } else if (!roles.empty() && !out.empty() && line.empty()) {
      break;
    }
  }
  return out;
}

TEST(ServerPolicy, RolePermissionTableIsTheOneInApiMd) {
  const auto documented = DocumentedPermissions();
  ASSERT_EQ(documented.size(), 6u) << "could not parse the table in docs/api.md";
  for (const std::string& role : kRoles) {
    std::set<std::string> actual;
    for (Permission p : PermissionsOf(*core::ParseRole(role))) actual.insert(PermissionName(p));
    EXPECT_EQ(actual, documented.at(role)) << role;
  }
  EXPECT_TRUE(PermissionsOf(core::Role::kSystem).empty());
}

}  // namespace
}  // namespace govperf::server
