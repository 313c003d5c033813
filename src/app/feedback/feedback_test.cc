// 绩效反馈 and 整改 against a real SQLite store with a small hand-made city
// whose numbers are worked out by hand below:
//
//   C1 districts D01, D02, D03; leaves (completion_ratio, target 100):
//     1 经济发展: 1.1 (10 pts), 1.2 (10 pts)      2 公共服务: 2.1 (20 pts)
//   weights 0.7 / 0.2 / 0.1; satisfaction 80, leadership 90 for everyone
//   (= 25 points); grades 优秀 ≥ 90 (at most 50 %: one unit of three),
//   良好 ≥ 80, 合格 ≥ 60, 不合格.
//   D01: 1.2 = 100, 2.1 = 50 every year; 1.1 = 50 (2022), 60 (2023), 90 (2025);
//        not assessed in 2024; a bonus of 1 in 2025 (获省级表彰).
//        2025: (9 + 10 + 10) / 40 = 72.5 → 0.7 × 72.5 + 25 + 1 = 76.75, 合格, 3rd of 3.
//        2023: 26 / 40 = 65 → 70.50; 2022: 25 / 40 = 62.5 → 68.75.
//   D02: everything 100 → 95.00 优秀, 1st.  D03: 1.1 = 80 → 91.50, 良好 (quota), 2nd.
#include <gtest/gtest.h>

#include "app/feedback/feedback_of.h"
#include "app/feedback/rectification.h"
#include "app/feedback/report.h"
#include "app/monitoring/calendar.h"
#include "app/monitoring/inbox.h"
#include "store/store_testing.h"

namespace govperf::app::feedback {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

core::Scheme CityScheme(int year, bool with_d01) {
  core::Scheme s;
  s.year = year;
  std::vector<core::GradeLevel> grades = {
      {"excellent", "优秀", "Excellent", 90, 0.5},
      {"good", "良好", "Good", 80, std::nullopt},
      {"qualified", "合格", "Qualified", 60, std::nullopt},
      {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
  s.categories = {{"C1", "区县", "Districts", core::UnitKind::kDistrict, {}, grades}};
  for (const char* id : {"D01", "D02", "D03"}) {
    if (!with_d01 && std::string(id) == "D01") continue;
    s.units.push_back({id, std::string(id) == "D01" ? "东区" : std::string("区") + id,
                       std::string("District ") + id, "C1", "", core::UnitKind::kDistrict});
  }
  auto node = [](std::string id, std::string parent, int level, std::string zh, double points) {
    core::Indicator i;
    i.id = std::move(id);
    i.parent_id = std::move(parent);
    i.level = level;
    i.name_zh = std::move(zh);
    i.name_en = i.name_zh;
    i.points = points;
    if (level == 2) {
      i.method = "completion_ratio";
      i.category_ids = {"C1"};
      i.unit_of_measure = "%";
    }
    return i;
  };
  s.indicators = {node("1", "", 1, "经济发展", 0), node("1.1", "1", 2, "投资完成率", 10),
                  node("1.2", "1", 2, "税收完成率", 10), node("2", "", 1, "公共服务", 0),
                  node("2.1", "2", 2, "网办率", 20)};
  for (const auto& u : s.units) {
    for (const char* leaf : {"1.1", "1.2", "2.1"}) s.targets[{leaf, u.id}] = 100;
  }
  return s;
}

core::YearData CityData(int year, double d01_11, bool with_d01) {
  core::YearData d;
  const std::string y = std::to_string(year);
  auto v = [&](const char* ind, const char* unit, double value) {
    core::Datum x;
    x.indicator_id = ind;
    x.unit_id = unit;
    x.period = y;
    x.value = value;
    x.entered_by = "system";
    d.values.push_back(x);
  };
  if (with_d01) {
    v("1.1", "D01", d01_11);
    v("1.2", "D01", 100);
    v("2.1", "D01", 50);
  }
  for (const char* ind : {"1.1", "1.2", "2.1"}) v(ind, "D02", 100);
  v("1.1", "D03", 80);
  v("1.2", "D03", 100);
  v("2.1", "D03", 100);
  for (const char* u : {"D01", "D02", "D03"}) {
    if (!with_d01 && std::string(u) == "D01") continue;
    d.satisfaction[u] = 80;
    d.leadership[u] = 90;
  }
  if (year == 2025) {
    core::Adjustment a;
    a.id = "a1";
    a.unit_id = "D01";
    a.kind = core::AdjustmentKind::kBonus;
    a.points = 1;
    a.reason_zh = "获省级表彰";
    d.adjustments.push_back(a);
  }
  return d;
}

class Feedback : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("city.db"), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    const store::Actor sys{"system", core::Role::kSystem};
    for (auto [year, d01_11] :
         std::vector<std::pair<int, double>>{{2022, 50}, {2023, 60}, {2024, 0}, {2025, 90}}) {
      const bool with = year != 2024;
      ASSERT_TRUE(store_->SaveScheme(sys, CityScheme(year, with)).ok());
      ASSERT_TRUE(store_->SaveYearData(sys, year, CityData(year, d01_11, with)).ok());
      ASSERT_TRUE(store_->PutYear(sys, {year, core::Stage::kPublished, "", 0}).ok());
    }
    for (auto [name, role, unit] : std::vector<std::tuple<std::string, core::Role, std::string>>{
             {"admin", core::Role::kAdmin, ""},
             {"leader", core::Role::kLeader, ""},
             {"unit_d01", core::Role::kUnit, "D01"},
             {"unit_d02", core::Role::kUnit, "D02"},
             {"lead_d03", core::Role::kLead, "D03"}}) {
      store::User u;
      u.username = name;
      u.display_name = name;
      u.role = role;
      u.unit_id = unit;
      u.password_hash = "x";
      ASSERT_TRUE(store_->PutUser(sys, u).ok());
    }
    years_ = std::make_unique<YearCache>(*store_);
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<YearCache> years_;
  const Caller admin_{"admin", core::Role::kAdmin, "", ""};
  const Caller leader_{"leader", core::Role::kLeader, "", ""};
  const Caller d01_{"unit_d01", core::Role::kUnit, "D01", ""};
  const Caller d02_{"unit_d02", core::Role::kUnit, "D02", ""};
  const Caller lead_{"lead_d03", core::Role::kLead, "D03", ""};
};

TEST_F(Feedback, ReportHasTheHandWorkedNumbers) {
  auto r = ReportOf(*years_, *store_, d01_, 2025, "D01");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->unit_name_zh, "东区");
  EXPECT_EQ(r->category_name_zh, "区县");
  EXPECT_FALSE(r->provisional);
  EXPECT_NEAR(r->total, 76.75, 1e-9);
  EXPECT_EQ(core::FormatScore(r->total), "76.75");
  EXPECT_EQ(r->rank, 3);
  EXPECT_EQ(r->category_size, 3);
  EXPECT_EQ(r->grade, "qualified");
  EXPECT_EQ(r->grade_zh, "合格");
  EXPECT_NEAR(r->indicator_score, 72.5, 1e-9);
  EXPECT_NEAR(r->bonus, 1, 1e-9);

  ASSERT_EQ(r->dimensions.size(), 2u);
  EXPECT_EQ(r->dimensions[0].name_zh, "经济发展");
  EXPECT_NEAR(r->dimensions[0].earned, 19, 1e-9);
  EXPECT_NEAR(r->dimensions[0].points, 20, 1e-9);
  EXPECT_EQ(r->dimensions[1].name_zh, "公共服务");
  EXPECT_NEAR(r->dimensions[1].earned, 10, 1e-9);
  EXPECT_NEAR(r->dimensions[1].points, 20, 1e-9);

  // Most points lost first; the leaf at full points is not listed.
  ASSERT_EQ(r->lost_points.size(), 2u);
  EXPECT_EQ(r->lost_points[0].indicator_id, "2.1");
  EXPECT_NEAR(r->lost_points[0].lost, 10, 1e-9);
  EXPECT_EQ(r->lost_points[0].dimension_id, "2");
  EXPECT_EQ(*r->lost_points[0].target, 100);
  EXPECT_EQ(*r->lost_points[0].actual, 50);
  EXPECT_FALSE(r->lost_points[0].rule_zh.empty());
  EXPECT_EQ(r->lost_points[1].indicator_id, "1.1");
  EXPECT_NEAR(r->lost_points[1].lost, 1, 1e-9);
  EXPECT_EQ(r->lost_points[1].name_zh, "投资完成率");

  ASSERT_EQ(r->adjustments.size(), 1u);
  EXPECT_EQ(r->adjustments[0].kind, "bonus");
  EXPECT_EQ(r->adjustments[0].reason_zh, "获省级表彰");

  // The trend: the two latest earlier years in which D01 was assessed
  // (2024 had no D01; 2022 and 2023 did), oldest first.
  ASSERT_EQ(r->trend.size(), 3u);
  EXPECT_EQ(r->trend[0].year, 2022);
  EXPECT_NEAR(r->trend[0].total, 68.75, 1e-9);
  EXPECT_EQ(r->trend[1].year, 2023);
  EXPECT_NEAR(r->trend[1].total, 70.5, 1e-9);
  EXPECT_EQ(r->trend[1].rank, 3);
  EXPECT_EQ(r->trend[1].grade_zh, "合格");
  EXPECT_EQ(r->trend[2].year, 2025);

  EXPECT_TRUE(r->appeals.empty());
  EXPECT_TRUE(r->opinions.empty());

  auto d02 = ReportOf(*years_, *store_, leader_, 2025, "D02");
  ASSERT_TRUE(d02.ok());
  EXPECT_EQ(d02->grade_zh, "优秀");
  EXPECT_EQ(d02->rank, 1);
  EXPECT_TRUE(d02->lost_points.empty());
  auto d03 = ReportOf(*years_, *store_, admin_, 2025, "D03");
  ASSERT_TRUE(d03.ok());
  EXPECT_NEAR(d03->total, 91.5, 1e-9);
  EXPECT_EQ(d03->grade_zh, "良好");  // the 优秀 quota is D02's
}

TEST_F(Feedback, WhoMayReadWhichReport) {
  EXPECT_EQ(ReportOf(*years_, *store_, d02_, 2025, "D01").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(ReportOf(*years_, *store_, lead_, 2025, "D03").status().code(),
            Code::kPermissionDenied);
  // Denied before existence: another unit learns nothing about unknown ids.
  EXPECT_EQ(ReportOf(*years_, *store_, d02_, 2025, "NOPE").status().code(),
            Code::kPermissionDenied);
  auto unknown = ReportOf(*years_, *store_, admin_, 2025, "NOPE");
  EXPECT_EQ(unknown.status().code(), Code::kNotFound);
  EXPECT_EQ(unknown.status().field(), "unit");
  auto no_year = ReportOf(*years_, *store_, admin_, 2019, "D01");
  EXPECT_EQ(no_year.status().code(), Code::kNotFound);
  EXPECT_EQ(no_year.status().field(), "year");
  EXPECT_EQ(ReportOf(*years_, *store_, admin_, 2024, "D01").status().field(), "unit");
}

TEST_F(Feedback, RectificationPlanProgressClosureAndRates) {
  // A plan on both lost points; a leaf at full points is refused by index.
  std::vector<NewRectificationItem> plan = {
      {"indicator", "2.1", "", "", "推进一网通办", "李四", "2026-03-02"},
      {"indicator", "1.2", "", "", "无", "王五", "2026-06-30"}};
  auto bad = FilePlan(*years_, *store_, d01_, 2025, "D01", plan);
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "items[1].indicator_id");
  EXPECT_TRUE(store_->ListRectification(2025, "")->empty());  // all or nothing
  plan[1] = {"indicator", "1.1", "", "", "加快项目落地", "王五", "2026-06-30"};
  EXPECT_EQ(FilePlan(*years_, *store_, d02_, 2025, "D01", plan).status().code(),
            Code::kPermissionDenied);
  auto filed = FilePlan(*years_, *store_, d01_, 2025, "D01", plan);
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  ASSERT_EQ(filed->size(), 2u);
  EXPECT_EQ(filed->at(0).problem, "网办率失 10.00 分");
  EXPECT_EQ(filed->at(0).owner, "李四");
  const int64_t id = filed->at(0).id;

  // Progress; it may not go down; evidence must be a file the unit may reuse.
  auto p = ReportProgress(*store_, d01_, 2025, id, "已上线 12 项", 40, {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->progress, 40);
  EXPECT_EQ(ReportProgress(*store_, d01_, 2025, id, "倒退", 30, {}).status().field(), "progress");
  EXPECT_EQ(ReportProgress(*store_, d01_, 2025, id, "x", 50, {{std::string(64, 'b'), ""}})
                .status()
                .field(),
            "evidence[0].sha256");
  EXPECT_EQ(ReportProgress(*store_, d02_, 2025, id, "x", 50, {}).status().code(),
            Code::kPermissionDenied);
  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  auto ev = AddItemEvidence(*store_, d01_, 2025, id, "进度.pdf", pdf);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ(ev->content_type, "application/pdf");
  auto got = GetItemEvidence(*store_, leader_, 2025, id, ev->sha256);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->first.content, pdf);
  EXPECT_EQ(got->second, "进度.pdf");
  EXPECT_EQ(GetItemEvidence(*store_, d02_, 2025, id, ev->sha256).status().code(),
            Code::kPermissionDenied);

  // Only the office closes, with a note; a closed item takes no progress.
  EXPECT_EQ(CloseItem(*store_, d01_, 2025, id, "完成").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(CloseItem(*store_, admin_, 2025, id, "").status().field(), "note");
  auto closed = CloseItem(*store_, admin_, 2025, id, "核查属实，同意销号");
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->state, "closed");
  EXPECT_EQ(closed->closed_by, "admin");
  EXPECT_EQ(ReportProgress(*store_, d01_, 2025, id, "再报", 90, {}).status().code(),
            Code::kFailedPrecondition);

  // Lists: a unit its own, the leader every unit's.
  EXPECT_EQ(ListItems(*store_, d01_, 2025, "")->size(), 2u);
  EXPECT_EQ(ListItems(*store_, d02_, 2025, "D01")->size(), 0u);  // its own: none
  EXPECT_EQ(ListItems(*store_, leader_, 2025, "")->size(), 2u);
  EXPECT_EQ(ListItems(*store_, lead_, 2025, "").status().code(), Code::kPermissionDenied);

  // Closure rates on 2026-07-01: one of two closed, the other overdue.
  auto rates = ClosureRatesOf(*years_, *store_, leader_, 2025, {2026, 7, 1});
  ASSERT_TRUE(rates.ok()) << rates.status().ToString();
  ASSERT_EQ(rates->units.size(), 1u);
  EXPECT_EQ(rates->units[0].unit_id, "D01");
  EXPECT_EQ(rates->units[0].name_zh, "东区");
  EXPECT_EQ(rates->units[0].total, 2);
  EXPECT_EQ(rates->units[0].closed, 1);
  EXPECT_EQ(rates->units[0].overdue, 1);
  EXPECT_DOUBLE_EQ(rates->units[0].rate, 0.5);
  EXPECT_DOUBLE_EQ(rates->rate, 0.5);
  EXPECT_EQ(ClosureRatesOf(*years_, *store_, d01_, 2025, {2026, 7, 1}).status().code(),
            Code::kPermissionDenied);

  // Reopened with a note: open again, progress kept.
  auto reopened = ReopenItem(*store_, admin_, 2025, id, "复查发现反弹");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->state, "open");
  EXPECT_EQ(reopened->progress, 40);
  EXPECT_EQ(reopened->history.back().action, "reopen");
  EXPECT_EQ(reopened->history.back().text, "复查发现反弹");
}

TEST_F(Feedback, OverdueItemsEscalateInTheRemindRunOnce) {
  auto filed = FilePlan(*years_, *store_, d01_, 2025, "D01",
                        {{"indicator", "2.1", "", "", "推进一网通办", "李四", "2026-03-02"}});
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  // Wednesday 2026-03-04: two working days after the Monday deadline → yellow.
  auto run = monitoring::Remind(*years_, *store_, Caller::System(), {2026, 3, 4});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->lines.size(), 1u);
  EXPECT_EQ(run->lines[0].kind, "rectification");
  EXPECT_EQ(run->lines[0].subject, "rectification:1");
  EXPECT_EQ(run->lines[0].unit_id, "D01");
  EXPECT_EQ(run->lines[0].level, "yellow");
  EXPECT_EQ(run->lines[0].working_days, 2);
  EXPECT_TRUE(run->lines[0].recorded);
  EXPECT_EQ(run->escalations_added, 1);
  EXPECT_EQ(run->messages_added, 1);  // unit_d01 (the lead user belongs to D03)
  auto inbox = monitoring::Inbox(*store_, d01_, false, 10);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ(inbox->at(0).kind, "escalation.yellow");
  EXPECT_NE(inbox->at(0).title_zh.find("整改事项"), std::string::npos);
  // Again the same day: nothing new.
  auto again = monitoring::Remind(*years_, *store_, Caller::System(), {2026, 3, 4});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->escalations_added, 0);
  EXPECT_EQ(again->messages_added, 0);
  // Closed items are not escalated.
  ASSERT_TRUE(CloseItem(*store_, admin_, 2025, 1, "已完成").ok());
  auto later = monitoring::Remind(*years_, *store_, Caller::System(), {2026, 3, 20});
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(later->lines.empty());
}

TEST_F(Feedback, RectificationIsRefusedBeforePublication) {
  const store::Actor sys{"system", core::Role::kSystem};
  ASSERT_TRUE(store_->SaveScheme(sys, CityScheme(2026, true)).ok());
  ASSERT_TRUE(store_->SaveYearData(sys, 2026, CityData(2026, 90, true)).ok());
  ASSERT_TRUE(store_->PutYear(sys, {2026, core::Stage::kPreliminary, "", 0}).ok());
  auto report = ReportOf(*years_, *store_, d01_, 2026, "D01");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->provisional);
  auto filed = FilePlan(*years_, *store_, d01_, 2026, "D01",
                        {{"indicator", "2.1", "", "", "推进", "李四", "2026-03-02"}});
  EXPECT_EQ(filed.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(store_->ListRectification(2026, "")->empty());
}

}  // namespace
}  // namespace govperf::app::feedback

namespace govperf::app::feedback {
namespace {

// The report's appeals are the unit's own, with the outcome in Chinese and the
// claim as filed (a claimed value, or the adjustment contested).
TEST(FeedbackAppeals, AUnitsAppealsWithTheirOutcome) {
  std::vector<store::Appeal> all(3);
  all[0].id = 1;
  all[0].unit_id = "D02";
  all[0].kind = "indicator";
  all[0].indicator_id = "1.2.2";
  all[0].claimed_value = 1;
  all[0].reason = "投诉已全部办结";
  all[0].state = "upheld";
  all[0].decision = "申诉成立";
  all[0].decided_at = "2027-01-12T09:00:00Z";
  all[1].id = 2;
  all[1].unit_id = "D01";
  all[1].state = "rejected";
  all[2].id = 3;
  all[2].unit_id = "D02";
  all[2].kind = "adjustment";
  all[2].adjustment_id = "claim-7";
  all[2].reason = "扣分依据不足";
  all[2].state = "answered";
  auto got = AppealsOf(all, "D02");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, "1");
  EXPECT_EQ(got[0].indicator_id, "1.2.2");
  EXPECT_EQ(got[0].claim, "主张值 1.00：投诉已全部办结");
  EXPECT_EQ(got[0].outcome, "upheld");
  EXPECT_EQ(got[0].outcome_zh, "申诉成立");
  EXPECT_EQ(got[0].decided_at, "2027-01-12T09:00:00Z");
  EXPECT_EQ(got[1].claim, "申诉加减分项 claim-7：扣分依据不足");
  EXPECT_EQ(got[1].outcome_zh, "已答复");
}

}  // namespace
}  // namespace govperf::app::feedback
