// DEA against published results.
//
//  [DEAP] Coelli, T. (1996) "A Guide to DEAP Version 2.1", CEPA Working Paper
//         96/08, example EG1: 5 firms, 1 output y = (1, 2, 3, 1, 2), 2 inputs
//         x1 = (2, 2, 6, 3, 6), x2 = (5, 4, 6, 2, 2); input-oriented CRS.
//         Published output (EG1.OUT): te 0.500 1.000 0.833 0.714 1.000; input
//         slack of firm 1 on x2 = 0.500, all other slacks 0; peer weights
//         firm 1: firm2 0.500; firm 3: firm5 0.500, firm2 1.000; firm 4: firm5
//         0.286, firm2 0.214; input targets firm 3 (5, 5), firm 4 (2.143, 1.429).
//  [hand] one input, one output, A(2,2) B(4,5) C(6,6) D(5,3): the CRS
//         frontier is the ray through B (y/x = 1.25); the VRS frontier is
//         A-B-C. D input VRS: 2 + (3-2)*2/3 = 8/3 on A-B, theta = 8/15;
//         D output VRS: 5 + 0.5 = 5.5 on B-C, phi = 11/6.
//  Under CRS the output-oriented Farrell measure is the reciprocal of the
//  input-oriented one (Cooper, Seiford & Tone 2007, sec. 3.8).
#include "methods/dea.h"

#include <gtest/gtest.h>

namespace govperf::methods {
namespace {

const Matrix kEg1X = {{2, 5}, {2, 4}, {6, 6}, {3, 2}, {6, 2}};
const Matrix kEg1Y = {{1}, {2}, {3}, {1}, {2}};

TEST(MethodsDeaTest, CoelliDeapEg1InputCrs) {
  Result<DeaResult> r = Dea(kEg1X, kEg1Y, Returns::kConstant, Orientation::kInput);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<double> te = {0.5, 1.0, 5.0 / 6, 5.0 / 7, 1.0};
  for (size_t i = 0; i < 5; ++i) EXPECT_NEAR(r->efficiency[i], te[i], 1e-9) << "firm " << i + 1;
  EXPECT_NEAR(r->input_slacks[0][1], 0.5, 1e-9);
  EXPECT_NEAR(r->input_slacks[0][0], 0.0, 1e-9);
  for (size_t i = 1; i < 5; ++i) {
    EXPECT_NEAR(r->input_slacks[i][0], 0.0, 1e-9);
    EXPECT_NEAR(r->input_slacks[i][1], 0.0, 1e-9);
    EXPECT_NEAR(r->output_slacks[i][0], 0.0, 1e-9);
  }
  EXPECT_NEAR(r->lambdas[0][1], 0.5, 1e-9);
  EXPECT_NEAR(r->lambdas[2][4], 0.5, 1e-9);
  EXPECT_NEAR(r->lambdas[2][1], 1.0, 1e-9);
  EXPECT_NEAR(r->lambdas[3][4], 0.286, 5e-4);
  EXPECT_NEAR(r->lambdas[3][1], 0.214, 5e-4);
  // Projection identity: sum_j l_j x_j = theta x_o - s-.
  for (size_t o = 0; o < 5; ++o)
    for (size_t i = 0; i < 2; ++i) {
      double lx = 0;
      for (size_t j = 0; j < 5; ++j) lx += r->lambdas[o][j] * kEg1X[j][i];
      EXPECT_NEAR(lx, r->efficiency[o] * kEg1X[o][i] - r->input_slacks[o][i], 1e-9);
    }
}

TEST(MethodsDeaTest, OutputOrientationIsFarrellReciprocalUnderCrs) {
  Result<DeaResult> in = Dea(kEg1X, kEg1Y, Returns::kConstant, Orientation::kInput);
  Result<DeaResult> out = Dea(kEg1X, kEg1Y, Returns::kConstant, Orientation::kOutput);
  ASSERT_TRUE(in.ok() && out.ok());
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_GE(out->efficiency[i], 1.0);
    EXPECT_NEAR(out->efficiency[i], 1.0 / in->efficiency[i], 1e-9);
  }
}

const Matrix kX1 = {{2}, {4}, {6}, {5}};
const Matrix kY1 = {{2}, {5}, {6}, {3}};

TEST(MethodsDeaTest, HandExampleCrsAndVrs) {
  Result<DeaResult> crs = Dea(kX1, kY1, Returns::kConstant, Orientation::kInput);
  ASSERT_TRUE(crs.ok());
  EXPECT_NEAR(crs->efficiency[0], 0.8, 1e-9);
  EXPECT_NEAR(crs->efficiency[1], 1.0, 1e-9);
  EXPECT_NEAR(crs->efficiency[2], 0.8, 1e-9);
  EXPECT_NEAR(crs->efficiency[3], 0.48, 1e-9);

  Result<DeaResult> vin = Dea(kX1, kY1, Returns::kVariable, Orientation::kInput);
  ASSERT_TRUE(vin.ok());
  EXPECT_NEAR(vin->efficiency[0], 1.0, 1e-9);
  EXPECT_NEAR(vin->efficiency[1], 1.0, 1e-9);
  EXPECT_NEAR(vin->efficiency[2], 1.0, 1e-9);
  EXPECT_NEAR(vin->efficiency[3], 8.0 / 15, 1e-9);
  EXPECT_NEAR(vin->lambdas[3][0], 2.0 / 3, 1e-9);
  EXPECT_NEAR(vin->lambdas[3][1], 1.0 / 3, 1e-9);

  Result<DeaResult> vout = Dea(kX1, kY1, Returns::kVariable, Orientation::kOutput);
  ASSERT_TRUE(vout.ok());
  EXPECT_NEAR(vout->efficiency[3], 11.0 / 6, 1e-9);
  EXPECT_NEAR(vout->lambdas[3][1], 0.5, 1e-9);
  EXPECT_NEAR(vout->lambdas[3][2], 0.5, 1e-9);
  EXPECT_NEAR(vout->efficiency[0], 1.0, 1e-9);
  double sum = 0;
  for (double l : vout->lambdas[3]) sum += l;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(MethodsDeaTest, RejectsBadData) {
  auto msg = [](const Matrix& x, const Matrix& y) { return Dea(x, y).status().message(); };
  EXPECT_NE(msg({{1}, {2}}, {{1}}).find("one row per DMU"), std::string::npos);
  EXPECT_NE(msg({{1, 2}, {2}}, {{1}, {1}}).find("inputs is ragged"), std::string::npos);
  EXPECT_NE(msg({{1}, {-2}}, {{1}, {1}}).find("inputs[1][0] must be >= 0"), std::string::npos);
  EXPECT_NE(msg({{1}, {2}}, {{0}, {1}}).find("outputs[0] must have at least one value > 0"),
            std::string::npos);
  EXPECT_NE(msg({}, {}).find("inputs must have at least 1 row"), std::string::npos);
  EXPECT_FALSE(ParseReturns("increasing").ok());
  EXPECT_FALSE(ParseOrientation("both").ok());
}

}  // namespace
}  // namespace govperf::methods
