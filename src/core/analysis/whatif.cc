#include "core/analysis/whatif.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/scoring/format.h"

namespace govperf::core {
namespace {

constexpr double kMoved = 1e-6;

void Component(UnitChange& c, const char* en, const char* zh, double a, double b) {
  if (std::fabs(a - b) <= kMoved) return;
  c.reasons.push_back(std::string(en) + " " + scoring::Num(a) + " → " + scoring::Num(b));
  c.reasons_zh.push_back(std::string(zh) + " " + scoring::Num(a) + " → " + scoring::Num(b));
}

struct Reasons {
  std::vector<std::string> en, zh;
};

std::string Share(const std::optional<double>& s) {
  return s ? scoring::Pct(*s) : std::string("none");
}

// What changed in a category's rules between two schemes.
Reasons CategoryRuleChanges(const Category& a, const Category& b) {
  Reasons r;
  auto w = [](const ComponentWeights& x) {
    return scoring::Num(x.indicator) + "/" + scoring::Num(x.satisfaction) + "/" +
           scoring::Num(x.leadership);
  };
  if (w(a.weights) != w(b.weights)) {
    r.en.push_back("category weights (indicator/satisfaction/leadership) " + w(a.weights) + " → " +
                   w(b.weights));
    r.zh.push_back("类别权重（指标/满意度/领导评价）" + w(a.weights) + " → " + w(b.weights));
  }
  for (const GradeLevel& lb : b.grades) {
    for (const GradeLevel& la : a.grades) {
      if (la.code != lb.code) continue;
      if (la.min_score != lb.min_score) {
        r.en.push_back(lb.name_en + " threshold " + scoring::Num(la.min_score) + " → " +
                       scoring::Num(lb.min_score));
        r.zh.push_back(lb.name_zh + "分数线 " + scoring::Num(la.min_score) + " → " +
                       scoring::Num(lb.min_score));
      }
      if (la.max_share != lb.max_share) {
        r.en.push_back(lb.name_en + " quota " + Share(la.max_share) + " → " + Share(lb.max_share));
        r.zh.push_back(lb.name_zh + "名额比例 " + Share(la.max_share) + " → " +
                       Share(lb.max_share));
      }
    }
  }
  if (a.bonus_cap != b.bonus_cap || a.deduction_cap != b.deduction_cap) {
    r.en.push_back("caps bonus/deduction " + scoring::Num(a.bonus_cap) + "/" +
                   scoring::Num(a.deduction_cap) + " → " + scoring::Num(b.bonus_cap) + "/" +
                   scoring::Num(b.deduction_cap));
    r.zh.push_back("加分/减分上限 " + scoring::Num(a.bonus_cap) + "/" +
                   scoring::Num(a.deduction_cap) + " → " + scoring::Num(b.bonus_cap) + "/" +
                   scoring::Num(b.deduction_cap));
  }
  return r;
}

}  // namespace

std::vector<UnitChange> CompareResults(const YearResult& before, const YearResult& after,
                                       const Scheme* before_scheme, const Scheme* after_scheme) {
  std::map<std::string, Reasons> rule_changes;  // category id → its rule changes
  if (before_scheme != nullptr && after_scheme != nullptr) {
    for (const Category& b : after_scheme->categories) {
      for (const Category& a : before_scheme->categories) {
        if (a.id == b.id) rule_changes[b.id] = CategoryRuleChanges(a, b);
      }
    }
  }
  std::map<std::string, const UnitResult*> old;
  for (const auto& r : before.units) old[r.unit_id] = &r;
  std::vector<UnitChange> changes;
  for (const auto& b : after.units) {
    auto it = old.find(b.unit_id);
    if (it == old.end()) continue;
    const UnitResult& a = *it->second;
    if (a.rank == b.rank && a.grade == b.grade) continue;
    UnitChange c;
    c.unit_id = b.unit_id;
    c.category_id = b.category_id;
    c.total_before = a.total;
    c.total_after = b.total;
    c.rank_before = a.rank;
    c.rank_after = b.rank;
    c.grade_before = a.grade;
    c.grade_after = b.grade;
    Component(c, "total", "总分", a.total, b.total);
    Component(c, "indicator score", "指标评估得分", a.indicator_score, b.indicator_score);
    Component(c, "bonus", "加分", a.bonus, b.bonus);
    Component(c, "deduction", "减分", a.deduction, b.deduction);
    const Reasons& rules = rule_changes[b.category_id];
    c.reasons.insert(c.reasons.end(), rules.en.begin(), rules.en.end());
    c.reasons_zh.insert(c.reasons_zh.end(), rules.zh.begin(), rules.zh.end());
    if (std::fabs(a.total - b.total) <= kMoved && rules.en.empty()) {
      c.reasons.push_back("own total unchanged: other units of the category moved");
      c.reasons_zh.push_back("本单位总分未变：同类别其他单位得分变化");
    }
    for (const auto& n : b.grade_notes) {
      if (std::find(a.grade_notes.begin(), a.grade_notes.end(), n) == a.grade_notes.end()) {
        c.reasons.push_back("now: " + n);
      }
    }
    for (const auto& n : b.grade_notes_zh) {
      if (std::find(a.grade_notes_zh.begin(), a.grade_notes_zh.end(), n) ==
          a.grade_notes_zh.end()) {
        c.reasons_zh.push_back("现：" + n);
      }
    }
    for (const auto& n : a.grade_notes) {
      if (std::find(b.grade_notes.begin(), b.grade_notes.end(), n) == b.grade_notes.end()) {
        c.reasons.push_back("no longer: " + n);
      }
    }
    for (const auto& n : a.grade_notes_zh) {
      if (std::find(b.grade_notes_zh.begin(), b.grade_notes_zh.end(), n) ==
          b.grade_notes_zh.end()) {
        c.reasons_zh.push_back("不再：" + n);
      }
    }
    std::map<std::string, const IndicatorScore*> ai;
    for (const auto& s : a.indicators) ai[s.indicator_id] = &s;
    for (const auto& s : b.indicators) {
      auto f = ai.find(s.indicator_id);
      const double was = f == ai.end() ? 0 : f->second->earned;
      if (std::fabs(was - s.earned) <= kMoved && f != ai.end()) continue;
      c.indicators.push_back({s.indicator_id, was, s.earned, f == ai.end() ? "" : f->second->rule,
                              s.rule, f == ai.end() ? "" : f->second->rule_zh, s.rule_zh});
    }
    std::sort(c.indicators.begin(), c.indicators.end(),
              [](const IndicatorDelta& x, const IndicatorDelta& y) {
                return std::fabs(x.earned_after - x.earned_before) >
                       std::fabs(y.earned_after - y.earned_before);
              });
    if (c.indicators.size() > kMaxIndicatorDeltas) c.indicators.resize(kMaxIndicatorDeltas);
    changes.push_back(std::move(c));
  }
  return changes;
}

}  // namespace govperf::core
