// 绩效反馈 a unit's feedback report as a caller may read it: the year's
// results from the results service (for a published year the same service
// answers from what was published), the two earlier years for the trend, and
// who may read whose report.
#pragma once

#include <string>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/feedback/report.h"

namespace govperf::app::feedback {

// May `caller` read `unit_id`'s report? admin and leader: every unit; an
// assessed unit: its own only; a lead department (牵头考核单位) and experts:
// none — a lead department reads the indicators it leads elsewhere, and a
// unit's whole report (its rank, grade and every lost point) is between the
// unit, the office and the leaders. The program itself: every unit.
bool MayRead(const Caller& caller, const std::string& unit_id);

// The report of `unit_id` in `year`. PermissionDenied (field "unit") when the
// caller may not read it (checked before existence, so nothing leaks);
// NotFound for an unknown year (field "year") or a unit not assessed in it.
Result<core::FeedbackReport> ReportOf(YearCache& years, store::Store& store, const Caller& caller,
                                      int year, const std::string& unit_id);

}  // namespace govperf::app::feedback
