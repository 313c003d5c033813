// A year's data as CSV files in one directory (docs/scheme-format.md §Data):
//   values.csv       indicator_id,unit_id,period,value[,no_data,entered_by,approved_by,note]
//   subjects.csv     unit_id,satisfaction,leadership[,satisfaction_se]      (optional file)
//   adjustments.csv  id,unit_id,kind,points[,veto_effect,reason_zh,reason_en,evidence,
//                    entered_by,approved_by]                                (optional file)
//   inputs.csv       unit_id,name,value   (投入, e.g. budget / staff)       (optional file)
// Columns are found by header name; the bracketed ones may be left out. An
// empty value = not reported. Every error names the file, line and column.
// Numbers follow core/number.h, periods core/period.h; two rows for the same
// key (indicator, unit and period in values.csv; unit in subjects.csv;
// adjustment id; unit and name in inputs.csv) are an error naming both lines.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "core/status.h"

namespace govperf::io {

// With `year`, every period must be a period of that year or its previous
// year's year end (core::ParsePeriodOfYear); without, only the syntax is checked.
Result<core::YearData> ReadYearDataDir(const std::string& dir,
                                       std::optional<int> year = std::nullopt);

}  // namespace govperf::io
