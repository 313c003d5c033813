// What people enter into a year: indicator values (lead departments, the
// office), satisfaction and leadership scores with their standard errors
// (until surveys and leader forms compute them), unit inputs (投入), and
// bonus / deduction / veto items (加减分与否决). Each is one audited write; the
// store checks the stage inside the transaction.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/model.h"
#include "store/store.h"

namespace govperf::app {

// One value. A lead department writes only indicators its unit leads (the
// office: any); the unit must be assessed on the leaf; periods "YYYY" or
// "YYYY-MM" of the year; a note ≤ 2,000 characters.
Status PutValue(YearCache& years, store::Store& store, const Caller& caller, int year,
                core::Datum datum);

// A field that may be absent (keep), null (clear) or a number (set).
struct NumberPatch {
  bool present = false;
  std::optional<double> value;
};
struct ScoresPatch {
  std::string unit_id;
  NumberPatch satisfaction, satisfaction_se, leadership;
  // Type over satisfaction a survey supplied (refused without it).
  bool replace = false;
};
// A patch that changes the unit's satisfaction or its SE (a value different
// from the stored one) is a hand entry (手工录入): the unit's satisfaction
// source becomes "manual" (who, when) in the same transaction, or none when
// the satisfaction is cleared. Over a unit whose satisfaction a survey
// supplied it is refused (FailedPrecondition naming `replace` and the
// survey) unless `replace`, then audited as a replacement. A patch that only
// repeats the stored satisfaction (a form saving the leadership score) is no
// hand entry and leaves the source alone (docs/design/survey.md).
Result<store::ComponentScores> PutScores(store::Store& store, const Caller& caller, int year,
                                         const ScoresPatch& patch);

// Replaces the unit's inputs (names: 1..32 of [a-z0-9_]; at most 20 of them).
Status PutUnitInputs(store::Store& store, const Caller& caller, int year,
                     const std::string& unit_id, const std::map<std::string, double>& inputs);

struct AdjustmentInput {
  std::string unit_id;
  std::string kind;         // bonus | deduction | veto
  double points = 0;        // bonus/deduction: (0, 100]; veto: ignored
  std::string veto_effect;  // cap_qualified (default) | fix_lowest
  std::string reason_zh;    // required
  std::string reason_en;
  std::string evidence;
};
// Records an item decided by the office: the caller is both who entered it
// and who approved it. The id is generated.
Result<core::Adjustment> AddAdjustment(store::Store& store, const Caller& caller, int year,
                                       const AdjustmentInput& in);
Status DeleteAdjustment(store::Store& store, const Caller& caller, int year, const std::string& id);

}  // namespace govperf::app
