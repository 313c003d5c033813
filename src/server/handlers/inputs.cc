// What the office enters into a year besides indicator values: satisfaction
// and leadership scores, unit inputs, bonus / deduction / veto items.
// parse → app/year_inputs → DTO.
#include "app/year_inputs.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

// A number, null, or absent (keep).
app::NumberPatch ReadPatch(BodyReader& body, const char* field) {
  app::NumberPatch p;
  p.present = body.Has(field);
  p.value = body.NumberOrNull(field);
  return p;
}

Json UnitRow(const core::Unit& u, const core::YearData& d) {
  const auto num = [&](const std::map<std::string, double>& m) {
    auto it = m.find(u.id);
    return it == m.end() ? Json(nullptr) : Json(it->second);
  };
  Json inputs = Json::object();
  if (auto it = d.inputs.find(u.id); it != d.inputs.end()) {
    for (const auto& [k, v] : it->second) inputs[k] = v;
  }
  return {{"unit_id", u.id},
          {"name_zh", u.name_zh},
          {"name_en", u.name_en},
          {"category_id", u.category_id},
          {"satisfaction", num(d.satisfaction)},
          {"satisfaction_se", num(d.satisfaction_se)},
          {"leadership", num(d.leadership)},
          {"inputs", std::move(inputs)}};
}

}  // namespace

Response GetYearInputs(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  auto scheme = ctx.svc.years.Scheme(year);
  if (!scheme.ok()) return Fail(ctx, scheme.status());
  auto data = ctx.svc.store.LoadYearData(year);
  if (!data.ok()) return Fail(ctx, data.status());
  Json units = Json::array();
  for (const core::Unit& u : (*scheme)->units) units.push_back(UnitRow(u, *data));
  Json adjustments = Json::array();
  for (const auto& a : data->adjustments) adjustments.push_back(dto::AdjustmentJson(a));
  return JsonResponse({{"year", year},
                       {"status", core::StageName(info->stage)},
                       {"units", std::move(units)},
                       {"adjustments", std::move(adjustments)}});
}

Response PutScores(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  app::ScoresPatch patch;
  patch.unit_id = body.String("unit_id");
  patch.satisfaction = ReadPatch(body, "satisfaction");
  patch.satisfaction_se = ReadPatch(body, "satisfaction_se");
  patch.leadership = ReadPatch(body, "leadership");
  // Typing over satisfaction a survey supplied must say so (409 otherwise).
  patch.replace = body.OptBool("replace").value_or(false);
  if (!body.ok()) return body.error();
  auto s = app::PutScores(ctx.svc.store, ctx.caller(), year, patch);
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse({{"unit_id", s->unit_id},
                       {"satisfaction", dto::OptionalNumber(s->satisfaction)},
                       {"satisfaction_se", dto::OptionalNumber(s->satisfaction_se)},
                       {"leadership", dto::OptionalNumber(s->leadership)}});
}

Response PutUnitInputs(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const std::string unit_id = body.String("unit_id");
  const auto inputs = body.NumberMap("inputs");
  if (!body.ok()) return body.error();
  Status st = app::PutUnitInputs(ctx.svc.store, ctx.caller(), year, unit_id, inputs);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"unit_id", unit_id}, {"inputs", inputs}});
}

Response AddAdjustment(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  app::AdjustmentInput in;
  in.unit_id = body.String("unit_id");
  in.kind = body.String("kind");
  in.points = body.NumberOrNull("points").value_or(0);
  in.veto_effect = body.String("veto_effect", false);
  in.reason_zh = body.String("reason_zh");
  in.reason_en = body.String("reason_en", false);
  in.evidence = body.String("evidence", false);
  if (!body.ok()) return body.error();
  auto a = app::AddAdjustment(ctx.svc.store, ctx.caller(), year, in);
  if (!a.ok()) return Fail(ctx, a.status());
  return JsonResponse(dto::AdjustmentJson(*a), 201);
}

Response DeleteAdjustment(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Status st = app::DeleteAdjustment(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"));
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

}  // namespace govperf::server::handlers
