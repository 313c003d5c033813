#include "core/survey/answers.h"

#include "core/text.h"

namespace govperf::core::survey {
namespace {

Status Bad(const std::string& id, const std::string& en, const std::string& zh) {
  return Status::Invalid("answers." + id + ": " + en)
      .Field("answers." + id)
      .Zh("answers." + id + "：" + zh);
}

const char* KindOf(SubmittedValue::Kind k) {
  switch (k) {
    case SubmittedValue::Kind::kNull:
      return "null";
    case SubmittedValue::Kind::kInteger:
      return "an integer";
    case SubmittedValue::Kind::kString:
      return "a string";
    case SubmittedValue::Kind::kOther:
      return "neither an integer nor a string";
  }
  return "?";
}

}  // namespace

size_t CodePoints(const std::string& utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

Result<Answers> ValidateAnswers(const Survey& survey, const Submitted& submitted) {
  // Unknown ids first: a stale questionnaire on a phone must not half-count.
  for (const auto& [id, value] : submitted) {
    bool known = false;
    for (const Question& q : survey.questions) known = known || q.id == id;
    if (!known) {
      return Bad(id, "no such question in survey '" + survey.id + "'", "调查中没有这道题");
    }
  }
  Answers out;
  for (const Question& q : survey.questions) {
    auto it = submitted.find(q.id);
    const bool absent = it == submitted.end() || it->second.kind == SubmittedValue::Kind::kNull ||
                        (it->second.kind == SubmittedValue::Kind::kString &&
                         q.kind == QuestionKind::kText && it->second.text.empty());
    if (absent) {
      if (q.required) return Bad(q.id, "required: answer this question", "必答题，请作答");
      continue;
    }
    const SubmittedValue& v = it->second;
    Answer a;
    switch (q.kind) {
      case QuestionKind::kScale:
        if (v.kind == SubmittedValue::Kind::kString && v.text == "dk") {
          if (!q.allow_dont_know) {
            return Bad(q.id, "\"dk\" (don't know) is not allowed here", "本题不能选“不了解”");
          }
          a.dont_know = true;
        } else if (v.kind == SubmittedValue::Kind::kInteger) {
          if (v.integer < q.scale_min || v.integer > q.scale_max) {
            return Bad(q.id,
                       std::to_string(v.integer) + " is out of range " +
                           std::to_string(q.scale_min) + ".." + std::to_string(q.scale_max),
                       "应为 " + std::to_string(q.scale_min) + " 至 " +
                           std::to_string(q.scale_max) + " 的整数");
          }
          a.scale = static_cast<int>(v.integer);
        } else {
          return Bad(q.id,
                     std::string("expected an integer ") + std::to_string(q.scale_min) + ".." +
                         std::to_string(q.scale_max) + (q.allow_dont_know ? " or \"dk\"" : "") +
                         ", got " + KindOf(v.kind),
                     "应为整数分值");
        }
        break;
      case QuestionKind::kChoice: {
        if (v.kind != SubmittedValue::Kind::kString) {
          return Bad(q.id, std::string("expected an option id, got ") + KindOf(v.kind),
                     "应为选项编号");
        }
        bool found = false;
        for (const Option& o : q.options) found = found || o.id == v.text;
        if (!found) {
          return Bad(q.id, "no option " + QuoteForMessage(v.text), "没有这个选项");
        }
        a.text = v.text;
        break;
      }
      case QuestionKind::kText:
        if (v.kind != SubmittedValue::Kind::kString) {
          return Bad(q.id, std::string("expected a text, got ") + KindOf(v.kind), "应为文字");
        }
        if (FirstInvalidUtf8(v.text) != std::string_view::npos) {
          return Bad(q.id, "not valid UTF-8 text", "文字编码有误");
        }
        if (CodePoints(v.text) > static_cast<size_t>(q.max_length)) {
          return Bad(q.id,
                     "too long: " + std::to_string(CodePoints(v.text)) + " characters, at most " +
                         std::to_string(q.max_length),
                     "过长，最多 " + std::to_string(q.max_length) + " 字");
        }
        a.text = v.text;
        break;
    }
    out.emplace(q.id, std::move(a));
  }
  return out;
}

RespondentCells CellsOf(const Survey& survey, const Answers& answers, const InvitationCode* code) {
  RespondentCells r;
  r.group_id = code ? code->group_id : survey.public_group;
  for (const Question& q : survey.questions) {
    if (q.kind != QuestionKind::kChoice || q.margin.empty()) continue;
    auto it = answers.find(q.id);
    if (it == answers.end()) continue;
    if (q.margin == "group") {
      if (code) continue;
      for (const Group& g : survey.groups) {
        if (g.id == it->second.text) r.group_id = g.id;
      }
      continue;
    }
    r.cells[q.margin] = it->second.text;
  }
  if (code) {
    for (const auto& [var, level] : code->cells) r.cells[var] = level;  // the frame wins
  }
  return r;
}

}  // namespace govperf::core::survey
