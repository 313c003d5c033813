// 领导评价 leadership rating: per year the office sets a rating form
// (dimensions with weights summing to 1, a scale such as 0..100 or 1..5,
// mapped linearly to 0..100), leader levels with weights (e.g. 主要领导 0.5,
// 分管领导 0.3, 其他 0.2) and, per leader user, a level and the units they
// rate. Leaders see only their own assignment and ratings and rate each unit
// on every dimension; no leader sees another's ratings.
//
// The per-unit aggregate — each leader's ratings weighted by dimension, the
// leaders of a level averaged, the levels weighted over the levels that
// rated the unit — is written into the year's leadership score
// (ComponentScores.leadership) when the office CLOSES the rating, not on each
// rating: a half-filled rating would move published-looking scores and
// rankings while leaders are still rating (and each new rating would rescale
// the levels present), and closing is one audited act after which ratings and
// the form are frozen.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

// Checks the setup against the year (units in the scheme, leader users with
// role leader, weights) and stores it. In monitoring or year_end, until closed.
// The dimensions and the scale are frozen once a rating exists (field
// dimensions / scale).
Result<store::RatingSetup> PutRatingSetup(YearCache& years, store::Store& store,
                                          const Caller& caller, int year,
                                          const store::RatingSetup& setup);

// The setup as the caller may see it: the office all of it; a leader the form,
// the levels and only their own assignment. NotFound when none was set.
Result<store::RatingSetup> GetRatingSetup(store::Store& store, const Caller& caller, int year);

// A leader's rating of one assigned unit: every dimension of the form, each
// on the scale (out of scale → 400 naming `scores.<dimension>`).
Result<store::LeaderRating> Rate(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, const std::string& unit_id,
                                 const std::map<std::string, double>& scores);

// Ratings the caller may see: a leader only their own (asking for another
// leader's → 403); the office everyone's, or one leader's.
Result<std::vector<store::LeaderRating>> ListRatings(store::Store& store, const Caller& caller,
                                                     int year, const std::string& leader);

// The aggregate per unit (0..100), pure. Units nobody rated are absent.
std::map<std::string, double> AggregateRatings(const store::RatingSetup& setup,
                                               const std::vector<store::LeaderRating>& ratings);

// Closes the rating and writes each rated unit's aggregate into its
// leadership score, in one transaction. Returns the aggregates written.
Result<std::map<std::string, double>> CloseRating(YearCache& years, store::Store& store,
                                                  const Caller& caller, int year);

}  // namespace govperf::app::year_end
