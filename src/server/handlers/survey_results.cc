// 社会评价 results (docs/api.md "Surveys — results"): computed now for the
// office and leaders, applied to the year's satisfaction scores by the
// office, and the applied rows for results pages (a unit or lead department
// its own unit's; everyone for a published year). parse → app/survey/results → DTO.
#include "app/survey/results.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"
#include "server/policy.h"

namespace govperf::server::handlers {
namespace {

// What one caller may make the machine do: a computation costs about
// responses × replicates draws. The office may ask for up to 1,000
// replicates, leaders for up to 500; the default is the 1,000 the apply uses,
// so the page and the applied scores agree.
constexpr int64_t kMinSurveyReplicates = 20;
constexpr int64_t kMaxSurveyReplicates = 1000;
constexpr int64_t kMaxSurveyReplicatesOthers = 500;

Json SurveyRowJson(const store::SurveyResultRow& r) {
  Json j = {{"n", r.n},
            {"n_dont_know", r.n_dont_know},
            {"score", dto::OptionalNumber(r.score)},
            {"se", dto::OptionalNumber(r.se)},
            {"ci_low", dto::OptionalNumber(r.ci_low)},
            {"ci_high", dto::OptionalNumber(r.ci_high)},
            {"warning", r.warning}};
  if (!r.group_id.empty()) j["group_id"] = r.group_id;
  if (r.computed_at) j["computed_at"] = r.computed_at;
  return j;
}

// Rows (each unit's '' row followed by its groups') → units with their groups.
// `only_unit` non-empty keeps that unit alone. `supplies` (applied results
// only): the units whose current satisfaction this survey supplied.
Json UnitsJson(const std::vector<store::SurveyResultRow>& rows, const std::string& only_unit,
               const std::set<std::string>* supplies = nullptr) {
  Json units = Json::array();
  for (const store::SurveyResultRow& r : rows) {
    if (!only_unit.empty() && r.unit_id != only_unit) continue;
    if (r.group_id.empty()) {
      Json u = SurveyRowJson(r);
      u["unit_id"] = r.unit_id;
      if (supplies) u["supplies_satisfaction"] = supplies->count(r.unit_id) > 0;
      u["groups"] = Json::array();
      units.push_back(std::move(u));
    } else if (!units.empty() && units.back()["unit_id"] == r.unit_id) {
      units.back()["groups"].push_back(SurveyRowJson(r));
    }
  }
  return units;
}

Json ResultsJson(const app::survey::SurveyResults& s) {
  Json groups = Json::array();
  for (const auto& g : s.groups) {
    groups.push_back({{"group_id", g.group_id},
                      {"respondents", g.rake.respondents},
                      {"raked", g.rake.raked},
                      {"converged", g.rake.converged},
                      {"iterations", g.rake.iterations},
                      {"unraked_cells", g.rake.unraked_cells},
                      {"empty_levels", g.rake.empty_levels},
                      {"error", g.rake.error}});
  }
  return {{"survey_id", s.survey_id},       {"year", s.year},
          {"replicates", s.replicates},     {"level", s.confidence},
          {"respondents", s.respondents},   {"unknown_group", s.unknown_group},
          {"unknown_unit", s.unknown_unit}, {"groups", std::move(groups)},
          {"units", UnitsJson(s.rows, "")}};
}

// `hand`: the units whose satisfaction the office entered by hand; their
// source is "manual" (手工录入). `who`: also say who entered it and when
// (signed-in readers; the public page gets the source alone).
Json AppliedJson(int year, const std::vector<app::survey::AppliedSurvey>& applied,
                 const std::vector<store::SatisfactionSource>& hand, const std::string& only_unit,
                 bool who) {
  Json surveys = Json::array();
  // unit → the survey that supplied its satisfaction (several surveys of a
  // year combine, each supplying its own units).
  Json sources = Json::object();
  for (const auto& a : applied) {
    surveys.push_back({{"survey_id", a.survey_id},
                       {"title_zh", a.title_zh},
                       {"title_en", a.title_en},
                       {"units", UnitsJson(a.rows, only_unit, &a.supplies)}});
    for (const std::string& u : a.supplies) {
      if (only_unit.empty() || u == only_unit) sources[u] = a.survey_id;
    }
  }
  Json manual = Json::object();
  for (const store::SatisfactionSource& src : hand) {
    if (!only_unit.empty() && src.unit_id != only_unit) continue;
    sources[src.unit_id] = "manual";
    manual[src.unit_id] = {{"entered_by", src.applied_by}, {"entered_at", src.applied_at}};
  }
  Json out = {{"year", year}, {"surveys", std::move(surveys)}, {"sources", std::move(sources)}};
  if (who) out["manual"] = std::move(manual);
  return out;
}

}  // namespace

Response SurveyResults(Ctx& ctx) {
  std::optional<int64_t> replicates;
  const int64_t max =
      ctx.role() == core::Role::kAdmin ? kMaxSurveyReplicates : kMaxSurveyReplicatesOthers;
  if (auto err = QueryInt(ctx, "replicates", kMinSurveyReplicates, max, &replicates)) return *err;
  app::survey::ResultsOptions options;
  if (replicates) options.replicates = static_cast<int>(*replicates);
  auto r = app::survey::Compute(ctx.svc.store, ctx.caller(), ctx.params.at("id"), options);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(ResultsJson(*r));
}

Response ApplySurveyResults(Ctx& ctx) {
  // Optional body {"replace": true}: take over units another survey of the
  // year supplied (refused otherwise, naming them).
  bool replace = false;
  if (!ctx.request.body.empty()) {
    BodyReader body(ctx);
    replace = body.OptBool("replace").value_or(false);
    if (!body.ok()) return body.error();
  }
  auto r = app::survey::Apply(ctx.svc.store, ctx.caller(), ctx.params.at("id"), replace);
  if (!r.ok()) return Fail(ctx, r.status());
  Json body = ResultsJson(r->results);
  body["units_written"] = r->units_written;
  Json replaced = Json::object();
  for (const auto& src : r->replaced) {
    replaced[src.unit_id] = src.manual() ? std::string("manual") : src.survey_id;
  }
  body["replaced"] = std::move(replaced);
  return JsonResponse(body);
}

Response YearSatisfaction(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  // results.all: every unit; scorecard.own: the caller's own unit only.
  std::string only_unit;
  if (!RoleHas(ctx.role(), Permission::kResultsAll)) {
    only_unit = ctx.caller().unit_id;
    if (only_unit.empty()) {
      return ErrorResponse(Code::kPermissionDenied,
                           ctx.T("your account has no unit", "您的账号未关联单位"));
    }
  }
  auto applied = app::survey::YearSatisfaction(ctx.svc.store, year);
  if (!applied.ok()) return Fail(ctx, applied.status());
  auto hand = app::survey::HandEnteredSatisfaction(ctx.svc.store, year);
  if (!hand.ok()) return Fail(ctx, hand.status());
  return JsonResponse(AppliedJson(year, *applied, *hand, only_unit, true));
}

Response PublicYearSatisfaction(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  // An unpublished year answers exactly like an unknown one.
  auto info = ctx.svc.years.Year(year);
  if (!info.ok() || !info->published()) {
    const std::string ys = std::to_string(year);
    return ErrorResponse(Code::kNotFound,
                         ctx.T("no published results for year " + ys, ys + " 年度没有已公布的结果"),
                         {{"field", "year"}});
  }
  auto applied = app::survey::YearSatisfaction(ctx.svc.store, year);
  if (!applied.ok()) return Fail(ctx, applied.status());
  auto hand = app::survey::HandEnteredSatisfaction(ctx.svc.store, year);
  if (!hand.ok()) return Fail(ctx, hand.status());
  return JsonResponse(AppliedJson(year, *applied, *hand, "", false));
}

}  // namespace govperf::server::handlers
