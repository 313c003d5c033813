// 完成率法 target-completion ratio with floor and cap.
//
// share = clamp(ratio, floor, cap), where for a positive target
//   higher is better: ratio = actual / target
//   lower is better (逆向指标): ratio = target / actual; actual ≤ 0 → cap
// A zero target means "keep it at zero / at least zero": met → 1, else floor.
// A negative target (e.g. a planned decline) uses the relative distance,
//   ratio = 1 + d·(actual − target)/|target|, d = +1 higher-better, −1 lower,
// which equals actual/target for positive targets and higher-is-better.
#include <algorithm>
#include <cmath>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = CompletionRatioMethod();
  const double floor = Param(ind, spec, "floor");
  const double cap = Param(ind, spec, "cap");
  if (!in.target) {
    return Status::Invalid("indicator " + ind.id + ": completion_ratio needs a target");
  }
  const double target = *in.target;
  const double actual = in.actual;
  const bool higher = ind.direction == Direction::kHigherBetter;

  double ratio = 0;
  std::string how, how_zh;
  if (target == 0) {
    const bool met = higher ? actual >= 0 : actual <= 0;
    ratio = met ? 1.0 : floor;
    how = std::string("target 0, actual ") + Num(actual) + (met ? " meets it" : " misses it");
    how_zh = std::string("目标值0，实际值") + Num(actual) + (met ? "，达标" : "，未达标");
  } else if (target > 0 && higher) {
    // The common case, appended in place (no temporaries): it is scored for
    // most leaves of most units.
    ratio = actual / target;
    const std::string a = Num(actual), t = Num(target), p = Pct(ratio);
    how.reserve(96);
    how.append("completion ").append(a).append("/").append(t).append(" = ").append(p);
    how_zh.reserve(96);
    how_zh.append("完成率 ").append(a).append("/").append(t).append(" = ").append(p);
  } else if (target > 0) {
    ratio = actual <= 0 ? cap : target / actual;
    how = "completion (lower is better) " + Num(target) + "/" + Num(actual) + " = " + Pct(ratio);
    how_zh = "完成率(逆向) " + Num(target) + "/" + Num(actual) + " = " + Pct(ratio);
  } else {
    const double d = higher ? 1.0 : -1.0;
    ratio = 1.0 + d * (actual - target) / std::fabs(target);
    how = "completion vs negative target " + Num(target) + ": actual " + Num(actual) + " → " +
          Pct(ratio);
    how_zh = "负目标值" + Num(target) + "，实际值" + Num(actual) + " → " + Pct(ratio);
  }
  MethodOutput out;
  out.share = std::clamp(ratio, floor, cap);
  const std::string f = Pct(floor), c = Pct(cap);
  out.rule = std::move(how);
  out.rule.append(" (floor ").append(f).append(", cap ").append(c).append(")");
  out.rule_zh = std::move(how_zh);
  out.rule_zh.append("（下限").append(f).append("，上限").append(c).append("）");
  return out;
}

}  // namespace

const MethodSpec& CompletionRatioMethod() {
  static const MethodSpec kSpec = {
      "completion_ratio",
      "完成率法",
      /*needs_target=*/true,
      {{"floor", 0.0, "lowest share of points (e.g. 0.6 = at least 60 % once reported)"},
       {"cap", 1.0, "highest share (e.g. 1.2 rewards over-completion up to 120 %)"}},
      Score,
  };
  return kSpec;
}

}  // namespace govperf::core::scoring
