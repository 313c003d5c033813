// 公式计分 a formula for the long tail (muParser).
//
// Indicator::formula is an expression giving the share of points earned, with
// variables: x (actual), t (target, NaN when none), p (points), n (peers that
// reported), mean/min/max (of the peers), prev (last year's value, NaN when
// none), and every parameter in Indicator::params by name. The share is
// clamped to [floor, cap] (params, defaults 0 and 1). A non-finite result is
// an error naming the indicator — muParser returns inf on division by zero.
// Example: "min(x / t, 1.2)" or "x >= t ? 1 : 0.6 + 0.4 * x / t".
#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core::scoring {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Variables bound by address: muParser keeps pointers, so they live in one
// struct whose lifetime covers the evaluation.
struct Vars {
  double x = 0, t = kNaN, p = 0, n = 0, mean = kNaN, min = kNaN, max = kNaN, prev = kNaN;
  std::map<std::string, double> params;
};

Status Bind(mu::Parser& parser, Vars& v, const Indicator& ind) {
  try {
    parser.DefineVar("x", &v.x);
    parser.DefineVar("t", &v.t);
    parser.DefineVar("p", &v.p);
    parser.DefineVar("n", &v.n);
    parser.DefineVar("mean", &v.mean);
    parser.DefineVar("min", &v.min);
    parser.DefineVar("max", &v.max);
    parser.DefineVar("prev", &v.prev);
    v.params = ind.params;
    for (auto& [name, value] : v.params) {
      if (name == "floor" || name == "cap") continue;
      parser.DefineVar(name, &value);
    }
    parser.SetExpr(ind.formula);
  } catch (const mu::Parser::exception_type& e) {
    return Status::Invalid("formula '" + ind.formula + "': " + e.GetMsg());
  }
  return Status::Ok();
}

Status Check(const Indicator& ind) {
  if (ind.formula.empty()) return Status::Invalid("method formula needs a formula");
  // A scoring rule fits on a line; a longer text is a mistake or an attack on
  // the parser (docs/scoring.md).
  if (ind.formula.size() > kMaxFormulaLength) {
    return Status::Invalid("formula: " + std::to_string(ind.formula.size()) +
                           " characters, at most " + std::to_string(kMaxFormulaLength));
  }
  mu::Parser parser;
  Vars v;
  GOVPERF_RETURN_IF_ERROR(Bind(parser, v, ind));
  try {
    parser.Eval();  // parses; the value with placeholder inputs is irrelevant
  } catch (const mu::Parser::exception_type& e) {
    return Status::Invalid("formula '" + ind.formula + "': " + e.GetMsg());
  }
  return Status::Ok();
}

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = FormulaMethod();
  mu::Parser parser;
  Vars v;
  GOVPERF_RETURN_IF_ERROR(Bind(parser, v, ind));
  v.x = in.actual;
  v.t = in.target.value_or(kNaN);
  v.p = ind.points;
  v.n = static_cast<double>(in.peers->size());
  if (!in.peers->empty()) {
    v.mean = std::accumulate(in.peers->begin(), in.peers->end(), 0.0) / in.peers->size();
    v.min = *std::min_element(in.peers->begin(), in.peers->end());
    v.max = *std::max_element(in.peers->begin(), in.peers->end());
  }
  v.prev = in.previous.value_or(kNaN);
  double share = 0;
  try {
    share = parser.Eval();
  } catch (const mu::Parser::exception_type& e) {
    return Status::Invalid("indicator " + ind.id + ": formula: " + e.GetMsg());
  }
  if (!std::isfinite(share)) {
    return Status::Invalid("indicator " + ind.id + ": formula '" + ind.formula +
                           "' gives a non-finite value for x = " + Num(in.actual));
  }
  MethodOutput out;
  out.share = std::clamp(share, Param(ind, spec, "floor"), Param(ind, spec, "cap"));
  out.rule = "formula " + ind.formula + " with x = " + Num(in.actual) +
             (in.target ? ", t = " + Num(*in.target) : "") + " → " + Pct(out.share);
  out.rule_zh = "公式 " + ind.formula + "，x = " + Num(in.actual) +
                (in.target ? "，t = " + Num(*in.target) : "") + " → " + Pct(out.share);
  return out;
}

}  // namespace

const MethodSpec& FormulaMethod() {
  static const MethodSpec kSpec = {"formula",
                                   "公式计分法",
                                   /*needs_target=*/false,
                                   {{"floor", 0.0, "lowest share"}, {"cap", 1.0, "highest share"}},
                                   Score,
                                   Check};
  return kSpec;
}

}  // namespace govperf::core::scoring
