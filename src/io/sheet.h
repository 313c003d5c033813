// A worksheet as a grid of cell texts, whatever file it came from (an .xlsx
// workbook or a CSV file), and the limits every reader checks before it
// allocates. Cells are addressed as Excel does (column letters, 1-based
// rows: "D17"), so that every error can name the cell an office sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace govperf::io {

struct Sheet {
  std::string name;
  // rows[r][c] is the text of Excel row r + 1, column c (A = 0). Rows may be
  // shorter than others; a missing cell reads as "". Numbers keep the text
  // the file stored ("12.5", "0.30000000000000004"), booleans are "TRUE" /
  // "FALSE", and every cell of a merged range holds the range's value.
  std::vector<std::vector<std::string>> rows;

  const std::string& At(size_t row, size_t col) const;
  size_t Columns() const;  // the widest row
};

struct Workbook {
  std::vector<Sheet> sheets;
  // nullptr when there is no sheet of that name.
  const Sheet* Find(std::string_view name) const;
};

// Checked before the work they bound: the file's size first, then each
// archive member's declared and actual uncompressed size (a zip bomb stops
// there), then sheets, rows, columns and cells of the grid to allocate.
struct SheetLimits {
  uint64_t max_file_bytes = 64ull << 20;   // the file as received
  uint64_t max_part_bytes = 512ull << 20;  // one uncompressed XML part
  size_t max_sheets = 64;
  size_t max_rows = 100'000;
  size_t max_columns = 16'384;   // Excel's own maximum (XFD)
  size_t max_cells = 2'000'000;  // rows × columns of one sheet's grid
};

// "64 MiB", "512 KiB", "100 bytes": a limit in messages.
std::string SizeText(uint64_t bytes);

// "A" for 0, "Z" for 25, "AA" for 26 ...
std::string ColumnName(size_t col);
// "D17" for (16, 3).
std::string CellName(size_t row, size_t col);
// "D17" → (16, 3); false when not a cell reference.
bool ParseCellName(std::string_view ref, size_t* row, size_t* col);

// The format a file is in, from its first bytes: a zip archive (xlsx), an
// old binary workbook (xls, refused with a hint), or text (CSV).
enum class FileFormat { kXlsx, kXls, kCsv };
FileFormat SniffFormat(std::string_view bytes);

// Reads an .xlsx workbook or a UTF-8 CSV file (one sheet named after `what`),
// whichever the bytes are. `what` names the source in messages ("units.xlsx").
// A name ending in .xlsx whose bytes are not a zip archive is refused as such.
Result<Workbook> ReadWorkbook(std::string_view bytes, const std::string& what,
                              const SheetLimits& limits = {});

}  // namespace govperf::io
