// The demo's quarterly bulletins (季度通报): for every quarter of the year in
// progress that ended before the story's today, the office issues its
// bulletin five working days after the quarter's reports were due, through
// the same use case as the browser (app/barometer/bulletins.h), with a
// foreword. Numbered 〔year〕第1期 … in quarter order.
#pragma once

#include "core/status.h"
#include "demo/story_clock.h"
#include "demo/year_in_progress.h"
#include "store/store.h"

namespace govperf::demo {

// REQUIRES: WriteYearInProgress(plan) done (the year in monitoring).
Status IssueDemoBulletins(store::Store& store, StoryClock* clock, const YearInProgress& plan);

}  // namespace govperf::demo
