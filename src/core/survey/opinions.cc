#include "core/survey/opinions.h"

#include <set>

#include "core/survey/definition.h"

namespace govperf::core::survey {
namespace {

std::string LowerAscii(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status TopicError(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

}  // namespace

OpinionRoute RouteOpinion(const std::string& text, const std::string& unit_id,
                          const std::vector<TopicRule>& topics) {
  OpinionRoute route;
  route.unit_id = unit_id;
  const std::string hay = LowerAscii(text);
  size_t best = std::string::npos;
  const TopicRule* chosen = nullptr;
  for (const TopicRule& t : topics) {
    for (const std::string& k : t.keywords) {
      if (k.empty()) continue;
      const size_t at = hay.find(LowerAscii(k));
      // Strictly earlier only: at the same place the topic listed first keeps it.
      if (at != std::string::npos && (best == std::string::npos || at < best)) {
        best = at;
        chosen = &t;
      }
    }
  }
  if (chosen) {
    route.topic_id = chosen->id;
    route.lead_unit_id = chosen->lead_unit_id;
  }
  return route;
}

Status CheckTopics(const std::vector<TopicRule>& topics) {
  if (topics.size() > static_cast<size_t>(kMaxTopics)) {
    return TopicError("topics", "at most " + std::to_string(kMaxTopics) + " topics",
                      "最多 " + std::to_string(kMaxTopics) + " 个主题");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < topics.size(); ++i) {
    const TopicRule& t = topics[i];
    const std::string at = "topics[" + std::to_string(i) + "]";
    if (!ValidGroupId(t.id)) {
      return TopicError(at + ".id", "1 to 32 of a-z, 0-9 or '_', got '" + t.id + "'",
                        "须为 1 至 32 个小写字母、数字或 _");
    }
    if (!ids.insert(t.id).second)
      return TopicError(at + ".id", "duplicate topic '" + t.id + "'", "主题重复");
    if (t.keywords.empty() || t.keywords.size() > static_cast<size_t>(kMaxKeywords)) {
      return TopicError(at + ".keywords", "1 to " + std::to_string(kMaxKeywords) + " keywords",
                        "关键词须为 1 至 " + std::to_string(kMaxKeywords) + " 个");
    }
    for (size_t k = 0; k < t.keywords.size(); ++k) {
      const std::string& w = t.keywords[k];
      if (w.empty() || w.size() > static_cast<size_t>(kMaxKeywordBytes)) {
        return TopicError(at + ".keywords[" + std::to_string(k) + "]",
                          "1 to " + std::to_string(kMaxKeywordBytes) + " bytes",
                          "关键词不能为空且不超过 20 个汉字");
      }
    }
    if (t.lead_unit_id.empty())
      return TopicError(at + ".lead_unit_id", "required", "须指定牵头部门");
  }
  return Status::Ok();
}

}  // namespace govperf::core::survey
