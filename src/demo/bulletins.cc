#include "demo/bulletins.h"

#include <string>

#include "app/barometer/bulletins.h"
#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/results/year_cache.h"

namespace govperf::demo {

namespace cm = core::monitoring;

Status IssueDemoBulletins(store::Store& st, StoryClock* clock, const YearInProgress& plan) {
  const cm::Date today = StoryToday(st, plan);
  auto cal = app::monitoring::LoadWorkCalendar(st);
  if (!cal.ok()) return cal.status();
  auto settings = st.LoadMonitoringSettings(plan.year);
  if (!settings.ok()) return settings.status();
  const app::Caller admin{"admin", core::Role::kAdmin, "", ""};
  app::YearCache years(st);
  static const char* kForewords[] = {
      "",
      "一季度各单位监测数据报送总体平稳。请被通报批评的单位对照问题抓紧补报、限期整改，"
      "牵头考核单位加强审核把关。",
      "二季度已过半年，部分指标时序进度滞后。请各单位对照进度红灯指标分析原因、"
      "制定追赶措施，确保全年目标完成。",
      "三季度迟报、缺报仍有发生。请各单位严格执行报送时限，红牌单位主要负责同志要"
      "亲自过问，四季度前完成整改。",
      ""};
  for (int q = 1; q <= 4; ++q) {
    const cm::Date end = cm::PeriodEnd({plan.year, q * 3});
    cm::Date issue = cm::DueDate({plan.year, q * 3}, settings->due_days_after, *cal);
    for (int n = 0; n < 5;) {
      issue = cm::AddDays(issue, 1);
      if (cal->IsWorkingDay(issue)) ++n;
    }
    if (!(end < today) || !(issue < today)) break;
    if (clock != nullptr) clock->SetChina(issue, 16);
    auto issued =
        app::barometer::IssueBulletin(years, st, admin, plan.year, q, kForewords[q], issue);
    if (!issued.ok()) {
      return Status(issued.status().code(),
                    "demo bulletin Q" + std::to_string(q) + ": " + issued.status().message());
    }
  }
  // Back to the story's evening (where WriteYearInProgress left the clock).
  if (clock != nullptr) clock->SetChina(today, 17, 30);
  return Status::Ok();
}

}  // namespace govperf::demo
