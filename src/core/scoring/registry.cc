#include "core/scoring/registry.h"

#include <algorithm>
#include <numeric>

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

double Param(const Indicator& ind, const MethodSpec& spec, const char* name) {
  auto it = ind.params.find(name);
  if (it != ind.params.end()) return it->second;
  for (const auto& p : spec.params) {
    if (std::string(p.name) == name) return p.default_value;
  }
  return 0;
}

}  // namespace govperf::core::scoring
