// 定性评价 qualitative grade chosen by the assessor.
//
// The reported value is the grade: 1 = A (好), 2 = B (较好), 3 = C (一般),
// 4 = D (差); each maps to a share of points (parameters a..d).
#include <cmath>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = QualitativeMethod();
  static const char* kKeys[] = {"a", "b", "c", "d"};
  static const char* kLetters[] = {"A", "B", "C", "D"};
  const double g = in.actual;
  if (g != std::floor(g) || g < 1 || g > 4) {
    return Status::Invalid("indicator " + ind.id +
                           ": qualitative grade must be 1 (A) .. 4 (D), got " + Num(g));
  }
  const int k = static_cast<int>(g) - 1;
  MethodOutput out;
  out.share = Param(ind, spec, kKeys[k]);
  out.rule = std::string("assessed grade ") + kLetters[k] + " → " + Pct(out.share);
  out.rule_zh = std::string("定性评价") + kLetters[k] + "档 → " + Pct(out.share);
  return out;
}

}  // namespace

const MethodSpec& QualitativeMethod() {
  static const MethodSpec kSpec = {"qualitative",
                                   "定性评价法",
                                   /*needs_target=*/false,
                                   {{"a", 1.0, "share for A"},
                                    {"b", 0.85, "share for B"},
                                    {"c", 0.7, "share for C"},
                                    {"d", 0.5, "share for D"}},
                                   Score};
  return kSpec;
}

}  // namespace govperf::core::scoring
