// 时序进度 time progress: per unit and leaf, the year-to-date completion of
// the target against the share of the year elapsed, coloured by the year's
// thresholds (monitoring settings: green ≥ progress_green, yellow ≥
// progress_yellow, else red).
//
// Completion: the latest monthly value (YYYY-MM, cumulative year to date)
// over the target (the target over the value for lower-is-better leaves). For
// a cumulative leaf (a flow such as investment) the ratio compared with the
// thresholds is completion ÷ time elapsed; for a level (a rate) it is the
// completion itself. No value or no target: status "none".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::monitoring {

struct ProgressRow {
  std::string unit_id;
  std::string indicator_id;
  std::string lead_unit_id;
  std::optional<double> target;
  std::optional<double> value;
  std::string period;  // of the value
  std::optional<double> completion;
  std::optional<double> ratio;
  std::string status;  // green | yellow | red | none
};
struct UnitProgress {
  std::string unit_id;
  std::map<std::string, int> counts;  // status → leaves
};
struct Progress {
  int year = 0;
  std::string date;
  double elapsed = 0;
  double green = 1, yellow = 0.8;
  std::vector<ProgressRow> rows;
  std::vector<UnitProgress> units;  // aggregates per unit
  std::map<std::string, int> totals;
};
// Scope by role: a unit sees its own unit; a lead department the leaves it
// leads (all units) and its own unit; admin and leader everything. `unit_id`
// narrows further (empty: the whole scope).
Result<Progress> TimeProgress(YearCache& years, store::Store& store, const Caller& caller, int year,
                              const Date& today, const std::string& unit_id);

}  // namespace govperf::app::monitoring
