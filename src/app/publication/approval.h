// 评估委员会审定: after the 公示 window has closed (and every appeal is
// decided), the office records the evaluation committee's approval — meeting
// date, reference and note. Publication is refused before it.
#pragma once

#include "app/caller.h"
#include "app/publication/window.h"
#include "store/store.h"

namespace govperf::app::publication {

struct ApprovalInput {
  std::string meeting_date;  // YYYY-MM-DD
  std::string meeting_ref;
  std::string note;
};

// Refused (naming the field) unless the year is in 公示, its latest window
// ended before `today`, and the window has no approval yet.
Result<store::CommitteeApproval> RecordApproval(store::Store& store, const Caller& caller, int year,
                                                const ApprovalInput& in, const Date& today);

// The approval of the latest window, or nullopt.
Result<std::optional<store::CommitteeApproval>> CurrentApproval(store::Store& store, int year);

}  // namespace govperf::app::publication
