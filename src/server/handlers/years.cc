// Years: the list (every signed-in role, with the stage moves the caller may
// make), the results of any year (results.all), opening a year and moving it
// between stages (years.write).
#include "app/years.h"

#include <cmath>

#include "app/monitoring/calendar.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

// A whole number from the body, or an error naming the field.
std::optional<Response> BodyYear(const Ctx& ctx, BodyReader& body, const char* field, bool required,
                                 std::optional<int>* out) {
  std::optional<double> v = body.NumberOrNull(field);
  if (!body.ok()) return body.error();
  if (!v) {
    if (required)
      return BadField(field,
                      ctx.T(std::string(field) + ": required", std::string(field) + "：必填"));
    return std::nullopt;
  }
  if (std::floor(*v) != *v || *v < app::kMinOpenYear || *v > app::kMaxOpenYear) {
    return BadField(field, ctx.T(std::string(field) + ": a year between 2000 and 2100",
                                 std::string(field) + "：应为 2000–2100 之间的年度"));
  }
  *out = static_cast<int>(*v);
  return std::nullopt;
}

}  // namespace

Response ListYears(Ctx& ctx) {
  auto rows = app::ListYears(ctx.svc.years, ctx.caller());
  if (!rows.ok()) return Fail(ctx, rows.status());
  Json list = Json::array();
  for (const auto& r : *rows) {
    Json y = dto::YearInfoJson(r.info);
    y["has_scheme"] = r.has_scheme;
    Json moves = Json::array();
    for (const auto& [to, allowed] : r.transitions) {
      moves.push_back({{"to", core::StageName(to)}, {"allowed", allowed}});
    }
    y["transitions"] = std::move(moves);
    list.push_back(std::move(y));
  }
  return JsonResponse({{"years", std::move(list)}});
}

Response YearResults(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto view = ctx.svc.years.View(year);
  if (!view.ok()) return Fail(ctx, view.status());
  Json results = dto::ResultsJson(**view);
  if (auto err = MaybeAddIntervals(ctx, **view, results)) return *err;
  return JsonResponse(results);
}

Response OpenYear(Ctx& ctx) {
  BodyReader body(ctx);
  std::optional<int> year, copy_from;
  if (auto err = BodyYear(ctx, body, "year", true, &year)) return *err;
  if (auto err = BodyYear(ctx, body, "copy_from", false, &copy_from)) return *err;
  auto opened = app::OpenYear(ctx.svc.store, ctx.caller(), *year, copy_from);
  if (!opened.ok()) return Fail(ctx, opened.status());
  return JsonResponse({{"year", opened->year},
                       {"status", "draft"},
                       {"units", opened->units},
                       {"indicators", opened->leaves}},
                      201);
}

Response MoveYear(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const std::string to = body.String("to");
  // 公示 window (year_end → preliminary): a number of working days or an end date.
  app::MoveOptions options;
  options.today = app::monitoring::TodayInChina(ctx.svc.clock);
  if (std::optional<double> days = body.NumberOrNull("window_working_days")) {
    if (std::floor(*days) != *days || *days < 0 || *days > 1000) {
      return BadField("window_working_days",
                      ctx.T("window_working_days: a whole number of working days",
                            "window_working_days：应为整数个工作日"));
    }
    options.window.working_days = static_cast<int>(*days);
  }
  options.window.end_date = body.String("window_end_date", false);
  options.window.accept_missing_values = body.Bool("accept_missing_values", false);
  if (!body.ok()) return body.error();
  auto info = app::MoveYear(ctx.svc.store, ctx.caller(), year, to, options);
  if (!info.ok()) return Fail(ctx, info.status());
  return JsonResponse(dto::YearInfoJson(*info));
}

}  // namespace govperf::server::handlers
