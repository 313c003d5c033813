// The `govperf method NAME` contract, exercised through RunMethod with real
// JSON text: success shapes, defaults, and invalid input -> exit 2 with a
// message that names the field.
#include "methods/json_api.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

namespace govperf::methods {
namespace {

using nlohmann::json;

struct Outcome {
  int code;
  json out;
  std::string err;
};

Outcome Call(const std::string& name, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = RunMethod(name, in, out, err);
  json j = out.str().empty() ? json() : json::parse(out.str());
  return {code, j, err.str()};
}

void ExpectInvalid(const std::string& name, const std::string& input, const std::string& fragment) {
  Outcome r = Call(name, input);
  EXPECT_EQ(r.code, kExitInvalid) << input;
  EXPECT_TRUE(r.out.is_null()) << "nothing on stdout for invalid input";
  EXPECT_NE(r.err.find(fragment), std::string::npos)
      << "stderr: " << r.err << "\nexpected to contain: " << fragment;
}

TEST(MethodsJsonApiTest, MethodNamesAndUnknownMethod) {
  EXPECT_EQ(MethodNames(), (std::vector<std::string>{"ahp", "ahp-hierarchy", "dea", "entropy",
                                                     "normalize", "rake", "topsis"}));
  ExpectInvalid("promethee", "{}",
                "unknown method 'promethee'; available: ahp, ahp-hierarchy, dea, entropy");
  ExpectInvalid("", "{}", "missing method name; available: ahp");
}

TEST(MethodsJsonApiTest, RejectsNonObjectsAndBadJson) {
  ExpectInvalid("ahp", "[1, 2]", "input must be a JSON object");
  ExpectInvalid("ahp", "{\"matrix\": [[1]]", "not valid JSON");
  ExpectInvalid("ahp", "", "not valid JSON");
  ExpectInvalid("ahp", "{\"matrix\": [[1]], \"randomindex\": \"saaty1980\"}",
                "unknown field 'randomindex'");
}

std::string Square(size_t n) {
  std::string row = "[1";
  for (size_t j = 1; j < n; ++j) row += ", 1";
  row += "]";
  std::string m = "[" + row;
  for (size_t i = 1; i < n; ++i) m += ", " + row;
  return m + "]";
}

TEST(MethodsJsonApiTest, NamesThePathOfOverflowsAndRefusesOversizedInput) {
  ExpectInvalid("ahp", R"({"matrix": [[1, 1e999], [1, 1]]})",
                "input: matrix[0][1]: number overflow parsing '1e999'");
  ExpectInvalid("ahp", R"({"matrix": [[1, 2], [0.5, 1]], "matrix": [[1]]})",
                "input: matrix: duplicate key");
  Outcome largest = Call(
      "ahp", "{\"random_index\": \"donegan-dodd\", \"matrix\": " + Square(kMaxAhpCriteria) + "}");
  EXPECT_EQ(largest.code, kExitOk) << largest.err;
  ExpectInvalid("ahp", "{\"matrix\": " + Square(kMaxAhpCriteria + 1) + "}",
                "input: matrix[0]: more than 20 elements");
  ExpectInvalid("ahp-hierarchy",
                "{\"criteria\": [[1]], \"alternatives\": [" + Square(kMaxAhpCriteria + 1) + "]}",
                "alternatives[0][0]: more than 20 elements");
  // 1001 columns: within the JSON limits, refused by the table's shape.
  std::string wide = "[1";
  for (int j = 0; j < 1000; ++j) wide += ", 1";
  ExpectInvalid("entropy", "{\"matrix\": [" + wide + "]]}",
                "matrix[0] has 1001 entries; at most 1000 columns (criteria)");
  ExpectInvalid("rake",
                R"({"units": [{"cells": {"g": "a"}, "weight": 1}], "margins": {"g": {"a": 1}},
                    "max_iter": 18446744073709551615})",
                "max_iter must be an integer in 1..10000");
}

TEST(MethodsJsonApiTest, Ahp) {
  Outcome r = Call("ahp", R"({"matrix": [[1, 3, 5], [0.3333333333333333, 1, 2], [0.2, 0.5, 1]]})");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  ASSERT_EQ(r.out["weights"].size(), 3u);
  EXPECT_TRUE(r.out["consistent"].get<bool>());
  for (const char* k : {"lambda_max", "ci", "cr"}) EXPECT_TRUE(r.out[k].is_number()) << k;
  Outcome t = Call(
      "ahp",
      R"({"matrix": [[1, 3, 5], [0.3333333333333333, 1, 2], [0.2, 0.5, 1]], "random_index": "donegan-dodd"})");
  EXPECT_GT(t.out["cr"].get<double>(), r.out["cr"].get<double>());  // RI(3) 0.4914 < 0.58
  ExpectInvalid("ahp", R"({"matrix": [[1, 2, 3], [0.5, 1, 2]]})", "matrix must be square");
  ExpectInvalid("ahp", R"({"matrix": [[1, 2], [0.5]]})", "matrix is ragged");
  ExpectInvalid("ahp", R"({"matrix": [[1, 2], [3, 1]]})",
                "matrix[1][0] must be the reciprocal of matrix[0][1]");
  ExpectInvalid("ahp", R"({"matrix": [[1, "2"], [0.5, 1]]})",
                "matrix[0][1] must be a number, got string");
  ExpectInvalid("ahp", R"({"matrix": [[1, null], [0.5, 1]]})",
                "matrix[0][1] must be a number, got null");
  ExpectInvalid("ahp", R"({"matrix": [[1, 0], [0, 1]]})", "matrix[0][1] must be > 0");
  ExpectInvalid("ahp", R"({"matrix": [[1, 2], [0.5, 1]], "random_index": "saaty1990"})",
                "random_index must be one of");
  ExpectInvalid("ahp", R"({})", "missing field 'matrix'");
  std::string big = "[";
  for (int i = 0; i < 16; ++i)
    big += std::string(i ? "," : "") + "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";
  big += "]";
  ExpectInvalid("ahp", "{\"matrix\": " + big + "}", "has no value for n = 16");
}

TEST(MethodsJsonApiTest, AhpHierarchy) {
  Outcome r = Call("ahp-hierarchy", R"({"criteria": [[1, 3], [0.3333333333333333, 1]],
      "alternatives": [[[1, 2], [0.5, 1]], [[1, 0.25], [4, 1]]]})");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  // criteria 0.75/0.25; locals (2/3, 1/3) and (0.2, 0.8).
  EXPECT_NEAR(r.out["scores"][0].get<double>(), 0.75 * 2 / 3 + 0.25 * 0.2, 1e-12);
  EXPECT_NEAR(r.out["scores"][1].get<double>(), 0.75 / 3 + 0.25 * 0.8, 1e-12);
  EXPECT_EQ(r.out["cr"].size(), 3u);
  EXPECT_EQ(r.out["local_weights"].size(), 2u);
  ExpectInvalid("ahp-hierarchy",
                R"({"criteria": [[1, 3], [0.3333333333333333, 1]], "alternatives": [[[1]]]})",
                "one matrix per criterion");
}

TEST(MethodsJsonApiTest, EntropyAndNormalize) {
  Outcome e = Call("entropy", R"({"matrix": [[1, 5], [2, 5], [3, 6]]})");
  ASSERT_EQ(e.code, kExitOk) << e.err;
  EXPECT_NEAR(e.out["weights"][0].get<double>() + e.out["weights"][1].get<double>(), 1.0, 1e-12);
  ExpectInvalid("entropy", R"({"matrix": [[0, 1], [0, 2]]})", "column 0 sums to 0");

  Outcome n =
      Call("normalize", R"({"matrix": [[1, 10], [3, 30]], "method": "minmax", "types": [1, -1]})");
  ASSERT_EQ(n.code, kExitOk) << n.err;
  EXPECT_EQ(n.out["matrix"], json::parse("[[0.0, 1.0], [1.0, 0.0]]"));
  Outcome d =
      Call("normalize", R"({"matrix": [[1], [3]], "method": "sum"})");  // types default to benefit
  EXPECT_EQ(d.out["matrix"], json::parse("[[0.25], [0.75]]"));
  ExpectInvalid("normalize", R"({"matrix": [[1, 2]], "method": "minmax", "types": [1]})",
                "types must have one entry per column (2), got 1");
  ExpectInvalid("normalize", R"({"matrix": [[1, 2]], "method": "minmax", "types": [1, 0]})",
                "types[1] must be 1 (benefit) or -1 (cost)");
  ExpectInvalid("normalize", R"({"matrix": [[1, 2]], "method": "minmax", "types": [1, "cost"]})",
                "types[1]");
  ExpectInvalid("normalize", R"({"matrix": [[1, 2]], "method": "l2"})",
                "method must be one of minmax");
  ExpectInvalid("normalize", R"({"matrix": [[1, 2]]})", "missing field 'method'");
}

TEST(MethodsJsonApiTest, Topsis) {
  Outcome r =
      Call("topsis",
           R"({"matrix": [[5490, 51.4, 8.5, 285], [6500, 70.6, 7, 288], [6489, 54.3, 7.5, 290]],
      "weights": [0.35, 0.25, 0.25, 0.15], "types": [-1, 1, 1, 1]})");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NEAR(r.out["closeness"][1].get<double>(), 0.5182,
              5e-5);  // R MCDA test, see topsis_test.cc
  EXPECT_EQ(r.out["ranks"], json::parse("[2, 1, 3]"));
  EXPECT_EQ(r.out["ideal"].size(), 4u);
  EXPECT_EQ(r.out["anti_ideal"].size(), 4u);
  ExpectInvalid("topsis", R"({"matrix": [[1, 2]], "weights": [1]})",
                "weights must have one entry per column (2)");
  ExpectInvalid("topsis", R"({"matrix": [[1, 2]], "weights": [1, 1], "normalization": "sum"})",
                "normalization must be one of vector, minmax, none");
}

TEST(MethodsJsonApiTest, Dea) {
  Outcome r = Call(
      "dea",
      R"({"inputs": [[2, 5], [2, 4], [6, 6], [3, 2], [6, 2]], "outputs": [[1], [2], [3], [1], [2]]})");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NEAR(r.out["efficiency"][0].get<double>(), 0.5, 1e-9);  // Coelli DEAP EG1
  EXPECT_NEAR(r.out["slacks"]["inputs"][0][1].get<double>(), 0.5, 1e-9);
  EXPECT_EQ(r.out["slacks"]["outputs"].size(), 5u);
  EXPECT_EQ(r.out["lambdas"][0].size(), 5u);
  Outcome o = Call("dea", R"({"inputs": [[2], [4], [6], [5]], "outputs": [[2], [5], [6], [3]],
      "returns": "variable", "orientation": "output"})");
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_NEAR(o.out["efficiency"][3].get<double>(), 11.0 / 6, 1e-9);
  ExpectInvalid("dea", R"({"inputs": [[1], [2]], "outputs": [[1]]})", "one row per DMU");
  ExpectInvalid("dea", R"({"inputs": [[1]], "outputs": [[1]], "returns": "increasing"})",
                "returns must be one of");
  ExpectInvalid("dea", R"({"inputs": [[1]], "outputs": [[1]], "orientation": "both"})",
                "orientation must be one of");
  ExpectInvalid("dea", R"({"outputs": [[1]]})", "missing field 'inputs'");
}

TEST(MethodsJsonApiTest, Rake) {
  const std::string units = R"([
      {"cells": {"g": "a"}, "weight": 1, "y": 1},
      {"cells": {"g": "a"}, "weight": 1, "y": 3},
      {"cells": {"g": "b"}, "weight": 1, "y": 10},
      {"cells": {"g": "b"}, "weight": 1, "y": 14},
      {"cells": {"g": "b"}, "weight": 1, "y": 12}])";
  Outcome r =
      Call("rake", "{\"units\": " + units + ", \"margins\": {\"g\": {\"a\": 20, \"b\": 30}}}");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_TRUE(r.out["converged"].get<bool>());
  EXPECT_NEAR(r.out["total"].get<double>(), 400, 1e-9);
  EXPECT_NEAR(r.out["mean"].get<double>(), 8, 1e-9);
  EXPECT_NEAR(r.out["se_total"].get<double>(), std::sqrt(1250.0), 1e-9);
  EXPECT_TRUE(r.out.contains("se_mean"));
  EXPECT_EQ(r.out["weights"].size(), 5u);

  // Without y: weights only.
  Outcome w = Call(
      "rake", R"({"units": [{"cells": {"g": "a"}, "weight": 2}, {"cells": {"g": "b"}, "weight": 2}],
      "margins": {"g": {"a": 5, "b": 7}}, "epsilon": 1e-9, "max_iter": 10})");
  ASSERT_EQ(w.code, kExitOk) << w.err;
  EXPECT_FALSE(w.out.contains("mean"));
  EXPECT_EQ(w.out["weights"], json::parse("[5.0, 7.0]"));

  // Numeric levels and cluster ids are accepted as their JSON text.
  Outcome num =
      Call("rake", R"({"units": [{"cells": {"grade": 1}, "weight": 1, "y": 1, "cluster": 7},
      {"cells": {"grade": 2}, "weight": 1, "y": 2, "cluster": 8}], "margins": {"grade": {"1": 3, "2": 3}},
      "population_clusters": 10})");
  ASSERT_EQ(num.code, kExitOk) << num.err;

  ExpectInvalid("rake", "{\"units\": " + units + ", \"margins\": {\"g\": {\"a\": 20}}}",
                "units[2].cells.g is 'b', a level not in margins.g");
  ExpectInvalid(
      "rake", "{\"units\": " + units + ", \"margins\": {\"g\": {\"a\": 20, \"b\": 30, \"c\": 1}}}",
      "margins.g.c has a population total but no unit");
  ExpectInvalid("rake", R"({"units": [{"cells": {"g": "a", "h": "x"}, "weight": 1}],
      "margins": {"g": {"a": 20}, "h": {"x": 25}}})",
                "margins totals mismatch");
  ExpectInvalid("rake", R"({"units": [{"cells": {"g": "a"}}], "margins": {"g": {"a": 1}}})",
                "missing field 'units[0].weight'");
  ExpectInvalid(
      "rake",
      R"({"units": [{"cells": {"g": "a"}, "weight": 1, "wieght": 2}], "margins": {"g": {"a": 1}}})",
      "unknown field 'units[0].wieght'");
  ExpectInvalid(
      "rake",
      R"({"units": [{"cells": {"g": "a"}, "weight": 1}], "margins": {"g": {"a": 1}}, "max_iter": 0})",
      "max_iter must be an integer in 1..10000");
  ExpectInvalid("rake", R"({"units": [{"cells": {"g": "a"}, "weight": 1, "y": 1, "cluster": 1},
      {"cells": {"g": "a"}, "weight": 1, "y": 1, "cluster": 2}], "margins": {"g": {"a": 1}}, "population_clusters": 1})",
                "population_clusters");
}

}  // namespace
}  // namespace govperf::methods
