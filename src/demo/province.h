// A province-size year (省级规模), generated in memory: the load the general
// engine (core::Evaluate, with traces) is measured and tested on. Unlike the
// demo city it has no fixed catalogue: units, categories and leaves are made up
// from a seed, with a realistic mix of every scoring method in the registry,
// monthly monitoring data, last year's values, missing and no-data values,
// survey scores and adjustments (bonus, deduction, veto).
//
// Deterministic: the same (units, leaves, seed, year) gives the same scheme and
// data on every platform (demo::Rng).
#pragma once

#include <cstdint>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace govperf::demo {

struct GeneratedYear {
  core::Scheme scheme;
  core::YearData data;
};

struct ProvinceOptions {
  int units = 2000;
  int leaves = 200;
  uint64_t seed = 20091;
  int year = 2025;
  // Months of monitoring data (periods "YYYY-01".."YYYY-MM"); 12 = a full year.
  int months = 12;
  // Whether the year-end values (period "YYYY") are present. Without them the
  // year is in progress and only a provisional evaluation scores it.
  bool year_end = true;
};

// REQUIRES: units ≥ 10, leaves ≥ 20 (so that every category has members and
// every method appears); smaller sizes are raised to these.
GeneratedYear ProvinceYear(const ProvinceOptions& options);
inline GeneratedYear ProvinceYear(int units, int leaves, uint64_t seed) {
  return ProvinceYear(ProvinceOptions{units, leaves, seed});
}

// Writes one generated year (in progress) and an admin login (the demo city's
// admin password) through the store. REQUIRES: an empty store;
// FailedPrecondition otherwise.
Status WriteProvinceYear(store::Store& store, const ProvinceOptions& options);

}  // namespace govperf::demo
