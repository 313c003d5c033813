// The results service (app::YearCache) on a province-size year in a real
// SQLite database (demo::WriteProvinceYear: 2,000 units × 200 leaves, 12
// months of monitoring data, a year in progress → provisional):
//   BM_ViewAfterWrite/kind   one write through the app layer (not timed), then
//                            the time until YearCache::View answers with
//                            current results (timed). kind: 0 a year-end
//                            value, 1 a monthly value, 2 satisfaction and
//                            leadership scores, 3 a bonus/deduction/veto item
//   BM_ViewUnchanged         View() when nothing changed (version check)
//   BM_ViewFullBuild         what every write cost before: load + evaluate
// Wall clock. The database is made once (about a minute) and kept:
//   GOVPERF_BENCH_DB (default $BENCH_DIR/province-results.db, BENCH_DIR
//   defaulting to /tmp/govperf-bench); sizes GOVPERF_BENCH_UNITS / _LEAVES.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/results/year_cache.h"
#include "app/year_inputs.h"
#include "demo/province.h"
#include "demo/rng.h"
#include "store/store.h"

namespace govperf {
namespace {

constexpr int kYear = 2025;

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : fallback;
}

struct Fixture {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<app::YearCache> cache;
  std::vector<std::pair<std::string, std::string>> pairs;  // assessed (leaf, unit)
  std::map<std::string, std::vector<double>> values;       // per leaf, for valid writes
};

Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    const int units = EnvInt("GOVPERF_BENCH_UNITS", 2000);
    const int leaves = EnvInt("GOVPERF_BENCH_LEAVES", 200);
    std::string path;
    if (const char* db = std::getenv("GOVPERF_BENCH_DB")) {
      path = db;
    } else {
      const char* dir = std::getenv("BENCH_DIR");
      std::filesystem::path d = dir ? dir : "/tmp/govperf-bench";
      std::filesystem::create_directories(d);
      path =
          (d / ("province-results-" + std::to_string(units) + "x" + std::to_string(leaves) + ".db"))
              .string();
    }
    const bool exists = std::filesystem::exists(path);
    auto opened = store::OpenSqliteStore(path);
    if (!opened.ok()) {
      std::cerr << opened.status().ToString() << "\n";
      std::exit(1);
    }
    fx->store = std::move(opened).value();
    if (!exists) {
      std::cerr << "results_bench: writing a " << units << " × " << leaves << " year to " << path
                << " …\n";
      demo::ProvinceOptions o;
      o.units = units;
      o.leaves = leaves;
      o.year = kYear;
      o.year_end = false;
      Status st = demo::WriteProvinceYear(*fx->store, o);
      if (!st.ok()) {
        std::cerr << st.ToString() << "\n";
        std::exit(1);
      }
    }
    fx->cache = std::make_unique<app::YearCache>(*fx->store);
    auto view = fx->cache->View(kYear);
    if (!view.ok()) {
      std::cerr << view.status().ToString() << "\n";
      std::exit(1);
    }
    for (const auto& r : (*view)->result.units) {
      for (const auto& s : r.indicators) fx->pairs.push_back({s.indicator_id, r.unit_id});
    }
    (*view)->ForEachValue([&](const core::Datum& d) {
      auto& list = fx->values[d.indicator_id];
      if (d.value && list.size() < 64) list.push_back(*d.value);
    });
    return fx;
  }();
  return *f;
}

const app::Caller kAdmin{"admin", core::Role::kAdmin, "", ""};

void BM_ViewAfterWrite(benchmark::State& state) {
  Fixture& f = Get();
  demo::Rng r(static_cast<uint64_t>(state.range(0)) + 7, "results");
  int64_t replayed = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const auto& [leaf, unit] = f.pairs[r.Index(static_cast<int>(f.pairs.size()))];
    Status st = Status::Ok();
    switch (state.range(0)) {
      case 0:
      case 1: {
        core::Datum d;
        d.indicator_id = leaf;
        d.unit_id = unit;
        d.period = std::to_string(kYear) + (state.range(0) == 1 ? "-12" : "");
        const auto& vs = f.values[leaf];
        d.value = vs.empty() ? 1.0 : vs[r.Index(static_cast<int>(vs.size()))];
        st = app::PutValue(*f.cache, *f.store, kAdmin, kYear, d);
        break;
      }
      case 2: {
        st = f.store->Write(kAdmin.actor(), [&](store::WriteTx& tx) {
          return tx.PutComponentScores(
              kYear, {unit, r.Uniform(60, 100), r.Uniform(0, 3), r.Uniform(60, 100)});
        });
        break;
      }
      default: {
        app::AdjustmentInput in;
        in.unit_id = unit;
        in.kind = r.Index(3) == 0 ? "veto" : "bonus";
        in.points = r.Uniform(0.5, 2);
        in.reason_zh = "基准";
        st = app::AddAdjustment(*f.store, kAdmin, kYear, in).status();
        break;
      }
    }
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
    // PutValue itself asks View() first, which applied the previous write;
    // what is timed is bringing the results current after this one.
    state.ResumeTiming();
    auto view = f.cache->View(kYear);
    if (!view.ok()) {
      state.SkipWithError(view.status().ToString().c_str());
      break;
    }
    ++replayed;
  }
  state.counters["writes"] = static_cast<double>(replayed);
}
BENCHMARK(BM_ViewAfterWrite)
    ->ArgName("kind")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(40);

void BM_ViewUnchanged(benchmark::State& state) {
  Fixture& f = Get();
  for (auto _ : state) {
    auto view = f.cache->View(kYear);
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(BM_ViewUnchanged)->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(0.5);

void BM_ViewFullBuild(benchmark::State& state) {
  Fixture& f = Get();
  for (auto _ : state) {
    f.cache->Invalidate(kYear);
    auto view = f.cache->View(kYear);
    if (!view.ok()) state.SkipWithError(view.status().ToString().c_str());
  }
}
BENCHMARK(BM_ViewFullBuild)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace
}  // namespace govperf

BENCHMARK_MAIN();
