// What the scoring engine needs for a year, assembled from the store: the
// year's data plus last year's year-end values (period "YYYY-1"), which
// methods comparing with last year (水平+进位) read. Both the CLI and the
// server score through this, so they always agree.
#pragma once

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace govperf::store {

// REQUIRES: the year exists. A missing previous year is not an error.
Result<core::YearData> LoadYearDataForScoring(Store& store, int year);

}  // namespace govperf::store
