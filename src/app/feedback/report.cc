#include "app/feedback/report.h"

#include <algorithm>
#include <map>

#include "core/number.h"

namespace govperf::app::feedback {
namespace {

// The first-level ancestor (一级指标) of a node.
std::string DimensionOf(const YearView& view, const std::string& indicator_id) {
  std::string id = indicator_id;
  for (int guard = 0; guard < 16; ++guard) {
    auto it = view.indicators.find(id);
    if (it == view.indicators.end() || it->second->parent_id.empty()) return id;
    id = it->second->parent_id;
  }
  return id;
}

core::FeedbackTrendYear TrendYearOf(const YearView& view, const core::UnitResult& r) {
  core::FeedbackTrendYear t;
  t.year = view.info.year;
  t.total = r.total;
  t.rank = r.rank;
  t.category_size = view.CategorySize(r.category_id);
  t.grade = r.grade;
  if (const core::GradeLevel* g = view.Grade(r.category_id, r.grade)) {
    t.grade_zh = g->name_zh;
    t.grade_en = g->name_en;
  }
  t.provisional = !view.info.published();
  return t;
}

}  // namespace

std::vector<core::FeedbackAppeal> AppealsOf(const std::vector<store::Appeal>& appeals,
                                            const std::string& unit_id) {
  static const std::map<std::string, std::string> kOutcomeZh = {
      {"filed", "待答复"}, {"answered", "已答复"}, {"upheld", "申诉成立"}, {"rejected", "申诉不成立"}};
  std::vector<core::FeedbackAppeal> out;
  for (const store::Appeal& a : appeals) {
    if (a.unit_id != unit_id) continue;
    core::FeedbackAppeal f;
    f.id = std::to_string(a.id);
    f.indicator_id = a.indicator_id;
    if (a.kind == "adjustment") {
      f.claim = "申诉加减分项 " + a.adjustment_id + "：" + a.reason;
    } else {
      f.claim = a.claimed_value ? "主张值 " + core::FormatFixed(*a.claimed_value, 2) + "：" + a.reason
                                : a.reason;
    }
    f.outcome = a.state;
    auto zh = kOutcomeZh.find(a.state);
    f.outcome_zh = zh == kOutcomeZh.end() ? a.state : zh->second;
    f.decision = a.decision;
    f.decided_at = a.decided_at;
    out.push_back(std::move(f));
  }
  return out;
}

Result<core::FeedbackReport> BuildReport(const YearView& view,
                                         const std::vector<const YearView*>& earlier,
                                         const store::Org& org, const std::string& unit_id) {
  const int year = view.info.year;
  auto unit_it = view.units.find(unit_id);
  auto res_it = view.unit_results.find(unit_id);
  if (unit_it == view.units.end() || res_it == view.unit_results.end()) {
    return Status::NotFound("unit: " + unit_id + " is not assessed in " + std::to_string(year))
        .Field("unit")
        .Zh("单位 " + unit_id + " 不在 " + std::to_string(year) + " 年度考核范围内");
  }
  const core::Unit& unit = *unit_it->second;
  const core::UnitResult& r = *res_it->second;

  core::FeedbackReport rep;
  rep.year = year;
  rep.stage = core::StageName(view.info.stage);
  rep.provisional = !view.info.published();
  rep.unit_id = unit.id;
  rep.unit_name_zh = unit.name_zh;
  rep.unit_name_en = unit.name_en;
  if (rep.unit_name_en.empty()) {
    for (const store::OrgUnit& u : org.units) {
      if (u.id == unit.id) rep.unit_name_en = u.name_en;
    }
  }
  rep.category_id = unit.category_id;
  if (auto c = view.categories.find(unit.category_id); c != view.categories.end()) {
    rep.category_name_zh = c->second->name_zh;
    rep.category_name_en = c->second->name_en;
  }

  const core::FeedbackTrendYear now = TrendYearOf(view, r);
  rep.total = r.total;
  rep.rank = r.rank;
  rep.category_size = now.category_size;
  rep.grade = r.grade;
  rep.grade_zh = now.grade_zh;
  rep.grade_en = now.grade_en;
  rep.indicator_score = r.indicator_score;
  rep.satisfaction = r.satisfaction;
  rep.leadership = r.leadership;
  rep.bonus = r.bonus;
  rep.deduction = r.deduction;
  rep.vetoed = r.vetoed;
  rep.grade_notes_zh = r.grade_notes_zh;
  rep.grade_notes_en = r.grade_notes;

  // Dimensions: every first-level node with at least one leaf that applies
  // to the unit, in scheme order.
  std::map<std::string, core::FeedbackDimension> dims;
  for (const core::IndicatorScore& s : r.indicators) {
    if (s.status == core::ScoreStatus::kNoData) continue;  // outside the unit's base
    core::FeedbackDimension& d = dims[DimensionOf(view, s.indicator_id)];
    d.points += s.points;
    d.earned += s.earned;
  }
  for (const core::Indicator& ind : view.scheme.indicators) {
    auto d = dims.find(ind.id);
    if (ind.parent_id.empty() && d != dims.end()) {
      d->second.id = ind.id;
      d->second.name_zh = ind.name_zh;
      d->second.name_en = ind.name_en;
      rep.dimensions.push_back(d->second);
    }
  }

  // Lost points: most first; ties keep scheme (leaf) order.
  for (const core::IndicatorScore& s : r.indicators) {
    if (s.lost() <= 0) continue;
    core::FeedbackLostPoint p;
    p.indicator_id = s.indicator_id;
    p.dimension_id = DimensionOf(view, s.indicator_id);
    if (auto ind = view.indicators.find(s.indicator_id); ind != view.indicators.end()) {
      p.name_zh = ind->second->name_zh;
      p.name_en = ind->second->name_en;
      p.unit_of_measure = ind->second->unit_of_measure;
    }
    p.points = s.points;
    p.earned = s.earned;
    p.lost = s.lost();
    p.target = s.target;
    p.actual = s.actual;
    p.status = core::ScoreStatusName(s.status);
    p.rule = s.rule;
    p.rule_zh = s.rule_zh;
    rep.lost_points.push_back(std::move(p));
  }
  std::stable_sort(rep.lost_points.begin(), rep.lost_points.end(),
                   [](const auto& a, const auto& b) { return a.lost > b.lost; });

  for (const core::AppliedAdjustment& a : r.adjustments) {
    rep.adjustments.push_back({a.id, a.kind, a.points, a.reason_zh, a.reason_en});
  }

  // Trend: the two latest earlier years in which the unit was evaluated.
  std::vector<const YearView*> before;
  for (const YearView* v : earlier) {
    if (v && v->info.year < year && v->unit_results.count(unit_id)) before.push_back(v);
  }
  std::sort(before.begin(), before.end(),
            [](const YearView* a, const YearView* b) { return a->info.year > b->info.year; });
  if (before.size() > 2) before.resize(2);
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    rep.trend.push_back(TrendYearOf(**it, *(*it)->unit_results.at(unit_id)));
  }
  rep.trend.push_back(now);
  return rep;
}

}  // namespace govperf::app::feedback
