// Entropy weights: formula check on a small matrix whose entropies are easy
// to verify by hand (column 2 is uniform, so it carries no information and
// gets weight 0; column 3 has a zero, exercising 0 ln 0 = 0).
#include "methods/entropy.h"

#include <gtest/gtest.h>

#include <cmath>

namespace govperf::methods {
namespace {

TEST(MethodsEntropyTest, WeightsFollowTheFormula) {
  const Matrix x = {{2, 10, 1}, {4, 10, 3}, {6, 10, 8}, {8, 10, 0}};
  // Independent evaluation of E_j = -sum p ln p / ln 4 for each column:
  auto divergence = [](std::vector<double> col) {
    double s = 0, h = 0;
    for (double v : col) s += v;
    for (double v : col)
      if (v > 0) h -= v / s * std::log(v / s);
    return 1 - h / std::log(4.0);
  };
  const double d1 = divergence({2, 4, 6, 8}), d3 = divergence({1, 3, 8, 0});
  Result<std::vector<double>> w = EntropyWeights(x);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_NEAR((*w)[0], d1 / (d1 + d3), 1e-15);
  EXPECT_NEAR((*w)[1], 0.0, 1e-15);
  EXPECT_NEAR((*w)[2], d3 / (d1 + d3), 1e-15);
  EXPECT_NEAR((*w)[0], 0.1591568027175555, 1e-12);  // same numbers from a Python transcription
  EXPECT_NEAR((*w)[2], 0.8408431972824445, 1e-12);
}

TEST(MethodsEntropyTest, ScaleInvariantPerColumn) {
  Result<std::vector<double>> a = EntropyWeights({{1, 5}, {2, 1}, {3, 9}});
  Result<std::vector<double>> b = EntropyWeights({{100, 5}, {200, 1}, {300, 9}});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NEAR((*a)[0], (*b)[0], 1e-12);
}

TEST(MethodsEntropyTest, RejectsUndefinedCases) {
  EXPECT_NE(EntropyWeights({{1, 2}}).status().message().find("at least 2 row"), std::string::npos);
  EXPECT_NE(EntropyWeights({{1, 0}, {2, 0}}).status().message().find("column 1 sums to 0"),
            std::string::npos);
  EXPECT_NE(EntropyWeights({{1, -1}, {2, 3}}).status().message().find("matrix[0][1] must be >= 0"),
            std::string::npos);
  EXPECT_NE(EntropyWeights({{1, 7}, {1, 7}}).status().message().find("uniform"), std::string::npos);
  EXPECT_NE(EntropyWeights({{1, 2}, {3}}).status().message().find("ragged"), std::string::npos);
}

}  // namespace
}  // namespace govperf::methods
