// The demo's clock. The generator sets it to when each step of its story
// happens (a scheme in January, a report a few days before its due date, a
// decision after it), so audit timestamps, report times and inbox messages
// read like a real year and the same seed gives the same database. Unset, it
// is the wall clock. Times are plausible per event; the audit trail's order
// is the order of generation (year by year), so its times jump back where one
// year's story ends and the next begins.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::demo {

class StoryClock final : public store::Clock {
 public:
  int64_t NowUnix() const override {
    const int64_t at = at_.load();
    return at != 0 ? at : store::SystemClock().NowUnix();
  }
  void Set(int64_t unix_seconds) { at_.store(unix_seconds); }
  // `date` at `hour`:`minute` China time (UTC+8).
  void SetChina(const core::monitoring::Date& date, int hour, int minute = 0) {
    Set(core::monitoring::DaysFromCivil(date) * 86400 + (hour - 8) * 3600 + minute * 60);
  }

 private:
  std::atomic<int64_t> at_{0};
};

}  // namespace govperf::demo
