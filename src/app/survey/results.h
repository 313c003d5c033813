// 社会评价 results: a survey's accepted answers → each unit's satisfaction
// score with its bootstrap standard error and interval, per respondent group
// and combined (methods/survey_aggregate.h; docs/design/survey.md
// "Aggregation"), and applying them to the year's satisfaction scores.
//
// Guarantees:
//  1. Compute reads the definition and every accepted response (streamed),
//     maps scale answers to points (scale_points), resolves the unit each
//     answer is about (the question's unit_id, or the respondent's answer to
//     its unit_from choice question), and the respondent's raking cells
//     (response.cells, then its answers to choice questions naming a margin
//     variable). The seed derives from the survey id, so the same data give
//     the same intervals on every call (the results page and the apply agree).
//  2. Every unit of the year's scheme gets a row (no_answers when nobody
//     rated it); answers about a unit outside the scheme, and responses of a
//     group the survey does not define, are counted apart and not used.
//  3. Apply (office; the survey closed) writes the rows and each rated unit's
//     satisfaction and satisfaction_se in ONE store transaction, keeping each
//     unit's leadership score; units without answers keep their scores. The
//     year's composite and score/rank intervals then use them.
//  4. Several surveys in a year (one per category, say) combine: the store
//     records which survey supplied each unit's satisfaction. Applying a
//     survey whose units already have satisfaction from ANOTHER survey is
//     refused (FailedPrecondition naming `replace`, the first few units and
//     the other survey) and nothing is written, unless `replace` — then the
//     write is audited as a replacement. Re-applying the same survey is
//     allowed. Satisfaction the office entered by hand (手工录入, recorded
//     by PutScores since migration 0019) is a source too: applying over
//     such units is refused the same way ("hand-entered"), unless
//     `replace`. Satisfaction typed in before 0019 left no record and is
//     overwritten as before.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "app/caller.h"
#include "methods/survey_aggregate.h"
#include "store/store.h"

namespace govperf::app::survey {

inline constexpr int kDefaultResultReplicates = 1000;

struct ResultsOptions {
  int replicates = kDefaultResultReplicates;  // 20..10000
  int threads = 2;
};

struct GroupRakeSummary {
  std::string group_id;
  methods::AggregateGroupRake rake;
};

struct SurveyResults {
  std::string survey_id;
  int year = 0;
  int replicates = 0;
  double confidence = 0.95;
  int64_t respondents = 0;                   // accepted responses used
  int64_t unknown_group = 0;                 // accepted responses of a group the survey lacks
  int64_t unknown_unit = 0;                  // answers about a unit outside the year's scheme
  std::vector<store::SurveyResultRow> rows;  // per unit: '' first, then its groups
  std::vector<GroupRakeSummary> groups;
};

// Computes now (admin, leader, or the program itself). Nothing is stored.
Result<SurveyResults> Compute(store::Store& store, const Caller& caller,
                              const std::string& survey_id, const ResultsOptions& options = {});

struct ApplyOutcome {
  SurveyResults results;
  int64_t units_written = 0;  // units whose satisfaction was set
  // With `replace`: the units whose satisfaction another survey had supplied
  // (survey_id = that other survey) or the office had entered by hand
  // (kind "manual"), by unit id.
  std::vector<store::SatisfactionSource> replaced;
};

// Computes with the default options and writes (admin, or the program
// itself). `replace`: take over units another survey supplied (guarantee 4).
Result<ApplyOutcome> Apply(store::Store& store, const Caller& caller, const std::string& survey_id,
                           bool replace = false);

// The applied results of the year's surveys (those with rows), by survey id.
struct AppliedSurvey {
  std::string survey_id, title_zh, title_en;
  std::vector<store::SurveyResultRow> rows;
  std::set<std::string> supplies;  // units whose satisfaction this survey supplied
};
Result<std::vector<AppliedSurvey>> YearSatisfaction(store::Store& store, int year);

// The units whose satisfaction the office entered by hand (kind "manual",
// who and when), by unit id (migration 0019).
Result<std::vector<store::SatisfactionSource>> HandEnteredSatisfaction(store::Store& store,
                                                                       int year);

}  // namespace govperf::app::survey
