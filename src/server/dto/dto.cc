#include "server/dto/dto.h"

#include <algorithm>
#include <set>

#include "io/scheme_json.h"
#include "server/policy.h"

namespace govperf::server::dto {

Json OptionalNumber(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json YearInfoJson(const store::YearInfo& y) {
  return {{"year", y.year},
          {"status", core::StageName(y.stage)},
          {"published_at", y.published_at},
          {"data_version", y.data_version}};
}

Json OrgCategoryJson(const store::OrgCategory& c) {
  return {{"id", c.id},
          {"name_zh", c.name_zh},
          {"name_en", c.name_en},
          {"kind", core::UnitKindName(c.kind)},
          {"retired", c.retired}};
}

Json OrgUnitJson(const store::OrgUnit& u) {
  return {{"id", u.id},
          {"name_zh", u.name_zh},
          {"name_en", u.name_en},
          {"category_id", u.category_id},
          {"parent_id", u.parent_id},
          {"kind", core::UnitKindName(u.kind)},
          {"retired", u.retired}};
}

Json AdjustmentJson(const core::Adjustment& a) {
  return {{"id", a.id},
          {"unit_id", a.unit_id},
          {"kind", core::AdjustmentKindName(a.kind)},
          {"points", a.points},
          {"veto_effect", a.veto_effect == core::VetoEffect::kFixLowest ? "fix_lowest"
                                                                         : "cap_qualified"},
          {"reason_zh", a.reason_zh},
          {"reason_en", a.reason_en},
          {"evidence", a.evidence},
          {"entered_by", a.entered_by},
          {"approved_by", a.approved_by}};
}

Json CategoryJson(const core::Category& c) {
  return {{"id", c.id},
          {"name_zh", c.name_zh},
          {"name_en", c.name_en},
          {"kind", core::UnitKindName(c.kind)}};
}

Json UnitJson(const core::Unit& u) {
  return {{"id", u.id},
          {"name_zh", u.name_zh},
          {"name_en", u.name_en},
          {"category_id", u.category_id},
          {"kind", core::UnitKindName(u.kind)},
          {"parent_id", u.parent_id}};
}

Json UserJson(const store::User& user, const core::Unit* unit) {
  Json perms = Json::array();
  for (Permission p : PermissionsOf(user.role)) perms.push_back(PermissionName(p));
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", core::RoleName(user.role)},
          {"unit_id", user.unit_id},
          {"unit_name_zh", unit ? unit->name_zh : ""},
          {"unit_name_en", unit ? unit->name_en : ""},
          {"permissions", std::move(perms)}};
}

Json UserListItemJson(const store::User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", core::RoleName(user.role)},
          {"unit_id", user.unit_id},
          {"active", user.active},
          {"locked_until", user.locked_until},
          {"failed_logins", user.failed_logins}};
}

namespace {
// before/after are stored as JSON text; hand them out as JSON values so the
// client need not parse twice. Text that is not JSON stays a string.
Json EmbeddedJson(const std::string& text) {
  if (text.empty()) return nullptr;
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return parsed.is_discarded() ? Json(text) : parsed;
}
}  // namespace

Json AuditRecordJson(const store::AuditRecord& r) {
  return {{"id", r.id},
          {"at", r.at},
          {"actor", r.actor},
          {"action", r.action},
          {"entity", r.entity},
          {"before", EmbeddedJson(r.before)},
          {"after", EmbeddedJson(r.after)},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

Json UnitRowJson(const YearView& view, const core::UnitResult& r) {
  auto unit = view.units.find(r.unit_id);
  const core::Unit* u = unit == view.units.end() ? nullptr : unit->second;
  // One rendering of a unit's result for the API, the CLI and the cases.
  Json row = io::UnitResultToJson(r, /*with_trace=*/false);
  row["name_zh"] = u ? u->name_zh : "";
  row["name_en"] = u ? u->name_en : "";
  return row;
}

Json GradesJson(const core::Scheme& scheme) {
  Json out = Json::array();
  std::set<std::string> seen;
  for (const core::Category& c : scheme.categories) {
    for (const core::GradeLevel& g : c.grades) {
      if (!seen.insert(g.code).second) continue;
      out.push_back({{"code", g.code}, {"name_zh", g.name_zh}, {"name_en", g.name_en}});
    }
  }
  return out;
}

Json ResultsJson(const YearView& view) {
  Json categories = Json::array();
  for (const core::Category& c : view.scheme.categories) {
    const auto rows = view.CategoryRows(c.id);
    Json units = Json::array();
    for (const core::UnitResult* r : rows) units.push_back(UnitRowJson(view, *r));
    Json cat = CategoryJson(c);
    cat["weights"] = {{"indicator", c.weights.indicator},
                      {"satisfaction", c.weights.satisfaction},
                      {"leadership", c.weights.leadership}};
    cat["units"] = std::move(units);
    categories.push_back(std::move(cat));
  }
  return {{"year", view.scheme.year},
          {"status", core::StageName(view.info.stage)},
          {"grades", GradesJson(view.scheme)},
          {"categories", std::move(categories)}};
}

}  // namespace govperf::server::dto
