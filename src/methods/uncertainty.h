// Score and rank intervals (不确定性): results are measurements, not facts.
//
// Parametric simulation, seeded and deterministic: each replicate perturbs
//  - each unit's satisfaction score by N(0, satisfaction_se²) (survey sampling
//    error, YearData::satisfaction_se), and
//  - each reported value of an indicator with a declared measurement error e
//    by a factor (1 + N(0, e²)) (Indicator::measurement_error),
// then re-evaluates the whole year with the same engine. Per unit, the
// percentile interval of its total and of its rank over the replicates is
// reported (level 0.9 → 5th..95th percentile), with the share of replicates in
// which it receives each grade. A unit is flagged when a grade threshold of its
// category lies inside its total's interval or when its grade differs from the
// point result in more than (1 − level) of the replicates: its grade is within
// the noise and deserves a second look before publication.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/evaluate.h"
#include "core/model.h"
#include "core/status.h"

namespace govperf::methods {

struct UncertaintyOptions {
  int replicates = 400;
  double level = 0.9;
  uint64_t seed = 20091;
  // Replicates run in parallel; each draws from its own seeded stream, so the
  // intervals are the same for any number of threads.
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  core::EvaluateOptions evaluate;
};

struct UnitUncertainty {
  std::string unit_id;
  std::string category_id;
  double total = 0;  // the point result
  double total_lower = 0, total_upper = 0;
  int rank = 0;
  double rank_lower = 0, rank_upper = 0;  // percentiles of the replicate ranks
  std::string grade;
  std::map<std::string, double> grade_share;  // grade code → share of replicates
  bool flagged = false;
  std::string reason;     // why flagged (English)
  std::string reason_zh;  // 同上
};

// REQUIRES: replicates ≥ 20, 0 < level < 1 (checked).
Result<std::vector<UnitUncertainty>> EstimateUncertainty(const core::Scheme& scheme,
                                                         const core::YearData& data,
                                                         const UncertaintyOptions& options);

}  // namespace govperf::methods
