#include "core/scoring/registry.h"

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

double Param(const Indicator& ind, const MethodSpec& spec, const char* name) {
  auto it = ind.params.find(name);
  if (it != ind.params.end()) return it->second;
  for (const auto& p : spec.params) {
    if (std::string(p.name) == name) return p.default_value;
  }
  return 0;
}

}  // namespace govperf::core::scoring
