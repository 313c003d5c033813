// Fairness view (公平性视角): how much score each unit gets from its resources.
//
// Per category, each unit is a decision-making unit whose inputs are its
// resources (YearData::inputs: budget, staff ...) and whose output is its total
// score; DEA (constant returns, input orientation, methods/dea.h) gives its
// efficiency θ ∈ (0, 1]: θ = 1 means no unit of the category reaches the same
// score with proportionally fewer resources. Shown beside the raw score, it
// separates "scored high because well resourced" from "did a lot with little".
// Input names used are those every unit of the year reports; units of a
// category with fewer than 2 such units get no efficiency (a note says why).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/status.h"

namespace govperf::methods {

struct UnitFairness {
  std::string unit_id;
  std::string category_id;
  double total = 0;
  int rank = 0;
  std::optional<double> efficiency;
  int efficiency_rank = 0;  // in category, ties share the best rank; 0 if none
  std::map<std::string, double> inputs;
  std::vector<std::string> benchmarks;  // efficient units it is compared with (λ > 0)
};

struct FairnessReport {
  std::vector<std::string> input_names;
  std::vector<UnitFairness> units;  // in the order of the result
  std::vector<std::string> notes;
  std::vector<std::string> notes_zh;
};

Result<FairnessReport> AnalyzeFairness(const core::Scheme& scheme, const core::YearData& data,
                                       const core::YearResult& result);

}  // namespace govperf::methods
