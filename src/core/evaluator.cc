// The engine. Steps of a full evaluation (the same as ReferenceEvaluate's, in
// evaluate_reference.cc, which is the specification):
//  1. validate the scheme;
//  2. index: leaves, units, categories as small integers; one Slot per
//     (applicable leaf, unit), numbered in processing order (category, member,
//     leaf); one Column per (category, leaf) holding its slots in member order;
//  3. load targets and data into the slots in one pass each: string ids are
//     resolved through a one-entry memo before any hash lookup (rows come
//     grouped by unit and indicator), usernames and periods are interned;
//  4. per column, the peers' values and their summaries (scoring::PeerStats)
//     once, instead of once per unit;
//  5. score every slot (two threads for a large year), compose each unit,
//     rank and grade each category.
// Incremental changes (evaluator.h) redo 4–5 for one column, the units whose
// scores moved and one category.
#include "core/evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/grading.h"
#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core {
namespace {

constexpr double kWeightTolerance = 1e-6;
constexpr int kMonths = 12;
// Below this many slots one thread is faster than starting a second one.
constexpr size_t kParallelSlots = 40000;

// An observation as the engine keeps it: strings interned (Pool ids).
struct Obs {
  double value = 0;
  bool present = false;  // a datum of this key exists
  bool has_value = false;
  bool no_data = false;
  uint32_t period = 0, entered_by = 0, approved_by = 0;
};

// Interned strings; id 0 is "".
class Pool {
 public:
  Pool() : strings_{""} {}
  uint32_t Intern(const std::string& s) {
    if (s.empty()) return 0;
    auto [it, inserted] = ids_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }
  const std::string& operator[](uint32_t id) const { return strings_[id]; }

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// One-entry memo in front of Pool::Intern: consecutive rows mostly repeat who
// entered and approved them.
class InternMemo {
 public:
  uint32_t Get(Pool& pool, const std::string& s) {
    if (s.empty()) return 0;
    if (id_ != 0 && s == last_) return id_;
    last_ = s;
    id_ = pool.Intern(s);
    return id_;
  }

 private:
  std::string last_;
  uint32_t id_ = 0;
};

// One-entry memo in front of an id → index map (-1 when unknown).
class IndexMemo {
 public:
  explicit IndexMemo(const std::unordered_map<std::string, int>& map) : map_(map) {}
  int Get(const std::string& s) {
    if (valid_ && s == last_) return index_;
    auto it = map_.find(s);
    last_ = s;
    valid_ = true;
    index_ = it == map_.end() ? -1 : it->second;
    return index_;
  }

 private:
  const std::unordered_map<std::string, int>& map_;
  std::string last_;
  bool valid_ = false;
  int index_ = -1;
};

// "YYYY-MM" with MM 01..12 → MM; 0 otherwise.
int CanonicalMonth(const std::string& period, const std::string& year) {
  if (period.size() != 7 || period.compare(0, 4, year) != 0 || period[4] != '-') return 0;
  if (period[5] < '0' || period[5] > '9' || period[6] < '0' || period[6] > '9') return 0;
  const int m = (period[5] - '0') * 10 + (period[6] - '0');
  return m >= 1 && m <= kMonths ? m : 0;
}

// The month of a "YYYY-MM" period as ReferenceEvaluate reads it (std::stoi of
// the last two characters), without its exception: 0 when unreadable.
int LooseMonth(const std::string& period) {
  try {
    return std::stoi(period.substr(5, 2));
  } catch (const std::exception&) {
    return 0;
  }
}

struct Leaf {
  const Indicator* ind = nullptr;
  const scoring::MethodSpec* spec = nullptr;
  std::string points_en;  // " × 5 points"
  std::string points_zh;  // " × 5分"
};

struct Slot {
  int unit = 0, leaf = 0, column = 0, k = 0;  // k: index in the unit's indicators
  std::optional<double> target;
  Obs year_end;
  Obs month;             // provisional stand-in: the latest monthly value
  int month_number = 0;  // of `month`
  std::optional<double> previous;
  bool previous_present = false;  // a last-year datum exists (value or not)
};

struct Column {
  int category = 0, leaf = 0;
  std::vector<int> slots;  // member order
  std::vector<double> peers, previous_peers;
  scoring::PeerStats stats, previous_stats;
};

struct UnitState {
  int category = 0;
  size_t pos = 0;          // index in result.units
  std::vector<int> slots;  // leaf order
  std::optional<double> satisfaction, leadership;
  std::vector<Adjustment> adjustments;
  VetoEffect veto_effect = VetoEffect::kCapQualified;
};

struct CategoryState {
  std::vector<int> members;  // scheme order
  size_t begin = 0;          // segment of result.units
};

// A monthly value in the incremental table (provisional mode): NaN = none.
struct MonthCell {
  double value = std::numeric_limits<double>::quiet_NaN();
  bool no_data = false;
  uint32_t entered_by = 0, approved_by = 0;
};

// What a slot is scored on.
// What Compose sums of a slot's IndicatorScore, kept densely by slot number
// (a unit's slots are consecutive): recomposing a unit then reads 200 small
// records in a row rather than 200 scores spread over the result's chunks.
// After a peer-wide change (growth against the category mean, ranks) every
// unit of a large category is recomposed; reading each unit's full scores
// was the cold-memory tail of "results current after one write".
struct ScoreSums {
  double points = 0, earned = 0;
  ScoreStatus status = ScoreStatus::kScored;
  bool provisional = false;
  static ScoreSums Of(const IndicatorScore& s) {
    return {s.points, s.earned, s.status, s.provisional};
  }
};

struct Effective {
  const Obs* obs = nullptr;  // nullptr: no datum
  double value = 0;          // projected for a provisional cumulative leaf
};

}  // namespace

struct Evaluator::Impl {
  const Scheme* scheme = nullptr;
  EvaluateOptions options;
  bool incremental = false;
  std::string year_period, previous_period;
  uint32_t year_period_id = 0;
  uint32_t month_ids[13] = {};  // "YYYY-MM" interned, by month

  Pool pool;
  std::vector<Leaf> leaves;
  std::unordered_map<std::string, int> leaf_of, unit_of;
  std::vector<UnitState> units;
  std::vector<CategoryState> categories;
  std::vector<Slot> slots;
  std::vector<int> slot_of;  // leaf × units.size() + unit → slot, -1
  std::vector<Column> columns;
  std::vector<MonthCell> months;  // incremental + provisional: slot × 12
  std::vector<ScoreSums> sums;    // by slot: mirrors result's scores (ScoreSums)
  YearResult result;

  int SlotOf(int leaf, int unit) const {
    return slot_of[static_cast<size_t>(leaf) * units.size() + static_cast<size_t>(unit)];
  }

  Status Build(const YearData& data);
  Status Index();
  Status LoadData(const YearData& data);
  unsigned Threads() const;
  void LoadObservations(const YearData& data);
  Effective EffectiveOf(const Slot& s) const;
  void FillColumn(Column& c);
  Status ScoreSlot(const Slot& slot, const Column& c, IndicatorScore& s) const;
  Status ScoreAll();
  void Compose(int unit);
  void RankCategory(int category);
  void DeriveMonth(int slot);
  Status Rescore(int slot, const Slot& before);
  Status CheckUnit(const std::string& unit_id, int* unit) const;
};

namespace {
Obs MakeObs(const Datum& d, uint32_t period, Pool& pool, InternMemo& entered,
            InternMemo& approved) {
  Obs o;
  o.present = true;
  o.has_value = d.value.has_value();
  o.value = d.value.value_or(0);
  o.no_data = d.no_data;
  o.period = period;
  o.entered_by = entered.Get(pool, d.entered_by);
  o.approved_by = approved.Get(pool, d.approved_by);
  return o;
}
}  // namespace

unsigned Evaluator::Impl::Threads() const {
  if (options.threads > 0) return static_cast<unsigned>(options.threads);
  return std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
}

// Runs fn(begin, end) over [0, n) split between `threads` threads (the calling
// thread takes the first part).
template <typename Fn>
void SplitRange(size_t n, unsigned threads, const Fn& fn) {
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back([&fn, n, t, threads] { fn(n * t / threads, n * (t + 1) / threads); });
  }
  fn(0, n / threads);
  for (auto& w : workers) w.join();
}

Status Evaluator::Impl::Build(const YearData& data) {
  const Scheme& sc = *scheme;
  // On a large year the scheme is validated on a second thread while this one
  // indexes and loads the data (validation is a fifth of a province year's
  // single-thread time). Index and LoadData never assume a valid scheme (an
  // unknown reference is an error, not a crash), and a validation error is
  // reported first, as if validation had run alone before them.
  const bool large = sc.units.size() * sc.indicators.size() >= kParallelSlots;
  const unsigned threads = large ? Threads() : 1;
  if (threads < 2) {
    GOVPERF_RETURN_IF_ERROR(ValidateScheme(sc));
    GOVPERF_RETURN_IF_ERROR(Index());
    GOVPERF_RETURN_IF_ERROR(LoadData(data));
  } else {
    Status valid = Status::Ok();
    std::thread validator([&] { valid = ValidateScheme(sc); });
    Status built = Index();
    if (built.ok()) built = LoadData(data);
    validator.join();
    GOVPERF_RETURN_IF_ERROR(valid);
    GOVPERF_RETURN_IF_ERROR(built);
  }
  // Columns are independent: each thread fills its own.
  SplitRange(columns.size(), threads, [this](size_t begin, size_t end) {
    for (size_t c = begin; c < end; ++c) FillColumn(columns[c]);
  });
  GOVPERF_RETURN_IF_ERROR(ScoreAll());
  for (size_t u = 0; u < units.size(); ++u) Compose(static_cast<int>(u));
  for (size_t c = 0; c < categories.size(); ++c) RankCategory(static_cast<int>(c));
  return Status::Ok();
}

// Leaves, units and categories as small integers; slots and columns; the
// result's skeleton; targets.
Status Evaluator::Impl::Index() {
  const Scheme& sc = *scheme;
  year_period = std::to_string(sc.year);
  previous_period = std::to_string(sc.year - 1);
  year_period_id = pool.Intern(year_period);
  for (int m = 1; m <= kMonths; ++m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "-%02d", m);
    month_ids[m] = pool.Intern(year_period + buf);
  }

  // Leaves in scheme order.
  std::unordered_set<std::string> parents;
  for (const auto& ind : sc.indicators) {
    if (!ind.parent_id.empty()) parents.insert(ind.parent_id);
  }
  for (const auto& ind : sc.indicators) {
    if (parents.count(ind.id)) continue;
    Leaf l;
    l.ind = &ind;
    l.spec = scoring::FindMethod(ind.method);
    l.points_en = " × " + scoring::Num(ind.points) + " points";
    l.points_zh = " × " + scoring::Num(ind.points) + "分";
    leaf_of[ind.id] = static_cast<int>(leaves.size());
    leaves.push_back(std::move(l));
  }
  std::unordered_map<std::string, int> category_of;
  for (size_t c = 0; c < sc.categories.size(); ++c) {
    category_of[sc.categories[c].id] = static_cast<int>(c);
  }
  categories.resize(sc.categories.size());
  units.resize(sc.units.size());
  for (size_t u = 0; u < sc.units.size(); ++u) {
    unit_of[sc.units[u].id] = static_cast<int>(u);
    auto cat = category_of.find(sc.units[u].category_id);
    if (cat == category_of.end())
      return Status::Invalid("unit " + sc.units[u].id + ": unknown category");
    units[u].category = cat->second;
    categories[units[u].category].members.push_back(static_cast<int>(u));
  }

  // Applicability (as AppliesTo in the reference: unit_ids when non-empty,
  // else the categories).
  const size_t nu = units.size();
  std::vector<char> applies(leaves.size() * nu, 0);
  for (size_t l = 0; l < leaves.size(); ++l) {
    const Indicator& ind = *leaves[l].ind;
    char* row = applies.data() + l * nu;
    if (!ind.unit_ids.empty()) {
      for (const auto& id : ind.unit_ids) {
        auto u = unit_of.find(id);
        if (u == unit_of.end())
          return Status::Invalid("indicator " + ind.id + ": unknown unit " + id);
        row[u->second] = 1;
      }
    } else {
      std::vector<char> cat(categories.size(), 0);
      for (const auto& id : ind.category_ids) {
        auto c = category_of.find(id);
        if (c == category_of.end())
          return Status::Invalid("indicator " + ind.id + ": unknown category " + id);
        cat[c->second] = 1;
      }
      for (size_t u = 0; u < nu; ++u) row[u] = cat[units[u].category];
    }
  }

  // Slots in processing order; columns; the result's skeleton. Sized first:
  // a province year has 330 k slots, and growing the vector would copy them
  // about twice over.
  {
    std::vector<int> per_unit(nu, 0);
    for (size_t l = 0; l < leaves.size(); ++l) {
      const char* row = applies.data() + l * nu;
      for (size_t u = 0; u < nu; ++u) per_unit[u] += row[u];
    }
    size_t total = 0;
    for (size_t u = 0; u < nu; ++u) {
      units[u].slots.reserve(static_cast<size_t>(per_unit[u]));
      total += static_cast<size_t>(per_unit[u]);
    }
    slots.reserve(total);
    columns.reserve(categories.size() * leaves.size());
  }
  slot_of.assign(leaves.size() * nu, -1);
  std::vector<int> column_of(categories.size() * leaves.size(), -1);
  result.year = sc.year;
  result.units.resize(nu);
  size_t pos = 0;
  for (size_t c = 0; c < categories.size(); ++c) {
    categories[c].begin = pos;
    for (int u : categories[c].members) {
      UnitState& us = units[u];
      us.pos = pos++;
      UnitResult& r = result.units[us.pos];
      r.unit_id = sc.units[u].id;
      r.category_id = sc.categories[c].id;
      for (size_t l = 0; l < leaves.size(); ++l) {
        if (!applies[l * nu + u]) continue;
        int& col = column_of[c * leaves.size() + l];
        if (col < 0) {
          col = static_cast<int>(columns.size());
          columns.push_back({});
          columns.back().category = static_cast<int>(c);
          columns.back().leaf = static_cast<int>(l);
        }
        Slot s;
        s.unit = u;
        s.leaf = static_cast<int>(l);
        s.column = col;
        s.k = static_cast<int>(us.slots.size());
        const int id = static_cast<int>(slots.size());
        slot_of[l * nu + u] = id;
        us.slots.push_back(id);
        columns[col].slots.push_back(id);
        slots.push_back(std::move(s));
      }
      r.indicators.resize(us.slots.size());
    }
  }

  // Targets: one pass over the map (sorted by indicator), not a lookup per slot.
  {
    IndexMemo leaf_memo(leaf_of);
    for (const auto& [key, value] : sc.targets) {
      const int l = leaf_memo.Get(key.first);
      if (l < 0) continue;
      auto u = unit_of.find(key.second);
      if (u == unit_of.end()) continue;
      const int s = SlotOf(l, u->second);
      if (s >= 0) slots[s].target = value;
    }
  }

  return Status::Ok();
}

Status Evaluator::Impl::LoadData(const YearData& data) {
  const bool provisional = options.provisional;
  if (incremental && provisional) months.assign(slots.size() * kMonths, MonthCell{});
  IndexMemo leaf_memo(leaf_of), unit_memo(unit_of);
  InternMemo entered, approved;
  for (const Datum& d : data.values) {
    if (d.value && !std::isfinite(*d.value)) {
      return Status::Invalid("value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                             "): not finite");
    }
    enum { kYearEnd, kPrevious, kMonth } kind;
    if (d.period == year_period) {
      kind = kYearEnd;
    } else if (d.period == previous_period) {
      kind = kPrevious;
    } else if (provisional && d.value && d.period.size() == 7 &&
               d.period.compare(0, 4, year_period) == 0) {
      kind = kMonth;
    } else {
      continue;
    }
    const int l = leaf_memo.Get(d.indicator_id);
    if (l < 0) continue;
    const int u = unit_memo.Get(d.unit_id);
    if (u < 0) continue;
    const int si = SlotOf(l, u);
    if (si < 0) continue;
    Slot& s = slots[si];
    auto duplicate = [&] {
      return Status::Invalid("value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                             "): more than one datum for this key");
    };
    if (kind == kYearEnd) {
      if (incremental && s.year_end.present) return duplicate();
      s.year_end = MakeObs(d, year_period_id, pool, entered, approved);
    } else if (kind == kPrevious) {
      if (incremental && s.previous_present) return duplicate();
      s.previous_present = true;
      if (d.value && !d.no_data) s.previous = *d.value;
    } else {
      const int m = CanonicalMonth(d.period, year_period);
      if (incremental) {
        if (m == 0) {
          return Status(Code::kFailedPrecondition,
                        "value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                            "): incremental evaluation needs monthly periods YYYY-01..YYYY-12");
        }
        MonthCell& cell = months[static_cast<size_t>(si) * kMonths + (m - 1)];
        if (!std::isnan(cell.value)) return duplicate();
        cell.value = *d.value;
        cell.no_data = d.no_data;
        cell.entered_by = entered.Get(pool, d.entered_by);
        cell.approved_by = approved.Get(pool, d.approved_by);
      } else {
        // The latest period wins (string order, as the reference), the first
        // of equal ones.
        const uint32_t pid = m ? month_ids[m] : pool.Intern(d.period);
        if (!s.month.present || pool[pid] > pool[s.month.period]) {
          s.month = MakeObs(d, pid, pool, entered, approved);
        }
      }
    }
  }
  for (size_t si = 0; si < slots.size(); ++si) {
    if (incremental && provisional) {
      DeriveMonth(static_cast<int>(si));
    } else if (slots[si].month.present) {
      const int m = LooseMonth(pool[slots[si].month.period]);
      slots[si].month_number = m >= 1 && m <= kMonths ? m : 0;
    }
  }

  for (size_t u = 0; u < units.size(); ++u) {
    const std::string& id = scheme->units[u].id;
    if (auto it = data.satisfaction.find(id); it != data.satisfaction.end()) {
      units[u].satisfaction = it->second;
    }
    if (auto it = data.leadership.find(id); it != data.leadership.end()) {
      units[u].leadership = it->second;
    }
  }
  for (const Adjustment& a : data.adjustments) {
    auto it = unit_of.find(a.unit_id);
    if (it != unit_of.end()) units[it->second].adjustments.push_back(a);
  }
  return Status::Ok();
}

// Incremental table → the slot's latest monthly value.
void Evaluator::Impl::DeriveMonth(int si) {
  Slot& s = slots[si];
  s.month = Obs{};
  s.month_number = 0;
  for (int m = kMonths; m >= 1; --m) {
    const MonthCell& cell = months[static_cast<size_t>(si) * kMonths + (m - 1)];
    if (std::isnan(cell.value)) continue;
    s.month.present = true;
    s.month.has_value = true;
    s.month.value = cell.value;
    s.month.no_data = cell.no_data;
    s.month.period = month_ids[m];
    s.month.entered_by = cell.entered_by;
    s.month.approved_by = cell.approved_by;
    s.month_number = m;
    return;
  }
}

Effective Evaluator::Impl::EffectiveOf(const Slot& s) const {
  const Obs& y = s.year_end;
  if (y.present && (y.no_data || y.has_value)) return {&y, y.value};
  if (options.provisional && s.month.present && s.month_number > 0) {
    double v = s.month.value;
    if (leaves[s.leaf].ind->cumulative) v = v * 12.0 / s.month_number;
    return {&s.month, v};
  }
  if (y.present) return {&y, y.value};
  return {};
}

void Evaluator::Impl::FillColumn(Column& c) {
  c.peers.clear();
  c.previous_peers.clear();
  for (int si : c.slots) {
    const Slot& s = slots[si];
    const Effective e = EffectiveOf(s);
    if (e.obs && !e.obs->no_data && e.obs->has_value) c.peers.push_back(e.value);
    if (s.previous) c.previous_peers.push_back(*s.previous);
  }
  c.stats = scoring::MakePeerStats(c.peers);
  c.previous_stats = scoring::MakePeerStats(c.previous_peers);
}

Status Evaluator::Impl::ScoreSlot(const Slot& slot, const Column& c, IndicatorScore& s) const {
  const Leaf& leaf = leaves[slot.leaf];
  const Indicator* ind = leaf.ind;
  s = IndicatorScore{};
  s.indicator_id = ind->id;
  s.points = ind->points;
  s.method = ind->method;
  s.target = slot.target;
  const Effective e = EffectiveOf(slot);
  const Obs* d = e.obs;
  if (d) {
    s.entered_by = pool[d->entered_by];
    s.approved_by = pool[d->approved_by];
    s.period = pool[d->period];
    s.provisional = d->period != year_period_id;
  }
  if (d && d->no_data) {
    s.status = ScoreStatus::kNoData;
    s.rule = "declared no data: excluded from the unit's base";
    s.rule_zh = "申报无数据：不计入该单位基数";
  } else if (!d || !d->has_value) {
    s.status = ScoreStatus::kMissing;
    s.rule = "not reported: 0 points";
    s.rule_zh = "未报送：得0分";
  } else {
    s.actual = e.value;
    scoring::MethodInput in{ind, s.target, e.value, &c.peers, slot.previous, &c.previous_peers};
    in.peer_stats = &c.stats;
    in.previous_peer_stats = &c.previous_stats;
    auto out = leaf.spec->fn(in);
    if (!out.ok()) {
      return Status::Invalid("unit " + scheme->units[slot.unit].id + ", " + out.status().message());
    }
    s.earned = ind->points * out->share;
    s.rule = std::move(out->rule);
    s.rule += leaf.points_en;
    s.rule_zh = std::move(out->rule_zh);
    s.rule_zh += leaf.points_zh;
    if (s.provisional) {
      const std::string& period = s.period;
      const std::string month = period.substr(5, 2);
      if (ind->cumulative) {
        s.rule = "provisional: year to date " + period + " projected ×12/" + month + " = " +
                 scoring::Num(e.value) + "; " + s.rule;
        s.rule_zh = "预估：截至" + period + "累计值按全年折算×12/" + month + " = " +
                    scoring::Num(e.value) + "；" + s.rule_zh;
      } else {
        s.rule = "provisional: value of " + period + "; " + s.rule;
        s.rule_zh = "预估：采用" + period + "监测值；" + s.rule_zh;
      }
    }
  }
  return Status::Ok();
}

Status Evaluator::Impl::ScoreAll() {
  // Slots are numbered in processing order, so the first error by slot number
  // is the one the reference reports.
  auto run = [this](size_t begin, size_t end, size_t* failed, Status* error) {
    for (size_t i = begin; i < end; ++i) {
      const Slot& s = slots[i];
      IndicatorScore& score = result.units[units[s.unit].pos].indicators[s.k];
      Status st = ScoreSlot(s, columns[s.column], score);
      if (!st.ok()) {
        *failed = i;
        *error = std::move(st);
        return;
      }
      sums[i] = ScoreSums::Of(score);
    }
  };
  const size_t n = slots.size();
  sums.assign(n, ScoreSums{});
  unsigned threads = Threads();
  if (n < kParallelSlots) threads = 1;
  std::vector<size_t> failed(threads, n);
  std::vector<Status> errors(threads, Status::Ok());
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back(run, n * t / threads, n * (t + 1) / threads, &failed[t], &errors[t]);
  }
  run(0, n / threads, &failed[0], &errors[0]);
  for (auto& w : workers) w.join();
  for (unsigned t = 0; t < threads; ++t) {
    if (failed[t] < n) return errors[t];
  }
  return Status::Ok();
}

void Evaluator::Impl::Compose(int u) {
  const UnitState& us = units[u];
  const Category& cat = scheme->categories[us.category];
  UnitResult& r = result.units[us.pos];
  r.notes.clear();
  r.notes_zh.clear();
  r.adjustments.clear();
  r.satisfaction = r.leadership = 0;
  r.vetoed = false;

  double possible = 0, earned = 0;
  bool provisional = false;
  // us.slots[k] scores r.indicators[k]: the same order, so the same sums.
  for (int si : us.slots) {
    const ScoreSums& s = sums[static_cast<size_t>(si)];
    if (s.status == ScoreStatus::kMissing) {
      possible += s.points;
    } else if (s.status == ScoreStatus::kScored) {
      possible += s.points;
      earned += s.earned;
    }
    provisional = provisional || s.provisional;
  }
  r.indicator_score = possible > 0 ? earned / possible * 100.0 : 0.0;
  if (provisional) {
    r.notes.push_back("provisional: scored on monitoring data of a year in progress");
    r.notes_zh.push_back("预估结果：依据年度进行中的监测数据计算");
  }

  // Three-in-one composite, rescaled over the available components (see
  // evaluate_reference.cc for why).
  double wsum = cat.weights.indicator, total = cat.weights.indicator * r.indicator_score;
  auto add_component = [&](const std::optional<double>& v, double w, double& field, const char* en,
                           const char* zh) {
    if (!v) {
      if (w > 0) {
        r.notes.push_back(std::string(en) + " not available: weights rescaled");
        r.notes_zh.push_back(std::string(zh) + "暂无：按其余权重折算");
      }
      return;
    }
    field = *v;
    total += w * field;
    wsum += w;
  };
  add_component(us.satisfaction, cat.weights.satisfaction, r.satisfaction, "satisfaction",
                "社会满意度");
  add_component(us.leadership, cat.weights.leadership, r.leadership, "leadership evaluation",
                "领导评价");
  if (std::fabs(wsum - 1.0) > kWeightTolerance) total = wsum > 0 ? total / wsum : 0.0;

  double bonus = 0, deduction = 0;
  VetoEffect veto_effect = VetoEffect::kCapQualified;
  for (const Adjustment& a : us.adjustments) {
    AppliedAdjustment applied{a.id,         AdjustmentKindName(a.kind), 0, a.reason_zh, a.reason_en,
                              a.approved_by};
    if (a.kind == AdjustmentKind::kBonus) {
      applied.points = std::max(0.0, std::min(a.points, cat.bonus_cap - bonus));
      bonus += applied.points;
    } else if (a.kind == AdjustmentKind::kDeduction) {
      const double p = std::max(0.0, std::min(a.points, cat.deduction_cap - deduction));
      deduction += p;
      applied.points = -p;
    } else {
      if (!r.vetoed || a.veto_effect == VetoEffect::kFixLowest) veto_effect = a.veto_effect;
      r.vetoed = true;
    }
    r.adjustments.push_back(std::move(applied));
  }
  r.bonus = bonus;
  r.deduction = deduction;
  r.total = total + bonus - deduction;
  units[u].veto_effect = veto_effect;
}

// Reads go through `all` (const): a non-const access to result.units copies
// the chunk that snapshots share (core/shared_chunks.h), so only the units
// whose rank, grade or position actually changes are written. After one
// change that is the units between the mover's old and new place, not the
// whole category.
void Evaluator::Impl::RankCategory(int c) {
  CategoryState& cs = categories[c];
  const auto& all = std::as_const(result.units);
  const size_t n = cs.members.size();
  std::vector<GradeInput> in;
  in.reserve(n);
  for (int u : cs.members) {
    const UnitResult& r = all[units[u].pos];
    in.push_back(
        {r.unit_id, r.total, r.indicator_score, r.satisfaction, r.vetoed, units[u].veto_effect});
  }
  auto graded = RankAndGrade(in, scheme->categories[c].grades);
  for (size_t i = 0; i < n; ++i) {
    const size_t pos = units[cs.members[i]].pos;
    const UnitResult& now = all[pos];
    if (now.rank == graded[i].rank && now.grade == graded[i].grade &&
        now.grade_notes == graded[i].notes && now.grade_notes_zh == graded[i].notes_zh) {
      continue;
    }
    UnitResult& r = result.units[pos];
    r.rank = graded[i].rank;
    r.grade = std::move(graded[i].grade);
    r.grade_notes = std::move(graded[i].notes);
    r.grade_notes_zh = std::move(graded[i].notes_zh);
  }
  // The segment in rank order, then unit id; only units whose place changes move.
  std::vector<int> order = cs.members;
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const UnitResult& ra = all[units[a].pos];
    const UnitResult& rb = all[units[b].pos];
    return ra.rank != rb.rank ? ra.rank < rb.rank : ra.unit_id < rb.unit_id;
  });
  std::vector<std::pair<size_t, UnitResult>> moved;
  for (size_t i = 0; i < n; ++i) {
    const size_t from = units[order[i]].pos, to = cs.begin + i;
    if (from == to) continue;
    moved.emplace_back(to, std::move(result.units[from]));
    units[order[i]].pos = to;
  }
  for (auto& [to, r] : moved) result.units[to] = std::move(r);
}

namespace {
bool SameScore(const IndicatorScore& a, const IndicatorScore& b) {
  return a.earned == b.earned && a.status == b.status && a.provisional == b.provisional &&
         a.actual == b.actual && a.target == b.target && a.points == b.points &&
         a.period == b.period && a.entered_by == b.entered_by && a.approved_by == b.approved_by &&
         a.rule == b.rule && a.rule_zh == b.rule_zh && a.method == b.method &&
         a.indicator_id == b.indicator_id;
}
}  // namespace

// After slot `si` changed (its state before is `before`): re-score its column,
// recompose the units whose scores moved, re-rank the category. On a scoring
// error nothing changes and the slot gets its state back.
Status Evaluator::Impl::Rescore(int si, const Slot& before) {
  Column& c = columns[slots[si].column];
  FillColumn(c);
  std::vector<IndicatorScore> fresh(c.slots.size());
  for (size_t i = 0; i < c.slots.size(); ++i) {
    Status st = ScoreSlot(slots[c.slots[i]], c, fresh[i]);
    if (!st.ok()) {
      slots[si] = before;
      FillColumn(c);
      return st;
    }
  }
  bool any = false;
  for (size_t i = 0; i < c.slots.size(); ++i) {
    const Slot& s = slots[c.slots[i]];
    const IndicatorScore& now = std::as_const(result.units)[units[s.unit].pos].indicators[s.k];
    // Unchanged scores are not written: a write copies the chunks (of units,
    // of scores) that snapshots of the result share (core/shared_chunks.h).
    if (SameScore(now, fresh[i])) continue;
    const bool moved = now.status != fresh[i].status || now.earned != fresh[i].earned ||
                       now.provisional != fresh[i].provisional;
    sums[static_cast<size_t>(c.slots[i])] = ScoreSums::Of(fresh[i]);
    result.units[units[s.unit].pos].indicators[s.k] = std::move(fresh[i]);
    if (moved) {
      Compose(s.unit);
      any = true;
    }
  }
  if (any) RankCategory(c.category);
  return Status::Ok();
}

Status Evaluator::Impl::CheckUnit(const std::string& unit_id, int* unit) const {
  auto it = unit_of.find(unit_id);
  if (it == unit_of.end()) return Status(Code::kNotFound, "unknown unit '" + unit_id + "'");
  *unit = it->second;
  return Status::Ok();
}

Result<Evaluator> Evaluator::Create(const Scheme& scheme, const YearData& data,
                                    const EvaluateOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->scheme = &scheme;
  impl->options = options;
  impl->incremental = true;
  GOVPERF_RETURN_IF_ERROR(impl->Build(data));
  return Evaluator(std::move(impl));
}

Evaluator::Evaluator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Evaluator::Evaluator(Evaluator&&) noexcept = default;
Evaluator& Evaluator::operator=(Evaluator&&) noexcept = default;
Evaluator::~Evaluator() = default;

const YearResult& Evaluator::result() const { return impl_->result; }

Status Evaluator::SetDatum(const Datum& d) {
  Impl& m = *impl_;
  if (d.value && !std::isfinite(*d.value)) {
    return Status::Invalid("value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                           "): not finite");
  }
  auto l = m.leaf_of.find(d.indicator_id);
  auto u = m.unit_of.find(d.unit_id);
  if (l == m.leaf_of.end() || u == m.unit_of.end()) return Status::Ok();
  const int si = m.SlotOf(l->second, u->second);
  if (si < 0) return Status::Ok();
  Slot& s = m.slots[si];
  const Slot before = s;
  if (d.period == m.year_period) {
    InternMemo e, a;
    s.year_end = MakeObs(d, m.year_period_id, m.pool, e, a);
  } else if (d.period == m.previous_period) {
    s.previous_present = true;
    s.previous = d.value && !d.no_data ? d.value : std::nullopt;
  } else if (m.options.provisional && d.period.size() == 7 &&
             d.period.compare(0, 4, m.year_period) == 0) {
    const int month = CanonicalMonth(d.period, m.year_period);
    if (month == 0) {
      // Evaluate ignores it without a value; with one, it would compete for
      // "latest month" in a way the month table cannot represent.
      if (!d.value) return Status::Ok();
      return Status(Code::kFailedPrecondition,
                    "value (" + d.indicator_id + ", " + d.unit_id + ", " + d.period +
                        "): incremental evaluation needs monthly periods YYYY-01..YYYY-12");
    }
    MonthCell& cell = m.months[static_cast<size_t>(si) * kMonths + (month - 1)];
    const MonthCell old_cell = cell;
    cell = MonthCell{};
    if (d.value) {
      cell.value = *d.value;
      cell.no_data = d.no_data;
      cell.entered_by = m.pool.Intern(d.entered_by);
      cell.approved_by = m.pool.Intern(d.approved_by);
    }
    m.DeriveMonth(si);
    Status st = m.Rescore(si, before);
    if (!st.ok()) cell = old_cell;
    return st;
  } else {
    return Status::Ok();
  }
  return m.Rescore(si, before);
}

Status Evaluator::RemoveDatum(const std::string& indicator_id, const std::string& unit_id,
                              const std::string& period) {
  Impl& m = *impl_;
  auto l = m.leaf_of.find(indicator_id);
  auto u = m.unit_of.find(unit_id);
  if (l == m.leaf_of.end() || u == m.unit_of.end()) return Status::Ok();
  const int si = m.SlotOf(l->second, u->second);
  if (si < 0) return Status::Ok();
  Slot& s = m.slots[si];
  const Slot before = s;
  if (period == m.year_period) {
    s.year_end = Obs{};
  } else if (period == m.previous_period) {
    s.previous_present = false;
    s.previous.reset();
  } else if (const int month = CanonicalMonth(period, m.year_period);
             month > 0 && m.options.provisional) {
    MonthCell& cell = m.months[static_cast<size_t>(si) * kMonths + (month - 1)];
    const MonthCell old_cell = cell;
    cell = MonthCell{};
    m.DeriveMonth(si);
    Status st = m.Rescore(si, before);
    if (!st.ok()) cell = old_cell;
    return st;
  } else {
    return Status::Ok();
  }
  return m.Rescore(si, before);
}

Status Evaluator::SetSatisfaction(const std::string& unit_id, std::optional<double> value) {
  int u = 0;
  GOVPERF_RETURN_IF_ERROR(impl_->CheckUnit(unit_id, &u));
  impl_->units[u].satisfaction = value;
  impl_->Compose(u);
  impl_->RankCategory(impl_->units[u].category);
  return Status::Ok();
}

Status Evaluator::SetLeadership(const std::string& unit_id, std::optional<double> value) {
  int u = 0;
  GOVPERF_RETURN_IF_ERROR(impl_->CheckUnit(unit_id, &u));
  impl_->units[u].leadership = value;
  impl_->Compose(u);
  impl_->RankCategory(impl_->units[u].category);
  return Status::Ok();
}

Status Evaluator::SetAdjustments(const std::string& unit_id, std::vector<Adjustment> adjustments) {
  int u = 0;
  GOVPERF_RETURN_IF_ERROR(impl_->CheckUnit(unit_id, &u));
  for (const Adjustment& a : adjustments) {
    if (a.unit_id != unit_id) {
      return Status::Invalid("adjustment " + a.id + ": unit_id '" + a.unit_id + "', expected '" +
                             unit_id + "'");
    }
  }
  impl_->units[u].adjustments = std::move(adjustments);
  impl_->Compose(u);
  impl_->RankCategory(impl_->units[u].category);
  return Status::Ok();
}

// The one-shot path: no month table, no duplicate checks (Evaluate accepts
// what the reference accepts), the result moved out.
Result<YearResult> Evaluate(const Scheme& scheme, const YearData& data,
                            const EvaluateOptions& options) {
  Evaluator::Impl impl;
  impl.scheme = &scheme;
  impl.options = options;
  impl.incremental = false;
  GOVPERF_RETURN_IF_ERROR(impl.Build(data));
  return std::move(impl.result);
}

}  // namespace govperf::core
