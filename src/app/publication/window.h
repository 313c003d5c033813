// 公示 (preliminary results) and its appeal window: moving a year from
// year_end to preliminary records the window in the same transaction —
// from today to the N-th working day after it (the monitoring calendar knows
// working days: 法定节假日 / 调休) or to an end date the office gives.
#pragma once

#include <optional>
#include <string>

#include "app/caller.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::publication {

using core::monitoring::Date;

// The default length of a 公示: seven working days.
inline constexpr int kDefaultWindowWorkingDays = 7;
inline constexpr int kMaxWindowWorkingDays = 60;

struct WindowRequest {
  std::optional<int> working_days;  // 1..60; the default when neither is given
  std::string end_date;             // YYYY-MM-DD, on or after today (instead of working_days)
  // Go to 公示 although some assessed pairs have no year-end value (they
  // score as missing); see year_end/readiness.h.
  bool accept_missing_values = false;
};

// The window a request asks for, starting `today`. Errors name the field
// (working_days, end_date).
Result<store::PublicityWindow> PlanWindow(store::Store& store, const Caller& caller, int year,
                                          const Date& today, const WindowRequest& request);

// year_end → preliminary, and the window, in one transaction; refused
// (naming what is unfinished) while the year-end assessment is not done
// (year_end/readiness.h).
Result<store::YearInfo> StartPublicity(store::Store& store, const Caller& caller, int year,
                                       const Date& today, const WindowRequest& request);

// The latest window, or nullopt.
Result<std::optional<store::PublicityWindow>> LatestWindow(store::Store& store, int year);
// Is `today` inside the window (start..end, both inclusive)?
bool WindowOpen(const store::PublicityWindow& w, const Date& today);

}  // namespace govperf::app::publication
