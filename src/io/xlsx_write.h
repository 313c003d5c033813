// Writing workbooks an office can use: .xlsx through libxlsxwriter (bold
// headers, merged title and upper-level cells, column widths, the header
// row frozen), and the same sheet as CSV (UTF-8 with a BOM, so Excel opens
// Chinese text correctly).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::io {

// A cell to write: a number (written as a number, so Excel can compute with
// it) or a text.
struct OutCell {
  std::string text;
  std::optional<double> number;
  OutCell() = default;
  OutCell(std::string t) : text(std::move(t)) {}  // NOLINT(google-explicit-constructor)
  OutCell(const char* t) : text(t) {}             // NOLINT(google-explicit-constructor)
  static OutCell Number(double v) {
    OutCell c;
    c.number = v;
    return c;
  }
  // The text a CSV file or a message shows: numbers in shortest round-trip form.
  std::string Text() const;
};

struct OutMerge {
  size_t first_row, first_col, last_row, last_col;  // 0-based, inclusive
};

struct OutSheet {
  std::string name;                        // at most 31 characters, no []:*?/\ (Excel)
  std::vector<std::vector<OutCell>> rows;  // row 0 is Excel row 1
  size_t title_rows = 0;                   // rows above the header (merged across, large)
  size_t header_rows = 1;                  // bold, frozen; right after the title rows
  std::vector<OutMerge> merges;            // beyond the title rows' own merge
  std::vector<double> widths;              // column widths in characters; 0 = default
};

// The workbook's bytes. Internal when the library fails (e.g. no temporary
// directory).
Result<std::string> WriteXlsx(const std::vector<OutSheet>& sheets);

// One sheet as CSV (RFC 4180, CRLF, UTF-8 with a BOM); merged cells are
// written as the value in their first cell only, as Excel saves them.
std::string WriteCsv(const OutSheet& sheet);

}  // namespace govperf::io
