#include "app/barometer/inputs.h"

#include <map>

#include "app/monitoring/calendar.h"
#include "core/period.h"

namespace govperf::app::barometer {

namespace cb = core::barometer;

Result<MonitoringInputs> LoadMonitoringInputs(YearCache& years, store::Store& store, int year) {
  auto info = years.Year(year);
  if (!info.ok()) {
    const std::string ys = std::to_string(year);
    return Status::NotFound("year: unknown year " + ys)
        .Field("year")
        .Zh("year：没有 " + ys + " 年度");
  }
  auto view = years.View(year);
  if (!view.ok()) return Status(view.status()).Field("year");
  MonitoringInputs in;
  in.year = year;
  in.view = *view;
  auto settings = store.LoadMonitoringSettings(year);
  if (!settings.ok()) return settings.status();
  in.settings = *settings;
  auto cal = monitoring::LoadWorkCalendar(store);
  if (!cal.ok()) return cal.status();
  in.calendar = *cal;

  const YearView& v = **view;
  // Monthly values (cumulative year to date) per (leaf, unit), without
  // copying the year's data.
  std::map<core::UnitIndicatorKey, std::vector<std::pair<int, double>>> monthly;
  v.ForEachValue([&](const core::Datum& d) {
    if (!d.value) return;
    auto p = core::ParsePeriod(d.period);
    if (!p || p->year != year || p->year_end()) return;
    monthly[{d.indicator_id, d.unit_id}].push_back({p->month, *d.value});
  });
  for (const core::Indicator& leaf : v.scheme.indicators) {
    if (!v.IsLeaf(leaf.id)) continue;
    for (const core::Unit* unit : v.AssessedUnits(leaf)) {
      cb::PairProgress p;
      p.indicator_id = leaf.id;
      p.unit_id = unit->id;
      p.category_id = unit->category_id;
      p.lower_better = leaf.direction == core::Direction::kLowerBetter;
      p.cumulative = leaf.cumulative;
      p.target = v.Target(leaf.id, unit->id);
      auto it = monthly.find({leaf.id, unit->id});
      if (it != monthly.end()) p.monthly = std::move(it->second);
      in.pairs.push_back(std::move(p));
    }
  }

  auto slots = monitoring::Slots(years, store, year);
  if (!slots.ok()) return slots.status();
  for (const monitoring::Slot& s : *slots) {
    cb::ReportSlot r;
    r.indicator_id = s.indicator_id;
    r.unit_id = s.unit_id;
    auto u = v.units.find(s.unit_id);
    if (u != v.units.end()) r.category_id = u->second->category_id;
    r.period = s.period;
    r.due = s.due;
    // A returned report is due again: not in until it is resubmitted.
    if (s.report && s.report->state != store::ReportState::kReturned) {
      r.submitted = cb::ChinaDateOf(s.report->submitted_at);
      r.late = s.report->late;
      if (s.report->state == store::ReportState::kVerified) {
        r.verified = cb::ChinaDateOf(s.report->decided_at);
      }
    }
    in.slots.push_back(std::move(r));
  }
  return in;
}

int SlotMonth(const cb::ReportSlot& slot) {
  auto p = core::ParsePeriod(slot.period);
  if (!p || p->year_end()) return 12;
  return p->month;
}

}  // namespace govperf::app::barometer
