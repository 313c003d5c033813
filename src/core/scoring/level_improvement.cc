// 水平+进位 level plus improvement.
//
// share = w·level + (1 − w)·improvement, where
//   level       = linear rank share among this year's peers (rank 1 → 1,
//                 last → min_share), as rank_in_category mode 1;
//   improvement = clamp(0.5 + step·(places gained), 0, 1) with places gained =
//                 last year's rank among last year's peers − this year's rank
//                 (0.5 = held its place). Without last year's value the
//                 improvement part is neutral (0.5) and the rule says so.
// Ranks: 1 = best, ties share the best rank, direction-aware.
#include <algorithm>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

int RankOf(double v, const std::vector<double>& peers, const PeerStats* stats, bool higher) {
  if (stats != nullptr) return stats->Better(v, higher) + 1;
  int better = 0;
  for (double p : peers) better += higher ? p > v : p < v;
  return better + 1;
}

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = LevelImprovementMethod();
  const double w = Param(ind, spec, "level_weight");
  const double step = Param(ind, spec, "step");
  const double min_share = Param(ind, spec, "min_share");
  if (w < 0 || w > 1) {
    return Status::Invalid("indicator " + ind.id + ": level_weight must be within 0..1");
  }
  const bool higher = ind.direction == Direction::kHigherBetter;
  const int n = static_cast<int>(in.peers->size());
  const int rank = RankOf(in.actual, *in.peers, in.peer_stats, higher);
  const double level = n <= 1 ? 1.0 : 1.0 - (1.0 - min_share) * (rank - 1) / (n - 1);
  double improvement = 0.5;
  std::string imp, imp_zh;
  if (in.previous) {
    const int before = RankOf(*in.previous, *in.previous_peers, in.previous_peer_stats, higher);
    const int gained = before - rank;
    improvement = std::clamp(0.5 + step * gained, 0.0, 1.0);
    imp = "rank " + std::to_string(before) + " → " + std::to_string(rank) + " (" +
          (gained >= 0 ? "+" : "") + std::to_string(gained) + ") → " + Pct(improvement);
    imp_zh = "名次" + std::to_string(before) + "→" + std::to_string(rank) + "（" +
             (gained >= 0 ? "进" : "退") + std::to_string(gained >= 0 ? gained : -gained) +
             "位）→ " + Pct(improvement);
  } else {
    imp = "no value last year → neutral 50%";
    imp_zh = "上年无数据 → 按50%计";
  }
  MethodOutput out;
  out.share = w * level + (1 - w) * improvement;
  out.rule = "level: rank " + std::to_string(rank) + " of " + std::to_string(n) + " → " +
             Pct(level) + " × " + Pct(w) + "; improvement: " + imp + " × " + Pct(1 - w) + " = " +
             Pct(out.share);
  out.rule_zh = "水平：排名" + std::to_string(rank) + "/" + std::to_string(n) + " → " + Pct(level) +
                "×" + Pct(w) + "；进位：" + imp_zh + "×" + Pct(1 - w) + " = " + Pct(out.share);
  return out;
}

}  // namespace

const MethodSpec& LevelImprovementMethod() {
  static const MethodSpec kSpec = {
      "level_improvement",
      "水平+进位法",
      /*needs_target=*/false,
      {{"level_weight", 0.7, "weight of the level part (the rest rewards improvement)"},
       {"step", 0.25, "improvement share per rank place gained (0.5 = held its place)"},
       {"min_share", 0.4, "level share of the last-ranked unit"}},
      Score};
  return kSpec;
}

}  // namespace govperf::core::scoring
