#include "app/survey/review.h"

#include <algorithm>
#include <tuple>

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;

bool OfficeReads(const Caller& c) {
  return c.role == core::Role::kAdmin || c.role == core::Role::kLeader ||
         c.role == core::Role::kSystem;
}

Status Denied() {
  return Status(Code::kPermissionDenied, "only the performance office reviews survey responses")
      .Zh("只有绩效办可以复核答卷");
}

Result<sv::Survey> Find(store::Store& store, const std::string& id) {
  Result<std::optional<sv::Survey>> s = store.FindSurvey(id);
  if (!s.ok()) return s.status();
  if (!s->has_value()) {
    return Status::NotFound("survey_id: unknown survey '" + id + "'")
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  return std::move(**s);
}

}  // namespace

Result<std::vector<sv::Response>> ListResponses(store::Store& store, const Caller& caller,
                                                const std::string& survey_id,
                                                std::optional<sv::ResponseStatus> status,
                                                int64_t after_id, int limit) {
  if (!OfficeReads(caller)) return Denied();
  Result<sv::Survey> s = Find(store, survey_id);
  if (!s.ok()) return s.status();
  return store.ListResponses(survey_id, status, std::max<int64_t>(0, after_id),
                             std::clamp(limit, 1, kMaxResponsePage));
}

Status ReviewResponse(store::Store& store, const Caller& caller, const std::string& survey_id,
                      int64_t response_id, sv::ResponseStatus decision, const std::string& note) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) return Denied();
  return store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.ReviewResponse(survey_id, response_id, decision, note);
  });
}

Result<Fieldwork> FieldworkProgress(store::Store& store, const Caller& caller,
                                    const std::string& survey_id) {
  if (!OfficeReads(caller)) return Denied();
  Result<sv::Survey> found = Find(store, survey_id);
  if (!found.ok()) return found.status();
  const sv::Survey& s = *found;
  Fieldwork f;
  f.survey_id = s.id;
  f.status = sv::SurveyStatusName(s.status);
  std::map<std::string, GroupProgress> groups;
  for (const sv::Group& g : s.groups) groups[g.id].group_id = g.id;
  // Counted by the database (aggregates over indexes): a survey with a
  // million responses is a few hundred count rows here, never the rows.
  Result<store::FieldworkCounts> counts = store.CountFieldwork(s.id);
  if (!counts.ok()) return counts.status();
  for (const store::FieldworkCounts::ByGroup& c : counts->groups) {
    GroupProgress& g = groups[c.group_id];
    g.group_id = c.group_id;
    if (c.status == "accepted") {
      f.accepted += c.count;
      g.accepted += c.count;
    } else if (c.status == "flagged") {
      f.flagged += c.count;
      g.flagged += c.count;
    } else if (c.status == "rejected") {
      f.rejected += c.count;
      g.rejected += c.count;
    }
  }
  // (group, variable, level) → accepted
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> cells;
  for (const store::FieldworkCounts::ByCell& c : counts->cells) {
    cells[{c.group_id, c.variable, c.level}] = c.count;
    f.cells.push_back({c.group_id, c.variable, c.level, 0, c.count});
  }
  for (const sv::Group& g : s.groups) f.groups.push_back(groups[g.id]);
  for (const auto& [id, g] : groups) {
    bool listed = false;
    for (const sv::Group& d : s.groups) listed = listed || d.id == id;
    if (!listed) f.groups.push_back(g);  // a group no longer in the definition
  }
  for (const sv::Quota& q : s.quotas) {
    auto it = cells.find({q.group_id, q.variable, q.level});
    f.quotas.push_back(
        {q.group_id, q.variable, q.level, q.target, it == cells.end() ? 0 : it->second});
  }
  return f;
}

}  // namespace govperf::app::survey
