// Analytic Hierarchy Process: priority weights and consistency from pairwise
// comparison matrices (Saaty's eigenvector method).
//
// Guarantees:
//  1. weights are the principal right eigenvector of the matrix as given,
//     every entry > 0, normalised to sum 1.
//  2. ci = (lambda_max - n)/(n - 1); cr = ci / RI(n); consistent = cr < 0.1.
//     For n <= 2 a reciprocal matrix is always consistent: ci = cr = 0.
//  3. Input is accepted only if square, finite, strictly positive, with unit
//     diagonal and reciprocal within kReciprocalTolerance (|a_ij*a_ji - 1| <=
//     1 %, so that 0.33 for 1/3 is accepted); it is then used as given, not
//     symmetrised. Otherwise a Status names the offending cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "methods/common.h"

namespace govperf::methods {

inline constexpr double kReciprocalTolerance = 0.01;
inline constexpr double kConsistencyThreshold = 0.1;

enum class RandomIndexTable {
  kSaaty1980,    // Saaty (1980), The Analytic Hierarchy Process, n = 1..15
  kSaaty2005,    // Saaty (2005), Theory and Applications of the ANP, p. 31, n = 1..15
  kDoneganDodd,  // Donegan & Dodd (1991), Math. Comput. Modelling 15(10), n = 1..20
  kTummalaLing,  // Tummala & Ling (1998), Theory and Decision 44(3), n = 1..15
};

// Accepts "saaty1980", "saaty2005", "donegan-dodd", "tummala-ling".
Result<RandomIndexTable> ParseRandomIndexTable(std::string_view name);
const char* RandomIndexTableName(RandomIndexTable table);
// The largest n the table has a value for.
int RandomIndexMaxN(RandomIndexTable table);
// RI(n); an error naming the table when it has no value for n.
Result<double> RandomIndex(RandomIndexTable table, int n);

struct AhpResult {
  std::vector<double> weights;
  double lambda_max = 0;
  double ci = 0;
  double cr = 0;
  bool consistent = true;
};

// REQUIRES nothing: every precondition is checked and reported via Status.
Result<AhpResult> Ahp(const Matrix& matrix, RandomIndexTable table = RandomIndexTable::kSaaty1980,
                      std::string_view field = "matrix");

struct AhpHierarchyResult {
  std::vector<double> criteria_weights;
  std::vector<std::vector<double>> local_weights;  // per criterion, over alternatives
  std::vector<double> scores;                      // sum_c criteria_weight[c] * local[c][a]
  std::vector<double> cr;                          // criteria, then each alternatives matrix
  std::vector<bool> consistent;                    // same order as cr
};

// `alternatives` holds one k x k matrix per criterion, in criteria order.
Result<AhpHierarchyResult> AhpHierarchy(const Matrix& criteria,
                                        const std::vector<Matrix>& alternatives,
                                        RandomIndexTable table = RandomIndexTable::kSaaty1980);

}  // namespace govperf::methods
