// The demo city's past years carried through the whole cycle after daily
// monitoring, through the same use cases the roles use in the browser:
//   年终考核 (year_end): self-evaluations (自评) of a sample of units and
//     leaves, confirmed or corrected by the lead departments with reasons;
//     bonus claims (one approved commendation, one approved innovation claim
//     after an expert's opinion, one refused), a deduction raised by the
//     audit bureau and, in the earlier year, a one-vote veto (一票否决) raised
//     by the emergency management bureau, both decided by the office; the
//     leadership rating (领导评价: form, leaders, assignments, ratings, closed
//     into the leadership scores);
//   结果公示: two appeals, one upheld (a lead department's correction undone)
//     and one rejected (against the deduction); approval; publication;
//   after publication: rectification plans (整改) of several units tied to
//     their lost points (owners, deadlines, progress; some closed, some open,
//     one overdue in the later year) and the result-use table (结果运用:
//     grade → bonus coefficient, cadre evaluation, budget, accountability)
//     with an application recorded per unit with its 文号.
// The published results equal the generated year-end values: every
// correction a story makes is undone within it, and the adjustments that go
// through claims (PastYear::claimed) are left out of the year's bulk data.
// Only the leadership scores change: the closed rating replaces them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "demo/story_clock.h"
#include "store/store.h"

namespace govperf::demo {

struct PastYear {
  uint64_t seed = 0;
  int year = 0;
  int current_year = 0;  // the demo's year in progress
  // Adjustments raised as claims and approved (bonuses by their unit,
  // deductions and vetoes by a lead department) instead of being written
  // with the year's data.
  std::vector<core::Adjustment> claimed;
};

// REQUIRES: the year in monitoring with its scheme and full year-end data
// saved (without plan.claimed); the demo's users, leaders included.
// Leaves the year in 公示 (preliminary) with its appeals decided.
Status WritePastYearEnd(store::Store& store, StoryClock* clock, const PastYear& plan);

// REQUIRES: the year published. Rectification and result use.
Status WritePastYearAfter(store::Store& store, StoryClock* clock, const PastYear& plan);

}  // namespace govperf::demo
