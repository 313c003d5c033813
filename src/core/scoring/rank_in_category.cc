// 排名计分 rank within the category.
//
// The unit's rank among the peers that reported (1 = best; ties share the best
// rank, 1,2,2,4) gives the share of points:
//   mode 0 (step):   share = 1 − step·(rank − 1)/points   (step = points lost per place)
//   mode 1 (linear): share = 1 − (1 − min_share)·(rank − 1)/(n − 1)   (n = peers; n = 1 → 1)
// and never below min_share.
#include <algorithm>
#include <cmath>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = RankInCategoryMethod();
  const int mode = static_cast<int>(Param(ind, spec, "mode"));
  const double step = Param(ind, spec, "step");
  const double min_share = Param(ind, spec, "min_share");
  if (mode != 0 && mode != 1) {
    return Status::Invalid("indicator " + ind.id + ": rank_in_category mode must be 0 or 1");
  }
  const bool higher = ind.direction == Direction::kHigherBetter;
  int better = 0;
  if (in.peer_stats != nullptr) {
    better = in.peer_stats->Better(in.actual, higher);
  } else {
    for (double p : *in.peers) {
      if (higher ? p > in.actual : p < in.actual) ++better;
    }
  }
  const int rank = better + 1;
  const int n = static_cast<int>(in.peers->size());

  double share = 1.0;
  MethodOutput out;
  if (mode == 0) {
    share = ind.points > 0 ? 1.0 - step * (rank - 1) / ind.points : 1.0;
    out.rule = "rank " + std::to_string(rank) + " of " + std::to_string(n) + ", −" + Num(step) +
               " points per place";
    out.rule_zh = "类别内排名第" + std::to_string(rank) + "/" + std::to_string(n) + "，每降一位扣" +
                  Num(step) + "分";
  } else {
    share = n <= 1 ? 1.0 : 1.0 - (1.0 - min_share) * (rank - 1) / (n - 1);
    out.rule = "rank " + std::to_string(rank) + " of " + std::to_string(n) +
               ", linear from 100% to " + Pct(min_share);
    out.rule_zh = "类别内排名第" + std::to_string(rank) + "/" + std::to_string(n) +
                  "，按名次线性计分（100%至" + Pct(min_share) + "）";
  }
  out.share = std::clamp(share, min_share, 1.0);
  out.rule += " → " + Pct(out.share);
  out.rule_zh += " → " + Pct(out.share);
  return out;
}

}  // namespace

const MethodSpec& RankInCategoryMethod() {
  static const MethodSpec kSpec = {
      "rank_in_category",
      "排名计分法",
      /*needs_target=*/false,
      {{"mode", 0.0, "0 = step (fixed points per place), 1 = linear from first to last"},
       {"step", 0.5, "points lost per rank place (step mode)"},
       {"min_share", 0.0, "lowest share of points any reporting unit gets"}},
      Score,
  };
  return kSpec;
}

}  // namespace govperf::core::scoring
