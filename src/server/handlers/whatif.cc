// What-if (情景模拟): re-evaluate a year under a changed scheme and list every
// unit whose rank or grade would change, and why (core/analysis/whatif.h).
// Nothing is stored: the changed scheme lives only for this request.
//
// Checks, in order: year (400/404) → body is a JSON object with exactly one of
// `changes` / `scheme` (400) → the changes apply and the scheme validates
// (400 naming `changes[i].field`, or `scheme.<path>` / `scheme.year`).
#include "core/analysis/whatif.h"

#include "core/evaluate.h"
#include "io/scheme_json.h"
#include "io/scheme_patch.h"
#include "server/dto/analysis.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

// A 400 for an io-layer message "field: text": details.field is that field.
Response BadFromMessage(const Ctx& ctx, const std::string& prefix, const std::string& message,
                        const std::string& fallback_field) {
  std::string field = io::FieldOfMessage(message);
  if (field.empty()) field = fallback_field;
  if (!prefix.empty() && field != fallback_field) field = prefix + field;
  const std::string shown = prefix.empty() ? message : prefix + message;
  return BadField(field, ctx.T(shown, "方案变更无效：" + shown));
}

}  // namespace

Response WhatIf(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto body = io::ParseJson(ctx.request.body, "body");
  if (!body.ok() || !body->is_object()) {
    return ErrorResponse(Code::kInvalidArgument,
                         ctx.T("request body must be a JSON object", "请求体必须是 JSON 对象"));
  }
  const bool has_changes = body->contains("changes");
  const bool has_scheme = body->contains("scheme");
  if (has_changes == has_scheme) {
    return BadField("changes", ctx.T("give either changes (a list) or scheme (a scheme file)",
                                     "须提供 changes（变更列表）或 scheme（方案文件）之一"));
  }
  auto view_or = ctx.svc.years.View(year);
  if (!view_or.ok()) return Fail(view_or.status());
  const YearView& before = **view_or;

  core::Scheme after_scheme;
  if (has_changes) {
    auto changed = io::ApplySchemeChanges(before.scheme, body->at("changes"));
    if (!changed.ok()) return BadFromMessage(ctx, "", changed.status().message(), "changes");
    after_scheme = std::move(changed).value();
  } else {
    if (!body->at("scheme").is_object()) {
      return BadField("scheme", ctx.T("scheme: expected a scheme file (a JSON object)",
                                      "scheme：应为方案文件（JSON 对象）"));
    }
    auto parsed = io::SchemeFromJson(body->at("scheme"));
    if (!parsed.ok()) return BadFromMessage(ctx, "scheme.", parsed.status().message(), "scheme");
    if (parsed->year != year) {
      return BadField("scheme.year",
                      ctx.T("scheme.year: " + std::to_string(parsed->year) +
                                " is not the year of the path, " + std::to_string(year),
                            "scheme.year：" + std::to_string(parsed->year) + " 与路径中的年度 " +
                                std::to_string(year) + " 不一致"));
    }
    if (Status st = core::ValidateScheme(*parsed); !st.ok()) {
      return BadFromMessage(ctx, "scheme.", st.message(), "scheme");
    }
    after_scheme = std::move(parsed).value();
  }
  // The same options as the year's own results (provisional unless published).
  auto after =
      std::make_shared<YearView>(std::make_shared<const app::SchemeIndex>(std::move(after_scheme)));
  after->info = before.info;
  auto result =
      core::Evaluate(after->scheme, before.scoring_data(), EvaluateOptionsFor(before.info));
  if (!result.ok()) {
    return BadField(has_changes ? "changes" : "scheme",
                    ctx.T("the changed scheme cannot be evaluated: " + result.status().message(),
                          "变更后的方案无法计算：" + result.status().message()));
  }
  after->result = std::move(result).value();
  after->BuildIndexes();
  const auto changes =
      core::CompareResults(before.result, after->result, &before.scheme, &after->scheme);
  return JsonResponse(dto::WhatIfJson(before, *after, changes));
}

}  // namespace govperf::server::handlers
