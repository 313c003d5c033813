#include "io/xlsx_write.h"

#include <xlsxwriter.h>

#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "io/csv.h"

namespace govperf::io {
namespace {

constexpr double kTitleHeight = 28;
constexpr double kTitleFontSize = 16;

// Removes the temporary file whatever happens.
struct TempFile {
  std::filesystem::path path;
  ~TempFile() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove(path, ec);
  }
};

}  // namespace

std::string OutCell::Text() const {
  if (!number) return text;
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), *number);
  return ec == std::errc() ? std::string(buf.data(), end) : std::string();
}

Result<std::string> WriteXlsx(const std::vector<OutSheet>& sheets) {
  // libxlsxwriter writes to a file: a private temporary one, read back whole.
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return Status::Internal("xlsx: no temporary directory: " + ec.message());
  std::random_device rd;
  TempFile tmp{dir / ("govperf-" + std::to_string(rd()) + std::to_string(rd()) + ".xlsx")};
  lxw_workbook* wb = workbook_new(tmp.path.c_str());
  if (!wb) return Status::Internal("xlsx: cannot create " + tmp.path.string());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_text_wrap(bold);
  format_set_align(bold, LXW_ALIGN_CENTER);
  format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(bold, LXW_BORDER_THIN);
  format_set_bg_color(bold, 0xDDEBF7);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, kTitleFontSize);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* merged = workbook_add_format(wb);
  format_set_align(merged, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(merged);
  for (const OutSheet& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return Status::Internal("xlsx: cannot add sheet '" + s.name + "'");
    }
    size_t cols = 0;
    for (const auto& r : s.rows) cols = std::max(cols, r.size());
    for (size_t c = 0; c < s.widths.size(); ++c) {
      if (s.widths[c] > 0) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c],
                             nullptr);
      }
    }
    const size_t header_end = s.title_rows + s.header_rows;
    for (size_t r = 0; r < s.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r);
      lxw_format* fmt = r < s.title_rows ? title : r < header_end ? bold : nullptr;
      if (r < s.title_rows) {
        worksheet_set_row(ws, row, kTitleHeight, nullptr);
        if (cols > 1) {
          const std::string text = s.rows[r].empty() ? "" : s.rows[r][0].Text();
          worksheet_merge_range(ws, row, 0, row, static_cast<lxw_col_t>(cols - 1), text.c_str(),
                                title);
          continue;
        }
      }
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        const OutCell& cell = s.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.number) {
          worksheet_write_number(ws, row, col, *cell.number, fmt);
        } else if (!cell.text.empty()) {
          worksheet_write_string(ws, row, col, cell.text.c_str(), fmt);
        } else if (fmt) {
          worksheet_write_blank(ws, row, col, fmt);
        }
      }
    }
    for (const OutMerge& m : s.merges) {
      if (m.first_row >= s.rows.size() || m.first_col >= s.rows[m.first_row].size()) continue;
      const OutCell& cell = s.rows[m.first_row][m.first_col];
      lxw_format* fmt = m.first_row < header_end ? bold : merged;
      worksheet_merge_range(ws, static_cast<lxw_row_t>(m.first_row),
                            static_cast<lxw_col_t>(m.first_col), static_cast<lxw_row_t>(m.last_row),
                            static_cast<lxw_col_t>(m.last_col), cell.text.c_str(), fmt);
      if (cell.number) {
        worksheet_write_number(ws, static_cast<lxw_row_t>(m.first_row),
                               static_cast<lxw_col_t>(m.first_col), *cell.number, fmt);
      }
    }
    if (header_end > 0) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header_end), 0);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status::Internal(std::string("xlsx: ") + lxw_strerror(err));
  }
  std::ifstream in(tmp.path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) return Status::Internal("xlsx: cannot read back " + tmp.path.string());
  return ss.str();
}

std::string WriteCsv(const OutSheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::vector<bool>> blank(sheet.rows.size());
  for (size_t r = 0; r < sheet.rows.size(); ++r) blank[r].assign(sheet.rows[r].size(), false);
  for (const OutMerge& m : sheet.merges) {
    for (size_t r = m.first_row; r <= m.last_row && r < blank.size(); ++r) {
      for (size_t c = m.first_col; c <= m.last_col && c < blank[r].size(); ++c) {
        blank[r][c] = !(r == m.first_row && c == m.first_col);
      }
    }
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      if (c) out += ',';
      if (blank[r][c]) continue;
      out += CsvField(sheet.rows[r][c].Text());
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace govperf::io
