// 晴雨表 the current year over its months: per month and category the
// monitoring progress — (leaf, unit) pairs on track / lagging / red by time
// progress with the values up to that month, and the reports of that month's
// periods in on time, late, missing or red-carded as of today.
//
// The provisional total per category month by month is not computed: it needs
// one full evaluation per month with the data cut at that month (about 0.3 s
// each on a province year, so some 3.6 s per request and twelve evaluators'
// memory), while the monitoring counts above cost one pass over the values.
// docs/design/barometer.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/barometer/tally.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::barometer {

struct MonthCategory {
  std::string id, name_zh, name_en;
};
struct MonthRow {
  int month = 0;  // 1..12
  core::barometer::Tally city;
  std::map<std::string, core::barometer::Tally> categories;  // category id → counts
};
struct Months {
  int year = 0;
  bool provisional = true;  // the year is not published
  std::string as_of;        // YYYY-MM-DD: reports counted as of this day
  double green = 1, yellow = 0.8;
  int red_after_working_days = 5;
  std::vector<MonthCategory> categories;  // scheme order
  std::vector<MonthRow> months;           // 1 .. the month of `today` (all twelve for a past year)
};

// NotFound (field year) for an unknown year.
Result<Months> MonthlyProgress(YearCache& years, store::Store& store, const Caller& caller,
                               int year, const core::monitoring::Date& today);

}  // namespace govperf::app::barometer
