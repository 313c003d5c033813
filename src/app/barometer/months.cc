#include "app/barometer/months.h"

#include "app/barometer/access.h"
#include "app/barometer/inputs.h"

namespace govperf::app::barometer {

namespace cb = core::barometer;
namespace cm = core::monitoring;

Result<Months> MonthlyProgress(YearCache& years, store::Store& store, const Caller& caller,
                               int year, const cm::Date& today) {
  GOVPERF_RETURN_IF_ERROR(CheckBarometerReader(caller));
  auto in = LoadMonitoringInputs(years, store, year);
  if (!in.ok()) return in.status();
  Months out;
  out.year = year;
  out.provisional = !in->view->info.published();
  out.as_of = cm::FormatDate(today);
  out.green = in->settings.progress_green;
  out.yellow = in->settings.progress_yellow;
  out.red_after_working_days = in->settings.red_after_working_days;
  for (const core::Category& c : in->view->scheme.categories) {
    out.categories.push_back({c.id, c.name_zh, c.name_en});
  }
  const int last = today.year > year ? 12 : today.year < year ? 0 : today.month;
  for (int m = 1; m <= last; ++m) {
    MonthRow row;
    row.month = m;
    for (const auto& c : out.categories) row.categories[c.id] = {};
    for (const cb::PairProgress& p : in->pairs) {
      const cb::Tally t = cb::ProgressTally(p, year, m, out.green, out.yellow);
      row.city.Add(t);
      row.categories[p.category_id].Add(t);
    }
    for (const cb::ReportSlot& s : in->slots) {
      if (SlotMonth(s) != m) continue;
      const cb::Tally t = cb::ReportTally(s, today, in->calendar, out.red_after_working_days);
      row.city.Add(t);
      row.categories[s.category_id].Add(t);
    }
    out.months.push_back(std::move(row));
  }
  return out;
}

}  // namespace govperf::app::barometer
