#include "app/results/year_cache.h"

#include <algorithm>
#include <condition_variable>
#include <iterator>
#include <set>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "app/publication/publish.h"
#include "core/evaluate.h"

namespace govperf::app {
namespace {

// Replaced views are released on a background thread. The last reference to
// a province year's previous view owns what only it held (its patch maps,
// the result chunks a write rewrote): freeing that took a few milliseconds
// in one write of twenty, on the path that brings results current after a
// write, and under the cache's lock. The thread only drops references, so it
// needs no shutdown: it is never destroyed (no order-of-destruction problem
// at exit).
class Reclaimer {
 public:
  static Reclaimer& Get() {
    static Reclaimer* r = new Reclaimer();  // NOLINT: deliberately never destroyed
    return *r;
  }
  void Release(std::shared_ptr<const void> p) {
    if (!p) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(p));
    }
    cv_.notify_one();
  }

 private:
  Reclaimer() { std::thread([this] { Run(); }).detach(); }
  [[noreturn]] void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return !queue_.empty(); });
      std::vector<std::shared_ptr<const void>> batch;
      batch.swap(queue_);
      lock.unlock();
      batch.clear();  // the destructors run here, off the caller's path
      lock.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::shared_ptr<const void>> queue_;
};

void ReleaseLater(std::shared_ptr<const YearView> view) {
  if (view) Reclaimer::Get().Release(std::move(view));
}

}  // namespace
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

SchemeIndex::SchemeIndex(core::Scheme s) : scheme(std::move(s)) {
  for (const core::Unit& u : scheme.units) units[u.id] = &u;
  for (const core::Category& c : scheme.categories) categories[c.id] = &c;
  for (const core::Indicator& i : scheme.indicators) {
    indicators[i.id] = &i;
    if (!i.parent_id.empty()) children[i.parent_id].push_back(&i);
  }
}

void YearDataBase::BuildIndexes(int year) {
  const std::string year_period = std::to_string(year);
  for (const core::Datum& d : own.values) {
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

YearDataPatch YearDataPatch::Of(const std::shared_ptr<const YearDataBase>& base) {
  YearDataPatch p;
  p.values = std::make_shared<const Values>();
  p.previous = p.values;
  // Aliasing pointers: the parts live in (and keep alive) the base.
  p.satisfaction = std::shared_ptr<const Scores>(base, &base->own.satisfaction);
  p.leadership = std::shared_ptr<const Scores>(base, &base->own.leadership);
  p.satisfaction_se = std::shared_ptr<const Scores>(base, &base->own.satisfaction_se);
  p.inputs = std::shared_ptr<const Inputs>(base, &base->own.inputs);
  p.adjustments =
      std::shared_ptr<const std::vector<core::Adjustment>>(base, &base->own.adjustments);
  return p;
}

YearView::YearView(std::shared_ptr<const SchemeIndex> s)
    : scheme_index_(std::move(s)),
      scheme(scheme_index_->scheme),
      units(scheme_index_->units),
      categories(scheme_index_->categories),
      indicators(scheme_index_->indicators),
      children(scheme_index_->children),
      base_(std::make_shared<YearDataBase>()) {}

namespace {

// Where a patched own value sits among the base's values (nullptr: new key).
const core::Datum* BaseDatum(const YearDataBase& base, const YearDataPatch::Key& key,
                             const std::string& year_period) {
  const auto& [ind, unit, period] = key;
  if (period == year_period) {
    auto it = base.year_end.find({ind, unit});
    return it == base.year_end.end() ? nullptr : it->second;
  }
  auto it = base.monthly.find({ind, unit});
  if (it == base.monthly.end()) return nullptr;
  for (const core::Datum* d : it->second) {
    if (d->period == period) return d;
  }
  return nullptr;
}

// `values` with the patch applied: replaced in place, new keys appended in
// the order they were first written (the store's order).
template <typename Lookup>
void ForEachPatched(const std::vector<core::Datum>& values,
                    const std::map<YearDataPatch::Key, YearDataPatch::Entry>& patch,
                    Lookup&& lookup, const std::function<void(const core::Datum&)>& fn) {
  if (patch.empty()) {
    for (const core::Datum& d : values) fn(d);
    return;
  }
  std::vector<const core::Datum*> replaced(values.size(), nullptr);
  std::vector<const YearDataPatch::Entry*> appended;
  for (const auto& [key, entry] : patch) {
    const core::Datum* at = lookup(key);
    if (at) {
      replaced[static_cast<size_t>(at - values.data())] = &entry.datum;
    } else {
      appended.push_back(&entry);
    }
  }
  std::sort(appended.begin(), appended.end(),
            [](const auto* a, const auto* b) { return a->seq < b->seq; });
  for (size_t i = 0; i < values.size(); ++i) fn(replaced[i] ? *replaced[i] : values[i]);
  for (const auto* e : appended) fn(e->datum);
}

}  // namespace

void YearView::ForEachValue(const std::function<void(const core::Datum&)>& fn) const {
  if (!patch_) {
    for (const core::Datum& d : base_->own.values) fn(d);
    return;
  }
  const std::string year_period = std::to_string(scheme.year);
  ForEachPatched(
      base_->own.values, *patch_->values,
      [&](const YearDataPatch::Key& key) { return BaseDatum(*base_, key, year_period); }, fn);
}

const core::YearData& YearView::data() const {
  if (!patch_) return base_->own;
  std::call_once(data_once_, [this] {
    auto d = std::make_unique<core::YearData>();
    d->satisfaction = *patch_->satisfaction;
    d->leadership = *patch_->leadership;
    d->satisfaction_se = *patch_->satisfaction_se;
    d->inputs = *patch_->inputs;
    d->adjustments = *patch_->adjustments;
    d->values.reserve(base_->own.values.size() + patch_->values->size());
    ForEachValue([&](const core::Datum& v) { d->values.push_back(v); });
    data_ = std::move(d);
  });
  return *data_;
}

const core::YearData& YearView::scoring_data() const {
  std::call_once(scoring_once_, [this] {
    const core::YearData& own = data();
    auto d = std::make_unique<core::YearData>();
    d->satisfaction = own.satisfaction;
    d->leadership = own.leadership;
    d->satisfaction_se = own.satisfaction_se;
    d->inputs = own.inputs;
    d->adjustments = own.adjustments;
    d->values.reserve(own.values.size() + base_->previous.size());
    d->values = own.values;
    auto push = [&](const core::Datum& v) { d->values.push_back(v); };
    if (!patch_ || patch_->previous->empty()) {
      for (const core::Datum& v : base_->previous) push(v);
    } else {
      std::map<YearDataPatch::Key, const core::Datum*> at;
      for (const core::Datum& v : base_->previous) at[{v.indicator_id, v.unit_id, v.period}] = &v;
      ForEachPatched(
          base_->previous, *patch_->previous,
          [&](const YearDataPatch::Key& key) -> const core::Datum* {
            auto it = at.find(key);
            return it == at.end() ? nullptr : it->second;
          },
          push);
    }
    scoring_ = std::move(d);
  });
  return *scoring_;
}

const core::Datum* YearView::YearEnd(const std::string& indicator_id,
                                     const std::string& unit_id) const {
  if (patch_) {
    auto it = patch_->values->find({indicator_id, unit_id, std::to_string(scheme.year)});
    if (it != patch_->values->end()) return &it->second.datum;
  }
  auto it = base_->year_end.find({indicator_id, unit_id});
  return it == base_->year_end.end() ? nullptr : it->second;
}

std::vector<const core::Datum*> YearView::Monthly(const std::string& indicator_id,
                                                  const std::string& unit_id) const {
  std::vector<const core::Datum*> out;
  if (auto it = base_->monthly.find({indicator_id, unit_id}); it != base_->monthly.end()) {
    out = it->second;
  }
  if (!patch_) return out;
  const std::string year_period = std::to_string(scheme.year);
  for (auto it = patch_->values->lower_bound({indicator_id, unit_id, ""});
       it != patch_->values->end() && std::get<0>(it->first) == indicator_id &&
       std::get<1>(it->first) == unit_id;
       ++it) {
    const core::Datum* d = &it->second.datum;
    if (d->period == year_period) continue;
    auto at =
        std::lower_bound(out.begin(), out.end(), d->period,
                         [](const core::Datum* a, const std::string& p) { return a->period < p; });
    if (at != out.end() && (*at)->period == d->period) {
      *at = d;
    } else {
      out.insert(at, d);
    }
  }
  return out;
}

std::vector<const core::Unit*> YearView::AssessedUnits(const core::Indicator& ind) const {
  std::vector<const core::Unit*> out;
  for (const core::Unit& u : scheme.units) {
    if (IsAssessed(ind, u)) out.push_back(&u);
  }
  return out;
}

int YearView::CategorySize(const std::string& category_id) const {
  auto it = category_size.find(category_id);
  return it == category_size.end() ? 0 : it->second;
}

const core::GradeLevel* YearView::Grade(const std::string& category_id,
                                        const std::string& code) const {
  auto cat = categories.find(category_id);
  if (cat == categories.end()) return nullptr;
  for (const core::GradeLevel& g : cat->second->grades) {
    if (g.code == code) return &g;
  }
  return nullptr;
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
  unit_results.clear();
  category_size.clear();
  unit_results.reserve(result.units.size());
  // Units come grouped by category: one map update per run.
  const std::string* run = nullptr;
  int run_size = 0;
  for (const core::UnitResult& r : result.units) {
    unit_results[r.unit_id] = &r;
    if (run && *run == r.category_id) {
      ++run_size;
      continue;
    }
    if (run) category_size[*run] += run_size;
    run = &r.category_id;
    run_size = 1;
  }
  if (run) category_size[*run] += run_size;
}

YearCache::ReadMark YearCache::MarkNow() const {
  return {store_.LocalCommits(), std::chrono::steady_clock::now()};
}

bool YearCache::Fresh(const ReadMark& mark) const {
  return mark.commits == store_.LocalCommits() &&
         std::chrono::steady_clock::now() - mark.at < recheck_;
}

Result<std::vector<store::YearInfo>> YearCache::Years() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (years_ && Fresh(years_->first)) return years_->second;
  }
  // The mark is taken before the read: a commit in between makes it stale.
  const ReadMark mark = MarkNow();
  auto years = store_.ListYears();
  if (!years.ok()) return years.status();
  std::lock_guard<std::mutex> lock(mu_);
  years_.emplace(mark, *years);
  return years;
}

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
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = versions_.find(year); it != versions_.end() && Fresh(it->second.first)) {
      return it->second.second;
    }
  }
  const ReadMark mark = MarkNow();
  auto own = store_.DataVersion(year);
  if (!own.ok()) return own.status();
  auto prev = store_.DataVersion(year - 1);
  if (!prev.ok() && prev.status().code() != Code::kNotFound) return prev.status();
  const std::pair<int64_t, int64_t> versions{*own, prev.ok() ? *prev : int64_t{-1}};
  std::lock_guard<std::mutex> lock(mu_);
  versions_.insert_or_assign(year, std::make_pair(mark, versions));
  return versions;
}

YearCache::YearSlot& YearCache::SlotOf(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& slot = slots_[year];
  if (!slot) slot = std::make_unique<YearSlot>();
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
  YearSlot& slot = SlotOf(year);
  std::lock_guard<std::mutex> build(slot.build);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = views_.find(year); it != views_.end() && it->second->versions == *versions) {
      return it->second;
    }
  }
  std::shared_ptr<const YearView> fresh;
  if (slot.view && slot.evaluator) {
    auto updated = Update(year, *versions, slot);
    if (!updated.ok()) return updated.status();
    fresh = *updated;
  }
  if (!fresh) {
    auto built = Build(year, *versions, slot);
    if (!built.ok()) return built.status();
    fresh = *built;
  }
  std::shared_ptr<const YearView> replaced;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto& cached = views_[year];
    // Another writer may have moved the versions on meanwhile: keep the newer.
    if (!cached || cached->versions <= fresh->versions) {
      replaced = std::exchange(cached, fresh);
    }
  }
  ReleaseLater(std::move(replaced));
  return fresh;
}

namespace {

constexpr int64_t kMaxReplayedChanges = 256;

bool SameAdjustment(const core::Adjustment& a, const core::Adjustment& b) {
  return a.id == b.id && a.unit_id == b.unit_id && a.kind == b.kind && a.points == b.points &&
         a.veto_effect == b.veto_effect && a.reason_zh == b.reason_zh &&
         a.reason_en == b.reason_en && a.evidence == b.evidence && a.entered_by == b.entered_by &&
         a.approved_by == b.approved_by;
}

std::map<std::string, std::vector<core::Adjustment>> ByUnit(
    const std::vector<core::Adjustment>& all) {
  std::map<std::string, std::vector<core::Adjustment>> out;
  for (const core::Adjustment& a : all) out[a.unit_id].push_back(a);
  return out;
}

template <typename Map>
void SetOrErase(Map& m, const std::string& key, const std::optional<double>& v) {
  if (v) {
    m[key] = *v;
  } else {
    m.erase(key);
  }
}

}  // namespace

Result<std::shared_ptr<const YearView>> YearCache::Update(int year,
                                                          std::pair<int64_t, int64_t> versions,
                                                          YearSlot& slot) {
  const YearView& old = *slot.view;
  const std::shared_ptr<const YearView> none;
  // Last year's changes matter only through its year-end values.
  std::optional<store::YearChanges> prev;
  if (versions.second != old.versions.second) {
    if (versions.second < 0 || old.versions.second < 0) return none;
    auto ch = store_.YearChangesSince(year - 1, old.versions.second, kMaxReplayedChanges);
    if (!ch.ok()) {
      if (ch.status().code() == Code::kNotFound) return none;
      return ch.status();
    }
    if (!ch->covered) return none;
    prev = std::move(ch).value();
  }
  auto own = store_.YearChangesSince(year, old.versions.first, kMaxReplayedChanges);
  if (!own.ok()) return own.status();
  if (!own->covered) return none;

  // A new patch shares every part with the old one; a part is copied the
  // first time a change of its kind is replayed (writable()).
  auto patch =
      std::make_shared<YearDataPatch>(old.patch_ ? *old.patch_ : YearDataPatch::Of(old.base_));
  std::set<const void*> copied;
  auto writable = [&copied](auto& part) -> auto& {
    using T = std::remove_const_t<typename std::remove_reference_t<decltype(part)>::element_type>;
    if (copied.insert(&part).second) part = std::make_shared<T>(*part);
    // Made (non-const) just above by this update and not handed out yet.
    return const_cast<T&>(*part);
  };
  core::Evaluator& ev = *slot.evaluator;
  // Any refusal by the engine (a value a method rejects): drop the engine and
  // rebuild, which reports the error exactly as a fresh evaluation does.
  auto fail = [&]() -> Result<std::shared_ptr<const YearView>> {
    slot.evaluator.reset();
    return none;
  };
  auto put = [&](std::shared_ptr<const YearDataPatch::Values>& part, const store::YearChange& c) {
    YearDataPatch::Values& values = writable(part);
    auto [it, inserted] = values.try_emplace({c.indicator_id, c.unit_id, c.period});
    if (inserted) it->second.seq = patch->next_seq++;
    it->second.datum = *c.datum;
  };
  const std::string last_year_end = std::to_string(year - 1);
  if (prev) {
    for (const store::YearChange& c : prev->changes) {
      if (c.kind != store::YearChange::Kind::kDatum || c.period != last_year_end) continue;
      if (!c.datum) return fail();  // values are never deleted one by one
      if (!ev.SetDatum(*c.datum).ok()) return fail();
      put(patch->previous, c);
    }
  }
  for (const store::YearChange& c : own->changes) {
    switch (c.kind) {
      case store::YearChange::Kind::kDatum:
        if (!c.datum) return fail();
        if (!ev.SetDatum(*c.datum).ok()) return fail();
        put(patch->values, c);
        break;
      case store::YearChange::Kind::kScores:
        if (!ev.SetSatisfaction(c.unit_id, c.scores.satisfaction).ok() ||
            !ev.SetLeadership(c.unit_id, c.scores.leadership).ok()) {
          return fail();
        }
        SetOrErase(writable(patch->satisfaction), c.unit_id, c.scores.satisfaction);
        SetOrErase(writable(patch->leadership), c.unit_id, c.scores.leadership);
        SetOrErase(writable(patch->satisfaction_se), c.unit_id, c.scores.satisfaction_se);
        break;
      case store::YearChange::Kind::kInputs:
        if (c.inputs.empty()) {
          writable(patch->inputs).erase(c.unit_id);
        } else {
          writable(patch->inputs)[c.unit_id] = c.inputs;
        }
        break;
      case store::YearChange::Kind::kAdjustments:
        break;  // all at once below
    }
  }
  if (own->adjustments) {
    auto before = ByUnit(*patch->adjustments);
    auto after = ByUnit(*own->adjustments);
    std::set<std::string> units;
    for (const auto& [unit, list] : before) units.insert(unit);
    for (const auto& [unit, list] : after) units.insert(unit);
    for (const std::string& unit : units) {
      const auto& a = before[unit];
      const auto& b = after[unit];
      if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), SameAdjustment)) {
        continue;
      }
      if (!ev.SetAdjustments(unit, b).ok()) return fail();
    }
    patch->adjustments =
        std::make_shared<const std::vector<core::Adjustment>>(std::move(*own->adjustments));
  }
  if (patch->values->size() + patch->previous->size() > kMaxPatchedValues) {
    // Far from the loaded data: load it again rather than carry a long patch.
    slot.evaluator.reset();
    return none;
  }

  auto view = std::make_shared<YearView>(old.scheme_index());
  view->info = old.info;
  view->info.data_version = own->version;
  view->versions = {own->version, prev ? prev->version : old.versions.second};
  view->result = ev.result();  // shares every unchanged chunk of scores
  view->base_ = old.base_;
  view->patch_ = std::move(patch);
  view->BuildIndexes();
  ReleaseLater(std::exchange(slot.view, view));
  return std::shared_ptr<const YearView>(view);
}

Result<std::shared_ptr<const YearView>> YearCache::Build(int year,
                                                         std::pair<int64_t, int64_t> versions,
                                                         YearSlot& slot) {
  slot.evaluator.reset();  // reads slot.view's scheme: goes first
  slot.view.reset();
  auto info = Year(year);
  if (!info.ok()) return info.status();
  auto scheme = store_.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto index = std::make_shared<const SchemeIndex>(std::move(scheme).value());
  auto base = std::make_shared<YearDataBase>();
  {
    auto own = store_.LoadYearData(year);
    if (!own.ok()) return own.status();
    base->own = std::move(own).value();
  }
  // Scored with last year's year-end values, exactly like the CLI
  // (store/scoring_input.h): the year before, when it exists.
  if (versions.second >= 0) {
    auto previous = store_.LoadYearData(year - 1);
    if (!previous.ok() && previous.status().code() != Code::kNotFound) return previous.status();
    if (previous.ok()) {
      const std::string period = std::to_string(year - 1);
      for (core::Datum& d : previous->values) {
        if (d.period == period) base->previous.push_back(std::move(d));
      }
    }
  }
  // The engine's input is own + previous; lend the previous values to `own`
  // for the evaluation rather than copying millions of values.
  core::YearData& scoring = base->own;
  const size_t own_values = scoring.values.size();
  scoring.values.insert(scoring.values.end(), std::make_move_iterator(base->previous.begin()),
                        std::make_move_iterator(base->previous.end()));
  const core::EvaluateOptions options = EvaluateOptionsFor(*info);
  std::optional<core::YearResult> result;
  Status failed = Status::Ok();
  if (!info->published()) {
    // A year in progress keeps its engine: its next single writes are replayed.
    auto ev = core::Evaluator::Create(index->scheme, scoring, options);
    if (ev.ok()) {
      slot.evaluator = std::make_unique<core::Evaluator>(std::move(ev).value());
      result = slot.evaluator->result();
    }
  }
  if (info->published()) {
    // 已发布: served from the publication snapshot, never re-scored, so a
    // later change of a scoring rule cannot move published rankings
    // (app/publication/publish.h). A year published before snapshots
    // existed has none and is scored as before.
    auto snapshot = publication::PublishedResult(store_, year);
    if (!snapshot.ok()) return snapshot.status();
    if (*snapshot) result = std::move(**snapshot);
  }
  if (!result) {
    auto evaluated = core::Evaluate(index->scheme, scoring, options);
    if (evaluated.ok()) {
      result = std::move(evaluated).value();
    } else {
      failed = evaluated.status();
    }
  }
  std::move(scoring.values.begin() + static_cast<std::ptrdiff_t>(own_values), scoring.values.end(),
            base->previous.begin());
  scoring.values.resize(own_values);
  if (!result) {
    slot.evaluator.reset();
    // A stored scheme that does not evaluate is a server-side problem, not the caller's.
    return Status::Internal("cannot evaluate year " + std::to_string(year) + ": " +
                            failed.message());
  }
  base->BuildIndexes(year);
  auto view = std::make_shared<YearView>(index);
  view->info = std::move(info).value();
  view->versions = versions;
  view->result = std::move(*result);
  view->base_ = std::move(base);
  view->BuildIndexes();
  ReleaseLater(std::exchange(slot.view, view));
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
  auto estimate = methods::EstimateUncertainty((*view)->scheme, (*view)->scoring_data(), options);
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
  YearSlot& slot = SlotOf(year);
  std::lock_guard<std::mutex> build(slot.build);
  slot.evaluator.reset();
  slot.view.reset();
  std::lock_guard<std::mutex> lock(mu_);
  views_.erase(year);
  versions_.clear();
  years_.reset();
  for (auto it = intervals_.begin(); it != intervals_.end();) {
    it = std::get<0>(it->first) == year ? intervals_.erase(it) : std::next(it);
  }
}

}  // namespace govperf::app
