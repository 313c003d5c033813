// Survey results against a real SQLite store. The responses are inserted
// with plain SQL into survey_responses (migration 0017), as the response
// journal would leave them; the numbers are worked by hand below.
//
// Survey 2025-sat: citizens (weight 0.6, raked to sex f 50 / m 50) rate the
// district they live in (q_area, unit_from the choice "district"); firms
// (weight 0.4, not raked) rate D01 (q_firm, unit_id D01). Points: 1..5 →
// 0, 40, 60, 80, 100.
//   citizens: f D01 100, f D01 80, f D02 60, m D01 40, m D02 不了解,
//             and a flagged m D01 0 that must not count.
//   raked: three f share 50 (16.67 each), two m share 50 (25 each), so
//   D01 citizens = (16.67·100 + 16.67·80 + 25·40) / (33.33 + 25) = 68.571…
//   (unweighted it would be 73.33); D02 citizens = 60 (n 1, don't know 1).
//   firms: D01 100 and 60 → 80.
//   D01 = 0.6 · 68.571 + 0.4 · 80 = 73.143; D02 = 60 (citizens only);
//   D03: nobody → no_answers.
#include "app/survey/results.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <set>

#include "app/results/year_cache.h"
#include "app/year_inputs.h"
#include "store/store_testing.h"

namespace govperf::app::survey {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

core::Scheme ResultsScheme() {
  core::Scheme s;
  s.year = 2025;
  std::vector<core::GradeLevel> grades = {
      {"excellent", "优秀", "Excellent", 90, 0.5},
      {"good", "良好", "Good", 80, std::nullopt},
      {"qualified", "合格", "Qualified", 60, std::nullopt},
      {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
  s.categories = {{"C1", "区县", "Districts", core::UnitKind::kDistrict, {}, grades}};
  s.units = {{"D01", "东区", "East", "C1", "", core::UnitKind::kDistrict},
             {"D02", "西区", "West", "C1", "", core::UnitKind::kDistrict},
             {"D03", "北区", "North", "C1", "", core::UnitKind::kDistrict}};
  core::Indicator top, mid, leaf;
  top.id = "1";
  top.level = 1;
  top.name_zh = "经济发展";
  mid.id = "1.1";
  mid.parent_id = "1";
  mid.level = 2;
  mid.name_zh = "增长";
  leaf.id = "1.1.1";
  leaf.parent_id = "1.1";
  leaf.level = 3;
  leaf.name_zh = "投资完成率";
  leaf.points = 10;
  leaf.method = "completion_ratio";
  leaf.category_ids = {"C1"};
  s.indicators = {top, mid, leaf};
  s.targets = {{{"1.1.1", "D01"}, 10}, {{"1.1.1", "D02"}, 10}, {{"1.1.1", "D03"}, 10}};
  return s;
}

class SurveyResultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("office.db");
    auto opened = store::OpenSqliteStore(path_, clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    const store::Actor sys;
    ASSERT_TRUE(store_->SaveScheme(sys, ResultsScheme()).ok());
    ASSERT_TRUE(store_->PutYear(sys, {2025, core::Stage::kMonitoring, "", 0}).ok());
    core::YearData d;
    for (const char* u : {"D01", "D02", "D03"}) {
      core::Datum x;
      x.indicator_id = "1.1.1";
      x.unit_id = u;
      x.period = "2025";
      x.value = 9;
      x.entered_by = "system";
      d.values.push_back(x);
      d.satisfaction[u] = 70;
      d.leadership[u] = 90;
    }
    ASSERT_TRUE(store_->SaveYearData(sys, 2025, d).ok());

    namespace sv = core::survey;
    sv::Survey s;
    s.id = "2025-sat";
    s.year = 2025;
    s.title_zh = "2025 年度社会满意度调查";
    s.groups = {{"citizens", "群众", "Citizens", 0.6}, {"firms", "企业", "Enterprises", 0.4}};
    sv::Question district;
    district.id = "district";
    district.kind = sv::QuestionKind::kChoice;
    district.text_zh = "您居住在哪个区？";
    district.options = {{"D01", "东区", ""}, {"D02", "西区", ""}, {"D03", "北区", ""}};
    sv::Question area;
    area.id = "q_area";
    area.kind = sv::QuestionKind::kScale;
    area.text_zh = "您对本区政府工作满意吗？";
    area.unit_from = "district";
    area.allow_dont_know = true;
    sv::Question firm;
    firm.id = "q_firm";
    firm.kind = sv::QuestionKind::kScale;
    firm.text_zh = "您对东区营商环境满意吗？";
    firm.unit_id = "D01";
    s.questions = {district, area, firm};
    s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    s.margins["citizens"]["sex"] = {{"f", 50}, {"m", 50}};
    s.min_sample = 2;
    ASSERT_TRUE(store_
                    ->Write(sys,
                            [&](store::WriteTx& tx) -> Status {
                              GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                              return tx.SetSurveyStatus(s.id, sv::SurveyStatus::kOpen);
                            })
                    .ok());
    Insert("citizens", R"({"sex":"f"})", R"({"district":"D01","q_area":5})");
    Insert("citizens", R"({"sex":"f"})", R"({"district":"D01","q_area":4})");
    Insert("citizens", R"({"sex":"f"})", R"({"district":"D02","q_area":3})");
    Insert("citizens", R"({"sex":"m"})", R"({"district":"D01","q_area":2})");
    Insert("citizens", R"({"sex":"m"})", R"({"district":"D02","q_area":null})");
    Insert("citizens", R"({"sex":"m"})", R"({"district":"D01","q_area":1})", "flagged");
    Insert("firms", "{}", R"({"q_firm":5})");
    Insert("firms", "{}", R"({"q_firm":3})");
  }

  // One response row as the journal writes it.
  void Insert(const std::string& group, const std::string& cells, const std::string& answers,
              const std::string& status = "accepted", const std::string& survey = "2025-sat") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const std::string n = std::to_string(++inserted_);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "INSERT INTO survey_responses (survey_id, channel, credential, "
                                 "idempotency_key, group_id, cells, answers, started_at_ms, "
                                 "submitted_at_ms, received_at, client_hash, status, reason, "
                                 "batch_id) VALUES (?, 'code', ?, ?, ?, ?, ?, 0, 90000, "
                                 "1700000000, 'h', ?, ?, 1)",
                                 -1, &st, nullptr),
              SQLITE_OK);
    const std::string cred = "cred-" + n, key = "key-" + n,
                      reason = status == "flagged" ? "speeder" : "";
    sqlite3_bind_text(st, 1, survey.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, cred.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, group.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, cells.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, answers.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, status.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, reason.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
  }

  const store::SurveyResultRow* Row(const SurveyResults& r, const std::string& unit,
                                    const std::string& group) {
    for (const auto& row : r.rows)
      if (row.unit_id == unit && row.group_id == group) return &row;
    return nullptr;
  }

  Caller admin_{"office", core::Role::kAdmin, "", ""};
  TempDir dir_;
  std::string path_;
  FakeClock clock_{1767225600};
  std::unique_ptr<store::Store> store_;
  int inserted_ = 0;
};

constexpr double kD01Citizens = (50.0 / 3 * 100 + 50.0 / 3 * 80 + 25 * 40) / (100.0 / 3 + 25);
constexpr double kD01 = 0.6 * kD01Citizens + 0.4 * 80;

TEST_F(SurveyResultsTest, ComputeWeighsRakesAndCombinesByHand) {
  ResultsOptions o;
  o.replicates = 200;
  auto r = Compute(*store_, admin_, "2025-sat", o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->respondents, 7);  // the flagged one is not used
  EXPECT_EQ(r->year, 2025);
  const auto* d01c = Row(*r, "D01", "citizens");
  ASSERT_NE(d01c, nullptr);
  EXPECT_EQ(d01c->n, 3);
  EXPECT_NEAR(*d01c->score, kD01Citizens, 1e-6);
  EXPECT_GT(*d01c->se, 0);
  const auto* d01f = Row(*r, "D01", "firms");
  ASSERT_NE(d01f, nullptr);
  EXPECT_DOUBLE_EQ(*d01f->score, 80);
  const auto* d01 = Row(*r, "D01", "");
  ASSERT_NE(d01, nullptr);
  EXPECT_EQ(d01->n, 5);
  EXPECT_NEAR(*d01->score, kD01, 1e-6);
  EXPECT_LE(*d01->ci_low, *d01->score);
  EXPECT_GE(*d01->ci_high, *d01->score);
  EXPECT_EQ(d01->warning, "");
  const auto* d02 = Row(*r, "D02", "");
  ASSERT_NE(d02, nullptr);
  EXPECT_DOUBLE_EQ(*d02->score, 60);
  EXPECT_EQ(d02->n, 1);
  EXPECT_EQ(d02->n_dont_know, 1);
  EXPECT_EQ(d02->warning, "small_sample");
  const auto* d03 = Row(*r, "D03", "");
  ASSERT_NE(d03, nullptr);
  EXPECT_FALSE(d03->score.has_value());
  EXPECT_EQ(d03->warning, "no_answers");
  EXPECT_EQ(Row(*r, "D03", "citizens"), nullptr);
  ASSERT_EQ(r->groups.size(), 2u);
  EXPECT_TRUE(r->groups[0].rake.raked);
  EXPECT_FALSE(r->groups[1].rake.raked);
  // The same data, the same intervals (the seed is the survey's).
  auto again = Compute(*store_, admin_, "2025-sat", o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*Row(*again, "D01", "")->se, *d01->se);
  // Refusals.
  EXPECT_EQ(Compute(*store_, {"u", core::Role::kUnit, "D01", ""}, "2025-sat").status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Compute(*store_, admin_, "nope").status().code(), Code::kNotFound);
  o.replicates = 5;
  EXPECT_EQ(Compute(*store_, admin_, "2025-sat", o).status().field(), "replicates");
}

TEST_F(SurveyResultsTest, ApplyWritesResultsAndScoresInOneGoAndTheEngineUsesThem) {
  YearCache years(*store_);
  auto before = years.IntervalsOf(2025, 200, 0.95);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  const auto width = [](const Intervals& iv, const std::string& unit) {
    for (const auto& u : iv)
      if (u.unit_id == unit) return u.total_upper - u.total_lower;
    return -1.0;
  };
  const double width_before = width(**before, "D01");

  // Open: refused, nothing written.
  auto open = Apply(*store_, admin_, "2025-sat");
  EXPECT_EQ(open.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(open.status().field(), "survey_id");
  EXPECT_TRUE(store_->ListSurveyResults("2025-sat")->empty());
  ASSERT_TRUE(store_
                  ->Write(admin_.actor(),
                          [](store::WriteTx& tx) {
                            return tx.SetSurveyStatus("2025-sat",
                                                      core::survey::SurveyStatus::kClosed);
                          })
                  .ok());
  EXPECT_EQ(Apply(*store_, {"leader", core::Role::kLeader, "", ""}, "2025-sat").status().code(),
            Code::kPermissionDenied);
  const int64_t audit_before = store_->AuditHead()->first;
  auto applied = Apply(*store_, admin_, "2025-sat");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(applied->units_written, 2);  // D01, D02; D03 has no answers
  // One transaction: the sources record, the results record and two score records.
  EXPECT_EQ(store_->AuditHead()->first, audit_before + 4);

  auto rows = store_->ListSurveyResults("2025-sat");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 6u);  // D01 '' citizens firms, D02 '' citizens, D03 ''
  EXPECT_EQ((*rows)[0].unit_id, "D01");
  EXPECT_NEAR(*(*rows)[0].score, kD01, 1e-6);

  auto d01 = store_->LoadComponentScores(2025, "D01");
  ASSERT_TRUE(d01.ok());
  EXPECT_NEAR(*d01->satisfaction, kD01, 1e-6);
  EXPECT_NEAR(*d01->satisfaction_se, *(*rows)[0].se, 1e-12);
  EXPECT_GT(*d01->satisfaction_se, 1);     // five answers: a wide error
  EXPECT_DOUBLE_EQ(*d01->leadership, 90);  // kept
  auto d03 = store_->LoadComponentScores(2025, "D03");
  EXPECT_DOUBLE_EQ(*d03->satisfaction, 70);  // no answers: unchanged
  EXPECT_FALSE(d03->satisfaction_se.has_value());

  // The engine's results use the new satisfaction…
  auto view = years.View(2025);
  ASSERT_TRUE(view.ok());
  bool found = false;
  for (const auto& u : (*view)->result.units) {
    if (u.unit_id == "D01") {
      found = true;
      EXPECT_NEAR(u.satisfaction, kD01, 1e-6);
    }
    if (u.unit_id == "D03") {
      EXPECT_DOUBLE_EQ(u.satisfaction, 70);
    }
  }
  EXPECT_TRUE(found);
  // …and its standard error widens D01's score interval.
  auto after = years.IntervalsOf(2025, 200, 0.95);
  ASSERT_TRUE(after.ok());
  EXPECT_GT(width(**after, "D01"), width_before + 1);

  // Applied rows for the year.
  auto year = YearSatisfaction(*store_, 2025);
  ASSERT_TRUE(year.ok());
  ASSERT_EQ(year->size(), 1u);
  EXPECT_EQ((*year)[0].survey_id, "2025-sat");
  EXPECT_EQ((*year)[0].rows.size(), 6u);
}

// Several surveys in one year: a survey of other units combines with the
// first; one of the same units is refused (naming the units and the other
// survey, nothing written) unless replace, audited as a replacement; the
// satisfaction's source is read back per unit.
TEST_F(SurveyResultsTest, SeveralSurveysInAYearCombineAndAClashIsRefusedUnlessReplace) {
  namespace sv = core::survey;
  // A one-question survey of firms about `unit`, closed, with two answers.
  auto one_unit_survey = [&](const std::string& id, const std::string& unit, int a, int b) {
    sv::Survey s;
    s.id = id;
    s.year = 2025;
    s.title_zh = "企业满意度调查";
    s.groups = {{"firms", "企业", "Enterprises", 1}};
    sv::Question q;
    q.id = "q";
    q.kind = sv::QuestionKind::kScale;
    q.text_zh = "您对该单位满意吗？";
    q.unit_id = unit;
    s.questions = {q};
    s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    ASSERT_TRUE(store_
                    ->Write(admin_.actor(),
                            [&](store::WriteTx& tx) -> Status {
                              GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                              return tx.SetSurveyStatus(id, sv::SurveyStatus::kOpen);
                            })
                    .ok());
    Insert("firms", "{}", "{\"q\":" + std::to_string(a) + "}", "accepted", id);
    Insert("firms", "{}", "{\"q\":" + std::to_string(b) + "}", "accepted", id);
  };
  auto close = [&](const std::string& id) {
    ASSERT_TRUE(store_
                    ->Write(admin_.actor(),
                            [&](store::WriteTx& tx) {
                              return tx.SetSurveyStatus(id, sv::SurveyStatus::kClosed);
                            })
                    .ok());
  };
  auto satisfaction = [&](const std::string& unit) {
    return store_->LoadComponentScores(2025, unit)->satisfaction.value_or(-1);
  };
  close("2025-sat");
  ASSERT_TRUE(Apply(*store_, admin_, "2025-sat").ok());  // D01, D02
  one_unit_survey("2025-north", "D03", 5, 4);            // 100, 80 → 90
  one_unit_survey("2025-east", "D01", 3, 5);             // 60, 100 → 80
  close("2025-north");
  close("2025-east");

  // Different units: combine.
  auto north = Apply(*store_, admin_, "2025-north");
  ASSERT_TRUE(north.ok()) << north.status().ToString();
  EXPECT_EQ(north->units_written, 1);
  EXPECT_TRUE(north->replaced.empty());
  EXPECT_NEAR(satisfaction("D03"), 90, 1e-9);
  EXPECT_NEAR(satisfaction("D01"), kD01, 1e-6);

  // The same unit as 2025-sat: refused, naming D01 and 2025-sat; nothing written.
  const int64_t audit_before = store_->AuditHead()->first;
  auto clash = Apply(*store_, admin_, "2025-east");
  EXPECT_EQ(clash.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(clash.status().field(), "replace");
  EXPECT_NE(clash.status().message().find("D01 from survey '2025-sat'"), std::string::npos)
      << clash.status().message();
  EXPECT_NE(clash.status().message_zh().find("2025-sat"), std::string::npos);
  EXPECT_EQ(store_->AuditHead()->first, audit_before);
  EXPECT_TRUE(store_->ListSurveyResults("2025-east")->empty());
  EXPECT_NEAR(satisfaction("D01"), kD01, 1e-6);

  // With replace: written, the source moves, audited as a replacement.
  auto replaced = Apply(*store_, admin_, "2025-east", true);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  ASSERT_EQ(replaced->replaced.size(), 1u);
  EXPECT_EQ(replaced->replaced[0].unit_id, "D01");
  EXPECT_EQ(replaced->replaced[0].survey_id, "2025-sat");
  EXPECT_NEAR(satisfaction("D01"), 80, 1e-9);
  EXPECT_NEAR(satisfaction("D02"), 60, 1e-9);  // still 2025-sat's
  auto audit = store_->ListAudit(audit_before, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ((*audit)[0].action, "survey.satisfaction.replace");
  EXPECT_EQ((*audit)[0].before, R"({"replaced":{"D01":"2025-sat"}})");

  // Re-applying 2025-east is allowed; 2025-sat now clashes on D01 (2025-east's).
  EXPECT_TRUE(Apply(*store_, admin_, "2025-east").ok());
  auto again = Apply(*store_, admin_, "2025-sat");
  EXPECT_EQ(again.status().field(), "replace");
  EXPECT_NE(again.status().message().find("D01 from survey '2025-east'"), std::string::npos)
      << again.status().message();

  // Which survey supplied each unit's satisfaction.
  auto year = YearSatisfaction(*store_, 2025);
  ASSERT_TRUE(year.ok());
  std::map<std::string, std::set<std::string>> supplies;
  for (const auto& a : *year) supplies[a.survey_id] = a.supplies;
  EXPECT_EQ(supplies["2025-sat"], (std::set<std::string>{"D02"}));
  EXPECT_EQ(supplies["2025-north"], (std::set<std::string>{"D03"}));
  EXPECT_EQ(supplies["2025-east"], (std::set<std::string>{"D01"}));
  auto v = store_->VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 手工录入: a hand entry of satisfaction is a source. It records "manual"
// (who, when); applying a survey over it is refused naming the unit and
// "hand-entered" unless replace; typing over a survey's unit is refused
// unless replace, then audited as a replacement; a patch that only repeats
// the stored satisfaction (saving the leadership score) is no hand entry.
TEST_F(SurveyResultsTest, HandEnteredSatisfactionIsASourceAndClashesAreRefusedUnlessReplace) {
  namespace sv = core::survey;
  auto satisfaction = [&](const std::string& unit) {
    return store_->LoadComponentScores(2025, unit)->satisfaction.value_or(-1);
  };
  auto source_of = [&](const std::string& unit) -> std::string {
    auto sources = store_->ListSatisfactionSources(2025);  // kept: the loop reads into it
    for (const auto& s : *sources) {
      if (s.unit_id == unit) return s.manual() ? "manual:" + s.applied_by : s.survey_id;
    }
    return "";
  };
  auto hand = [&](const std::string& unit, std::optional<double> sat, bool replace = false) {
    ScoresPatch p;
    p.unit_id = unit;
    p.satisfaction = {true, sat};
    p.satisfaction_se = {true, sat ? std::optional<double>(1.5) : std::nullopt};
    p.replace = replace;
    return PutScores(*store_, admin_, 2025, p);
  };

  // D02 typed in by hand: recorded as manual (who, when).
  clock_.Set(1767300000);
  auto typed = hand("D02", 77);
  ASSERT_TRUE(typed.ok()) << typed.status().ToString();
  EXPECT_EQ(satisfaction("D02"), 77);
  EXPECT_EQ(store_->LoadComponentScores(2025, "D02")->satisfaction_se, 1.5);
  EXPECT_EQ(source_of("D02"), "manual:" + admin_.username);
  auto hand_list = HandEnteredSatisfaction(*store_, 2025);
  ASSERT_TRUE(hand_list.ok());
  ASSERT_EQ(hand_list->size(), 1u);
  EXPECT_EQ((*hand_list)[0].unit_id, "D02");
  EXPECT_EQ((*hand_list)[0].applied_at, 1767300000);
  auto audit = store_->ListAudit(store_->AuditHead()->first - 1, 5);
  ASSERT_TRUE(audit.ok() && !audit->empty());
  EXPECT_EQ(audit->back().action, "satisfaction.manual");
  EXPECT_EQ(audit->back().entity, "satisfaction:2025/D02");

  // Applying 2025-sat (D01 and D02) over the hand entry: refused, naming D02
  // and hand-entered; nothing written.
  ASSERT_TRUE(store_
                  ->Write(admin_.actor(),
                          [&](store::WriteTx& tx) {
                            return tx.SetSurveyStatus("2025-sat", sv::SurveyStatus::kClosed);
                          })
                  .ok());
  const int64_t head = store_->AuditHead()->first;
  auto clash = Apply(*store_, admin_, "2025-sat");
  EXPECT_EQ(clash.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(clash.status().field(), "replace");
  EXPECT_NE(clash.status().message().find("D02 hand-entered"), std::string::npos)
      << clash.status().message();
  EXPECT_NE(clash.status().message_zh().find("手工录入"), std::string::npos);
  EXPECT_EQ(store_->AuditHead()->first, head);
  EXPECT_EQ(satisfaction("D02"), 77);
  EXPECT_EQ(satisfaction("D01"), 70);  // the fixture's, never recorded: no source
  EXPECT_TRUE(store_->ListSurveyResults("2025-sat")->empty());

  // With replace: the survey's scores, the source moves, audited.
  auto applied = Apply(*store_, admin_, "2025-sat", true);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  ASSERT_EQ(applied->replaced.size(), 1u);
  EXPECT_EQ(applied->replaced[0].unit_id, "D02");
  EXPECT_TRUE(applied->replaced[0].manual());
  EXPECT_NEAR(satisfaction("D02"), 60, 1e-9);
  EXPECT_NEAR(satisfaction("D01"), kD01, 1e-6);
  EXPECT_EQ(source_of("D02"), "2025-sat");
  audit = store_->ListAudit(head, 10);
  ASSERT_TRUE(audit.ok() && !audit->empty());
  EXPECT_EQ((*audit)[0].action, "survey.satisfaction.replace");
  EXPECT_EQ((*audit)[0].before, R"({"replaced":{"D02":"manual"}})");
  EXPECT_TRUE(HandEnteredSatisfaction(*store_, 2025)->empty());

  // Typing over D01 (the survey's): refused naming the survey, unchanged.
  const int64_t head2 = store_->AuditHead()->first;
  auto over = hand("D01", 95);
  EXPECT_EQ(over.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(over.status().field(), "replace");
  EXPECT_NE(over.status().message().find("2025-sat"), std::string::npos);
  EXPECT_NEAR(satisfaction("D01"), kD01, 1e-6);
  EXPECT_EQ(store_->AuditHead()->first, head2);
  EXPECT_EQ(source_of("D01"), "2025-sat");

  // The leadership score alone, with the stored satisfaction repeated (what
  // a form sends): no hand entry, the survey stays the source.
  ScoresPatch lead;
  lead.unit_id = "D01";
  lead.satisfaction = {true, store_->LoadComponentScores(2025, "D01")->satisfaction};
  lead.satisfaction_se = {true, store_->LoadComponentScores(2025, "D01")->satisfaction_se};
  lead.leadership = {true, 88};
  ASSERT_TRUE(PutScores(*store_, admin_, 2025, lead).ok());
  EXPECT_EQ(store_->LoadComponentScores(2025, "D01")->leadership, 88);
  EXPECT_EQ(source_of("D01"), "2025-sat");

  // With replace: typed in, the source becomes manual, audited as a replacement.
  auto replaced = hand("D01", 95, true);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(satisfaction("D01"), 95);
  EXPECT_EQ(store_->LoadComponentScores(2025, "D01")->leadership, 88);
  EXPECT_EQ(source_of("D01"), "manual:" + admin_.username);
  audit = store_->ListAudit(head2, 10);
  ASSERT_TRUE(audit.ok() && !audit->empty());
  EXPECT_EQ(audit->back().action, "satisfaction.manual.replace");
  EXPECT_EQ(audit->back().before, R"({"survey_id":"2025-sat"})");
  // The survey no longer supplies D01 (its results rows stay for the record).
  auto year = YearSatisfaction(*store_, 2025);
  ASSERT_TRUE(year.ok());
  ASSERT_EQ(year->size(), 1u);
  EXPECT_EQ((*year)[0].supplies, (std::set<std::string>{"D02"}));

  // Clearing a hand entry leaves no source; a bad number is refused as before.
  ASSERT_TRUE(hand("D01", std::nullopt).ok());
  EXPECT_EQ(satisfaction("D01"), -1);
  EXPECT_EQ(source_of("D01"), "");
  auto bad = hand("D03", 120);
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(source_of("D03"), "");
  auto v = store_->VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

}  // namespace
}  // namespace govperf::app::survey
