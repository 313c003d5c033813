#include "methods/topsis.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "methods/normalize.h"

namespace govperf::methods {

Result<TopsisNormalization> ParseTopsisNormalization(std::string_view name) {
  if (name == "vector") return TopsisNormalization::kVector;
  if (name == "minmax") return TopsisNormalization::kMinMax;
  if (name == "none") return TopsisNormalization::kNone;
  return Status::Invalid("normalization must be one of vector, minmax, none; got '" +
                         std::string(name) + "'");
}

Result<TopsisResult> Topsis(const Matrix& x, const std::vector<double>& weights,
                            const Types& types_in, TopsisNormalization normalization) {
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(x, "matrix"));
  const size_t m = x.size(), n = x[0].size();
  const Types types = types_in.empty() ? Types(n, 1) : types_in;
  GOVPERF_RETURN_IF_ERROR(CheckTypes(types, n));
  if (weights.size() != n) {
    return Status::Invalid("weights must have one entry per column (" + std::to_string(n) +
                           "), got " + std::to_string(weights.size()));
  }
  double wsum = 0;
  for (size_t j = 0; j < n; ++j) {
    if (!std::isfinite(weights[j]) || weights[j] < 0) {
      return Status::Invalid("weights[" + std::to_string(j) + "] must be a finite number >= 0");
    }
    wsum += weights[j];
  }
  if (!(wsum > 0)) return Status::Invalid("weights must not all be 0");

  Matrix r;
  switch (normalization) {
    case TopsisNormalization::kVector: {
      Result<Matrix> nr = Normalize(x, Normalization::kVector);  // all benefit: plain x/||x||
      if (!nr.ok()) return nr.status();
      r = std::move(nr).value();
      break;
    }
    case TopsisNormalization::kMinMax: {
      Result<Matrix> nr = Normalize(x, Normalization::kMinMax, types);
      if (!nr.ok()) return nr.status();
      r = std::move(nr).value();
      break;
    }
    case TopsisNormalization::kNone:
      r = x;
      break;
  }
  TopsisResult out;
  out.ideal.resize(n);
  out.anti_ideal.resize(n);
  for (size_t j = 0; j < n; ++j) {
    for (size_t i = 0; i < m; ++i) r[i][j] *= weights[j];
    double lo = r[0][j], hi = r[0][j];
    for (size_t i = 1; i < m; ++i) lo = std::min(lo, r[i][j]), hi = std::max(hi, r[i][j]);
    const bool cost = normalization != TopsisNormalization::kMinMax && types[j] == -1;
    out.ideal[j] = cost ? lo : hi;
    out.anti_ideal[j] = cost ? hi : lo;
  }
  out.closeness.resize(m);
  for (size_t i = 0; i < m; ++i) {
    double dp = 0, dm = 0;
    for (size_t j = 0; j < n; ++j) {
      dp += (r[i][j] - out.ideal[j]) * (r[i][j] - out.ideal[j]);
      dm += (r[i][j] - out.anti_ideal[j]) * (r[i][j] - out.anti_ideal[j]);
    }
    dp = std::sqrt(dp);
    dm = std::sqrt(dm);
    out.closeness[i] = (dp + dm) > 0 ? dm / (dp + dm) : 0.5;
  }
  out.ranks = RankDescending(out.closeness);
  return out;
}

}  // namespace govperf::methods
