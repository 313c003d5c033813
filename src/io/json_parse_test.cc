#include "io/json_parse.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/text.h"
#include "io/scheme_json.h"

namespace govperf::io {
namespace {

std::string Error(std::string_view text, const JsonLimits& limits = {}) {
  Result<nlohmann::json> j = ParseJsonText(text, "s.json", limits);
  EXPECT_FALSE(j.ok()) << text;
  return j.ok() ? "" : j.status().message();
}

TEST(ParseJsonText, NamesThePathOfAnOverflowingNumber) {
  EXPECT_EQ(Error(R"({"indicators": [{"id": "1"}, {"id": "2", "points": 1e999}]})"),
            "s.json: indicators[1].points: number overflow parsing '1e999'");
  EXPECT_EQ(Error(R"([1, 2, -1e400])"), "s.json: [2]: number overflow parsing '-1e400'");
  EXPECT_EQ(Error(R"({"a": {"b": [[1], [2, 1e999]]}})"),
            "s.json: a.b[1][1]: number overflow parsing '1e999'");
}

TEST(ParseJsonText, NamesThePathOfASyntaxError) {
  const std::string m = Error(R"({"year": 2025, "units": [{"id": 0x10}]})");
  EXPECT_EQ(m.rfind("s.json: units[0].id: not valid JSON: parse error at line 1, column", 0), 0u)
      << m;
  EXPECT_NE(Error(R"({"points": 1,5})").find("not valid JSON"), std::string::npos);
  EXPECT_NE(Error(R"({"points": inf})").find("s.json: points: not valid JSON"), std::string::npos);
  EXPECT_NE(Error(R"({"points": NaN})").find("s.json: points: not valid JSON"), std::string::npos);
}

TEST(ParseJsonText, RefusesEmptyBinaryAndDuplicateKeys) {
  EXPECT_EQ(Error(""), "s.json: not valid JSON: empty input");
  EXPECT_EQ(Error(" \n\t"), "s.json: not valid JSON: empty input");
  const std::string binary =
      Error(std::string("\x7f"
                        "ELF\x02\x01\x01\0\0\0",
                        10));
  EXPECT_EQ(binary.rfind("s.json: not valid JSON", 0), 0u) << binary;
  EXPECT_EQ(core::FirstInvalidUtf8(binary), std::string_view::npos);
  const std::string gbk = Error("{\"name\": \"\xB0\xB2\"}");
  EXPECT_EQ(gbk.rfind("s.json: name: not valid JSON", 0), 0u) << gbk;
  EXPECT_EQ(core::FirstInvalidUtf8(gbk), std::string_view::npos);
  EXPECT_EQ(Error(R"({"satisfaction": {"D01": 80, "D01": 90}})"),
            "s.json: satisfaction.D01: duplicate key");
}

TEST(ParseJsonText, EnforcesLimitsWhileParsing) {
  JsonLimits limits;
  limits.max_elements = 3;
  limits.note = "(at most 3)";
  EXPECT_EQ(Error(R"({"matrix": [[1, 2, 3, 4]]})", limits),
            "s.json: matrix[0]: more than 3 elements (at most 3)");
  EXPECT_EQ(Error(R"({"matrix": [[1], [2], [3], [4]]})", limits),
            "s.json: matrix: more than 3 elements (at most 3)");
  EXPECT_TRUE(ParseJsonText(R"({"matrix": [[1, 2, 3], [1, 2, 3]]})", "s", limits).ok());
  limits = {};
  limits.max_values = 5;
  EXPECT_EQ(Error("[1, 2, 3, 4, 5, 6]", limits), "s.json: [4]: more than 5 values in all");
  limits = {};
  std::string repeated;
  for (int i = 0; i < 64; ++i) repeated += "[0]";
  EXPECT_EQ(Error(std::string(100, '[') + std::string(100, ']'), limits),
            "s.json: " + repeated + ": nested deeper than 64 levels");
}

TEST(ParseJsonStream, StopsReadingAtALimit) {
  JsonLimits limits;
  limits.max_elements = 2;
  std::string big = "{\"matrix\": [[1, 1, 1";
  for (int i = 0; i < 100000; ++i) big += ", 1";
  big += "]]}";
  std::istringstream in(big);
  Result<nlohmann::json> j = ParseJsonStream(in, "stdin", limits);
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().message(), "stdin: matrix[0]: more than 2 elements");
  EXPECT_LT(in.tellg(), 1000);  // the rest was never read
  std::istringstream empty("   ");
  EXPECT_EQ(ParseJsonStream(empty, "stdin").status().message(),
            "stdin: not valid JSON: empty input");
  std::istringstream ok(R"({"a": [1, 2]})");
  EXPECT_TRUE(ParseJsonStream(ok, "stdin").ok());
}

TEST(SchemeJson, RefusesIntegersThatDoNotFit) {
  auto s = SchemeFromJson(nlohmann::json::parse(R"({"year": 99999999999, "categories": [],
      "units": [], "indicators": []})"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "year: integer out of range, got 99999999999");
  s = SchemeFromJson(nlohmann::json::parse(R"({"year": 2025, "categories": [], "units": [],
      "indicators": [{"id": "1", "level": 18446744073709551615}]})"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(),
            "indicators[0].level: integer out of range, got 18446744073709551615");
}

TEST(YearDataJson, ChecksPeriodsAndDuplicates) {
  auto d = YearDataFromJson(nlohmann::json::parse(R"({"values": [
      {"indicator_id": "1", "unit_id": "D1", "period": "2025-xy", "value": 1}]})"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(),
            "values[0].period: expected 'YYYY' (year end) or 'YYYY-MM' (MM 01..12), got '2025-xy'");
  d = YearDataFromJson(nlohmann::json::parse(R"({"values": [
      {"indicator_id": "1", "unit_id": "D1", "period": "2025", "value": 1},
      {"indicator_id": "1", "unit_id": "D2", "period": "2025", "value": 1},
      {"indicator_id": "1", "unit_id": "D1", "period": "2025", "value": 2}]})"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(),
            "values[2]: duplicate of values[0] (same indicator_id 1, unit_id D1, period 2025)");
}

}  // namespace
}  // namespace govperf::io
