#include "core/scoring/registry.h"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace govperf::core::scoring {

const std::vector<MethodSpec>& Methods() {
  static const std::vector<MethodSpec> kMethods = {
      CompletionRatioMethod(), RankInCategoryMethod(),   TiersMethod(),
      EfficacyMethod(),        DeductionMethod(),        QualitativeMethod(),
      GrowthMethod(),          LevelImprovementMethod(), FormulaMethod(),
  };
  return kMethods;
}

const MethodSpec* FindMethod(const std::string& name) {
  for (const auto& m : Methods()) {
    if (name == m.name) return &m;
  }
  return nullptr;
}

int PeerStats::Better(double v, bool higher) const {
  if (higher) {
    return static_cast<int>(sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), v));
  }
  return static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin());
}

PeerStats MakePeerStats(const std::vector<double>& peers) {
  PeerStats s;
  s.sorted = peers;
  std::sort(s.sorted.begin(), s.sorted.end());
  s.sum = std::accumulate(peers.begin(), peers.end(), 0.0);
  if (!peers.empty()) {
    s.min = *std::min_element(peers.begin(), peers.end());
    s.max = *std::max_element(peers.begin(), peers.end());
    s.minmax_max = *std::minmax_element(peers.begin(), peers.end()).second;
  }
  return s;
}

// Called for every scored (leaf, unit) pair: compares in place instead of
// building a std::string key per call (an indicator has a handful of params,
// so a scan is as fast as the map's lookup).
double Param(const Indicator& ind, const MethodSpec& spec, const char* name) {
  const std::string_view key(name);
  for (const auto& [k, v] : ind.params) {
    if (k == key) return v;
  }
  for (const auto& p : spec.params) {
    if (key == p.name) return p.default_value;
  }
  return 0;
}

}  // namespace govperf::core::scoring
