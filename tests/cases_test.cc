// Runs every scoring case in tests/cases/*.json through the core evaluator.
//
// A case file holds {"description", "scheme", "data", "options", "expected"} where
// expected is either {"units": {unit_id: {field: value, "indicators":
// {indicator_id: earned}}}} — only the fields listed are checked, numbers to
// 1e-6 — or {"error": "substring of the InvalidArgument message"}.
// Adding a case needs no code: drop a file in tests/cases/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/evaluate.h"
#include "io/scheme_json.h"

namespace govperf {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(fs::path(GOVPERF_SOURCE_DIR) / "tests" / "cases")) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Optional "options": {"provisional": true}.
core::EvaluateOptions Options(const json& c) {
  core::EvaluateOptions o;
  if (c.contains("options")) o.provisional = c["options"].value("provisional", false);
  return o;
}

class ScoringCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ScoringCase, MatchesExpected) {
  std::ifstream f(GetParam());
  std::stringstream text;
  text << f.rdbuf();
  auto parsed = io::ParseJson(text.str(), GetParam());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const json& c = *parsed;
  SCOPED_TRACE(c.value("description", ""));

  auto scheme = io::SchemeFromJson(c.at("scheme"));
  auto data = io::YearDataFromJson(c.value("data", json::object()));
  const json& expected = c.at("expected");
  if (expected.contains("error")) {
    const std::string want = expected["error"];
    Status st = !scheme.ok() ? scheme.status() : !data.ok() ? data.status() : Status::Ok();
    if (st.ok()) st = core::Evaluate(*scheme, *data, Options(c)).status();
    ASSERT_FALSE(st.ok()) << "expected an error containing: " << want;
    EXPECT_NE(st.message().find(want), std::string::npos) << st.ToString();
    return;
  }
  ASSERT_TRUE(scheme.ok()) << scheme.status().ToString();
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  auto result = core::Evaluate(*scheme, *data, Options(c));
  ASSERT_TRUE(result.ok()) << result.status().ToString();

  std::map<std::string, json> actual;
  for (const auto& r : result->units) actual[r.unit_id] = io::UnitResultToJson(r, true);

  ASSERT_TRUE(expected.contains("units"));
  if (expected.contains("order")) {
    std::vector<std::string> order;
    for (const auto& r : result->units) order.push_back(r.unit_id);
    EXPECT_EQ(order, expected["order"].get<std::vector<std::string>>());
  }
  for (const auto& [unit, fields] : expected["units"].items()) {
    ASSERT_TRUE(actual.count(unit)) << "no result for unit " << unit;
    const json& got = actual[unit];
    for (const auto& [key, want] : fields.items()) {
      if (key == "indicators") {
        std::map<std::string, json> by_id;
        for (const auto& s : got["indicators"]) by_id[s["indicator_id"]] = s;
        for (const auto& [ind, w] : want.items()) {
          ASSERT_TRUE(by_id.count(ind)) << unit << ": no indicator " << ind;
          if (w.is_object()) {
            for (const auto& [k2, w2] : w.items()) {
              if (w2.is_number()) {
                EXPECT_NEAR(by_id[ind][k2].get<double>(), w2.get<double>(), 1e-6)
                    << unit << "/" << ind << "." << k2;
              } else {
                EXPECT_EQ(by_id[ind][k2], w2) << unit << "/" << ind << "." << k2;
              }
            }
          } else {
            EXPECT_NEAR(by_id[ind]["earned"].get<double>(), w.get<double>(), 1e-6)
                << unit << "/" << ind << " earned";
          }
        }
      } else if (want.is_number() && !want.is_number_integer()) {
        EXPECT_NEAR(got[key].get<double>(), want.get<double>(), 1e-6) << unit << "." << key;
      } else {
        EXPECT_EQ(got[key], want) << unit << "." << key;
      }
    }
  }
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = fs::path(info.param).stem().string();
  for (char& ch : n) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Cases, ScoringCase, ::testing::ValuesIn(CaseFiles()), CaseName);

TEST(ScoringCases, DirectoryIsNotEmpty) { EXPECT_GE(CaseFiles().size(), 5u); }

}  // namespace
}  // namespace govperf
