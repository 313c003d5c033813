#include "app/publication/appeals.h"

#include <algorithm>
#include <set>

#include "app/limits.h"
#include "core/evaluate.h"

namespace govperf::app::publication {

namespace {

Status Denied(const std::string& field, const std::string& en, const std::string& zh) {
  return Status(Code::kPermissionDenied, field + ": " + en).Field(field).Zh(field + "：" + zh);
}

Result<store::Appeal> FindAppeal(store::Store& store, int year, int64_t id) {
  auto all = store.ListAppeals(year);
  if (!all.ok()) return all.status();
  for (auto& a : *all) {
    if (a.id == id) return std::move(a);
  }
  const std::string ref = std::to_string(year) + "/" + std::to_string(id);
  return Status::NotFound("id: no appeal " + ref).Field("id").Zh("id：没有申诉 " + ref);
}

// The year's data with the appeal's correction applied.
core::YearData Corrected(const YearView& view, const store::Appeal& a) {
  core::YearData data = view.scoring_data();
  const std::string period = std::to_string(view.info.year);
  if (a.kind == "indicator") {
    bool found = false;
    for (core::Datum& d : data.values) {
      if (d.indicator_id == a.indicator_id && d.unit_id == a.unit_id && d.period == period) {
        d.value = a.claimed_value;
        d.no_data = false;
        found = true;
      }
    }
    if (!found) {
      core::Datum d;
      d.indicator_id = a.indicator_id;
      d.unit_id = a.unit_id;
      d.period = period;
      d.value = a.claimed_value;
      data.values.push_back(std::move(d));
    }
  } else {
    std::erase_if(data.adjustments,
                  [&](const core::Adjustment& x) { return x.id == a.adjustment_id; });
  }
  return data;
}

}  // namespace

Result<store::Appeal> FileAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, const AppealInput& in, const Date& today) {
  const std::string ys = std::to_string(year);
  if (caller.role != core::Role::kUnit && caller.role != core::Role::kLead &&
      caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Denied("unit_id", "only an assessed unit (or the office on its behalf) appeals",
                  "只有评估对象（或绩效办代为）可以申诉");
  }
  if ((caller.role == core::Role::kUnit || caller.role == core::Role::kLead) &&
      in.unit_id != caller.unit_id) {
    return Denied("unit_id", "a unit appeals only its own scores", "只能对本单位的得分申诉");
  }
  auto view = years.View(year);
  if (!view.ok()) return view.status();
  if ((*view)->info.stage != core::Stage::kPreliminary) {
    return Status(Code::kFailedPrecondition, "year: year " + ys + " is not in 公示: no appeals")
        .Field("year")
        .Zh(ys + " 年度不在公示期，不受理申诉");
  }
  auto window = LatestWindow(store, year);
  if (!window.ok()) return window.status();
  if (!window->has_value() || !WindowOpen(**window, today)) {
    const std::string end = window->has_value() ? (*window)->end_date : "";
    return Status(Code::kFailedPrecondition,
                  "year: the 公示 window " + (end.empty() ? "is not open" : "closed on " + end) +
                      ": appeals are no longer accepted")
        .Field("year")
        .Zh("公示期已结束（" + end + "），不再受理申诉");
  }
  if (!(*view)->units.count(in.unit_id)) {
    return Status::NotFound("unit_id: no unit '" + in.unit_id + "' in year " + ys)
        .Field("unit_id")
        .Zh("unit_id：" + ys + " 年度没有该单位");
  }
  store::Appeal a;
  a.year = year;
  a.unit_id = in.unit_id;
  a.kind = in.kind;
  a.reason = in.reason;
  a.evidence = in.evidence;
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", in.reason, kMaxTextChars, true, true));
  if (in.evidence.size() > 20) {
    return Status::Invalid("evidence: at most 20 files").Field("evidence");
  }
  if (in.kind == "indicator") {
    auto it = (*view)->indicators.find(in.indicator_id);
    if (it == (*view)->indicators.end() || !(*view)->IsLeaf(in.indicator_id)) {
      return Status::NotFound("indicator_id: no leaf indicator '" + in.indicator_id + "' in year " +
                              ys)
          .Field("indicator_id")
          .Zh("indicator_id：" + ys + " 年度没有该末级指标");
    }
    if (!IsAssessed(*it->second, *(*view)->units.at(in.unit_id))) {
      return Status::Invalid("indicator_id: unit " + in.unit_id + " is not assessed on " +
                             in.indicator_id)
          .Field("indicator_id")
          .Zh("indicator_id：该单位不考核此指标");
    }
    if (!in.claimed_value) {
      return Status::Invalid("claimed_value: the value the unit claims is required")
          .Field("claimed_value")
          .Zh("claimed_value：请填写申诉主张的数值");
    }
    a.indicator_id = in.indicator_id;
    a.claimed_value = in.claimed_value;
  } else if (in.kind == "adjustment") {
    const core::YearData& data = (*view)->data();
    auto adj = std::find_if(data.adjustments.begin(), data.adjustments.end(),
                            [&](const core::Adjustment& x) { return x.id == in.adjustment_id; });
    if (adj == data.adjustments.end()) {
      return Status::NotFound("adjustment_id: no adjustment '" + in.adjustment_id + "' in year " +
                              ys)
          .Field("adjustment_id")
          .Zh("adjustment_id：没有该加减分项");
    }
    if (adj->unit_id != in.unit_id) {
      return Denied("adjustment_id", "the adjustment is against another unit",
                    "该加减分项不属于本单位");
    }
    if (adj->kind == core::AdjustmentKind::kBonus) {
      return Status::Invalid("adjustment_id: a bonus is not appealed (only a deduction or veto)")
          .Field("adjustment_id")
          .Zh("adjustment_id：加分项不能申诉，只能对扣分或一票否决申诉");
    }
    a.adjustment_id = in.adjustment_id;
  } else {
    return Status::Invalid("kind: expected indicator or adjustment")
        .Field("kind")
        .Zh("kind：应为 indicator 或 adjustment");
  }
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.AddAppeal(a); }));
  return a;
}

Result<store::Appeal> AnswerAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, int64_t id, const std::string& answer) {
  auto a = FindAppeal(store, year, id);
  if (!a.ok()) return a.status();
  GOVPERF_RETURN_IF_ERROR(CheckText("answer", answer, kMaxTextChars, true, true));
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    bool leads = false;
    if (caller.role == core::Role::kLead && a->kind == "indicator") {
      auto scheme = years.Scheme(year);
      if (!scheme.ok()) return scheme.status();
      for (const auto& ind : (*scheme)->indicators) {
        if (ind.id == a->indicator_id) leads = ind.lead_unit_id == caller.unit_id;
      }
    }
    // 利益回避: a department does not answer an appeal of its own unit.
    if (!leads || a->unit_id == caller.unit_id) {
      return Denied("id",
                    "only the lead department of the indicator (or the office) answers; "
                    "adjustments are answered by the office",
                    "只有该指标的牵头考核单位（或绩效办）可以答复；加减分项由绩效办答复");
    }
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.AnswerAppeal(year, id, answer); }));
  return FindAppeal(store, year, id);
}

Result<KnockOn> KnockOnOf(YearCache& years, store::Store& store, int year, int64_t id) {
  auto a = FindAppeal(store, year, id);
  if (!a.ok()) return a.status();
  auto view = years.View(year);
  if (!view.ok()) return view.status();
  const YearView& v = **view;
  // The same evaluation as the year's results, on the corrected data.
  auto after = core::Evaluate(v.scheme, Corrected(v, *a), EvaluateOptionsFor(v.info));
  if (!after.ok()) return after.status();
  KnockOn k;
  k.appeal = *a;
  k.changes = core::CompareResults(v.result, *after, &v.scheme, &v.scheme);
  if (auto it = v.unit_results.find(a->unit_id); it != v.unit_results.end()) {
    k.total_before = it->second->total;
    k.rank_before = it->second->rank;
    k.grade_before = it->second->grade;
  }
  for (const core::UnitResult& u : after->units) {
    if (u.unit_id != a->unit_id) continue;
    k.total_after = u.total;
    k.rank_after = u.rank;
    k.grade_after = u.grade;
  }
  return k;
}

Result<store::Appeal> DecideAppeal(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, int64_t id, bool uphold, const std::string& reason) {
  (void)years;
  auto a = FindAppeal(store, year, id);
  if (!a.ok()) return a.status();
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextChars, true, true));
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Denied("id", "only the office decides an appeal", "只有绩效办可以决定申诉");
  }
  const std::string ref = std::to_string(year) + "/" + std::to_string(id);
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    // The store refuses a second decision inside this transaction.
    GOVPERF_RETURN_IF_ERROR(tx.DecideAppeal(year, id, uphold, reason));
    if (!uphold) return Status::Ok();
    if (a->kind == "indicator") {
      core::Datum d;
      d.indicator_id = a->indicator_id;
      d.unit_id = a->unit_id;
      d.period = std::to_string(year);
      d.value = a->claimed_value;
      d.entered_by = a->filed_by;
      d.approved_by = caller.username;
      d.note = "申诉 " + ref + " 维持 upheld";
      return tx.PutDatum(year, d);
    }
    return tx.DeleteAdjustment(year, a->adjustment_id);
  }));
  return FindAppeal(store, year, id);
}

Result<std::vector<store::Appeal>> ListAppeals(YearCache& years, store::Store& store,
                                               const Caller& caller, int year) {
  auto all = store.ListAppeals(year);
  if (!all.ok()) return all.status();
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kLeader ||
      caller.role == core::Role::kSystem) {
    return all;
  }
  std::set<std::string> led;
  if (caller.role == core::Role::kLead) {
    auto scheme = years.Scheme(year);
    if (scheme.ok()) {
      for (const auto& ind : (*scheme)->indicators) {
        if (ind.lead_unit_id == caller.unit_id) led.insert(ind.id);
      }
    }
  }
  std::vector<store::Appeal> out;
  for (auto& a : *all) {
    const bool own = !caller.unit_id.empty() && a.unit_id == caller.unit_id;
    const bool leads = a.kind == "indicator" && led.count(a.indicator_id);
    if (own || leads) out.push_back(std::move(a));
  }
  return out;
}

Result<int> UndecidedAppeals(store::Store& store, int year) {
  auto all = store.ListAppeals(year);
  if (!all.ok()) return all.status();
  int n = 0;
  for (const auto& a : *all) n += a.decided() ? 0 : 1;
  return n;
}

}  // namespace govperf::app::publication
