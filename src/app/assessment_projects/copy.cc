// Renewal: last year's approved projects become this year's applications,
// so the office decides every project again each year (no silent carry-over).
#include <set>

#include "app/assessment_projects/checks.h"

namespace govperf::app::projects {

Result<CopyResult> CopyFromPreviousYear(store::Store& store, const Caller& caller, int year) {
  GOVPERF_RETURN_IF_ERROR(detail::CheckYear(store, year));
  CopyResult out;
  out.from_year = year - 1;
  auto previous = store.ListAssessmentProjects(year - 1);
  if (!previous.ok()) return previous.status();
  auto current = store.ListAssessmentProjects(year);
  if (!current.ok()) return current.status();
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::set<std::string> taken;
  for (const auto& p : *current) taken.insert(p.id);
  std::set<std::string> active_units;
  for (const auto& u : org->units) {
    if (!u.retired) active_units.insert(u.id);
  }
  std::vector<store::AssessmentProject> to_add;
  for (const store::AssessmentProject& old : *previous) {
    if (old.status != "approved") continue;
    // A lead department renews only its own department's projects.
    if (caller.role == core::Role::kLead && old.department_id != caller.unit_id) continue;
    if (taken.count(old.id)) {
      out.skipped.push_back({old.id, "already in " + std::to_string(year), "本年度已有该项目"});
      continue;
    }
    ProjectInput in;
    in.name_zh = old.name_zh;
    in.name_en = old.name_en;
    in.department_id = old.department_id;
    in.basis = old.basis;
    in.category_ids = old.category_ids;
    // Single units retired since are dropped; categories resolve anew.
    for (const std::string& u : old.unit_ids) {
      if (active_units.count(u)) in.unit_ids.push_back(u);
    }
    in.frequency = old.frequency;
    in.reports_per_year = old.reports_per_year;
    store::AssessmentProject p;
    p.year = year;
    p.id = old.id;
    Status st = detail::CheckAndResolve(*org, in, &p);
    if (!st.ok()) {
      out.skipped.push_back({old.id, st.message(), st.message_zh()});
      continue;
    }
    to_add.push_back(std::move(p));
  }
  if (!to_add.empty()) {
    Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) {
      for (const auto& p : to_add) GOVPERF_RETURN_IF_ERROR(tx.AddAssessmentProject(p));
      return Status::Ok();
    });
    if (!st.ok()) return st;
  }
  auto stored = store.ListAssessmentProjects(year);
  if (!stored.ok()) return stored.status();
  for (const auto& p : *stored) {
    for (const auto& a : to_add) {
      if (a.id == p.id) out.copied.push_back(p);
    }
  }
  return out;
}

}  // namespace govperf::app::projects
