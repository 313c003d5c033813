// The results service lives in the use-case layer (app/results/year_cache.h);
// the server uses it under its old names.
#pragma once

#include "app/results/year_cache.h"

namespace govperf::server {
using app::EvaluateOptionsFor;
using app::Intervals;
using app::IsAssessed;
using app::kDefaultIntervalLevel;
using app::kDefaultReplicates;
using app::YearCache;
using app::YearView;
}  // namespace govperf::server
