// Runs every survey definition case in tests/survey/definitions/*.json
// through core::survey::CheckSurvey.
//
// A case file holds {"description", "units": [unit ids of the year],
// "survey": <the survey as io/survey_json.h reads it>, "expected": {"ok": true}
// or {"field": "the field the error names"}}. Adding a case needs no code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/survey/definition.h"
#include "io/json_parse.h"
#include "io/survey_json.h"

namespace govperf {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(fs::path(GOVPERF_SOURCE_DIR) / "tests" / "survey" / "definitions")) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class SurveyDefinitionCase : public ::testing::TestWithParam<std::string> {};

TEST_P(SurveyDefinitionCase, MatchesExpected) {
  std::ifstream f(GetParam());
  std::stringstream text;
  text << f.rdbuf();
  auto parsed = io::ParseJsonText(text.str(), GetParam());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const json& c = *parsed;
  SCOPED_TRACE(c.value("description", ""));
  auto survey = io::SurveyFromJson(c.at("survey"));
  ASSERT_TRUE(survey.ok()) << survey.status().ToString();
  std::set<std::string> units;
  for (const auto& u : c.at("units")) units.insert(u.get<std::string>());
  const Status st = core::survey::CheckSurvey(*survey, units);
  const json& expected = c.at("expected");
  if (expected.value("ok", false)) {
    EXPECT_TRUE(st.ok()) << st.ToString();
    return;
  }
  ASSERT_FALSE(st.ok()) << "expected an error naming " << expected.at("field");
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), expected.at("field").get<std::string>()) << st.ToString();
  // The message starts with the field, in both languages.
  EXPECT_EQ(st.message().rfind(st.field() + ":", 0), 0u) << st.message();
  EXPECT_EQ(st.message_zh().rfind(st.field() + "：", 0), 0u) << st.message_zh();
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  return fs::path(info.param).stem().string();
}

INSTANTIATE_TEST_SUITE_P(Definitions, SurveyDefinitionCase, ::testing::ValuesIn(CaseFiles()),
                         CaseName);

}  // namespace
}  // namespace govperf
