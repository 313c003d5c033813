#include "methods/survey_aggregate.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>

#include "methods/bootstrap.h"
#include "methods/common.h"

namespace govperf::methods {
namespace survey_aggregate_detail {

// splitmix64: a fast, well-mixed generator; one state word per cell, so a
// cell's stream depends only on (seed, cell) — never on which thread runs it.
struct SplitMix {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// Lemire's nearly divisionless unbiased draw in [0, n) from a 32-bit random.
struct Bounded {
  SplitMix rng;
  uint64_t spare = 0;
  bool has_spare = false;
  uint32_t Bits() {
    if (has_spare) {
      has_spare = false;
      return static_cast<uint32_t>(spare >> 32);
    }
    spare = rng.Next();
    has_spare = true;
    return static_cast<uint32_t>(spare);
  }
  uint32_t Below(uint32_t n) {
    uint64_t m = static_cast<uint64_t>(Bits()) * n;
    uint32_t l = static_cast<uint32_t>(m);
    if (l < n) {
      const uint32_t t = static_cast<uint32_t>(-n) % n;
      while (l < t) {
        m = static_cast<uint64_t>(Bits()) * n;
        l = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }
};

struct PointWeight {
  double p, w;
};

void AddWarning(std::vector<std::string>& ws, const std::string& w) {
  if (std::find(ws.begin(), ws.end(), w) == ws.end()) ws.push_back(w);
}

// SE (R − 1 divisor) and percentile interval of replicate values.
void Summarise(const std::vector<double>& reps, double level, AggregateEstimate& e) {
  const size_t r = reps.size();
  double mean = 0;
  for (double v : reps) mean += v;
  mean /= static_cast<double>(r);
  double ss = 0;
  for (double v : reps) ss += (v - mean) * (v - mean);
  e.se = r > 1 ? std::sqrt(ss / static_cast<double>(r - 1)) : 0.0;
  auto iv = PercentileInterval(reps, level);
  if (iv.ok()) {
    e.ci_low = iv->lower;
    e.ci_high = iv->upper;
  }
}

// Rakes group g's respondents; writes their weights. See guarantee 1.
AggregateGroupRake RakeGroup(const AggregateInput& in, const std::vector<size_t>& members,
                             const AggregateGroup& group, const RakeOptions& opt,
                             std::vector<double>& weights) {
  AggregateGroupRake g;
  g.respondents = static_cast<int64_t>(members.size());
  for (size_t i : members) weights[i] = 1;
  if (group.margins.empty() || members.empty()) return g;

  // Margin variable → its index among the respondents' cells (-1: nobody has it).
  std::vector<int> var_index;
  std::vector<std::string> var_names;
  std::vector<std::vector<std::pair<std::string, double>>> levels;  // per margin variable
  double common_sum = -1;
  for (const auto& [var, lv] : group.margins) {
    auto it = std::find(in.variables.begin(), in.variables.end(), var);
    var_index.push_back(it == in.variables.end() ? -1
                                                 : static_cast<int>(it - in.variables.begin()));
    levels.emplace_back(lv.begin(), lv.end());
    var_names.push_back(var);
    if (common_sum < 0) {
      common_sum = 0;
      for (const auto& [l, t] : lv) common_sum += t;
    }
  }
  const size_t vars = levels.size();
  // Codes of the raked respondents; level lookups by name per variable.
  std::vector<std::map<std::string, uint32_t>> level_of(vars);
  for (size_t v = 0; v < vars; ++v)
    for (size_t l = 0; l < levels[v].size(); ++l) level_of[v][levels[v][l].first] = l;
  std::vector<size_t> raked;
  std::vector<uint32_t> local;  // level index within the variable
  raked.reserve(members.size());
  local.reserve(members.size() * vars);
  std::vector<uint32_t> code(vars);
  for (size_t i : members) {
    bool ok = true;
    for (size_t v = 0; v < vars && ok; ++v) {
      if (var_index[v] < 0) {
        ok = false;
        break;
      }
      const std::string& level = in.respondents[i].cells[static_cast<size_t>(var_index[v])];
      auto it = level_of[v].find(level);
      if (level.empty() || it == level_of[v].end()) {
        ok = false;
      } else {
        code[v] = it->second;
      }
    }
    if (!ok) {
      ++g.unraked_cells;
      continue;
    }
    raked.push_back(i);
    local.insert(local.end(), code.begin(), code.end());
  }
  if (raked.empty()) {
    g.error = "no respondent has a level for every margin variable";
    return g;
  }
  // Drop the levels nobody holds; rescale the variable's others to the common sum.
  RakeIndexedInput rin;
  rin.var_first.push_back(0);
  std::vector<std::vector<int64_t>> column(vars);  // level → column (-1 dropped)
  for (size_t v = 0; v < vars; ++v) {
    std::vector<int64_t> count(levels[v].size(), 0);
    for (size_t r = 0; r < raked.size(); ++r) ++count[local[r * vars + v]];
    double kept = 0;
    for (size_t l = 0; l < levels[v].size(); ++l) {
      if (count[l] > 0) {
        kept += levels[v][l].second;
      } else {
        g.empty_levels.push_back(var_names[v] + "." + levels[v][l].first);
      }
    }
    column[v].assign(levels[v].size(), -1);
    for (size_t l = 0; l < levels[v].size(); ++l) {
      if (count[l] == 0) continue;
      column[v][l] = static_cast<int64_t>(rin.totals.size());
      rin.totals.push_back(levels[v][l].second * common_sum / kept);
    }
    rin.var_first.push_back(rin.totals.size());
  }
  rin.codes.resize(raked.size() * vars);
  for (size_t r = 0; r < raked.size(); ++r)
    for (size_t v = 0; v < vars; ++v)
      rin.codes[r * vars + v] = static_cast<uint32_t>(column[v][local[r * vars + v]]);
  rin.weights.assign(raked.size(), 1.0);
  auto rr = RakeIndexed(rin, opt);
  if (!rr.ok()) {
    g.error = rr.status().message();
    return g;
  }
  g.raked = true;
  g.converged = rr->converged;
  g.iterations = rr->iterations;
  double sum = 0;
  for (size_t r = 0; r < raked.size(); ++r) {
    weights[raked[r]] = rr->weights[r];
    sum += rr->weights[r];
  }
  if (g.unraked_cells > 0) {
    const double mean = sum / static_cast<double>(raked.size());
    // `raked` is a subsequence of `members`, in the same order.
    size_t r = 0;
    for (size_t i : members) {
      if (r < raked.size() && raked[r] == i) {
        ++r;
      } else {
        weights[i] = mean;
      }
    }
  }
  return g;
}

}  // namespace survey_aggregate_detail
using namespace survey_aggregate_detail;

Result<AggregateResult> AggregateSurvey(const AggregateInput& in, const AggregateOptions& opt) {
  if (opt.replicates < 20 || opt.replicates > 100000)
    return Status::Invalid("replicates must be 20..100000").Field("replicates");
  if (!(opt.confidence > 0 && opt.confidence < 1))
    return Status::Invalid("confidence must be in (0, 1)").Field("confidence");
  if (opt.threads < 1 || opt.threads > 64)
    return Status::Invalid("threads must be 1..64").Field("threads");
  if (opt.min_sample < 0) return Status::Invalid("min_sample must be >= 0").Field("min_sample");
  const size_t G = in.groups.size(), U = in.units.size(), V = in.variables.size();
  if (G == 0) return Status::Invalid("groups must not be empty").Field("groups");
  for (size_t g = 0; g < G; ++g) {
    if (!std::isfinite(in.groups[g].weight) || !(in.groups[g].weight > 0)) {
      return Status::Invalid("groups[" + std::to_string(g) + "].weight must be > 0")
          .Field("groups[" + std::to_string(g) + "].weight");
    }
  }
  const size_t N = in.respondents.size();
  std::vector<std::vector<size_t>> members(G);
  for (size_t i = 0; i < N; ++i) {
    const AggregateRespondent& r = in.respondents[i];
    const std::string at = "respondents[" + std::to_string(i) + "]";
    if (r.group < 0 || static_cast<size_t>(r.group) >= G)
      return Status::Invalid(at + ".group is not a group index").Field(at + ".group");
    if (r.cells.size() != V)
      return Status::Invalid(at + ".cells must have one level per variable").Field(at + ".cells");
    for (const UnitAnswer& a : r.answers) {
      if (a.unit < 0 || static_cast<size_t>(a.unit) >= U)
        return Status::Invalid(at + ".answers: unit is not a unit index").Field(at + ".answers");
      if (a.points && !std::isfinite(*a.points))
        return Status::Invalid(at + ".answers: points must be finite").Field(at + ".answers");
    }
    members[static_cast<size_t>(r.group)].push_back(i);
  }

  AggregateResult out;
  out.weights.assign(N, 1.0);
  // Groups rake independently (disjoint respondents, disjoint weights): in parallel.
  out.groups.resize(G);
  {
    std::atomic<size_t> next_group{0};
    auto rake = [&] {
      for (size_t g; (g = next_group.fetch_add(1)) < G;)
        out.groups[g] = RakeGroup(in, members[g], in.groups[g], opt.rake, out.weights);
    };
    const int threads = std::min<int>(opt.threads, static_cast<int>(G));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(rake);
    rake();
    for (auto& t : pool) t.join();
  }

  // Cells unit × group (index u * G + g): contiguous (points, weight) arrays.
  const size_t C = U * G;
  std::vector<size_t> first(C + 1, 0);
  std::vector<int64_t> dk(C, 0);
  for (const AggregateRespondent& r : in.respondents) {
    for (const UnitAnswer& a : r.answers) {
      const size_t c = static_cast<size_t>(a.unit) * G + static_cast<size_t>(r.group);
      if (a.points) {
        ++first[c + 1];
      } else if (a.dont_know > 0) {
        ++dk[c];
      }
    }
  }
  for (size_t c = 0; c < C; ++c) first[c + 1] += first[c];
  std::vector<PointWeight> pw(first[C]);
  {
    std::vector<size_t> next(first.begin(), first.end() - 1);
    for (size_t i = 0; i < N; ++i) {
      const AggregateRespondent& r = in.respondents[i];
      for (const UnitAnswer& a : r.answers) {
        if (!a.points) continue;
        const size_t c = static_cast<size_t>(a.unit) * G + static_cast<size_t>(r.group);
        pw[next[c]++] = {*a.points, out.weights[i]};
      }
    }
  }

  // Bootstrap every non-empty cell: rep[c * R + r].
  const size_t R = static_cast<size_t>(opt.replicates);
  std::vector<size_t> active;
  for (size_t c = 0; c < C; ++c)
    if (first[c + 1] > first[c]) active.push_back(c);
  std::vector<double> rep(C * R, 0.0);
  // Big cells first, so the threads finish together.
  std::vector<size_t> order = active;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const size_t na = first[a + 1] - first[a], nb = first[b + 1] - first[b];
    return na != nb ? na > nb : a < b;
  });
  std::atomic<size_t> cursor{0};
  auto work = [&] {
    for (;;) {
      const size_t k = cursor.fetch_add(1);
      if (k >= order.size()) return;
      const size_t c = order[k];
      const PointWeight* cell = pw.data() + first[c];
      const uint32_t n = static_cast<uint32_t>(first[c + 1] - first[c]);
      SplitMix seeder{opt.seed ^ (0xd1b54a32d192ed03ULL * (c + 1))};
      Bounded draw{SplitMix{seeder.Next()}};
      double* out_rep = rep.data() + c * R;
      for (size_t r = 0; r < R; ++r) {
        double sw = 0, swp = 0;
        for (uint32_t j = 0; j < n; ++j) {
          const PointWeight& x = cell[draw.Below(n)];
          sw += x.w;
          swp += x.w * x.p;
        }
        out_rep[r] = swp / sw;
      }
    }
  };
  {
    const int threads =
        std::min<int>(opt.threads, static_cast<int>(std::max<size_t>(1, order.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }

  // Cells.
  std::vector<std::string> group_warning(G);
  for (size_t g = 0; g < G; ++g)
    if (out.groups[g].raked && !out.groups[g].converged) group_warning[g] = "rake_not_converged";
  std::vector<double> reps(R);
  for (size_t u = 0; u < U; ++u) {
    for (size_t g = 0; g < G; ++g) {
      const size_t c = u * G + g;
      const size_t n = first[c + 1] - first[c];
      if (n == 0 && dk[c] == 0) continue;
      AggregateCell cell;
      cell.unit = static_cast<int32_t>(u);
      cell.group = static_cast<int32_t>(g);
      AggregateEstimate& e = cell.estimate;
      e.n = static_cast<int64_t>(n);
      e.n_dont_know = dk[c];
      if (n == 0) {
        AddWarning(e.warnings, "no_answers");
      } else {
        double sw = 0, swp = 0;
        for (size_t j = first[c]; j < first[c + 1]; ++j) sw += pw[j].w, swp += pw[j].w * pw[j].p;
        e.score = swp / sw;
        reps.assign(rep.begin() + static_cast<long>(c * R),
                    rep.begin() + static_cast<long>((c + 1) * R));
        Summarise(reps, opt.confidence, e);
        if (static_cast<int64_t>(n) < opt.min_sample) AddWarning(e.warnings, "small_sample");
        if (!group_warning[g].empty()) AddWarning(e.warnings, group_warning[g]);
      }
      out.cells.push_back(std::move(cell));
    }
  }

  // Units: the groups with answers, weights renormalised; replicates combined.
  out.units.resize(U);
  size_t ci = 0;
  for (size_t u = 0; u < U; ++u) {
    AggregateEstimate& e = out.units[u];
    double wsum = 0, score = 0;
    std::fill(reps.begin(), reps.end(), 0.0);
    for (; ci < out.cells.size() && out.cells[ci].unit == static_cast<int32_t>(u); ++ci) {
      const AggregateEstimate& ce = out.cells[ci].estimate;
      const size_t g = static_cast<size_t>(out.cells[ci].group);
      e.n += ce.n;
      e.n_dont_know += ce.n_dont_know;
      for (const std::string& w : ce.warnings)
        if (w != "no_answers") AddWarning(e.warnings, w);
      if (!ce.score) continue;
      const double W = in.groups[g].weight;
      wsum += W;
      score += W * *ce.score;
      const double* cr = rep.data() + (u * G + g) * R;
      for (size_t r = 0; r < R; ++r) reps[r] += W * cr[r];
    }
    if (wsum == 0) {
      AddWarning(e.warnings, "no_answers");
      continue;
    }
    e.score = score / wsum;
    for (double& v : reps) v /= wsum;
    Summarise(reps, opt.confidence, e);
  }
  return out;
}

}  // namespace govperf::methods
