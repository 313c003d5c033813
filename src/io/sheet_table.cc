#include "io/sheet_table.h"

#include <algorithm>
#include <set>

#include "core/number.h"
#include "io/sheet_headers.h"

namespace govperf::io {
namespace {

// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes are
// returned as themselves so that nothing is lost.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b;
  }
  uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0;
}

}  // namespace

std::string SheetError::ToString() const {
  std::string out = "sheet '" + sheet + "'";
  if (!cell.empty()) out += " " + cell;
  return out + ": " + message;
}

std::string SheetError::ToStringZh() const {
  std::string out = "工作表「" + sheet + "」";
  if (!cell.empty()) out += " " + cell;
  return out + "：" + (message_zh.empty() ? message : message_zh);
}

std::string NormalizeCell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const uint32_t cp = NextCodePoint(text, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out += static_cast<char>(cp - 0xFF01 + 0x21);
    } else if (cp == 0x3000 || cp == 0xA0) {
      out += ' ';
    } else if (cp == 0x2212) {
      out += '-';
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  const size_t b = out.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = out.find_last_not_of(" \t\r\n");
  return out.substr(b, e - b + 1);
}

std::string TrimCell(std::string_view text) {
  size_t b = 0, e = text.size();
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    if (!IsSpaceCp(NextCodePoint(text, i))) {
      b = start;
      break;
    }
    b = i;
  }
  // From the end: step back over trailing spaces (one-byte or U+3000/U+00A0).
  while (e > b) {
    if (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' || text[e - 1] == '\n') {
      --e;
    } else if (e - b >= 3 && text.substr(e - 3, 3) == "\xE3\x80\x80") {
      e -= 3;
    } else if (e - b >= 2 && text.substr(e - 2, 2) == "\xC2\xA0") {
      e -= 2;
    } else {
      break;
    }
  }
  return std::string(text.substr(b, e - b));
}

Result<double> ParseCellNumber(std::string_view text, std::string_view suffix) {
  std::string s = NormalizeCell(text);
  const std::string as_written = s;
  if (!suffix.empty() && s.size() > suffix.size() &&
      std::string_view(s).substr(s.size() - suffix.size()) == suffix) {
    s = TrimCell(s.substr(0, s.size() - suffix.size()));
  }
  // Thousands separators: "1,234" and "12,345,678.5", groups of exactly three.
  if (s.find(',') != std::string::npos) {
    const size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
    const size_t dot = std::min(s.find('.'), s.size());
    bool grouped = true;
    size_t group = 0, groups = 0;
    for (size_t i = start; i <= dot; ++i) {
      if (i == dot || s[i] == ',') {
        grouped = grouped && group >= 1 && group <= 3 && (groups == 0 || group == 3);
        ++groups;
        group = 0;
      } else {
        grouped = grouped && s[i] >= '0' && s[i] <= '9';
        ++group;
      }
    }
    if (grouped)
      s.erase(std::remove(s.begin(), s.begin() + static_cast<long>(dot), ','),
              s.begin() + static_cast<long>(dot));
  }
  auto v = core::ParseNumber(s);
  if (!v.ok() && s != as_written) return core::ParseNumber(as_written);  // names the cell's text
  return v;
}

bool RowBlank(const Sheet& sheet, size_t row) {
  if (row >= sheet.rows.size()) return true;
  for (const std::string& c : sheet.rows[row]) {
    if (!TrimCell(c).empty()) return false;
  }
  return true;
}

Result<TableLayout> FindTable(const Sheet& sheet, const std::vector<std::string>& fields,
                              const std::vector<std::vector<std::string>>& required,
                              SheetError* error) {
  // Normalized header text → field, for the fields asked for.
  std::map<std::string, std::string> names;
  for (const std::string& f : fields) {
    const HeaderField* hf = FindHeaderField(f);
    if (!hf) continue;
    for (const char* n : hf->names) names.emplace(NormalizeHeader(n), f);
  }
  const auto match_row = [&](size_t r) {
    std::map<std::string, size_t> found;
    if (r >= sheet.rows.size()) return found;
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      auto it = names.find(NormalizeHeader(sheet.rows[r][c]));
      if (it != names.end()) found.emplace(it->second, c);  // first column wins
    }
    return found;
  };
  const size_t scan = std::min(sheet.rows.size(), kHeaderScanRows);
  size_t best = 0, best_count = 0;
  for (size_t r = 0; r < scan; ++r) {
    const size_t n = match_row(r).size();
    if (n > best_count) {
      best = r;
      best_count = n;
    }
  }
  TableLayout t;
  if (best_count > 0) {
    t.header_row = best;
    t.columns = match_row(best);
    // A second header row just above or below adds the fields it names in
    // columns not yet taken.
    for (size_t other : {best + 1, best > 0 ? best - 1 : best}) {
      if (other == best || other >= scan) continue;
      auto more = match_row(other);
      bool added = false;
      std::set<size_t> taken;
      for (const auto& [f, c] : t.columns) taken.insert(c);
      for (const auto& [f, c] : more) {
        if (!t.columns.count(f) && !taken.count(c)) {
          t.columns[f] = c;
          added = true;
        }
      }
      if (added) t.header_row = std::max(t.header_row, other);
    }
  }
  for (const auto& group : required) {
    bool any = false;
    for (const std::string& f : group) any = any || t.columns.count(f);
    if (any) continue;
    std::string en, zh;
    for (const std::string& f : group) {
      const HeaderField* hf = FindHeaderField(f);
      if (!hf) continue;
      for (const char* n : hf->names) {
        if (!zh.empty()) zh += "、";
        zh += n;
      }
    }
    const HeaderField* first = FindHeaderField(group.front());
    const std::string label = first ? first->label_zh : group.front();
    *error = SheetError{sheet.name, "",
                        "no header row with a column " + label + " (accepted: " + zh +
                            ") in the first " + std::to_string(kHeaderScanRows) + " rows",
                        "前 " + std::to_string(kHeaderScanRows) + " 行中没有包含「" + label +
                            "」列的表头（可用列名：" + zh + "）"};
    return Status::Invalid(error->ToString());
  }
  std::set<size_t> used;
  for (const auto& [f, c] : t.columns) used.insert(c);
  if (t.header_row >= sheet.rows.size()) return t;
  for (size_t c = 0; c < sheet.rows[t.header_row].size(); ++c) {
    const std::string text = TrimCell(sheet.rows[t.header_row][c]);
    if (!used.count(c) && !text.empty()) t.others.emplace_back(c, text);
  }
  t.first_row = t.header_row + 1;
  return t;
}

}  // namespace govperf::io
