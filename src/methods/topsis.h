// TOPSIS (Hwang & Yoon 1981): rank alternatives by relative closeness to the
// ideal point in the weighted, normalised criteria space.
//
// Guarantees:
//  1. v_ij = w_j * r_ij where r is the normalised matrix:
//       vector  r_ij = x_ij / ||x_.j||_2 (direction handled by the ideal)
//       none    r_ij = x_ij
//       minmax  as Normalize(kMinMax) with `types`: cost columns are inverted,
//               so every column is "higher is better".
//  2. ideal_j = max_i v_ij for benefit (and for every column under minmax),
//     min_i v_ij for cost; anti_ideal the opposite.
//  3. closeness_i = d-_i / (d+_i + d-_i) with Euclidean distances; if an
//     alternative coincides with both points (d+ = d- = 0, every alternative
//     identical) its closeness is 0.5.
//  4. ranks: 1 = highest closeness; ties (relative 1e-12) share the best rank.
// Weights are used as given (closeness is invariant to scaling them); they
// must be >= 0 and not all 0.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "methods/common.h"

namespace govperf::methods {

enum class TopsisNormalization { kVector, kMinMax, kNone };

// Accepts "vector", "minmax", "none".
Result<TopsisNormalization> ParseTopsisNormalization(std::string_view name);

struct TopsisResult {
  std::vector<double> closeness;
  std::vector<int> ranks;
  std::vector<double> ideal;
  std::vector<double> anti_ideal;
};

// An empty `types` means all benefit.
Result<TopsisResult> Topsis(const Matrix& matrix, const std::vector<double>& weights,
                            const Types& types = {},
                            TopsisNormalization normalization = TopsisNormalization::kVector);

}  // namespace govperf::methods
