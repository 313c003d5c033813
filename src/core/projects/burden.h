// 考核负担 the assessment burden of each assessed unit from the registry of
// assessment projects (考核项目规范): how many separate projects assess it and
// how many reports a year they ask of it, against the year before. Pure:
// plain data in, plain data out (docs/design/assessment_projects.md).
#pragma once

#include <string>
#include <vector>

namespace govperf::core::projects {

// One project as the burden sees it.
struct BurdenProject {
  std::string id;
  std::string status;  // applied | approved | merged | refused | abolished
  int reports_per_year = 0;
  std::vector<std::string> unit_ids;  // the assessed units (resolved)
};

// A unit's burden in one year and its change against the year before.
struct UnitBurden {
  std::string unit_id;
  int projects = 0;  // approved projects assessing it (in force, a separate burden)
  int reports = 0;   // their reports a year
  int merged = 0;    // projects merged into the comprehensive evaluation (not a separate burden)
  int previous_projects = 0, previous_reports = 0;   // the same, the year before
  int delta_projects = 0, delta_reports = 0;         // this year − the year before
  std::vector<std::string> project_ids, merged_ids;  // this year, in the projects' order
};

struct CityBurden {
  int projects = 0;     // distinct approved projects
  int merged = 0;       // distinct merged projects
  int assessments = 0;  // Σ over units of their projects (unit × project pairs)
  int reports = 0;      // Σ over units of their reports a year
  int previous_projects = 0, previous_assessments = 0, previous_reports = 0;
  int delta_projects = 0, delta_assessments = 0, delta_reports = 0;
};

struct Burden {
  // Every unit assessed by an approved or merged project in either year,
  // heaviest first: reports, then projects (both descending), then unit id.
  std::vector<UnitBurden> units;
  CityBurden city;
};

// `current` and `previous`: the two years' projects (previous may be empty).
// Only approved projects count as a burden; merged ones are counted apart;
// applied, refused and abolished ones count nowhere. A unit listed twice in
// one project counts once.
Burden ComputeBurden(const std::vector<BurdenProject>& current,
                     const std::vector<BurdenProject>& previous);

}  // namespace govperf::core::projects
