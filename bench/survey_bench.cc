// Survey aggregation (methods/survey_aggregate.h) at a big city's scale:
// 1,000,000 accepted answers, 40 units × 4 respondent groups, each group
// raked to 3 margin variables (district 10 levels, age 5, sex 2), then 1,000
// bootstrap replicates per unit × group cell on 2 threads.
//   BM_SurveyAggregate/threads   the whole AggregateSurvey call (wall)
//   BM_SurveyRake                the raking alone (4 groups, RakeIndexed)
// The input is generated once (not timed); sizes GOVPERF_BENCH_RESPONSES.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "methods/survey_aggregate.h"

namespace govperf::methods {
namespace {

const AggregateInput& Input() {
  static const AggregateInput in = [] {
    const char* env = std::getenv("GOVPERF_BENCH_RESPONSES");
    const size_t n = env ? std::strtoull(env, nullptr, 10) : 1000000;
    AggregateInput a;
    const char* groups[] = {"citizens", "firms", "deputies", "service"};
    const double gw[] = {0.5, 0.2, 0.2, 0.1};
    const std::vector<std::string> districts = {"D01", "D02", "D03", "D04", "D05",
                                                "D06", "D07", "D08", "D09", "D10"};
    const std::vector<std::string> ages = {"18-29", "30-39", "40-49", "50-59", "60+"};
    a.variables = {"district", "age", "sex"};
    for (int g = 0; g < 4; ++g) {
      AggregateGroup grp{groups[g], gw[g], {}};
      for (size_t d = 0; d < districts.size(); ++d)
        grp.margins["district"][districts[d]] = 1e5 + 1e4 * d;
      const double total = 1e6 + 1e4 * 45;  // the districts' sum
      const double age_share[] = {0.15, 0.25, 0.25, 0.2, 0.15};
      for (size_t k = 0; k < ages.size(); ++k) grp.margins["age"][ages[k]] = total * age_share[k];
      grp.margins["sex"] = {{"f", total * 0.51}, {"m", total * 0.49}};
      a.groups.push_back(grp);
    }
    for (int u = 0; u < 40; ++u) a.units.push_back("U" + std::to_string(u));
    std::mt19937_64 rng(2026);
    const double points[] = {0, 40, 60, 80, 100};
    a.respondents.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      AggregateRespondent r;
      r.group = static_cast<int32_t>(rng() % 10 < 5 ? 0 : rng() % 3 + 1);
      r.cells = {districts[rng() % districts.size()], ages[rng() % ages.size()],
                 rng() % 2 ? "f" : "m"};
      const int32_t unit = static_cast<int32_t>(rng() % 40);
      r.answers = {{unit, points[(rng() % 5 + rng() % 5 + unit % 3) % 5], 0}};
      a.respondents.push_back(std::move(r));
    }
    return a;
  }();
  return in;
}

void BM_SurveyAggregate(benchmark::State& state) {
  const AggregateInput& in = Input();
  AggregateOptions o;
  o.replicates = 1000;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto r = AggregateSurvey(in, o);
    if (!r.ok()) state.SkipWithError(r.status().message().c_str());
    benchmark::DoNotOptimize(r);
  }
  state.counters["responses"] = static_cast<double>(in.respondents.size());
}
BENCHMARK(BM_SurveyAggregate)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

void BM_SurveyRake(benchmark::State& state) {
  AggregateInput in = Input();
  for (auto& r : in.respondents) r.answers.clear();  // raking only
  AggregateOptions o;
  o.replicates = 20;
  for (auto _ : state) {
    auto r = AggregateSurvey(in, o);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SurveyRake)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
}  // namespace govperf::methods

BENCHMARK_MAIN();
