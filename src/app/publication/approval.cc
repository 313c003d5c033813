#include "app/publication/approval.h"

#include "app/limits.h"
#include "app/publication/appeals.h"

namespace govperf::app::publication {

namespace cm = core::monitoring;

Result<std::optional<store::CommitteeApproval>> CurrentApproval(store::Store& store, int year) {
  auto window = LatestWindow(store, year);
  if (!window.ok()) return window.status();
  auto approvals = store.ListCommitteeApprovals(year);
  if (!approvals.ok()) return approvals.status();
  if (!window->has_value() || approvals->empty() ||
      approvals->back().window_seq != (*window)->seq) {
    return std::optional<store::CommitteeApproval>();
  }
  return std::optional<store::CommitteeApproval>(approvals->back());
}

Result<store::CommitteeApproval> RecordApproval(store::Store& store, const Caller& caller, int year,
                                                const ApprovalInput& in, const Date& today) {
  const std::string ys = std::to_string(year);
  auto info = store.FindYear(year);
  if (!info.ok()) return info.status();
  if (!info->has_value()) return Status::NotFound("year: unknown year " + ys).Field("year");
  if ((*info)->stage != core::Stage::kPreliminary) {
    return Status(Code::kFailedPrecondition,
                  "year: year " + ys + " is not in 公示 (preliminary): nothing to approve")
        .Field("year")
        .Zh(ys + " 年度不在「结果公示」阶段，无可审定的结果");
  }
  auto window = LatestWindow(store, year);
  if (!window.ok()) return window.status();
  if (!window->has_value()) {
    return Status(Code::kFailedPrecondition, "year: year " + ys + " has no 公示 window")
        .Field("year")
        .Zh(ys + " 年度没有公示期记录");
  }
  if (cm::FormatDate(today) <= (*window)->end_date) {
    return Status(Code::kFailedPrecondition, "meeting_date: the 公示 window is open until " +
                                                 (*window)->end_date +
                                                 "; the committee approves after it closes")
        .Field("meeting_date")
        .Zh("meeting_date：公示期至 " + (*window)->end_date + " 结束，公示期满后方可审定");
  }
  auto undecided = UndecidedAppeals(store, year);
  if (!undecided.ok()) return undecided.status();
  if (*undecided > 0) {
    const std::string n = std::to_string(*undecided);
    return Status(Code::kFailedPrecondition,
                  "year: " + n + " appeal(s) of year " + ys + " await a decision")
        .Field("year")
        .Zh(ys + " 年度还有 " + n + " 件申诉未决定，不能审定");
  }
  auto date = cm::ParseDate(in.meeting_date);
  if (!date) {
    return Status::Invalid("meeting_date: expected YYYY-MM-DD")
        .Field("meeting_date")
        .Zh("meeting_date：日期格式应为 YYYY-MM-DD");
  }
  if (in.meeting_date <= (*window)->end_date || *date > today) {
    return Status::Invalid("meeting_date: expected a date after the window (" +
                           (*window)->end_date + ") and not in the future")
        .Field("meeting_date")
        .Zh("meeting_date：应晚于公示期（" + (*window)->end_date + "）且不晚于今天");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("meeting_ref", in.meeting_ref, kMaxNameChars, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("note", in.note, kMaxTextChars, false, true));
  store::CommitteeApproval a;
  a.year = year;
  a.meeting_date = in.meeting_date;
  a.meeting_ref = in.meeting_ref;
  a.note = in.note;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.AddCommitteeApproval(a); }));
  auto current = CurrentApproval(store, year);
  if (!current.ok()) return current.status();
  return **current;
}

}  // namespace govperf::app::publication
