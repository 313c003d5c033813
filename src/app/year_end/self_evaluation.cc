#include "app/year_end/self_evaluation.h"

#include <map>
#include <set>

#include "app/limits.h"
#include "app/year_end/context.h"
#include "app/year_end/notices.h"

namespace govperf::app::year_end {

bool MayRead(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id) {
  switch (caller.role) {
    case core::Role::kAdmin:
    case core::Role::kLeader:
    case core::Role::kSystem:
      return true;
    case core::Role::kLead:
      return !caller.unit_id.empty() &&
             (leaf.lead_unit_id == caller.unit_id || unit_id == caller.unit_id);
    case core::Role::kUnit:
      return !caller.unit_id.empty() && unit_id == caller.unit_id;
    default:
      return false;
  }
}

Result<SelfEvaluationListing> List(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const SelfEvaluationFilter& filter) {
  if (!filter.state.empty() && filter.state != "due" && filter.state != "submitted" &&
      filter.state != "scored") {
    return Status::Invalid("state: must be due, submitted or scored").Field("state");
  }
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  auto filed = store.ListSelfEvaluations(year);
  if (!filed.ok()) return filed.status();
  std::map<std::pair<std::string, std::string>, store::SelfEvaluation> by_key;
  for (auto& e : *filed) by_key[{e.indicator_id, e.unit_id}] = std::move(e);
  std::set<std::string> parents;
  for (const auto& i : (*scheme)->indicators) parents.insert(i.parent_id);
  SelfEvaluationListing out;
  out.scheme = *scheme;
  for (const core::Indicator& leaf : out.scheme->indicators) {
    if (parents.count(leaf.id)) continue;
    if (!filter.indicator_id.empty() && leaf.id != filter.indicator_id) continue;
    if (filter.led && (caller.unit_id.empty() || leaf.lead_unit_id != caller.unit_id)) continue;
    for (const core::Unit& unit : out.scheme->units) {
      if (!IsAssessed(leaf, unit)) continue;
      if (!filter.unit_id.empty() && unit.id != filter.unit_id) continue;
      if (!MayRead(caller, leaf, unit.id)) continue;
      SelfEvaluationRow row;
      row.leaf = &leaf;
      row.unit = &unit;
      auto t = out.scheme->targets.find({leaf.id, unit.id});
      if (t != out.scheme->targets.end()) row.target = t->second;
      auto f = by_key.find({leaf.id, unit.id});
      if (f != by_key.end()) row.filed = f->second;
      row.office_scores = leaf.lead_unit_id.empty() || leaf.lead_unit_id == unit.id;
      if (!filter.state.empty() && row.State() != filter.state) continue;
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

namespace {

Status RequireOwn(const Caller& caller, const std::string& unit_id) {
  if (IsOwnUnit(caller, unit_id)) return Status::Ok();
  return Status::Denied("unit_id: a unit files only its own self-evaluations, not " + unit_id +
                        "'s")
      .Field("unit_id")
      .Zh("unit_id：只能填报本单位的自评，不能填报 " + unit_id + " 的");
}

Status NotOnceScored(const store::SelfEvaluation& e) {
  if (!e.scored) return Status::Ok();
  return Status(Code::kFailedPrecondition, "self_evaluation: " + e.indicator_id + "/" + e.unit_id +
                                               " is already scored by the lead department")
      .Field("self_evaluation")
      .Zh("self_evaluation：牵头单位已评分，不能再修改自评");
}

}  // namespace

Result<store::SelfEvaluation> Submit(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, const SelfEvaluationInput& in) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto c = ResolveLeaf(years, year, in.indicator_id, in.unit_id);
  if (!c.ok()) return c.status();
  GOVPERF_RETURN_IF_ERROR(RequireOwn(caller, in.unit_id));
  if (in.no_data && in.value) {
    return Status::Invalid("value: must be null when no_data is true")
        .Field("value")
        .Zh("value：声明无数据（no_data）时必须为 null");
  }
  if (!in.no_data && !in.value) {
    return Status::Invalid("value: a self-evaluation needs a value or no_data: true")
        .Field("value")
        .Zh("value：须填写年终数值或声明无数据（no_data）");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("text", in.text, kMaxTextChars, true, true));
  auto old = store.FindSelfEvaluation(year, in.indicator_id, in.unit_id);
  if (!old.ok()) return old.status();
  store::SelfEvaluation e;
  if (old->has_value()) {
    e = **old;
    GOVPERF_RETURN_IF_ERROR(NotOnceScored(e));
  }
  e.year = year;
  e.indicator_id = in.indicator_id;
  e.unit_id = in.unit_id;
  e.value = in.no_data ? std::nullopt : in.value;
  e.no_data = in.no_data;
  e.text = in.text;
  e.submissions += 1;
  e.submitted_by = caller.username;
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  const auto scorers = ScorersOf(*users, *c->leaf, in.unit_id);
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutSelfEvaluation(e));
    return NotifySelfSubmitted(tx, scorers, year, in.indicator_id, in.unit_id);
  }));
  auto saved = store.FindSelfEvaluation(year, in.indicator_id, in.unit_id);
  if (!saved.ok()) return saved.status();
  return **saved;
}

Result<store::EvidenceRef> AddEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const std::string& indicator_id,
                                       const std::string& unit_id, const std::string& file_name,
                                       const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto c = ResolveLeaf(years, year, indicator_id, unit_id);
  if (!c.ok()) return c.status();
  GOVPERF_RETURN_IF_ERROR(RequireOwn(caller, unit_id));
  GOVPERF_RETURN_IF_ERROR(CheckEvidence(file_name, bytes));
  auto old = store.FindSelfEvaluation(year, indicator_id, unit_id);
  if (!old.ok()) return old.status();
  if (!old->has_value() || (*old)->submissions == 0) {
    return Status::NotFound("self_evaluation: submit the self-evaluation before its evidence")
        .Field("self_evaluation")
        .Zh("self_evaluation：请先提交自评，再上传佐证材料");
  }
  GOVPERF_RETURN_IF_ERROR(NotOnceScored(**old));
  store::EvidenceRef ref;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    auto r = StoreEvidence(tx, caller, file_name, bytes);
    if (!r.ok()) return r.status();
    ref = *r;
    return tx.AttachYearEndEvidence(year, "self:" + indicator_id + "/" + unit_id, ref);
  }));
  return ref;
}

Result<monitoring::EvidenceDownload> GetEvidence(YearCache& years, store::Store& store,
                                                 const Caller& caller, int year,
                                                 const std::string& indicator_id,
                                                 const std::string& unit_id,
                                                 const std::string& sha256) {
  auto c = ResolveLeaf(years, year, indicator_id, unit_id);
  if (!c.ok()) return c.status();
  if (!MayRead(caller, *c->leaf, unit_id)) {
    return Status::Denied("self_evaluation: not yours to read").Zh("无权查看该单位的自评");
  }
  auto e = store.FindSelfEvaluation(year, indicator_id, unit_id);
  if (!e.ok()) return e.status();
  if (e->has_value()) {
    // Only through a self-evaluation that holds the file: the hash alone opens nothing.
    for (const store::EvidenceRef& r : (*e)->evidence) {
      if (r.sha256 != sha256) continue;
      auto f = store.LoadEvidence(sha256);
      if (!f.ok()) return f.status();
      return monitoring::EvidenceDownload{std::move(*f), r.file_name};
    }
  }
  return Status::NotFound("sha256: the self-evaluation has no such file").Field("sha256");
}

}  // namespace govperf::app::year_end
