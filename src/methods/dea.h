// Data Envelopment Analysis, envelopment form (Charnes, Cooper & Rhodes 1978;
// Banker, Charnes & Cooper 1984), solved with COIN-OR CLP.
//
// For each DMU o (row o of inputs/outputs):
//   input orientation   min theta  s.t. sum_j l_j x_ij <= theta x_io,
//                                       sum_j l_j y_rj >= y_ro, l >= 0
//   output orientation  max phi    s.t. sum_j l_j x_ij <= x_io,
//                                       sum_j l_j y_rj >= phi y_ro, l >= 0
//   variable returns add sum_j l_j = 1.
// Then a second-stage LP fixes theta* (phi*) and maximises the sum of input
// and output slacks: sum_j l_j x_ij + s-_i = theta* x_io,
// sum_j l_j y_rj - s+_r = y_ro (output: x_io and phi* y_ro).
//
// Guarantees: efficiency is theta in (0, 1] (input) or Farrell phi >= 1
// (output); lambdas and slacks come from the second stage, so the projected
// point sum_j l_j (x_j, y_j) equals (theta* x_o - s-, y_o + s+). Values within
// 1e-9 of a bound are snapped to it (theta to 1, slacks and lambdas to 0).
// Data must be finite and >= 0, and every DMU needs at least one positive
// input and one positive output (otherwise theta or phi is unbounded).
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "methods/common.h"

namespace govperf::methods {

enum class Returns { kConstant, kVariable };
enum class Orientation { kInput, kOutput };

Result<Returns> ParseReturns(std::string_view name);          // "constant" | "variable"
Result<Orientation> ParseOrientation(std::string_view name);  // "input" | "output"

struct DeaResult {
  std::vector<double> efficiency;                  // per DMU
  std::vector<std::vector<double>> lambdas;        // per DMU: m intensity weights
  std::vector<std::vector<double>> input_slacks;   // per DMU: p
  std::vector<std::vector<double>> output_slacks;  // per DMU: q
};

Result<DeaResult> Dea(const Matrix& inputs, const Matrix& outputs,
                      Returns returns = Returns::kConstant,
                      Orientation orientation = Orientation::kInput);

}  // namespace govperf::methods
