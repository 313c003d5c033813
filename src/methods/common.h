// Shared types and input checks for the scientific methods.
//
// Guarantees: every check returns a Status whose message names the offending
// field and, where there is one, the row and column ("matrix[2][0]"), so a
// caller can show it to the user unchanged. Nothing here allocates beyond the
// message, nothing throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace govperf::methods {

// Rows = alternatives/units, columns = criteria.
using Matrix = std::vector<std::vector<double>>;

// Criterion direction: +1 benefit (higher is better), -1 cost (lower is better).
using Types = std::vector<int>;

// Checks that `m` is non-empty, rectangular and finite, with at least
// `min_rows` rows and `min_cols` columns. `field` names it in the message.
Status CheckMatrix(const Matrix& m, std::string_view field, size_t min_rows = 1,
                   size_t min_cols = 1);

// Checks that `types` has `cols` entries, each +1 or -1.
Status CheckTypes(const Types& types, size_t cols, std::string_view field = "types");

// A number for a message: shortest of %g style, e.g. "3", "0.333", "1e+20".
std::string Num(double v);

// "field[i][j]"
std::string Cell(std::string_view field, size_t i, size_t j);

// Competition ranking ("1224"): rank 1 = highest value; values within a
// relative tolerance of 1e-12 tie and share the best rank.
std::vector<int> RankDescending(const std::vector<double>& values);

}  // namespace govperf::methods
