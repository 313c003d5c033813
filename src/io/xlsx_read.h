// Reading .xlsx workbooks (Office Open XML spreadsheets) with minizip (the
// archive) and pugixml (the XML): shared strings, inline strings, numbers,
// booleans, formulas' cached values and merged ranges. Styles, dates as
// dates and formulas themselves are not interpreted: a cell is the text or
// number Excel stored.
#pragma once

#include <string_view>

#include "io/sheet.h"

namespace govperf::io {

// Every sheet of the workbook, in workbook order. Errors name `what` and,
// where it applies, the sheet and cell; limits are checked before each step
// allocates (sheet.h).
Result<Workbook> ReadXlsx(std::string_view bytes, const std::string& what,
                          const SheetLimits& limits = {});

}  // namespace govperf::io
