// A lead department's bulk import of one leaf's values for all units from
// CSV (columns unit_id, period, value; optional no_data, note): all or
// nothing, every bad row named ("row 7 (line 8): unit_id: ...").
#pragma once

#include <string>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::monitoring {

struct ImportedValues {
  int rows = 0;
};
Result<ImportedValues> ImportValuesCsv(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const std::string& indicator_id,
                                       const std::string& csv);

}  // namespace govperf::app::monitoring
