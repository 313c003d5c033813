// 抽查 spot checks: the office draws a sample of (leaf, unit) pairs of the year
// and records a finding on each — confirmed, or corrected with a new value
// and a reason. The draw is deterministic: the same seed, size and scheme give
// the same pairs (DrawSample, a pure function), and the seed and the drawn
// pairs are stored, so anyone can re-run the draw and compare. A correction
// changes the value through the lead-scoring use case (lead_scoring.h), in the
// same transaction as the finding; every step is audited by the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

// Every assessed (leaf, unit) pair of the scheme in scheme order (leaves, then
// units), then `size` of them drawn by a Fisher–Yates partial shuffle driven
// by std::mt19937_64(seed) (fully specified by the standard, so the draw is
// the same on every platform). REQUIRES: 1 <= size <= number of pairs.
std::vector<std::pair<std::string, std::string>> DrawSample(const core::Scheme& scheme,
                                                            uint64_t seed, int size);

// Draws and stores a sample. The number of pairs bounds `size` (field size).
Result<store::SpotCheck> DrawSpotCheck(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, uint64_t seed, int size);

struct FindingInput {
  int64_t check_id = 0;
  std::string indicator_id;
  std::string unit_id;
  std::string finding;          // confirmed | corrected
  std::optional<double> value;  // corrected: the new value (a qualitative leaf: the grade)
  std::string reason;           // corrected: required
};
Result<store::SpotCheckItem> RecordFinding(YearCache& years, store::Store& store,
                                           const Caller& caller, int year, const FindingInput& in);

}  // namespace govperf::app::year_end
