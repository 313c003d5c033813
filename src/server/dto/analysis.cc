#include "io/whatif_json.h"
#include "server/dto/analysis.h"

#include <map>

#include "server/dto/dto.h"

namespace govperf::server::dto {
namespace {

const core::Unit* UnitOf(const YearView& view, const std::string& id) {
  auto it = view.units.find(id);
  return it == view.units.end() ? nullptr : it->second;
}

const core::Indicator* IndicatorOf(const YearView& view, const std::string& id) {
  auto it = view.indicators.find(id);
  return it == view.indicators.end() ? nullptr : it->second;
}

const core::Category* CategoryOf(const YearView& view, const std::string& id) {
  auto it = view.categories.find(id);
  return it == view.categories.end() ? nullptr : it->second;
}

}  // namespace

Json IntervalJson(const methods::UnitUncertainty& u) {
  return {{"total_lower", u.total_lower}, {"total_upper", u.total_upper},
          {"rank_lower", u.rank_lower},   {"rank_upper", u.rank_upper},
          {"flagged", u.flagged},         {"reason", u.reason},
          {"reason_zh", u.reason_zh}};
}

Json UncertaintyJson(int year, int replicates, double level, const Intervals& intervals) {
  Json units = Json::array();
  for (const methods::UnitUncertainty& u : intervals) {
    units.push_back({{"unit_id", u.unit_id},
                     {"category_id", u.category_id},
                     {"total", u.total},
                     {"total_lower", u.total_lower},
                     {"total_upper", u.total_upper},
                     {"rank", u.rank},
                     {"rank_lower", u.rank_lower},
                     {"rank_upper", u.rank_upper},
                     {"grade", u.grade},
                     {"grade_share", u.grade_share},
                     {"flagged", u.flagged},
                     {"reason", u.reason},
                     {"reason_zh", u.reason_zh}});
  }
  return {
      {"year", year}, {"replicates", replicates}, {"level", level}, {"units", std::move(units)}};
}

void AddIntervals(const Intervals& intervals, Json& results) {
  std::map<std::string, const methods::UnitUncertainty*> by_unit;
  for (const auto& u : intervals) by_unit[u.unit_id] = &u;
  for (Json& category : results["categories"]) {
    for (Json& row : category["units"]) {
      auto it = by_unit.find(row["unit_id"].get<std::string>());
      if (it != by_unit.end()) row["interval"] = IntervalJson(*it->second);
    }
  }
}

Json FairnessJson(const YearView& view, const methods::FairnessReport& report) {
  Json units = Json::array();
  for (const methods::UnitFairness& f : report.units) {
    const core::Unit* unit = UnitOf(view, f.unit_id);
    units.push_back({{"unit_id", f.unit_id},
                     {"name_zh", unit ? unit->name_zh : ""},
                     {"name_en", unit ? unit->name_en : ""},
                     {"category_id", f.category_id},
                     {"total", f.total},
                     {"rank", f.rank},
                     {"efficiency", f.efficiency ? Json(*f.efficiency) : Json(nullptr)},
                     {"efficiency_rank", f.efficiency_rank},
                     {"inputs", f.inputs},
                     {"benchmarks", f.benchmarks}});
  }
  return {{"year", view.info.year},
          {"inputs", report.input_names},
          {"units", std::move(units)},
          {"notes", report.notes},
          {"notes_zh", report.notes_zh}};
}

Json HealthJson(const YearView& view, const core::HealthReport& report) {
  Json indicators = Json::array();
  for (const core::IndicatorHealth& h : report.indicators) {
    const core::Indicator* ind = IndicatorOf(view, h.indicator_id);
    indicators.push_back({{"indicator_id", h.indicator_id},
                          {"name_zh", ind ? ind->name_zh : ""},
                          {"name_en", ind ? ind->name_en : ""},
                          {"type", ind ? core::IndicatorTypeName(ind->type) : ""},
                          {"points", ind ? ind->points : 0.0},
                          {"units", h.units},
                          {"saturation", h.saturation},
                          {"mean_share", h.mean_share},
                          {"discrimination", h.discrimination},
                          {"most_correlated", h.most_correlated},
                          {"correlation", h.correlation},
                          {"saturated", h.saturated},
                          {"weak_discrimination", h.weak_discrimination},
                          {"redundant", h.redundant}});
  }
  Json categories = Json::array();
  for (const core::CategoryBalance& b : report.categories) {
    const core::Category* c = CategoryOf(view, b.category_id);
    categories.push_back({{"category_id", b.category_id},
                          {"name_zh", c ? c->name_zh : ""},
                          {"name_en", c ? c->name_en : ""},
                          {"by_type", b.by_type},
                          {"by_orientation", b.by_orientation},
                          {"process_dominated", b.process_dominated}});
  }
  return {{"year", view.scheme.year},
          {"indicators", std::move(indicators)},
          {"categories", std::move(categories)}};
}

Json AnomalyFlagJson(const YearView& view, const methods::AnomalyFlag& flag) {
  const core::Indicator* ind = IndicatorOf(view, flag.indicator_id);
  const core::Unit* unit = UnitOf(view, flag.unit_id);
  return {{"kind", methods::AnomalyKindName(flag.kind)},
          {"indicator_id", flag.indicator_id},
          {"indicator_name_zh", ind ? ind->name_zh : ""},
          {"indicator_name_en", ind ? ind->name_en : ""},
          {"unit_id", flag.unit_id},
          {"unit_name_zh", unit ? unit->name_zh : ""},
          {"unit_name_en", unit ? unit->name_en : ""},
          {"period", flag.period},
          {"score", flag.score},
          {"message", flag.message},
          {"message_zh", flag.message_zh}};
}

Json WhatIfJson(const YearView& before, const YearView& after,
                const std::vector<core::UnitChange>& changes) {
  Json list = io::UnitChangesJson(changes, before.scheme, after.scheme);
  return {{"year", after.scheme.year},
          {"changed", changes.size()},
          {"units_total", after.result.units.size()},
          {"changes", std::move(list)},
          {"after", ResultsJson(after)}};
}

}  // namespace govperf::server::dto
