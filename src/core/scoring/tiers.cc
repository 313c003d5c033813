// 分档计分 tiered thresholds.
//
// The basis is the completion ratio actual/target (basis = 0; for lower is
// better target/actual) or the raw value (basis = 1). Tiers tier1..tier9 are
// read as (tierK_min, tierK_share) pairs, best first: the first tier whose
// threshold the basis reaches (≥ when higher is better; for raw values with
// lower is better, ≤) gives its share; none → below_share.
#include <string>
#include <utility>
#include <vector>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

constexpr int kMaxTiers = 9;

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = TiersMethod();
  const bool raw = Param(ind, spec, "basis") == 1;
  const bool higher = ind.direction == Direction::kHigherBetter;
  double basis = in.actual;
  std::string what = "value " + Num(in.actual), what_zh = "实际值" + Num(in.actual);
  if (!raw) {
    if (!in.target || *in.target <= 0) {
      return Status::Invalid("indicator " + ind.id +
                             ": tiers on completion needs a positive target");
    }
    basis = higher ? in.actual / *in.target : (in.actual <= 0 ? 1e9 : *in.target / in.actual);
    what = "completion " + Pct(basis);
    what_zh = "完成率" + Pct(basis);
  }
  MethodOutput out;
  out.share = Param(ind, spec, "below_share");
  out.rule = what + " below every tier";
  out.rule_zh = what_zh + "，未达任何档次";
  // Keys built once: formatting them per call was most of this method's cost.
  static const std::vector<std::pair<std::string, std::string>> kKeys = [] {
    std::vector<std::pair<std::string, std::string>> keys;
    for (int k = 1; k <= kMaxTiers; ++k) {
      keys.push_back({"tier" + std::to_string(k) + "_min", "tier" + std::to_string(k) + "_share"});
    }
    return keys;
  }();
  for (int k = 1; k <= kMaxTiers; ++k) {
    auto m = ind.params.find(kKeys[k - 1].first);
    auto s = ind.params.find(kKeys[k - 1].second);
    if (m == ind.params.end() || s == ind.params.end()) break;
    const bool reached = (raw && !higher) ? basis <= m->second : basis >= m->second;
    if (reached) {
      out.share = s->second;
      const std::string thr = raw ? Num(m->second) : Pct(m->second);
      out.rule = what + " reaches tier " + std::to_string(k) + " (" +
                 (raw && !higher ? "≤ " : "≥ ") + thr + ") → " + Pct(s->second);
      out.rule_zh = what_zh + "，达到第" + std::to_string(k) + "档（" +
                    (raw && !higher ? "≤" : "≥") + thr + "）→ " + Pct(s->second);
      break;
    }
  }
  return out;
}

}  // namespace

const MethodSpec& TiersMethod() {
  static const MethodSpec kSpec = [] {
    MethodSpec s{"tiers",
                 "分档计分法",
                 /*needs_target=*/false,
                 {{"basis", 0.0, "0 = completion ratio actual/target, 1 = raw value"},
                  {"below_share", 0.0, "share when no tier is reached"}},
                 Score};
    // Declared so that ValidateScheme accepts them; no default tiers.
    static const char* kNames[] = {
        "tier1_min", "tier1_share", "tier2_min", "tier2_share", "tier3_min", "tier3_share",
        "tier4_min", "tier4_share", "tier5_min", "tier5_share", "tier6_min", "tier6_share",
        "tier7_min", "tier7_share", "tier8_min", "tier8_share", "tier9_min", "tier9_share"};
    for (const char* n : kNames) s.params.push_back({n, 0.0, "tier threshold / share"});
    return s;
  }();
  return kSpec;
}

}  // namespace govperf::core::scoring
