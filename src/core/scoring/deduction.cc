// 扣分制 deduction per occurrence from full points.
//
// The reported value is a count of occurrences (accidents, open audit
// findings ...): share = max(floor, 1 − per·count/points). Counts are never
// negative; a negative count is an input error.
#include <algorithm>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = DeductionMethod();
  if (in.actual < 0) {
    return Status::Invalid("indicator " + ind.id + ": deduction count must not be negative");
  }
  const double per = Param(ind, spec, "per");
  const double floor = Param(ind, spec, "floor");
  MethodOutput out;
  out.share = std::max(floor, 1.0 - per * in.actual / ind.points);
  out.rule = Num(in.actual) + " occurrence(s) × −" + Num(per) + " points (floor " + Pct(floor) +
             ") → " + Pct(out.share);
  out.rule_zh =
      Num(in.actual) + "次 × 扣" + Num(per) + "分（下限" + Pct(floor) + "）→ " + Pct(out.share);
  return out;
}

}  // namespace

const MethodSpec& DeductionMethod() {
  static const MethodSpec kSpec = {
      "deduction",
      "扣分法",
      /*needs_target=*/false,
      {{"per", 1.0, "points deducted per occurrence"}, {"floor", 0.0, "lowest share"}},
      Score};
  return kSpec;
}

}  // namespace govperf::core::scoring
