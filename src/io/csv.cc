#include "io/csv.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/text.h"

namespace govperf::io {

int CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<std::vector<CsvRecord>> ParseCsvRecords(const std::string& text, const std::string& what) {
  std::vector<CsvRecord> records;
  size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // BOM from Excel
  // Text must be UTF-8: ids and names end up in JSON output, which cannot
  // carry other bytes, and a binary file is refused here rather than parsed.
  const std::string_view body = std::string_view(text).substr(i);
  const size_t bad = std::min(core::FirstInvalidUtf8(body), body.find('\0'));
  if (bad != std::string_view::npos) {
    const size_t line = 1 + std::count(body.begin(), body.begin() + bad, '\n');
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(body[bad]));
    return Status::Invalid(what + " line " + std::to_string(line) + ": byte " + byte +
                           " is not UTF-8 text (save the file as CSV UTF-8)");
  }
  int line = 1;
  CsvRecord rec{line, {}};
  std::string field;
  bool quoted = false, field_started = false;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(rec.fields.size() == 1 && rec.fields[0].empty())) records.push_back(std::move(rec));
    rec = CsvRecord{line, {}};
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) {
    return Status::Invalid(what + " line " + std::to_string(rec.line) + ": unterminated quote");
  }
  if (!field.empty() || !rec.fields.empty()) end_record();
  return records;
}

Result<CsvTable> ParseCsv(const std::string& text, const std::string& what) {
  auto parsed = ParseCsvRecords(text, what);
  if (!parsed.ok()) return parsed.status();
  std::vector<CsvRecord>& records = *parsed;
  if (records.empty()) return Status::Invalid(what + ": empty (a header line is required)");
  CsvTable t;
  t.header = std::move(records.front().fields);
  for (size_t c = 0; c < t.header.size(); ++c) {
    if (t.Column(t.header[c]) != static_cast<int>(c)) {
      return Status::Invalid(what + " line 1: duplicate column " +
                             core::QuoteForMessage(t.header[c]));
    }
  }
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != t.header.size()) {
      return Status::Invalid(what + " line " + std::to_string(records[r].line) + ": " +
                             std::to_string(records[r].fields.size()) + " fields, the header has " +
                             std::to_string(t.header.size()));
    }
    t.rows.push_back(std::move(records[r]));
  }
  return t;
}

Result<CsvTable> ReadCsvFile(const std::string& path, const std::string& what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::Invalid(what + ": " + path + " is a directory, not a file");
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound(what + ": cannot open " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  if (f.bad()) return Status::Invalid(what + ": cannot read " + path);
  return ParseCsv(ss.str(), what);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace govperf::io
