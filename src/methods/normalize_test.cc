// Normalisation formulas (docs/methods.md), including the documented edge
// cases: a constant column is all 1 under minmax and all 0 under zscore.
#include "methods/normalize.h"

#include <gtest/gtest.h>

#include <cmath>

namespace govperf::methods {
namespace {

const Matrix kX = {{1, 10}, {2, 20}, {4, 40}};

TEST(MethodsNormalizeTest, MinMaxBenefitAndCost) {
  Result<Matrix> r = Normalize(kX, Normalization::kMinMax, {1, -1});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ((*r)[0][0], 0.0);
  EXPECT_DOUBLE_EQ((*r)[1][0], 1.0 / 3);
  EXPECT_DOUBLE_EQ((*r)[2][0], 1.0);
  EXPECT_DOUBLE_EQ((*r)[0][1], 1.0);  // (max - x)/(max - min)
  EXPECT_DOUBLE_EQ((*r)[1][1], 20.0 / 30);
  EXPECT_DOUBLE_EQ((*r)[2][1], 0.0);
}

TEST(MethodsNormalizeTest, MinMaxConstantColumnIsAllOne) {
  Result<Matrix> r = Normalize({{5, 1}, {5, 2}}, Normalization::kMinMax, {-1, 1});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0][0], 1.0);
  EXPECT_EQ((*r)[1][0], 1.0);
}

TEST(MethodsNormalizeTest, VectorBenefitAndCost) {
  Result<Matrix> r = Normalize(kX, Normalization::kVector, {1, -1});
  ASSERT_TRUE(r.ok());
  const double norm = std::sqrt(1 + 4 + 16.0);
  EXPECT_DOUBLE_EQ((*r)[2][0], 4 / norm);
  EXPECT_DOUBLE_EQ((*r)[2][1], 1 - 40 / (10 * norm));
  EXPECT_NE(
      Normalize({{0}, {0}}, Normalization::kVector).status().message().find("column 0 is all 0"),
      std::string::npos);
}

TEST(MethodsNormalizeTest, SumBenefitAndCost) {
  Result<Matrix> r = Normalize(kX, Normalization::kSum, {1, -1});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ((*r)[0][0], 1.0 / 7);
  const double inv = 1.0 / 10 + 1.0 / 20 + 1.0 / 40;
  EXPECT_DOUBLE_EQ((*r)[0][1], (1.0 / 10) / inv);
  double s = 0;
  for (const auto& row : *r) s += row[1];
  EXPECT_NEAR(s, 1.0, 1e-15);
  EXPECT_NE(Normalize({{1}, {0}}, Normalization::kSum, {-1})
                .status()
                .message()
                .find("matrix[1][0] must be > 0"),
            std::string::npos);
}

TEST(MethodsNormalizeTest, ZScoreUsesPopulationSd) {
  Result<Matrix> r = Normalize({{2, 3}, {4, 3}, {4, 3}, {4, 3}, {5, 3}, {5, 3}, {7, 3}, {9, 3}},
                               Normalization::kZScore, {1, -1});
  ASSERT_TRUE(r.ok());
  // Mean 5, population sd 2 (the textbook example; the sample sd would be 2.138).
  EXPECT_DOUBLE_EQ((*r)[0][0], -1.5);
  EXPECT_DOUBLE_EQ((*r)[7][0], 2.0);
  EXPECT_EQ((*r)[0][1], 0.0);  // constant column -> 0, and not "-0" for cost
  EXPECT_FALSE(std::signbit((*r)[0][1]));
  Result<Matrix> c = Normalize({{1}, {3}}, Normalization::kZScore, {-1});
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ((*c)[0][0], 1.0);  // cost: -z
}

TEST(MethodsNormalizeTest, RejectsBadTypesAndParses) {
  EXPECT_NE(Normalize(kX, Normalization::kMinMax, {1})
                .status()
                .message()
                .find("types must have one entry per column"),
            std::string::npos);
  EXPECT_NE(
      Normalize(kX, Normalization::kMinMax, {1, 0}).status().message().find("types[1] must be 1"),
      std::string::npos);
  EXPECT_TRUE(ParseNormalization("zscore").ok());
  EXPECT_FALSE(ParseNormalization("max").ok());
}

}  // namespace
}  // namespace govperf::methods
