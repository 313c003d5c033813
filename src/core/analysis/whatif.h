// What-if (情景模拟): compare a year's results under two schemes and list
// every unit whose rank or grade changes, and why — the components that
// moved, the indicators whose points moved most, and grade notes gained or
// lost (a quota, a veto).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace govperf::core {

struct IndicatorDelta {
  std::string indicator_id;
  double earned_before = 0;
  double earned_after = 0;
  std::string rule_before;
  std::string rule_after;
  std::string rule_before_zh;
  std::string rule_after_zh;
};

struct UnitChange {
  std::string unit_id;
  std::string category_id;
  double total_before = 0, total_after = 0;
  int rank_before = 0, rank_after = 0;
  std::string grade_before, grade_after;
  std::vector<std::string> reasons;        // English
  std::vector<std::string> reasons_zh;     // Chinese
  std::vector<IndicatorDelta> indicators;  // the largest moves first, at most kMaxIndicatorDeltas
};

inline constexpr size_t kMaxIndicatorDeltas = 5;

// Units whose rank or grade differs, in the order of `after` (category, rank).
// Units present in only one result are ignored (a scheme change does not add
// or remove units here).
// With the two schemes, reasons also name the category's rule changes
// (weights, grade thresholds and quotas, caps) — the usual cause when a
// unit's own total did not move.
std::vector<UnitChange> CompareResults(const YearResult& before, const YearResult& after,
                                       const Scheme* before_scheme = nullptr,
                                       const Scheme* after_scheme = nullptr);

}  // namespace govperf::core
