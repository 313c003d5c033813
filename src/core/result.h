// What evaluating a year produces: per unit its component scores, total, rank
// in category, grade, and the trace that explains every point lost.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/shared_chunks.h"

namespace govperf::core {

enum class ScoreStatus {
  kScored,   // a value was reported and scored
  kMissing,  // nothing reported: scores 0, flagged
  kNoData,   // declared "no data": the indicator is dropped from the unit's base
};
const char* ScoreStatusName(ScoreStatus s);

// One leaf indicator's score for one unit: the explanation trace
// point → indicator → datum → rule → who entered / approved.
struct IndicatorScore {
  std::string indicator_id;
  double points = 0;  // full points
  double earned = 0;  // points earned, 0..points
  ScoreStatus status = ScoreStatus::kScored;
  std::optional<double> target;
  std::optional<double> actual;
  std::string method;
  std::string rule;     // the rule applied, with its numbers (English)
  std::string rule_zh;  // the same in Chinese
  std::string entered_by;
  std::string approved_by;
  std::string period;        // the period of the value scored ("2025" or, provisional, "2025-10")
  bool provisional = false;  // scored on monitoring data of a year in progress
  // Points lost (失分). Zero when the unit earned full points or more (a cap
  // above 1 lets over-completion earn more than full points).
  // A declared no-data leaf is outside the unit's base: nothing is lost.
  double lost() const {
    if (status == ScoreStatus::kNoData || earned >= points) return 0.0;
    return points - earned;
  }
};

struct AppliedAdjustment {
  std::string id;
  std::string kind;   // bonus | deduction | veto
  double points = 0;  // as applied after caps (signed: deductions negative)
  std::string reason_zh;
  std::string reason_en;
  std::string approved_by;
};

struct UnitResult {
  std::string unit_id;
  std::string category_id;
  double indicator_score = 0;  // 0..100: earned / possible × 100
  double satisfaction = 0;     // 0..100
  double leadership = 0;       // 0..100
  double bonus = 0;            // after cap
  double deduction = 0;        // after cap, positive number
  bool vetoed = false;
  double total = 0;                         // unrounded composite
  int rank = 0;                             // in category, ties share the best rank
  std::string grade;                        // GradeLevel::code
  std::vector<std::string> grade_notes;     // why the grade is not the one the score alone gives
  std::vector<std::string> grade_notes_zh;  // the same in Chinese
  std::vector<std::string> notes;           // other remarks (e.g. a missing component)
  std::vector<std::string> notes_zh;
  // Leaf scores in scheme order. Copies share storage (core/shared_chunks.h):
  // the results service snapshots a province year's result after each change.
  SharedChunks<IndicatorScore, 4> indicators;
  std::vector<AppliedAdjustment> adjustments;
};

struct YearResult {
  int year = 0;
  // Grouped by category in scheme order, each group ordered by rank then unit id.
  // Copies share storage in chunks of 8 units, copied on write (like
  // UnitResult::indicators): a snapshot after one change copies the few units
  // whose results or places moved, not all of them.
  SharedChunks<UnitResult, 8> units;
};

}  // namespace govperf::core
