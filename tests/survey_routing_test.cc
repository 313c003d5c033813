// 意见建议 routing (core/survey/opinions.h) against the data file
// tests/survey/opinion_routing.json: {"topics": [...], "cases": [{"text",
// "unit_id", "expect": {"unit_id", "topic_id", "lead_unit_id"}}]}.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/survey/opinions.h"
#include "io/json_parse.h"

namespace govperf {
namespace {

TEST(SurveyOpinionRouting, EveryCaseOfTheDataFile) {
  const std::string path =
      (std::filesystem::path(GOVPERF_SOURCE_DIR) / "tests" / "survey" / "opinion_routing.json")
          .string();
  std::ifstream f(path);
  std::stringstream text;
  text << f.rdbuf();
  auto parsed = io::ParseJsonText(text.str(), path);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  std::vector<core::survey::TopicRule> topics;
  for (const auto& t : parsed->at("topics")) {
    topics.push_back(
        {t.at("id"), t.at("keywords").get<std::vector<std::string>>(), t.at("lead_unit_id")});
  }
  ASSERT_TRUE(core::survey::CheckTopics(topics).ok());
  const auto& cases = parsed->at("cases");
  ASSERT_GE(cases.size(), 5u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.at("text").get<std::string>());
    const auto r = core::survey::RouteOpinion(c.at("text"), c.at("unit_id"), topics);
    EXPECT_EQ(r.unit_id, c.at("expect").at("unit_id").get<std::string>());
    EXPECT_EQ(r.topic_id, c.at("expect").at("topic_id").get<std::string>());
    EXPECT_EQ(r.lead_unit_id, c.at("expect").at("lead_unit_id").get<std::string>());
  }
}

TEST(SurveyOpinionRouting, TopicsAreCheckedNamingTheField) {
  using core::survey::CheckTopics;
  EXPECT_EQ(CheckTopics({{"Traffic", {"交通"}, "B02"}}).field(), "topics[0].id");
  EXPECT_EQ(CheckTopics({{"a", {"x"}, "B01"}, {"a", {"y"}, "B01"}}).field(), "topics[1].id");
  EXPECT_EQ(CheckTopics({{"a", {}, "B01"}}).field(), "topics[0].keywords");
  EXPECT_EQ(CheckTopics({{"a", {"x", ""}, "B01"}}).field(), "topics[0].keywords[1]");
  EXPECT_EQ(CheckTopics({{"a", {"x"}, ""}}).field(), "topics[0].lead_unit_id");
  EXPECT_TRUE(CheckTopics({}).ok());
}

}  // namespace
}  // namespace govperf
