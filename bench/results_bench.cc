// The results service (app::YearCache) on a province-size year in a real
// SQLite database (demo::WriteProvinceYear: 2,000 units × 200 leaves, 12
// months of monitoring data, a year in progress → provisional):
//   BM_ViewAfterWrite/kind   one write through the app layer (not timed), then
//                            the time until YearCache::View answers with
//                            current results (timed). kind: 0 a year-end
//                            value, 1 a monthly value, 2 satisfaction and
//                            leadership scores, 3 a bonus/deduction/veto item
//                            Counters: median and p95 of the timed part per
//                            write, wall (ms) and this thread's CPU (cpu_ms):
//                            a shared machine's load shows in wall only.
//   BM_ViewUnchanged         View() when nothing changed (version check)
//   BM_ViewFullBuild         what every write cost before: load + evaluate
// Profiling one kind of write: GOVPERF_BENCH_TRACE=1 prints each timed write
// (leaf, unit, method, rank, CPU ms) to stderr; GOVPERF_BENCH_PAIR=LEAF/UNIT
// writes that one pair every time.
// Wall clock. The database is made once (about a minute) and kept:
//   GOVPERF_BENCH_DB (default $BENCH_DIR/province-results.db, BENCH_DIR
//   defaulting to /tmp/govperf-bench); sizes GOVPERF_BENCH_UNITS / _LEAVES.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
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

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double WallMs() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
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
      const double w0 = WallMs();
      Status st = demo::WriteProvinceYear(*fx->store, o);
      if (!st.ok()) {
        std::cerr << st.ToString() << "\n";
        std::exit(1);
      }
      // Generating and saving the year (one SaveYearData with its audit
      // record): wall time and the peak RSS so far, before any evaluation.
      rusage ru{};
      getrusage(RUSAGE_SELF, &ru);
      std::cerr << "results_bench: written in " << (WallMs() - w0) / 1e3 << " s, peak RSS "
                << ru.ru_maxrss / 1024 << " MB\n";
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

// The q-quantile (nearest rank) of the samples.
double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

void SetQuantiles(benchmark::State& state, const std::vector<double>& wall,
                  const std::vector<double>& cpu) {
  state.counters["median_ms"] = Quantile(wall, 0.5);
  state.counters["p95_ms"] = Quantile(wall, 0.95);
  state.counters["cpu_median_ms"] = Quantile(cpu, 0.5);
  state.counters["cpu_p95_ms"] = Quantile(cpu, 0.95);
}

void BM_ViewAfterWrite(benchmark::State& state) {
  Fixture& f = Get();
  demo::Rng r(static_cast<uint64_t>(state.range(0)) + 7, "results");
  int64_t replayed = 0;
  std::vector<double> wall, cpu;
  for (auto _ : state) {
    state.PauseTiming();
    auto [leaf, unit] = f.pairs[r.Index(static_cast<int>(f.pairs.size()))];
    // GOVPERF_BENCH_PAIR=LEAF/UNIT writes that one pair every time (profiling
    // one slow kind of write).
    if (const char* pair = std::getenv("GOVPERF_BENCH_PAIR")) {
      const std::string p = pair;
      leaf = p.substr(0, p.find('/'));
      unit = p.substr(p.find('/') + 1);
    }
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
    const double w0 = WallMs(), c0 = ThreadCpuMs();
    auto view = f.cache->View(kYear);
    const double c1 = ThreadCpuMs(), w1 = WallMs();
    if (!view.ok()) {
      state.SkipWithError(view.status().ToString().c_str());
      break;
    }
    wall.push_back(w1 - w0);
    cpu.push_back(c1 - c0);
    ++replayed;
    if (std::getenv("GOVPERF_BENCH_TRACE")) {
      std::string method;
      int rank = 0;
      for (const auto& ur : (*view)->result.units) {
        if (ur.unit_id != unit) continue;
        rank = ur.rank;
        for (const auto& s : ur.indicators) {
          if (s.indicator_id == leaf) method = s.method;
        }
      }
      std::cerr << "trace kind=" << state.range(0) << " leaf=" << leaf << " unit=" << unit
                << " method=" << method << " rank=" << rank << " cpu_ms=" << (c1 - c0) << "\n";
    }
  }
  state.counters["writes"] = static_cast<double>(replayed);
  SetQuantiles(state, wall, cpu);
}
BENCHMARK(BM_ViewAfterWrite)
    ->ArgName("kind")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(100);

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
  std::vector<double> wall, cpu;
  for (auto _ : state) {
    f.cache->Invalidate(kYear);
    const double w0 = WallMs(), c0 = ThreadCpuMs();
    auto view = f.cache->View(kYear);
    // This thread's CPU only: scoring also runs on a second thread.
    cpu.push_back(ThreadCpuMs() - c0);
    wall.push_back(WallMs() - w0);
    if (!view.ok()) state.SkipWithError(view.status().ToString().c_str());
  }
  SetQuantiles(state, wall, cpu);
}
BENCHMARK(BM_ViewFullBuild)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
}  // namespace govperf

BENCHMARK_MAIN();
