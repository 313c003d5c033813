// 牵头考核单位: the indicators the caller's unit leads, with every assessed
// unit's target and year-end value — the lead department's data-entry sheet.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response LeadIndicators(Ctx& ctx) {
  int year = 0;
  if (auto err = QueryYearOrLatest(ctx, &year)) return *err;
  auto view_or = ctx.svc.years.View(year);
  if (!view_or.ok()) return Fail(view_or.status());
  const YearView& view = **view_or;
  // The performance office sees every indicator; a lead user those of its unit.
  const bool all = ctx.user->role == store::kRoleAdmin;
  Json indicators = Json::array();
  for (const core::Indicator& ind : view.scheme.indicators) {
    if (!view.IsLeaf(ind.id)) continue;
    if (!all && (ctx.user->unit_id.empty() || ind.lead_unit_id != ctx.user->unit_id)) continue;
    Json values = Json::array();
    for (const core::Unit* u : view.AssessedUnits(ind)) {
      const core::Datum* datum = view.YearEnd(ind.id, u->id);
      values.push_back({{"unit_id", u->id},
                        {"name_zh", u->name_zh},
                        {"name_en", u->name_en},
                        {"target", dto::OptionalNumber(view.Target(ind.id, u->id))},
                        {"actual", datum ? dto::OptionalNumber(datum->value) : Json(nullptr)},
                        {"no_data", datum ? datum->no_data : false},
                        {"entered_by", datum ? datum->entered_by : ""},
                        {"note", datum ? datum->note : ""}});
    }
    indicators.push_back({{"id", ind.id},
                          {"name_zh", ind.name_zh},
                          {"name_en", ind.name_en},
                          {"points", ind.points},
                          {"unit_of_measure", ind.unit_of_measure},
                          {"direction", static_cast<int>(ind.direction)},
                          {"method", ind.method},
                          {"lead_unit_id", ind.lead_unit_id},
                          {"values", std::move(values)}});
  }
  return JsonResponse({{"year", year},
                       {"status", core::StageName(view.info.stage)},
                       {"indicators", std::move(indicators)}});
}

}  // namespace govperf::server::handlers
