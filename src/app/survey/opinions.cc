#include "app/survey/opinions.h"

#include <map>
#include <set>

#include "app/limits.h"
#include "app/survey/design.h"
#include "core/survey/opinions.h"

namespace govperf::app::survey {
namespace sv = core::survey;
namespace {

// Internal names carry an Opinion prefix: unity batches join this directory's files.
bool OpinionOffice(const Caller& c) {
  return c.role == core::Role::kAdmin || c.role == core::Role::kSystem;
}
bool OpinionSeesAll(const Caller& c) { return OpinionOffice(c) || c.role == core::Role::kLeader; }

// May `c` see `o`? (guarantee 2)
bool OpinionVisible(const Caller& c, const store::Opinion& o) {
  if (OpinionSeesAll(c)) return true;
  if (c.unit_id.empty()) return false;
  if (c.role == core::Role::kLead) return o.unit_id == c.unit_id || o.lead_unit_id == c.unit_id;
  if (c.role == core::Role::kUnit) return o.unit_id == c.unit_id;
  return false;
}

Status OpinionNotFound(int64_t id) {
  return Status::NotFound("opinion: no opinion " + std::to_string(id))
      .Field("id")
      .Zh("id：没有这条意见建议");
}

Status OpinionOfficeOnly() {
  return Status::Denied("only the performance office manages opinions")
      .Zh("只有绩效办可以处理意见建议");
}

// The opinion if the caller may see it, else NotFound.
Result<store::Opinion> OpinionFind(store::Store& store, const Caller& caller, int64_t id) {
  auto found = store.FindOpinion(id);
  if (!found.ok()) return found.status();
  if (!found->has_value() || !OpinionVisible(caller, **found)) return OpinionNotFound(id);
  return std::move(**found);
}

Status OpinionStillOpen(const store::Opinion& o) {
  if (o.state == "closed" || o.state == "dismissed") {
    return Status::Precondition("state: opinion " + std::to_string(o.id) + " is " + o.state)
        .Field("state")
        .Zh(std::string("state：该意见建议已") + (o.state == "closed" ? "办结" : "不予受理"));
  }
  return Status::Ok();
}

Result<store::Opinion> OpinionSave(store::Store& store, const Caller& caller,
                                   const store::Opinion& o) {
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.UpdateOpinion(o); }));
  return OpinionFind(store, caller, o.id);
}

// Only spaces (ASCII or the ideographic 　) and line breaks: no words at all.
bool OpinionBlank(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
      ++i;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

std::vector<sv::TopicRule> OpinionRules(const std::vector<store::OpinionTopic>& topics) {
  std::vector<sv::TopicRule> rules;
  rules.reserve(topics.size());
  for (const auto& t : topics) rules.push_back({t.id, t.keywords, t.lead_unit_id});
  return rules;
}

}  // namespace

Result<std::vector<store::OpinionTopic>> ListTopics(store::Store& store, const Caller& caller,
                                                    int year) {
  if (!OpinionSeesAll(caller) && caller.role != core::Role::kLead &&
      caller.role != core::Role::kUnit) {
    return Status::Denied(
        "opinion topics are read by the office, leaders, lead departments and units");
  }
  return store.ListOpinionTopics(year);
}

Status PutTopics(store::Store& store, const Caller& caller, int year,
                 const std::vector<store::OpinionTopic>& topics) {
  if (!OpinionOffice(caller)) return OpinionOfficeOnly();
  GOVPERF_RETURN_IF_ERROR(sv::CheckTopics(OpinionRules(topics)));
  Result<std::set<std::string>> units = YearUnitIds(store, year);
  if (!units.ok()) return units.status();
  for (size_t i = 0; i < topics.size(); ++i) {
    const std::string at = "topics[" + std::to_string(i) + "]";
    GOVPERF_RETURN_IF_ERROR(CheckText(at + ".name_zh", topics[i].name_zh, kMaxNameChars, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(at + ".name_en", topics[i].name_en, kMaxNameChars, false));
    if (!units->count(topics[i].lead_unit_id)) {
      return Status::Invalid(at + ".lead_unit_id: '" + topics[i].lead_unit_id +
                             "' is not a unit of " + std::to_string(year))
          .Field(at + ".lead_unit_id")
          .Zh(at + ".lead_unit_id：不是本年度的单位");
    }
  }
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.PutOpinionTopics(year, topics); });
}

Result<RouteReport> RouteOpinions(store::Store& store, const Caller& caller,
                                  const std::string& survey_id) {
  if (!OpinionOffice(caller)) return OpinionOfficeOnly();
  Result<std::optional<sv::Survey>> found = store.FindSurvey(survey_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("survey_id: unknown survey '" + survey_id + "'")
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  const sv::Survey& survey = **found;
  Result<std::set<std::string>> units = YearUnitIds(store, survey.year);
  if (!units.ok()) return units.status();
  Result<std::vector<store::OpinionTopic>> topics = store.ListOpinionTopics(survey.year);
  if (!topics.ok()) return topics.status();
  const std::vector<sv::TopicRule> rules = OpinionRules(*topics);
  std::map<std::string, const sv::Question*> by_id;
  std::vector<const sv::Question*> texts;
  for (const sv::Question& q : survey.questions) {
    by_id[q.id] = &q;
    if (q.kind == sv::QuestionKind::kText) texts.push_back(&q);
  }
  // Opinions already made (the store would skip them too: this keeps the
  // list handed to it, and the report, to the new ones).
  std::set<std::pair<int64_t, std::string>> existing;
  store::OpinionFilter page;
  page.survey_id = survey.id;
  page.limit = 1000;
  for (;;) {
    auto rows = store.ListOpinions(survey.year, page);
    if (!rows.ok()) return rows.status();
    for (const auto& o : *rows) existing.insert({o.response_id, o.question_id});
    if (rows->size() < static_cast<size_t>(page.limit)) break;
    page.after_id = rows->back().id;
  }

  RouteReport report;
  std::vector<store::Opinion> fresh;
  Status scan = store.ForEachResponse(survey.id, [&](const sv::Response& r) -> Status {
    if (r.status != sv::ResponseStatus::kAccepted) return Status::Ok();
    ++report.responses;
    for (const sv::Question* q : texts) {
      auto a = r.answers.find(q->id);
      if (a == r.answers.end() || a->second.text.empty()) continue;
      ++report.texts;
      if (existing.count({r.id, q->id})) continue;
      std::string unit = q->unit_id;
      if (unit.empty() && !q->unit_from.empty()) {
        auto chosen = r.answers.find(q->unit_from);
        if (chosen != r.answers.end()) {
          unit = chosen->second.text;
        } else if (auto src = by_id.find(q->unit_from);
                   src != by_id.end() && !src->second->margin.empty()) {
          // The invitation code fixed the cell (e.g. the district) instead.
          auto cell = r.cells.find(src->second->margin);
          if (cell != r.cells.end()) unit = cell->second;
        }
      }
      if (!units->count(unit)) unit.clear();
      const sv::OpinionRoute route = sv::RouteOpinion(a->second.text, unit, rules);
      store::Opinion o;
      o.year = survey.year;
      o.survey_id = survey.id;
      o.response_id = r.id;
      o.question_id = q->id;
      o.unit_id = route.unit_id;
      o.topic_id = route.topic_id;
      o.lead_unit_id = route.lead_unit_id;
      o.text = a->second.text;
      if (o.unit_id.empty()) ++report.unrouted;
      fresh.push_back(std::move(o));
    }
    return Status::Ok();
  });
  GOVPERF_RETURN_IF_ERROR(scan);
  if (fresh.empty()) return report;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    auto added = tx.AddOpinions(fresh);
    if (!added.ok()) return added.status();
    report.added = *added;
    return Status::Ok();
  }));
  return report;
}

Result<std::vector<store::Opinion>> ListOpinions(store::Store& store, const Caller& caller,
                                                 int year, const OpinionQuery& q) {
  if (q.limit < 1 || q.limit > 1000) {
    return Status::Invalid("limit: 1 to 1000").Field("limit").Zh("limit：须为 1 至 1000");
  }
  store::OpinionFilter f;
  f.survey_id = q.survey_id;
  f.unit_id = q.unit_id;
  f.state = q.state;
  f.after_id = q.after_id;
  f.limit = q.limit;
  if (!OpinionSeesAll(caller)) {
    if ((caller.role != core::Role::kLead && caller.role != core::Role::kUnit) ||
        caller.unit_id.empty()) {
      return Status::Denied("opinions are read by the office, leaders and the units concerned");
    }
    if (!q.unit_id.empty() && q.unit_id != caller.unit_id) {
      return Status::Denied("unit: only one's own unit's opinions")
          .Field("unit")
          .Zh("unit：只能查看本单位的意见建议");
    }
    f.unit_id = caller.unit_id;
  }
  auto rows = store.ListOpinions(year, f);
  if (!rows.ok()) return rows.status();
  std::vector<store::Opinion> out;
  for (auto& o : *rows) {
    if (OpinionVisible(caller, o)) out.push_back(std::move(o));
  }
  return out;
}

Result<store::Opinion> GetOpinion(store::Store& store, const Caller& caller, int64_t id) {
  return OpinionFind(store, caller, id);
}

Result<store::Opinion> AnswerOpinion(store::Store& store, const store::Clock& clock,
                                     const Caller& caller, int64_t id, const std::string& answer) {
  auto o = OpinionFind(store, caller, id);
  if (!o.ok()) return o.status();
  const bool own = !caller.unit_id.empty() &&
                   ((caller.role == core::Role::kUnit && o->unit_id == caller.unit_id) ||
                    (caller.role == core::Role::kLead &&
                     (o->unit_id == caller.unit_id || o->lead_unit_id == caller.unit_id)));
  if (!own) {
    return Status::Denied(
               "only the unit an opinion is about, or its topic's lead department, answers it")
        .Zh("只有意见建议所涉单位或主题牵头部门可以答复");
  }
  GOVPERF_RETURN_IF_ERROR(OpinionStillOpen(*o));
  GOVPERF_RETURN_IF_ERROR(CheckText("answer", answer, kMaxOpinionAnswer, true, true));
  o->answer = answer;
  o->answered_by = caller.username;
  o->answered_at = clock.NowUnix();
  o->state = "answered";
  return OpinionSave(store, caller, *o);
}

Result<store::Opinion> CloseOpinion(store::Store& store, const store::Clock& clock,
                                    const Caller& caller, int64_t id, const CloseRequest& r) {
  if (!OpinionOffice(caller)) return OpinionOfficeOnly();
  auto o = OpinionFind(store, caller, id);
  if (!o.ok()) return o.status();
  GOVPERF_RETURN_IF_ERROR(OpinionStillOpen(*o));
  GOVPERF_RETURN_IF_ERROR(CheckText("note", r.note, kMaxOpinionNote, false, true));
  if (o->answer.empty() && OpinionBlank(r.note) && !r.rectification) {
    return Status::Invalid("note: an unanswered opinion is closed with the office's note")
        .Field("note")
        .Zh("note：尚未答复的意见建议须填写办结说明");
  }
  store::Opinion next = *o;
  next.state = "closed";
  next.closed_by = caller.username;
  next.closed_at = clock.NowUnix();
  // The office's note, never the answer (guarantee 4): an unanswered
  // opinion stays unanswered, and the closure rate's "answered" counts
  // only the units' and lead departments' replies.
  next.note = r.note;
  if (!r.rectification) return OpinionSave(store, caller, next);

  // 整改: a rectification item for the unit, filed with the close in one write.
  if (next.unit_id.empty()) {
    return Status::Invalid(
               "unit_id: route the opinion to a unit before turning it into a rectification item")
        .Field("unit_id")
        .Zh("unit_id：请先将意见建议转交到具体单位，再转为整改事项");
  }
  auto year = store.FindYear(next.year);
  if (!year.ok()) return year.status();
  if (!year->has_value() || !(*year)->published()) {
    return Status::Precondition(
               "rectification: rectification items are filed for a published year; "
               "close the opinion with a note instead")
        .Field("rectification")
        .Zh("rectification：年度结果发布后才能转为整改事项，当前请填写说明后办结");
  }
  store::RectificationItem item;
  item.year = next.year;
  item.unit_id = next.unit_id;
  item.source = "opinion";
  item.opinion_id = std::to_string(next.id);
  item.problem = next.text;
  item.measure = r.rectification->measure;
  item.owner = r.rectification->owner;
  item.deadline = r.rectification->deadline;
  GOVPERF_RETURN_IF_ERROR(
      CheckText("rectification.measure", item.measure, kMaxTextChars, true, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("rectification.owner", item.owner, kMaxNameChars, true));
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    auto added = tx.AddRectificationItem(item);
    if (!added.ok()) {
      Status st = added.status();
      if (!st.field().empty()) st.Field("rectification." + st.field());
      return st;
    }
    next.rectification_id = *added;
    return tx.UpdateOpinion(next);
  }));
  return OpinionFind(store, caller, id);
}

Result<store::Opinion> DismissOpinion(store::Store& store, const store::Clock& clock,
                                      const Caller& caller, int64_t id, const std::string& reason) {
  if (!OpinionOffice(caller)) return OpinionOfficeOnly();
  auto o = OpinionFind(store, caller, id);
  if (!o.ok()) return o.status();
  GOVPERF_RETURN_IF_ERROR(OpinionStillOpen(*o));
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", reason, kMaxOpinionNote, true, true));
  if (OpinionBlank(reason)) {
    return Status::Invalid("reason: required, the reason for not accepting the opinion")
        .Field("reason")
        .Zh("reason：必填，请说明不予受理的理由");
  }
  // Any open opinion (routed, answered, or not yet routed to a unit); an
  // answer already given stays as it was, the reason is the office's note.
  o->state = "dismissed";
  o->note = reason;
  o->closed_at = clock.NowUnix();
  o->closed_by = caller.username;
  return OpinionSave(store, caller, *o);
}

Result<store::Opinion> RerouteOpinion(store::Store& store, const Caller& caller, int64_t id,
                                      const std::string& unit_id, const std::string& topic_id) {
  if (!OpinionOffice(caller)) return OpinionOfficeOnly();
  auto o = OpinionFind(store, caller, id);
  if (!o.ok()) return o.status();
  GOVPERF_RETURN_IF_ERROR(OpinionStillOpen(*o));
  auto units = YearUnitIds(store, o->year);
  if (!units.ok()) return units.status();
  if (!unit_id.empty() && !units->count(unit_id)) {
    return Status::Invalid("unit_id: '" + unit_id + "' is not a unit of " + std::to_string(o->year))
        .Field("unit_id")
        .Zh("unit_id：不是本年度的单位");
  }
  o->unit_id = unit_id;
  o->topic_id.clear();
  o->lead_unit_id.clear();
  if (!topic_id.empty()) {
    auto topics = store.ListOpinionTopics(o->year);
    if (!topics.ok()) return topics.status();
    bool known = false;
    for (const auto& t : *topics) {
      if (t.id != topic_id) continue;
      known = true;
      o->topic_id = t.id;
      o->lead_unit_id = t.lead_unit_id;
    }
    if (!known) {
      return Status::Invalid("topic_id: no topic '" + topic_id + "' in " + std::to_string(o->year))
          .Field("topic_id")
          .Zh("topic_id：没有这个主题");
    }
  }
  return OpinionSave(store, caller, *o);
}

Result<std::vector<ClosureRow>> OpinionSummary(store::Store& store, const Caller& caller, int year,
                                               bool public_view) {
  if (public_view) {
    auto y = store.FindYear(year);
    if (!y.ok()) return y.status();
    if (!y->has_value() || !(*y)->published()) {
      return Status::NotFound("year: " + std::to_string(year) + " is not published")
          .Field("year")
          .Zh("year：该年度尚未发布");
    }
  } else if (!OpinionSeesAll(caller) &&
             !((caller.role == core::Role::kLead || caller.role == core::Role::kUnit) &&
               !caller.unit_id.empty())) {
    return Status::Denied("closure rates are read by the office, leaders and the units concerned");
  }
  const bool all = public_view || OpinionSeesAll(caller);
  std::map<std::string, ClosureRow> rows;
  store::OpinionFilter page;
  page.limit = 1000;
  for (;;) {
    auto list = store.ListOpinions(year, page);
    if (!list.ok()) return list.status();
    for (const auto& o : *list) {
      if (o.state == "dismissed") continue;
      if (!all && o.unit_id != caller.unit_id) continue;
      ClosureRow& r = rows[o.unit_id];
      r.unit_id = o.unit_id;
      ++r.total;
      if (o.answered_at > 0) ++r.answered;
      if (o.state == "closed") ++r.closed;
    }
    if (list->size() < static_cast<size_t>(page.limit)) break;
    page.after_id = list->back().id;
  }
  std::vector<ClosureRow> out;
  for (auto& [unit, r] : rows) {
    r.closure_rate = static_cast<double>(r.closed) / static_cast<double>(r.total);
    out.push_back(r);
  }
  return out;
}

}  // namespace govperf::app::survey
