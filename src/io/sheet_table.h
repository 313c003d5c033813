// Reading a sheet as offices lay it out: title rows above the header, the
// header found by its names (sheet_headers.h), possibly over two rows,
// merged upper levels, blank spacer rows, full-width digits (０-９, ．) and
// numbers stored as text. Errors are SheetErrors naming the sheet and the
// cell in Excel coordinates, collected rather than stopping at the first.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "io/sheet.h"

namespace govperf::io {

// One problem of an imported file: where (sheet, cell such as "D17" or a
// column such as "D", or empty for the sheet as a whole) and why.
struct SheetError {
  std::string sheet;
  std::string cell;
  std::string message;     // English
  std::string message_zh;  // Chinese
  // "sheet '指标体系' D17: expected a number, got 'abc'".
  std::string ToString() const;
  std::string ToStringZh() const;
};

// Full-width ASCII forms (Ａ-Ｚ, ０-９, ．, －, （）, ，) made ASCII, the
// ideographic space and no-break space made spaces, U+2212 made '-', and
// spaces, tabs and line breaks trimmed at both ends.
std::string NormalizeCell(std::string_view text);
// Trims spaces (ASCII, full-width, no-break) and line breaks at both ends;
// nothing else changes (names are kept as written).
std::string TrimCell(std::string_view text);

// A number as offices write one in a cell: NormalizeCell first (so "１２．５"
// and " 12.5 " are 12.5), thousands separators in groups of three allowed
// ("1,234.5"), and an optional `suffix` dropped ("10分" for points).
// Otherwise core::ParseNumber's syntax and messages.
Result<double> ParseCellNumber(std::string_view text, std::string_view suffix = "");

struct TableLayout {
  size_t header_row = 0;                  // the (last) header row
  size_t first_row = 0;                   // the first data row
  std::map<std::string, size_t> columns;  // field → column
  // Header cells that name no wanted field: (column, text as written). Wide
  // layouts read these as indicator or unit columns.
  std::vector<std::pair<size_t, std::string>> others;
  std::optional<size_t> Column(const std::string& field) const {
    auto it = columns.find(field);
    return it == columns.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
};

inline constexpr size_t kHeaderScanRows = 30;

// Finds the header among the first kHeaderScanRows rows: the row matching
// most of `fields`, plus the row just above or below it when that one names
// further fields (two-row headers such as 指标名称 over 一级/二级/三级).
// `required` lists groups of fields of which at least one must be present.
// A field matched by two columns takes the first. Errors name the sheet and
// the missing header with its accepted names.
Result<TableLayout> FindTable(const Sheet& sheet, const std::vector<std::string>& fields,
                              const std::vector<std::vector<std::string>>& required,
                              SheetError* error);

// Every cell of the row is empty (after trimming): a spacer row.
bool RowBlank(const Sheet& sheet, size_t row);

}  // namespace govperf::io
