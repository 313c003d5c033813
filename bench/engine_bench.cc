// The general engine on a province-size year (demo::ProvinceYear: 2,000 units
// × 200 leaves, monthly data, every scoring method), results with traces:
//   BM_Evaluate/final, /provisional   core::Evaluate in full
//   BM_ReferenceEvaluate              the straightforward evaluator (baseline,
//                                     the engine before this work)
//   BM_EvaluatorCreate                full evaluation keeping the indexes
//   BM_EvaluatorSetDatum/final, /provisional
//                                     one changed year-end value (provisional:
//                                     a monthly value) → results current again
//   BM_EvaluatorSetSatisfaction       one changed survey score
// Times are wall clock (real_time): the engine scores with two threads.
// Sizes: GOVPERF_BENCH_UNITS / GOVPERF_BENCH_LEAVES (default 2000 / 200).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "core/evaluate.h"
#include "core/evaluate_reference.h"
#include "core/evaluator.h"
#include "demo/province.h"
#include "demo/rng.h"

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

core::EvaluateOptions Options(const benchmark::State& state) {
  core::EvaluateOptions o;
  o.provisional = state.range(0) == 1;
  return o;
}

void BM_Evaluate(benchmark::State& state) {
  const auto& y = Year();
  const core::EvaluateOptions o = Options(state);
  size_t scored = 0;
  for (auto _ : state) {
    auto r = core::Evaluate(y.scheme, y.data, o);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    state.PauseTiming();  // freeing the result is the caller's, not the evaluation's
    scored = 0;
    for (const auto& u : r->units) scored += u.indicators.size();
    { auto gone = std::move(r); }
    state.ResumeTiming();
  }
  state.counters["units"] = static_cast<double>(y.scheme.units.size());
  state.counters["scored"] = static_cast<double>(scored);
  state.counters["values"] = static_cast<double>(y.data.values.size());
}
BENCHMARK(BM_Evaluate)
    ->ArgName("provisional")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2);

void BM_ReferenceEvaluate(benchmark::State& state) {
  const auto& y = Year();
  for (auto _ : state) {
    auto r = core::ReferenceEvaluate(y.scheme, y.data, {});
    state.PauseTiming();
    { auto gone = std::move(r); }
    state.ResumeTiming();
  }
}
BENCHMARK(BM_ReferenceEvaluate)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_EvaluatorCreate(benchmark::State& state) {
  const auto& y = Year();
  const core::EvaluateOptions o = Options(state);
  for (auto _ : state) {
    auto e = core::Evaluator::Create(y.scheme, y.data, o);
    if (!e.ok()) state.SkipWithError(e.status().ToString().c_str());
    state.PauseTiming();
    { auto gone = std::move(e); }
    state.ResumeTiming();
  }
}
BENCHMARK(BM_EvaluatorCreate)
    ->ArgName("provisional")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

// One changed value per iteration, on a random assessed (leaf, unit), moved
// by up to ±50 % so that ranks and grades move too.
void BM_EvaluatorSetDatum(benchmark::State& state) {
  const auto& y = Year();
  const core::EvaluateOptions o = Options(state);
  auto created = core::Evaluator::Create(y.scheme, y.data, o);
  if (!created.ok()) {
    state.SkipWithError(created.status().ToString().c_str());
    return;
  }
  core::Evaluator ev = std::move(created).value();
  std::vector<const core::Datum*> candidates;
  const std::string period = std::to_string(y.scheme.year) + (o.provisional ? "-12" : "");
  for (const auto& d : y.data.values) {
    if (d.period == period && d.value) candidates.push_back(&d);
  }
  std::map<std::string, std::string> method;
  for (const auto& i : y.scheme.indicators) method[i.id] = i.method;
  demo::Rng r(1, "bench");
  for (auto _ : state) {
    core::Datum d = *candidates[r.Index(static_cast<int>(candidates.size()))];
    const std::string& m = method[d.indicator_id];
    if (m != "qualitative" && m != "deduction") *d.value *= r.Uniform(0.5, 1.5);
    Status st = ev.SetDatum(d);
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
}
BENCHMARK(BM_EvaluatorSetDatum)
    ->ArgName("provisional")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->MinTime(2);

void BM_EvaluatorSetSatisfaction(benchmark::State& state) {
  const auto& y = Year();
  auto created = core::Evaluator::Create(y.scheme, y.data, {});
  if (!created.ok()) {
    state.SkipWithError(created.status().ToString().c_str());
    return;
  }
  core::Evaluator ev = std::move(created).value();
  demo::Rng r(2, "bench");
  for (auto _ : state) {
    const auto& u = y.scheme.units[r.Index(static_cast<int>(y.scheme.units.size()))];
    Status st = ev.SetSatisfaction(u.id, r.Uniform(50, 100));
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
}
BENCHMARK(BM_EvaluatorSetSatisfaction)->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(1);

}  // namespace
}  // namespace govperf

BENCHMARK_MAIN();
