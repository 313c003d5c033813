// The demo city's public satisfaction surveys (社会评价), run the way an
// office runs them, through the same use cases and the same submission path
// as the server:
//   design (Oct): four respondent groups weighted 群众 citizens 50 %, 企业
//     enterprises 20 %, 人大代表/政协委员 deputies and committee members 20 %,
//     服务对象 service recipients 10 %; who the respondent is (district, sex,
//     age group: the raking variables), a 5-point question on their district
//     and one per city department and stationed unit (不了解 kept apart), two
//     free-text opinion questions (意见建议); population margins per group
//     by district, sex and age group; quotas per group and district;
//   distribution: invitation codes per group and district
//     (app::survey::IssueCodes), and the public link for citizens (device
//     tokens);
//   fieldwork (Nov–Dec): synthetic respondents answer through
//     app::survey::Collector and the response journal
//     (store::OpenSqliteSurveyJournal), one after the other, so the batches
//     and their `survey.batch` audit records are real and the ids are the
//     same for the same seed. Each unit's answers follow its strength (the
//     same strengths that drive its indicator values) with respondent-level
//     and group-level spread; a few respondents speed, straight-line or send
//     the same answers twice from one address, and the quality rules flag
//     them from their paradata and answers;
//   review: the office accepts some flagged responses and rejects the rest
//     (audited), closes the survey, routes the opinions to the units and
//     lead departments, which answer most of them; the office closes most
//     answered ones and dismisses empty ones;
//   results: computed by app::survey::Apply (raking and bootstrap) into
//     every unit's satisfaction and satisfaction_se.
// The year in progress has its survey open: codes issued, about 40 % of the
// planned responses in, quotas partly met, some flagged responses waiting
// for review, opinions not yet routed.
//
// The journal needs its own connection to the database FILE, so the surveys
// are written only when DemoOptions::db_path names it; without it (an
// in-memory store, or a caller that does not say which file) the demo has no
// surveys and the satisfaction scores are given by the strength model, as an
// office that ran its survey elsewhere would enter them on 评价录入.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/monitoring/calendar.h"
#include "core/status.h"
#include "demo/story_clock.h"
#include "store/store.h"

namespace govperf::demo {

struct DemoSurvey {
  uint64_t seed = 0;
  int year = 0;
  bool past = true;                        // a published year's survey; false: the year in progress
  std::string db_path;                     // the store's database file (the journal's connection)
  std::map<std::string, double> strength;  // unit → strength in [0, 1] that year
  int index = 0;  // 0 for the earliest past year, 1 for the next (how thoroughly opinions close)
  core::monitoring::Date today{};  // the year in progress: the story's today
};

// "sat-2024", "sat-2025" for published years, "sat-2026-demo" for the year in
// progress (the CLI fixture and the browser scenarios create "sat-2026" and
// "e2e-sat" on the demo's year in progress).
std::string DemoSurveyId(int year, bool past);

// Planned respondents of a past year's survey (the year in progress gets
// about 40 % of them); flagged and duplicate submissions included.
int PlannedRespondents();

// REQUIRES (past): the year in monitoring with its scheme; its year data are
// written afterwards (WriteDemoSurveyResults then applies the results).
// Leaves the survey closed with its flagged responses reviewed and its
// opinions routed, mostly answered and closed. The clock runs from October
// to mid-January of the next year.
// The year in progress: leaves it open at `today`.
Status WriteDemoSurvey(store::Store& store, StoryClock& clock, const DemoSurvey& plan);

// Applies a past year's closed survey: every rated unit's satisfaction and
// satisfaction_se (app::survey::Apply). After the year's data are saved.
Status WriteDemoSurveyResults(store::Store& store, StoryClock& clock, const DemoSurvey& plan);

}  // namespace govperf::demo
