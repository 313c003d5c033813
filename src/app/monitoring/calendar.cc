#include "app/monitoring/calendar.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/feedback/rectification_remind.h"
#include "app/limits.h"
#include "app/monitoring/inbox.h"
#include "core/period.h"
#include "io/csv.h"

namespace govperf::app::monitoring {

// Generated at configure time from data/calendar/cn-holidays.csv
// (src/app/CMakeLists.txt).
extern const char* const kBuiltInHolidaysCsv;

namespace cm = core::monitoring;

Date TodayInChina(const store::Clock& clock) {
  constexpr int64_t kChinaOffset = 8 * 3600;
  constexpr int64_t kDay = 86400;
  const int64_t t = clock.NowUnix() + kChinaOffset;
  return cm::CivilFromDays(t >= 0 ? t / kDay : (t - kDay + 1) / kDay);
}

std::vector<store::NodeTask> DefaultNodeTasks(int year) {
  const std::string y = std::to_string(year);
  const std::string next = std::to_string(year + 1);
  // 节点任务 by stage, as data: (id, 中文, English, stage, from role, due).
  return {
      {"targets", "报送年度目标与工作计划", "Submit the year's targets and work plan", "setting",
       "unit", "", y + "-01-31", false},
      {"target-review", "审核年度目标", "Review the units' targets", "setting", "lead", "",
       y + "-02-28", false},
      {"mid-year-summary", "报送半年工作小结", "Submit the half-year summary", "monitoring", "unit",
       "", y + "-07-15", false},
      {"mid-year-check", "年中督查", "Mid-year inspection", "monitoring", "lead", "", y + "-07-31",
       false},
      {"satisfaction-survey", "组织社会满意度调查", "Run the satisfaction survey", "monitoring",
       "admin", "", y + "-11-30", false},
      {"year-end-summary", "报送年度工作总结与自评",
       "Submit the year-end summary and self-assessment", "year_end", "unit", "", next + "-01-10",
       false},
      {"year-end-scoring", "年终考核评分", "Year-end scoring by lead departments", "year_end",
       "lead", "", next + "-01-31", false},
      {"publication", "结果公示与发布", "Publish the preliminary and final results", "preliminary",
       "admin", "", next + "-03-31", false},
  };
}

Status SeedNodeTasks(store::WriteTx& tx, int year) {
  for (const store::NodeTask& t : DefaultNodeTasks(year)) {
    GOVPERF_RETURN_IF_ERROR(tx.PutNodeTask(year, t));
  }
  return Status::Ok();
}

std::vector<store::CalendarDay> BuiltInCalendarDays() {
  std::vector<store::CalendarDay> out;
  auto table = io::ParseCsv(kBuiltInHolidaysCsv, "cn-holidays.csv");
  if (!table.ok()) return out;
  const int date = table->Column("date"), kind = table->Column("kind");
  const int zh = table->Column("name_zh"), en = table->Column("name_en");
  if (date < 0 || kind < 0) return out;
  for (const auto& r : table->rows) {
    auto at = [&](int c) {
      return c >= 0 && c < static_cast<int>(r.fields.size()) ? r.fields[c] : "";
    };
    out.push_back({at(date), at(kind) == "workday", at(zh), at(en)});
  }
  return out;
}

Result<int> EnsureNodeTasks(store::Store& store, const Caller& caller, int year) {
  auto existing = store.ListNodeTasks(year);
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) return 0;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return SeedNodeTasks(tx, year); }));
  return static_cast<int>(DefaultNodeTasks(year).size());
}

Result<int> SeedCalendarDays(store::Store& store, const Caller& caller, int year) {
  auto days = store.ListCalendarDays();
  if (!days.ok()) return days.status();
  const std::string prefix = std::to_string(year) + "-";
  for (const auto& d : *days) {
    if (d.date.rfind(prefix, 0) == 0) return 0;
  }
  int added = 0;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    for (const auto& d : BuiltInCalendarDays()) {
      if (d.date.rfind(prefix, 0) != 0) continue;
      GOVPERF_RETURN_IF_ERROR(tx.PutCalendarDay(d));
      ++added;
    }
    return Status::Ok();
  }));
  return added;
}

Result<cm::WorkCalendar> LoadWorkCalendar(store::Store& store) {
  auto days = store.ListCalendarDays();
  if (!days.ok()) return days.status();
  cm::WorkCalendar cal;
  for (const auto& d : *days) {
    if (auto date = cm::ParseDate(d.date)) cal.overrides[*date] = d.working;
  }
  return cal;
}

Result<store::MonitoringSettings> PutSettings(store::Store& store, const Caller& caller,
                                              const store::MonitoringSettings& settings) {
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.PutMonitoringSettings(settings); }));
  return store.LoadMonitoringSettings(settings.year);
}

Status PutTask(store::Store& store, const Caller& caller, int year, const store::NodeTask& task) {
  GOVPERF_RETURN_IF_ERROR(CheckId("id", task.id));
  GOVPERF_RETURN_IF_ERROR(CheckText("name_zh", task.name_zh, kMaxNameChars, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("name_en", task.name_en, kMaxNameChars, false));
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.PutNodeTask(year, task); });
}

Status DeleteTask(store::Store& store, const Caller& caller, int year, const std::string& id) {
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.DeleteNodeTask(year, id); });
}

Status PutCalendarDay(store::Store& store, const Caller& caller, const store::CalendarDay& day) {
  GOVPERF_RETURN_IF_ERROR(CheckText("name_zh", day.name_zh, kMaxNameChars, false));
  return store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutCalendarDay(day); });
}

Status DeleteCalendarDay(store::Store& store, const Caller& caller, const std::string& date) {
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.DeleteCalendarDay(date); });
}

std::string Slot::State() const { return report ? store::ReportStateName(report->state) : "due"; }

store::InboxMessage EscalationMessage(const RemindLine& l, const std::string& what_zh,
                                      const std::string& what_en) {
  store::InboxMessage m;
  m.kind = "escalation." + l.level;
  m.year = l.year;
  m.subject = l.subject;
  m.dedup_key = "escalation:" + std::to_string(l.year) + "/" + l.subject + "/" + l.level;
  if (l.level == "reminder") {
    m.title_zh = "提醒：" + what_zh + " 将于 " + l.due_date + " 到期";
    m.title_en = "Reminder: " + what_en + " is due on " + l.due_date;
  } else if (l.level == "yellow") {
    m.title_zh = "黄牌：" + what_zh + " 已逾期（截止 " + l.due_date + "）";
    m.title_en = "Yellow card: " + what_en + " is overdue (due " + l.due_date + ")";
  } else {
    m.title_zh = "红牌：" + what_zh + " 逾期 " + std::to_string(l.working_days) + " 个工作日";
    m.title_en =
        "Red card: " + what_en + " is " + std::to_string(l.working_days) + " working days late";
  }
  return m;
}

namespace {

// 报送频次: the monitoring settings' entry for the leaf (the office's override),
// else the leaf's own frequency as set in the scheme (指标设置), else the
// year's default.
cm::Frequency FrequencyOf(const store::MonitoringSettings& s, const core::Indicator& leaf) {
  auto it = s.frequencies.find(leaf.id);
  const std::string& name = it != s.frequencies.end() ? it->second
                            : !leaf.frequency.empty() ? leaf.frequency
                                                      : s.default_frequency;
  return cm::ParseFrequency(name).value_or(cm::Frequency::kQuarterly);
}

}  // namespace

Result<std::vector<Slot>> Slots(YearCache& years, store::Store& store, int year) {
  auto scheme_or = years.Scheme(year);
  if (!scheme_or.ok()) return scheme_or.status();
  const core::Scheme& scheme = **scheme_or;
  auto settings = store.LoadMonitoringSettings(year);
  if (!settings.ok()) return settings.status();
  auto cal = LoadWorkCalendar(store);
  if (!cal.ok()) return cal.status();
  auto reports = store.ListReports(year);
  if (!reports.ok()) return reports.status();
  std::map<std::tuple<std::string, std::string, std::string>, store::MonitoringReport> stored;
  for (auto& r : *reports) stored[{r.indicator_id, r.unit_id, r.period}] = std::move(r);
  std::set<std::string> parents;
  for (const auto& i : scheme.indicators) parents.insert(i.parent_id);
  std::vector<Slot> out;
  for (const core::Indicator& leaf : scheme.indicators) {
    if (parents.count(leaf.id)) continue;
    const auto periods = cm::ReportPeriods(year, FrequencyOf(*settings, leaf));
    for (const core::Unit& unit : scheme.units) {
      if (!IsAssessed(leaf, unit)) continue;
      for (const std::string& p : periods) {
        Slot s;
        s.indicator_id = leaf.id;
        s.unit_id = unit.id;
        s.lead_unit_id = leaf.lead_unit_id;
        s.period = p;
        s.due = cm::DueDate(*core::ParsePeriod(p), settings->due_days_after, *cal);
        auto it = stored.find({leaf.id, unit.id, p});
        if (it != stored.end()) {
          s.report = std::move(it->second);
          stored.erase(it);
        }
        out.push_back(std::move(s));
      }
    }
  }
  // Reports for periods outside the leaf's frequency (the frequency changed
  // after they were made) are still shown.
  for (auto& [k, r] : stored) {
    Slot s;
    s.indicator_id = r.indicator_id;
    s.unit_id = r.unit_id;
    s.period = r.period;
    for (const auto& i : scheme.indicators) {
      if (i.id == r.indicator_id) s.lead_unit_id = i.lead_unit_id;
    }
    auto p = core::ParsePeriod(r.period);
    s.due = p ? cm::DueDate(*p, settings->due_days_after, *cal) : Date{year, 12, 31};
    s.report = std::move(r);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) {
    return std::tie(a.indicator_id, a.unit_id, a.period) <
           std::tie(b.indicator_id, b.unit_id, b.period);
  });
  return out;
}

Result<Date> DueDateOf(store::Store& store, int year, const std::string& period) {
  auto p = core::ParsePeriodOfYear(period, year, false);
  if (!p.ok()) return p.status();
  auto settings = store.LoadMonitoringSettings(year);
  if (!settings.ok()) return settings.status();
  auto cal = LoadWorkCalendar(store);
  if (!cal.ok()) return cal.status();
  return cm::DueDate(*p, settings->due_days_after, *cal);
}

Result<RemindRun> Remind(YearCache& years, store::Store& store, const Caller& caller,
                         const Date& today) {
  RemindRun run;
  run.date = cm::FormatDate(today);
  auto infos = store.ListYears();
  if (!infos.ok()) return infos.status();
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  for (const store::YearInfo& info : *infos) {
    if (info.stage != core::Stage::kMonitoring && info.stage != core::Stage::kYearEnd) continue;
    const int year = info.year;
    auto seeded = SeedCalendarDays(store, caller, year);
    if (!seeded.ok()) return seeded.status();
    auto settings = store.LoadMonitoringSettings(year);
    if (!settings.ok()) return settings.status();
    auto cal = LoadWorkCalendar(store);
    if (!cal.ok()) return cal.status();
    auto slots = Slots(years, store, year);
    if (!slots.ok()) return slots.status();
    auto tasks = store.ListNodeTasks(year);
    if (!tasks.ok()) return tasks.status();

    std::vector<cm::Deadline> deadlines;
    std::map<std::string, RemindLine> by_subject;
    for (const Slot& s : *slots) {
      const bool done = s.report && s.report->state != store::ReportState::kReturned;
      RemindLine l;
      l.year = year;
      l.kind = "report";
      l.subject = "report:" + s.indicator_id + "/" + s.unit_id + "/" + s.period;
      l.indicator_id = s.indicator_id;
      l.unit_id = s.unit_id;
      l.period = s.period;
      l.due_date = cm::FormatDate(s.due);
      deadlines.push_back({l.subject, s.due, done});
      by_subject[l.subject] = l;
    }
    for (const store::NodeTask& t : *tasks) {
      auto due = cm::ParseDate(t.due_date);
      if (!due) continue;
      RemindLine l;
      l.year = year;
      l.kind = "task";
      l.subject = "task:" + t.id;
      l.task_id = t.id;
      l.from_role = t.from_role;
      l.unit_id = t.from_unit;
      l.name_zh = t.name_zh;
      l.due_date = t.due_date;
      deadlines.push_back({l.subject, *due, t.done});
      by_subject[l.subject] = l;
    }
    const cm::EscalationRule rule{settings->reminder_working_days,
                                  settings->red_after_working_days};
    const auto escalations = cm::Escalate(deadlines, today, *cal, rule);
    const std::vector<std::string> admins = UsersOfRole(*users, core::Role::kAdmin);
    GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
      for (const cm::Escalation& e : escalations) {
        RemindLine l = by_subject.at(e.key);
        l.level = cm::LevelName(e.level);
        l.working_days = e.working_days;
        auto added =
            tx.AddEscalation({year, l.subject, l.level, run.date, l.unit_id, e.working_days});
        if (!added.ok()) return added.status();
        l.recorded = *added;
        if (*added) {
          ++run.escalations_added;
          std::vector<std::string> to;
          if (l.kind == "report") {
            to = UsersOfUnit(*users, l.unit_id);
          } else if (!l.unit_id.empty()) {
            to = UsersOfUnit(*users, l.unit_id);
          } else if (auto role = core::ParseRole(l.from_role)) {
            to = UsersOfRole(*users, *role);
          }
          // A red card is also the office's business.
          if (e.level == cm::Level::kRed) to.insert(to.end(), admins.begin(), admins.end());
          std::sort(to.begin(), to.end());
          to.erase(std::unique(to.begin(), to.end()), to.end());
          const std::string what = l.kind == "report"
                                       ? "监测数据 " + l.indicator_id + "（" + l.period + "）"
                                       : "节点任务「" + l.name_zh + "」";
          const std::string what_en =
              l.kind == "report" ? "monitoring report " + l.indicator_id + " (" + l.period + ")"
                                 : "node task '" + l.task_id + "'";
          store::InboxMessage m = EscalationMessage(l, what, what_en);
          if (l.kind == "report") {
            m.body_zh = "单位 " + l.unit_id;
            m.body_en = "Unit " + l.unit_id;
          }
          auto sent = Notify(tx, to, m);
          if (!sent.ok()) return sent.status();
          run.messages_added += *sent;
        }
        run.lines.push_back(std::move(l));
      }
      return Status::Ok();
    }));
  }
  // 整改 overdue rectification items escalate the same way (after publication).
  GOVPERF_RETURN_IF_ERROR(feedback::RemindRectification(store, caller, today, run));
  return run;
}

}  // namespace govperf::app::monitoring
