#include "app/year_inputs.h"

#include <algorithm>

#include "app/limits.h"
#include "core/period.h"
#include "store/codec.h"
#include "store/password.h"

namespace govperf::app {
namespace {

constexpr double kMaxAdjustmentPoints = 100;
constexpr size_t kMaxInputs = 20;
constexpr size_t kAdjustmentIdHex = 12;

}  // namespace

Status PutValue(YearCache& years, store::Store& store, const Caller& caller, int year,
                core::Datum datum) {
  const std::string ys = std::to_string(year);
  if (!core::ParsePeriodOfYear(datum.period, year, false).ok()) {
    return Status::Invalid("period: expected '" + ys + "' (year end) or '" + ys +
                           "-MM' (month), got '" + datum.period + "'")
        .Field("period")
        .Zh("period：应为 '" + ys + "'（年终）或 '" + ys + "-MM'（月度），实际为 '" + datum.period +
            "'");
  }
  if (datum.no_data && datum.value) {
    return Status::Invalid("value: must be null when no_data is true")
        .Field("value")
        .Zh("value：声明无数据（no_data）时必须为 null");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("note", datum.note, kMaxTextChars, false, true));
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (info->published()) {
    return Status(Code::kFailedPrecondition,
                  "year " + ys + " is published: its values can no longer change")
        .Zh(ys + " 年度结果已公布，数据不可再修改");
  }
  auto scheme_or = years.Scheme(year);
  if (!scheme_or.ok()) return scheme_or.status();
  const core::Scheme& scheme = **scheme_or;
  const core::Indicator* ind = nullptr;
  bool has_children = false;
  for (const core::Indicator& i : scheme.indicators) {
    if (i.id == datum.indicator_id) ind = &i;
    if (i.parent_id == datum.indicator_id) has_children = true;
  }
  if (!ind || has_children) {
    return Status::NotFound("indicator_id: no leaf indicator '" + datum.indicator_id + "' in " + ys)
        .Field("indicator_id")
        .Zh("indicator_id：" + ys + " 年度没有末级指标 '" + datum.indicator_id + "'");
  }
  const core::Unit* unit = nullptr;
  for (const core::Unit& u : scheme.units) {
    if (u.id == datum.unit_id) unit = &u;
  }
  if (!unit) {
    return Status::NotFound("unit_id: no unit '" + datum.unit_id + "' in " + ys)
        .Field("unit_id")
        .Zh("unit_id：" + ys + " 年度没有单位 '" + datum.unit_id + "'");
  }
  // A lead department writes the indicators it leads; the office any.
  const bool may_write_any =
      caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem;
  if (!may_write_any && (caller.unit_id.empty() || ind->lead_unit_id != caller.unit_id)) {
    return Status::Denied("indicator " + ind->id + " is not led by your unit")
        .Zh("指标 " + ind->id + " 不由本单位牵头考核");
  }
  if (!IsAssessed(*ind, *unit)) {
    return Status::Invalid("unit_id: unit " + unit->id + " is not assessed on indicator " + ind->id)
        .Field("unit_id")
        .Zh("unit_id：单位 " + unit->id + " 不考核指标 " + ind->id);
  }
  datum.entered_by = caller.username;
  return store.PutDatum(caller.actor(), year, datum);
}

Result<store::ComponentScores> PutScores(store::Store& store, const Caller& caller, int year,
                                         const ScoresPatch& patch) {
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", patch.unit_id));
  // The unit's row only: a province year holds millions of values.
  auto current = store.LoadComponentScores(year, patch.unit_id);
  if (!current.ok()) return current.status();
  store::ComponentScores s = *current;
  s.unit_id = patch.unit_id;
  if (patch.satisfaction.present) s.satisfaction = patch.satisfaction.value;
  if (patch.satisfaction_se.present) s.satisfaction_se = patch.satisfaction_se.value;
  if (patch.leadership.present) s.leadership = patch.leadership.value;
  // 手工录入: only a changed satisfaction is a hand entry (see the header).
  const bool hand_entry =
      s.satisfaction != current->satisfaction || s.satisfaction_se != current->satisfaction_se;
  // The scores first, so a bad number is named before a source clash; a
  // refused source rolls the scores back with it (one transaction).
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    GOVPERF_RETURN_IF_ERROR(tx.PutComponentScores(year, s));
    if (!hand_entry) return Status::Ok();
    return tx.SetManualSatisfactionSource(year, patch.unit_id, !s.satisfaction.has_value(),
                                          patch.replace);
  }));
  return s;
}

Status PutUnitInputs(store::Store& store, const Caller& caller, int year,
                     const std::string& unit_id, const std::map<std::string, double>& inputs) {
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", unit_id));
  if (inputs.size() > kMaxInputs) {
    return Status::Invalid("inputs: at most 20 inputs per unit").Field("inputs");
  }
  for (const auto& [name, v] : inputs) {
    const bool ok = !name.empty() && name.size() <= kMaxIdChars &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                    });
    if (!ok) {
      return Status::Invalid("inputs: name '" + name + "' must be 1..32 of a-z, 0-9, '_'")
          .Field("inputs");
    }
  }
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.PutUnitInputs(year, unit_id, inputs); });
}

Result<core::Adjustment> AddAdjustment(store::Store& store, const Caller& caller, int year,
                                       const AdjustmentInput& in) {
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", in.unit_id));
  auto kind = core::ParseAdjustmentKind(in.kind);
  if (!kind) {
    return Status::Invalid("kind: must be bonus, deduction or veto")
        .Field("kind")
        .Zh("kind：应为 bonus（加分）、deduction（减分）或 veto（一票否决）");
  }
  core::Adjustment a;
  a.kind = *kind;
  if (a.kind == core::AdjustmentKind::kVeto) {
    a.points = 0;
    auto effect = store::ParseVetoEffect(in.veto_effect.empty() ? "cap_qualified" : in.veto_effect);
    if (!effect) {
      return Status::Invalid("veto_effect: must be cap_qualified or fix_lowest")
          .Field("veto_effect");
    }
    a.veto_effect = *effect;
  } else {
    if (!(in.points > 0 && in.points <= kMaxAdjustmentPoints)) {
      return Status::Invalid("points: must be greater than 0 and at most 100")
          .Field("points")
          .Zh("points：分值应大于 0 且不超过 100");
    }
    a.points = in.points;
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("reason_zh", in.reason_zh, kMaxTextChars, true, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("reason_en", in.reason_en, kMaxTextChars, false, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("evidence", in.evidence, kMaxTextChars, false, true));
  a.id = "adj-" + store::NewToken().substr(0, kAdjustmentIdHex);
  a.unit_id = in.unit_id;
  a.reason_zh = in.reason_zh;
  a.reason_en = in.reason_en;
  a.evidence = in.evidence;
  a.entered_by = caller.username;
  a.approved_by = caller.username;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutAdjustment(year, a); }));
  return a;
}

Status DeleteAdjustment(store::Store& store, const Caller& caller, int year,
                        const std::string& id) {
  GOVPERF_RETURN_IF_ERROR(CheckId("id", id));
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.DeleteAdjustment(year, id); });
}

}  // namespace govperf::app
