#include "app/result_use.h"

#include <cmath>
#include <set>

#include "app/limits.h"
#include "core/monitoring/calendar.h"

namespace govperf::app {
namespace {

constexpr size_t kMaxRuleChars = 500;
constexpr size_t kMaxOutcomeChars = 1000;
constexpr size_t kMaxReferenceChars = 100;
constexpr double kMaxCoefficient = 10;

Status BadField(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

Status CheckCoefficient(const std::string& field, const std::optional<double>& v) {
  if (v && (!std::isfinite(*v) || *v < 0 || *v > kMaxCoefficient)) {
    return BadField(field, "must be a number from 0 to 10", "应为 0 至 10 之间的数");
  }
  return Status::Ok();
}

// Is `code` a grade level of any category of the scheme?
bool IsGradeOf(const core::Scheme& s, const std::string& code) {
  for (const auto& c : s.categories) {
    for (const auto& g : c.grades) {
      if (g.code == code) return true;
    }
  }
  return false;
}

// A unit's standing in a year's result: total, rank of N, grade and its names
// (the fields ResultUseRow and UnitYearHistory share).
template <typename Row>
void FillStanding(const YearView& v, const core::UnitResult& r, Row& out) {
  out.total = r.total;
  out.rank = r.rank;
  out.category_size = v.CategorySize(r.category_id);
  out.grade = r.grade;
  if (const core::GradeLevel* g = v.Grade(r.category_id, r.grade)) {
    out.grade_zh = g->name_zh;
    out.grade_en = g->name_en;
  }
}

// The office, leaders and the program read every unit; anyone else (an
// assessed unit, a lead department) only its own unit.
bool ReadsAll(const Caller& caller) {
  return caller.role == core::Role::kAdmin || caller.role == core::Role::kLeader ||
         caller.role == core::Role::kSystem;
}

Status OwnUnitOnly(const Caller& caller, const std::string& unit_id) {
  if (!ReadsAll(caller) && caller.unit_id != unit_id) {
    return Status(Code::kPermissionDenied, "unit_id: a unit reads only its own results")
        .Field("unit_id")
        .Zh("unit_id：评估对象只能查看本单位的结果");
  }
  return Status::Ok();
}

}  // namespace

bool IsResultUseKind(const std::string& kind) {
  static const std::set<std::string> kKinds = {"bonus", "cadre", "budget", "accountability",
                                               "other"};
  return kKinds.count(kind) > 0;
}

Status SetResultUseRules(YearCache& years, store::Store& store, const Caller& caller, int year,
                         const std::vector<store::ResultUseRule>& rules) {
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  if (rules.size() > kMaxListItems) {
    return BadField("rules", "at most 1000 rows", "最多 1000 行");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < rules.size(); ++i) {
    const store::ResultUseRule& r = rules[i];
    const std::string row = "rules[" + std::to_string(i) + "]";
    if (!IsGradeOf(**scheme, r.grade)) {
      return BadField(
          row + ".grade",
          "'" + r.grade + "' is not a grade level of " + std::to_string(year) + "'s scheme",
          "'" + r.grade + "' 不是 " + std::to_string(year) + " 年度方案的评估等次");
    }
    if (!seen.insert(r.grade).second) {
      return BadField(row + ".grade", "'" + r.grade + "' appears twice",
                      "'" + r.grade + "' 重复出现");
    }
    GOVPERF_RETURN_IF_ERROR(CheckCoefficient(row + ".bonus_coefficient", r.bonus_coefficient));
    GOVPERF_RETURN_IF_ERROR(CheckText(row + ".cadre", r.cadre, kMaxRuleChars, false, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(row + ".budget", r.budget, kMaxRuleChars, false, true));
    GOVPERF_RETURN_IF_ERROR(
        CheckText(row + ".accountability", r.accountability, kMaxRuleChars, false, true));
  }
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.PutResultUseRules(year, rules); });
}

Result<store::ResultUseRecord> RecordResultUse(YearCache& years, store::Store& store,
                                               const Caller& caller, int year,
                                               const ResultUseInput& in) {
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (!info->published()) {
    const std::string ys = std::to_string(year);
    return Status(Code::kFailedPrecondition,
                  "year: " + ys + " is not published: only a published result is used")
        .Field("year")
        .Zh("year：" + ys + " 年度结果尚未发布，不能运用");
  }
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  bool known = false;
  for (const auto& u : (*scheme)->units) known = known || u.id == in.unit_id;
  if (!known) {
    return Status::NotFound("unit_id: no unit '" + in.unit_id + "' in " + std::to_string(year))
        .Field("unit_id")
        .Zh("unit_id：" + std::to_string(year) + " 年度没有单位 '" + in.unit_id + "'");
  }
  if (!IsResultUseKind(in.kind)) {
    return BadField("kind", "must be bonus, cadre, budget, accountability or other",
                    "应为 bonus、cadre、budget、accountability 或 other");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("outcome", in.outcome, kMaxOutcomeChars, true, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("reference", in.reference, kMaxReferenceChars, false));
  GOVPERF_RETURN_IF_ERROR(CheckCoefficient("coefficient", in.coefficient));
  if (!in.decided_on.empty() && !core::monitoring::ParseDate(in.decided_on)) {
    return BadField("decided_on", "'" + in.decided_on + "' is not a date YYYY-MM-DD",
                    "'" + in.decided_on + "' 不是日期 YYYY-MM-DD");
  }
  store::ResultUseRecord r;
  r.year = year;
  r.unit_id = in.unit_id;
  r.kind = in.kind;
  r.outcome = in.outcome;
  r.coefficient = in.coefficient;
  r.reference = in.reference;
  r.decided_on = in.decided_on;
  Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) {
    auto id = tx.AddResultUseRecord(r);
    if (id.ok()) r.id = *id;
    return id.status();
  });
  if (!st.ok()) return st;
  auto stored = store.ListResultUseRecords(year, in.unit_id);
  if (!stored.ok()) return stored.status();
  for (const auto& s : *stored) {
    if (s.id == r.id) return s;
  }
  return Status::Internal("result use record " + std::to_string(r.id) + " not found after writing");
}

Result<ResultUseOverview> GetResultUse(YearCache& years, store::Store& store, const Caller& caller,
                                       int year) {
  auto view = years.View(year);
  if (!view.ok()) return view.status();
  const YearView& v = **view;
  ResultUseOverview out;
  out.year = year;
  out.published = v.info.published();
  auto rules = store.LoadResultUseRules(year);
  if (!rules.ok()) return rules.status();
  out.rules = std::move(*rules);
  const bool unit = !ReadsAll(caller);
  auto records = store.ListResultUseRecords(year, unit ? caller.unit_id : "");
  if (!records.ok()) return records.status();
  for (const core::UnitResult& r : v.result.units) {
    if (unit && r.unit_id != caller.unit_id) continue;
    ResultUseRow row;
    row.unit_id = r.unit_id;
    row.category_id = r.category_id;
    if (auto u = v.units.find(r.unit_id); u != v.units.end()) {
      row.name_zh = u->second->name_zh;
      row.name_en = u->second->name_en;
    }
    FillStanding(v, r, row);
    for (const auto& rule : out.rules) {
      if (rule.grade == r.grade) row.suggested = rule;
    }
    for (const auto& rec : *records) {
      if (rec.unit_id == r.unit_id) row.records.push_back(rec);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<UnitYearHistory>> GetUnitHistory(YearCache& years, store::Store& store,
                                                    const Caller& caller,
                                                    const std::string& unit_id) {
  GOVPERF_RETURN_IF_ERROR(OwnUnitOnly(caller, unit_id));
  auto all = years.Years();
  if (!all.ok()) return all.status();
  auto records = store.ListResultUseRecords(0, unit_id);
  if (!records.ok()) return records.status();
  std::vector<UnitYearHistory> out;
  for (const store::YearInfo& info : *all) {
    if (!info.published()) continue;
    auto view = years.View(info.year);
    if (!view.ok()) return view.status();
    auto it = (*view)->unit_results.find(unit_id);
    if (it == (*view)->unit_results.end()) continue;
    const core::UnitResult& r = *it->second;
    UnitYearHistory h;
    h.year = info.year;
    FillStanding(**view, r, h);
    for (const auto& rec : *records) {
      if (rec.year == info.year) h.records.push_back(rec);
    }
    out.push_back(std::move(h));
  }
  if (out.empty()) {
    return Status::NotFound("unit_id: unit '" + unit_id + "' has no published result")
        .Field("unit_id")
        .Zh("unit_id：单位 '" + unit_id + "' 没有已发布的结果");
  }
  return out;
}

}  // namespace govperf::app
