// What the monthly barometer and the quarterly bulletin count, joined from
// the store into the core's plain rows (core/barometer/tally.h): every
// (leaf, unit) pair with its target and monthly values, every report slot the
// calendar expects with what became of it, and the year's thresholds.
#pragma once

#include <memory>
#include <vector>

#include "app/results/year_cache.h"
#include "core/barometer/tally.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::barometer {

struct MonitoringInputs {
  int year = 0;
  std::shared_ptr<const YearView> view;  // the scheme (names, order)
  store::MonitoringSettings settings;
  core::monitoring::WorkCalendar calendar;
  std::vector<core::barometer::PairProgress> pairs;  // by leaf (scheme order), unit
  std::vector<core::barometer::ReportSlot> slots;    // by leaf, unit, period
};

// NotFound (field year) for an unknown year or one without a scheme.
Result<MonitoringInputs> LoadMonitoringInputs(YearCache& years, store::Store& store, int year);

// The month (1..12) of a slot's period ("2025-03" → 3; the year-end "2025" → 12).
int SlotMonth(const core::barometer::ReportSlot& slot);

}  // namespace govperf::app::barometer
