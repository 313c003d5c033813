// The engine on generated province years (demo/province.h):
//  - core::Evaluate equals the straightforward ReferenceEvaluate field by field;
//  - core::Evaluator, after random single changes (values that move ranks and
//    grades, missing and no-data values, monthly values of a year in progress,
//    last year's values, satisfaction, leadership, adjustments), equals a full
//    Evaluate of the changed data field by field (a property test).
// Doubles are compared exactly: the engine promises the same bits.
#include "core/evaluator.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/evaluate.h"
#include "core/evaluate_reference.h"
#include "demo/province.h"
#include "demo/rng.h"

namespace govperf {
namespace {

using core::YearResult;

// First difference between two results, or "" when equal.
std::string Diff(const YearResult& a, const YearResult& b) {
  std::ostringstream out;
  if (a.year != b.year) return "year";
  if (a.units.size() != b.units.size()) return "units.size";
  for (size_t i = 0; i < a.units.size(); ++i) {
    const core::UnitResult& x = a.units[i];
    const core::UnitResult& y = b.units[i];
    const std::string at = "units[" + std::to_string(i) + "] (" + x.unit_id + "/" + y.unit_id + ")";
#define GOVPERF_SAME(f) \
  if (!(x.f == y.f)) return at + "." #f;
    GOVPERF_SAME(unit_id)
    GOVPERF_SAME(category_id)
    GOVPERF_SAME(indicator_score)
    GOVPERF_SAME(satisfaction)
    GOVPERF_SAME(leadership)
    GOVPERF_SAME(bonus)
    GOVPERF_SAME(deduction)
    GOVPERF_SAME(vetoed)
    GOVPERF_SAME(total)
    GOVPERF_SAME(rank)
    GOVPERF_SAME(grade)
    GOVPERF_SAME(grade_notes)
    GOVPERF_SAME(grade_notes_zh)
    GOVPERF_SAME(notes)
    GOVPERF_SAME(notes_zh)
    GOVPERF_SAME(indicators.size())
    GOVPERF_SAME(adjustments.size())
#undef GOVPERF_SAME
    for (size_t k = 0; k < x.indicators.size(); ++k) {
      const core::IndicatorScore& p = x.indicators[k];
      const core::IndicatorScore& q = y.indicators[k];
      const std::string iat = at + ".indicators[" + p.indicator_id + "]";
#define GOVPERF_SAME(f) \
  if (!(p.f == q.f)) return iat + "." #f;
      GOVPERF_SAME(indicator_id)
      GOVPERF_SAME(points)
      GOVPERF_SAME(earned)
      GOVPERF_SAME(status)
      GOVPERF_SAME(target)
      GOVPERF_SAME(actual)
      GOVPERF_SAME(method)
      if (p.rule != q.rule) return iat + ".rule: '" + p.rule + "' vs '" + q.rule + "'";
      GOVPERF_SAME(rule_zh)
      GOVPERF_SAME(entered_by)
      GOVPERF_SAME(approved_by)
      GOVPERF_SAME(period)
      GOVPERF_SAME(provisional)
#undef GOVPERF_SAME
    }
    for (size_t k = 0; k < x.adjustments.size(); ++k) {
      const core::AppliedAdjustment& p = x.adjustments[k];
      const core::AppliedAdjustment& q = y.adjustments[k];
      if (p.id != q.id || p.kind != q.kind || p.points != q.points || p.reason_zh != q.reason_zh ||
          p.reason_en != q.reason_en || p.approved_by != q.approved_by) {
        return at + ".adjustments[" + std::to_string(k) + "]";
      }
    }
  }
  return "";
}

TEST(ProvinceYear, HasEveryMethodMonthlyDataAndIsDeterministic) {
  demo::GeneratedYear a = demo::ProvinceYear(60, 40, 7);
  demo::GeneratedYear b = demo::ProvinceYear(60, 40, 7);
  ASSERT_TRUE(core::ValidateScheme(a.scheme).ok()) << core::ValidateScheme(a.scheme).ToString();
  std::set<std::string> methods, periods;
  for (const auto& i : a.scheme.indicators) {
    if (!i.method.empty()) methods.insert(i.method);
  }
  for (const auto& d : a.data.values) periods.insert(d.period);
  EXPECT_EQ(methods.size(), 9u);   // the whole registry
  EXPECT_EQ(periods.size(), 14u);  // year-end, last year, 12 months
  EXPECT_EQ(a.scheme.units.size(), 60u);
  ASSERT_EQ(a.data.values.size(), b.data.values.size());
  for (size_t i = 0; i < a.data.values.size(); ++i) {
    ASSERT_EQ(a.data.values[i].value, b.data.values[i].value);
  }
  auto r = core::Evaluate(a.scheme, a.data);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> grades;
  for (const auto& u : r->units) grades.insert(u.grade);
  EXPECT_GE(grades.size(), 3u);
}

struct Shape {
  int units, leaves;
  bool provisional, year_end;
  int months;
};

class EngineEqualsReference : public ::testing::TestWithParam<Shape> {};

TEST_P(EngineEqualsReference, FieldByField) {
  const Shape sh = GetParam();
  demo::ProvinceOptions o;
  o.units = sh.units;
  o.leaves = sh.leaves;
  o.seed = 11;
  o.months = sh.months;
  o.year_end = sh.year_end;
  demo::GeneratedYear y = demo::ProvinceYear(o);
  core::EvaluateOptions eo;
  eo.provisional = sh.provisional;
  auto ref = core::ReferenceEvaluate(y.scheme, y.data, eo);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  for (int threads : {1, 2}) {
    eo.threads = threads;
    auto fast = core::Evaluate(y.scheme, y.data, eo);
    ASSERT_TRUE(fast.ok()) << fast.status().ToString();
    EXPECT_EQ(Diff(*ref, *fast), "") << "threads " << threads;
  }
  auto ev = core::Evaluator::Create(y.scheme, y.data, eo);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ(Diff(*ref, ev->result()), "");
}

INSTANTIATE_TEST_SUITE_P(Shapes, EngineEqualsReference,
                         ::testing::Values(Shape{120, 40, false, true, 12},
                                           Shape{120, 40, true, true, 12},
                                           Shape{150, 60, true, false, 7},
                                           // Large enough for the two-thread path.
                                           Shape{400, 150, false, true, 3}));

// The test's own copy of the data, changed the plain way.
class DataCopy {
 public:
  explicit DataCopy(core::YearData d) : data(std::move(d)) {
    for (size_t i = 0; i < data.values.size(); ++i) index_[Key(data.values[i])] = i;
  }
  void Set(const core::Datum& d) {
    auto it = index_.find(Key(d));
    if (it != index_.end()) {
      data.values[it->second] = d;
    } else {
      index_[Key(d)] = data.values.size();
      data.values.push_back(d);
    }
  }
  void Remove(const std::string& ind, const std::string& unit, const std::string& period) {
    auto it = index_.find({ind, unit, period});
    if (it == index_.end()) return;
    const size_t i = it->second;
    index_.erase(it);
    if (i + 1 != data.values.size()) {
      data.values[i] = std::move(data.values.back());
      index_[Key(data.values[i])] = i;
    }
    data.values.pop_back();
  }
  const core::Datum* Find(const std::string& ind, const std::string& unit,
                          const std::string& period) const {
    auto it = index_.find({ind, unit, period});
    return it == index_.end() ? nullptr : &data.values[it->second];
  }
  void SetAdjustments(const std::string& unit, const std::vector<core::Adjustment>& adj) {
    std::erase_if(data.adjustments, [&](const core::Adjustment& a) { return a.unit_id == unit; });
    data.adjustments.insert(data.adjustments.end(), adj.begin(), adj.end());
  }
  std::vector<core::Adjustment> AdjustmentsOf(const std::string& unit) const {
    std::vector<core::Adjustment> out;
    for (const auto& a : data.adjustments) {
      if (a.unit_id == unit) out.push_back(a);
    }
    return out;
  }

  core::YearData data;

 private:
  using K = std::tuple<std::string, std::string, std::string>;
  static K Key(const core::Datum& d) { return {d.indicator_id, d.unit_id, d.period}; }
  std::map<K, size_t> index_;
};

struct PropertyShape {
  bool provisional, year_end;
  int months;
  uint64_t seed;
};

class IncrementalEqualsFull : public ::testing::TestWithParam<PropertyShape> {};

TEST_P(IncrementalEqualsFull, AfterRandomSingleChanges) {
  const PropertyShape sh = GetParam();
  demo::ProvinceOptions o;
  o.units = 90;
  o.leaves = 40;
  o.seed = sh.seed;
  o.months = sh.months;
  o.year_end = sh.year_end;
  demo::GeneratedYear y = demo::ProvinceYear(o);
  const core::Scheme& scheme = y.scheme;
  core::EvaluateOptions eo;
  eo.provisional = sh.provisional;
  DataCopy copy(y.data);
  auto created = core::Evaluator::Create(scheme, copy.data, eo);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  core::Evaluator ev = std::move(created).value();

  // Leaves and who is assessed on them, from the first evaluation.
  std::vector<std::pair<std::string, std::string>> pairs;  // (indicator, unit)
  std::map<std::string, const core::Indicator*> ind_by_id;
  for (const auto& i : scheme.indicators) ind_by_id[i.id] = &i;
  for (const auto& u : ev.result().units) {
    for (const auto& s : u.indicators) pairs.push_back({s.indicator_id, u.unit_id});
  }
  // Leaves whose method refuses some values (grades 1..4, counts ≥ 0).
  std::vector<std::pair<std::string, std::string>> refusable;
  for (const auto& p : pairs) {
    const std::string& m = ind_by_id.at(p.first)->method;
    if (m == "qualitative" || m == "deduction") refusable.push_back(p);
  }
  ASSERT_FALSE(refusable.empty());
  const std::string year = std::to_string(scheme.year), prev = std::to_string(scheme.year - 1);
  demo::Rng r(sh.seed, "property");
  int grade_changes = 0, rank_changes = 0, rejected = 0;
  YearResult before;
  constexpr int kChanges = 200;
  for (int step = 0; step < kChanges; ++step) {
    const auto& [ind_id, unit_id] = pairs[r.Index(static_cast<int>(pairs.size()))];
    const core::Indicator& ind = *ind_by_id.at(ind_id);
    std::string what;
    Status st = Status::Ok();
    std::optional<core::Datum> attempted;  // a refused datum, to check Evaluate refuses it too
    std::string expect_unit = unit_id;
    const int kind = r.Index(12);
    // A new value for this leaf: around the current one, sometimes far off
    // (to move ranks and grades), integral where the method wants it.
    auto new_value = [&](const std::string& period) {
      const core::Datum* cur = copy.Find(ind_id, unit_id, period);
      double v = cur && cur->value ? *cur->value : 50;
      v *= r.Uniform01() < 0.3 ? r.Uniform(0.2, 3.0) : r.Uniform(0.9, 1.1);
      if (ind.method == "qualitative") v = 1 + r.Index(4);
      if (ind.method == "deduction") v = r.Index(6);
      return std::round(v * 100) / 100;
    };
    if (kind <= 3 || (kind == 4 && !sh.provisional)) {  // a year-end value
      core::Datum d;
      d.indicator_id = ind_id;
      d.unit_id = unit_id;
      d.period = year;
      d.entered_by = "tester" + std::to_string(r.Index(3));
      if (r.Uniform01() < 0.5) d.approved_by = "checker";
      d.value = new_value(year);
      if (r.Uniform01() < 0.05) {
        d.no_data = true;
        d.value.reset();
      } else if (r.Uniform01() < 0.05) {
        d.value.reset();  // a datum without value: missing
      }
      what = "year-end " + ind_id + "/" + unit_id;
      st = ev.SetDatum(d);
      if (st.ok()) copy.Set(d);
      attempted = d;
    } else if (kind == 4) {  // a monthly value of the year in progress
      const int m = 1 + r.Index(12);
      char period[16];
      std::snprintf(period, sizeof period, "%s-%02d", year.c_str(), m);
      core::Datum d;
      d.indicator_id = ind_id;
      d.unit_id = unit_id;
      d.period = period;
      d.entered_by = "monthly";
      if (r.Uniform01() > 0.2) d.value = new_value(period);
      what = std::string("month ") + period + " " + ind_id + "/" + unit_id;
      st = ev.SetDatum(d);
      if (st.ok()) copy.Set(d);
    } else if (kind == 5) {  // a datum removed (year-end or a month)
      std::string period = year;
      if (sh.provisional && r.Uniform01() < 0.5) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s-%02d", year.c_str(), sh.months);
        period = buf;  // the latest month: the stand-in falls back a month
      }
      what = "remove " + period + " " + ind_id + "/" + unit_id;
      st = ev.RemoveDatum(ind_id, unit_id, period);
      if (st.ok()) copy.Remove(ind_id, unit_id, period);
    } else if (kind == 6) {  // last year's value
      core::Datum d;
      d.indicator_id = ind_id;
      d.unit_id = unit_id;
      d.period = prev;
      if (r.Uniform01() < 0.8) d.value = new_value(prev);
      what = "previous " + ind_id + "/" + unit_id;
      st = ev.SetDatum(d);
      if (st.ok()) copy.Set(d);
    } else if (kind == 7) {  // satisfaction
      std::optional<double> v;
      if (r.Uniform01() < 0.9) v = std::round(r.Uniform(40, 100) * 100) / 100;
      what = "satisfaction " + unit_id;
      st = ev.SetSatisfaction(unit_id, v);
      if (st.ok()) {
        if (v) {
          copy.data.satisfaction[unit_id] = *v;
        } else {
          copy.data.satisfaction.erase(unit_id);
        }
      }
    } else if (kind == 8) {  // leadership
      std::optional<double> v;
      if (r.Uniform01() < 0.9) v = std::round(r.Uniform(40, 100) * 100) / 100;
      what = "leadership " + unit_id;
      st = ev.SetLeadership(unit_id, v);
      if (st.ok()) {
        if (v) {
          copy.data.leadership[unit_id] = *v;
        } else {
          copy.data.leadership.erase(unit_id);
        }
      }
    } else if (kind == 9) {  // adjustments: add one, or clear them
      std::vector<core::Adjustment> adj = copy.AdjustmentsOf(unit_id);
      if (r.Uniform01() < 0.2) {
        adj.clear();
      } else {
        core::Adjustment a;
        a.id = "T" + std::to_string(step);
        a.unit_id = unit_id;
        const int k = r.Index(3);
        a.kind = k == 0   ? core::AdjustmentKind::kBonus
                 : k == 1 ? core::AdjustmentKind::kDeduction
                          : core::AdjustmentKind::kVeto;
        a.points = std::round(r.Uniform(0.5, 4) * 10) / 10;
        if (r.Uniform01() < 0.5) a.veto_effect = core::VetoEffect::kFixLowest;
        a.reason_en = "test";
        adj.push_back(a);
      }
      what = "adjustments " + unit_id;
      st = ev.SetAdjustments(unit_id, adj);
      if (st.ok()) copy.SetAdjustments(unit_id, adj);
    } else if (kind == 10) {  // a value its method refuses
      const auto& [bad_ind, bad_unit] = refusable[r.Index(static_cast<int>(refusable.size()))];
      core::Datum d;
      d.indicator_id = bad_ind;
      d.unit_id = bad_unit;
      d.period = year;
      d.value = ind_by_id.at(bad_ind)->method == "qualitative" ? 7 : -3;
      what = "refusable " + bad_ind + "/" + bad_unit;
      expect_unit = bad_unit;
      st = ev.SetDatum(d);
      if (st.ok()) copy.Set(d);
      attempted = d;
    } else {  // a datum the year does not score: nothing may change
      core::Datum d;
      d.indicator_id = r.Uniform01() < 0.5 ? "no-such-leaf" : ind_id;
      d.unit_id = unit_id;
      d.period = r.Uniform01() < 0.5 ? "1999" : year;
      if (d.indicator_id == ind_id) d.indicator_id = ind.parent_id;  // an inner node
      d.value = 1;
      what = "ignored " + d.indicator_id + "/" + d.period;
      st = ev.SetDatum(d);
      if (st.ok()) copy.Set(d);
    }

    auto full = core::Evaluate(scheme, copy.data, eo);
    if (!st.ok()) {
      // Refused: a full evaluation of the changed data fails the same way,
      // and the evaluator still holds the result of the unchanged data.
      ++rejected;
      ASSERT_TRUE(attempted.has_value()) << st.ToString();
      DataCopy scratch(copy.data);
      scratch.Set(*attempted);
      auto refused = core::Evaluate(scheme, scratch.data, eo);
      ASSERT_FALSE(refused.ok()) << what;
      EXPECT_EQ(refused.status().message(), st.message());
      EXPECT_NE(st.message().find(expect_unit), std::string::npos) << st.ToString();
      ASSERT_TRUE(full.ok());
      ASSERT_EQ(Diff(*full, ev.result()), "") << "step " << step << " after refused " << what;
      continue;
    }
    ASSERT_TRUE(full.ok()) << full.status().ToString() << " after " << what;
    if (step > 0) {
      for (size_t i = 0; i < before.units.size(); ++i) {
        if (before.units[i].unit_id != full->units[i].unit_id) ++rank_changes;
        if (before.units[i].grade != full->units[i].grade) ++grade_changes;
      }
    }
    before = *full;
    ASSERT_EQ(Diff(*full, ev.result()), "") << "step " << step << " after " << what;
  }
  // The property is only worth something if changes did move ranks and grades.
  EXPECT_GT(rank_changes, 0);
  EXPECT_GT(grade_changes, 0);
  EXPECT_GT(rejected, 0);
}

INSTANTIATE_TEST_SUITE_P(Years, IncrementalEqualsFull,
                         ::testing::Values(PropertyShape{false, true, 12, 1},
                                           PropertyShape{true, true, 12, 2},
                                           PropertyShape{true, false, 8, 3},
                                           PropertyShape{true, false, 12, 4}));

TEST(Evaluator, RefusesDuplicateKeysAndOddMonths) {
  demo::GeneratedYear y = demo::ProvinceYear(20, 20, 5);
  core::YearData dup = y.data;
  dup.values.push_back(dup.values.front());
  EXPECT_TRUE(core::Evaluate(y.scheme, dup).ok());  // Evaluate accepts what it always did
  auto ev = core::Evaluator::Create(y.scheme, dup);
  ASSERT_FALSE(ev.ok());
  EXPECT_NE(ev.status().message().find("more than one datum"), std::string::npos);

  core::YearData odd = y.data;
  core::Datum d = odd.values.front();
  d.period = std::to_string(y.scheme.year) + "-13";
  d.value = 1;
  odd.values.push_back(d);
  core::EvaluateOptions prov;
  prov.provisional = true;
  EXPECT_FALSE(core::Evaluator::Create(y.scheme, odd, prov).ok());
  EXPECT_TRUE(core::Evaluator::Create(y.scheme, odd).ok());  // months unused when final
}

// On a large year the scheme is validated on a second thread while the
// engine indexes and loads: a broken scheme must still give exactly the
// validation error (never a crash from indexing it), with one thread or two.
TEST(Evaluator, BrokenLargeSchemeGivesTheValidationError) {
  demo::GeneratedYear y = demo::ProvinceYear(240, 200, 3);  // above the parallel threshold
  auto breakers = std::vector<std::function<void(core::Scheme&)>>{
      [](core::Scheme& s) { s.units[7].category_id = "no-such-category"; },
      [](core::Scheme& s) {
        for (auto& ind : s.indicators) {
          if (!ind.category_ids.empty()) {
            ind.category_ids.push_back("no-such-category");
            break;
          }
        }
      },
      [](core::Scheme& s) { s.indicators.back().method = "no_such_method"; },
  };
  for (size_t i = 0; i < breakers.size(); ++i) {
    core::Scheme broken = y.scheme;
    breakers[i](broken);
    const auto expected = core::ValidateScheme(broken);
    ASSERT_FALSE(expected.ok()) << "case " << i;
    for (int threads : {1, 2}) {
      core::EvaluateOptions eo;
      eo.threads = threads;
      auto r = core::Evaluate(broken, y.data, eo);
      ASSERT_FALSE(r.ok()) << "case " << i << ", threads " << threads;
      EXPECT_EQ(r.status().message(), expected.message())
          << "case " << i << ", threads " << threads;
    }
  }
}

}  // namespace
}  // namespace govperf
