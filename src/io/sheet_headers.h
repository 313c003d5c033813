// The header names offices give their columns, as data: one table of
// logical fields (unit_name, points, lead ...) with every header text that
// means it (单位名称/单位; 分值/分数/权重; 牵头考核单位/考核单位/责任单位/牵头单位 ...).
// A sheet's reader asks for the fields it needs; FindTable (sheet_table.h)
// matches header cells against these names after NormalizeHeader. The
// table is specified by tests/excel/headers.tsv, which sheet_headers_test
// checks in both directions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govperf::io {

struct HeaderField {
  const char* field;               // stable id: "unit_name", "points" ...
  const char* label_zh;            // the name written by exports and templates
  std::vector<const char*> names;  // every accepted header text (label_zh first)
};

// Every field, in no particular order.
const std::vector<HeaderField>& HeaderFields();
// nullptr when unknown.
const HeaderField* FindHeaderField(std::string_view field);

// A header cell as compared: full-width letters and digits made ASCII, all
// spaces removed (full-width ones too), a trailing bracketed remark dropped
// ("分值（分）" → "分值"), a leading "*" (required marker) dropped, ASCII
// lower-cased.
std::string NormalizeHeader(std::string_view text);

}  // namespace govperf::io
