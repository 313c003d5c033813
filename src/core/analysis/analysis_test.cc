#include <gtest/gtest.h>

#include <cmath>

#include "core/analysis/health.h"
#include "core/analysis/whatif.h"
#include "core/evaluate.h"

namespace govperf::core {
namespace {

// One category of 6 units; four leaves:
//   SAT  every unit meets its target → saturated, no discrimination
//   A, B the same ordering of units → redundant (correlation 1)
//   P    a process indicator worth 40 of 100 points → process-dominated
Scheme SixUnits() {
  Scheme s;
  s.year = 2025;
  Category c;
  c.id = "C1";
  c.weights = {1, 0, 0};
  c.grades = {{"excellent", "优秀", "Excellent", 90, 0.34},
              {"good", "良好", "Good", 80, std::nullopt},
              {"qualified", "合格", "Qualified", 60, std::nullopt},
              {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
  s.categories = {c};
  for (int u = 1; u <= 6; ++u)
    s.units.push_back({"U" + std::to_string(u), "", "", "C1", "", UnitKind::kDepartment});
  auto leaf = [&](const std::string& id, double points, IndicatorType type) {
    Indicator i;
    i.id = id;
    i.points = points;
    i.method = "completion_ratio";
    i.type = type;
    i.orientations = {type == IndicatorType::kProcess ? "duty" : "result"};
    i.category_ids = {"C1"};
    s.indicators.push_back(i);
    for (const auto& u : s.units) s.targets[{id, u.id}] = 100;
  };
  leaf("SAT", 20, IndicatorType::kOutcome);
  leaf("A", 20, IndicatorType::kOutcome);
  leaf("B", 20, IndicatorType::kOutput);
  leaf("P", 40, IndicatorType::kProcess);
  return s;
}

YearData Values(const Scheme& s) {
  YearData d;
  const double a[] = {100, 95, 90, 85, 80, 75};
  const double p[] = {70, 100, 90, 60, 100, 80};
  for (int u = 0; u < 6; ++u) {
    const std::string id = "U" + std::to_string(u + 1);
    d.values.push_back({"SAT", id, "2025", 120.0, false, "", "", ""});
    d.values.push_back({"A", id, "2025", a[u], false, "", "", ""});
    d.values.push_back({"B", id, "2025", a[u] - 10, false, "", "", ""});
    d.values.push_back({"P", id, "2025", p[u], false, "", "", ""});
  }
  return d;
}

TEST(Health, FlagsSaturationRedundancyAndProcessShare) {
  Scheme s = SixUnits();
  auto r = Evaluate(s, Values(s));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  HealthReport h = AnalyzeHealth(s, *r);
  ASSERT_EQ(h.indicators.size(), 4u);
  const IndicatorHealth& sat = h.indicators[0];
  EXPECT_EQ(sat.units, 6);
  EXPECT_DOUBLE_EQ(sat.saturation, 1.0);
  EXPECT_TRUE(sat.saturated);
  EXPECT_TRUE(sat.weak_discrimination);
  const IndicatorHealth& a = h.indicators[1];
  EXPECT_FALSE(a.saturated);
  EXPECT_NEAR(a.saturation, 1.0 / 6, 1e-12);
  EXPECT_EQ(a.most_correlated, "B");
  EXPECT_NEAR(a.correlation, 1.0, 1e-12);
  EXPECT_TRUE(a.redundant);
  // A's shares 1, .95, .9, .85, .8, .75 around .875: Σd² = 0.04375, population sd.
  EXPECT_NEAR(a.discrimination, std::sqrt(0.04375 / 6), 1e-12);
  ASSERT_EQ(h.categories.size(), 1u);
  EXPECT_NEAR(h.categories[0].by_type["process"], 0.4, 1e-12);
  EXPECT_NEAR(h.categories[0].by_type["outcome"], 0.4, 1e-12);
  EXPECT_NEAR(h.categories[0].by_orientation["result"], 0.6, 1e-12);
  EXPECT_TRUE(h.categories[0].process_dominated);
}

TEST(WhatIf, ReweightingListsEveryUnitWhoseRankOrGradeMovesWithReasons) {
  Scheme s = SixUnits();
  YearData d = Values(s);
  auto before = Evaluate(s, d);
  ASSERT_TRUE(before.ok());
  // Halve the process indicator: units strong on A/B and weak on P rise.
  Scheme t = s;
  t.indicators[3].points = 10;
  auto after = Evaluate(t, d);
  ASSERT_TRUE(after.ok());
  auto changes = CompareResults(*before, *after);
  ASSERT_FALSE(changes.empty());
  // Before (P worth 40): U2 96, U3 = U5 90, U1 86 → rank 4.
  // After (P worth 10, base 70): U2 66/70, U1 65/70 → rank 2, U3 63/70 ...
  const UnitChange* u1 = nullptr;
  for (const auto& c : changes) {
    if (c.unit_id == "U1") u1 = &c;
  }
  ASSERT_NE(u1, nullptr);
  EXPECT_NEAR(u1->total_before, 86.0, 1e-9);
  EXPECT_NEAR(u1->total_after, 65.0 / 70 * 100, 1e-9);
  EXPECT_EQ(u1->rank_before, 4);
  EXPECT_EQ(u1->rank_after, 2);
  EXPECT_EQ(u1->grade_before, "good");
  EXPECT_EQ(u1->grade_after, "excellent");  // 92.86, within the 2-unit quota
  ASSERT_FALSE(u1->indicators.empty());
  EXPECT_EQ(u1->indicators[0].indicator_id, "P");
  EXPECT_NEAR(u1->indicators[0].earned_before, 28.0, 1e-9);
  EXPECT_NEAR(u1->indicators[0].earned_after, 7.0, 1e-9);
  EXPECT_FALSE(u1->reasons.empty());
  // A threshold change alone: the reason names it, not "other units moved".
  Scheme u = s;
  u.categories[0].grades[1].min_score = 87;  // good ≥ 87: U1 (86) and U6 (80) drop
  auto raised = Evaluate(u, d);
  ASSERT_TRUE(raised.ok());
  auto by_rule = CompareResults(*before, *raised, &s, &u);
  ASSERT_EQ(by_rule.size(), 2u);
  EXPECT_EQ(by_rule[0].unit_id, "U1");
  EXPECT_EQ(by_rule[1].unit_id, "U6");
  EXPECT_EQ(by_rule[0].grade_after, "qualified");
  EXPECT_EQ(by_rule[0].reasons, std::vector<std::string>{"Good threshold 80 → 87"});
  EXPECT_EQ(by_rule[0].reasons_zh, std::vector<std::string>{"良好分数线 80 → 87"});
  // An unchanged scheme changes nothing.
  EXPECT_TRUE(CompareResults(*before, *before).empty());
}

}  // namespace
}  // namespace govperf::core
