// AHP against published examples.
//
// Sources:
//  [S2008] Saaty, T.L. (2008) "Decision making with the analytic hierarchy
//          process", Int. J. Services Sciences 1(1), 83-98: "Which drink is
//          consumed more in the US?" 7x7 matrix. Priorities as reproduced by the
//          AHPy library's test suite (github.com/PhilipGriffith/AHPy,
//          tests/test_ahp.py: test_drinks_*): coffee .1775, wine .0191, tea .0418,
//          beer .1164, soda .1896, milk .1288, water .3268; CR = 0.022 with
//          Saaty's 2005 RI, 0.0235 with Donegan & Dodd's.
//  [S2005] Saaty, T.L. (2005) Theory and Applications of the Analytic Network
//          Process: choosing a city (criteria Culture, Family, Housing, Jobs,
//          Transportation; cities Bethesda, Boston, Pittsburgh, Santa Fe). Global
//          priorities as in AHPy tests/test_ahp.py test_cities_weights_dd_precision_4:
//          Bethesda .2291, Boston .2748, Pittsburgh .3852, Santa Fe .1110.
//  RI tables: Saaty 1980 (The Analytic Hierarchy Process, McGraw-Hill);
//          Saaty 2005 p. 31 and Donegan & Dodd (1991) as tabulated in AHPy
//          (ahpy.py _compute_consistency_ratio); Tummala & Ling (1998) as
//          tabulated in PyMCDM (pymcdm AHP.RI_M).
#include "methods/ahp.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace govperf::methods {
namespace {

// Builds a reciprocal matrix from "a over b = v" judgements.
Matrix FromPairs(const std::vector<std::string>& items,
                 const std::vector<std::tuple<std::string, std::string, double>>& pairs) {
  std::map<std::string, size_t> idx;
  for (size_t i = 0; i < items.size(); ++i) idx[items[i]] = i;
  Matrix m(items.size(), std::vector<double>(items.size(), 1.0));
  for (const auto& [a, b, v] : pairs) {
    m[idx.at(a)][idx.at(b)] = v;
    m[idx.at(b)][idx.at(a)] = 1.0 / v;
  }
  return m;
}

const std::vector<std::string> kDrinks = {"coffee", "wine", "tea", "beer", "soda", "milk", "water"};

Matrix DrinksMatrix() {
  return FromPairs(kDrinks, {{"coffee", "wine", 9}, {"coffee", "tea", 5},  {"coffee", "beer", 2},
                             {"coffee", "soda", 1}, {"coffee", "milk", 1}, {"water", "coffee", 2},
                             {"water", "wine", 9},  {"water", "tea", 9},   {"water", "beer", 3},
                             {"water", "soda", 2},  {"water", "milk", 3},  {"tea", "wine", 3},
                             {"beer", "wine", 9},   {"beer", "tea", 3},    {"beer", "milk", 1},
                             {"soda", "wine", 9},   {"soda", "tea", 4},    {"soda", "beer", 2},
                             {"soda", "milk", 2},   {"milk", "wine", 9},   {"milk", "tea", 3}});
}

TEST(MethodsAhpTest, SaatyDrinksExampleWeightsAndConsistency) {
  Result<AhpResult> r = Ahp(DrinksMatrix(), RandomIndexTable::kSaaty2005);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<double> expected = {0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268};
  double sum = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(r->weights[i], expected[i], 5e-5) << kDrinks[i];
    sum += r->weights[i];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_NEAR(r->cr, 0.022, 5e-4);  // [S2008] via AHPy, RI = 1.35 (Saaty 2005, n = 7)
  EXPECT_NEAR(r->ci, (r->lambda_max - 7) / 6, 1e-12);
  EXPECT_TRUE(r->consistent);

  Result<AhpResult> dd = Ahp(DrinksMatrix(), RandomIndexTable::kDoneganDodd);
  ASSERT_TRUE(dd.ok());
  EXPECT_NEAR(dd->cr, 0.0235, 5e-5);  // AHPy test_drinks_cr_dd
}

TEST(MethodsAhpTest, PerfectlyConsistentMatrixHasExactWeights) {
  // a_ij = w_i / w_j with w = (0.5, 0.3, 0.2): lambda_max = n, ci = cr = 0.
  const std::vector<double> w = {0.5, 0.3, 0.2};
  Matrix m(3, std::vector<double>(3));
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) m[i][j] = w[i] / w[j];
  Result<AhpResult> r = Ahp(m);
  ASSERT_TRUE(r.ok());
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(r->weights[i], w[i], 1e-12);
  EXPECT_NEAR(r->lambda_max, 3.0, 1e-12);
  EXPECT_NEAR(r->ci, 0.0, 1e-12);
  EXPECT_NEAR(r->cr, 0.0, 1e-11);
  EXPECT_TRUE(r->consistent);
}

TEST(MethodsAhpTest, SmallMatricesAreConsistentByDefinition) {
  Result<AhpResult> one = Ahp({{1}});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->weights, std::vector<double>{1.0});
  EXPECT_EQ(one->cr, 0.0);
  Result<AhpResult> two = Ahp({{1, 4}, {0.25, 1}});
  ASSERT_TRUE(two.ok());
  EXPECT_NEAR(two->weights[0], 0.8, 1e-12);
  EXPECT_NEAR(two->weights[1], 0.2, 1e-12);
  EXPECT_EQ(two->ci, 0.0);
  EXPECT_EQ(two->cr, 0.0);
  EXPECT_TRUE(two->consistent);
}

TEST(MethodsAhpTest, InconsistentMatrixIsFlagged) {
  // A > B (9), B > C (9), but C > A (9): a cycle.
  Result<AhpResult> r = Ahp({{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}});
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->cr, 0.1);
  EXPECT_FALSE(r->consistent);
}

TEST(MethodsAhpTest, RandomIndexTablesMatchPublishedValues) {
  struct Case {
    RandomIndexTable t;
    int n;
    double ri;
  };
  for (const Case& c :
       {Case{RandomIndexTable::kSaaty1980, 3, 0.58}, Case{RandomIndexTable::kSaaty1980, 9, 1.45},
        Case{RandomIndexTable::kSaaty1980, 12, 1.48}, Case{RandomIndexTable::kSaaty1980, 15, 1.59},
        Case{RandomIndexTable::kSaaty2005, 3, 0.52}, Case{RandomIndexTable::kSaaty2005, 7, 1.35},
        Case{RandomIndexTable::kSaaty2005, 15, 1.59},
        Case{RandomIndexTable::kDoneganDodd, 3, 0.4914},
        Case{RandomIndexTable::kDoneganDodd, 7, 1.2519},
        Case{RandomIndexTable::kDoneganDodd, 20, 1.5371},
        Case{RandomIndexTable::kTummalaLing, 3, 0.5799},
        Case{RandomIndexTable::kTummalaLing, 15, 1.5831},
        Case{RandomIndexTable::kSaaty1980, 2, 0.0}}) {
    Result<double> ri = RandomIndex(c.t, c.n);
    ASSERT_TRUE(ri.ok()) << RandomIndexTableName(c.t) << " n=" << c.n;
    EXPECT_DOUBLE_EQ(*ri, c.ri) << RandomIndexTableName(c.t) << " n=" << c.n;
  }
  EXPECT_FALSE(RandomIndex(RandomIndexTable::kSaaty1980, 16).ok());
  EXPECT_FALSE(RandomIndex(RandomIndexTable::kDoneganDodd, 21).ok());
  for (const char* name : {"saaty1980", "saaty2005", "donegan-dodd", "tummala-ling"}) {
    Result<RandomIndexTable> t = ParseRandomIndexTable(name);
    ASSERT_TRUE(t.ok());
    EXPECT_STREQ(RandomIndexTableName(*t), name);
  }
  EXPECT_FALSE(ParseRandomIndexTable("saaty").ok());
}

TEST(MethodsAhpTest, RejectsInvalidMatrices) {
  auto message = [](const Matrix& m) { return Ahp(m).status().message(); };
  EXPECT_NE(message({{1, 2, 3}, {0.5, 1, 2}}).find("square"), std::string::npos);
  EXPECT_NE(message({{1, 2}, {0.5}}).find("ragged"), std::string::npos);
  EXPECT_NE(message({{1, -2}, {-0.5, 1}}).find("matrix[0][1] must be > 0"), std::string::npos);
  EXPECT_NE(message({{1, 0}, {0, 1}}).find("> 0"), std::string::npos);
  EXPECT_NE(message({{2, 1}, {1, 1}}).find("matrix[0][0] must be 1"), std::string::npos);
  EXPECT_NE(message({{1, 3}, {0.5, 1}}).find("matrix[1][0] must be the reciprocal of matrix[0][1]"),
            std::string::npos);
  EXPECT_NE(message({{1, std::nan("")}, {1, 1}}).find("finite"), std::string::npos);
  // Rounded reciprocals as people type them are accepted (tolerance 1 %).
  EXPECT_TRUE(Ahp({{1, 3, 5}, {0.333, 1, 2}, {0.2, 0.5, 1}}).ok());
  EXPECT_TRUE(Ahp({{1, 3}, {0.33, 1}}).ok());
  // Larger than the table: a clear error, not a made-up RI.
  Matrix big(16, std::vector<double>(16, 1.0));
  Status st = Ahp(big, RandomIndexTable::kSaaty1980).status();
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_NE(st.message().find("no value for n = 16"), std::string::npos) << st.message();
  EXPECT_TRUE(Ahp(big, RandomIndexTable::kDoneganDodd).ok());
}

TEST(MethodsAhpTest, SaatyCitiesHierarchyGlobalScores) {
  const std::vector<std::string> crit = {"Culture", "Family", "Housing", "Jobs", "Transportation"};
  const std::vector<std::string> cities = {"Bethesda", "Boston", "Pittsburgh", "Santa Fe"};
  Matrix criteria = FromPairs(crit, {{"Culture", "Housing", 3},
                                     {"Culture", "Transportation", 5},
                                     {"Family", "Culture", 5},
                                     {"Family", "Housing", 7},
                                     {"Family", "Transportation", 7},
                                     {"Housing", "Transportation", 3},
                                     {"Jobs", "Culture", 2},
                                     {"Jobs", "Housing", 4},
                                     {"Jobs", "Transportation", 7},
                                     {"Family", "Jobs", 1}});
  std::vector<Matrix> alts = {
      FromPairs(cities, {{"Bethesda", "Pittsburgh", 1},
                         {"Boston", "Bethesda", 2},
                         {"Boston", "Pittsburgh", 2.5},
                         {"Boston", "Santa Fe", 1},
                         {"Pittsburgh", "Bethesda", 1},
                         {"Santa Fe", "Bethesda", 2},
                         {"Santa Fe", "Pittsburgh", 2.5}}),
      FromPairs(cities, {{"Bethesda", "Boston", 2},
                         {"Bethesda", "Santa Fe", 4},
                         {"Boston", "Santa Fe", 2},
                         {"Pittsburgh", "Bethesda", 3},
                         {"Pittsburgh", "Boston", 8},
                         {"Pittsburgh", "Santa Fe", 9}}),
      FromPairs(cities, {{"Bethesda", "Boston", 5},
                         {"Bethesda", "Santa Fe", 2.5},
                         {"Pittsburgh", "Bethesda", 2},
                         {"Pittsburgh", "Boston", 9},
                         {"Pittsburgh", "Santa Fe", 7},
                         {"Santa Fe", "Boston", 4}}),
      FromPairs(cities, {{"Bethesda", "Pittsburgh", 3},
                         {"Bethesda", "Santa Fe", 4},
                         {"Boston", "Bethesda", 2},
                         {"Boston", "Pittsburgh", 6},
                         {"Boston", "Santa Fe", 8},
                         {"Pittsburgh", "Santa Fe", 1}}),
      FromPairs(cities, {{"Bethesda", "Boston", 1.5},
                         {"Bethesda", "Santa Fe", 4},
                         {"Boston", "Santa Fe", 2.5},
                         {"Pittsburgh", "Bethesda", 2},
                         {"Pittsburgh", "Boston", 3.5},
                         {"Pittsburgh", "Santa Fe", 9}}),
  };
  Result<AhpHierarchyResult> r = AhpHierarchy(criteria, alts, RandomIndexTable::kDoneganDodd);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<double> expected = {0.2291, 0.2748, 0.3852, 0.1110};
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(r->scores[i], expected[i], 1e-4) << cities[i];
  ASSERT_EQ(r->cr.size(), 6u);
  ASSERT_EQ(r->local_weights.size(), 5u);
  double s = 0;
  for (double v : r->scores) s += v;
  EXPECT_NEAR(s, 1.0, 1e-12);
}

TEST(MethodsAhpTest, HierarchyRejectsMismatchedShapes) {
  Matrix c = {{1, 2}, {0.5, 1}};
  Matrix a3(3, std::vector<double>(3, 1.0)), a2(2, std::vector<double>(2, 1.0));
  EXPECT_NE(AhpHierarchy(c, {a3}).status().message().find("one matrix per criterion"),
            std::string::npos);
  EXPECT_NE(AhpHierarchy(c, {a3, a2}).status().message().find("alternatives[1] must be 3 x 3"),
            std::string::npos);
  EXPECT_NE(
      AhpHierarchy(c, {a3, {{1, 2}, {2, 1}}}).status().message().find("alternatives[1][1][0]"),
      std::string::npos);
}

}  // namespace
}  // namespace govperf::methods
