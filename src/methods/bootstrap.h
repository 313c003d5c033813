// Nonparametric bootstrap with percentile intervals, seeded and deterministic:
// the same inputs and seed give bit-identical results on every platform
// (indices come from std::mt19937_64, whose sequence the C++ standard fixes,
// through our own unbiased bounded draw rather than
// std::uniform_int_distribution, whose algorithm is implementation-defined).
//
// Intended for score and rank intervals: resample units, recompute, and read
// off the percentile interval; a grade boundary inside the interval is noise.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/status.h"

namespace govperf::methods {

struct Interval {
  double lower = 0;
  double upper = 0;
};

// `replicates` resamples of {0..n-1}, each of size n, drawn with replacement.
// REQUIRES: n >= 1, replicates >= 1 (checked).
Result<std::vector<std::vector<size_t>>> ResampleIndices(size_t n, int replicates, uint64_t seed);

// Quantile with linear interpolation between order statistics (R's type 7,
// the default of quantile()): h = (m - 1) p, Q = x[floor h] + (h - floor h)(x[floor h + 1] -
// x[floor h]).
Result<double> Quantile(std::vector<double> values, double p);

// Percentile interval [Q((1 - level)/2), Q((1 + level)/2)] of replicate values.
Result<Interval> PercentileInterval(const std::vector<double>& replicate_values, double level);

// Bootstrap percentile interval of statistic(resampled sample).
Result<Interval> BootstrapPercentile(
    const std::vector<double>& sample,
    const std::function<double(const std::vector<double>&)>& statistic, int replicates,
    double level, uint64_t seed);

}  // namespace govperf::methods
