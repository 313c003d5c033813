#include "methods/normalize.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace govperf::methods {

Result<Normalization> ParseNormalization(std::string_view name) {
  if (name == "minmax") return Normalization::kMinMax;
  if (name == "vector") return Normalization::kVector;
  if (name == "sum") return Normalization::kSum;
  if (name == "zscore") return Normalization::kZScore;
  return Status::Invalid("method must be one of minmax, vector, sum, zscore; got '" +
                         std::string(name) + "'");
}

Result<Matrix> Normalize(const Matrix& x, Normalization method, const Types& types_in) {
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(x, "matrix"));
  const size_t m = x.size(), n = x[0].size();
  Types types = types_in.empty() ? Types(n, 1) : types_in;
  GOVPERF_RETURN_IF_ERROR(CheckTypes(types, n));
  Matrix out(m, std::vector<double>(n));
  for (size_t j = 0; j < n; ++j) {
    const bool cost = types[j] == -1;
    switch (method) {
      case Normalization::kMinMax: {
        double lo = x[0][j], hi = x[0][j];
        for (size_t i = 1; i < m; ++i) lo = std::min(lo, x[i][j]), hi = std::max(hi, x[i][j]);
        const double range = hi - lo;
        for (size_t i = 0; i < m; ++i) {
          out[i][j] = range > 0 ? (cost ? (hi - x[i][j]) / range : (x[i][j] - lo) / range) : 1.0;
        }
        break;
      }
      case Normalization::kVector: {
        double ss = 0;
        for (size_t i = 0; i < m; ++i) ss += x[i][j] * x[i][j];
        const double norm = std::sqrt(ss);
        if (!(norm > 0))
          return Status::Invalid("matrix column " + std::to_string(j) +
                                 " is all 0; vector norm is 0");
        for (size_t i = 0; i < m; ++i) out[i][j] = cost ? 1.0 - x[i][j] / norm : x[i][j] / norm;
        break;
      }
      case Normalization::kSum: {
        double s = 0;
        for (size_t i = 0; i < m; ++i) {
          if (cost ? !(x[i][j] > 0) : x[i][j] < 0) {
            return Status::Invalid(Cell("matrix", i, j) +
                                   (cost ? " must be > 0 for sum normalisation of a cost column"
                                         : " must be >= 0 for sum normalisation"));
          }
          s += cost ? 1.0 / x[i][j] : x[i][j];
        }
        if (!(s > 0)) return Status::Invalid("matrix column " + std::to_string(j) + " sums to 0");
        for (size_t i = 0; i < m; ++i) out[i][j] = (cost ? 1.0 / x[i][j] : x[i][j]) / s;
        break;
      }
      case Normalization::kZScore: {
        double mean = 0;
        for (size_t i = 0; i < m; ++i) mean += x[i][j];
        mean /= static_cast<double>(m);
        double ss = 0;
        for (size_t i = 0; i < m; ++i) ss += (x[i][j] - mean) * (x[i][j] - mean);
        const double sd = std::sqrt(ss / static_cast<double>(m));
        const double tol = 1e-12 * std::max(1.0, std::fabs(mean));
        for (size_t i = 0; i < m; ++i) {
          const double z = sd > tol ? (x[i][j] - mean) / sd : 0.0;
          out[i][j] = cost ? 0.0 - z : z;  // 0.0 - z: no "-0"
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace govperf::methods
