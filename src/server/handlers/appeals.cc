// 申诉 appeals during 公示 (app/publication/appeals.h): list (narrowed per
// role), file (a unit for itself; the office on a unit's behalf), answer
// (the indicator's lead department or the office), the knock-on effect of
// upholding and the decision (the office: years.write).
#include "app/publication/appeals.h"

#include "app/monitoring/calendar.h"
#include "io/scheme_json.h"
#include "io/whatif_json.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace pub = app::publication;

Json AppealJson(const store::Appeal& a) {
  return {{"year", a.year},
          {"id", a.id},
          {"window_seq", a.window_seq},
          {"unit_id", a.unit_id},
          {"kind", a.kind},
          {"indicator_id", a.indicator_id},
          {"adjustment_id", a.adjustment_id},
          {"claimed_value", a.claimed_value ? Json(*a.claimed_value) : Json(nullptr)},
          {"reason", a.reason},
          {"evidence", a.evidence},
          {"state", a.state},
          {"filed_by", a.filed_by},
          {"filed_at", a.filed_at},
          {"answer", a.answer},
          {"answered_by", a.answered_by},
          {"answered_at", a.answered_at},
          {"decision", a.decision},
          {"decided_by", a.decided_by},
          {"decided_at", a.decided_at}};
}

std::optional<Response> AppealId(const Ctx& ctx, int64_t* out) {
  if (!ParseInt(ctx.params.at("id"), out) || *out < 1) {
    return BadField("id", ctx.T("id: expected a positive integer", "id：应为正整数"));
  }
  return std::nullopt;
}

}  // namespace

Response ListAppeals(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto list = pub::ListAppeals(ctx.svc.years, ctx.svc.store, ctx.caller(), year);
  if (!list.ok()) return Fail(ctx, list.status());
  Json out = Json::array();
  for (const auto& a : *list) out.push_back(AppealJson(a));
  return JsonResponse({{"year", year}, {"appeals", std::move(out)}});
}

Response FileAppeal(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  pub::AppealInput in;
  in.unit_id = body.String("unit_id", false);
  in.kind = body.String("kind");
  in.indicator_id = body.String("indicator_id", false);
  in.adjustment_id = body.String("adjustment_id", false);
  in.claimed_value = body.NumberOrNull("claimed_value");
  in.reason = body.String("reason");
  if (!body.ok()) return body.error();
  if (in.unit_id.empty()) in.unit_id = ctx.caller().unit_id;
  // Evidence: a list of SHA-256 hashes of files already stored (monitoring evidence).
  auto parsed = io::ParseJson(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (parsed.ok() && parsed->is_object() && parsed->contains("evidence")) {
    const Json& ev = (*parsed)["evidence"];
    if (!ev.is_array()) {
      return BadField("evidence", ctx.T("evidence: expected a list of SHA-256 hashes",
                                        "evidence：应为 SHA-256 列表"));
    }
    for (const Json& e : ev) {
      if (!e.is_string()) {
        return BadField("evidence", ctx.T("evidence: expected a list of SHA-256 hashes",
                                          "evidence：应为 SHA-256 列表"));
      }
      in.evidence.push_back(e.get<std::string>());
    }
  }
  auto a = pub::FileAppeal(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in,
                           app::monitoring::TodayInChina(ctx.svc.clock));
  if (!a.ok()) return Fail(ctx, a.status());
  return JsonResponse(AppealJson(*a), 201);
}

Response AnswerAppeal(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  if (auto err = AppealId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::string answer = body.String("answer");
  if (!body.ok()) return body.error();
  auto a = pub::AnswerAppeal(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id, answer);
  if (!a.ok()) return Fail(ctx, a.status());
  return JsonResponse(AppealJson(*a));
}

Response AppealKnockOn(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  if (auto err = AppealId(ctx, &id)) return *err;
  auto k = pub::KnockOnOf(ctx.svc.years, ctx.svc.store, year, id);
  if (!k.ok()) return Fail(ctx, k.status());
  auto scheme = ctx.svc.years.Scheme(year);
  if (!scheme.ok()) return Fail(ctx, scheme.status());
  return JsonResponse({{"appeal", AppealJson(k->appeal)},
                       {"unit",
                        {{"unit_id", k->appeal.unit_id},
                         {"total_before", k->total_before},
                         {"total_after", k->total_after},
                         {"rank_before", k->rank_before},
                         {"rank_after", k->rank_after},
                         {"grade_before", k->grade_before},
                         {"grade_after", k->grade_after}}},
                       {"grades", dto::GradesJson(**scheme)},
                       {"changed", k->changes.size()},
                       {"changes", io::UnitChangesJson(k->changes, **scheme, **scheme)}});
}

Response DecideAppeal(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  if (auto err = AppealId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::optional<bool> uphold = body.OptBool("uphold");
  const std::string reason = body.String("reason");
  if (!body.ok()) return body.error();
  if (!uphold) {
    return BadField("uphold", ctx.T("uphold: required (true or false)", "uphold：必填"));
  }
  auto a = pub::DecideAppeal(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id, *uphold, reason);
  if (!a.ok()) return Fail(ctx, a.status());
  return JsonResponse(AppealJson(*a));
}

}  // namespace govperf::server::handlers
