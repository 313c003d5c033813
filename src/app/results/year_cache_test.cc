// The results service keeps a year current by replaying single writes
// (year_cache.h invariant 2a). Property: after any sequence of writes — values,
// scores, inputs, adjustments through the use cases, last year's year-end
// values, writes by another Store on the same file ("another process"), a
// stage change — the cached view equals a fresh full build field by field.
// Real SQLite files, a generated province-shaped year with every method.
#include "app/results/year_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "app/year_inputs.h"
#include "demo/province.h"
#include "store/store_testing.h"

namespace govperf::app {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

constexpr int kYear = 2026;

std::string Diff(const core::YearResult& a, const core::YearResult& b) {
  if (a.year != b.year) return "year";
  if (a.units.size() != b.units.size()) return "units.size";
  for (size_t i = 0; i < a.units.size(); ++i) {
    const core::UnitResult& x = a.units[i];
    const core::UnitResult& y = b.units[i];
    const std::string at = "units[" + std::to_string(i) + "] (" + x.unit_id + "/" + y.unit_id + ")";
#define GOVPERF_SAME(f) \
  if (!(x.f == y.f)) return at + "." #f;
    GOVPERF_SAME(unit_id)
    GOVPERF_SAME(category_id)
    GOVPERF_SAME(indicator_score)
    GOVPERF_SAME(satisfaction)
    GOVPERF_SAME(leadership)
    GOVPERF_SAME(bonus)
    GOVPERF_SAME(deduction)
    GOVPERF_SAME(vetoed)
    GOVPERF_SAME(total)
    GOVPERF_SAME(rank)
    GOVPERF_SAME(grade)
    GOVPERF_SAME(grade_notes)
    GOVPERF_SAME(grade_notes_zh)
    GOVPERF_SAME(notes)
    GOVPERF_SAME(notes_zh)
    GOVPERF_SAME(indicators.size())
    GOVPERF_SAME(adjustments.size())
#undef GOVPERF_SAME
    for (size_t k = 0; k < x.indicators.size(); ++k) {
      const core::IndicatorScore& p = x.indicators[k];
      const core::IndicatorScore& q = y.indicators[k];
      const std::string iat = at + ".indicators[" + p.indicator_id + "]";
#define GOVPERF_SAME(f) \
  if (!(p.f == q.f)) return iat + "." #f;
      GOVPERF_SAME(indicator_id)
      GOVPERF_SAME(points)
      GOVPERF_SAME(earned)
      GOVPERF_SAME(status)
      GOVPERF_SAME(target)
      GOVPERF_SAME(actual)
      GOVPERF_SAME(method)
      GOVPERF_SAME(rule)
      GOVPERF_SAME(rule_zh)
      GOVPERF_SAME(entered_by)
      GOVPERF_SAME(approved_by)
      GOVPERF_SAME(period)
      GOVPERF_SAME(provisional)
#undef GOVPERF_SAME
    }
    for (size_t k = 0; k < x.adjustments.size(); ++k) {
      const core::AppliedAdjustment& p = x.adjustments[k];
      const core::AppliedAdjustment& q = y.adjustments[k];
      if (p.id != q.id || p.kind != q.kind || p.points != q.points || p.reason_zh != q.reason_zh ||
          p.reason_en != q.reason_en || p.approved_by != q.approved_by) {
        return at + ".adjustments[" + std::to_string(k) + "]";
      }
    }
  }
  return "";
}

bool SameDatum(const core::Datum* a, const core::Datum* b) {
  if (!a || !b) return a == b;
  return a->indicator_id == b->indicator_id && a->unit_id == b->unit_id && a->period == b->period &&
         a->value == b->value && a->no_data == b->no_data && a->entered_by == b->entered_by &&
         a->approved_by == b->approved_by && a->note == b->note;
}

std::string DiffValues(const std::vector<core::Datum>& a, const std::vector<core::Datum>& b) {
  if (a.size() != b.size()) {
    return "values.size " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (!SameDatum(&a[i], &b[i])) {
      return "values[" + std::to_string(i) + "] " + a[i].indicator_id + "/" + a[i].unit_id + "/" +
             a[i].period + " vs " + b[i].indicator_id + "/" + b[i].unit_id + "/" + b[i].period;
    }
  }
  return "";
}

std::string DiffData(const core::YearData& a, const core::YearData& b) {
  if (auto d = DiffValues(a.values, b.values); !d.empty()) return d;
  if (a.satisfaction != b.satisfaction) return "satisfaction";
  if (a.leadership != b.leadership) return "leadership";
  if (a.satisfaction_se != b.satisfaction_se) return "satisfaction_se";
  if (a.inputs != b.inputs) return "inputs";
  if (a.adjustments.size() != b.adjustments.size()) return "adjustments.size";
  for (size_t i = 0; i < a.adjustments.size(); ++i) {
    const auto& x = a.adjustments[i];
    const auto& y = b.adjustments[i];
    if (x.id != y.id || x.unit_id != y.unit_id || x.kind != y.kind || x.points != y.points ||
        x.veto_effect != y.veto_effect || x.reason_zh != y.reason_zh) {
      return "adjustments[" + std::to_string(i) + "]";
    }
  }
  return "";
}

// Everything a consumer can read from a view, compared with a fresh build.
std::string DiffViews(const YearView& a, const YearView& b) {
  if (a.versions != b.versions) {
    return "versions (" + std::to_string(a.versions.first) + "," +
           std::to_string(a.versions.second) + ") vs (" + std::to_string(b.versions.first) + "," +
           std::to_string(b.versions.second) + ")";
  }
  if (a.info.stage != b.info.stage || a.info.data_version != b.info.data_version) return "info";
  if (auto d = Diff(a.result, b.result); !d.empty()) return "result: " + d;
  if (a.category_size != b.category_size) return "category_size";
  if (a.unit_results.size() != b.unit_results.size()) return "unit_results";
  for (const auto& [id, r] : a.unit_results) {
    if (!b.unit_results.count(id) || r->unit_id != id || r->rank != b.unit_results.at(id)->rank) {
      return "unit_results[" + std::string(id) + "]";
    }
  }
  if (auto d = DiffData(a.data(), b.data()); !d.empty()) return "data: " + d;
  if (auto d = DiffData(a.scoring_data(), b.scoring_data()); !d.empty()) {
    return "scoring_data: " + d;
  }
  std::vector<core::Datum> each;
  a.ForEachValue([&](const core::Datum& d) { each.push_back(d); });
  if (auto d = DiffValues(each, a.data().values); !d.empty()) return "ForEachValue: " + d;
  for (const core::UnitResult& r : a.result.units) {
    for (const core::IndicatorScore& s : r.indicators) {
      if (!SameDatum(a.YearEnd(s.indicator_id, r.unit_id), b.YearEnd(s.indicator_id, r.unit_id))) {
        return "YearEnd(" + s.indicator_id + ", " + r.unit_id + ")";
      }
      const auto ma = a.Monthly(s.indicator_id, r.unit_id);
      const auto mb = b.Monthly(s.indicator_id, r.unit_id);
      if (ma.size() != mb.size()) return "Monthly(" + s.indicator_id + ", " + r.unit_id + ")";
      for (size_t i = 0; i < ma.size(); ++i) {
        if (!SameDatum(ma[i], mb[i])) return "Monthly(" + s.indicator_id + ", " + r.unit_id + ")";
      }
    }
  }
  return "";
}

class YearCacheIncremental : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("year.db"), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    // Last year (its year-end values are this year's "previous" values) and a
    // year in progress: 9 months of monitoring, no year-end values yet.
    demo::ProvinceOptions o;
    o.units = 60;
    o.leaves = 40;
    o.seed = 11;
    o.year = kYear;
    o.months = 9;
    o.year_end = false;
    demo::GeneratedYear y = demo::ProvinceYear(o);
    const store::Actor sys{"system", core::Role::kSystem};
    const std::string last = std::to_string(kYear - 1);
    core::Scheme previous_scheme = y.scheme;
    previous_scheme.year = kYear - 1;
    core::YearData previous, own = y.data;
    for (const core::Datum& d : y.data.values) {
      if (d.period == last) previous.values.push_back(d);
    }
    std::erase_if(own.values, [&](const core::Datum& d) { return d.period == last; });
    ASSERT_TRUE(store_->PutYear(sys, {kYear - 1, core::Stage::kMonitoring, "", 0}).ok());
    ASSERT_TRUE(store_->SaveScheme(sys, previous_scheme).ok());
    ASSERT_TRUE(store_->SaveYearData(sys, kYear - 1, previous).ok());
    ASSERT_TRUE(store_->PutYear(sys, {kYear, core::Stage::kMonitoring, "", 0}).ok());
    ASSERT_TRUE(store_->SaveScheme(sys, y.scheme).ok());
    ASSERT_TRUE(store_->SaveYearData(sys, kYear, own).ok());
    for (const core::Datum& d : own.values) {
      if (d.value) values_[d.indicator_id].push_back(*d.value);
    }
    for (const core::Datum& d : previous.values) {
      if (d.value) values_[d.indicator_id].push_back(*d.value);
    }
    auto other = store::OpenSqliteStore(dir_.File("year.db"), clock_);
    ASSERT_TRUE(other.ok());
    other_ = std::move(other).value();
  }

  std::shared_ptr<const YearView> Fresh(int year = kYear) {
    YearCache fresh(*other_);
    auto v = fresh.View(year);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : nullptr;
  }

  // A value the indicator's method accepts: one that occurs in its data.
  double SomeValue(const std::string& indicator_id) {
    const auto& list = values_[indicator_id];
    return list.empty() ? 1.0 : list[rng_() % list.size()];
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_, other_;
  std::map<std::string, std::vector<double>> values_;
  std::mt19937_64 rng_{20261129};
  const Caller admin_{"admin", core::Role::kAdmin, "", ""};
};

TEST_F(YearCacheIncremental, AfterAnySequenceOfWritesTheViewEqualsAFreshBuild) {
  YearCache cache(*store_, std::chrono::milliseconds(0));  // other processes write too
  auto first = cache.View(kYear);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(DiffViews(**first, *Fresh()), "");
  std::shared_ptr<const YearView> last = *first;
  // (leaf, unit) pairs the year assesses.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& r : last->result.units) {
    for (const auto& s : r.indicators) pairs.push_back({s.indicator_id, r.unit_id});
  }
  std::vector<std::string> adjustment_ids;
  int incremental = 0, steps = 0;
  std::map<std::string, int> kinds;
  for (int step = 0; step < 90; ++step) {
    const int dice = static_cast<int>(rng_() % 100);
    const auto& [leaf, unit] = pairs[rng_() % pairs.size()];
    std::string kind;
    if (step == 70) {
      // A stage change: a bulk change, rebuilt in full (still provisional).
      kind = "stage";
      ASSERT_TRUE(store_->PutYear(admin_.actor(), {kYear, core::Stage::kYearEnd, "", 0}).ok());
    } else if (dice < 45) {
      kind = "value";
      core::Datum d;
      d.indicator_id = leaf;
      d.unit_id = unit;
      const int month = 1 + static_cast<int>(rng_() % 13);  // 13: the year-end value
      char period[8];
      std::snprintf(period, sizeof period, "%d-%02d", kYear, month);
      d.period = month == 13 ? std::to_string(kYear) : period;
      const int what = static_cast<int>(rng_() % 10);
      if (what == 0) {
        d.no_data = true;
      } else if (what > 1) {
        d.value = SomeValue(leaf);
      }  // what == 1: not reported (null)
      d.note = "step " + std::to_string(step);
      Status st = PutValue(cache, *store_, admin_, kYear, d);
      ASSERT_TRUE(st.ok()) << st.ToString();
    } else if (dice < 55) {
      kind = "scores";
      ScoresPatch p;
      p.unit_id = unit;
      p.satisfaction = {
          true, rng_() % 5 == 0 ? std::nullopt : std::optional<double>(60 + rng_() % 400 / 10.0)};
      p.leadership = {rng_() % 2 == 0, std::optional<double>(70 + rng_() % 300 / 10.0)};
      p.satisfaction_se = {true, std::optional<double>(rng_() % 30 / 10.0)};
      auto put = PutScores(*store_, admin_, kYear, p);
      ASSERT_TRUE(put.ok()) << put.status().ToString();
    } else if (dice < 65) {
      kind = "adjustment";
      AdjustmentInput in;
      in.unit_id = unit;
      const int k = static_cast<int>(rng_() % 4);
      in.kind = k == 0 ? "veto" : k == 1 ? "deduction" : "bonus";
      in.points = 0.5 + static_cast<double>(rng_() % 30) / 10.0;
      in.veto_effect = rng_() % 2 ? "fix_lowest" : "cap_qualified";
      in.reason_zh = "第" + std::to_string(step) + "步";
      auto added = AddAdjustment(*store_, admin_, kYear, in);
      ASSERT_TRUE(added.ok()) << added.status().ToString();
      adjustment_ids.push_back(added->id);
    } else if (dice < 70 && !adjustment_ids.empty()) {
      kind = "adjustment.delete";
      const size_t i = rng_() % adjustment_ids.size();
      ASSERT_TRUE(DeleteAdjustment(*store_, admin_, kYear, adjustment_ids[i]).ok());
      adjustment_ids.erase(adjustment_ids.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (dice < 75) {
      kind = "inputs";
      std::map<std::string, double> inputs;
      if (rng_() % 4) inputs = {{"budget", double(rng_() % 1000)}, {"staff", double(rng_() % 90)}};
      ASSERT_TRUE(PutUnitInputs(*store_, admin_, kYear, unit, inputs).ok());
    } else if (dice < 88) {
      // Last year's year-end value, written by another process.
      kind = "last_year";
      core::Datum d{leaf, unit, std::to_string(kYear - 1), SomeValue(leaf), false, "x", "", ""};
      if (rng_() % 6 == 0) d.value.reset();
      ASSERT_TRUE(other_->PutDatum(admin_.actor(), kYear - 1, d).ok());
    } else {
      // This year, by another process, two values in one transaction.
      kind = "other_process";
      const auto& [leaf2, unit2] = pairs[rng_() % pairs.size()];
      core::Datum a{leaf, unit, std::to_string(kYear) + "-05", SomeValue(leaf), false, "cli",
                    "",   ""};
      core::Datum b{leaf2, unit2, std::to_string(kYear), SomeValue(leaf2), false, "cli", "", ""};
      ASSERT_TRUE(other_
                      ->Write(admin_.actor(),
                              [&](store::WriteTx& tx) {
                                GOVPERF_RETURN_IF_ERROR(tx.PutDatum(kYear, a));
                                return tx.PutDatum(kYear, b);
                              })
                      .ok());
    }
    ++kinds[kind];
    auto view = cache.View(kYear);
    ASSERT_TRUE(view.ok()) << view.status().ToString();
    auto fresh = Fresh();
    ASSERT_TRUE(fresh);
    ASSERT_EQ(DiffViews(**view, *fresh), "") << "after step " << step << " (" << kind << ")";
    // Replayed, not rebuilt: the new view shares the scheme and loaded data.
    if ((*view)->scheme_index() == last->scheme_index()) ++incremental;
    ++steps;
    last = *view;
  }
  EXPECT_GE(kinds["value"], 25);
  EXPECT_GE(kinds["last_year"], 5);
  EXPECT_GE(kinds["adjustment"], 4);
  // All but the stage change (and nothing else) were replayed.
  EXPECT_EQ(incremental, steps - 1);
}

// The hot routes read the years and versions from memory: a write through this
// process's store is seen at once, another process's once the recheck period
// has passed.
TEST_F(YearCacheIncremental, OwnWritesAreSeenAtOnceOtherProcessesAfterTheRecheckPeriod) {
  YearCache cache(*store_, std::chrono::hours(1));
  auto before = cache.View(kYear);
  ASSERT_TRUE(before.ok());
  const core::UnitResult& r = (*before)->result.units.front();
  const std::string leaf = r.indicators.front().indicator_id;
  core::Datum own{leaf, r.unit_id, std::to_string(kYear), SomeValue(leaf), false, "", "", ""};
  ASSERT_TRUE(PutValue(cache, *store_, admin_, kYear, own).ok());
  auto after_own = cache.View(kYear);
  ASSERT_TRUE(after_own.ok());
  EXPECT_EQ((*after_own)->versions.first, (*before)->versions.first + 1);
  auto years = cache.Years();
  ASSERT_TRUE(years.ok());

  core::Datum other{leaf, r.unit_id, std::to_string(kYear), SomeValue(leaf) + 1, false, "cli", "",
                    ""};
  ASSERT_TRUE(other_->PutDatum(admin_.actor(), kYear, other).ok());
  // Within the hour this cache trusts its last read …
  EXPECT_EQ((*cache.View(kYear))->versions, (*after_own)->versions);
  // … a cache whose period has passed sees the other process's write.
  YearCache quick(*store_, std::chrono::milliseconds(1));
  ASSERT_TRUE(quick.View(kYear).ok());
  ASSERT_TRUE(other_->PutDatum(admin_.actor(), kYear, own).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto seen = quick.View(kYear);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ((*seen)->versions.first, (*after_own)->versions.first + 2);
  EXPECT_EQ(DiffViews(**seen, *Fresh()), "");
}

TEST_F(YearCacheIncremental, ANewViewSharesWhatTheChangeDidNotTouch) {
  YearCache cache(*store_);
  auto before = cache.View(kYear);
  ASSERT_TRUE(before.ok());
  // A year-end value of the first unit's first leaf.
  const core::UnitResult& r = (*before)->result.units.front();
  const std::string leaf = r.indicators[0].indicator_id;
  core::Datum d{leaf, r.unit_id, std::to_string(kYear), SomeValue(leaf), false, "", "", ""};
  ASSERT_TRUE(PutValue(cache, *store_, admin_, kYear, d).ok());
  auto after = cache.View(kYear);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->versions.first, (*before)->versions.first + 1);
  EXPECT_EQ((*after)->scheme_index(), (*before)->scheme_index());
  EXPECT_EQ(&(*after)->scheme, &(*before)->scheme);
  // The value is there, through every accessor.
  ASSERT_NE((*after)->YearEnd(leaf, r.unit_id), nullptr);
  EXPECT_EQ((*after)->YearEnd(leaf, r.unit_id)->value, d.value);
  EXPECT_EQ((*before)->YearEnd(leaf, r.unit_id), nullptr);  // the old view did not change
  // Units of another category share every chunk of their scores with the old view.
  int shared = 0;
  for (const core::UnitResult& u : (*after)->result.units) {
    if (u.category_id == r.category_id) continue;
    const core::UnitResult& old = *(*before)->unit_results.at(u.unit_id);
    for (size_t k = 0; k < u.indicators.size(); k += 16) {
      EXPECT_TRUE(u.indicators.SharesChunkWith(old.indicators, k)) << u.unit_id;
      ++shared;
    }
  }
  EXPECT_GT(shared, 0);
  // The unit results themselves are shared in chunks of 8 units: every chunk
  // that holds no unit of the changed category is the old view's.
  const auto& units_after = (*after)->result.units;
  const auto& units_before = (*before)->result.units;
  ASSERT_EQ(units_after.size(), units_before.size());
  int shared_units = 0;
  for (size_t i = 0; i < units_after.size(); i += 8) {
    bool touched = false;
    for (size_t j = i; j < std::min(i + 8, units_after.size()); ++j) {
      touched = touched || units_before[j].category_id == r.category_id;
    }
    if (touched) continue;
    EXPECT_TRUE(units_after.SharesChunkWith(units_before, i)) << "units chunk at " << i;
    ++shared_units;
  }
  EXPECT_GT(shared_units, 0);
  EXPECT_EQ(DiffViews(**after, *Fresh()), "");
}

TEST_F(YearCacheIncremental, ConcurrentReadersSeeConsistentViewsWhileValuesAreWritten) {
  YearCache cache(*store_);
  ASSERT_TRUE(cache.View(kYear).ok());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& r : (*cache.View(kYear))->result.units) {
    for (const auto& s : r.indicators) pairs.push_back({s.indicator_id, r.unit_id});
  }
  std::atomic<bool> done{false};
  std::vector<std::vector<std::shared_ptr<const YearView>>> seen(3);
  std::vector<std::thread> readers;
  for (size_t t = 0; t < seen.size(); ++t) {
    readers.emplace_back([&, t] {
      while (!done) {
        auto v = cache.View(kYear);
        if (!v.ok()) {
          ADD_FAILURE() << v.status().ToString();
          return;
        }
        if (seen[t].empty() || seen[t].back() != *v) seen[t].push_back(*v);
      }
    });
  }
  for (int i = 0; i < 40; ++i) {
    const auto& [leaf, unit] = pairs[rng_() % pairs.size()];
    core::Datum d{leaf,
                  unit,
                  std::to_string(kYear) + "-0" + std::to_string(1 + i % 9),
                  SomeValue(leaf),
                  false,
                  "",
                  "",
                  ""};
    ASSERT_TRUE(PutValue(cache, *store_, admin_, kYear, d).ok());
  }
  done = true;
  for (auto& t : readers) t.join();
  // Each thread saw versions only move forward, and every view it held is the
  // evaluation of its own data.
  const core::EvaluateOptions options{true, 1};
  size_t checked = 0;
  for (const auto& list : seen) {
    for (size_t i = 1; i < list.size(); ++i) {
      EXPECT_LE(list[i - 1]->versions, list[i]->versions);
    }
    for (size_t i = 0; i < list.size(); i += std::max<size_t>(1, list.size() / 5)) {
      auto evaluated = core::Evaluate(list[i]->scheme, list[i]->scoring_data(), options);
      ASSERT_TRUE(evaluated.ok());
      EXPECT_EQ(Diff(list[i]->result, *evaluated), "");
      ++checked;
    }
  }
  EXPECT_GT(checked, 0u);
  auto final_view = cache.View(kYear);
  ASSERT_TRUE(final_view.ok());
  EXPECT_EQ(DiffViews(**final_view, *Fresh()), "");
}

}  // namespace
}  // namespace govperf::app
