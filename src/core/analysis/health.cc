#include "core/analysis/health.h"

#include <cmath>
#include <set>
#include <unordered_map>

namespace govperf::core {
namespace {

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return 0;  // a constant indicator correlates with nothing
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

HealthReport AnalyzeHealth(const Scheme& scheme, const YearResult& result) {
  // Shares per indicator per unit, from the scored trace.
  std::unordered_map<std::string, std::map<std::string, double>> shares;  // ind → unit → share
  for (const auto& r : result.units) {
    for (const auto& s : r.indicators) {
      if (s.status != ScoreStatus::kScored || s.points <= 0) continue;
      shares[s.indicator_id][r.unit_id] = s.earned / s.points;
    }
  }
  std::set<std::string> parents;
  for (const auto& ind : scheme.indicators) {
    if (!ind.parent_id.empty()) parents.insert(ind.parent_id);
  }
  std::vector<const Indicator*> leaves;
  for (const auto& ind : scheme.indicators) {
    if (!parents.count(ind.id)) leaves.push_back(&ind);
  }

  HealthReport report;
  for (const Indicator* ind : leaves) {
    IndicatorHealth h;
    h.indicator_id = ind->id;
    const auto& mine = shares[ind->id];
    h.units = static_cast<int>(mine.size());
    if (!mine.empty()) {
      double sum = 0, full = 0;
      for (const auto& [u, s] : mine) {
        sum += s;
        full += s >= 1.0 - 1e-9 ? 1 : 0;
      }
      h.mean_share = sum / mine.size();
      h.saturation = full / mine.size();
      double var = 0;
      for (const auto& [u, s] : mine) var += (s - h.mean_share) * (s - h.mean_share);
      h.discrimination = std::sqrt(var / mine.size());
    }
    for (const Indicator* other : leaves) {
      if (other == ind) continue;
      const auto& theirs = shares[other->id];
      std::vector<double> x, y;
      for (const auto& [u, s] : mine) {
        auto it = theirs.find(u);
        if (it == theirs.end()) continue;
        x.push_back(s);
        y.push_back(it->second);
      }
      if (static_cast<int>(x.size()) < kMinUnitsForCorrelation) continue;
      const double r = Pearson(x, y);
      if (h.most_correlated.empty() || std::fabs(r) > std::fabs(h.correlation)) {
        h.most_correlated = other->id;
        h.correlation = r;
      }
    }
    h.saturated = h.units > 0 && h.saturation >= kSaturatedShare;
    h.weak_discrimination = h.units > 1 && h.discrimination < kWeakDiscrimination;
    h.redundant = std::fabs(h.correlation) >= kRedundantCorrelation;
    report.indicators.push_back(std::move(h));
  }

  // Balance per category: mean over its units of the points shares.
  for (const auto& cat : scheme.categories) {
    CategoryBalance b;
    b.category_id = cat.id;
    int n = 0;
    std::unordered_map<std::string, const Indicator*> by_id;
    for (const Indicator* l : leaves) by_id[l->id] = l;
    for (const auto& r : result.units) {
      if (r.category_id != cat.id) continue;
      double total = 0;
      std::map<std::string, double> type, orient;
      for (const auto& s : r.indicators) {
        const Indicator* l = by_id[s.indicator_id];
        if (l == nullptr) continue;
        total += l->points;
        type[IndicatorTypeName(l->type)] += l->points;
        for (const auto& o : l->orientations) orient[o] += l->points;
      }
      if (total <= 0) continue;
      ++n;
      for (const auto& [k, v] : type) b.by_type[k] += v / total;
      for (const auto& [k, v] : orient) b.by_orientation[k] += v / total;
    }
    if (n > 0) {
      for (auto& [k, v] : b.by_type) v /= n;
      for (auto& [k, v] : b.by_orientation) v /= n;
    }
    b.process_dominated = b.by_type["process"] > kProcessShareWarning;
    report.categories.push_back(std::move(b));
  }
  return report;
}

}  // namespace govperf::core
