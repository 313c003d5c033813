#include "app/results/year_cache.h"

#include <algorithm>

#include "core/evaluate.h"
#include "store/scoring_input.h"

namespace govperf::app {
namespace {}  // namespace

core::EvaluateOptions EvaluateOptionsFor(const store::YearInfo& info) {
  // A year not yet published is scored provisionally: where a year-end value
  // is missing, the latest monthly value stands in (core/evaluate.h).
  core::EvaluateOptions options;
  options.provisional = !info.published();
  return options;
}

bool IsAssessed(const core::Indicator& ind, const core::Unit& unit) {
  return ind.unit_ids.empty()
             ? std::count(ind.category_ids.begin(), ind.category_ids.end(), unit.category_id) > 0
             : std::count(ind.unit_ids.begin(), ind.unit_ids.end(), unit.id) > 0;
}

std::vector<const core::Unit*> YearView::AssessedUnits(const core::Indicator& ind) const {
  std::vector<const core::Unit*> out;
  for (const core::Unit& u : scheme.units) {
    if (IsAssessed(ind, u)) out.push_back(&u);
  }
  return out;
}

std::vector<const core::UnitResult*> YearView::CategoryRows(const std::string& category_id) const {
  std::vector<const core::UnitResult*> rows;
  for (const core::UnitResult& r : result.units) {
    if (r.category_id == category_id) rows.push_back(&r);
  }
  // core orders by rank then unit id already; the API promises it, so make sure.
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
    return a->rank != b->rank ? a->rank < b->rank : a->unit_id < b->unit_id;
  });
  return rows;
}

std::optional<double> YearView::Target(const std::string& indicator_id,
                                       const std::string& unit_id) const {
  auto it = scheme.targets.find({indicator_id, unit_id});
  if (it == scheme.targets.end()) return std::nullopt;
  return it->second;
}

void YearView::BuildIndexes() {
  for (const core::Unit& u : scheme.units) units[u.id] = &u;
  for (const core::Category& c : scheme.categories) categories[c.id] = &c;
  for (const core::Indicator& i : scheme.indicators) {
    indicators[i.id] = &i;
    if (!i.parent_id.empty()) children[i.parent_id].push_back(&i);
  }
  for (const core::UnitResult& r : result.units) {
    unit_results[r.unit_id] = &r;
    ++category_size[r.category_id];
  }
  const std::string year_period = std::to_string(scheme.year);
  for (const core::Datum& d : data.values) {
    const core::UnitIndicatorKey key{d.indicator_id, d.unit_id};
    if (d.period == year_period) {
      year_end[key] = &d;
    } else {
      monthly[key].push_back(&d);
    }
  }
  for (auto& [key, list] : monthly) {
    std::sort(list.begin(), list.end(),
              [](const core::Datum* a, const core::Datum* b) { return a->period < b->period; });
  }
}

Result<std::vector<store::YearInfo>> YearCache::Years() { return store_.ListYears(); }

Result<store::YearInfo> YearCache::Year(int year) {
  auto y = store_.FindYear(year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) {
    return Status::NotFound("year " + std::to_string(year) + " not found")
        .Field("year")
        .Zh("没有 " + std::to_string(year) + " 年度");
  }
  return **y;
}

Result<int> YearCache::LatestYearWithScheme() {
  auto years = store_.ListYears();
  if (!years.ok()) return years.status();
  for (auto it = years->rbegin(); it != years->rend(); ++it) {
    auto scheme = Scheme(it->year);
    if (scheme.ok()) return it->year;
    if (scheme.status().code() != Code::kNotFound) return scheme.status();
  }
  return Status::NotFound("no year has a scheme yet").Zh("还没有任何年度的考核方案");
}

Result<std::pair<int64_t, int64_t>> YearCache::Versions(int year) {
  auto own = store_.DataVersion(year);
  if (!own.ok()) return own.status();
  auto prev = store_.DataVersion(year - 1);
  if (!prev.ok() && prev.status().code() != Code::kNotFound) return prev.status();
  return std::make_pair(*own, prev.ok() ? *prev : int64_t{-1});
}

std::mutex& YearCache::BuildLock(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = build_locks_[year];
  if (!slot) slot = std::make_unique<std::mutex>();
  return *slot;
}

Result<std::shared_ptr<const core::Scheme>> YearCache::Scheme(int year) {
  auto view = View(year);
  if (view.ok()) {
    // Aliasing constructor: the scheme lives as long as its view.
    return std::shared_ptr<const core::Scheme>(*view, &(*view)->scheme);
  }
  if (view.status().code() != Code::kInternal) return view.status();
  // A scheme that does not evaluate can still be read (and fixed).
  auto scheme = store_.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  return std::make_shared<const core::Scheme>(std::move(scheme).value());
}

Result<std::shared_ptr<const YearView>> YearCache::View(int year) {
  auto versions = Versions(year);
  if (!versions.ok()) return versions.status();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = views_.find(year); it != views_.end() && it->second->versions == *versions) {
      return it->second;
    }
  }
  // Invariant 3: one builder per year; later callers wait, then re-check.
  std::lock_guard<std::mutex> build(BuildLock(year));
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = views_.find(year); it != views_.end() && it->second->versions == *versions) {
      return it->second;
    }
  }
  auto built = Build(year, *versions);
  if (!built.ok()) return built.status();
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = views_[year];
  // Another writer may have moved the versions on meanwhile: keep the newer.
  if (!slot || slot->versions <= (*built)->versions) slot = *built;
  return *built;
}

Result<std::shared_ptr<const YearView>> YearCache::Build(int year,
                                                         std::pair<int64_t, int64_t> versions) {
  auto info = Year(year);
  if (!info.ok()) return info.status();
  auto scheme = store_.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  // Scored with last year's year-end values, exactly like the CLI (store/scoring_input.h).
  auto scoring = store::LoadYearDataForScoring(store_, year);
  if (!scoring.ok()) return scoring.status();
  auto result = core::Evaluate(*scheme, *scoring, EvaluateOptionsFor(*info));
  if (!result.ok()) {
    // A stored scheme that does not evaluate is a server-side problem, not the caller's.
    return Status::Internal("cannot evaluate year " + std::to_string(year) + ": " +
                            result.status().message());
  }
  auto view = std::make_shared<YearView>();
  view->info = std::move(info).value();
  view->versions = versions;
  view->scheme = std::move(scheme).value();
  // The year's own data: the scoring input without last year's year-end values.
  const std::string last_year = std::to_string(year - 1);
  view->data = *scoring;
  std::erase_if(view->data.values, [&](const core::Datum& d) { return d.period == last_year; });
  view->scoring_data = std::move(scoring).value();
  view->result = std::move(result).value();
  view->BuildIndexes();
  return std::shared_ptr<const YearView>(view);
}

Result<std::shared_ptr<const Intervals>> YearCache::IntervalsOf(int year, int replicates,
                                                                double level) {
  auto view = View(year);  // current (invariant 2) and evaluated
  if (!view.ok()) return view.status();
  const auto key = std::make_tuple(year, replicates, level);
  const auto versions = (*view)->versions;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = intervals_.find(key); it != intervals_.end() && it->second.first == versions) {
      return it->second.second;
    }
  }
  methods::UncertaintyOptions options;
  options.replicates = replicates;
  options.level = level;
  options.evaluate = EvaluateOptionsFor((*view)->info);
  auto estimate = methods::EstimateUncertainty((*view)->scheme, (*view)->scoring_data, options);
  if (!estimate.ok()) return estimate.status();
  auto shared = std::make_shared<const Intervals>(std::move(estimate).value());
  std::lock_guard<std::mutex> lock(mu_);
  // Bounded per year (invariant 4): forget stale sets and the year's oldest others.
  size_t kept = 0;
  for (auto it = intervals_.begin(); it != intervals_.end();) {
    if (std::get<0>(it->first) == year &&
        (it->second.first != versions || ++kept >= kMaxIntervalSetsPerYear)) {
      it = intervals_.erase(it);
    } else {
      ++it;
    }
  }
  intervals_[key] = {versions, shared};
  return shared;
}

void YearCache::Invalidate(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  views_.erase(year);
  for (auto it = intervals_.begin(); it != intervals_.end();) {
    it = std::get<0>(it->first) == year ? intervals_.erase(it) : std::next(it);
  }
}

}  // namespace govperf::app
