#include "app/publication/window.h"

#include "app/monitoring/calendar.h"
#include "app/year_end/readiness.h"

namespace govperf::app::publication {

namespace cm = core::monitoring;

Result<store::PublicityWindow> PlanWindow(store::Store& store, const Caller& caller, int year,
                                          const Date& today, const WindowRequest& request) {
  store::PublicityWindow w;
  w.year = year;
  w.start_date = cm::FormatDate(today);
  if (!request.end_date.empty()) {
    if (request.working_days) {
      return Status::Invalid("working_days: give either working_days or end_date, not both")
          .Field("working_days")
          .Zh("working_days：公示期天数与截止日期只能给一个");
    }
    auto end = cm::ParseDate(request.end_date);
    if (!end || *end < today) {
      return Status::Invalid("end_date: expected a date (YYYY-MM-DD) on or after " + w.start_date)
          .Field("end_date")
          .Zh("end_date：应为不早于 " + w.start_date + " 的日期（YYYY-MM-DD）");
    }
    w.end_date = request.end_date;
    return w;
  }
  const int days = request.working_days.value_or(kDefaultWindowWorkingDays);
  if (days < 1 || days > kMaxWindowWorkingDays) {
    return Status::Invalid("working_days: expected 1.." + std::to_string(kMaxWindowWorkingDays))
        .Field("working_days")
        .Zh("working_days：应为 1–" + std::to_string(kMaxWindowWorkingDays) + " 个工作日");
  }
  // The holiday calendar of the years the window may span, seeded once.
  for (int y : {today.year, today.year + 1}) {
    GOVPERF_RETURN_IF_ERROR(monitoring::SeedCalendarDays(store, caller, y).status());
  }
  auto cal = monitoring::LoadWorkCalendar(store);
  if (!cal.ok()) return cal.status();
  Date d = today;
  for (int n = 0; n < days;) {
    d = cm::AddDays(d, 1);
    if (cal->IsWorkingDay(d)) ++n;
  }
  w.end_date = cm::FormatDate(d);
  w.working_days = days;
  return w;
}

Result<store::YearInfo> StartPublicity(store::Store& store, const Caller& caller, int year,
                                       const Date& today, const WindowRequest& request) {
  auto found = store.FindYear(year);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
  }
  if ((*found)->stage == core::Stage::kYearEnd) {
    GOVPERF_RETURN_IF_ERROR(
        year_end::CheckReadyForPublicity(store, year, request.accept_missing_values));
  }
  auto window = PlanWindow(store, caller, year, today, request);
  if (!window.ok()) return window.status();
  store::YearInfo info = **found;
  info.stage = core::Stage::kPreliminary;
  info.published_at.clear();
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    GOVPERF_RETURN_IF_ERROR(tx.PutYear(info));  // the stage table checks the move
    return tx.AddPublicityWindow(*window);
  }));
  auto after = store.FindYear(year);
  if (!after.ok()) return after.status();
  return **after;
}

Result<std::optional<store::PublicityWindow>> LatestWindow(store::Store& store, int year) {
  auto windows = store.ListPublicityWindows(year);
  if (!windows.ok()) return windows.status();
  if (windows->empty()) return std::optional<store::PublicityWindow>();
  return std::optional<store::PublicityWindow>(windows->back());
}

bool WindowOpen(const store::PublicityWindow& w, const Date& today) {
  const std::string t = cm::FormatDate(today);
  return w.start_date <= t && t <= w.end_date;
}

}  // namespace govperf::app::publication
