// Entropy weight method (熵权法): criteria whose values are spread more
// unevenly across units carry more information and get more weight.
//
// Guarantees: for an m x n matrix of non-negative values (m >= 2),
//   p_ij = x_ij / sum_i x_ij,  E_j = -sum_i p_ij ln p_ij / ln m  (0 ln 0 = 0),
//   w_j = (1 - E_j) / sum_k (1 - E_k);  weights are >= 0 and sum to 1.
// Errors (naming the field): fewer than 2 rows, a negative value, a column
// summing to 0, or every column perfectly uniform (all E_j = 1, so the
// weights are 0/0).
#pragma once

#include <vector>

#include "core/status.h"
#include "methods/common.h"

namespace govperf::methods {

Result<std::vector<double>> EntropyWeights(const Matrix& matrix);

}  // namespace govperf::methods
