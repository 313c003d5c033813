// Years and their results for the performance office and leaders (results.all):
// any status, unpublished included.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response ListYears(Ctx& ctx) {
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  Json list = Json::array();
  for (const auto& y : *years) list.push_back(dto::YearInfoJson(y));
  return JsonResponse({{"years", std::move(list)}});
}

Response YearResults(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto view = ctx.svc.years.View(year);
  if (!view.ok()) return Fail(view.status());
  Json results = dto::ResultsJson(**view);
  if (auto err = MaybeAddIntervals(ctx, **view, results)) return *err;
  return JsonResponse(results);
}

}  // namespace govperf::server::handlers
