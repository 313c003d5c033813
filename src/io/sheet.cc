#include "io/sheet.h"

#include <algorithm>

#include "io/csv.h"
#include "io/xlsx_read.h"

namespace govperf::io {

const std::string& Sheet::At(size_t row, size_t col) const {
  static const std::string kEmpty;
  if (row >= rows.size() || col >= rows[row].size()) return kEmpty;
  return rows[row][col];
}

size_t Sheet::Columns() const {
  size_t n = 0;
  for (const auto& r : rows) n = std::max(n, r.size());
  return n;
}

const Sheet* Workbook::Find(std::string_view name) const {
  for (const Sheet& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string SizeText(uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string ColumnName(size_t col) {
  std::string out;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

std::string CellName(size_t row, size_t col) { return ColumnName(col) + std::to_string(row + 1); }

bool ParseCellName(std::string_view ref, size_t* row, size_t* col) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ref[i] == '$') ++i;
  const size_t letters = i;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    c = c * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    if (c > 1'000'000) return false;
  }
  if (i == letters) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  const size_t digits = i;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) {
    r = r * 10 + static_cast<size_t>(ref[i] - '0');
    if (r > 100'000'000) return false;
  }
  if (i == digits || i != ref.size() || r == 0) return false;
  *row = r - 1;
  *col = c - 1;
  return true;
}

FileFormat SniffFormat(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return FileFormat::kXlsx;
  if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) return FileFormat::kXls;
  return FileFormat::kCsv;
}

Result<Workbook> ReadWorkbook(std::string_view bytes, const std::string& what,
                              const SheetLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    const std::string size = SizeText(limits.max_file_bytes);
    return Status::Invalid(what + ": larger than " + size).Zh(what + "：文件超过 " + size);
  }
  std::string lower = what;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool named_xlsx = lower.size() >= 5 && lower.substr(lower.size() - 5) == ".xlsx";
  switch (SniffFormat(bytes)) {
    case FileFormat::kXlsx:
      return ReadXlsx(bytes, what, limits);
    case FileFormat::kXls:
      return Status::Invalid(what +
                             ": an old binary .xls workbook; save it as .xlsx (Excel Workbook)")
          .Zh(what + "：这是旧版 .xls 工作簿，请另存为 .xlsx（Excel 工作簿）后导入");
    case FileFormat::kCsv:
      break;
  }
  if (named_xlsx) {
    return Status::Invalid(what + ": not an .xlsx workbook (the file is not a zip archive)")
        .Zh(what + "：不是 .xlsx 工作簿（文件不是 zip 压缩包）");
  }
  auto records = ParseCsvRecords(std::string(bytes), what);
  if (!records.ok()) return records.status();
  Sheet sheet;
  sheet.name = what;
  size_t cells = 0;
  for (CsvRecord& rec : *records) {
    const int line = rec.line;
    std::vector<std::string>& fields = rec.fields;
    const size_t r = static_cast<size_t>(line - 1);
    if (r >= limits.max_rows || fields.size() > limits.max_columns) {
      return Status::Invalid(what + " line " + std::to_string(line) + ": beyond the limit of " +
                             std::to_string(limits.max_rows) + " rows and " +
                             std::to_string(limits.max_columns) + " columns");
    }
    cells += fields.size();
    if (cells > limits.max_cells) {
      return Status::Invalid(what + ": more than " + std::to_string(limits.max_cells) + " cells")
          .Zh(what + "：单元格超过 " + std::to_string(limits.max_cells) + " 个");
    }
    if (sheet.rows.size() <= r) sheet.rows.resize(r + 1);
    sheet.rows[r] = std::move(fields);
  }
  Workbook wb;
  wb.sheets.push_back(std::move(sheet));
  return wb;
}

}  // namespace govperf::io
