// RakeIndexed (the fast path survey aggregation uses) against Rake: the same
// sweeps, so the same weights bit for bit, and the same refusals.
#include <gtest/gtest.h>

#include <random>

#include "methods/rake.h"

namespace govperf::methods {
namespace {

TEST(RakeIndexed, SameWeightsAsRakeBitForBit) {
  const Margins margins = {{"age", {{"18-34", 300}, {"35-59", 450}, {"60+", 250}}},
                           {"district", {{"D1", 500}, {"D2", 300}, {"D3", 200}}},
                           {"sex", {{"f", 520}, {"m", 480}}}};
  std::mt19937_64 rng(7);
  const std::vector<std::vector<std::string>> names = {
      {"18-34", "35-59", "60+"}, {"D1", "D2", "D3"}, {"f", "m"}};
  std::vector<RakeUnit> units;
  RakeIndexedInput in;
  in.var_first = {0, 3, 6, 8};
  in.totals = {300, 450, 250, 500, 300, 200, 520, 480};
  for (int i = 0; i < 500; ++i) {
    RakeUnit u;
    u.weight = 1 + static_cast<double>(rng() % 3);
    // Skewed sample: the first level of each variable over-represented.
    const uint32_t a = rng() % 5 < 3 ? 0 : 1 + rng() % 2, d = rng() % 4 < 2 ? 0 : 1 + rng() % 2,
                   s = rng() % 3 == 0 ? 1 : 0;
    u.cells = {{"age", names[0][a]}, {"district", names[1][d]}, {"sex", names[2][s]}};
    units.push_back(u);
    in.codes.insert(in.codes.end(), {a, 3 + d, 6 + s});
    in.weights.push_back(u.weight);
  }
  auto slow = Rake(units, margins);
  auto fast = RakeIndexed(in);
  ASSERT_TRUE(slow.ok()) << slow.status().message();
  ASSERT_TRUE(fast.ok()) << fast.status().message();
  EXPECT_EQ(slow->converged, fast->converged);
  EXPECT_EQ(slow->iterations, fast->iterations);
  EXPECT_GT(fast->iterations, 1);
  ASSERT_EQ(slow->weights.size(), fast->weights.size());
  for (size_t i = 0; i < units.size(); ++i) EXPECT_EQ(slow->weights[i], fast->weights[i]) << i;
  // And the margins are reproduced.
  double d1 = 0, f = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    if (in.codes[i * 3 + 1] == 3) d1 += fast->weights[i];
    if (in.codes[i * 3 + 2] == 6) f += fast->weights[i];
  }
  EXPECT_NEAR(d1, 500, 1e-3);
  EXPECT_NEAR(f, 520, 1e-3);
}

TEST(RakeIndexed, RefusesWhatRakeRefuses) {
  RakeIndexedInput in;
  in.var_first = {0, 2};
  in.totals = {60, 40};
  in.codes = {0, 0};
  in.weights = {1, 1};
  auto empty = RakeIndexed(in);  // column 1 has a total but nobody
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("column 1"), std::string::npos);
  in.codes = {0, 2};
  EXPECT_FALSE(RakeIndexed(in).ok());  // code outside the variable
  in.codes = {0, 1};
  in.weights = {1, 0};
  auto w = RakeIndexed(in);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("units[1].weight"), std::string::npos);
  in.weights = {1, 1};
  in.var_first = {0, 1, 2};
  EXPECT_FALSE(RakeIndexed(in).ok());  // 60 vs 40: totals differ between variables
}

}  // namespace
}  // namespace govperf::methods
