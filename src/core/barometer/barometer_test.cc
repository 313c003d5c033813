// The barometer's pure parts: spreads and grade counts per year, grade
// movers, time-progress and report counts at a date, and the bulletin rule.
#include <gtest/gtest.h>

#include "core/barometer/bulletin.h"
#include "core/barometer/tally.h"
#include "core/barometer/trend.h"

namespace govperf::core::barometer {
namespace {

namespace cm = core::monitoring;

const std::map<std::string, std::vector<std::string>> kGrades = {
    {"C1", {"excellent", "good", "qualified"}}, {"C2", {"excellent", "good", "qualified"}}};

TEST(BarometerTrend, SpreadUsesInterpolatedQuartiles) {
  const Spread s = Summarize({90, 70, 80, 60});
  EXPECT_EQ(s.count, 4);
  EXPECT_DOUBLE_EQ(s.mean, 75);
  EXPECT_DOUBLE_EQ(s.min, 60);
  EXPECT_DOUBLE_EQ(s.max, 90);
  EXPECT_DOUBLE_EQ(s.q1, 67.5);  // 60 + 0.75 × 10
  EXPECT_DOUBLE_EQ(s.median, 75);
  EXPECT_DOUBLE_EQ(s.q3, 82.5);
  EXPECT_EQ(Summarize({}).count, 0);
  EXPECT_DOUBLE_EQ(Summarize({42}).q3, 42);
}

TEST(BarometerTrend, YearSummaryPerCategoryKeepsGradeOrderAndZeros) {
  YearOutcomes y{2025,
                 true,
                 {{"D01", "C1", 91, "excellent"},
                  {"D02", "C1", 81, "good"},
                  {"D03", "C1", 83, "good"},
                  {"B01", "C2", 70, "qualified"}}};
  const YearTrend t = SummarizeYear(y, {"C2", "C1"}, kGrades);
  EXPECT_TRUE(t.provisional);
  EXPECT_EQ(t.city.count, 4);
  EXPECT_DOUBLE_EQ(t.city.mean, 81.25);
  ASSERT_EQ(t.categories.size(), 2u);
  EXPECT_EQ(t.categories[0].category_id, "C2");
  EXPECT_EQ(t.categories[1].category_id, "C1");
  EXPECT_DOUBLE_EQ(t.categories[1].spread.median, 83);
  ASSERT_EQ(t.categories[1].grades.size(), 3u);
  EXPECT_EQ(t.categories[1].grades[0].grade, "excellent");
  EXPECT_EQ(t.categories[1].grades[0].count, 1);
  EXPECT_EQ(t.categories[1].grades[1].count, 2);
  EXPECT_EQ(t.categories[1].grades[2].count, 0);
}

TEST(BarometerTrend, MoversAreOrderedBySizeOfMoveUpsFirst) {
  YearOutcomes a{2024,
                 false,
                 {{"D01", "C1", 80, "good"},
                  {"D02", "C1", 92, "excellent"},
                  {"D03", "C1", 65, "qualified"},
                  {"D04", "C1", 85, "good"}}};
  YearOutcomes b{2025,
                 false,
                 {{"D01", "C1", 91, "excellent"},
                  {"D02", "C1", 66, "qualified"},
                  {"D03", "C1", 82, "good"},
                  {"D04", "C1", 86, "good"},
                  {"D05", "C1", 90, "excellent"}}};
  const auto m = GradeMovers(a, b, kGrades);
  ASSERT_EQ(m.size(), 3u);  // D04 kept its grade, D05 is new
  EXPECT_EQ(m[0].unit_id, "D02");
  EXPECT_EQ(m[0].levels, -2);
  EXPECT_EQ(m[1].unit_id, "D01");
  EXPECT_EQ(m[1].levels, 1);
  EXPECT_EQ(m[1].from_grade, "good");
  EXPECT_EQ(m[1].to_grade, "excellent");
  EXPECT_DOUBLE_EQ(m[1].to_total, 91);
  EXPECT_EQ(m[2].unit_id, "D03");
}

TEST(BarometerTally, ProgressUsesValuesUpToTheMonthAndTheYearElapsed) {
  PairProgress p{"1.1.1", "D01", "C1", false, true, 100.0, {{3, 20}, {6, 45}, {9, 70}}};
  // June: 45 % of the target, 181/365 of the year elapsed → ratio 0.908: yellow (≥ 0.8, < 1).
  Tally june = ProgressTally(p, 2025, 6, 1.0, 0.8);
  EXPECT_EQ(june.lagging, 1);
  // March: 20 % at 90/365 → 0.81: yellow; September: 70 % at 273/365 → 0.936.
  EXPECT_EQ(ProgressTally(p, 2025, 3, 1.0, 0.8).lagging, 1);
  // With a lower green threshold June is on track.
  EXPECT_EQ(ProgressTally(p, 2025, 6, 0.9, 0.8).on_track, 1);
  // January: no value yet.
  EXPECT_EQ(ProgressTally(p, 2025, 1, 1.0, 0.8).no_data, 1);
  // A level (not cumulative) below 80 % of its target is red whatever the date.
  PairProgress level{"2.1.1", "B01", "C2", false, false, 100.0, {{3, 70}}};
  EXPECT_EQ(ProgressTally(level, 2025, 3, 1.0, 0.8).red, 1);
  // Lower is better: 50 against a target of 40 → completion 0.8: yellow.
  PairProgress lower{"3.1.1", "B01", "C2", true, false, 40.0, {{3, 50}}};
  EXPECT_EQ(ProgressTally(lower, 2025, 3, 1.0, 0.8).lagging, 1);
}

TEST(BarometerTally, ReportsCountOnTimeLateMissingAndRedCardsAsOfADate) {
  cm::WorkCalendar cal;             // Monday–Friday
  const cm::Date due{2025, 4, 10};  // a Thursday
  ReportSlot on_time{
      "1.1.1", "D01", "C1", "2025-03", due, cm::Date{2025, 4, 8}, false, cm::Date{2025, 4, 9}};
  ReportSlot late{"1.1.1", "D02", "C1", "2025-03", due, cm::Date{2025, 4, 21}, true, std::nullopt};
  ReportSlot missing{"1.1.1", "D03", "C1", "2025-03", due, std::nullopt, false, std::nullopt};
  const cm::Date as_of{2025, 4, 30};
  Tally t;
  for (const auto& s : {on_time, late, missing}) t.Add(ReportTally(s, as_of, cal, 5));
  EXPECT_EQ(t.reports_due, 3);
  EXPECT_EQ(t.on_time, 1);
  EXPECT_EQ(t.late, 1);
  EXPECT_EQ(t.missing, 1);
  // Late by 7 working days (11–21 April) and missing for 14: both red-carded.
  EXPECT_EQ(t.red_cards, 2);
  EXPECT_EQ(t.verified, 1);
  EXPECT_DOUBLE_EQ(t.verified_share(), 0.5);
  // Before the due date nothing is due; on 14 April the late one is missing, not yet red.
  EXPECT_EQ(ReportTally(late, {2025, 4, 9}, cal, 5).reports_due, 0);
  const Tally early = ReportTally(late, {2025, 4, 14}, cal, 5);
  EXPECT_EQ(early.missing, 1);
  EXPECT_EQ(early.red_cards, 0);
}

TEST(BarometerTally, ChinaDateOfAddsEightHours) {
  EXPECT_EQ(*ChinaDateOf("2025-04-10T15:59:00Z"), (cm::Date{2025, 4, 10}));
  EXPECT_EQ(*ChinaDateOf("2025-04-10T16:00:00Z"), (cm::Date{2025, 4, 11}));
  EXPECT_FALSE(ChinaDateOf("soon").has_value());
}

BulletinUnit U(std::string id, std::string cat, Tally t) {
  return {id, id + "区", id, std::move(cat), t, 0};
}

TEST(BarometerBulletin, TheRuleNamesTheWorstAndTheCleanBest) {
  Bulletin b;
  b.year = 2025;
  b.quarter = 2;
  b.categories = {{"C1", "区县", "Districts", 0, {}}, {"C2", "部门", "Departments", 0, {}}};
  Tally clean;  // 4 on track of 5, 3 reports on time, 3 verified
  clean.on_track = 4;
  clean.lagging = 1;
  clean.reports_due = clean.on_time = clean.verified = 3;
  Tally perfect = clean;
  perfect.on_track = 5;
  perfect.lagging = 0;
  Tally bad;  // 1 red card (missing) + 1 late + 2 red: 3 + 2 + 1 + 2 = 8
  bad.red = 2;
  bad.on_track = 1;
  bad.reports_due = 3;
  bad.on_time = 1;
  bad.late = 1;
  bad.missing = 1;
  bad.red_cards = 1;
  Tally slight;  // one late report: 1 < 4, not named
  slight.on_track = 5;
  slight.reports_due = 2;
  slight.on_time = 1;
  slight.late = 1;
  b.units = {U("D01", "C1", clean), U("D02", "C1", bad), U("B01", "C2", perfect),
             U("B02", "C2", slight)};
  RankBulletin(b);
  ASSERT_EQ(b.criticised.size(), 1u);
  EXPECT_EQ(b.criticised[0].unit_id, "D02");
  EXPECT_DOUBLE_EQ(b.criticised[0].score, 8);
  EXPECT_NE(b.criticised[0].reason_zh.find("红牌 1 次"), std::string::npos);
  ASSERT_EQ(b.praised.size(), 2u);
  EXPECT_EQ(b.praised[0].unit_id, "B01");
  EXPECT_EQ(b.praised[1].unit_id, "D01");
  EXPECT_EQ(b.city.reports_due, 11);
  EXPECT_EQ(b.categories[0].units, 2);
  EXPECT_EQ(b.categories[0].tally.missing, 1);
  EXPECT_EQ(BulletinNumber(2026, 3), "〔2026〕第3期");
  b.number = 2;
  EXPECT_EQ(BulletinTitle(b), "〔2025〕第2期 季度绩效监测通报（2025年第二季度）");
  // max_named as data.
  BulletinRule one = kBulletinRule;
  one.max_named = 1;
  RankBulletin(b, one);
  EXPECT_EQ(b.praised.size(), 1u);
}

}  // namespace
}  // namespace govperf::core::barometer
