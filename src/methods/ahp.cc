#include "methods/ahp.h"

#include <Eigen/Dense>
#include <array>
#include <cmath>

namespace govperf::methods {
namespace {

// Random consistency indices RI(n), index 0 = n of 1. Sources (see
// docs/methods.md for the full references and how they were checked):
// Saaty 1980 as reproduced in his book's table (n = 11..15: 1.51, 1.48, 1.56,
// 1.57, 1.59); Saaty 2005 p. 31 and Donegan & Dodd 1991 as tabulated in the
// AHPy library (ahpy.py, _compute_consistency_ratio); Tummala & Ling 1998 as
// tabulated in the PyMCDM library (AHP.RI_M).
constexpr std::array<double, 15> kSaaty1980 = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                               1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
constexpr std::array<double, 15> kSaaty2005 = {0,    0,    0.52, 0.89, 1.11, 1.25, 1.35, 1.40,
                                               1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
constexpr std::array<double, 20> kDoneganDodd = {
    0,      0,      0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055,
    1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371};
constexpr std::array<double, 15> kTummalaLing = {0,      0,      0.5799, 0.8921, 1.1159,
                                                 1.2358, 1.3322, 1.3952, 1.4537, 1.4882,
                                                 1.5117, 1.5356, 1.5571, 1.5714, 1.5831};

template <size_t N>
Result<double> Lookup(const std::array<double, N>& t, RandomIndexTable table, int n) {
  if (n < 1 || static_cast<size_t>(n) > N) {
    return Status::Invalid(std::string("random_index table '") + RandomIndexTableName(table) +
                           "' has no value for n = " + std::to_string(n) + " (it covers n = 1.." +
                           std::to_string(N) + ")");
  }
  return t[static_cast<size_t>(n) - 1];
}

Status CheckPairwise(const Matrix& m, std::string_view field) {
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(m, field));
  const size_t n = m.size();
  if (m[0].size() != n) {
    return Status::Invalid(std::string(field) + " must be square: " + std::to_string(n) +
                           " rows but " + std::to_string(m[0].size()) + " columns");
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      if (!(m[i][j] > 0))
        return Status::Invalid(Cell(field, i, j) + " must be > 0, got " + Num(m[i][j]));
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (std::fabs(m[i][i] - 1.0) > kReciprocalTolerance) {
      return Status::Invalid(Cell(field, i, i) + " must be 1 (an item compared with itself), got " +
                             Num(m[i][i]));
    }
    for (size_t j = i + 1; j < n; ++j) {
      if (std::fabs(m[i][j] * m[j][i] - 1.0) > kReciprocalTolerance * (1 + 1e-9)) {
        return Status::Invalid(Cell(field, j, i) + " must be the reciprocal of " +
                               Cell(field, i, j) + " (1/" + Num(m[i][j]) + "), got " +
                               Num(m[j][i]));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<RandomIndexTable> ParseRandomIndexTable(std::string_view name) {
  if (name == "saaty1980") return RandomIndexTable::kSaaty1980;
  if (name == "saaty2005") return RandomIndexTable::kSaaty2005;
  if (name == "donegan-dodd") return RandomIndexTable::kDoneganDodd;
  if (name == "tummala-ling") return RandomIndexTable::kTummalaLing;
  return Status::Invalid(
      "random_index must be one of saaty1980, saaty2005, donegan-dodd, tummala-ling; got '" +
      std::string(name) + "'");
}

const char* RandomIndexTableName(RandomIndexTable table) {
  switch (table) {
    case RandomIndexTable::kSaaty1980:
      return "saaty1980";
    case RandomIndexTable::kSaaty2005:
      return "saaty2005";
    case RandomIndexTable::kDoneganDodd:
      return "donegan-dodd";
    case RandomIndexTable::kTummalaLing:
      return "tummala-ling";
  }
  return "?";
}

int RandomIndexMaxN(RandomIndexTable table) {
  switch (table) {
    case RandomIndexTable::kSaaty1980:
      return static_cast<int>(kSaaty1980.size());
    case RandomIndexTable::kSaaty2005:
      return static_cast<int>(kSaaty2005.size());
    case RandomIndexTable::kDoneganDodd:
      return static_cast<int>(kDoneganDodd.size());
    case RandomIndexTable::kTummalaLing:
      return static_cast<int>(kTummalaLing.size());
  }
  return 0;
}

Result<double> RandomIndex(RandomIndexTable table, int n) {
  switch (table) {
    case RandomIndexTable::kSaaty1980:
      return Lookup(kSaaty1980, table, n);
    case RandomIndexTable::kSaaty2005:
      return Lookup(kSaaty2005, table, n);
    case RandomIndexTable::kDoneganDodd:
      return Lookup(kDoneganDodd, table, n);
    case RandomIndexTable::kTummalaLing:
      return Lookup(kTummalaLing, table, n);
  }
  return Status::Internal("unknown random index table");
}

Result<AhpResult> Ahp(const Matrix& matrix, RandomIndexTable table, std::string_view field) {
  GOVPERF_RETURN_IF_ERROR(CheckPairwise(matrix, field));
  const int n = static_cast<int>(matrix.size());
  // Check the table before the numerics so that a too-large matrix fails fast.
  Result<double> ri = RandomIndex(table, n);
  if (!ri.ok()) return Status::Invalid(std::string(field) + ": " + ri.status().message());

  AhpResult r;
  if (n == 1) {
    r.weights = {1.0};
    r.lambda_max = 1.0;
    return r;
  }
  Eigen::MatrixXd a(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) a(i, j) = matrix[i][j];
  Eigen::EigenSolver<Eigen::MatrixXd> es(a, /*computeEigenvectors=*/true);
  if (es.info() != Eigen::Success)
    return Status::Internal(std::string(field) + ": eigen decomposition failed");
  // Perron-Frobenius: a positive matrix has a simple real eigenvalue of largest
  // modulus with a positive eigenvector; it is the one with largest real part.
  int best = 0;
  for (int k = 1; k < n; ++k) {
    if (es.eigenvalues()[k].real() > es.eigenvalues()[best].real()) best = k;
  }
  r.lambda_max = es.eigenvalues()[best].real();
  Eigen::VectorXd v = es.eigenvectors().col(best).real();
  const double sum = v.sum();
  r.weights.resize(n);
  for (int i = 0; i < n; ++i) {
    r.weights[i] = v(i) / sum;
    if (!(r.weights[i] > 0))
      return Status::Internal(std::string(field) + ": principal eigenvector is not positive");
  }
  if (n <= 2) {
    r.ci = 0;  // a reciprocal 2x2 matrix has lambda_max = 2 exactly; hide rounding noise
    r.lambda_max = n;
    r.cr = 0;
  } else {
    r.ci = (r.lambda_max - n) / (n - 1);
    r.cr = r.ci / *ri;
  }
  r.consistent = r.cr < kConsistencyThreshold;
  return r;
}

Result<AhpHierarchyResult> AhpHierarchy(const Matrix& criteria,
                                        const std::vector<Matrix>& alternatives,
                                        RandomIndexTable table) {
  Result<AhpResult> top = Ahp(criteria, table, "criteria");
  if (!top.ok()) return top.status();
  const size_t c = criteria.size();
  if (alternatives.size() != c) {
    return Status::Invalid("alternatives must hold one matrix per criterion (" + std::to_string(c) +
                           "), got " + std::to_string(alternatives.size()));
  }
  AhpHierarchyResult r;
  r.criteria_weights = top->weights;
  r.cr.push_back(top->cr);
  r.consistent.push_back(top->consistent);
  size_t k = 0;
  for (size_t i = 0; i < c; ++i) {
    const std::string field = "alternatives[" + std::to_string(i) + "]";
    Result<AhpResult> local = Ahp(alternatives[i], table, field);
    if (!local.ok()) return local.status();
    if (i == 0) {
      k = alternatives[i].size();
    } else if (alternatives[i].size() != k) {
      return Status::Invalid(field + " must be " + std::to_string(k) + " x " + std::to_string(k) +
                             " like alternatives[0], got " +
                             std::to_string(alternatives[i].size()) + " rows");
    }
    r.local_weights.push_back(local->weights);
    r.cr.push_back(local->cr);
    r.consistent.push_back(local->consistent);
  }
  r.scores.assign(k, 0.0);
  for (size_t i = 0; i < c; ++i)
    for (size_t a = 0; a < k; ++a) r.scores[a] += r.criteria_weights[i] * r.local_weights[i][a];
  return r;
}

}  // namespace govperf::methods
