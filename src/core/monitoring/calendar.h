// 日常监测 monitoring calendar: civil dates, working days from a holiday
// calendar held as data, report periods by reporting frequency, due dates,
// and escalation (提醒 reminder → 黄牌 yellow card → 红牌 red card) as a pure
// function of the date. No I/O: the holiday list comes from the store (seeded
// from data/calendar/cn-holidays.csv) and the rules from the year's settings.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.h"

namespace govperf::core::monitoring {

struct Date {
  int year = 0;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// "2025-03-31" (exactly YYYY-MM-DD, a real day) → Date; anything else → nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& d);
// Days since 1970-01-01 and back (proleptic Gregorian).
int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);
Date AddDays(const Date& d, int days);
// 1 = Monday … 7 = Sunday.
int Weekday(const Date& d);

// 工作日历: Monday–Friday are working days unless the calendar says a day is a
// public holiday (法定节假日); a weekend day the calendar lists as an
// adjusted working day (调休上班) is a working day.
struct WorkCalendar {
  std::map<Date, bool> overrides;  // true: working day; false: holiday
  bool IsWorkingDay(const Date& d) const;
  // Working days in (from, to]; 0 when to <= from.
  int WorkingDaysBetween(const Date& from, const Date& to) const;
  // The first working day on or after d.
  Date OnOrNextWorkingDay(const Date& d) const;
};

// 报送频次 how often a leaf's monitoring data are reported.
enum class Frequency { kMonthly, kQuarterly, kHalfYearly, kYearly };
const char* FrequencyName(Frequency f);  // "monthly", "quarterly", "half_yearly", "yearly"
std::optional<Frequency> ParseFrequency(std::string_view s);

// The periods a leaf reports in `year`, in the data's period syntax
// (core/period.h): monthly "2025-01" … "2025-12"; quarterly the quarter's
// last month "2025-03", "2025-06", "2025-09", "2025-12"; half-yearly
// "2025-06", "2025-12"; yearly "2025" (the year-end value).
std::vector<std::string> ReportPeriods(int year, Frequency f);
// The last day of a period: "2025-03" → 2025-03-31, "2025" → 2025-12-31.
Date PeriodEnd(const Period& p);
// The due date of a period's report: `days_after` calendar days after the
// period's end, moved to the next working day when it is not one.
Date DueDate(const Period& p, int days_after, const WorkCalendar& calendar);
// The fraction of `year` elapsed by the end of `today` (0 before the year,
// 1 after it), by calendar days: the time axis of 时序进度.
double YearElapsed(int year, const Date& today);

// 督办 escalation levels.
enum class Level { kReminder, kYellow, kRed };
const char* LevelName(Level l);  // "reminder", "yellow", "red"
std::optional<Level> ParseLevel(std::string_view s);

struct EscalationRule {
  int reminder_working_days = 3;   // remind this many working days before (and on) the due date
  int red_after_working_days = 5;  // a yellow card turns red after this many working days late
};

// Something with a deadline: a report or a node task.
struct Deadline {
  std::string key;  // e.g. "report:1.1.1/D01/2025-03", "task:t3"
  Date due;
  bool done = false;  // submitted (a report) or completed (a task)
};

struct Escalation {
  std::string key;
  Level level = Level::kReminder;
  int working_days = 0;  // reminder: working days left; yellow/red: working days late
  friend bool operator==(const Escalation&, const Escalation&) = default;
};

// What is escalated on `today`, in the input order, at most one level per
// deadline (the current one): nothing when done; a reminder when the due date
// is today or within `reminder_working_days` working days; a yellow card once
// the due date has passed; a red card once it is `red_after_working_days`
// working days late or more.
std::vector<Escalation> Escalate(const std::vector<Deadline>& deadlines, const Date& today,
                                 const WorkCalendar& calendar, const EscalationRule& rule);

}  // namespace govperf::core::monitoring
