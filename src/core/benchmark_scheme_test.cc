#include "core/benchmark_scheme.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace govperf::core::bench {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(BenchmarkScheme, IndicatorScoreFollowsTheContract) {
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, 1, 100, 90), 9.0);
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, 1, 100, 200), 12.0);  // capped at 1.2
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, 1, 100, -5), 0.0);    // clamped at 0
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, -1, 50, 100), 5.0);   // target/actual
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, -1, 50, 0), 12.0);    // actual 0 → 1.2
  EXPECT_DOUBLE_EQ(BenchIndicatorScore(10, 1, 100, kNaN), 0.0);  // missing
}

// 10 units in one category, one indicator worth 100 points, target 100.
BenchYear TenUnits(const std::vector<double>& actuals) {
  BenchYear y;
  y.category_names = {"K0"};
  y.indicator_ids = {"I0"};
  y.points = {100};
  y.direction = {1};
  for (size_t u = 0; u < actuals.size(); ++u) {
    y.unit_ids.push_back("U" + std::to_string(u));
    y.unit_category.push_back(0);
    y.target.push_back(100);
    y.actual.push_back(actuals[u]);
  }
  return y;
}

TEST(BenchmarkScheme, RanksShareTiesAndGradesByRankQuota) {
  // totals 99, 95, 95, 93, 91, 85, 70, 50, missing, 100×1.2 capped = 120
  BenchYear y = TenUnits({99, 95, 95, 93, 91, 85, 70, 50, kNaN, 130});
  BenchResult r = ScoreBenchmark(y);
  EXPECT_DOUBLE_EQ(r.total[9], 120.0);
  EXPECT_DOUBLE_EQ(r.total[8], 0.0);
  const std::vector<uint32_t> want_rank = {2, 3, 3, 5, 6, 7, 8, 9, 10, 1};
  EXPECT_EQ(r.rank, want_rank);
  // quota floor(0.3 × 10) = 3: ranks 1, 2, 3, 3 are all ≤ 3 → excellent.
  EXPECT_EQ(r.grade[9], BenchGrade::kExcellent);
  EXPECT_EQ(r.grade[0], BenchGrade::kExcellent);
  EXPECT_EQ(r.grade[1], BenchGrade::kExcellent);
  EXPECT_EQ(r.grade[2], BenchGrade::kExcellent);
  EXPECT_EQ(r.grade[3], BenchGrade::kGood);  // 93 but rank 5
  EXPECT_EQ(r.grade[5], BenchGrade::kGood);
  EXPECT_EQ(r.grade[6], BenchGrade::kQualified);
  EXPECT_EQ(r.grade[7], BenchGrade::kUnqualified);
}

TEST(BenchmarkScheme, UpdateReranksOnlyTheCategoryAndMatchesAFullRescore) {
  BenchYear y = TenUnits({99, 95, 95, 93, 91, 85, 70, 50, kNaN, 130});
  BenchResult r = ScoreBenchmark(y);
  UpdateBenchmarkValue(y, r, 8, 0, 100);  // the missing unit reports 100
  BenchResult full = ScoreBenchmark(y);
  EXPECT_EQ(r.total, full.total);
  EXPECT_EQ(r.rank, full.rank);
  EXPECT_EQ(r.grade, full.grade);
  EXPECT_EQ(r.rank[8], 2u);
}

TEST(BenchmarkScheme, VectorisedTotalsEqualTheReferenceFormulaBitForBit) {
  BenchYear y;
  y.category_names = {"K0"};
  const std::vector<double> vals = {0, -1, 1e-300, 50, 99.99, 100, 120, 1e9, kNaN};
  for (int i = 0; i < 300; ++i) {  // more than one block of 256
    y.indicator_ids.push_back("I" + std::to_string(i));
    y.points.push_back(0.1 + (i % 7));
    y.direction.push_back(i % 3 == 0 ? -1 : 1);
  }
  for (int u = 0; u < 20; ++u) {
    y.unit_ids.push_back("U" + std::to_string(u));
    y.unit_category.push_back(0);
    for (int i = 0; i < 300; ++i) {
      y.target.push_back(i % 11 == 0 ? -40.0 : 10.0 + (u * 13 + i) % 97);
      y.actual.push_back(vals[(u * 5 + i) % vals.size()]);
    }
  }
  BenchResult r = ScoreBenchmark(y);
  for (size_t u = 0; u < y.units(); ++u) {
    double want = 0;
    for (size_t i = 0; i < y.indicators(); ++i) {
      want += BenchIndicatorScore(y.points[i], y.direction[i], y.target[u * 300 + i],
                                  y.actual[u * 300 + i]);
    }
    EXPECT_EQ(r.total[u], want) << "unit " << u;
  }
}

TEST(BenchmarkScheme, ThreadedScoringEqualsSingleThreaded) {
  std::vector<double> a;
  for (int i = 0; i < 5000; ++i) a.push_back((i * 37) % 130);
  BenchYear y = TenUnits(a);
  BenchResult one = ScoreBenchmark(y, 1), two = ScoreBenchmark(y, 2);
  EXPECT_EQ(one.total, two.total);
  EXPECT_EQ(one.rank, two.rank);
}

}  // namespace
}  // namespace govperf::core::bench
