#include "server/year_cache.h"

#include <algorithm>

#include "core/evaluate.h"
#include "store/scoring_input.h"

namespace govperf::server {
namespace {

constexpr int kAuditPage = 500;

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Session bookkeeping changes no scheme or data: it need not drop results.
bool IsSessionRecord(const store::AuditRecord& r) {
  return StartsWith(r.action, "login") || StartsWith(r.action, "logout") ||
         StartsWith(r.action, "session") || StartsWith(r.entity, "session");
}

}  // namespace

core::EvaluateOptions EvaluateOptionsFor(const store::YearInfo& info) {
  // A year not yet published is scored provisionally: where a year-end value
  // is missing, the latest monthly value stands in (core/evaluate.h).
  core::EvaluateOptions options;
  options.provisional = info.status != "published";
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
  auto years = store_.ListYears();
  if (!years.ok()) return years.status();
  for (const auto& y : *years) {
    if (y.year == year) return y;
  }
  return Status::NotFound("year " + std::to_string(year) + " not found");
}

Result<int> YearCache::LatestYearWithScheme() {
  auto years = store_.ListYears();
  if (!years.ok()) return years.status();
  for (auto it = years->rbegin(); it != years->rend(); ++it) {
    auto scheme = Scheme(it->year);
    if (scheme.ok()) return it->year;
    if (scheme.status().code() != Code::kNotFound) return scheme.status();
  }
  return Status::NotFound("no year has a scheme yet");
}

Status YearCache::Refresh() {
  for (;;) {
    auto records = store_.ListAudit(std::max<int64_t>(audit_mark_, 0), kAuditPage);
    if (!records.ok()) return records.status();
    if (records->empty()) break;
    const bool relevant = std::any_of(records->begin(), records->end(),
                                      [](const auto& r) { return !IsSessionRecord(r); });
    if (relevant) {
      schemes_.clear();
      views_.clear();
      intervals_.clear();
    }
    audit_mark_ = records->back().id;
  }
  if (audit_mark_ < 0) audit_mark_ = 0;
  return Status::Ok();
}

Result<std::shared_ptr<const core::Scheme>> YearCache::Scheme(int year) {
  GOVPERF_RETURN_IF_ERROR(Refresh());
  if (auto it = schemes_.find(year); it != schemes_.end()) return it->second;
  auto info = Year(year);
  if (!info.ok()) return info.status();
  auto scheme = store_.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto shared = std::make_shared<const core::Scheme>(std::move(scheme).value());
  schemes_[year] = shared;
  return shared;
}

Result<std::shared_ptr<const YearView>> YearCache::View(int year) {
  GOVPERF_RETURN_IF_ERROR(Refresh());
  if (auto it = views_.find(year); it != views_.end()) return it->second;
  auto info = Year(year);
  if (!info.ok()) return info.status();
  auto scheme = Scheme(year);
  if (!scheme.ok()) return scheme.status();
  // Scored with last year's year-end values, exactly like the CLI (store/scoring_input.h).
  auto scoring = store::LoadYearDataForScoring(store_, year);
  if (!scoring.ok()) return scoring.status();
  auto result = core::Evaluate(**scheme, *scoring, EvaluateOptionsFor(*info));
  if (!result.ok()) {
    // A stored scheme that does not evaluate is a server-side problem, not the caller's.
    return Status::Internal("cannot evaluate year " + std::to_string(year) + ": " +
                            result.status().message());
  }
  auto view = std::make_shared<YearView>();
  view->info = std::move(info).value();
  view->scheme = **scheme;
  // The year's own data: the scoring input without last year's year-end values.
  const std::string last_year = std::to_string(year - 1);
  view->data = *scoring;
  std::erase_if(view->data.values, [&](const core::Datum& d) { return d.period == last_year; });
  view->scoring_data = std::move(scoring).value();
  view->result = std::move(result).value();
  view->BuildIndexes();
  views_[year] = view;
  return std::shared_ptr<const YearView>(view);
}

Result<std::shared_ptr<const Intervals>> YearCache::IntervalsOf(int year, int replicates,
                                                                double level) {
  auto view = View(year);  // refreshes (invariant 2) and evaluates the point result
  if (!view.ok()) return view.status();
  const auto key = std::make_tuple(year, replicates, level);
  if (auto it = intervals_.find(key); it != intervals_.end()) return it->second;
  methods::UncertaintyOptions options;
  options.replicates = replicates;
  options.level = level;
  options.evaluate = EvaluateOptionsFor((*view)->info);
  auto estimate = methods::EstimateUncertainty((*view)->scheme, (*view)->scoring_data, options);
  if (!estimate.ok()) return estimate.status();
  // Bounded per year (invariant 4): forget the year's other parameter sets first.
  size_t kept = 0;
  for (auto it = intervals_.begin(); it != intervals_.end();) {
    if (std::get<0>(it->first) == year && ++kept >= kMaxIntervalSetsPerYear) {
      it = intervals_.erase(it);
    } else {
      ++it;
    }
  }
  auto shared = std::make_shared<const Intervals>(std::move(estimate).value());
  intervals_[key] = shared;
  return shared;
}

void YearCache::Invalidate(int year) {
  views_.erase(year);
  schemes_.erase(year);
  for (auto it = intervals_.begin(); it != intervals_.end();) {
    it = std::get<0>(it->first) == year ? intervals_.erase(it) : std::next(it);
  }
}

}  // namespace govperf::server
