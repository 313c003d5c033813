// The office's decision on a project: 批准保留 approved, 纳入综合考核 merged,
// 不予保留 refused; 撤销 abolished for a project kept before.
#include <set>

#include "app/assessment_projects/checks.h"
#include "app/limits.h"

namespace govperf::app::projects {

namespace {

const char* StatusZh(const std::string& s) {
  if (s == "applied") return "待审核";
  if (s == "approved") return "批准保留";
  if (s == "merged") return "纳入综合考核";
  if (s == "refused") return "不予保留";
  if (s == "abolished") return "已撤销";
  return "?";
}

}  // namespace

Result<store::AssessmentProject> DecideProject(store::Store& store, const Caller& caller, int year,
                                               const std::string& id, const Decision& d) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status(Code::kPermissionDenied, "status: only the performance office decides")
        .Field("status")
        .Zh("status：只有绩效办可以审核考核项目");
  }
  static const std::set<std::string> kDecisions = {"approved", "merged", "refused", "abolished"};
  if (!kDecisions.count(d.status)) {
    return detail::BadProjectField(
        "status", "'" + d.status + "' is not approved, merged, refused or abolished",
        "'" + d.status + "' 不是 approved、merged、refused 或 abolished");
  }
  const bool needs_note = d.status == "refused" || d.status == "abolished";
  GOVPERF_RETURN_IF_ERROR(CheckText("note", d.note, kMaxTextChars, needs_note, true));
  if (d.status != "merged" && !d.merged_indicator_ids.empty()) {
    return detail::BadProjectField("merged_indicator_ids", "only a merged project names indicators",
                                   "只有纳入综合考核的项目才填写指标");
  }
  auto p = store.FindAssessmentProject(year, id);
  if (!p.ok()) return p.status();
  if (!p->has_value()) {
    GOVPERF_RETURN_IF_ERROR(detail::CheckYear(store, year));
    return Status::NotFound("id: no project '" + id + "' in " + std::to_string(year))
        .Field("id")
        .Zh("id：" + std::to_string(year) + " 年度没有考核项目 '" + id + "'");
  }
  const std::string from = (*p)->status;
  const bool allowed = (from == "applied" && d.status != "abolished") ||
                       (from == "approved" && d.status == "abolished");
  if (!allowed) {
    return Status(Code::kFailedPrecondition,
                  "status: project '" + id + "' is " + from + " and cannot become " + d.status)
        .Field("status")
        .Zh("status：考核项目 '" + id + "' 当前为“" + StatusZh(from) + "”，不能改为“" +
            StatusZh(d.status) + "”");
  }
  if (!d.merged_indicator_ids.empty()) {
    auto scheme = store.LoadScheme(year);
    std::set<std::string> indicators;
    if (scheme.ok()) {
      for (const auto& i : scheme->indicators) indicators.insert(i.id);
    }
    for (size_t i = 0; i < d.merged_indicator_ids.size(); ++i) {
      const std::string& ind = d.merged_indicator_ids[i];
      const std::string field = "merged_indicator_ids[" + std::to_string(i) + "]";
      if (!indicators.count(ind)) {
        return Status::NotFound(field + ": no indicator '" + ind + "' in " + std::to_string(year) +
                                "'s scheme")
            .Field(field)
            .Zh(field + "：" + std::to_string(year) + " 年度方案中没有指标 '" + ind + "'");
      }
    }
  }
  Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.DecideAssessmentProject(year, id, d.status, d.note, d.merged_indicator_ids);
  });
  if (!st.ok()) return st;
  auto after = store.FindAssessmentProject(year, id);
  if (!after.ok()) return after.status();
  if (!after->has_value()) return Status::Internal("project " + id + " not found after deciding");
  return **after;
}

}  // namespace govperf::app::projects
