// The header synonym table against its data file tests/excel/headers.tsv,
// in both directions.
#include "io/sheet_headers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace govperf::io {
namespace {

std::vector<std::pair<std::string, std::string>> ReadPairs() {
  std::ifstream in(std::string(GOVPERF_SOURCE_DIR) + "/tests/excel/headers.tsv");
  std::vector<std::pair<std::string, std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return out;
}

// The field whose names contain the normalized header; "" when none, "?"
// when two fields claim it.
std::string FieldOf(const std::string& header) {
  std::string found;
  for (const HeaderField& f : HeaderFields()) {
    for (const char* n : f.names) {
      if (NormalizeHeader(n) == NormalizeHeader(header)) {
        if (!found.empty() && found != f.field) return "?";
        found = f.field;
      }
    }
  }
  return found;
}

TEST(SheetHeaders, EveryLineOfTheDataFileNamesItsField) {
  const auto pairs = ReadPairs();
  ASSERT_GT(pairs.size(), 100u);
  for (const auto& [field, header] : pairs) {
    EXPECT_EQ(FieldOf(header), field) << "header '" << header << "'";
  }
}

TEST(SheetHeaders, EveryNameOfTheTableIsInTheDataFile) {
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& p : ReadPairs()) listed.insert(p);
  for (const HeaderField& f : HeaderFields()) {
    EXPECT_STREQ(f.names.front(), f.label_zh) << f.field << ": the label comes first";
    for (const char* n : f.names) {
      EXPECT_TRUE(listed.count({f.field, n})) << f.field << " / " << n << " is not in headers.tsv";
    }
  }
}

TEST(SheetHeaders, NormalizationDropsSpacesRemarksAndMarkers) {
  EXPECT_EQ(NormalizeHeader("分　值（分）"), "分值");
  EXPECT_EQ(NormalizeHeader(" *分值 "), "分值");
  EXPECT_EQ(NormalizeHeader("ＵＮＩＴ＿ＩＤ"), "unit_id");
  EXPECT_EQ(NormalizeHeader("牵头考核单位\n(部门)"), "牵头考核单位");
}

}  // namespace
}  // namespace govperf::io
