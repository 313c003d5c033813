#include "core/barometer/tally.h"

#include <cstdlib>

namespace govperf::core::barometer {

namespace cm = core::monitoring;

void Tally::Add(const Tally& o) {
  on_track += o.on_track;
  lagging += o.lagging;
  red += o.red;
  no_data += o.no_data;
  reports_due += o.reports_due;
  on_time += o.on_time;
  late += o.late;
  missing += o.missing;
  red_cards += o.red_cards;
  verified += o.verified;
}

double Tally::on_track_share() const {
  const int rated = on_track + lagging + red;
  return rated == 0 ? 0.0 : static_cast<double>(on_track) / rated;
}
double Tally::verified_share() const {
  const int in = on_time + late;
  return in == 0 ? 0.0 : static_cast<double>(verified) / in;
}
double Tally::on_time_share() const {
  return reports_due == 0 ? 0.0 : static_cast<double>(on_time) / reports_due;
}

ProgressReading ReadProgress(std::optional<double> value, std::optional<double> target,
                             bool lower_better, bool cumulative, double elapsed, double green,
                             double yellow) {
  ProgressReading r;
  if (!value || !target || *target == 0 || *value == 0) return r;
  r.completion = lower_better ? *target / *value : *value / *target;
  if (cumulative) {
    if (elapsed > 0) r.ratio = *r.completion / elapsed;
  } else {
    r.ratio = r.completion;
  }
  if (r.ratio) r.status = *r.ratio >= green ? "green" : *r.ratio >= yellow ? "yellow" : "red";
  return r;
}

Tally ProgressTally(const PairProgress& pair, int year, int through_month, double green,
                    double yellow) {
  std::optional<double> value;
  int best = 0;
  for (const auto& [month, v] : pair.monthly) {
    if (month <= through_month && month >= best) {
      best = month;
      value = v;
    }
  }
  const cm::Date month_end = cm::PeriodEnd({year, through_month});
  const ProgressReading r = ReadProgress(value, pair.target, pair.lower_better, pair.cumulative,
                                         cm::YearElapsed(year, month_end), green, yellow);
  Tally t;
  if (r.status == "green") {
    t.on_track = 1;
  } else if (r.status == "yellow") {
    t.lagging = 1;
  } else if (r.status == "red") {
    t.red = 1;
  } else {
    t.no_data = 1;
  }
  return t;
}

Tally ReportTally(const ReportSlot& slot, const cm::Date& as_of, const cm::WorkCalendar& calendar,
                  int red_after_working_days) {
  Tally t;
  if (slot.due > as_of) return t;
  t.reports_due = 1;
  const bool in = slot.submitted && *slot.submitted <= as_of;
  if (in) {
    const bool late = slot.late || *slot.submitted > slot.due;
    if (late) {
      t.late = 1;
      if (calendar.WorkingDaysBetween(slot.due, *slot.submitted) >= red_after_working_days) {
        t.red_cards = 1;
      }
    } else {
      t.on_time = 1;
    }
    if (slot.verified && *slot.verified <= as_of) t.verified = 1;
  } else if (slot.due < as_of) {
    t.missing = 1;
    if (calendar.WorkingDaysBetween(slot.due, as_of) >= red_after_working_days) t.red_cards = 1;
  }
  return t;
}

std::optional<cm::Date> ChinaDateOf(const std::string& iso_utc) {
  if (iso_utc.size() < 13) return std::nullopt;
  auto d = cm::ParseDate(iso_utc.substr(0, 10));
  if (!d) return std::nullopt;
  if (iso_utc[10] != 'T') return d;
  const int hour = std::atoi(iso_utc.substr(11, 2).c_str());
  return hour >= 16 ? cm::AddDays(*d, 1) : *d;
}

}  // namespace govperf::core::barometer
