// Anomaly flags on reported data (数据异常预警): signs that a value deserves a
// second look before it is scored — never an automatic penalty.
//
//  kJump      a unit's year-end value moved against last year's far more than
//             its peers' did: robust z-score of the relative change
//             (|x − median| / (1.4826·MAD)) > 3.5 and |change| > 20 %. Without
//             a year-end value yet, its latest month is compared with the same
//             month of last year (同比), and the flag carries that period.
//  kBunching  on a completion-ratio indicator, many more units just above the
//             target (completion in [100 %, 102 %)) than just below
//             ([98 %, 100 %)): at least 3 above and 3× as many as below.
//             Each unit just above is flagged.
//  kYearEnd   a cumulative indicator's December increment is more than 3× the
//             mean monthly increment of January–November (年底突击).
//  kBenford   the first digits of a unit's reported amounts (cumulative
//             indicators, all periods, ≥ 100 values) deviate from Benford's
//             law: mean absolute deviation > 0.015 (Nigrini's nonconformity
//             threshold for first digits).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace govperf::methods {

enum class AnomalyKind { kJump, kBunching, kYearEnd, kBenford };
const char* AnomalyKindName(AnomalyKind k);

struct AnomalyFlag {
  AnomalyKind kind;
  std::string indicator_id;  // empty for kBenford (a unit-level test)
  std::string unit_id;
  std::string period;
  double score = 0;  // the statistic that tripped the flag
  std::string message;
  std::string message_zh;
};

inline constexpr double kJumpZ = 3.5;
inline constexpr double kJumpMinChange = 0.2;
inline constexpr double kYearEndFactor = 3.0;
inline constexpr double kBenfordMad = 0.015;
inline constexpr int kBenfordMinValues = 100;

// `previous` may be null (no jump test). Flags in a stable order: by kind,
// then indicator, then unit.
std::vector<AnomalyFlag> DetectAnomalies(const core::Scheme& scheme, const core::YearData& data,
                                         const core::YearData* previous);

}  // namespace govperf::methods
