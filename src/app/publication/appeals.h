// 申诉 appeals during 公示: a unit appeals one indicator score of its own
// (with the value it claims), or a deduction or veto against it, with a
// reason and evidence files (monitoring evidence, by SHA-256). The lead
// department of the indicator (the office for adjustments) answers; the
// office decides uphold / reject with a reason, after seeing the knock-on
// effect of upholding — every unit whose rank or grade would move (the
// what-if comparison, core/analysis/whatif.h, on the year's data with the
// correction applied). Upholding writes the correction in the same
// transaction: the claimed value (as the year-end value) or the removal of
// the adjustment. docs/design/workflow.md "公示 and publication".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/publication/window.h"
#include "app/results/year_cache.h"
#include "core/analysis/whatif.h"
#include "store/store.h"

namespace govperf::app::publication {

struct AppealInput {
  std::string unit_id;  // the appealing unit (a unit or lead user: its own)
  std::string kind;     // indicator | adjustment
  std::string indicator_id;
  std::string adjustment_id;
  std::optional<double> claimed_value;  // indicator: required
  std::string reason;
  std::vector<std::string> evidence;  // sha256 of stored evidence files
};

// Refused, naming the field, with nothing saved: outside the window (or the
// year not in 公示), on another unit's score, an unknown or non-leaf
// indicator or one the unit is not assessed on, an unknown adjustment or one
// against another unit or a bonus, unknown evidence. Roles: unit and lead
// (own unit), admin (on a unit's behalf); others PermissionDenied.
Result<store::Appeal> FileAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, const AppealInput& in, const Date& today);

// The lead department of the appealed indicator, or the office (any; the
// only one for adjustments). A filed appeal only.
Result<store::Appeal> AnswerAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, int64_t id, const std::string& answer);

// What upholding would change.
struct KnockOn {
  store::Appeal appeal;
  double total_before = 0, total_after = 0;  // the appealing unit's
  int rank_before = 0, rank_after = 0;
  std::string grade_before, grade_after;
  std::vector<core::UnitChange> changes;  // every unit whose rank or grade moves
};
Result<KnockOn> KnockOnOf(YearCache& years, store::Store& store, int year, int64_t id);

// The office's decision (final). Upheld: the correction in the same transaction.
Result<store::Appeal> DecideAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, int64_t id, bool uphold, const std::string& reason);

// The appeals the caller may see: admin and leader all; a lead department
// those on indicators it leads and its own; a unit its own.
Result<std::vector<store::Appeal>> ListAppeals(YearCache& years, store::Store& store,
                                               const Caller& caller, int year);

// How many of the year's appeals await a decision.
Result<int> UndecidedAppeals(store::Store& store, int year);

}  // namespace govperf::app::publication
