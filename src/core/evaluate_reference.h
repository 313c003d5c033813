// The straightforward evaluator: the same results as core::Evaluate, computed
// the plain way (string-keyed lookups per datum, peers re-read per unit, every
// method called afresh). It is the executable specification the optimised and
// incremental evaluators are tested against (src/demo/evaluator_test.cc, on generated province
// years), and the baseline of the engine benchmark. Not for production use: it grows with units ×
// leaves × peers.
#pragma once

#include "core/evaluate.h"

namespace govperf::core {

// REQUIRES: ValidateScheme(scheme).ok() — checked.
Result<YearResult> ReferenceEvaluate(const Scheme& scheme, const YearData& data,
                                     const EvaluateOptions& options = {});

}  // namespace govperf::core
