#include "methods/uncertainty.h"

#include <gtest/gtest.h>

namespace govperf::methods {
namespace {

// Three units, indicator weight 0.5 and satisfaction 0.5:
//   U1 far above 90 and exact → never flagged, rank 1 every time;
//   U2 at 90.2 with a satisfaction SE of 3 → the 90 line is inside its interval;
//   U3 at 70 with no declared error → a degenerate interval [70, 70].
core::Scheme Scheme3() {
  core::Scheme s;
  s.year = 2025;
  core::Category c;
  c.id = "C1";
  c.weights = {0.5, 0.5, 0};
  c.grades = {{"excellent", "优秀", "Excellent", 90, std::nullopt},
              {"good", "良好", "Good", 80, std::nullopt},
              {"qualified", "合格", "Qualified", 60, std::nullopt},
              {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
  s.categories = {c};
  for (const char* u : {"U1", "U2", "U3"})
    s.units.push_back({u, "", "", "C1", "", core::UnitKind::kDepartment});
  core::Indicator i;
  i.id = "L";
  i.points = 100;
  i.method = "completion_ratio";
  i.category_ids = {"C1"};
  s.indicators = {i};
  for (const auto& u : s.units) s.targets[{"L", u.id}] = 100;
  return s;
}

core::YearData Data3() {
  core::YearData d;
  d.values = {{"L", "U1", "2025", 100.0, false, "", "", ""},
              {"L", "U2", "2025", 90.4, false, "", "", ""},
              {"L", "U3", "2025", 70.0, false, "", "", ""}};
  d.satisfaction = {{"U1", 99}, {"U2", 90}, {"U3", 70}};
  d.satisfaction_se = {{"U2", 3.0}};
  return d;
}

TEST(Uncertainty, FlagsAGradeBoundaryInsideTheIntervalOnly) {
  UncertaintyOptions o;
  o.replicates = 400;
  auto r = EstimateUncertainty(Scheme3(), Data3(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  std::map<std::string, UnitUncertainty> by;
  for (const auto& u : *r) by[u.unit_id] = u;
  EXPECT_NEAR(by["U1"].total, 99.5, 1e-9);
  EXPECT_DOUBLE_EQ(by["U1"].total_lower, 99.5);
  EXPECT_DOUBLE_EQ(by["U1"].total_upper, 99.5);
  EXPECT_EQ(by["U1"].rank_lower, 1);
  EXPECT_EQ(by["U1"].rank_upper, 1);
  EXPECT_FALSE(by["U1"].flagged);
  EXPECT_DOUBLE_EQ(by["U1"].grade_share["excellent"], 1.0);

  const UnitUncertainty& u2 = by["U2"];
  EXPECT_NEAR(u2.total, 90.2, 1e-9);
  // total = 45.2 + 0.5·N(90, 9): sd 1.5, 90 % interval ≈ 90.2 ± 2.47.
  EXPECT_NEAR(u2.total_lower, 90.2 - 2.47, 0.4);
  EXPECT_NEAR(u2.total_upper, 90.2 + 2.47, 0.4);
  EXPECT_TRUE(u2.flagged);
  EXPECT_NE(u2.reason.find("Excellent threshold 90"), std::string::npos) << u2.reason;
  EXPECT_GT(u2.grade_share.at("good"), 0.3);  // P(N(0,1.5) < -0.2) ≈ 0.45
  EXPECT_LT(u2.grade_share.at("good"), 0.6);

  EXPECT_DOUBLE_EQ(by["U3"].total_lower, 70.0);
  EXPECT_FALSE(by["U3"].flagged);
}

TEST(Uncertainty, SameSeedSameIntervalsAndBadOptionsAreRefused) {
  UncertaintyOptions o;
  o.replicates = 50;
  auto a = EstimateUncertainty(Scheme3(), Data3(), o);
  auto b = EstimateUncertainty(Scheme3(), Data3(), o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)[1].total_lower, (*b)[1].total_lower);
  EXPECT_EQ((*a)[1].total_upper, (*b)[1].total_upper);
  // Any number of threads gives the same intervals.
  UncertaintyOptions one = o;
  one.threads = 1;
  UncertaintyOptions three = o;
  three.threads = 3;
  auto c = EstimateUncertainty(Scheme3(), Data3(), one);
  auto e = EstimateUncertainty(Scheme3(), Data3(), three);
  ASSERT_TRUE(c.ok() && e.ok());
  EXPECT_EQ((*c)[1].total_lower, (*e)[1].total_lower);
  EXPECT_EQ((*c)[1].grade_share, (*e)[1].grade_share);
  o.replicates = 5;
  EXPECT_EQ(EstimateUncertainty(Scheme3(), Data3(), o).status().message(),
            "replicates: at least 20");
  o.replicates = 50;
  o.level = 1.5;
  EXPECT_FALSE(EstimateUncertainty(Scheme3(), Data3(), o).ok());
}

TEST(Uncertainty, MeasurementErrorWidensTheIntervalOfTheIndicatorScore) {
  core::Scheme s = Scheme3();
  s.indicators[0].measurement_error = 0.05;
  core::YearData d = Data3();
  d.satisfaction_se.clear();
  UncertaintyOptions o;
  auto r = EstimateUncertainty(s, d, o);
  ASSERT_TRUE(r.ok());
  // U3: 0.5 × 70 × (1 + N(0, .05²)) + 35 → sd 1.75; U1 is capped at 100 % so
  // only draws below 1 lower it: its upper bound stays at the point result.
  EXPECT_NEAR((*r)[2].total_upper - (*r)[2].total_lower, 2 * 1.645 * 1.75, 0.8);
  EXPECT_DOUBLE_EQ((*r)[0].total_upper, 99.5);
  EXPECT_LT((*r)[0].total_lower, 99.5);
}

}  // namespace
}  // namespace govperf::methods
