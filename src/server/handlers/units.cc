#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

// Units and categories of one year's scheme (?year=, default the latest).
Response ListUnits(Ctx& ctx) {
  int year = 0;
  if (auto err = QueryYearOrLatest(ctx, &year)) return *err;
  auto scheme = ctx.svc.years.Scheme(year);
  if (!scheme.ok()) return Fail(scheme.status());
  Json units = Json::array();
  for (const core::Unit& u : (*scheme)->units) units.push_back(dto::UnitJson(u));
  Json categories = Json::array();
  for (const core::Category& c : (*scheme)->categories) categories.push_back(dto::CategoryJson(c));
  return JsonResponse(
      {{"year", year}, {"units", std::move(units)}, {"categories", std::move(categories)}});
}

}  // namespace govperf::server::handlers
