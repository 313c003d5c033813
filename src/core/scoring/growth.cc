// 增速计分 growth rate against a target or against peers.
//
// The reported value is a growth rate in percent. The benchmark is the unit's
// target (against = 0) or the mean of the category's reported rates
// (against = 1). Reaching it earns full points; each percentage point short
// loses `per_point` points, never below `floor`; each point above earns
// `bonus_per_point` up to `cap`.
#include <algorithm>
#include <numeric>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = GrowthMethod();
  const bool peers = Param(ind, spec, "against") == 1;
  double bench = 0;
  if (peers) {
    const double sum = in.peer_stats != nullptr
                           ? in.peer_stats->sum
                           : std::accumulate(in.peers->begin(), in.peers->end(), 0.0);
    bench = sum / static_cast<double>(in.peers->size());
  } else {
    if (!in.target) return Status::Invalid("indicator " + ind.id + ": growth needs a target");
    bench = *in.target;
  }
  const double sign = ind.direction == Direction::kHigherBetter ? 1.0 : -1.0;
  const double gap = sign * (in.actual - bench);  // > 0: better than the benchmark
  const double per = Param(ind, spec, "per_point");
  const double bonus = Param(ind, spec, "bonus_per_point");
  double share = gap >= 0 ? 1.0 + bonus * gap / ind.points : 1.0 + per * gap / ind.points;
  share = std::clamp(share, Param(ind, spec, "floor"), Param(ind, spec, "cap"));
  MethodOutput out;
  out.share = share;
  const std::string what = peers ? "category mean " : "target ";
  const std::string what_zh = peers ? "类别平均" : "目标";
  out.rule = "growth " + Num(in.actual) + "% vs " + what + Num(bench) + "% → " + Pct(share);
  out.rule_zh = "增速" + Num(in.actual) + "%，" + what_zh + Num(bench) + "% → " + Pct(share);
  return out;
}

}  // namespace

const MethodSpec& GrowthMethod() {
  static const MethodSpec kSpec = {
      "growth",
      "增速计分法",
      /*needs_target=*/false,
      {{"against", 0.0, "0 = the unit's target, 1 = the category's mean"},
       {"per_point", 1.0, "points lost per percentage point short"},
       {"bonus_per_point", 0.0, "points earned per percentage point above"},
       {"floor", 0.0, "lowest share"},
       {"cap", 1.0, "highest share"}},
      Score};
  return kSpec;
}

}  // namespace govperf::core::scoring
