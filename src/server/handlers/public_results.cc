// The public portal (公开评估 / 数据公开): published years only. An unpublished
// year answers exactly like an unknown one, so the portal does not reveal
// which years are being assessed.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {
constexpr const char* kPublished = "published";
}  // namespace

Response PublicYears(Ctx& ctx) {
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  Json list = Json::array();
  for (const auto& y : *years) {
    if (y.status == kPublished) list.push_back(y.year);
  }
  return JsonResponse({{"years", std::move(list)}});
}

Response PublicResults(Ctx& ctx) {
  std::optional<int64_t> requested;
  if (auto err = QueryInt(ctx, "year", 1900, 9999, &requested)) return *err;
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  std::optional<int> year;
  for (const auto& y : *years) {
    if (y.status != kPublished) continue;
    if (!requested || y.year == *requested) year = y.year;  // ascending: last one wins
  }
  if (!year) {
    const std::string which = requested ? std::to_string(*requested) : "";
    return ErrorResponse(
        Code::kNotFound,
        requested ? ctx.T("no published results for year " + which, which + " 年度没有已公布的结果")
                  : ctx.T("no year has been published yet", "尚无已公布的年度"),
        {{"field", "year"}});
  }
  auto view = ctx.svc.years.View(*year);
  if (!view.ok()) return Fail(view.status());
  Json results = dto::ResultsJson(**view);
  if (auto err = MaybeAddIntervals(ctx, **view, results)) return *err;
  return JsonResponse(results);
}

}  // namespace govperf::server::handlers
