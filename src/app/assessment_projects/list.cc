// The year's registry with filters (status, department).
#include <algorithm>

#include "app/assessment_projects/checks.h"

namespace govperf::app::projects {

Result<std::vector<store::AssessmentProject>> ListProjects(store::Store& store,
                                                           const Caller& caller, int year,
                                                           const ProjectFilter& filter) {
  (void)caller;  // every role that may read the registry reads all of it
  GOVPERF_RETURN_IF_ERROR(detail::CheckYear(store, year));
  static const std::vector<std::string> kStatuses = {"applied", "approved", "merged", "refused",
                                                     "abolished"};
  if (!filter.status.empty() &&
      std::find(kStatuses.begin(), kStatuses.end(), filter.status) == kStatuses.end()) {
    return detail::BadProjectField(
        "status", "'" + filter.status + "' is not applied, approved, merged, refused or abolished",
        "'" + filter.status + "' 不是 applied、approved、merged、refused 或 abolished");
  }
  auto all = store.ListAssessmentProjects(year);
  if (!all.ok()) return all.status();
  std::vector<store::AssessmentProject> out;
  for (auto& p : *all) {
    if (!filter.status.empty() && p.status != filter.status) continue;
    if (!filter.department_id.empty() && p.department_id != filter.department_id) continue;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace govperf::app::projects
