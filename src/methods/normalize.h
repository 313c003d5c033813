// Column-wise normalisation of a decision matrix (rows = units, columns =
// criteria), with benefit (+1) and cost (-1) directions.
//
// Formulas per column x (see docs/methods.md):
//   minmax  benefit (x - min)/(max - min)        cost (max - x)/(max - min)
//           a constant column (max == min) becomes all 1: nobody is behind.
//   vector  benefit x/||x||_2                   cost 1 - x/||x||_2
//           error if ||x|| = 0.
//   sum     benefit x/sum(x) (x >= 0, sum > 0)   cost (1/x)/sum(1/x) (x > 0)
//   zscore  benefit (x - mean)/sd               cost -(x - mean)/sd
//           sd is the population standard deviation (divide by m); a
//           constant column becomes all 0.
#pragma once

#include <string_view>

#include "core/status.h"
#include "methods/common.h"

namespace govperf::methods {

enum class Normalization { kMinMax, kVector, kSum, kZScore };

// Accepts "minmax", "vector", "sum", "zscore".
Result<Normalization> ParseNormalization(std::string_view name);

// An empty `types` means all benefit.
Result<Matrix> Normalize(const Matrix& matrix, Normalization method, const Types& types = {});

}  // namespace govperf::methods
