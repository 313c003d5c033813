#include "methods/entropy.h"

#include <cmath>

namespace govperf::methods {

Result<std::vector<double>> EntropyWeights(const Matrix& x) {
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(x, "matrix", 2, 1));
  const size_t m = x.size(), n = x[0].size();
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < n; ++j)
      if (x[i][j] < 0)
        return Status::Invalid(Cell("matrix", i, j) + " must be >= 0 for entropy weights");
  std::vector<double> d(n);  // 1 - E_j, the "degree of divergence"
  double total = 0;
  const double k = 1.0 / std::log(static_cast<double>(m));
  for (size_t j = 0; j < n; ++j) {
    double s = 0;
    for (size_t i = 0; i < m; ++i) s += x[i][j];
    if (!(s > 0))
      return Status::Invalid("matrix column " + std::to_string(j) +
                             " sums to 0; entropy is undefined");
    double h = 0;
    for (size_t i = 0; i < m; ++i) {
      const double p = x[i][j] / s;
      if (p > 0) h -= p * std::log(p);
    }
    const double e = h * k;
    d[j] = std::max(0.0, 1.0 - e);  // E <= 1 in exact arithmetic; clamp rounding
    total += d[j];
  }
  if (!(total > 1e-15)) {
    return Status::Invalid(
        "every matrix column is uniform (entropy 1), so entropy weights are undefined");
  }
  for (double& v : d) v /= total;
  return d;
}

}  // namespace govperf::methods
