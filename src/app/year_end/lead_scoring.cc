#include "app/year_end/lead_scoring.h"

#include "app/limits.h"
#include "app/monitoring/inbox.h"
#include "app/year_end/context.h"
#include "app/year_end/notices.h"
#include "core/evaluate.h"
#include "store/scoring_input.h"

namespace govperf::app::year_end {
namespace {

// The leaf's lead department, except on its own unit; the office any.
Status MayScore(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem) return Status::Ok();
  if (caller.role != core::Role::kLead || caller.unit_id.empty() ||
      leaf.lead_unit_id != caller.unit_id) {
    return Status::Denied("indicator " + leaf.id + " is not led by your unit")
        .Zh("指标 " + leaf.id + " 不由本单位牵头考核，不能评分");
  }
  if (unit_id == caller.unit_id) {
    return Status::Denied("conflict of interest: " + unit_id + " leads indicator " + leaf.id +
                          " and is assessed on it; the office scores its own value")
        .Zh("利益回避：本单位既牵头考核指标 " + leaf.id + " 又是其评估对象，由绩效办评分");
  }
  return Status::Ok();
}

}  // namespace

Result<LeafScore> LeafScoreWith(YearCache& years, store::Store& store, int year,
                                const std::string& indicator_id, const std::string& unit_id,
                                std::optional<double> value, bool no_data) {
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  auto data = store::LoadYearDataForScoring(store, year);
  if (!data.ok()) return data.status();
  const std::string period = std::to_string(year);
  std::erase_if(data->values, [&](const core::Datum& d) {
    return d.indicator_id == indicator_id && d.unit_id == unit_id && d.period == period;
  });
  core::Datum d;
  d.indicator_id = indicator_id;
  d.unit_id = unit_id;
  d.period = period;
  d.value = no_data ? std::nullopt : value;
  d.no_data = no_data;
  data->values.push_back(d);
  // Final scoring (not provisional): the year-end value is what counts.
  auto result = core::Evaluate(**scheme, *data, core::EvaluateOptions{});
  if (!result.ok()) {
    return Status::Invalid("value: " + result.status().message())
        .Field("value")
        .Zh("value：按该值无法计分（" + result.status().message() + "）");
  }
  for (const core::UnitResult& u : result->units) {
    if (u.unit_id != unit_id) continue;
    for (const core::IndicatorScore& s : u.indicators) {
      if (s.indicator_id == indicator_id) return LeafScore{s.earned, s.points};
    }
  }
  return Status::Internal("leaf score of " + indicator_id + "/" + unit_id + " not in the result");
}

Result<PreparedScore> PrepareScore(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const ScoreInput& in) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto c = ResolveLeaf(years, year, in.indicator_id, in.unit_id);
  if (!c.ok()) return c.status();
  GOVPERF_RETURN_IF_ERROR(MayScore(caller, *c->leaf, in.unit_id));
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", in.reason, kMaxTextChars, false, true));
  if (in.no_data && in.value) {
    return Status::Invalid("value: must be null when no_data is true").Field("value");
  }
  auto old = store.FindSelfEvaluation(year, in.indicator_id, in.unit_id);
  if (!old.ok()) return old.status();
  PreparedScore p;
  if (old->has_value()) p.row = **old;
  p.row.year = year;
  p.row.indicator_id = in.indicator_id;
  p.row.unit_id = in.unit_id;
  const bool qualitative = c->leaf->method == "qualitative";
  std::optional<double> value = in.value;
  bool no_data = in.no_data;
  if (!value && !no_data) {
    // Confirm the unit's claim; a qualitative grade is always set explicitly.
    if (qualitative || !old->has_value() || (*old)->submissions == 0) {
      return Status::Invalid(qualitative
                                 ? "grade: a qualitative leaf needs a grade (1 = A .. 4 = D)"
                                 : "value: nothing filed to confirm; give the value")
          .Field(qualitative ? "grade" : "value")
          .Zh(qualitative ? "grade：定性指标须评定等次（1=A … 4=D）"
                          : "value：单位未提交自评，请填写核定值");
    }
    value = (*old)->value;
    no_data = (*old)->no_data;
  }
  auto score = LeafScoreWith(years, store, year, in.indicator_id, in.unit_id, value, no_data);
  if (!score.ok()) {
    if (qualitative && score.status().field() == "value") {
      return Status::Invalid("grade: must be 1 (A) .. 4 (D)")
          .Field("grade")
          .Zh("grade：定性等次应为 1（A）至 4（D）");
    }
    return score.status();
  }
  const bool needs_reason = qualitative || no_data || !score->full();
  if (needs_reason && in.reason.empty()) {
    const std::string why = qualitative ? "a qualitative grade"
                            : no_data   ? "a no-data decision"
                                        : "a result below the leaf's full points (" +
                                            std::to_string(score->earned) + " of " +
                                            std::to_string(score->points) + ")";
    return Status::Invalid("reason: required for " + why)
        .Field("reason")
        .Zh(std::string("reason：") + (qualitative ? "定性评价须说明评定理由"
                                       : no_data   ? "认定无数据须说明理由"
                                                 : "得分低于该指标满分，须说明扣分理由"));
  }
  p.row.scored = true;
  p.row.scored_value = no_data ? std::nullopt : value;
  p.row.scored_no_data = no_data;
  p.row.reason = in.reason;
  p.row.earned = score->earned;
  p.row.points = score->points;
  p.row.scored_by = caller.username;
  p.datum.indicator_id = in.indicator_id;
  p.datum.unit_id = in.unit_id;
  p.datum.period = std::to_string(year);
  p.datum.value = p.row.scored_value;
  p.datum.no_data = no_data;
  p.datum.entered_by = p.row.submitted_by.empty() ? caller.username : p.row.submitted_by;
  p.datum.approved_by = caller.username;
  p.datum.note = in.reason.empty() ? p.row.text : in.reason;
  p.score = *score;
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  p.notify = monitoring::UsersOfUnit(*users, in.unit_id);
  return p;
}

Status WriteScore(store::WriteTx& tx, int year, const PreparedScore& p) {
  GOVPERF_RETURN_IF_ERROR(tx.PutSelfEvaluation(p.row));
  // The values path: the year's data version moves and scores follow.
  GOVPERF_RETURN_IF_ERROR(tx.PutDatum(year, p.datum));
  return NotifyScored(tx, p.notify, year, p.row);
}

Result<store::SelfEvaluation> Score(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const ScoreInput& in) {
  auto p = PrepareScore(years, store, caller, year, in);
  if (!p.ok()) return p.status();
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return WriteScore(tx, year, *p); }));
  auto saved = store.FindSelfEvaluation(year, in.indicator_id, in.unit_id);
  if (!saved.ok()) return saved.status();
  return **saved;
}

}  // namespace govperf::app::year_end
