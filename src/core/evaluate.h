// Evaluate one year: score every leaf indicator for every unit, compose the
// three-in-one total per category, apply bonus/deduction/veto, rank and grade.
// Pure: plain data in, plain data out.
#pragma once

#include "core/model.h"
#include "core/result.h"
#include "core/status.h"

namespace govperf::core {

// The scoring engine's version, recorded in every publication certificate
// (发布证书). Bump it whenever a change to the engine or a scoring method can
// change any result for the same scheme and data (a rule, a rounding, a tie
// rule, a grade quota), so `govperf verify-result` can tell "the data were
// edited" from "the code scores differently now". Refactorings that leave
// every result bit-identical keep it.
inline constexpr const char* kEngineVersion = "2026.1";

// Checks the scheme's internal consistency (ids unique, parents exist, levels
// 1..3, leaves have a known method and positive points, weights sum to 1,
// grade levels ordered). The message names the offending row.
struct ValidateOptions {
  // Every assessed unit of a leaf whose method needs a target has one. Off
  // for a scheme still being set (草稿 / 指标设置): its targets are negotiated
  // (目标值协商) and publication checks them.
  bool require_targets = true;
};
Status ValidateScheme(const Scheme& scheme, const ValidateOptions& options = {});

struct EvaluateOptions {
  // For a year in progress (考核年度进行中): a leaf without a year-end value is
  // scored on its latest monthly value of the year, flagged provisional; a
  // cumulative (累计) indicator's year-to-date value is projected to the full
  // year as value × 12 / month. Off for final results, where a missing
  // year-end value scores 0.
  bool provisional = false;
  // Threads scoring a large year (≥ 40,000 scored pairs); 0 = up to two,
  // as the hardware allows. Results do not depend on it.
  int threads = 0;
};

// REQUIRES: ValidateScheme(scheme).ok() — checked; a bad scheme is an error.
// Implemented by the engine in evaluator.cc; to keep results current under
// single changes, use core::Evaluator (evaluator.h).
Result<YearResult> Evaluate(const Scheme& scheme, const YearData& data,
                            const EvaluateOptions& options = {});

}  // namespace govperf::core
