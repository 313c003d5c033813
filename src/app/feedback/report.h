// 绩效反馈 building a unit's feedback report from evaluated years. Pure: the
// inputs are the year's view (scheme + evaluated results), the views of
// earlier years for the trend, and the organisation registry; no store, no
// clock. feedback_of.h reads those inputs and checks who may see the report.
#pragma once

#include <string>
#include <vector>

#include "app/results/year_cache.h"
#include "core/feedback/report.h"
#include "core/status.h"
#include "store/store.h"

namespace govperf::app::feedback {

// The report of `unit_id` in `view`'s year. `earlier` are views of other
// years, any order (years after view's are ignored); the trend takes the two
// latest before it in which the unit was evaluated. `org` supplies the
// registry's English name when the year's scheme has none.
// NotFound (field "unit") when the unit is not evaluated in the year.
Result<core::FeedbackReport> BuildReport(const YearView& view,
                                         const std::vector<const YearView*>& earlier,
                                         const store::Org& org, const std::string& unit_id);

// The appeals (申诉) of `unit_id` among a year's appeals, for its report: what
// was claimed, the outcome and the office's reason.
std::vector<core::FeedbackAppeal> AppealsOf(const std::vector<store::Appeal>& appeals,
                                            const std::string& unit_id);

}  // namespace govperf::app::feedback
