// Is the year-end assessment finished? Checked when the office moves a year
// from year_end to 公示 (preliminary): without it a year with no year-end
// values at all went into 公示 and on to publication, every leaf scored as
// missing and every unit graded 不合格, with no word of warning.
//
// Refused (409, naming the field and what to do), in this order:
//   claims            — a bonus/deduction/veto claim awaits the office's decision;
//   self_evaluations  — a unit's self-evaluation awaits its lead department's score;
//   rating            — a leadership rating form was set and is not closed;
//   values            — an assessed (leaf, unit) pair has no year-end value
//                       (neither a value nor a no-data decision), unless the
//                       office accepts that those score as missing
//                       (accept_missing_values: a value that never came).
#pragma once

#include "core/status.h"
#include "store/store.h"

namespace govperf::app::year_end {

Status CheckReadyForPublicity(store::Store& store, int year, bool accept_missing_values);

}  // namespace govperf::app::year_end
