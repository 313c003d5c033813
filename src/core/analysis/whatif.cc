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

}  // namespace

std::vector<UnitChange> CompareResults(const YearResult& before, const YearResult& after) {
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
    if (std::fabs(a.total - b.total) <= kMoved) {
      c.reasons.push_back("own total unchanged: other units of the category moved");
      c.reasons_zh.push_back("本单位总分未变：同类别其他单位得分变化");
    }
    for (const auto& n : b.grade_notes) {
      if (std::find(a.grade_notes.begin(), a.grade_notes.end(), n) == a.grade_notes.end()) {
        c.reasons.push_back("now: " + n);
      }
    }
    for (const auto& n : b.grade_notes_zh) {
      if (std::find(a.grade_notes_zh.begin(), a.grade_notes_zh.end(), n) == a.grade_notes_zh.end()) {
        c.reasons_zh.push_back("现：" + n);
      }
    }
    for (const auto& n : a.grade_notes) {
      if (std::find(b.grade_notes.begin(), b.grade_notes.end(), n) == b.grade_notes.end()) {
        c.reasons.push_back("no longer: " + n);
      }
    }
    for (const auto& n : a.grade_notes_zh) {
      if (std::find(b.grade_notes_zh.begin(), b.grade_notes_zh.end(), n) == b.grade_notes_zh.end()) {
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
                              s.rule});
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
