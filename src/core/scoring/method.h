// The contract of an indicator scoring method (计分方法).
//
// A method maps one unit's reported value on one leaf indicator to a share of
// the indicator's points. Missing and declared-no-data values never reach a
// method: the evaluator handles them uniformly (see evaluate.cc), so every
// method sees a finite `actual`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace govperf::core::scoring {

struct MethodInput {
  const Indicator* indicator = nullptr;  // never null
  std::optional<double> target;          // 目标值 for this unit, if the scheme sets one
  double actual = 0;                     // the reported year-end value (finite)
  // Reported values of every unit in the same category assessed on this
  // indicator (this unit's included), for peer-relative methods.
  const std::vector<double>* peers = nullptr;  // never null
  // Last year's year-end value of this unit, and of the same peers that
  // reported one (period "YYYY-1" in the year's data), for 进位 methods.
  std::optional<double> previous;
  const std::vector<double>* previous_peers = nullptr;  // never null
  // Optional, set by the evaluator once per (category, leaf) so that a
  // peer-relative method costs O(log n) per unit instead of O(n) (a province
  // category has hundreds of units). When set they describe exactly *peers /
  // *previous_peers; methods must give the same result with or without them.
  const struct PeerStats* peer_stats = nullptr;
  const struct PeerStats* previous_peer_stats = nullptr;
};

// Summaries of a peer list, computed the way the methods compute them from
// the list itself, so that using them changes no result bit.
struct PeerStats {
  std::vector<double> sorted;  // ascending
  double sum = 0;              // std::accumulate over the list, in list order
  double min = 0;              // *std::min_element (first smallest)
  double max = 0;              // *std::max_element (first largest)
  double minmax_max = 0;       // *std::minmax_element(...).second (last largest)
  // Number of peers strictly better than v (above it when higher is better).
  int Better(double v, bool higher) const;
};
// REQUIRES: nothing; an empty list gives zeros (methods never read them then).
PeerStats MakePeerStats(const std::vector<double>& peers);

struct MethodOutput {
  // Share of the indicator's points earned: 0..cap (a cap above 1 rewards
  // over-completion, 超额完成).
  double share = 0;
  std::string rule;     // what was applied, with numbers (English)
  std::string rule_zh;  // the same in Chinese
};

using ScoreFn = Result<MethodOutput> (*)(const MethodInput& in);
// Optional extra check of an indicator's definition (e.g. a formula parses),
// run by ValidateScheme; the message is prefixed with the indicator's row.
using CheckFn = Status (*)(const Indicator& ind);

// A parameter a method reads from Indicator::params, with its default.
struct ParamSpec {
  const char* name;
  double default_value;
  const char* doc;
};

struct MethodSpec {
  const char* name;     // stable id used in schemes, e.g. "completion_ratio"
  const char* name_zh;  // 完成率法
  bool needs_target;    // InvalidArgument from ValidateScheme if a unit lacks one
  std::vector<ParamSpec> params;
  ScoreFn fn;
  CheckFn check = nullptr;
};

// Reads a parameter, falling back to the spec's default.
double Param(const Indicator& ind, const MethodSpec& spec, const char* name);

}  // namespace govperf::core::scoring
