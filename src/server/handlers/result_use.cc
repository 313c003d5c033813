// 结果运用 result use: the grade → outcomes table, what each unit's grade
// suggests, recorded applications, and a unit's history over the years.
// parse → app/result_use → DTO.
#include "app/result_use.h"

#include "io/scheme_json.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

Json RuleJson(const store::ResultUseRule& r) {
  return {{"grade", r.grade},
          {"bonus_coefficient", dto::OptionalNumber(r.bonus_coefficient)},
          {"cadre", r.cadre},
          {"budget", r.budget},
          {"accountability", r.accountability}};
}

Json RecordJson(const store::ResultUseRecord& r) {
  return {{"id", r.id},
          {"year", r.year},
          {"unit_id", r.unit_id},
          {"kind", r.kind},
          {"outcome", r.outcome},
          {"coefficient", dto::OptionalNumber(r.coefficient)},
          {"reference", r.reference},
          {"decided_on", r.decided_on},
          {"recorded_by", r.recorded_by},
          {"recorded_at", r.recorded_at}};
}

Json Records(const std::vector<store::ResultUseRecord>& records) {
  Json out = Json::array();
  for (const auto& r : records) out.push_back(RecordJson(r));
  return out;
}

// A string member ("" when absent or null); false when of another type.
bool StringField(const Json& j, const char* k, std::string* out) {
  if (!j.contains(k) || j[k].is_null()) return true;
  if (!j[k].is_string()) return false;
  *out = j[k].get<std::string>();
  return true;
}
bool NumberField(const Json& j, const char* k, std::optional<double>* out) {
  if (!j.contains(k) || j[k].is_null()) return true;
  if (!j[k].is_number()) return false;
  *out = j[k].get<double>();
  return true;
}

}  // namespace

Response GetResultUse(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto o = app::GetResultUse(ctx.svc.years, ctx.svc.store, ctx.caller(), year);
  if (!o.ok()) return Fail(ctx, o.status());
  Json rules = Json::array();
  for (const auto& r : o->rules) rules.push_back(RuleJson(r));
  Json rows = Json::array();
  for (const auto& r : o->rows) {
    rows.push_back({{"unit_id", r.unit_id},
                    {"name_zh", r.name_zh},
                    {"name_en", r.name_en},
                    {"category_id", r.category_id},
                    {"total", r.total},
                    {"rank", r.rank},
                    {"category_size", r.category_size},
                    {"grade", r.grade},
                    {"grade_zh", r.grade_zh},
                    {"grade_en", r.grade_en},
                    {"suggested", r.suggested ? RuleJson(*r.suggested) : Json(nullptr)},
                    {"records", Records(r.records)}});
  }
  return JsonResponse({{"year", o->year},
                       {"published", o->published},
                       {"rules", std::move(rules)},
                       {"units", std::move(rows)}});
}

Response PutResultUseRules(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto body = io::ParseJson(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (!body.ok() || !body->is_object() || !body->contains("rules") ||
      !(*body)["rules"].is_array()) {
    return BadField("rules", ctx.T("rules: expected an array of rows", "rules：应为规则行数组"));
  }
  std::vector<store::ResultUseRule> rules;
  const Json& list = (*body)["rules"];
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& j = list[i];
    const std::string row = "rules[" + std::to_string(i) + "]";
    store::ResultUseRule r;
    if (!j.is_object() || !StringField(j, "grade", &r.grade) ||
        !NumberField(j, "bonus_coefficient", &r.bonus_coefficient) ||
        !StringField(j, "cadre", &r.cadre) || !StringField(j, "budget", &r.budget) ||
        !StringField(j, "accountability", &r.accountability)) {
      return BadField(row, ctx.T(row + ": expected {grade, bonus_coefficient, cadre, budget, "
                                       "accountability} with strings and a number",
                                 row + "：应为含 grade、bonus_coefficient、cadre、budget、"
                                       "accountability 的对象"));
    }
    rules.push_back(std::move(r));
  }
  Status st = app::SetResultUseRules(ctx.svc.years, ctx.svc.store, ctx.caller(), year, rules);
  if (!st.ok()) return Fail(ctx, st);
  Json out = Json::array();
  for (const auto& r : rules) out.push_back(RuleJson(r));
  return JsonResponse({{"year", year}, {"rules", std::move(out)}});
}

Response AddResultUseRecord(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  app::ResultUseInput in;
  in.unit_id = body.String("unit_id");
  in.kind = body.String("kind");
  in.outcome = body.String("outcome", false);
  in.coefficient = body.NumberOrNull("coefficient");
  in.reference = body.String("reference", false);
  in.decided_on = body.String("decided_on", false);
  if (!body.ok()) return body.error();
  auto r = app::RecordResultUse(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(RecordJson(*r), 201);
}

Response UnitHistory(Ctx& ctx) {
  auto h = app::GetUnitHistory(ctx.svc.years, ctx.svc.store, ctx.caller(), ctx.params.at("unit"));
  if (!h.ok()) return Fail(ctx, h.status());
  Json years = Json::array();
  for (const auto& y : *h) {
    years.push_back({{"year", y.year},
                     {"total", y.total},
                     {"rank", y.rank},
                     {"category_size", y.category_size},
                     {"grade", y.grade},
                     {"grade_zh", y.grade_zh},
                     {"grade_en", y.grade_en},
                     {"records", Records(y.records)}});
  }
  return JsonResponse({{"unit_id", ctx.params.at("unit")}, {"years", std::move(years)}});
}

}  // namespace govperf::server::handlers
