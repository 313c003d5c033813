#include "methods/uncertainty.h"

#include <cmath>
#include <random>
#include <thread>
#include <unordered_map>

#include "core/number.h"
#include "methods/bootstrap.h"

namespace govperf::methods {
namespace {

// Standard normal draws from the engine's raw bits (Box–Muller), so the same
// seed gives the same replicates on every platform (std::normal_distribution's
// algorithm is implementation-defined).
class Normal {
 public:
  explicit Normal(uint64_t seed) : rng_(seed) {}
  double Next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u1 = 0;
    while (u1 <= 0) u1 = Uniform();
    const double u2 = Uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    spare_ = r * std::sin(2.0 * M_PI * u2);
    has_spare_ = true;
    return r * std::cos(2.0 * M_PI * u2);
  }

 private:
  double Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  std::mt19937_64 rng_;
  bool has_spare_ = false;
  double spare_ = 0;
};

using core::FormatFixed;

}  // namespace

Result<std::vector<UnitUncertainty>> EstimateUncertainty(const core::Scheme& scheme,
                                                         const core::YearData& data,
                                                         const UncertaintyOptions& o) {
  if (o.replicates < 20) return Status::Invalid("replicates: at least 20");
  if (o.threads < 1) return Status::Invalid("threads: at least 1");
  if (!(o.level > 0 && o.level < 1)) return Status::Invalid("level: must be within (0, 1)");
  auto point = core::Evaluate(scheme, data, o.evaluate);
  if (!point.ok()) return point.status();

  std::unordered_map<std::string, double> error;
  for (const auto& ind : scheme.indicators) {
    if (ind.measurement_error > 0) error[ind.id] = ind.measurement_error;
  }
  const size_t n = point->units.size();
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < n; ++i) index[point->units[i].unit_id] = i;
  std::vector<std::vector<double>> totals(n), ranks(n);
  std::vector<std::map<std::string, int>> grades(n);

  // Replicate r draws from its own stream (seed, r), so the result does not
  // depend on how replicates are spread over threads.
  struct Replicate {
    std::vector<double> total;
    std::vector<int> rank;
    std::vector<std::string> grade;
  };
  std::vector<Replicate> reps(o.replicates);
  std::vector<Status> errors(o.replicates);
  auto run = [&](int r) {
    Normal normal(o.seed ^ (0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(r + 1)));
    core::YearData sample = data;
    for (size_t v = 0; v < data.values.size(); ++v) {
      const auto& d = data.values[v];
      auto e = error.find(d.indicator_id);
      if (e == error.end() || !d.value) continue;
      sample.values[v].value = *d.value * (1.0 + e->second * normal.Next());
    }
    for (const auto& [unit, s] : data.satisfaction) {
      auto se = data.satisfaction_se.find(unit);
      if (se == data.satisfaction_se.end() || se->second <= 0) continue;
      sample.satisfaction[unit] = std::clamp(s + se->second * normal.Next(), 0.0, 100.0);
    }
    auto rep = core::Evaluate(scheme, sample, o.evaluate);
    if (!rep.ok()) {
      errors[r] = rep.status();
      return;
    }
    Replicate& out = reps[r];
    out.total.resize(n);
    out.rank.resize(n);
    out.grade.resize(n);
    for (const auto& u : rep->units) {
      const size_t i = index.at(u.unit_id);
      out.total[i] = u.total;
      out.rank[i] = u.rank;
      out.grade[i] = u.grade;
    }
  };
  const int threads = std::max(1, std::min<int>(o.threads, o.replicates));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int r = t; r < o.replicates; r += threads) run(r);
    });
  }
  for (auto& th : pool) th.join();
  for (int r = 0; r < o.replicates; ++r) {
    if (!errors[r].ok()) return errors[r];
    for (size_t i = 0; i < n; ++i) {
      totals[i].push_back(reps[r].total[i]);
      ranks[i].push_back(reps[r].rank[i]);
      ++grades[i][reps[r].grade[i]];
    }
  }

  std::unordered_map<std::string, const core::Category*> cats;
  for (const auto& c : scheme.categories) cats[c.id] = &c;
  std::vector<UnitUncertainty> out;
  for (size_t i = 0; i < n; ++i) {
    const core::UnitResult& p = point->units[i];
    UnitUncertainty u;
    u.unit_id = p.unit_id;
    u.category_id = p.category_id;
    u.total = p.total;
    u.rank = p.rank;
    u.grade = p.grade;
    auto ti = PercentileInterval(totals[i], o.level);
    auto ri = PercentileInterval(ranks[i], o.level);
    if (!ti.ok()) return ti.status();
    if (!ri.ok()) return ri.status();
    u.total_lower = ti->lower;
    u.total_upper = ti->upper;
    u.rank_lower = ri->lower;
    u.rank_upper = ri->upper;
    for (const auto& [g, c] : grades[i]) u.grade_share[g] = static_cast<double>(c) / o.replicates;
    for (const auto& lv : cats.at(p.category_id)->grades) {
      if (lv.min_score > 0 && u.total_lower < lv.min_score && lv.min_score <= u.total_upper) {
        u.flagged = true;
        u.reason = "the " + lv.name_en + " threshold " + FormatFixed(lv.min_score, 0) +
                   " lies inside the interval [" + FormatFixed(u.total_lower, 2) + ", " +
                   FormatFixed(u.total_upper, 2) + "]";
        u.reason_zh = lv.name_zh + "分数线" + FormatFixed(lv.min_score, 0) + "落在区间[" +
                      FormatFixed(u.total_lower, 2) + ", " + FormatFixed(u.total_upper, 2) + "]内";
        break;
      }
    }
    const double same = u.grade_share.count(p.grade) ? u.grade_share[p.grade] : 0.0;
    if (!u.flagged && same < o.level) {
      u.flagged = true;
      u.reason = "grade differs in " + FormatFixed(100 * (1 - same), 0) + "% of replicates";
      u.reason_zh = FormatFixed(100 * (1 - same), 0) + "%的模拟中等次不同";
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace govperf::methods
