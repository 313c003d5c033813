// Per-year evaluated results, cached in memory.
//
// Invariants:
//  1. A YearView is immutable once built; handlers hold it by shared_ptr, so a
//     concurrent invalidation never pulls data from under a request.
//  2. Staleness: every store write appends an audit record (store.h guarantee
//     2). Before answering, the cache reads the audit records newer than the
//     last one it saw; any record other than a session (login/logout) record
//     drops every cached year. So writes through this server (PutDatum) and
//     writes by another process (a CLI import into the same database) are both
//     seen on the next request — correctness does not depend on every write
//     path remembering to invalidate.
//  3. Not thread-safe by itself: App serializes requests (docs/design/server.md).
//  4. Score and rank intervals (methods::EstimateUncertainty, ~1 s for a city)
//     are cached per (year, replicates, level) next to the year's view and are
//     dropped whenever that view is (invalidation or staleness, 2). At most
//     kMaxIntervalSetsPerYear parameter sets are kept per year, so a caller
//     cycling through parameters cannot grow memory without bound.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/evaluate.h"
#include "core/model.h"
#include "core/result.h"
#include "core/status.h"
#include "methods/uncertainty.h"
#include "store/store.h"

namespace govperf::server {

// How a year is evaluated everywhere (results, intervals, what-if): a year
// that is not published is evaluated provisionally.
core::EvaluateOptions EvaluateOptionsFor(const store::YearInfo& info);

// Is `unit` assessed on leaf `ind`: listed in its unit_ids (duty indicator), or,
// when that list is empty, in one of its categories (common indicator).
bool IsAssessed(const core::Indicator& ind, const core::Unit& unit);

// One year: its scheme, data, evaluation and lookup indexes.
struct YearView {
  YearView() = default;
  YearView(const YearView&) = delete;  // indexes point into the members
  YearView& operator=(const YearView&) = delete;

  store::YearInfo info;
  core::Scheme scheme;
  core::YearData data;          // the year's own data (periods "YYYY" and "YYYY-MM")
  core::YearData scoring_data;  // data + last year's year-end values: what the engine scores
  core::YearResult result;

  std::map<std::string, const core::Unit*> units;
  std::map<std::string, const core::Category*> categories;
  std::map<std::string, const core::Indicator*> indicators;
  std::map<std::string, std::vector<const core::Indicator*>> children;  // parent id → children
  std::map<std::string, const core::UnitResult*> unit_results;
  std::map<std::string, int> category_size;                       // units evaluated per category
  std::map<core::UnitIndicatorKey, const core::Datum*> year_end;  // period "YYYY"
  std::map<core::UnitIndicatorKey, std::vector<const core::Datum*>> monthly;  // by period

  bool IsLeaf(const std::string& indicator_id) const { return !children.count(indicator_id); }
  // The units assessed on a leaf: its unit_ids, else all units of its categories.
  std::vector<const core::Unit*> AssessedUnits(const core::Indicator& ind) const;
  // A category's unit results in the API's order: rank, then unit id.
  std::vector<const core::UnitResult*> CategoryRows(const std::string& category_id) const;
  std::optional<double> Target(const std::string& indicator_id, const std::string& unit_id) const;
  void BuildIndexes();
};

using Intervals = std::vector<methods::UnitUncertainty>;

inline constexpr int kDefaultReplicates = 200;
inline constexpr double kDefaultIntervalLevel = 0.9;
inline constexpr size_t kMaxIntervalSetsPerYear = 4;

class YearCache {
 public:
  explicit YearCache(store::Store& store) : store_(store) {}

  // All years, ascending (not cached: one small query).
  Result<std::vector<store::YearInfo>> Years();
  // NotFound for an unknown year.
  Result<store::YearInfo> Year(int year);
  // The latest year that has a scheme, or NotFound.
  Result<int> LatestYearWithScheme();
  // The year's scheme (cached); NotFound when the year is unknown or has none.
  Result<std::shared_ptr<const core::Scheme>> Scheme(int year);
  // Scheme + data + core::Evaluate (cached); NotFound as above.
  Result<std::shared_ptr<const YearView>> View(int year);
  // Score and rank intervals of the year's units (invariant 4), evaluated with
  // the same options as View(). REQUIRES: replicates ≥ 20, 0 < level < 1.
  Result<std::shared_ptr<const Intervals>> IntervalsOf(int year, int replicates, double level);

  void Invalidate(int year);

 private:
  Status Refresh();  // invariant 2

  store::Store& store_;
  int64_t audit_mark_ = -1;  // id of the newest audit record seen; -1: not read yet
  std::map<int, std::shared_ptr<const core::Scheme>> schemes_;
  std::map<int, std::shared_ptr<const YearView>> views_;
  // (year, replicates, level) → intervals; dropped with the year's view.
  std::map<std::tuple<int, int, double>, std::shared_ptr<const Intervals>> intervals_;
};

}  // namespace govperf::server
