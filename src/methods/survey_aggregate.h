// 社会评价 aggregation: a survey's accepted answers → each unit's satisfaction
// score with a bootstrap standard error and percentile interval, per
// respondent group and combined over the groups (docs/design/survey.md
// "Aggregation").
//
// Guarantees:
//  1. Raking: each group's respondents are raked to the group's margins
//     (RakeIndexed: the same sweeps as `govperf method rake`). A respondent
//     with no level (or a level not in the margins) for a margin variable
//     cannot be raked; it keeps the group's mean raked weight (a neutral
//     weight: neither amplified nor silenced) and the group reports how many
//     (`unraked_cells`). A margin level that no respondent holds is dropped and
//     the variable's remaining totals are rescaled to the same sum, so the
//     sample can still be raked (`empty_level`). A group without margins, or
//     whose raking fails otherwise, keeps weight 1 for everyone.
//  2. Per unit × group cell: n (respondents with points about the unit),
//     n_dont_know (respondents whose every scale answer about the unit was
//     不了解 don't know), score = Σ w p / Σ w over the n.
//  3. Bootstrap: replicate r of a cell resamples its n respondents with
//     replacement (raked weights kept) and takes the weighted mean. Each cell
//     draws from its own generator seeded by (seed, cell), so the results are
//     identical for a seed whatever the thread count. SE = standard deviation
//     of the replicates (R − 1 divisor); interval = percentile interval
//     (methods::PercentileInterval, type 7 quantiles).
//  4. Per unit: score = Σ_g W_g s_g / Σ_g W_g over the groups with n > 0 (W the
//     group weights); replicate r of the unit combines replicate r of each of
//     its cells the same way, so its SE and interval reflect every group.
//  5. Warnings (comma-joined on each row): small_sample (a cell with
//     0 < n < min_sample; on the unit row when any of its cells is),
//     rake_not_converged (the group's raking hit max_iter; on that group's
//     cells and their units), no_answers (a unit or cell without points).
//  6. Errors name the field: group / unit index out of range, non-positive
//     group weights, points not finite, options out of range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "methods/rake.h"

namespace govperf::methods {

struct AggregateGroup {
  std::string id;
  double weight = 1;  // > 0
  Margins margins;    // variable → level → population total; empty = not raked
};

// One respondent's answers about one unit.
struct UnitAnswer {
  int32_t unit = 0;              // index into AggregateInput::units
  std::optional<double> points;  // mean points of its scale answers about the unit
  int32_t dont_know = 0;         // how many of them were 不了解
};

struct AggregateRespondent {
  int32_t group = 0;                // index into AggregateInput::groups
  std::vector<std::string> cells;   // per AggregateInput::variables: level, "" = none
  std::vector<UnitAnswer> answers;  // at most one per unit
};

struct AggregateInput {
  std::vector<AggregateGroup> groups;
  std::vector<std::string> units;      // unit ids: every unit gets a row
  std::vector<std::string> variables;  // the order of each respondent's cells
  std::vector<AggregateRespondent> respondents;
};

struct AggregateOptions {
  int replicates = 1000;  // 20..100000
  uint64_t seed = 1;
  int min_sample = 30;
  double confidence = 0.95;  // (0, 1)
  int threads = 2;           // 1..64; results do not depend on it
  RakeOptions rake;
};

struct AggregateEstimate {
  int64_t n = 0, n_dont_know = 0;
  std::optional<double> score, se, ci_low, ci_high;  // empty without answers
  std::vector<std::string> warnings;
};

struct AggregateCell {
  int32_t unit = 0, group = 0;
  AggregateEstimate estimate;
};

struct AggregateGroupRake {
  bool raked = false;  // margins given and raking succeeded
  bool converged = true;
  int iterations = 0;
  int64_t respondents = 0;
  int64_t unraked_cells = 0;              // respondents kept at the mean raked weight
  std::vector<std::string> empty_levels;  // "variable.level" dropped: nobody in the sample
  std::string error;                      // why raking failed (weights 1 instead)
};

struct AggregateResult {
  std::vector<AggregateEstimate> units;    // per AggregateInput::units
  std::vector<AggregateCell> cells;        // unit × group with any answer, by unit then group
  std::vector<AggregateGroupRake> groups;  // per AggregateInput::groups
  std::vector<double> weights;             // each respondent's final weight
};

Result<AggregateResult> AggregateSurvey(const AggregateInput& input,
                                        const AggregateOptions& options = {});

}  // namespace govperf::methods
