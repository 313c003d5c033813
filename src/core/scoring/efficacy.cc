// 功效系数法 efficacy coefficient.
//
// score% = base + span·(x − min)/(max − min) over the values reported by the
// units of the category (lower is better: (max − x)/(max − min)); share =
// score%/100. All peers equal → base + span (every unit did equally well).
#include <algorithm>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = EfficacyMethod();
  const double base = Param(ind, spec, "base");
  const double span = Param(ind, spec, "span");
  double mn = 0, mx = 0;
  if (in.peer_stats != nullptr) {
    mn = in.peer_stats->min;
    mx = in.peer_stats->minmax_max;
  } else {
    const auto [lo, hi] = std::minmax_element(in.peers->begin(), in.peers->end());
    mn = *lo;
    mx = *hi;
  }
  double c = 1.0;
  if (mx > mn) {
    c = ind.direction == Direction::kHigherBetter ? (in.actual - mn) / (mx - mn)
                                                  : (mx - in.actual) / (mx - mn);
  }
  MethodOutput out;
  out.share = (base + span * c) / 100.0;
  out.rule = "efficacy " + Num(base) + " + " + Num(span) + "·(" + Num(in.actual) + " within [" +
             Num(mn) + ", " + Num(mx) + "]) = " + Num(base + span * c) + "%";
  out.rule_zh = "功效系数 " + Num(base) + " + " + Num(span) + "×(" + Num(in.actual) + "位于[" +
                Num(mn) + ", " + Num(mx) + "]) = " + Num(base + span * c) + "%";
  return out;
}

}  // namespace

const MethodSpec& EfficacyMethod() {
  static const MethodSpec kSpec = {
      "efficacy",
      "功效系数法",
      /*needs_target=*/false,
      {{"base", 60.0, "score% of the worst unit"}, {"span", 40.0, "score% added for the best"}},
      Score};
  return kSpec;
}

}  // namespace govperf::core::scoring
