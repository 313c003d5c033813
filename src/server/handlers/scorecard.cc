// One unit's scorecard (绩效反馈): every leaf that applies to it with target,
// actual, points earned and lost, the rule applied and who entered the value —
// the explanation trace the SPEC asks for — plus the tree sums and adjustments.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"
#include "server/policy.h"

namespace govperf::server::handlers {

Response Scorecard(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  const std::string& unit_id = ctx.params.at("unit");
  // scorecard.own covers the caller's own unit only (its data in any year,
  // unpublished too); checked before existence so that nothing leaks.
  const bool any = RoleHas(ctx.role(), Permission::kScorecardAny);
  const bool own = RoleHas(ctx.role(), Permission::kScorecardOwn) && ctx.user &&
                   !ctx.user->unit_id.empty() && ctx.user->unit_id == unit_id;
  if (!any && !own) {
    return ErrorResponse(
        Code::kPermissionDenied,
        ctx.T("you may only read your own unit's scorecard", "只能查看本单位的考核结果"));
  }
  auto view_or = ctx.svc.years.View(year);
  if (!view_or.ok()) return Fail(view_or.status());
  const YearView& view = **view_or;
  auto unit_it = view.units.find(unit_id);
  if (unit_it == view.units.end()) {
    return ErrorResponse(
        Code::kNotFound,
        ctx.T("unit " + unit_id + " is not assessed in " + std::to_string(year),
              "单位 " + unit_id + " 不在 " + std::to_string(year) + " 年度考核范围内"),
        {{"field", "unit"}});
  }
  const core::Unit& unit = *unit_it->second;
  auto cat_it = view.categories.find(unit.category_id);
  const core::Category* cat = cat_it == view.categories.end() ? nullptr : cat_it->second;

  Json unit_json = {{"id", unit.id},
                    {"name_zh", unit.name_zh},
                    {"name_en", unit.name_en},
                    {"category_id", unit.category_id},
                    {"category_name_zh", cat ? cat->name_zh : ""},
                    {"category_name_en", cat ? cat->name_en : ""}};

  auto res_it = view.unit_results.find(unit_id);
  if (res_it == view.unit_results.end()) {
    return Fail(Status::Internal("unit " + unit_id + " has no evaluation result"));
  }
  const core::UnitResult& result = *res_it->second;
  Json result_json = dto::UnitRowJson(view, result);
  result_json["category_size"] = view.CategorySize(unit.category_id);
  // The grade's name as the scheme gives it (等次名称), so pages need no lookup.
  const core::GradeLevel* grade = view.Grade(unit.category_id, result.grade);
  result_json["grade_zh"] = grade ? grade->name_zh : result.grade;
  result_json["grade_en"] = grade ? grade->name_en : result.grade;

  std::map<std::string, const core::IndicatorScore*> scores;
  for (const core::IndicatorScore& s : result.indicators) scores[s.indicator_id] = &s;

  // Sums of the unit's applicable leaves for every ancestor (tree view).
  std::map<std::string, std::pair<double, double>> sums;  // id → (points, earned)
  Json indicators = Json::array();
  for (const core::Indicator& ind : view.scheme.indicators) {
    auto s_it = scores.find(ind.id);
    if (s_it == scores.end()) continue;
    const core::IndicatorScore& s = *s_it->second;
    for (auto p = view.indicators.find(ind.parent_id); p != view.indicators.end();
         p = view.indicators.find(p->second->parent_id)) {
      sums[p->first].first += s.points;
      sums[p->first].second += s.earned;
    }
    auto lead_it = view.units.find(ind.lead_unit_id);
    Json monthly = Json::array();
    for (const core::Datum* d : view.Monthly(ind.id, unit_id)) {
      monthly.push_back({{"period", d->period}, {"value", dto::OptionalNumber(d->value)}});
    }
    indicators.push_back(
        {{"id", ind.id},
         {"parent_id", ind.parent_id},
         {"level", ind.level},
         {"name_zh", ind.name_zh},
         {"name_en", ind.name_en},
         {"points", s.points},
         {"direction", static_cast<int>(ind.direction)},
         {"unit_of_measure", ind.unit_of_measure},
         {"method", ind.method},
         {"type", core::IndicatorTypeName(ind.type)},
         {"lead_unit_id", ind.lead_unit_id},
         {"lead_unit_name_zh", lead_it == view.units.end() ? "" : lead_it->second->name_zh},
         {"lead_unit_name_en", lead_it == view.units.end() ? "" : lead_it->second->name_en},
         {"target", dto::OptionalNumber(s.target)},
         {"actual", dto::OptionalNumber(s.actual)},
         {"earned", s.earned},
         {"lost", s.lost()},
         {"status", core::ScoreStatusName(s.status)},
         {"rule", s.rule},
         {"rule_zh", s.rule_zh},
         {"entered_by", s.entered_by},
         {"approved_by", s.approved_by},
         {"period", s.period},
         {"provisional", s.provisional},
         {"monthly", std::move(monthly)}});
  }

  Json tree = Json::array();
  for (const core::Indicator& ind : view.scheme.indicators) {
    if (ind.level > 2 || !sums.count(ind.id)) continue;  // only nodes with applicable leaves
    tree.push_back({{"id", ind.id},
                    {"parent_id", ind.parent_id},
                    {"level", ind.level},
                    {"name_zh", ind.name_zh},
                    {"name_en", ind.name_en},
                    {"points", sums[ind.id].first},
                    {"earned", sums[ind.id].second}});
  }

  Json adjustments = Json::array();
  for (const core::AppliedAdjustment& a : result.adjustments) {
    adjustments.push_back({{"id", a.id},
                           {"kind", a.kind},
                           {"points", a.points},
                           {"reason_zh", a.reason_zh},
                           {"reason_en", a.reason_en},
                           {"approved_by", a.approved_by}});
  }

  return JsonResponse({{"year", year},
                       {"status", core::StageName(view.info.stage)},
                       {"unit", std::move(unit_json)},
                       {"result", std::move(result_json)},
                       {"indicators", std::move(indicators)},
                       {"tree", std::move(tree)},
                       {"adjustments", std::move(adjustments)}});
}

}  // namespace govperf::server::handlers
