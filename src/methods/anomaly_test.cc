#include "methods/anomaly.h"

#include <gtest/gtest.h>

#include <cmath>

namespace govperf::methods {
namespace {

core::Scheme Scheme8() {
  core::Scheme s;
  s.year = 2025;
  s.categories = {{"C1", "", "", core::UnitKind::kDepartment, {}, {}, 3, 5}};
  for (int u = 1; u <= 8; ++u) {
    s.units.push_back({"U" + std::to_string(u), "", "", "C1", "", core::UnitKind::kDepartment});
  }
  core::Indicator rev;  // a cumulative amount
  rev.id = "REV";
  rev.points = 50;
  rev.method = "completion_ratio";
  rev.cumulative = true;
  rev.category_ids = {"C1"};
  core::Indicator rate = rev;
  rate.id = "RATE";
  rate.cumulative = false;
  s.indicators = {rev, rate};
  for (const auto& u : s.units) {
    s.targets[{"REV", u.id}] = 1200;
    s.targets[{"RATE", u.id}] = 100;
  }
  return s;
}

core::Datum V(const std::string& i, const std::string& u, const std::string& p, double v) {
  return {i, u, p, v, false, "", "", ""};
}

TEST(Anomaly, FindsAJumpAgainstPeersChanges) {
  core::Scheme s = Scheme8();
  core::YearData now, before;
  const double last[] = {100, 110, 90, 105, 95, 100, 102, 98};
  const double growth[] = {0.05, 0.04, 0.06, 0.05, 0.03, 0.90, 0.05, 0.04};  // U6 jumps 90 %
  for (int u = 0; u < 8; ++u) {
    const std::string id = "U" + std::to_string(u + 1);
    before.values.push_back(V("RATE", id, "2024", last[u]));
    now.values.push_back(V("RATE", id, "2025", last[u] * (1 + growth[u])));
  }
  auto flags = DetectAnomalies(s, now, &before);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, AnomalyKind::kJump);
  EXPECT_EQ(flags[0].unit_id, "U6");
  EXPECT_EQ(flags[0].indicator_id, "RATE");
  EXPECT_GT(flags[0].score, 3.5);
  EXPECT_EQ(DetectAnomalies(s, now, nullptr).size(), 0u);  // no history, no jump test
}

TEST(Anomaly, AYearInProgressComparesItsLatestMonthWithTheSameMonthLastYear) {
  core::Scheme s = Scheme8();
  core::YearData now, before;
  const double growth[] = {0.05, 0.04, 0.06, 0.05, 0.03, 0.05, 0.05, -0.60};  // U8 drops 60 %
  for (int u = 0; u < 8; ++u) {
    const std::string id = "U" + std::to_string(u + 1);
    before.values.push_back(V("RATE", id, "2024-09", 80));
    before.values.push_back(V("RATE", id, "2024-10", 100));
    before.values.push_back(V("RATE", id, "2024", 120));
    now.values.push_back(V("RATE", id, "2025-09", 85));
    now.values.push_back(V("RATE", id, "2025-10", 100 * (1 + growth[u])));
  }
  auto flags = DetectAnomalies(s, now, &before);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, AnomalyKind::kJump);
  EXPECT_EQ(flags[0].unit_id, "U8");
  EXPECT_EQ(flags[0].period, "2025-10");  // compared with 2024-10, not the year-end 120
}

TEST(Anomaly, FindsBunchingJustAboveTheTarget) {
  core::Scheme s = Scheme8();
  core::YearData now;
  const double v[] = {100.5, 101, 100.1, 101.9, 85, 120, 99, 70};  // 4 just above, 1 just below
  for (int u = 0; u < 8; ++u)
    now.values.push_back(V("RATE", "U" + std::to_string(u + 1), "2025", v[u]));
  auto flags = DetectAnomalies(s, now, nullptr);
  ASSERT_EQ(flags.size(), 4u);
  for (const auto& f : flags) EXPECT_EQ(f.kind, AnomalyKind::kBunching);
  EXPECT_EQ(flags[0].unit_id, "U1");
  EXPECT_EQ(flags[3].unit_id, "U4");
  // 3 above and 2 below is not bunching.
  now.values[4].value = 99.5;
  now.values[3].value = 110;
  EXPECT_TRUE(DetectAnomalies(s, now, nullptr).empty());
}

TEST(Anomaly, FindsAYearEndSpikeInACumulativeIndicatorOnly) {
  core::Scheme s = Scheme8();
  core::YearData now;
  for (int m = 1; m <= 12; ++m) {
    char p[8];
    std::snprintf(p, sizeof p, "2025-%02d", m);
    // U1 steady 100 a month; U2 50 a month then +700 in December.
    now.values.push_back(V("REV", "U1", p, 100.0 * m));
    now.values.push_back(V("REV", "U2", p, m < 12 ? 50.0 * m : 550 + 700));
    now.values.push_back(V("RATE", "U3", p, m < 12 ? 10.0 * m : 1000));  // not cumulative
  }
  auto flags = DetectAnomalies(s, now, nullptr);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].kind, AnomalyKind::kYearEnd);
  EXPECT_EQ(flags[0].unit_id, "U2");
  EXPECT_DOUBLE_EQ(flags[0].score, 14.0);  // 700 / 50
}

TEST(Anomaly, BenfordFlagsUniformFirstDigitsButNotBenfordOnes) {
  core::Scheme s = Scheme8();
  core::YearData now;
  // U1: 180 amounts spread uniformly over first digits 1..9 (fabricated look).
  // U2: 180 amounts from a geometric series, which follows Benford closely.
  int n = 0;
  for (int m = 1; m <= 12; ++m) {
    for (int k = 0; k < 15; ++k, ++n) {
      char p[8];
      std::snprintf(p, sizeof p, "2025-%02d", m);
      const std::string ind = "REV";
      now.values.push_back(V(ind, "U1", p, (n % 9 + 1) * 100 + 7));
      now.values.push_back(V(ind, "U2", p, std::pow(1.07, n) * 100));
    }
  }
  auto flags = DetectAnomalies(s, now, nullptr);
  std::vector<std::string> benford;
  for (const auto& f : flags) {
    if (f.kind == AnomalyKind::kBenford) benford.push_back(f.unit_id);
  }
  EXPECT_EQ(benford, std::vector<std::string>{"U1"});
}

}  // namespace
}  // namespace govperf::methods
