// A clock held on one business date (业务日期), for `govperf serve --today`:
// tests and demonstrations need due dates, lateness (逾期), escalation cards
// (黄牌 / 红牌) and time progress (时序进度) computed for a known day, whatever
// the wall clock says.
//
// The date is China's (UTC+8), the date every due date is counted in
// (app::monitoring::TodayInChina). The time of day starts at 09:00 and runs
// with the wall clock, so sessions, login locks and the audit order keep
// working; it stops at 23:59:59 so the date never moves.
#pragma once

#include <memory>
#include <string_view>

#include "core/status.h"
#include "store/store.h"

namespace govperf::store {

class FixedDateClock final : public Clock {
 public:
  // `date` is YYYY-MM-DD (400 naming `today` otherwise). `wall` must outlive the clock.
  static Result<std::unique_ptr<FixedDateClock>> Make(std::string_view date,
                                                      const Clock& wall = SystemClock());

  int64_t NowUnix() const override;
  // 00:00 of the fixed date, China time, as unix seconds.
  int64_t day_start() const { return day_start_; }

 private:
  FixedDateClock(int64_t day_start, const Clock& wall);

  int64_t day_start_;
  const Clock& wall_;
  int64_t wall_start_;
};

}  // namespace govperf::store
