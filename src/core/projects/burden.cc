#include "core/projects/burden.h"

#include <algorithm>
#include <map>
#include <set>

namespace govperf::core::projects {
namespace {

struct YearTally {
  int projects = 0, reports = 0, merged = 0;
  std::vector<std::string> project_ids, merged_ids;
};

// Per unit: approved projects and their reports, merged projects; and the
// city's distinct approved and merged projects.
std::map<std::string, YearTally> TallyYear(const std::vector<BurdenProject>& projects,
                                           int* approved, int* merged) {
  std::map<std::string, YearTally> out;
  *approved = 0;
  *merged = 0;
  for (const BurdenProject& p : projects) {
    const bool in_force = p.status == "approved";
    const bool is_merged = p.status == "merged";
    if (!in_force && !is_merged) continue;
    (in_force ? *approved : *merged) += 1;
    const std::set<std::string> units(p.unit_ids.begin(), p.unit_ids.end());
    for (const std::string& u : units) {
      YearTally& t = out[u];
      if (in_force) {
        t.projects += 1;
        t.reports += p.reports_per_year;
        t.project_ids.push_back(p.id);
      } else {
        t.merged += 1;
        t.merged_ids.push_back(p.id);
      }
    }
  }
  return out;
}

}  // namespace

Burden ComputeBurden(const std::vector<BurdenProject>& current,
                     const std::vector<BurdenProject>& previous) {
  Burden b;
  int prev_projects = 0, prev_merged = 0;
  const auto now = TallyYear(current, &b.city.projects, &b.city.merged);
  const auto before = TallyYear(previous, &prev_projects, &prev_merged);
  std::set<std::string> units;
  for (const auto& [u, t] : now) units.insert(u);
  for (const auto& [u, t] : before) units.insert(u);
  for (const std::string& u : units) {
    UnitBurden row;
    row.unit_id = u;
    if (auto it = now.find(u); it != now.end()) {
      row.projects = it->second.projects;
      row.reports = it->second.reports;
      row.merged = it->second.merged;
      row.project_ids = it->second.project_ids;
      row.merged_ids = it->second.merged_ids;
    }
    if (auto it = before.find(u); it != before.end()) {
      row.previous_projects = it->second.projects;
      row.previous_reports = it->second.reports;
    }
    row.delta_projects = row.projects - row.previous_projects;
    row.delta_reports = row.reports - row.previous_reports;
    b.city.assessments += row.projects;
    b.city.reports += row.reports;
    b.city.previous_assessments += row.previous_projects;
    b.city.previous_reports += row.previous_reports;
    b.units.push_back(std::move(row));
  }
  b.city.previous_projects = prev_projects;
  b.city.delta_projects = b.city.projects - b.city.previous_projects;
  b.city.delta_assessments = b.city.assessments - b.city.previous_assessments;
  b.city.delta_reports = b.city.reports - b.city.previous_reports;
  std::sort(b.units.begin(), b.units.end(), [](const UnitBurden& x, const UnitBurden& y) {
    if (x.reports != y.reports) return x.reports > y.reports;
    if (x.projects != y.projects) return x.projects > y.projects;
    return x.unit_id < y.unit_id;
  });
  return b;
}

}  // namespace govperf::core::projects
