#include "methods/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace govperf::methods {
namespace {

// Unbiased integer in [0, bound) by rejection (bound >= 1).
uint64_t Bounded(std::mt19937_64& g, uint64_t bound) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;  // multiple of bound
  uint64_t v;
  do {
    v = g();
  } while (v >= limit);
  return v % bound;
}

Status CheckLevel(double level) {
  if (!(level > 0 && level < 1)) return Status::Invalid("level must be in (0, 1), e.g. 0.95");
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::vector<size_t>>> ResampleIndices(size_t n, int replicates, uint64_t seed) {
  if (n == 0) return Status::Invalid("sample must not be empty");
  if (replicates < 1) return Status::Invalid("replicates must be >= 1");
  std::mt19937_64 g(seed);
  std::vector<std::vector<size_t>> out(static_cast<size_t>(replicates), std::vector<size_t>(n));
  for (auto& rep : out)
    for (size_t& i : rep) i = static_cast<size_t>(Bounded(g, n));
  return out;
}

Result<double> Quantile(std::vector<double> v, double p) {
  if (v.empty()) return Status::Invalid("values must not be empty");
  if (!(p >= 0 && p <= 1)) return Status::Invalid("probability must be in [0, 1]");
  for (double x : v)
    if (!std::isfinite(x)) return Status::Invalid("values must be finite");
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Result<Interval> PercentileInterval(const std::vector<double>& values, double level) {
  GOVPERF_RETURN_IF_ERROR(CheckLevel(level));
  Result<double> lo = Quantile(values, (1 - level) / 2);
  if (!lo.ok()) return lo.status();
  Result<double> hi = Quantile(values, (1 + level) / 2);
  if (!hi.ok()) return hi.status();
  return Interval{*lo, *hi};
}

Result<Interval> BootstrapPercentile(
    const std::vector<double>& sample,
    const std::function<double(const std::vector<double>&)>& statistic, int replicates,
    double level, uint64_t seed) {
  GOVPERF_RETURN_IF_ERROR(CheckLevel(level));
  Result<std::vector<std::vector<size_t>>> idx = ResampleIndices(sample.size(), replicates, seed);
  if (!idx.ok()) return idx.status();
  std::vector<double> stats;
  stats.reserve(idx->size());
  std::vector<double> resample(sample.size());
  for (const auto& rep : *idx) {
    for (size_t i = 0; i < rep.size(); ++i) resample[i] = sample[rep[i]];
    stats.push_back(statistic(resample));
  }
  return PercentileInterval(stats, level);
}

}  // namespace govperf::methods
