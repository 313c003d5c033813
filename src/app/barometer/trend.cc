#include "app/barometer/trend.h"

#include <map>
#include <set>

#include "app/barometer/access.h"

namespace govperf::app::barometer {

namespace cb = core::barometer;

namespace {

cb::YearOutcomes OutcomesOfView(const YearView& v) {
  cb::YearOutcomes y;
  y.year = v.info.year;
  y.provisional = !v.info.published();
  for (const core::UnitResult& r : v.result.units) {
    y.units.push_back({r.unit_id, r.category_id, r.total, r.grade});
  }
  return y;
}

}  // namespace

Result<Trend> YearsTrend(YearCache& years, const Caller& caller, int from, int to) {
  GOVPERF_RETURN_IF_ERROR(CheckBarometerReader(caller));
  if (from > 0 && to > 0 && from > to) {
    return Status::Invalid("from: " + std::to_string(from) + " is after to " + std::to_string(to))
        .Field("from")
        .Zh("from：起始年度晚于截止年度");
  }
  auto all = years.Years();
  if (!all.ok()) return all.status();
  Trend out;
  out.from = from;
  out.to = to;
  std::vector<std::shared_ptr<const YearView>> views;
  for (const store::YearInfo& y : *all) {
    if ((from > 0 && y.year < from) || (to > 0 && y.year > to)) continue;
    if (y.stage == core::Stage::kDraft || y.stage == core::Stage::kSetting) continue;
    auto v = years.View(y.year);
    if (!v.ok()) {
      if (v.status().code() == Code::kNotFound) continue;  // no scheme
      return v.status();
    }
    views.push_back(*v);
  }
  // Categories and grade orders: the newest year's first, older ones after.
  std::map<std::string, std::vector<std::string>> grade_order;
  std::set<std::string> seen;
  std::vector<std::string> category_order;
  for (auto it = views.rbegin(); it != views.rend(); ++it) {
    for (const core::Category& c : (*it)->scheme.categories) {
      if (!seen.insert(c.id).second) continue;
      category_order.push_back(c.id);
      TrendCategory tc{c.id, c.name_zh, c.name_en, {}};
      for (const core::GradeLevel& g : c.grades) {
        tc.grades.push_back({g.code, g.name_zh, g.name_en});
        grade_order[c.id].push_back(g.code);
      }
      out.categories.push_back(std::move(tc));
    }
  }
  std::vector<const YearView*> published;
  for (const auto& v : views) {
    out.years.push_back(cb::SummarizeYear(OutcomesOfView(*v), category_order, grade_order));
    if (v->info.published()) published.push_back(v.get());
  }
  if (published.size() >= 2) {
    const YearView& a = *published[published.size() - 2];
    const YearView& b = *published.back();
    out.movers_from = a.info.year;
    out.movers_to = b.info.year;
    for (cb::Mover& m : cb::GradeMovers(OutcomesOfView(a), OutcomesOfView(b), grade_order)) {
      MoverRow row;
      auto u = b.units.find(m.unit_id);
      if (u != b.units.end()) {
        row.name_zh = u->second->name_zh;
        row.name_en = u->second->name_en;
      }
      if (const core::GradeLevel* g =
              a.Grade(a.units.count(m.unit_id) ? a.units.at(m.unit_id)->category_id : m.category_id,
                      m.from_grade)) {
        row.from_grade_zh = g->name_zh;
        row.from_grade_en = g->name_en;
      }
      if (const core::GradeLevel* g = b.Grade(m.category_id, m.to_grade)) {
        row.to_grade_zh = g->name_zh;
        row.to_grade_en = g->name_en;
      }
      row.move = std::move(m);
      out.movers.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace govperf::app::barometer
