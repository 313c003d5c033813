// A year's data as CSV files in one directory (docs/scheme-format.md §Data):
//   values.csv       indicator_id,unit_id,period,value[,no_data,entered_by,approved_by,note]
//   subjects.csv     unit_id,satisfaction,leadership[,satisfaction_se]      (optional file)
//   adjustments.csv  id,unit_id,kind,points[,veto_effect,reason_zh,reason_en,evidence,
//                    entered_by,approved_by]                                (optional file)
//   inputs.csv       unit_id,name,value   (投入, e.g. budget / staff)       (optional file)
// Columns are found by header name; the bracketed ones may be left out. An
// empty value = not reported. Every error names the file, line and column.
#pragma once

#include <string>

#include "core/model.h"
#include "core/status.h"

namespace govperf::io {

Result<core::YearData> ReadYearDataDir(const std::string& dir);

}  // namespace govperf::io
