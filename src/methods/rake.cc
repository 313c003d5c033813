#include "methods/rake.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "methods/common.h"

namespace govperf::methods {
namespace {

std::string UnitField(size_t i, const std::string& rest) {
  return "units[" + std::to_string(i) + "]" + rest;
}

struct IpfState {
  bool converged = false;
  int iterations = 0;
};

// Each sweep scales every unit's weight by total/current for each variable in
// turn; stops when the largest relative change of a sweep is < epsilon.
IpfState Ipf(const std::vector<uint32_t>& codes, size_t vars, const std::vector<double>& totals,
             std::vector<double>& w, const RakeOptions& opt) {
  IpfState r;
  const size_t n = w.size(), k = totals.size();
  std::vector<double> before(n), current(k);
  for (int it = 1; it <= opt.max_iter; ++it) {
    before = w;
    for (size_t v = 0; v < vars; ++v) {
      std::fill(current.begin(), current.end(), 0.0);
      for (size_t i = 0; i < n; ++i) current[codes[i * vars + v]] += w[i];
      for (size_t i = 0; i < n; ++i) {
        const uint32_t c = codes[i * vars + v];
        w[i] *= totals[c] / current[c];
      }
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i)
      change = std::max(change, std::fabs(w[i] - before[i]) / before[i]);
    r.iterations = it;
    if (change < opt.epsilon) {
      r.converged = true;
      break;
    }
  }
  return r;
}

}  // namespace

Result<RakeWeights> RakeIndexed(const RakeIndexedInput& in, const RakeOptions& opt) {
  if (in.var_first.size() < 2 || in.var_first[0] != 0 || in.var_first.back() != in.totals.size())
    return Status::Invalid("var_first must start at 0 and end at the number of columns");
  if (!(opt.epsilon > 0) || !std::isfinite(opt.epsilon))
    return Status::Invalid("epsilon must be a number > 0");
  if (opt.max_iter < 1) return Status::Invalid("max_iter must be >= 1");
  const size_t vars = in.var_first.size() - 1, k = in.totals.size(), n = in.weights.size();
  if (n == 0) return Status::Invalid("units must not be empty");
  if (in.codes.size() != n * vars) return Status::Invalid("codes must hold vars codes per unit");
  double first_total = -1;
  for (size_t v = 0; v < vars; ++v) {
    if (in.var_first[v + 1] <= in.var_first[v])
      return Status::Invalid("variable " + std::to_string(v) + " must have at least one level");
    double sum = 0;
    for (size_t c = in.var_first[v]; c < in.var_first[v + 1]; ++c) {
      if (!std::isfinite(in.totals[c]) || !(in.totals[c] > 0))
        return Status::Invalid("totals[" + std::to_string(c) + "] must be a population total > 0");
      sum += in.totals[c];
    }
    if (first_total < 0) {
      first_total = sum;
    } else if (std::fabs(sum - first_total) > 1e-6 * std::max(sum, first_total)) {
      return Status::Invalid("margins totals mismatch: variable 0 sums to " + Num(first_total) +
                             " but variable " + std::to_string(v) + " sums to " + Num(sum));
    }
  }
  std::vector<size_t> count(k, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(in.weights[i]) || !(in.weights[i] > 0))
      return Status::Invalid(UnitField(i, ".weight") + " must be > 0");
    for (size_t v = 0; v < vars; ++v) {
      const uint32_t c = in.codes[i * vars + v];
      if (c < in.var_first[v] || c >= in.var_first[v + 1])
        return Status::Invalid(UnitField(i, ".codes[" + std::to_string(v) + "]") +
                               " is not a level of its variable");
      ++count[c];
    }
  }
  for (size_t c = 0; c < k; ++c) {
    if (count[c] == 0)
      return Status::Invalid(
          "column " + std::to_string(c) +
          " has a population total but no unit in the sample; cannot rake to it");
  }
  RakeWeights r;
  r.weights = in.weights;
  const IpfState s = Ipf(in.codes, vars, in.totals, r.weights, opt);
  r.converged = s.converged;
  r.iterations = s.iterations;
  return r;
}

Result<RakeResult> Rake(const std::vector<RakeUnit>& units, const Margins& margins,
                        const RakeOptions& opt) {
  if (units.empty()) return Status::Invalid("units must not be empty");
  if (margins.empty()) return Status::Invalid("margins must not be empty");
  if (!(opt.epsilon > 0) || !std::isfinite(opt.epsilon))
    return Status::Invalid("epsilon must be a number > 0");
  if (opt.max_iter < 1) return Status::Invalid("max_iter must be >= 1");
  const size_t n = units.size();

  // Columns of the indicator matrix: one per (variable, level).
  struct Level {
    std::string var, level;
    double total;
  };
  std::vector<Level> levels;
  std::map<std::string, std::map<std::string, size_t>> column;
  double first_total = -1;
  std::string first_var;
  for (const auto& [var, lv] : margins) {
    if (lv.empty()) return Status::Invalid("margins." + var + " must list at least one level");
    double sum = 0;
    for (const auto& [level, total] : lv) {
      if (!std::isfinite(total) || !(total > 0)) {
        return Status::Invalid("margins." + var + "." + level + " must be a population total > 0");
      }
      column[var][level] = levels.size();
      levels.push_back({var, level, total});
      sum += total;
    }
    if (first_total < 0) {
      first_total = sum;
      first_var = var;
    } else if (std::fabs(sum - first_total) > 1e-6 * std::max(sum, first_total)) {
      return Status::Invalid("margins totals mismatch: margins." + first_var + " sums to " +
                             Num(first_total) + " but margins." + var + " sums to " + Num(sum));
    }
  }
  const size_t k = levels.size();
  // unit -> column per variable, in margins order.
  std::vector<std::vector<size_t>> cols(n);
  std::vector<size_t> count(k, 0);
  size_t with_cluster = 0;
  for (size_t i = 0; i < n; ++i) {
    const RakeUnit& u = units[i];
    if (!std::isfinite(u.weight) || !(u.weight > 0))
      return Status::Invalid(UnitField(i, ".weight") + " must be > 0");
    if (u.y && !std::isfinite(*u.y))
      return Status::Invalid(UnitField(i, ".y") + " must be a finite number");
    if (u.cluster) ++with_cluster;
    for (const auto& [var, lv] : column) {
      auto it = u.cells.find(var);
      if (it == u.cells.end()) {
        return Status::Invalid(UnitField(i, ".cells") + " has no level for margin variable '" +
                               var + "'");
      }
      auto jt = lv.find(it->second);
      if (jt == lv.end()) {
        return Status::Invalid(UnitField(i, ".cells." + var) + " is '" + it->second +
                               "', a level not in margins." + var);
      }
      cols[i].push_back(jt->second);
      ++count[jt->second];
    }
  }
  for (size_t c = 0; c < k; ++c) {
    if (count[c] == 0) {
      return Status::Invalid(
          "margins." + levels[c].var + "." + levels[c].level +
          " has a population total but no unit in the sample; cannot rake to it");
    }
  }
  if (with_cluster != 0 && with_cluster != n) {
    return Status::Invalid("cluster must be given for every unit or for none (" +
                           std::to_string(with_cluster) + " of " + std::to_string(n) +
                           " units have one)");
  }

  // Iterative proportional fitting (the shared loop: RakeIndexed).
  RakeResult r;
  std::vector<double> w(n), d(n);
  for (size_t i = 0; i < n; ++i) w[i] = d[i] = units[i].weight;
  {
    const size_t vars = column.size();
    std::vector<uint32_t> codes(n * vars);
    for (size_t i = 0; i < n; ++i)
      for (size_t v = 0; v < vars; ++v) codes[i * vars + v] = static_cast<uint32_t>(cols[i][v]);
    std::vector<double> totals(k);
    for (size_t c = 0; c < k; ++c) totals[c] = levels[c].total;
    const IpfState s = Ipf(codes, vars, totals, w, opt);
    r.converged = s.converged;
    r.iterations = s.iterations;
  }
  r.weights = w;

  bool all_y = true;
  for (const RakeUnit& u : units) all_y = all_y && u.y.has_value();
  if (!all_y) return r;
  r.has_estimates = true;
  double sw = 0, swy = 0;
  for (size_t i = 0; i < n; ++i) sw += w[i], swy += w[i] * *units[i].y;
  r.total = swy;
  r.mean = swy / sw;

  // Clusters: explicit ids, or each unit its own.
  std::unordered_map<std::string, size_t> cluster_index;
  std::vector<size_t> cl(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string id = units[i].cluster ? *units[i].cluster : "#" + std::to_string(i);
    auto [pos, inserted] = cluster_index.emplace(id, cluster_index.size());
    cl[i] = pos->second;
  }
  const size_t nc = cluster_index.size();
  if (opt.population_clusters) {
    const double big_n = *opt.population_clusters;
    if (!std::isfinite(big_n) || big_n < static_cast<double>(nc)) {
      return Status::Invalid("population_clusters (" + Num(big_n) +
                             ") must be >= the number of sampled clusters (" + std::to_string(nc) +
                             ")");
    }
  }
  if (nc < 2) return r;  // no between-cluster variance to estimate

  // Weighted least squares projection with the initial weights:
  // residual e = z - X b, b = argmin sum d (z - X b)^2, X the indicators of
  // the margin levels. All indicators together are rank deficient (each
  // variable's columns sum to 1), so every variable after the first drops its
  // first level (reference coding; the column space, hence the residual, is
  // unchanged). A rank-revealing solver with an explicit threshold handles
  // any remaining collinearity in the sample (e.g. two confounded variables).
  std::vector<long> design_col(k, -1);
  Eigen::Index p = 0;
  for (size_t c = 0; c < k; ++c) {
    const bool first_level_of_var = c == 0 || levels[c - 1].var != levels[c].var;
    if (first_level_of_var && levels[c].var != levels[0].var) continue;  // reference level
    design_col[c] = p++;
  }
  Eigen::MatrixXd xs(n, p);
  xs.setZero();
  for (size_t i = 0; i < n; ++i) {
    const double sd = std::sqrt(d[i]);
    for (size_t c : cols[i])
      if (design_col[c] >= 0) xs(static_cast<Eigen::Index>(i), design_col[c]) = sd;
  }
  Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod;
  cod.setThreshold(1e-10);
  cod.compute(xs);
  auto variance = [&](const std::vector<double>& z) {
    Eigen::VectorXd zs(n);
    for (size_t i = 0; i < n; ++i) zs(static_cast<Eigen::Index>(i)) = std::sqrt(d[i]) * z[i];
    Eigen::VectorXd b = cod.solve(zs);
    Eigen::VectorXd fitted = xs * b;  // sqrt(d) * X b
    std::vector<double> t(nc, 0.0);
    for (size_t i = 0; i < n; ++i) {
      const double e = z[i] - fitted(static_cast<Eigen::Index>(i)) / std::sqrt(d[i]);
      t[cl[i]] += w[i] * e;
    }
    double mean_t = 0;
    for (double v : t) mean_t += v;
    mean_t /= static_cast<double>(nc);
    double ss = 0;
    for (double v : t) ss += (v - mean_t) * (v - mean_t);
    double var = static_cast<double>(nc) / static_cast<double>(nc - 1) * ss;
    if (opt.population_clusters) var *= 1.0 - static_cast<double>(nc) / *opt.population_clusters;
    return var;
  };
  std::vector<double> z_total(n), z_mean(n);
  for (size_t i = 0; i < n; ++i) {
    z_total[i] = *units[i].y;
    z_mean[i] = (*units[i].y - r.mean) / sw;
  }
  r.se_total = std::sqrt(std::max(0.0, variance(z_total)));
  r.se_mean = std::sqrt(std::max(0.0, variance(z_mean)));
  return r;
}

}  // namespace govperf::methods
