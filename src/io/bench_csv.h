// The benchmark year's CSV files (the `govperf gen` format):
//   units.csv       unit_id,category
//   indicators.csv  indicator_id,points,direction        (points sum to 100, direction 1 or -1)
//   values.csv      unit_id,indicator_id,target,actual   (empty actual = not reported)
// Loading is built for nation scale (30 M values): the files are memory-mapped
// and values.csv is parsed by several threads; every error names the file and
// line. Writing is seeded and deterministic.
#pragma once

#include <cstdint>
#include <string>

#include "core/benchmark_scheme.h"
#include "core/status.h"

namespace govperf::io {

// The most values (units × indicators) a benchmark year may have: three times
// the nation-scale run of BENCHMARKS.md, about 2 GB of memory to score.
inline constexpr size_t kMaxBenchValues = 100'000'000;

struct GenOptions {
  size_t units = 2000;
  size_t indicators = 200;
  uint64_t seed = 42;
  double missing_share = 0.01;  // share of values left unreported
};

// Writes units.csv, indicators.csv and values.csv into dir (created if absent).
Status WriteBenchYear(const std::string& dir, const GenOptions& options);

// Loads the three files. threads > 1 parses values.csv in parallel.
Result<core::bench::BenchYear> LoadBenchYear(const std::string& dir, int threads = 2);

}  // namespace govperf::io
