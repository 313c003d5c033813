// 整改 overdue rectification items in the escalation run behind
// `govperf remind`: an open item is a deadline like a monitoring report's —
// a reminder before it, a yellow card once it has passed, a red card after
// the year's red_after_working_days working days late (the working-day
// calendar and monitoring settings of the item's year) — recorded once per
// level (escalations) with an inbox message to the unit's users (and the
// office on red), exactly as a late report is.
#pragma once

#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::feedback {

// Appends the lines of every year holding rectification items to `run`
// (kind "rectification", subject "rectification:ID", name_zh the problem,
// due_date the deadline) and counts what it recorded and sent.
Status RemindRectification(store::Store& store, const Caller& caller,
                           const core::monitoring::Date& today, monitoring::RemindRun& run);

}  // namespace govperf::app::feedback
