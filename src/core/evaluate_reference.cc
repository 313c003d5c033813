// See evaluate_reference.h. This is the evaluator as it was before the
// optimised engine (evaluator.cc): keep it obviously correct rather than fast.
#include "core/evaluate_reference.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <unordered_map>

#include "core/grading.h"
#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core {
namespace {

constexpr double kWeightTolerance = 1e-6;

bool AppliesTo(const Indicator& ind, const Unit& u) {
  if (!ind.unit_ids.empty()) {
    return std::find(ind.unit_ids.begin(), ind.unit_ids.end(), u.id) != ind.unit_ids.end();
  }
  return std::find(ind.category_ids.begin(), ind.category_ids.end(), u.category_id) !=
         ind.category_ids.end();
}

struct PairHash {
  size_t operator()(const UnitIndicatorKey& k) const {
    return std::hash<std::string>()(k.first) * 31 + std::hash<std::string>()(k.second);
  }
};

}  // namespace

Result<YearResult> ReferenceEvaluate(const Scheme& scheme, const YearData& data,
                                     const EvaluateOptions& options) {
  GOVPERF_RETURN_IF_ERROR(ValidateScheme(scheme));

  // Leaves, in scheme order.
  std::set<std::string> parents;
  for (const auto& ind : scheme.indicators) {
    if (!ind.parent_id.empty()) parents.insert(ind.parent_id);
  }
  std::vector<const Indicator*> leaves;
  for (const auto& ind : scheme.indicators) {
    if (!parents.count(ind.id)) leaves.push_back(&ind);
  }

  // Year-end values: period "YYYY"; with options.provisional, the latest
  // monthly value "YYYY-MM" stands in where no year-end value exists.
  const std::string year_period = std::to_string(scheme.year);
  const std::string previous_period = std::to_string(scheme.year - 1);
  std::unordered_map<UnitIndicatorKey, const Datum*, PairHash> datum, latest_month;
  std::unordered_map<UnitIndicatorKey, double, PairHash> previous;
  for (const auto& d : data.values) {
    if (d.value && !std::isfinite(*d.value)) {
      return Status::Invalid("value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                             "): not finite");
    }
    if (d.period == year_period) {
      datum[{d.indicator_id, d.unit_id}] = &d;
    } else if (d.period == previous_period) {
      if (d.value && !d.no_data) previous[{d.indicator_id, d.unit_id}] = *d.value;
    } else if (options.provisional && d.value && d.period.size() == 7 &&
               d.period.compare(0, 4, year_period) == 0) {
      const Datum*& m = latest_month[{d.indicator_id, d.unit_id}];
      if (m == nullptr || d.period > m->period) m = &d;
    }
  }
  std::unordered_map<std::string, const Indicator*> indicator_by_id;
  for (const auto& ind : scheme.indicators) indicator_by_id[ind.id] = &ind;
  std::vector<std::unique_ptr<Datum>> projected;  // provisional stand-ins, owned here
  for (const auto& [key, m] : latest_month) {
    auto it = datum.find(key);
    if (it != datum.end() && (it->second->no_data || it->second->value)) continue;
    auto ind = indicator_by_id.find(key.first);
    if (ind == indicator_by_id.end()) continue;
    const int month = std::stoi(m->period.substr(5, 2));
    if (month < 1 || month > 12) continue;
    auto d = std::make_unique<Datum>(*m);
    if (ind->second->cumulative) *d->value = *m->value * 12.0 / month;
    datum[key] = d.get();
    projected.push_back(std::move(d));
  }
  auto reported = [&](const Indicator* ind, const std::string& unit) -> const Datum* {
    auto it = datum.find({ind->id, unit});
    if (it == datum.end() || it->second->no_data || !it->second->value) return nullptr;
    return it->second;
  };

  YearResult result;
  result.year = scheme.year;

  for (const Category& cat : scheme.categories) {
    std::vector<const Unit*> members;
    for (const auto& u : scheme.units) {
      if (u.category_id == cat.id) members.push_back(&u);
    }
    // Peer values per leaf within this category.
    std::unordered_map<std::string, std::vector<double>> peers, previous_peers;
    for (const Indicator* ind : leaves) {
      auto& v = peers[ind->id];
      auto& pv = previous_peers[ind->id];
      for (const Unit* u : members) {
        if (!AppliesTo(*ind, *u)) continue;
        if (const Datum* d = reported(ind, u->id)) v.push_back(*d->value);
        if (auto p = previous.find({ind->id, u->id}); p != previous.end()) pv.push_back(p->second);
      }
    }

    std::vector<UnitResult> rows;
    std::vector<GradeInput> grade_in;
    for (const Unit* u : members) {
      UnitResult r;
      r.unit_id = u->id;
      r.category_id = cat.id;
      double possible = 0, earned = 0;
      for (const Indicator* ind : leaves) {
        if (!AppliesTo(*ind, *u)) continue;
        IndicatorScore s;
        s.indicator_id = ind->id;
        s.points = ind->points;
        s.method = ind->method;
        auto t = scheme.targets.find({ind->id, u->id});
        if (t != scheme.targets.end()) s.target = t->second;
        auto dit = datum.find({ind->id, u->id});
        const Datum* d = dit == datum.end() ? nullptr : dit->second;
        if (d) {
          s.entered_by = d->entered_by;
          s.approved_by = d->approved_by;
          s.period = d->period;
          s.provisional = d->period != year_period;
        }
        if (d && d->no_data) {
          s.status = ScoreStatus::kNoData;
          s.rule = "declared no data: excluded from the unit's base";
          s.rule_zh = "申报无数据：不计入该单位基数";
        } else if (!d || !d->value) {
          s.status = ScoreStatus::kMissing;
          s.rule = "not reported: 0 points";
          s.rule_zh = "未报送：得0分";
          possible += ind->points;
        } else {
          s.actual = *d->value;
          scoring::MethodInput in{
              ind, s.target, *d->value, &peers[ind->id], std::nullopt, &previous_peers[ind->id]};
          if (auto p = previous.find({ind->id, u->id}); p != previous.end())
            in.previous = p->second;
          auto out = scoring::FindMethod(ind->method)->fn(in);
          if (!out.ok()) {
            return Status::Invalid("unit " + u->id + ", " + out.status().message());
          }
          s.earned = ind->points * out->share;
          s.rule = out->rule + " × " + scoring::Num(ind->points) + " points";
          s.rule_zh = out->rule_zh + " × " + scoring::Num(ind->points) + "分";
          if (s.provisional) {
            const std::string month = d->period.substr(5, 2);
            if (ind->cumulative) {
              s.rule = "provisional: year to date " + d->period + " projected ×12/" + month +
                       " = " + scoring::Num(*d->value) + "; " + s.rule;
              s.rule_zh = "预估：截至" + d->period + "累计值按全年折算×12/" + month + " = " +
                          scoring::Num(*d->value) + "；" + s.rule_zh;
            } else {
              s.rule = "provisional: value of " + d->period + "; " + s.rule;
              s.rule_zh = "预估：采用" + d->period + "监测值；" + s.rule_zh;
            }
          }
          possible += ind->points;
          earned += s.earned;
        }
        r.indicators.push_back(std::move(s));
      }
      r.indicator_score = possible > 0 ? earned / possible * 100.0 : 0.0;
      if (std::any_of(r.indicators.begin(), r.indicators.end(),
                      [](const IndicatorScore& s) { return s.provisional; })) {
        r.notes.push_back("provisional: scored on monitoring data of a year in progress");
        r.notes_zh.push_back("预估结果：依据年度进行中的监测数据计算");
      }

      // Three-in-one composite; a component not yet available (e.g. the survey
      // of a year in progress) is left out and the remaining weights rescaled,
      // so a provisional total stays on the 0..100 scale. Noted on the unit.
      double wsum = cat.weights.indicator, total = cat.weights.indicator * r.indicator_score;
      auto add_component = [&](const std::map<std::string, double>& m, double w, double& field,
                               const char* en, const char* zh) {
        auto it = m.find(u->id);
        if (it == m.end()) {
          if (w > 0) {
            r.notes.push_back(std::string(en) + " not available: weights rescaled");
            r.notes_zh.push_back(std::string(zh) + "暂无：按其余权重折算");
          }
          return;
        }
        field = it->second;
        total += w * field;
        wsum += w;
      };
      add_component(data.satisfaction, cat.weights.satisfaction, r.satisfaction, "satisfaction",
                    "社会满意度");
      add_component(data.leadership, cat.weights.leadership, r.leadership, "leadership evaluation",
                    "领导评价");
      // Rescale only when a component is missing, so complete results are the
      // plain weighted sum (no rounding noise from dividing by ~1).
      if (std::fabs(wsum - 1.0) > kWeightTolerance) total = wsum > 0 ? total / wsum : 0.0;

      // Bonus and deduction (加减分) with caps; veto (一票否决).
      double bonus = 0, deduction = 0;
      VetoEffect veto_effect = VetoEffect::kCapQualified;
      for (const Adjustment& a : data.adjustments) {
        if (a.unit_id != u->id) continue;
        AppliedAdjustment applied{
            a.id, AdjustmentKindName(a.kind), 0, a.reason_zh, a.reason_en, a.approved_by};
        if (a.kind == AdjustmentKind::kBonus) {
          applied.points = std::max(0.0, std::min(a.points, cat.bonus_cap - bonus));
          bonus += applied.points;
        } else if (a.kind == AdjustmentKind::kDeduction) {
          const double p = std::max(0.0, std::min(a.points, cat.deduction_cap - deduction));
          deduction += p;
          applied.points = -p;
        } else {
          if (!r.vetoed || a.veto_effect == VetoEffect::kFixLowest) veto_effect = a.veto_effect;
          r.vetoed = true;
        }
        r.adjustments.push_back(std::move(applied));
      }
      r.bonus = bonus;
      r.deduction = deduction;
      r.total = total + bonus - deduction;
      grade_in.push_back(
          {u->id, r.total, r.indicator_score, r.satisfaction, r.vetoed, veto_effect});
      rows.push_back(std::move(r));
    }

    auto graded = RankAndGrade(grade_in, cat.grades);
    for (size_t i = 0; i < rows.size(); ++i) {
      rows[i].rank = graded[i].rank;
      rows[i].grade = graded[i].grade;
      rows[i].grade_notes = std::move(graded[i].notes);
      rows[i].grade_notes_zh = std::move(graded[i].notes_zh);
    }
    std::sort(rows.begin(), rows.end(), [](const UnitResult& a, const UnitResult& b) {
      return a.rank != b.rank ? a.rank < b.rank : a.unit_id < b.unit_id;
    });
    for (auto& r : rows) result.units.push_back(std::move(r));
  }
  return result;
}

}  // namespace govperf::core
