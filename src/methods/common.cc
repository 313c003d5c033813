#include "methods/common.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace govperf::methods {

std::string Num(double v) {
  std::ostringstream o;
  o << v;  // default precision 6, %g style
  return o.str();
}

std::string Cell(std::string_view field, size_t i, size_t j) {
  return std::string(field) + "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
}

Status CheckMatrix(const Matrix& m, std::string_view field, size_t min_rows, size_t min_cols) {
  const std::string f(field);
  if (m.size() < min_rows) {
    return Status::Invalid(f + " must have at least " + std::to_string(min_rows) + " row(s), got " +
                           std::to_string(m.size()));
  }
  const size_t cols = m.empty() ? 0 : m[0].size();
  if (cols < min_cols) {
    return Status::Invalid(f + " must have at least " + std::to_string(min_cols) +
                           " column(s), got " + std::to_string(cols));
  }
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].size() != cols) {
      return Status::Invalid(f + " is ragged: row " + std::to_string(i) + " has " +
                             std::to_string(m[i].size()) + " entries, row 0 has " +
                             std::to_string(cols));
    }
    for (size_t j = 0; j < cols; ++j) {
      if (!std::isfinite(m[i][j]))
        return Status::Invalid(Cell(field, i, j) + " must be a finite number");
    }
  }
  return Status::Ok();
}

Status CheckTypes(const Types& types, size_t cols, std::string_view field) {
  const std::string f(field);
  if (types.size() != cols) {
    return Status::Invalid(f + " must have one entry per column (" + std::to_string(cols) +
                           "), got " + std::to_string(types.size()));
  }
  for (size_t j = 0; j < types.size(); ++j) {
    if (types[j] != 1 && types[j] != -1) {
      return Status::Invalid(f + "[" + std::to_string(j) +
                             "] must be 1 (benefit) or -1 (cost), got " + std::to_string(types[j]));
    }
  }
  return Status::Ok();
}

std::vector<int> RankDescending(const std::vector<double>& values) {
  const size_t n = values.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Stable so that the order of equal values is deterministic (input order).
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return values[a] > values[b]; });
  std::vector<int> ranks(n, 0);
  for (size_t k = 0; k < n; ++k) {
    const size_t i = order[k];
    if (k > 0) {
      const size_t prev = order[k - 1];
      const double tol =
          1e-12 * std::max(1.0, std::max(std::fabs(values[i]), std::fabs(values[prev])));
      if (std::fabs(values[prev] - values[i]) <= tol) {
        ranks[i] = ranks[prev];
        continue;
      }
    }
    ranks[i] = static_cast<int>(k) + 1;
  }
  return ranks;
}

}  // namespace govperf::methods
