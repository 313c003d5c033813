// 考核项目规范 the registry of assessment projects: list, apply, edit while
// applied, the office's decision, renewal from last year, the burden per
// assessed unit. parse → app/assessment_projects → DTO.
#include <cmath>

#include "app/assessment_projects/projects.h"
#include "io/scheme_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

Json ProjectDto(const store::AssessmentProject& p) {
  return {{"year", p.year},
          {"id", p.id},
          {"name_zh", p.name_zh},
          {"name_en", p.name_en},
          {"department_id", p.department_id},
          {"basis", p.basis},
          {"category_ids", p.category_ids},
          {"unit_ids", p.unit_ids},
          {"assessed_unit_ids", p.assessed_unit_ids},
          {"frequency", p.frequency},
          {"reports_per_year", p.reports_per_year},
          {"status", p.status},
          {"merged_indicator_ids", p.merged_indicator_ids},
          {"decision_note", p.decision_note},
          {"applied_by", p.applied_by},
          {"applied_at", p.applied_at},
          {"updated_at", p.updated_at},
          {"decided_by", p.decided_by},
          {"decided_at", p.decided_at}};
}

// The JSON object body, or a 400 naming `body`.
std::optional<Response> ProjectBody(const Ctx& ctx, Json* out) {
  auto body = io::ParseJson(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (!body.ok() || !body->is_object()) {
    return BadField("body", ctx.T("body: expected a JSON object", "body：应为 JSON 对象"));
  }
  *out = std::move(*body);
  return std::nullopt;
}

// A string member ("" when absent or null), or a 400 naming it.
std::optional<Response> ProjectString(const Ctx& ctx, const Json& j, const char* k,
                                      std::string* out) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  if (!j[k].is_string()) {
    return BadField(k,
                    ctx.T(std::string(k) + ": expected a string", std::string(k) + "：应为字符串"));
  }
  *out = j[k].get<std::string>();
  return std::nullopt;
}

// An array of strings (empty when absent or null), or a 400 naming it.
std::optional<Response> ProjectStrings(const Ctx& ctx, const Json& j, const char* k,
                                       std::vector<std::string>* out) {
  if (!j.contains(k) || j[k].is_null()) return std::nullopt;
  bool ok = j[k].is_array();
  if (ok) {
    for (const Json& s : j[k]) ok = ok && s.is_string();
  }
  if (!ok) {
    return BadField(k, ctx.T(std::string(k) + ": expected an array of strings",
                             std::string(k) + "：应为字符串数组"));
  }
  *out = j[k].get<std::vector<std::string>>();
  return std::nullopt;
}

std::optional<Response> ProjectInputOf(const Ctx& ctx, const Json& j,
                                       app::projects::ProjectInput* in) {
  for (const auto& [key, dst] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"id", &in->id},
           {"name_zh", &in->name_zh},
           {"name_en", &in->name_en},
           {"department_id", &in->department_id},
           {"basis", &in->basis},
           {"frequency", &in->frequency}}) {
    if (auto err = ProjectString(ctx, j, key, dst)) return err;
  }
  if (auto err = ProjectStrings(ctx, j, "category_ids", &in->category_ids)) return err;
  if (auto err = ProjectStrings(ctx, j, "unit_ids", &in->unit_ids)) return err;
  if (j.contains("reports_per_year") && !j["reports_per_year"].is_null()) {
    const Json& r = j["reports_per_year"];
    const double v = r.is_number() ? r.get<double>() : NAN;
    if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v > app::projects::kMaxReportsPerYear) {
      return BadField("reports_per_year",
                      ctx.T("reports_per_year: " + r.dump() + " is not a count from 0 to 366",
                            "reports_per_year：" + r.dump() + " 不是 0 至 366 之间的次数"));
    }
    in->reports_per_year = static_cast<int>(v);
  }
  return std::nullopt;
}

}  // namespace

Response ListAssessmentProjects(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  app::projects::ProjectFilter f;
  if (auto it = ctx.query.find("status"); it != ctx.query.end()) f.status = it->second;
  if (auto it = ctx.query.find("department"); it != ctx.query.end()) f.department_id = it->second;
  auto list = app::projects::ListProjects(ctx.svc.store, ctx.caller(), year, f);
  if (!list.ok()) return Fail(ctx, list.status());
  Json out = Json::array();
  for (const auto& p : *list) out.push_back(ProjectDto(p));
  return JsonResponse({{"year", year}, {"projects", std::move(out)}});
}

Response ApplyAssessmentProject(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ProjectBody(ctx, &body)) return *err;
  app::projects::ProjectInput in;
  if (auto err = ProjectInputOf(ctx, body, &in)) return *err;
  auto p = app::projects::ApplyProject(ctx.svc.store, ctx.caller(), year, in);
  if (!p.ok()) return Fail(ctx, p.status());
  return JsonResponse(ProjectDto(*p), 201);
}

Response EditAssessmentProject(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ProjectBody(ctx, &body)) return *err;
  app::projects::ProjectInput in;
  if (auto err = ProjectInputOf(ctx, body, &in)) return *err;
  auto p = app::projects::EditProject(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"), in);
  if (!p.ok()) return Fail(ctx, p.status());
  return JsonResponse(ProjectDto(*p));
}

Response DecideAssessmentProject(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ProjectBody(ctx, &body)) return *err;
  app::projects::Decision d;
  if (auto err = ProjectString(ctx, body, "status", &d.status)) return *err;
  if (auto err = ProjectString(ctx, body, "note", &d.note)) return *err;
  if (auto err = ProjectStrings(ctx, body, "merged_indicator_ids", &d.merged_indicator_ids)) {
    return *err;
  }
  auto p = app::projects::DecideProject(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"), d);
  if (!p.ok()) return Fail(ctx, p.status());
  return JsonResponse(ProjectDto(*p));
}

Response CopyAssessmentProjects(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto r = app::projects::CopyFromPreviousYear(ctx.svc.store, ctx.caller(), year);
  if (!r.ok()) return Fail(ctx, r.status());
  Json copied = Json::array();
  for (const auto& p : r->copied) copied.push_back(ProjectDto(p));
  Json skipped = Json::array();
  for (const auto& s : r->skipped) {
    skipped.push_back({{"id", s.id}, {"reason", ctx.zh ? s.reason_zh : s.reason_en}});
  }
  return JsonResponse({{"year", year},
                       {"from_year", r->from_year},
                       {"copied", std::move(copied)},
                       {"skipped", std::move(skipped)}});
}

Response AssessmentBurden(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto b = app::projects::GetBurden(ctx.svc.store, ctx.caller(), year);
  if (!b.ok()) return Fail(ctx, b.status());
  Json units = Json::array();
  for (const auto& row : b->units) {
    const auto& u = row.burden;
    units.push_back({{"unit_id", u.unit_id},
                     {"name_zh", row.name_zh},
                     {"name_en", row.name_en},
                     {"category_id", row.category_id},
                     {"projects", u.projects},
                     {"reports", u.reports},
                     {"merged", u.merged},
                     {"previous_projects", u.previous_projects},
                     {"previous_reports", u.previous_reports},
                     {"delta_projects", u.delta_projects},
                     {"delta_reports", u.delta_reports},
                     {"project_ids", u.project_ids},
                     {"merged_ids", u.merged_ids}});
  }
  const auto& c = b->city;
  return JsonResponse({{"year", b->year},
                       {"previous_year", b->previous_year},
                       {"has_previous", b->has_previous},
                       {"units", std::move(units)},
                       {"city",
                        {{"projects", c.projects},
                         {"merged", c.merged},
                         {"assessments", c.assessments},
                         {"reports", c.reports},
                         {"previous_projects", c.previous_projects},
                         {"previous_assessments", c.previous_assessments},
                         {"previous_reports", c.previous_reports},
                         {"delta_projects", c.delta_projects},
                         {"delta_assessments", c.delta_assessments},
                         {"delta_reports", c.delta_reports}}}});
}

}  // namespace govperf::server::handlers
