// Shared by the indicator-setting use cases (指标设置): the year's stage with
// a friendly message, whether the scheme is published (frozen), which units a
// leaf applies to, and who leads an indicator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "core/model.h"
#include "store/store.h"

namespace govperf::app::setting {

// InvalidArgument naming `field`: "field: en" / "field：zh".
Status Bad(const std::string& field, const std::string& en, const std::string& zh);

// The year, or NotFound naming `year`.
Result<store::YearInfo> LoadYear(store::Store& store, int year);
// FailedPrecondition (409) unless the year is in one of `stages`; `what`
// says what was attempted ("proposing targets", 提出目标值).
Status RequireStage(const store::YearInfo& year, const std::vector<core::Stage>& stages,
                    const std::string& what, const std::string& what_zh);
// The published version in force, 0 when the scheme is not published.
Result<int> LastVersion(store::Store& store, int year);

// Does leaf `ind` apply to `unit` (unit_ids if given, else its category)?
bool Applies(const core::Indicator& ind, const core::Unit& unit);
// The leaves of a scheme (nodes without children), in scheme order.
std::vector<const core::Indicator*> Leaves(const core::Scheme& s);
const core::Indicator* FindNode(const core::Scheme& s, const std::string& id);
const core::Unit* FindUnit(const core::Scheme& s, const std::string& id);
bool IsLeaf(const core::Scheme& s, const std::string& id);
// Does the scoring method of `ind` need a target per unit?
bool NeedsTarget(const core::Indicator& ind);

// PermissionDenied unless the caller is admin or the lead department of `ind`.
Status RequireLeadOf(const Caller& caller, const core::Indicator& ind);

}  // namespace govperf::app::setting
