// Scheme files (方案文件, docs/scheme-format.md): download a year's scheme, and
// replace the scheme of a draft or setting year (or create a new year as a
// draft): parse → app::ImportScheme. Once a year is being monitored its scheme
// changes only through an adjustment request: 409.
//
// PUT checks, in order: year (400) → body is a scheme file (400 naming its
// JSON path) → its year equals the path's (400 `year`) → the stage allows it
// (409) → core::ValidateScheme (400 naming the row) → categories and units are
// in the registry (400 naming the row) → the store's audited SaveScheme (409
// when the new scheme would orphan stored data).
#include "app/years.h"
#include "io/scheme_json.h"
#include "io/scheme_patch.h"
#include "server/handlers/handlers.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {
namespace {

Response BadScheme(const Ctx& ctx, const std::string& message) {
  std::string field = io::FieldOfMessage(message);
  if (field.empty() || field == "(root)") field = "scheme";
  return BadField(field, ctx.T("invalid scheme: " + message, "方案文件有误：" + message));
}

}  // namespace

Response GetScheme(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto scheme = ctx.svc.years.Scheme(year);
  if (!scheme.ok()) return Fail(scheme.status());
  Response r = JsonResponse(io::SchemeToJson(**scheme));
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"scheme-" + std::to_string(year) + ".json\"");
  return r;
}

Response PutScheme(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto body = io::ParseJson(ctx.request.body, "body");
  if (!body.ok()) return BadScheme(ctx, body.status().message());
  auto scheme = io::SchemeFromJson(*body);
  if (!scheme.ok()) return BadScheme(ctx, scheme.status().message());
  // The year in the file must be the path's: checked by ImportScheme (400 `year`).
  auto imported = app::ImportScheme(ctx.svc.store, ctx.caller(), year, *scheme);
  if (!imported.ok()) {
    const Status& st = imported.status();
    if (st.code() == Code::kInvalidArgument && st.field().empty()) {
      return BadScheme(ctx, st.message());
    }
    return Fail(ctx, st);
  }
  return JsonResponse({{"ok", true}, {"indicators", imported->leaves}, {"units", imported->units}});
}

}  // namespace govperf::server::handlers
