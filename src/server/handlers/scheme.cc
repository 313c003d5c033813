// Scheme files (方案文件, docs/scheme-format.md): download a year's scheme, and
// replace the scheme of a draft year (or create a new year as a draft). Once a
// year is in progress or published its scheme changes only through an
// adjustment request (a later issue): 409.
//
// PUT checks, in order: year (400) → body is a scheme file (400 naming its
// JSON path) → its year equals the path's (400 `year`) → the year is absent or
// a draft (409) → core::ValidateScheme (400 naming the row) → the store's
// audited SaveScheme (409 when the new scheme would orphan stored data).
#include <set>

#include "core/evaluate.h"
#include "io/scheme_json.h"
#include "io/scheme_patch.h"
#include "server/handlers/handlers.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {
namespace {

constexpr const char* kDraft = "draft";

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
  if (scheme->year != year) {
    return BadField("year", ctx.T("year: the file is for " + std::to_string(scheme->year) +
                                      ", the path for " + std::to_string(year),
                                  "year：文件年度为 " + std::to_string(scheme->year) +
                                      "，路径年度为 " + std::to_string(year)));
  }
  auto info = ctx.svc.years.Year(year);
  if (info.ok() && info->status != kDraft) {
    return ErrorResponse(
        Code::kFailedPrecondition,
        ctx.T("year " + std::to_string(year) + " is " + info->status +
                  ": only a draft year's scheme may be replaced; later changes go through an "
                  "adjustment request",
              std::to_string(year) + " 年度状态为 " + info->status +
                  "，只有草稿年度的方案可以整体替换；后续变更须走调整程序"));
  }
  if (!info.ok() && info.status().code() != Code::kNotFound) return Fail(info.status());
  if (Status st = core::ValidateScheme(*scheme); !st.ok()) return BadScheme(ctx, st.message());
  if (Status st = ctx.svc.store.SaveScheme({ctx.user->username}, *scheme); !st.ok()) {
    return st.code() == Code::kInvalidArgument ? BadScheme(ctx, st.message()) : Fail(st);
  }
  ctx.svc.years.Invalidate(year);
  std::set<std::string> parents;
  for (const core::Indicator& i : scheme->indicators) parents.insert(i.parent_id);
  size_t leaves = 0;
  for (const core::Indicator& i : scheme->indicators) leaves += parents.count(i.id) ? 0 : 1;
  return JsonResponse({{"ok", true}, {"indicators", leaves}, {"units", scheme->units.size()}});
}

}  // namespace govperf::server::handlers
