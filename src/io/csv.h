// A small RFC 4180 CSV reader: quoted fields ("a, b", doubled quotes ""),
// CRLF or LF line ends, a UTF-8 BOM skipped. Records keep their 1-based line
// number so that every error can name it.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::io {

struct CsvRecord {
  int line = 0;  // line where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> rows;
  // Index of a header column, or -1.
  int Column(const std::string& name) const;
};

// Every non-blank record, ragged or not (the lexer under ParseCsv; sheets
// read by io/sheet.h find their own header below title rows).
Result<std::vector<CsvRecord>> ParseCsvRecords(const std::string& text, const std::string& what);

// One field as written in a CSV record: quoted (with doubled quotes) when it
// holds a comma, a quote or a line break; else as is.
std::string CsvField(const std::string& s);

// `what` names the source in messages, e.g. "values.csv".
Result<CsvTable> ParseCsv(const std::string& text, const std::string& what);
Result<CsvTable> ReadCsvFile(const std::string& path, const std::string& what);

}  // namespace govperf::io
