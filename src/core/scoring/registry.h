// The one table of indicator scoring methods. Adding a method = one file that
// defines its MethodSpec + one line in registry.cc.
#pragma once

#include <string>
#include <vector>

#include "core/scoring/method.h"

namespace govperf::core::scoring {

const std::vector<MethodSpec>& Methods();
// nullptr when unknown.
const MethodSpec* FindMethod(const std::string& name);

// Each method file exposes its spec.
const MethodSpec& CompletionRatioMethod();   // completion_ratio.cc
const MethodSpec& RankInCategoryMethod();    // rank_in_category.cc
const MethodSpec& TiersMethod();             // tiers.cc
const MethodSpec& EfficacyMethod();          // efficacy.cc
const MethodSpec& DeductionMethod();         // deduction.cc
const MethodSpec& QualitativeMethod();       // qualitative.cc
const MethodSpec& GrowthMethod();            // growth.cc
const MethodSpec& LevelImprovementMethod();  // level_improvement.cc
const MethodSpec& FormulaMethod();           // formula.cc

// The longest formula text accepted (bytes), checked with the scheme.
inline constexpr size_t kMaxFormulaLength = 1000;

}  // namespace govperf::core::scoring
