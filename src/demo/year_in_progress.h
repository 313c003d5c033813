// The demo city's year in progress, past indicator setting and well into
// daily monitoring (指标设置 → 日常监测), written through the same use cases
// the office, the lead departments and the units use in the browser:
//   - targets negotiated on one indicator (proposals, a counter-proposal
//     accepted, one kept and escalated to the office, which decides), expert
//     comments, the scheme published as version 1;
//   - monitoring settings (flows reported monthly, the rest quarterly), the
//     calendar's node tasks and working days;
//   - the units' reports of every period already due, verified by their lead
//     departments, with a handful of stories: one awaiting its lead department
//     with an evidence file, one returned with a reason, one returned and
//     resubmitted, one awaiting the office (a lead department's own report:
//     利益回避 conflict of interest), one verified though submitted late, and
//     missing reports that the reminder run turns into yellow and red cards
//     (黄牌 / 红牌) in the units' inboxes;
//   - adjustment requests (调整程序): one approved (version 2), one rejected,
//     one pending.
// "Today" of the story is two working days after the latest monthly due date.
#pragma once

#include <cstdint>

#include "core/monitoring/calendar.h"
#include "core/status.h"
#include "demo/story_clock.h"
#include "store/store.h"

namespace govperf::demo {

struct YearInProgress {
  uint64_t seed = 0;
  int year = 0;
  int months = 10;  // monthly data exist up to this month
};

// The story's "today": two working days after the due date of month
// `months`'s report (due_days_after days after the month's end).
core::monitoring::Date StoryToday(store::Store& store, const YearInProgress& plan);

// REQUIRES: the year exists in stage setting with its scheme (targets set)
// and its data (monthly values up to plan.months) saved; the demo's users.
// Leaves the year in monitoring. `clock` may be null (wall-clock times).
Status WriteYearInProgress(store::Store& store, StoryClock* clock, const YearInProgress& plan);

}  // namespace govperf::demo
