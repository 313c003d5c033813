#include "methods/dea.h"

#include <cmath>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <limits>
#include <string>

namespace govperf::methods {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSnap = 1e-9;

// A small linear program in triplet form, handed to CLP.
struct Lp {
  std::vector<double> col_lb, col_ub, obj;
  std::vector<double> row_lb, row_ub;
  std::vector<int> ti, tj;
  std::vector<double> tv;

  int AddCol(double lb, double ub, double c) {
    col_lb.push_back(lb);
    col_ub.push_back(ub);
    obj.push_back(c);
    return static_cast<int>(obj.size()) - 1;
  }
  int AddRow(double lb, double ub) {
    row_lb.push_back(lb);
    row_ub.push_back(ub);
    return static_cast<int>(row_lb.size()) - 1;
  }
  void Set(int row, int col, double v) {
    if (v == 0) return;
    ti.push_back(row);
    tj.push_back(col);
    tv.push_back(v);
  }
  // maximize = true flips the direction. Returns the column solution.
  Result<std::vector<double>> Solve(bool maximize, const std::string& what) const {
    CoinPackedMatrix a(true, ti.data(), tj.data(), tv.data(), static_cast<CoinBigIndex>(tv.size()));
    // CoinPackedMatrix sizes itself from the largest index seen; pad to the model.
    a.setDimensions(static_cast<int>(row_lb.size()), static_cast<int>(obj.size()));
    ClpSimplex model;
    model.setLogLevel(0);
    model.loadProblem(a, col_lb.data(), col_ub.data(), obj.data(), row_lb.data(), row_ub.data());
    model.setOptimizationDirection(maximize ? -1.0 : 1.0);
    model.initialSolve();
    if (!model.isProvenOptimal()) {
      return Status::Internal("DEA: the LP solver found no optimum for " + what + " (CLP status " +
                              std::to_string(model.status()) + ")");
    }
    const double* s = model.primalColumnSolution();
    return std::vector<double>(s, s + obj.size());
  }
};

Status CheckData(const Matrix& x, const Matrix& y) {
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(x, "inputs"));
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(y, "outputs"));
  if (x.size() != y.size()) {
    return Status::Invalid("inputs and outputs must have one row per DMU: inputs has " +
                           std::to_string(x.size()) + " rows, outputs has " +
                           std::to_string(y.size()));
  }
  for (const auto* mp : {&x, &y}) {
    const Matrix& m = *mp;
    const char* field = mp == &x ? "inputs" : "outputs";
    for (size_t i = 0; i < m.size(); ++i) {
      bool positive = false;
      for (size_t j = 0; j < m[i].size(); ++j) {
        if (m[i][j] < 0) return Status::Invalid(Cell(field, i, j) + " must be >= 0");
        positive = positive || m[i][j] > 0;
      }
      if (!positive) {
        return Status::Invalid(std::string(field) + "[" + std::to_string(i) +
                               "] must have at least one value > 0");
      }
    }
  }
  return Status::Ok();
}

double Snap(double v, double to) {
  return std::fabs(v - to) <= kSnap * std::max(1.0, std::fabs(to)) ? to : v;
}

}  // namespace

Result<Returns> ParseReturns(std::string_view name) {
  if (name == "constant") return Returns::kConstant;
  if (name == "variable") return Returns::kVariable;
  return Status::Invalid("returns must be one of constant, variable; got '" + std::string(name) +
                         "'");
}

Result<Orientation> ParseOrientation(std::string_view name) {
  if (name == "input") return Orientation::kInput;
  if (name == "output") return Orientation::kOutput;
  return Status::Invalid("orientation must be one of input, output; got '" + std::string(name) +
                         "'");
}

Result<DeaResult> Dea(const Matrix& x, const Matrix& y, Returns returns, Orientation orientation) {
  GOVPERF_RETURN_IF_ERROR(CheckData(x, y));
  const int m = static_cast<int>(x.size());
  const int p = static_cast<int>(x[0].size());
  const int q = static_cast<int>(y[0].size());
  const bool input = orientation == Orientation::kInput;
  const bool vrs = returns == Returns::kVariable;
  DeaResult out;
  for (int o = 0; o < m; ++o) {
    const std::string what = "DMU " + std::to_string(o);
    // Stage 1: radial efficiency.
    Lp lp1;
    for (int j = 0; j < m; ++j) lp1.AddCol(0, kInf, 0);
    const int e = lp1.AddCol(-kInf, kInf, 1);  // theta (min) or phi (max)
    for (int i = 0; i < p; ++i) {
      const int row = lp1.AddRow(-kInf, input ? 0.0 : x[o][i]);
      for (int j = 0; j < m; ++j) lp1.Set(row, j, x[j][i]);
      if (input) lp1.Set(row, e, -x[o][i]);
    }
    for (int r = 0; r < q; ++r) {
      const int row = lp1.AddRow(input ? y[o][r] : 0.0, kInf);
      for (int j = 0; j < m; ++j) lp1.Set(row, j, y[j][r]);
      if (!input) lp1.Set(row, e, -y[o][r]);
    }
    if (vrs) {
      const int row = lp1.AddRow(1, 1);
      for (int j = 0; j < m; ++j) lp1.Set(row, j, 1);
    }
    Result<std::vector<double>> s1 = lp1.Solve(/*maximize=*/!input, what);
    if (!s1.ok()) return s1.status();
    double eff = Snap((*s1)[e], 1.0);
    if (input && eff > 1.0) eff = 1.0;  // the DMU itself is feasible with theta = 1
    if (!input && eff < 1.0) eff = 1.0;

    // Stage 2: maximise slacks at the radial optimum.
    Lp lp2;
    for (int j = 0; j < m; ++j) lp2.AddCol(0, kInf, 0);
    const int s_in = static_cast<int>(lp2.obj.size());
    for (int i = 0; i < p; ++i) lp2.AddCol(0, kInf, 1);
    const int s_out = static_cast<int>(lp2.obj.size());
    for (int r = 0; r < q; ++r) lp2.AddCol(0, kInf, 1);
    for (int i = 0; i < p; ++i) {
      const double rhs = input ? eff * x[o][i] : x[o][i];
      const int row = lp2.AddRow(rhs, rhs);
      for (int j = 0; j < m; ++j) lp2.Set(row, j, x[j][i]);
      lp2.Set(row, s_in + i, 1);
    }
    for (int r = 0; r < q; ++r) {
      const double rhs = input ? y[o][r] : eff * y[o][r];
      const int row = lp2.AddRow(rhs, rhs);
      for (int j = 0; j < m; ++j) lp2.Set(row, j, y[j][r]);
      lp2.Set(row, s_out + r, -1);
    }
    if (vrs) {
      const int row = lp2.AddRow(1, 1);
      for (int j = 0; j < m; ++j) lp2.Set(row, j, 1);
    }
    Result<std::vector<double>> s2 = lp2.Solve(/*maximize=*/true, what + " (slacks)");
    if (!s2.ok()) return s2.status();
    std::vector<double> lambda(m), sin(p), sout(q);
    for (int j = 0; j < m; ++j) lambda[j] = std::max(0.0, Snap((*s2)[j], 0.0));
    for (int i = 0; i < p; ++i) sin[i] = std::max(0.0, Snap((*s2)[s_in + i], 0.0));
    for (int r = 0; r < q; ++r) sout[r] = std::max(0.0, Snap((*s2)[s_out + r], 0.0));
    out.efficiency.push_back(eff);
    out.lambdas.push_back(std::move(lambda));
    out.input_slacks.push_back(std::move(sin));
    out.output_slacks.push_back(std::move(sout));
  }
  return out;
}

}  // namespace govperf::methods
