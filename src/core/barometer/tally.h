// 监测进度 monitoring progress as counts, at a point of the year: how many
// (leaf, unit) pairs are on track, lagging or red by 时序进度 (time progress),
// and how many monitoring reports were due, in on time, late, missing,
// red-carded (红牌) and verified. The barometer's monthly view and the
// quarterly bulletin (季度通报) add these up per unit and per category.
// Pure: the app layer joins the scheme, data, reports and calendar into the
// plain rows below.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/monitoring/calendar.h"

namespace govperf::core::barometer {

struct Tally {
  // 时序进度 of the (leaf, unit) pairs.
  int on_track = 0;  // green: ratio ≥ the green threshold
  int lagging = 0;   // yellow
  int red = 0;       // red: below the yellow threshold
  int no_data = 0;   // no value or no target yet
  // 报送 monitoring reports.
  int reports_due = 0;  // due date on or before the as-of date
  int on_time = 0;      // in by the as-of date, not late
  int late = 0;         // in by the as-of date after the due date
  int missing = 0;      // due date passed, nothing in by the as-of date
  int red_cards = 0;    // 红牌: in or still missing `red_after` working days after the due date
  int verified = 0;     // verified by the as-of date
  void Add(const Tally& o);
  int indicators() const { return on_track + lagging + red + no_data; }
  // Shares in 0..1 (0 when there is nothing to share).
  double on_track_share() const;  // of the pairs with a status (no_data excluded)
  double verified_share() const;  // of the reports in (on time + late)
  double on_time_share() const;   // of the reports due
};

// 时序进度 of one value against its target: completion (value ÷ target, or
// target ÷ value for lower-is-better leaves), divided by the share of the year
// elapsed for a cumulative leaf (a flow such as investment), compared with the
// thresholds. "green" | "yellow" | "red" | "none" (no value, no target or zero).
struct ProgressReading {
  std::optional<double> completion;
  std::optional<double> ratio;
  std::string status = "none";
};
ProgressReading ReadProgress(std::optional<double> value, std::optional<double> target,
                             bool lower_better, bool cumulative, double elapsed, double green,
                             double yellow);

// One (leaf, unit) pair with its monthly values (cumulative year to date).
struct PairProgress {
  std::string indicator_id, unit_id, category_id;
  bool lower_better = false, cumulative = false;
  std::optional<double> target;
  std::vector<std::pair<int, double>> monthly;  // (month 1..12, value), any order
};
// The pair's status with the values up to `through_month` and the year
// elapsed to that month's end; adds one to the matching progress count.
Tally ProgressTally(const PairProgress& pair, int year, int through_month, double green,
                    double yellow);

// One report the calendar expects, with what became of it.
struct ReportSlot {
  std::string indicator_id, unit_id, category_id;
  std::string period;  // "2025-03" or "2025"
  monitoring::Date due;
  std::optional<monitoring::Date> submitted;  // the (latest) submission's date, China time
  bool late = false;                          // the report's late flag
  std::optional<monitoring::Date> verified;   // when verified (decided), if it is
};
// The slot's report counts as of `as_of`: nothing when its due date is later;
// a report submitted after `as_of` counts as not in yet (a resubmission after a
// return therefore shows the report as missing before it).
Tally ReportTally(const ReportSlot& slot, const monitoring::Date& as_of,
                  const monitoring::WorkCalendar& calendar, int red_after_working_days);

// "2025-04-10T03:00:00Z" → the day in China (UTC+8); nullopt when malformed.
std::optional<monitoring::Date> ChinaDateOf(const std::string& iso_utc);

}  // namespace govperf::core::barometer
