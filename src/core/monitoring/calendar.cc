#include "core/monitoring/calendar.h"

#include <array>
#include <cstdio>

namespace govperf::core::monitoring {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

}  // namespace

std::optional<Date> ParseDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  if (!Digits(t.substr(0, 4)) || !Digits(t.substr(5, 2)) || !Digits(t.substr(8, 2))) {
    return std::nullopt;
  }
  Date d{ToInt(t.substr(0, 4)), ToInt(t.substr(5, 2)), ToInt(t.substr(8, 2))};
  if (d.year < kMinYear || d.year > kMaxYear || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const Date& d) {
  const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date AddDays(const Date& d, int days) { return CivilFromDays(DaysFromCivil(d) + days); }

int Weekday(const Date& d) {
  const int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

bool WorkCalendar::IsWorkingDay(const Date& d) const {
  auto it = overrides.find(d);
  if (it != overrides.end()) return it->second;
  return Weekday(d) <= 5;
}

int WorkCalendar::WorkingDaysBetween(const Date& from, const Date& to) const {
  int n = 0;
  for (int64_t z = DaysFromCivil(from) + 1, end = DaysFromCivil(to); z <= end; ++z) {
    if (IsWorkingDay(CivilFromDays(z))) ++n;
  }
  return n;
}

Date WorkCalendar::OnOrNextWorkingDay(const Date& d) const {
  Date x = d;
  // A holiday stretch is never longer than a few weeks; the bound only
  // protects against a calendar that marks every day a holiday.
  for (int i = 0; i < 366 && !IsWorkingDay(x); ++i) x = AddDays(x, 1);
  return x;
}

const char* FrequencyName(Frequency f) {
  switch (f) {
    case Frequency::kMonthly:
      return "monthly";
    case Frequency::kQuarterly:
      return "quarterly";
    case Frequency::kHalfYearly:
      return "half_yearly";
    case Frequency::kYearly:
      return "yearly";
  }
  return "?";
}

std::optional<Frequency> ParseFrequency(std::string_view s) {
  for (Frequency f :
       {Frequency::kMonthly, Frequency::kQuarterly, Frequency::kHalfYearly, Frequency::kYearly}) {
    if (s == FrequencyName(f)) return f;
  }
  return std::nullopt;
}

std::vector<std::string> ReportPeriods(int year, Frequency f) {
  std::vector<std::string> out;
  if (f == Frequency::kYearly) return {FormatPeriod({year, 0})};
  const int step = f == Frequency::kMonthly ? 1 : f == Frequency::kQuarterly ? 3 : 6;
  for (int m = step; m <= 12; m += step) out.push_back(FormatPeriod({year, m}));
  return out;
}

Date PeriodEnd(const Period& p) {
  const int m = p.month == 0 ? 12 : p.month;
  return Date{p.year, m, DaysInMonth(p.year, m)};
}

Date DueDate(const Period& p, int days_after, const WorkCalendar& calendar) {
  return calendar.OnOrNextWorkingDay(AddDays(PeriodEnd(p), days_after));
}

double YearElapsed(int year, const Date& today) {
  const int64_t start = DaysFromCivil({year, 1, 1});
  const int64_t end = DaysFromCivil({year + 1, 1, 1});
  const int64_t t = DaysFromCivil(today) + 1;  // by the end of today
  if (t <= start) return 0;
  if (t >= end) return 1;
  return static_cast<double>(t - start) / static_cast<double>(end - start);
}

const char* LevelName(Level l) {
  switch (l) {
    case Level::kReminder:
      return "reminder";
    case Level::kYellow:
      return "yellow";
    case Level::kRed:
      return "red";
  }
  return "?";
}

std::optional<Level> ParseLevel(std::string_view s) {
  for (Level l : {Level::kReminder, Level::kYellow, Level::kRed}) {
    if (s == LevelName(l)) return l;
  }
  return std::nullopt;
}

std::vector<Escalation> Escalate(const std::vector<Deadline>& deadlines, const Date& today,
                                 const WorkCalendar& calendar, const EscalationRule& rule) {
  std::vector<Escalation> out;
  for (const Deadline& d : deadlines) {
    if (d.done) continue;
    if (today <= d.due) {
      const int left = calendar.WorkingDaysBetween(today, d.due);
      if (left <= rule.reminder_working_days) out.push_back({d.key, Level::kReminder, left});
      continue;
    }
    const int late = calendar.WorkingDaysBetween(d.due, today);
    out.push_back(
        {d.key, late >= rule.red_after_working_days ? Level::kRed : Level::kYellow, late});
  }
  return out;
}

}  // namespace govperf::core::monitoring
