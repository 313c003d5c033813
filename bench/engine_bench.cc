// The general engine on a province-size year (demo::ProvinceYear: 2,000 units
// × 200 leaves, monthly data, every scoring method):
//   BM_Evaluate/final, /provisional   core::Evaluate, results with traces
//   BM_ReferenceEvaluate              the straightforward evaluator (baseline)
// Sizes: GOVPERF_BENCH_UNITS / GOVPERF_BENCH_LEAVES (default 2000 / 200).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "core/evaluate.h"
#include "core/evaluate_reference.h"
#include "demo/province.h"

namespace govperf {
namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : fallback;
}

const demo::GeneratedYear& Year() {
  static const auto* year = new demo::GeneratedYear(demo::ProvinceYear(
      EnvInt("GOVPERF_BENCH_UNITS", 2000), EnvInt("GOVPERF_BENCH_LEAVES", 200), 20091));
  return *year;
}

void BM_Evaluate(benchmark::State& state) {
  const auto& y = Year();
  core::EvaluateOptions o;
  o.provisional = state.range(0) == 1;
  for (auto _ : state) {
    auto r = core::Evaluate(y.scheme, y.data, o);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    benchmark::DoNotOptimize(r);
  }
  state.counters["units"] = static_cast<double>(y.scheme.units.size());
  state.counters["values"] = static_cast<double>(y.data.values.size());
}
BENCHMARK(BM_Evaluate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_ReferenceEvaluate(benchmark::State& state) {
  const auto& y = Year();
  for (auto _ : state) {
    auto r = core::ReferenceEvaluate(y.scheme, y.data, {});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ReferenceEvaluate)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace govperf

BENCHMARK_MAIN();
