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
//  2a. Incremental: when the versions moved by single writes (a value, a
//     unit's scores, inputs or adjustments), the store's change log
//     (YearReader::YearChangesSince) names them; the year's core::Evaluator
//     replays them (about a millisecond each on a province year) and the new
//     view shares the scheme, the loaded data and every unchanged chunk of
//     results with the previous one. Bulk writes (scheme, stage, whole data),
//     a log that no longer reaches back, or too many changes → full rebuild.
//     Either way the view equals a fresh full build field by field (tested:
//     year_cache_test.cc).
//  3. Thread-safe: any number of threads may call any method. Concurrent
//     misses of one year build it once (a per-year build lock: the second
//     caller waits and then finds the view); different years build in parallel.
//  4. Score and rank intervals (methods::EstimateUncertainty, ~1 s for a city)
//     are cached per (year, replicates, level) next to the year's view, keyed
//     by the same versions, and dropped when the view is. At most
//     kMaxIntervalSetsPerYear parameter sets are kept per year, so a caller
//     cycling through parameters cannot grow memory without bound.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/evaluate.h"
#include "core/evaluator.h"
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

// A scheme with its lookup indexes: shared by every view of one scheme
// version (a data change keeps it), and the scheme an Evaluator reads.
struct SchemeIndex {
  explicit SchemeIndex(core::Scheme s);
  SchemeIndex(const SchemeIndex&) = delete;  // the indexes point into `scheme`
  SchemeIndex& operator=(const SchemeIndex&) = delete;

  core::Scheme scheme;
  std::map<std::string, const core::Unit*> units;
  std::map<std::string, const core::Category*> categories;
  std::map<std::string, const core::Indicator*> indicators;
  std::map<std::string, std::vector<const core::Indicator*>> children;  // parent id → children
};

// The year's data as last loaded in full, with its lookup indexes: shared by
// views until a bulk change reloads it (the values of a province year are
// millions of rows: never copied per change).
struct YearDataBase {
  YearDataBase() = default;
  YearDataBase(const YearDataBase&) = delete;  // the indexes point into `own`
  YearDataBase& operator=(const YearDataBase&) = delete;
  void BuildIndexes(int year);

  core::YearData own;                 // the year's own data (periods "YYYY" and "YYYY-MM")
  std::vector<core::Datum> previous;  // last year's year-end values (period "YYYY-1")
  std::map<core::UnitIndicatorKey, const core::Datum*> year_end;              // into own
  std::map<core::UnitIndicatorKey, std::vector<const core::Datum*>> monthly;  // by period
};

// What changed since the base was loaded (small: a full reload past
// kMaxPatchedValues): the values written since, by key, and the current
// scores, inputs and adjustments. Every part is shared, read-only, with the
// previous patch (or, until first changed, with the base's data) and copied
// only by a change of its own kind: a score write copies the three score maps
// (a few thousand entries), not the values written since, and a value write
// copies those values, not the scores.
struct YearDataPatch {
  using Key = std::tuple<std::string, std::string, std::string>;  // (indicator, unit, period)
  struct Entry {
    core::Datum datum;
    uint64_t seq = 0;  // order of first write: a new key goes after every stored value
  };
  using Values = std::map<Key, Entry>;
  using Scores = std::map<std::string, double>;
  using Inputs = std::map<std::string, std::map<std::string, double>>;

  // The first patch after a full load: no values, every other part the base's.
  static YearDataPatch Of(const std::shared_ptr<const YearDataBase>& base);

  std::shared_ptr<const Values> values;    // the year's own values
  std::shared_ptr<const Values> previous;  // last year's year-end values
  uint64_t next_seq = 0;
  std::shared_ptr<const Scores> satisfaction, leadership, satisfaction_se;
  std::shared_ptr<const Inputs> inputs;
  std::shared_ptr<const std::vector<core::Adjustment>> adjustments;
};

inline constexpr size_t kMaxPatchedValues = 1024;

// One year at one pair of data versions: its scheme, data, evaluation and
// lookup indexes. Immutable once handed out. Its parts are shared with the
// views of neighbouring versions (structural sharing: docs/design/app.md).
struct YearView {
  // A view of `scheme` without data (what-if results, tests); the results
  // service builds the others.
  explicit YearView(std::shared_ptr<const SchemeIndex> scheme);
  YearView(const YearView&) = delete;
  YearView& operator=(const YearView&) = delete;

  store::YearInfo info;
  // The data versions this view was built from: (its year, the year before;
  // -1 when that year does not exist).
  std::pair<int64_t, int64_t> versions{-1, -1};

 private:
  std::shared_ptr<const SchemeIndex> scheme_index_;

 public:
  const core::Scheme& scheme;
  const std::map<std::string, const core::Unit*>& units;
  const std::map<std::string, const core::Category*>& categories;
  const std::map<std::string, const core::Indicator*>& indicators;
  const std::map<std::string, std::vector<const core::Indicator*>>& children;

  core::YearResult result;
  // Unit id → its result in `result` (keys view the results' own ids: built
  // per view without copying a string).
  std::unordered_map<std::string_view, const core::UnitResult*> unit_results;
  std::map<std::string, int> category_size;  // units evaluated per category

  // The year's own data (periods "YYYY" and "YYYY-MM"), in the store's order.
  // Built on first use when values changed since the last full load (a copy
  // of every value: analysis endpoints only; prefer ForEachValue / YearEnd /
  // Monthly on request paths).
  const core::YearData& data() const;
  // data() + last year's year-end values: what the engine scores.
  const core::YearData& scoring_data() const;
  // Every value of data().values, in that order, without building data().
  void ForEachValue(const std::function<void(const core::Datum&)>& fn) const;
  // The year-end datum (period "YYYY") of (indicator, unit), or nullptr.
  const core::Datum* YearEnd(const std::string& indicator_id, const std::string& unit_id) const;
  // The monthly data of (indicator, unit), ordered by period.
  std::vector<const core::Datum*> Monthly(const std::string& indicator_id,
                                          const std::string& unit_id) const;

  bool IsLeaf(const std::string& indicator_id) const { return !children.count(indicator_id); }
  // The units assessed on a leaf: its unit_ids, else all units of its categories.
  std::vector<const core::Unit*> AssessedUnits(const core::Indicator& ind) const;
  // A category's unit results in the API's order: rank, then unit id.
  std::vector<const core::UnitResult*> CategoryRows(const std::string& category_id) const;
  // Units evaluated in the category (0 when unknown).
  int CategorySize(const std::string& category_id) const;
  // The category's grade level with this code (GradeLevel::code), or nullptr.
  const core::GradeLevel* Grade(const std::string& category_id, const std::string& code) const;
  std::optional<double> Target(const std::string& indicator_id, const std::string& unit_id) const;
  // unit_results and category_size from `result`.
  void BuildIndexes();
  const std::shared_ptr<const SchemeIndex>& scheme_index() const { return scheme_index_; }

 private:
  friend class YearCache;
  std::shared_ptr<const YearDataBase> base_;    // never null once built by the cache
  std::shared_ptr<const YearDataPatch> patch_;  // null: nothing changed since base_
  mutable std::once_flag data_once_, scoring_once_;
  mutable std::unique_ptr<core::YearData> data_, scoring_;
};

using Intervals = std::vector<methods::UnitUncertainty>;

inline constexpr int kDefaultReplicates = 200;
inline constexpr double kDefaultIntervalLevel = 0.9;
inline constexpr size_t kMaxIntervalSetsPerYear = 4;

// How long YearCache trusts its last read of the years and versions while
// this process commits nothing: another process's write (a CLI command on the
// same database) is seen at most this late.
inline constexpr std::chrono::milliseconds kRecheck{100};

class YearCache {
 public:
  // `recheck`: how long a read of the years and versions is trusted while
  // this process commits nothing (the bound on how late another process's
  // write is seen; 0 = re-read on every call).
  explicit YearCache(store::Store& store, std::chrono::milliseconds recheck = kRecheck)
      : store_(store), recheck_(recheck) {}

  // All years, ascending. Answered from memory while this process committed
  // nothing and the last read is younger than kRecheck (see Fresh()).
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
  // Per year, under its build lock: the latest view and, for a year not
  // published, the incremental engine that produced its result.
  struct YearSlot {
    std::mutex build;
    std::shared_ptr<const YearView> view;
    std::unique_ptr<core::Evaluator> evaluator;  // reads view->scheme (kept alive by `view`)
  };

  Result<std::pair<int64_t, int64_t>> Versions(int year);
  // Full load and evaluation (keeping an Evaluator when not published).
  Result<std::shared_ptr<const YearView>> Build(int year, std::pair<int64_t, int64_t> versions,
                                                YearSlot& slot);
  // Replays the store's changes since slot.view into slot.evaluator; nullptr
  // when they cannot be replayed (then Build). REQUIRES: slot.build held.
  Result<std::shared_ptr<const YearView>> Update(int year, std::pair<int64_t, int64_t> versions,
                                                 YearSlot& slot);
  YearSlot& SlotOf(int year);

  // When a read of the store (the years, a year's versions) was made: the
  // store's commit count then, and the time. It still holds while nothing
  // was committed through this store since, and for recheck_ at most — the
  // bound on how late a write by another process (a CLI command on the same
  // database) is seen. The hot public routes then answer without a query and
  // without the store's connection lock.
  struct ReadMark {
    uint64_t commits = 0;
    std::chrono::steady_clock::time_point at;
  };
  bool Fresh(const ReadMark& mark) const;
  ReadMark MarkNow() const;

  store::Store& store_;
  const std::chrono::milliseconds recheck_;
  std::mutex mu_;  // guards the maps below (never held while building)
  std::map<int, std::unique_ptr<YearSlot>> slots_;
  std::map<int, std::shared_ptr<const YearView>> views_;
  std::optional<std::pair<ReadMark, std::vector<store::YearInfo>>> years_;
  std::map<int, std::pair<ReadMark, std::pair<int64_t, int64_t>>> versions_;
  // (year, replicates, level) → (versions, intervals); dropped with the year's view.
  std::map<std::tuple<int, int, double>,
           std::pair<std::pair<int64_t, int64_t>, std::shared_ptr<const Intervals>>>
      intervals_;
};

}  // namespace govperf::app
