#include "app/feedback/rectification_remind.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/monitoring/inbox.h"

namespace govperf::app::feedback {

namespace cm = core::monitoring;

Status RemindRectification(store::Store& store, const Caller& caller, const cm::Date& today,
                           monitoring::RemindRun& run) {
  auto years = store.RectificationYears();
  if (!years.ok()) return years.status();
  if (years->empty()) return Status::Ok();
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  const std::vector<std::string> admins = monitoring::UsersOfRole(*users, core::Role::kAdmin);
  for (int year : *years) {
    auto items = store.ListRectification(year, "");
    if (!items.ok()) return items.status();
    // Deadlines fall in the year after the assessed one, mostly: the
    // working-day calendar of every year a deadline is in.
    std::set<int> calendar_years = {year};
    for (const store::RectificationItem& it : *items) {
      if (auto d = cm::ParseDate(it.deadline)) calendar_years.insert(d->year);
    }
    for (int y : calendar_years) {
      GOVPERF_RETURN_IF_ERROR(monitoring::SeedCalendarDays(store, caller, y).status());
    }
    auto cal = monitoring::LoadWorkCalendar(store);
    if (!cal.ok()) return cal.status();
    auto settings = store.LoadMonitoringSettings(year);
    if (!settings.ok()) return settings.status();
    std::vector<cm::Deadline> deadlines;
    std::map<std::string, monitoring::RemindLine> by_subject;
    for (const store::RectificationItem& it : *items) {
      auto due = cm::ParseDate(it.deadline);
      if (!due) continue;
      monitoring::RemindLine l;
      l.year = year;
      l.kind = "rectification";
      l.subject = "rectification:" + std::to_string(it.id);
      l.task_id = std::to_string(it.id);
      l.unit_id = it.unit_id;
      l.indicator_id = it.indicator_id;
      l.name_zh = it.problem.empty() ? it.measure : it.problem;
      l.due_date = it.deadline;
      deadlines.push_back({l.subject, *due, it.state == "closed"});
      by_subject[l.subject] = l;
    }
    const auto escalations =
        cm::Escalate(deadlines, today, *cal,
                     {settings->reminder_working_days, settings->red_after_working_days});
    GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
      for (const cm::Escalation& e : escalations) {
        monitoring::RemindLine l = by_subject.at(e.key);
        l.level = cm::LevelName(e.level);
        l.working_days = e.working_days;
        auto added =
            tx.AddEscalation({year, l.subject, l.level, run.date, l.unit_id, e.working_days});
        if (!added.ok()) return added.status();
        l.recorded = *added;
        if (*added) {
          ++run.escalations_added;
          std::vector<std::string> to = monitoring::UsersOfUnit(*users, l.unit_id);
          // A red card is also the office's business.
          if (e.level == cm::Level::kRed) to.insert(to.end(), admins.begin(), admins.end());
          std::sort(to.begin(), to.end());
          to.erase(std::unique(to.begin(), to.end()), to.end());
          const std::string what = "整改事项「" + l.name_zh + "」";
          const std::string what_en = "rectification item " + l.task_id;
          store::InboxMessage m = monitoring::EscalationMessage(l, what, what_en);
          m.body_zh = "单位 " + l.unit_id + "，" + std::to_string(year) + " 年度整改";
          m.body_en = "Unit " + l.unit_id + ", rectification of " + std::to_string(year);
          auto sent = monitoring::Notify(tx, to, m);
          if (!sent.ok()) return sent.status();
          run.messages_added += *sent;
        }
        run.lines.push_back(std::move(l));
      }
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

}  // namespace govperf::app::feedback
