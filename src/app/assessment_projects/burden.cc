// 考核负担 the burden per assessed unit: the registry of `year` and the year
// before through core::projects::ComputeBurden, with the units' names.
#include <map>

#include "app/assessment_projects/checks.h"

namespace govperf::app::projects {

namespace {

std::vector<core::projects::BurdenProject> BurdenInput(
    const std::vector<store::AssessmentProject>& projects) {
  std::vector<core::projects::BurdenProject> out;
  out.reserve(projects.size());
  for (const auto& p : projects) {
    out.push_back({p.id, p.status, p.reports_per_year, p.assessed_unit_ids});
  }
  return out;
}

}  // namespace

Result<BurdenView> GetBurden(store::Store& store, const Caller& caller, int year) {
  GOVPERF_RETURN_IF_ERROR(detail::CheckYear(store, year));
  auto now = store.ListAssessmentProjects(year);
  if (!now.ok()) return now.status();
  auto before = store.ListAssessmentProjects(year - 1);
  if (!before.ok()) return before.status();
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::map<std::string, const store::OrgUnit*> units;
  for (const auto& u : org->units) units[u.id] = &u;

  const core::projects::Burden b =
      core::projects::ComputeBurden(BurdenInput(*now), BurdenInput(*before));
  BurdenView out;
  out.year = year;
  out.previous_year = year - 1;
  out.has_previous = !before->empty();
  out.city = b.city;
  // An assessed unit sees its own row only (and the city's totals).
  const bool own_only = caller.role == core::Role::kUnit;
  for (const auto& u : b.units) {
    if (own_only && u.unit_id != caller.unit_id) continue;
    BurdenRow row;
    row.burden = u;
    if (auto it = units.find(u.unit_id); it != units.end()) {
      row.name_zh = it->second->name_zh;
      row.name_en = it->second->name_en;
      row.category_id = it->second->category_id;
    }
    out.units.push_back(std::move(row));
  }
  return out;
}

}  // namespace govperf::app::projects
