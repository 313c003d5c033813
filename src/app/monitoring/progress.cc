#include "app/monitoring/progress.h"

#include <set>

#include "core/barometer/tally.h"
#include "core/period.h"

namespace govperf::app::monitoring {

namespace cm = core::monitoring;

Result<Progress> TimeProgress(YearCache& years, store::Store& store, const Caller& caller, int year,
                              const Date& today, const std::string& unit_id) {
  auto scheme_or = years.Scheme(year);
  if (!scheme_or.ok()) return scheme_or.status();
  const core::Scheme& scheme = **scheme_or;
  auto data = store.LoadYearData(year);
  if (!data.ok()) return data.status();
  auto settings = store.LoadMonitoringSettings(year);
  if (!settings.ok()) return settings.status();
  if (caller.role == core::Role::kUnit && !unit_id.empty() && unit_id != caller.unit_id) {
    return Status::Denied("unit: a unit sees only its own progress").Zh("只能查看本单位的进度");
  }
  Progress out;
  out.year = year;
  out.date = cm::FormatDate(today);
  out.elapsed = cm::YearElapsed(year, today);
  out.green = settings->progress_green;
  out.yellow = settings->progress_yellow;

  // The latest monthly value per (leaf, unit): cumulative year to date.
  std::map<core::UnitIndicatorKey, std::pair<int, double>> latest;
  for (const core::Datum& d : data->values) {
    auto p = core::ParsePeriod(d.period);
    if (!p || p->year != year || p->year_end() || !d.value) continue;
    auto& slot = latest[{d.indicator_id, d.unit_id}];
    if (p->month >= slot.first) slot = {p->month, *d.value};
  }
  std::set<std::string> parents;
  for (const auto& i : scheme.indicators) parents.insert(i.parent_id);
  std::map<std::string, UnitProgress> per_unit;
  for (const core::Indicator& leaf : scheme.indicators) {
    if (parents.count(leaf.id)) continue;
    for (const core::Unit& unit : scheme.units) {
      if (!IsAssessed(leaf, unit)) continue;
      if (!unit_id.empty() && unit.id != unit_id) continue;
      bool visible = false;
      switch (caller.role) {
        case core::Role::kAdmin:
        case core::Role::kLeader:
        case core::Role::kSystem:
          visible = true;
          break;
        case core::Role::kLead:
          visible = leaf.lead_unit_id == caller.unit_id || unit.id == caller.unit_id;
          break;
        case core::Role::kUnit:
          visible = unit.id == caller.unit_id;
          break;
        default:
          break;
      }
      // A unit or lead user without a unit sees nothing.
      const bool unitless = caller.unit_id.empty() &&
                            (caller.role == core::Role::kLead || caller.role == core::Role::kUnit);
      if (!visible || unitless) {
        continue;
      }
      ProgressRow row;
      row.unit_id = unit.id;
      row.indicator_id = leaf.id;
      row.lead_unit_id = leaf.lead_unit_id;
      auto t = scheme.targets.find({leaf.id, unit.id});
      if (t != scheme.targets.end()) row.target = t->second;
      auto v = latest.find({leaf.id, unit.id});
      if (v != latest.end()) {
        row.value = v->second.second;
        row.period = core::FormatPeriod({year, v->second.first});
      }
      // The rule itself is core's, shared with the barometer and bulletins.
      const core::barometer::ProgressReading reading = core::barometer::ReadProgress(
          row.value, row.target, leaf.direction == core::Direction::kLowerBetter, leaf.cumulative,
          out.elapsed, out.green, out.yellow);
      row.completion = reading.completion;
      row.ratio = reading.ratio;
      row.status = reading.status;
      auto& u = per_unit[unit.id];
      u.unit_id = unit.id;
      ++u.counts[row.status];
      ++out.totals[row.status];
      out.rows.push_back(std::move(row));
    }
  }
  for (const core::Unit& unit : scheme.units) {
    auto it = per_unit.find(unit.id);
    if (it != per_unit.end()) out.units.push_back(std::move(it->second));
  }
  return out;
}

}  // namespace govperf::app::monitoring
