#include "app/feedback/feedback_of.h"

#include "app/feedback/report.h"

namespace govperf::app::feedback {

bool MayRead(const Caller& caller, const std::string& unit_id) {
  switch (caller.role) {
    case core::Role::kSystem:
    case core::Role::kAdmin:
    case core::Role::kLeader:
      return true;
    case core::Role::kUnit:
      return !caller.unit_id.empty() && caller.unit_id == unit_id;
    default:
      return false;
  }
}

Result<core::FeedbackReport> ReportOf(YearCache& years, store::Store& store, const Caller& caller,
                                      int year, const std::string& unit_id) {
  if (!MayRead(caller, unit_id)) {
    return Status::Denied("unit: you may only read your own unit's feedback report")
        .Field("unit")
        .Zh("只能查看本单位的绩效反馈报告");
  }
  auto view = years.View(year);
  if (!view.ok()) {
    Status s = view.status();
    if (s.code() == Code::kNotFound) {
      return Status::NotFound("year: " + std::to_string(year) + " has no evaluated results")
          .Field("year")
          .Zh(std::to_string(year) + " 年度没有考核结果");
    }
    return s;
  }
  // The two latest earlier years that have a scheme (the builder keeps those
  // in which the unit was evaluated).
  auto all = years.Years();
  if (!all.ok()) return all.status();
  std::vector<std::shared_ptr<const YearView>> held;
  std::vector<const YearView*> earlier;
  for (auto it = all->rbegin(); it != all->rend() && earlier.size() < 2; ++it) {
    if (it->year >= year) continue;
    auto v = years.View(it->year);
    if (!v.ok()) {
      if (v.status().code() == Code::kNotFound) continue;  // a year without a scheme
      return v.status();
    }
    if (!(*v)->unit_results.count(unit_id)) continue;
    held.push_back(*v);
    earlier.push_back(held.back().get());
  }
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  auto report = BuildReport(**view, earlier, *org, unit_id);
  if (!report.ok()) return report;
  auto appeals = store.ListAppeals(year);
  if (!appeals.ok()) return appeals.status();
  report->appeals = AppealsOf(*appeals, unit_id);
  return report;
}

}  // namespace govperf::app::feedback
