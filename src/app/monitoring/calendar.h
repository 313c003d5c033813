// 日常监测 the year's calendar: settings (reporting frequencies, due day,
// escalation, progress thresholds), node tasks (节点任务) seeded from stage
// defaults, the working-day calendar (法定节假日 / 调休) seeded from the
// built-in data file data/calendar/cn-holidays.csv, the report slots the
// calendar expects (who reports which leaf for which period by when), and the
// escalation run behind `govperf remind`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::monitoring {

using core::monitoring::Date;

// Today in China (UTC+8), the date every due date and card is counted in.
Date TodayInChina(const store::Clock& clock);

// The node tasks a new year starts with (as data; due dates in `year` and the
// next year): targets, mid-year review, year-end summary, assessment,
// survey, publication.
std::vector<store::NodeTask> DefaultNodeTasks(int year);
// Writes DefaultNodeTasks(year) inside `tx` (a new year: app::OpenYear).
Status SeedNodeTasks(store::WriteTx& tx, int year);
// The same for a year that has no node task yet (one opened before
// monitoring existed); returns how many were added.
Result<int> EnsureNodeTasks(store::Store& store, const Caller& caller, int year);
// The built-in holiday list (data/calendar/cn-holidays.csv).
std::vector<store::CalendarDay> BuiltInCalendarDays();
// Loads the built-in days of `year` into the store when it holds no day of
// that year (so an edited or emptied-by-choice year is left alone only once
// it has at least one day). Returns how many days were added.
Result<int> SeedCalendarDays(store::Store& store, const Caller& caller, int year);
// The store's calendar as a WorkCalendar.
Result<core::monitoring::WorkCalendar> LoadWorkCalendar(store::Store& store);

// Settings (admin): validated by the store.
Result<store::MonitoringSettings> PutSettings(store::Store& store, const Caller& caller,
                                              const store::MonitoringSettings& settings);
// Node tasks (admin): insert/update, delete, mark done.
Status PutTask(store::Store& store, const Caller& caller, int year, const store::NodeTask& task);
Status DeleteTask(store::Store& store, const Caller& caller, int year, const std::string& id);
// Calendar days (admin).
Status PutCalendarDay(store::Store& store, const Caller& caller, const store::CalendarDay& day);
Status DeleteCalendarDay(store::Store& store, const Caller& caller, const std::string& date);

// One report the calendar expects: a leaf, a unit assessed on it, a period of
// the leaf's frequency, and its due date; with the stored report when any.
struct Slot {
  std::string indicator_id;
  std::string unit_id;
  std::string lead_unit_id;
  std::string period;
  Date due;
  std::optional<store::MonitoringReport> report;
  // "due" when nothing is stored, else the report's state.
  std::string State() const;
};
// Every slot of the year, by indicator, unit, period.
Result<std::vector<Slot>> Slots(YearCache& years, store::Store& store, int year);
// The due date of one period of a leaf (for a submission).
Result<Date> DueDateOf(store::Store& store, int year, const std::string& period);

// `govperf remind`: what is due, late and escalated on `today` in every year
// in monitoring or year_end.
struct RemindLine {
  int year = 0;
  std::string kind;  // report | task
  std::string subject;
  std::string indicator_id, unit_id, period;  // reports
  std::string task_id, from_role, name_zh;    // tasks
  std::string due_date;
  std::string level;  // reminder | yellow | red
  int working_days = 0;
  bool recorded = false;  // newly recorded by this run (false: already known)
};

// The inbox message of an escalation line (提醒 / 黄牌 / 红牌) about `what`
// (e.g. 监测数据 1.1.1（2025-03） / monitoring report 1.1.1 (2025-03)): kind
// escalation.LEVEL, deduplicated per subject and level. The body is the caller's.
store::InboxMessage EscalationMessage(const RemindLine& l, const std::string& what_zh,
                                      const std::string& what_en);
struct RemindRun {
  std::string date;
  std::vector<RemindLine> lines;
  int escalations_added = 0;
  int messages_added = 0;
};
// Records each escalation once and sends inbox messages once (idempotent:
// running twice the same day adds nothing).
Result<RemindRun> Remind(YearCache& years, store::Store& store, const Caller& caller,
                         const Date& today);

}  // namespace govperf::app::monitoring
