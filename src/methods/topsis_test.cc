// TOPSIS against the R package MCDA's own test (tests/TOPSIS.R in the CRAN
// package MCDA, "the same as http://hodgett.co.uk/topsis-in-excel/"): cars
// Corsa, Clio, Fiesta on Purchase Price (cost), Economy, Aesthetics, Boot
// Capacity, weights .35 .25 .25 .15, vector normalisation. Published:
// closeness 0.4817, 0.5182, 0.1780; positive ideal (weighted normalised)
// 0.179573776, 0.171636015, 0.159499658, 0.087302767; negative ideal
// 0.212610118, 0.124958799, 0.131352659, 0.085797547.
#include "methods/topsis.h"

#include <gtest/gtest.h>

#include <cmath>

namespace govperf::methods {
namespace {

const Matrix kCars = {{5490, 51.4, 8.5, 285}, {6500, 70.6, 7, 288}, {6489, 54.3, 7.5, 290}};
const std::vector<double> kWeights = {0.35, 0.25, 0.25, 0.15};
const Types kTypes = {-1, 1, 1, 1};

TEST(MethodsTopsisTest, McdaPackageCarsExample) {
  Result<TopsisResult> r = Topsis(kCars, kWeights, kTypes, TopsisNormalization::kVector);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<double> closeness = {0.4817, 0.5182, 0.1780};
  for (size_t i = 0; i < 3; ++i) EXPECT_NEAR(r->closeness[i], closeness[i], 5e-5);
  const std::vector<double> ideal = {0.179573776, 0.171636015, 0.159499658, 0.087302767};
  const std::vector<double> anti = {0.212610118, 0.124958799, 0.131352659, 0.085797547};
  for (size_t j = 0; j < 4; ++j) {
    EXPECT_NEAR(r->ideal[j], ideal[j], 1e-9);
    EXPECT_NEAR(r->anti_ideal[j], anti[j], 1e-9);
  }
  EXPECT_EQ(r->ranks, (std::vector<int>{2, 1, 3}));
}

TEST(MethodsTopsisTest, WeightScaleDoesNotMatter) {
  Result<TopsisResult> a = Topsis(kCars, kWeights, kTypes);
  Result<TopsisResult> b = Topsis(kCars, {35, 25, 25, 15}, kTypes);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < 3; ++i) EXPECT_NEAR(a->closeness[i], b->closeness[i], 1e-12);
}

TEST(MethodsTopsisTest, MinMaxInvertsCostColumnsAndIdealIsMax) {
  // Two criteria, equal weights; column 2 is a cost.
  Result<TopsisResult> r =
      Topsis({{1, 10}, {3, 30}, {2, 10}}, {1, 1}, {1, -1}, TopsisNormalization::kMinMax);
  ASSERT_TRUE(r.ok());
  // Normalised: row0 (0, 1), row1 (1, 0), row2 (0.5, 1). Ideal (1, 1), anti (0, 0).
  EXPECT_EQ(r->ideal, (std::vector<double>{1, 1}));
  EXPECT_EQ(r->anti_ideal, (std::vector<double>{0, 0}));
  EXPECT_NEAR(r->closeness[0], 0.5, 1e-12);
  EXPECT_NEAR(r->closeness[1], 0.5, 1e-12);
  const double dp = 0.5, dm = std::sqrt(1.25);
  EXPECT_NEAR(r->closeness[2], dm / (dp + dm), 1e-12);
  EXPECT_EQ(r->ranks, (std::vector<int>{2, 2, 1}));  // ties share the best rank
}

TEST(MethodsTopsisTest, NoneUsesRawValuesAndCostMin) {
  Result<TopsisResult> r = Topsis({{1, 5}, {2, 3}}, {1, 1}, {1, -1}, TopsisNormalization::kNone);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ideal, (std::vector<double>{2, 3}));
  EXPECT_EQ(r->anti_ideal, (std::vector<double>{1, 5}));
  EXPECT_DOUBLE_EQ(r->closeness[1], 1.0);
  EXPECT_DOUBLE_EQ(r->closeness[0], 0.0);
}

TEST(MethodsTopsisTest, IdenticalAlternativesAllTieAtHalf) {
  Result<TopsisResult> r =
      Topsis({{2, 2}, {2, 2}, {2, 2}}, {1, 1}, {}, TopsisNormalization::kVector);
  ASSERT_TRUE(r.ok());
  for (double c : r->closeness) EXPECT_EQ(c, 0.5);
  EXPECT_EQ(r->ranks, (std::vector<int>{1, 1, 1}));
}

TEST(MethodsTopsisTest, RejectsBadInput) {
  EXPECT_NE(Topsis(kCars, {1, 1}, kTypes)
                .status()
                .message()
                .find("weights must have one entry per column (4)"),
            std::string::npos);
  EXPECT_NE(Topsis(kCars, {1, -1, 1, 1}, kTypes).status().message().find("weights[1]"),
            std::string::npos);
  EXPECT_NE(Topsis(kCars, {0, 0, 0, 0}, kTypes).status().message().find("not all be 0"),
            std::string::npos);
  EXPECT_NE(Topsis(kCars, kWeights, {1, 1, 1}).status().message().find("types"), std::string::npos);
  EXPECT_NE(Topsis(kCars, kWeights, {1, 2, 1, 1}).status().message().find("types[1]"),
            std::string::npos);
  EXPECT_FALSE(ParseTopsisNormalization("sum").ok());
}

TEST(MethodsRankTest, CompetitionRanking) {
  EXPECT_EQ(RankDescending({0.3, 0.9, 0.3, 0.1}), (std::vector<int>{2, 1, 2, 4}));
  EXPECT_EQ(RankDescending({}), (std::vector<int>{}));
}

}  // namespace
}  // namespace govperf::methods
