#include "core/survey/definition.h"

#include <cctype>
#include <cmath>
#include <map>

namespace govperf::core::survey {
namespace {

Status DefBad(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

std::string DefAt(const std::string& list, size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

}  // namespace

bool ValidGroupId(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

bool ValidQuestionId(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return true;
}

Status CheckSurvey(const Survey& s, const std::set<std::string>& unit_ids) {
  if (s.title_zh.empty()) return DefBad("title_zh", "required", "标题不能为空");

  // 调查对象 groups and their weights.
  if (s.groups.empty())
    return DefBad("groups", "at least one respondent group", "至少需要一个调查对象组");
  std::set<std::string> groups;
  for (size_t i = 0; i < s.groups.size(); ++i) {
    const Group& g = s.groups[i];
    const std::string at = DefAt("groups", i);
    if (!ValidGroupId(g.id)) {
      return DefBad(at + ".id", "1 to 32 of a-z, 0-9 or '_', got '" + g.id + "'",
                    "须为 1 至 32 个小写字母、数字或 _");
    }
    if (!groups.insert(g.id).second)
      return DefBad(at + ".id", "duplicate group '" + g.id + "'", "调查对象组重复");
    if (g.name_zh.empty()) return DefBad(at + ".name_zh", "required", "名称不能为空");
    if (!(g.weight > 0) || !std::isfinite(g.weight)) {
      return DefBad(at + ".weight", "must be > 0", "权重须大于 0");
    }
  }
  if (s.public_link && !groups.count(s.public_group)) {
    return DefBad("public_group",
                  "the public link needs one of the survey's groups, got '" + s.public_group + "'",
                  "开放链接须指定一个调查对象组");
  }
  if (!s.public_group.empty() && !groups.count(s.public_group)) {
    return DefBad("public_group", "unknown group '" + s.public_group + "'", "没有这个调查对象组");
  }

  // Questions.
  if (s.questions.size() > static_cast<size_t>(kMaxQuestions)) {
    return DefBad("questions", "at most " + std::to_string(kMaxQuestions) + " questions",
                  "最多 " + std::to_string(kMaxQuestions) + " 个问题");
  }
  std::map<std::string, const Question*> earlier;  // id → question, in display order
  std::map<std::string, const Question*>
      margin_of;  // raking variable → the choice question setting it
  bool any_scale = false;
  for (size_t i = 0; i < s.questions.size(); ++i) {
    const Question& q = s.questions[i];
    const std::string at = DefAt("questions", i);
    if (!ValidQuestionId(q.id)) {
      return DefBad(at + ".id", "1 to 32 letters, digits, '-' or '_', got '" + q.id + "'",
                    "须为 1 至 32 个字母、数字、- 或 _");
    }
    if (earlier.count(q.id))
      return DefBad(at + ".id", "duplicate question '" + q.id + "'", "问题编号重复");
    if (q.text_zh.empty()) return DefBad(at + ".text_zh", "required", "题目不能为空");
    if (!q.unit_id.empty() && !q.unit_from.empty()) {
      return DefBad(at + ".unit_from",
                    "a question is about a fixed unit_id or a unit_from answer, not both",
                    "unit_id 与 unit_from 只能设其一");
    }
    switch (q.kind) {
      case QuestionKind::kScale: {
        any_scale = true;
        const int points = q.scale_max - q.scale_min + 1;
        if (points < kMinScalePoints || points > kMaxScalePoints) {
          return DefBad(at + ".scale_max",
                        "a scale has 2 to 11 points, got " + std::to_string(q.scale_min) + ".." +
                            std::to_string(q.scale_max),
                        "量表须为 2 至 11 级");
        }
        if (!q.options.empty())
          return DefBad(at + ".options", "only choice questions have options", "只有选择题有选项");
        break;
      }
      case QuestionKind::kChoice: {
        if (q.options.size() < 2)
          return DefBad(at + ".options", "at least 2 options", "至少需要 2 个选项");
        if (q.options.size() > static_cast<size_t>(kMaxOptions)) {
          return DefBad(at + ".options", "at most " + std::to_string(kMaxOptions) + " options",
                        "最多 " + std::to_string(kMaxOptions) + " 个选项");
        }
        std::set<std::string> ids;
        for (size_t k = 0; k < q.options.size(); ++k) {
          const Option& o = q.options[k];
          const std::string oat = DefAt(at + ".options", k);
          if (!ValidQuestionId(o.id)) {
            return DefBad(oat + ".id", "1 to 32 letters, digits, '-' or '_', got '" + o.id + "'",
                          "须为 1 至 32 个字母、数字、- 或 _");
          }
          if (!ids.insert(o.id).second)
            return DefBad(oat + ".id", "duplicate option '" + o.id + "'", "选项编号重复");
          if (o.label_zh.empty()) return DefBad(oat + ".label_zh", "required", "选项文字不能为空");
        }
        if (!q.unit_id.empty() || !q.unit_from.empty()) {
          return DefBad(at + (q.unit_id.empty() ? ".unit_from" : ".unit_id"),
                        "a choice question is about no unit (its options may be units)",
                        "选择题不关联单位");
        }
        if (!q.margin.empty()) {
          if (!ValidGroupId(q.margin)) {
            return DefBad(at + ".margin", "1 to 32 of a-z, 0-9 or '_', got '" + q.margin + "'",
                          "变量名不合规");
          }
          if (margin_of.count(q.margin)) {
            return DefBad(at + ".margin",
                          "variable '" + q.margin + "' is already set by question '" +
                              margin_of[q.margin]->id + "'",
                          "变量已由其他问题设定");
          }
          margin_of[q.margin] = &q;
          if (q.margin == "group") {
            for (size_t k = 0; k < q.options.size(); ++k) {
              if (!groups.count(q.options[k].id)) {
                return DefBad(DefAt(at + ".options", k) + ".id",
                              "a 'group' question's options are group ids; no group '" +
                                  q.options[k].id + "'",
                              "调查对象题的选项须为调查对象组编号");
              }
            }
          }
        }
        break;
      }
      case QuestionKind::kText:
        if (q.max_length < 1 || q.max_length > kMaxTextLength) {
          return DefBad(
              at + ".max_length",
              "1 to " + std::to_string(kMaxTextLength) + ", got " + std::to_string(q.max_length),
              "字数上限须为 1 至 " + std::to_string(kMaxTextLength));
        }
        if (!q.options.empty())
          return DefBad(at + ".options", "only choice questions have options", "只有选择题有选项");
        break;
    }
    if (q.kind != QuestionKind::kChoice && !q.margin.empty()) {
      return DefBad(at + ".margin", "only a choice question sets a raking variable",
                    "只有选择题可设定变量");
    }
    if (!q.unit_id.empty() && !unit_ids.count(q.unit_id)) {
      return DefBad(at + ".unit_id",
                    "'" + q.unit_id + "' is not a unit of " + std::to_string(s.year),
                    "不是本年度的评估对象");
    }
    if (!q.unit_from.empty()) {
      auto src = earlier.find(q.unit_from);
      if (src == earlier.end() || src->second->kind != QuestionKind::kChoice) {
        return DefBad(at + ".unit_from", "'" + q.unit_from + "' is not an earlier choice question",
                      "须为前面的一道选择题");
      }
      for (const Option& o : src->second->options) {
        if (!unit_ids.count(o.id)) {
          return DefBad(at + ".unit_from",
                        "option '" + o.id + "' of question '" + q.unit_from +
                            "' is not a unit of " + std::to_string(s.year),
                        "来源题的选项须均为本年度的评估对象");
        }
      }
    }
    earlier[q.id] = &q;
  }

  // 赋分 scale value → points 0..100, every value of every scale question.
  for (const auto& [value, points] : s.scale_points) {
    if (!(points >= 0 && points <= 100)) {
      return DefBad("scale_points." + std::to_string(value), "points are 0..100",
                    "分值须在 0 至 100 之间");
    }
  }
  if (any_scale) {
    for (const Question& q : s.questions) {
      if (q.kind != QuestionKind::kScale) continue;
      for (int v = q.scale_min; v <= q.scale_max; ++v) {
        if (!s.scale_points.count(v)) {
          return DefBad("scale_points",
                        "value " + std::to_string(v) + " of question '" + q.id + "' has no points",
                        "量表值 " + std::to_string(v) + " 未赋分");
        }
      }
    }
  }

  // Population margins for raking: group → variable → level → total.
  for (const auto& [group, vars] : s.margins) {
    const std::string gat = "margins." + group;
    if (!groups.count(group))
      return DefBad(gat, "unknown group '" + group + "'", "没有这个调查对象组");
    for (const auto& [var, levels] : vars) {
      const std::string vat = gat + "." + var;
      if (levels.empty()) return DefBad(vat, "no levels", "没有类别");
      auto setter = margin_of.find(var);
      for (const auto& [level, total] : levels) {
        const std::string lat = vat + "." + level;
        if (!(total > 0) || !std::isfinite(total))
          return DefBad(lat, "totals must be > 0", "总体数须大于 0");
        if (setter != margin_of.end()) {
          bool known = false;
          for (const Option& o : setter->second->options) known = known || o.id == level;
          if (!known) {
            return DefBad(
                lat, "'" + level + "' is not an option of question '" + setter->second->id + "'",
                "类别须为问题 " + setter->second->id + " 的选项");
          }
        }
      }
    }
  }

  // 配额 fieldwork quotas.
  for (size_t i = 0; i < s.quotas.size(); ++i) {
    const Quota& q = s.quotas[i];
    const std::string at = DefAt("quotas", i);
    if (!groups.count(q.group_id))
      return DefBad(at + ".group_id", "unknown group '" + q.group_id + "'", "没有这个调查对象组");
    if (q.variable.empty()) return DefBad(at + ".variable", "required", "变量不能为空");
    if (q.level.empty()) return DefBad(at + ".level", "required", "类别不能为空");
    if (q.target < 1) return DefBad(at + ".target", "must be ≥ 1", "配额须至少为 1");
  }

  if (s.min_sample < 1) return DefBad("min_sample", "must be ≥ 1", "最小样本量须至少为 1");
  if (s.opens_at < 0) return DefBad("opens_at", "must be ≥ 0", "不能为负");
  if (s.closes_at < 0) return DefBad("closes_at", "must be ≥ 0", "不能为负");
  if (s.opens_at > 0 && s.closes_at > 0 && s.closes_at <= s.opens_at) {
    return DefBad("closes_at", "must be after opens_at", "结束时间须晚于开始时间");
  }
  if (s.speeder_ms_per_question < 0)
    return DefBad("speeder_ms_per_question", "must be ≥ 0", "不能为负");
  if (s.straightline_min_answers < 2)
    return DefBad("straightline_min_answers", "must be ≥ 2", "须至少为 2");
  return Status::Ok();
}

}  // namespace govperf::core::survey
