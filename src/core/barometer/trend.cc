#include "core/barometer/trend.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace govperf::core::barometer {

namespace {

double Quantile(const std::vector<double>& sorted, double p) {
  const double pos = (static_cast<double>(sorted.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(pos);
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

int LevelOf(const std::vector<std::string>& order, const std::string& grade) {
  auto it = std::find(order.begin(), order.end(), grade);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

}  // namespace

Spread Summarize(std::vector<double> values) {
  Spread s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.count = static_cast<int>(values.size());
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  s.min = values.front();
  s.max = values.back();
  s.q1 = Quantile(values, 0.25);
  s.median = Quantile(values, 0.5);
  s.q3 = Quantile(values, 0.75);
  return s;
}

YearTrend SummarizeYear(const YearOutcomes& year, const std::vector<std::string>& category_order,
                        const std::map<std::string, std::vector<std::string>>& grade_order) {
  YearTrend out;
  out.year = year.year;
  out.provisional = year.provisional;
  std::vector<double> all;
  std::map<std::string, std::vector<const UnitOutcome*>> by_category;
  for (const UnitOutcome& u : year.units) {
    all.push_back(u.total);
    by_category[u.category_id].push_back(&u);
  }
  out.city = Summarize(all);
  std::vector<std::string> order;
  std::set<std::string> listed;
  for (const std::string& c : category_order) {
    if (by_category.count(c) && listed.insert(c).second) order.push_back(c);
  }
  for (const auto& [c, rows] : by_category) {
    if (listed.insert(c).second) order.push_back(c);
  }
  for (const std::string& c : order) {
    CategoryYear cy;
    cy.category_id = c;
    std::vector<double> totals;
    std::vector<std::string> grades;
    auto g = grade_order.find(c);
    if (g != grade_order.end()) grades = g->second;
    std::map<std::string, int> counts;
    for (const UnitOutcome* u : by_category[c]) {
      totals.push_back(u->total);
      ++counts[u->grade];
      if (std::find(grades.begin(), grades.end(), u->grade) == grades.end()) {
        grades.push_back(u->grade);
      }
    }
    cy.spread = Summarize(std::move(totals));
    for (const std::string& code : grades) cy.grades.push_back({code, counts[code]});
    out.categories.push_back(std::move(cy));
  }
  return out;
}

std::vector<Mover> GradeMovers(const YearOutcomes& before, const YearOutcomes& after,
                               const std::map<std::string, std::vector<std::string>>& grade_order) {
  std::map<std::string, const UnitOutcome*> earlier;
  for (const UnitOutcome& u : before.units) earlier[u.unit_id] = &u;
  static const std::vector<std::string> kNone;
  std::vector<Mover> out;
  for (const UnitOutcome& u : after.units) {
    auto e = earlier.find(u.unit_id);
    if (e == earlier.end() || e->second->grade == u.grade) continue;
    auto g = grade_order.find(u.category_id);
    const std::vector<std::string>& order = g == grade_order.end() ? kNone : g->second;
    Mover m;
    m.unit_id = u.unit_id;
    m.category_id = u.category_id;
    m.from_grade = e->second->grade;
    m.to_grade = u.grade;
    m.from_total = e->second->total;
    m.to_total = u.total;
    m.levels = LevelOf(order, m.from_grade) - LevelOf(order, m.to_grade);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Mover& a, const Mover& b) {
    if (std::abs(a.levels) != std::abs(b.levels)) return std::abs(a.levels) > std::abs(b.levels);
    if ((a.levels > 0) != (b.levels > 0)) return a.levels > 0;
    return a.unit_id < b.unit_id;
  });
  return out;
}

}  // namespace govperf::core::barometer
