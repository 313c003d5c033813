// The results service: per-year evaluated results, cached in memory and
// shared by every request, HTTP handler and CLI command alike.
//
// Invariants:
//  1. A YearView is immutable once built; callers hold it by shared_ptr, so a
//     concurrent rebuild never pulls data from under a request.
//  2. Staleness: a view is stamped with the data versions (store.h guarantee
//     4) of its year and of the year before (whose year-end values it scores
//     against). Before answering, the cache reads those versions (one small
//     query each) and rebuilds only when they moved. So a write invalidates
//     only its own year (and the next one), a published year stays cached
//     until it changes, and writes by another process (a CLI import into the
//     same database) are seen on the next request.
//  3. Thread-safe: any number of threads may call any method. Concurrent
//     misses of one year build it once (a per-year build lock: the second
//     caller waits and then finds the view); different years build in parallel.
//  4. Score and rank intervals (methods::EstimateUncertainty, ~1 s for a city)
//     are cached per (year, replicates, level) next to the year's view, keyed
//     by the same versions, and dropped when the view is. At most
//     kMaxIntervalSetsPerYear parameter sets are kept per year, so a caller
//     cycling through parameters cannot grow memory without bound.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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

namespace govperf::app {

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
  // The data versions this view was built from: (its year, the year before;
  // -1 when that year does not exist).
  std::pair<int64_t, int64_t> versions{-1, -1};
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
  // The year's scheme (from the year's view when current, else loaded);
  // NotFound when the year is unknown or has none.
  Result<std::shared_ptr<const core::Scheme>> Scheme(int year);
  // Scheme + data + core::Evaluate (cached, invariant 2); NotFound as above.
  Result<std::shared_ptr<const YearView>> View(int year);
  // Score and rank intervals of the year's units (invariant 4), evaluated with
  // the same options as View(). REQUIRES: replicates ≥ 20, 0 < level < 1.
  Result<std::shared_ptr<const Intervals>> IntervalsOf(int year, int replicates, double level);

  // Drops a year's cached results (not needed for correctness: invariant 2).
  void Invalidate(int year);

 private:
  Result<std::pair<int64_t, int64_t>> Versions(int year);
  Result<std::shared_ptr<const YearView>> Build(int year, std::pair<int64_t, int64_t> versions);
  std::mutex& BuildLock(int year);

  store::Store& store_;
  std::mutex mu_;  // guards the maps below (never held while building)
  std::map<int, std::unique_ptr<std::mutex>> build_locks_;
  std::map<int, std::shared_ptr<const YearView>> views_;
  // (year, replicates, level) → (versions, intervals); dropped with the year's view.
  std::map<std::tuple<int, int, double>,
           std::pair<std::pair<int64_t, int64_t>, std::shared_ptr<const Intervals>>>
      intervals_;
};

}  // namespace govperf::app
