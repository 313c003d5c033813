// 意见建议 opinion routing: which unit answers a free-text opinion, and which
// lead department (牵头部门) when it names one of the year's topics.
//
// Guarantees: pure and deterministic. The unit is the one the question is
// about (given by the caller). The topic is the one whose keyword occurs
// earliest in the text; when keywords of two topics start at the same place,
// the topic listed first wins. ASCII letters compare case-insensitively;
// Chinese text compares as written. No keyword found: no topic, no lead.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::core::survey {

// A topic as the router needs it (the store's OpinionTopic has the names too).
struct TopicRule {
  std::string id;
  std::vector<std::string> keywords;
  std::string lead_unit_id;  // 牵头部门 that answers opinions naming the topic
};

struct OpinionRoute {
  std::string unit_id;       // the unit the opinion is about ('' when unknown)
  std::string topic_id;      // '' when no topic's keyword occurs
  std::string lead_unit_id;  // the topic's lead department
};

OpinionRoute RouteOpinion(const std::string& text, const std::string& unit_id,
                          const std::vector<TopicRule>& topics);

inline constexpr int kMaxTopics = 100;
inline constexpr int kMaxKeywords = 50;      // per topic
inline constexpr int kMaxKeywordBytes = 60;  // one keyword, in bytes (20 Chinese characters)

// Topic ids [a-z0-9_]{1,32} and unique; 1..kMaxKeywords keywords per topic,
// each non-empty and at most kMaxKeywordBytes; a lead_unit_id. Names the
// field ("topics[2].keywords[0]"). Whether the lead is a unit of the year is
// the use case's check.
Status CheckTopics(const std::vector<TopicRule>& topics);

}  // namespace govperf::core::survey
