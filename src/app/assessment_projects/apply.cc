// 申报 applying for a project, and editing an application before the office
// decides it.
#include "app/assessment_projects/checks.h"
#include "app/limits.h"

namespace govperf::app::projects {

namespace {

// DEPT-01, DEPT-02 …: the first not taken in the year.
Result<std::string> NextProjectId(store::Store& store, int year, const std::string& department) {
  auto list = store.ListAssessmentProjects(year);
  if (!list.ok()) return list.status();
  for (int n = 1;; ++n) {
    const std::string id = department + "-" + (n < 10 ? "0" : "") + std::to_string(n);
    bool taken = false;
    for (const auto& p : *list) taken = taken || p.id == id;
    if (!taken) return id;
  }
}

Result<store::AssessmentProject> StoredProject(store::Store& store, int year,
                                               const std::string& id) {
  auto p = store.FindAssessmentProject(year, id);
  if (!p.ok()) return p.status();
  if (!p->has_value()) {
    return Status::NotFound("id: no project '" + id + "' in " + std::to_string(year))
        .Field("id")
        .Zh("id：" + std::to_string(year) + " 年度没有考核项目 '" + id + "'");
  }
  return **p;
}

}  // namespace

Result<store::AssessmentProject> ApplyProject(store::Store& store, const Caller& caller, int year,
                                              const ProjectInput& given) {
  GOVPERF_RETURN_IF_ERROR(detail::CheckYear(store, year));
  // A lead department that names no department applies for its own.
  ProjectInput in = given;
  if (in.department_id.empty() && caller.role == core::Role::kLead) {
    in.department_id = caller.unit_id;
  }
  GOVPERF_RETURN_IF_ERROR(detail::CheckOwnDepartment(caller, in.department_id));
  if (!in.id.empty()) GOVPERF_RETURN_IF_ERROR(CheckId("id", in.id));
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  store::AssessmentProject p;
  p.year = year;
  GOVPERF_RETURN_IF_ERROR(detail::CheckAndResolve(*org, in, &p));
  if (in.id.empty()) {
    auto id = NextProjectId(store, year, in.department_id);
    if (!id.ok()) return id.status();
    p.id = *id;
  } else {
    p.id = in.id;
    auto existing = store.FindAssessmentProject(year, in.id);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) {
      return Status(Code::kAlreadyExists,
                    "id: project '" + in.id + "' already exists in " + std::to_string(year))
          .Field("id")
          .Zh("id：" + std::to_string(year) + " 年度已有考核项目 '" + in.id + "'");
    }
  }
  Status st =
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.AddAssessmentProject(p); });
  if (!st.ok()) return st;
  return StoredProject(store, year, p.id);
}

Result<store::AssessmentProject> EditProject(store::Store& store, const Caller& caller, int year,
                                             const std::string& id, const ProjectInput& in) {
  auto before = StoredProject(store, year, id);
  if (!before.ok()) return before.status();
  // A lead edits only its own department's applications, and keeps them its own.
  GOVPERF_RETURN_IF_ERROR(detail::CheckOwnDepartment(caller, before->department_id));
  GOVPERF_RETURN_IF_ERROR(detail::CheckOwnDepartment(caller, in.department_id));
  if (before->status != "applied") {
    return Status(Code::kFailedPrecondition, "status: project '" + id + "' is " + before->status +
                                                 ": only an application still applied is edited")
        .Field("status")
        .Zh("status：考核项目 '" + id + "' 已作出决定，只能修改待审核的申报");
  }
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  store::AssessmentProject p = *before;
  GOVPERF_RETURN_IF_ERROR(detail::CheckAndResolve(*org, in, &p));
  Status st =
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.EditAssessmentProject(p); });
  if (!st.ok()) return st;
  return StoredProject(store, year, id);
}

}  // namespace govperf::app::projects
