// Raking (iterative proportional fitting) of survey weights to population
// margins, with linearisation standard errors as R's survey package computes
// them for a raked design.
//
// Guarantees:
//  1. Each sweep visits the margin variables in order (std::map order, i.e.
//     by name) and scales every unit's weight by total(level)/current(level).
//     Sweeps stop when the largest relative weight change in a sweep is
//     < epsilon (converged = true) or after max_iter sweeps (converged =
//     false; the weights of the last sweep are still returned).
//  2. When every unit has y: mean = sum w y / sum w, total = sum w y.
//     Standard errors: influence values z (y for the total, (y - mean)/sum w
//     for the mean) are regressed on the indicator columns of every margin
//     level by weighted least squares with the INITIAL weights; the residuals
//     e times the FINAL weights give u = w e. With n clusters (each unit its
//     own cluster when no unit has one), cluster totals t_c = sum u, the
//     variance is (1 - n/N) n/(n-1) sum_c (t_c - mean t)^2, with the factor
//     (1 - n/N) only when population_clusters N is given. This reproduces
//     survey::rake + svymean/svytotal (see rake_test.cc).
//  3. Errors name the unit and field: a unit without a level for a margin
//     variable, a level not in the margins, a margin level with a positive
//     total but no units, totals that differ between variables (relative
//     1e-6), non-positive weights or totals, clusters given for only some
//     units, N smaller than the number of sampled clusters.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::methods {

struct RakeUnit {
  std::map<std::string, std::string> cells;  // variable -> level
  double weight = 1;                         // initial (design) weight, > 0
  std::optional<double> y;
  std::optional<std::string> cluster;
};

struct RakeOptions {
  double epsilon = 1e-6;
  int max_iter = 100;
  std::optional<double> population_clusters;  // N, for the finite population correction
};

struct RakeResult {
  std::vector<double> weights;
  bool converged = false;
  int iterations = 0;
  bool has_estimates = false;  // every unit had y
  double mean = 0, total = 0;
  std::optional<double> se_mean, se_total;  // empty with fewer than 2 clusters
};

using Margins = std::map<std::string, std::map<std::string, double>>;

Result<RakeResult> Rake(const std::vector<RakeUnit>& units, const Margins& margins,
                        const RakeOptions& options = {});

// The indexed fast path for large samples (survey aggregation rakes a million
// respondents): the same sweeps in the same order as Rake, so the weights are
// bit-identical (rake_test.cc compares the two), without a std::map per unit.
// Columns are the margin levels, variable by variable: variable v owns columns
// [var_first[v], var_first[v + 1]); unit i's column for variable v is
// codes[i * vars + v] with vars = var_first.size() - 1.
struct RakeIndexedInput {
  std::vector<size_t> var_first;  // size vars + 1, var_first[0] = 0, increasing
  std::vector<double> totals;     // per column, > 0; every variable sums to the same total
  std::vector<uint32_t> codes;    // n × vars
  std::vector<double> weights;    // initial weights, n of them, > 0
};
struct RakeWeights {
  std::vector<double> weights;
  bool converged = false;
  int iterations = 0;
};
// Errors: a code outside its variable's columns, a column with a total but no
// unit, totals that differ between variables, non-positive weights or totals.
Result<RakeWeights> RakeIndexed(const RakeIndexedInput& input, const RakeOptions& options = {});

}  // namespace govperf::methods
