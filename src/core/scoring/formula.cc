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
#include <memory>
#include <numeric>
#include <unordered_map>

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

// A parser bound to its variables, per (formula, parameter names). Parsing
// costs about a hundred evaluations, and a province year evaluates each formula
// for hundreds of units: without the cache, formula leaves were most of an
// evaluation. Per thread because a muParser instance is not thread-safe;
// bounded so that a long-running server cannot grow it without limit.
struct Compiled {
  mu::Parser parser;
  Vars vars;
};

Result<Compiled*> CompiledFor(const Indicator& ind) {
  constexpr size_t kMaxCached = 256;
  thread_local std::unordered_map<std::string, std::unique_ptr<Compiled>> cache;
  std::string key = ind.formula;
  for (const auto& [name, value] : ind.params) {
    key += '\0';
    key += name;
  }
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (cache.size() >= kMaxCached) cache.clear();
    auto c = std::make_unique<Compiled>();
    GOVPERF_RETURN_IF_ERROR(Bind(c->parser, c->vars, ind));
    it = cache.emplace(std::move(key), std::move(c)).first;
  }
  Compiled* c = it->second.get();
  // Same names, so the same order: only the values may differ between
  // indicators that share a formula.
  auto src = ind.params.begin();
  for (auto& [name, value] : c->vars.params) value = (src++)->second;
  return c;
}

Result<MethodOutput> Score(const MethodInput& in) {
  const Indicator& ind = *in.indicator;
  const MethodSpec& spec = FormulaMethod();
  Result<Compiled*> compiled = CompiledFor(ind);
  if (!compiled.ok()) return compiled.status();
  mu::Parser& parser = (*compiled)->parser;
  Vars& v = (*compiled)->vars;
  v.x = in.actual;
  v.t = in.target.value_or(kNaN);
  v.p = ind.points;
  v.n = static_cast<double>(in.peers->size());
  v.mean = v.min = v.max = kNaN;
  if (!in.peers->empty()) {
    if (in.peer_stats != nullptr) {
      v.mean = in.peer_stats->sum / in.peers->size();
      v.min = in.peer_stats->min;
      v.max = in.peer_stats->max;
    } else {
      v.mean = std::accumulate(in.peers->begin(), in.peers->end(), 0.0) / in.peers->size();
      v.min = *std::min_element(in.peers->begin(), in.peers->end());
      v.max = *std::max_element(in.peers->begin(), in.peers->end());
    }
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
