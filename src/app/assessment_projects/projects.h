// 考核项目规范 the registry of assessment projects: besides the comprehensive
// evaluation, departments run their own assessments of the same units
// (安全生产考核, 党风廉政考核, 河长制考核 …). Each must be applied for (申报) by
// its department and decided by the office: kept as a separate project
// (批准保留), merged into the comprehensive evaluation (纳入综合考核) or refused
// (不予保留); a kept project may later be abolished (撤销). The point is the
// assessed units' burden (多头考核、重复考核): how many projects assess each
// unit and how many reports a year they ask, against the year before.
// docs/design/assessment_projects.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "core/projects/burden.h"
#include "store/store.h"

namespace govperf::app::projects {

// annual | semiannual | quarterly | monthly | ad_hoc.
bool IsFrequency(const std::string& frequency);
// Reports a year a frequency implies (ad_hoc: 0), the default when an
// application does not say.
int DefaultReportsPerYear(const std::string& frequency);
inline constexpr int kMaxReportsPerYear = 366;  // one a day at most

// What an applicant sends. Assessed units are whole categories and/or single
// units of the organisation registry, resolved to the active units at each
// write (and stored both ways, store.h).
struct ProjectInput {
  std::string id;  // apply: optional (DEPT-NN generated); edit: ignored
  std::string name_zh, name_en;
  std::string department_id;
  std::string basis;  // 设立依据: legal basis or reason, required
  std::vector<std::string> category_ids, unit_ids;
  std::string frequency;
  std::optional<int> reports_per_year;  // default DefaultReportsPerYear(frequency)
};

// A lead department applies for its own department only (the default when
// department_id is empty); the admin (or the program) for any. The year must exist. Errors name the field; nothing is
// saved on any error.
Result<store::AssessmentProject> ApplyProject(store::Store& store, const Caller& caller, int year,
                                              const ProjectInput& in);
// Replaces an application still `applied` (a lead: only its own
// department's, and it stays its own).
Result<store::AssessmentProject> EditProject(store::Store& store, const Caller& caller, int year,
                                             const std::string& id, const ProjectInput& in);

struct Decision {
  std::string status;                             // approved | merged | refused | abolished
  std::string note;                               // required for refused and abolished
  std::vector<std::string> merged_indicator_ids;  // merged only: indicators of the year's scheme
};
// The office's decision (admin): applied → approved | merged | refused;
// approved → abolished. A second decision is refused (409 naming `status`).
Result<store::AssessmentProject> DecideProject(store::Store& store, const Caller& caller, int year,
                                               const std::string& id, const Decision& d);

struct ProjectFilter {
  std::string status;         // "" any
  std::string department_id;  // "" any
};
Result<std::vector<store::AssessmentProject>> ListProjects(store::Store& store,
                                                           const Caller& caller, int year,
                                                           const ProjectFilter& filter);

// Copies last year's approved projects into `year` as applications (renewal
// is explicit: the office decides them again), keeping ids; a lead copies
// only its own department's. Assessed units are resolved again in today's
// registry. A project whose id `year` already has, or whose department or
// every assessed unit has since retired, is skipped with the reason.
struct CopySkip {
  std::string id;
  std::string reason_en, reason_zh;
};
struct CopyResult {
  int from_year = 0;
  std::vector<store::AssessmentProject> copied;
  std::vector<CopySkip> skipped;
};
Result<CopyResult> CopyFromPreviousYear(store::Store& store, const Caller& caller, int year);

// The burden per assessed unit (core::projects::ComputeBurden over `year`
// and `year` − 1) with the units' names from the organisation registry. An
// assessed unit (role unit) reads only its own row and the city totals.
struct BurdenRow {
  core::projects::UnitBurden burden;
  std::string name_zh, name_en, category_id;
};
struct BurdenView {
  int year = 0, previous_year = 0;
  bool has_previous = false;     // the previous year has any project
  std::vector<BurdenRow> units;  // heaviest first
  core::projects::CityBurden city;
};
Result<BurdenView> GetBurden(store::Store& store, const Caller& caller, int year);

}  // namespace govperf::app::projects
