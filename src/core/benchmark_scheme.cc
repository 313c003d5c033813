#include "core/benchmark_scheme.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace govperf::core::bench {
namespace {

constexpr double kExcellentShare = 0.3;
constexpr double kExcellentMin = 90, kGoodMin = 80, kQualifiedMin = 60;

// The hot loop, written branch-free so that the compiler vectorises the
// per-value part (selects instead of branches; one division per value); the
// sum then runs in indicator order, so totals equal BenchIndicatorScore summed
// in order, bit for bit.
constexpr size_t kBlock = 256;

double UnitTotal(const BenchYear& y, size_t u) {
  constexpr double kCap = 1.2;
  const size_t m = y.indicators();
  const double* t = y.target.data() + u * m;
  const double* a = y.actual.data() + u * m;
  const double* p = y.points.data();
  const int8_t* d = y.direction.data();
  double sum = 0;
  double buf[kBlock];
  for (size_t lo = 0; lo < m; lo += kBlock) {
    const size_t n = std::min(kBlock, m - lo);
    for (size_t i = 0; i < n; ++i) {
      const double ai = a[lo + i], ti = t[lo + i];
      const bool up = d[lo + i] > 0;
      double r = (up ? ai : ti) / (up ? ti : ai);
      r = (!up && ai == 0.0) ? kCap : r;
      r = r > 0.0 ? r : 0.0;  // also NaN (not reported) → 0
      r = r < kCap ? r : kCap;
      buf[i] = p[lo + i] * r;
    }
    for (size_t i = 0; i < n; ++i) sum += buf[i];
  }
  return sum;
}

// Sorts one category's members and assigns ranks and grades.
void RankCategory(const BenchYear& y, BenchResult& r, std::vector<uint32_t>& members) {
  std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
    return r.total[a] != r.total[b] ? r.total[a] > r.total[b] : a < b;
  });
  const size_t quota = static_cast<size_t>(std::floor(kExcellentShare * members.size() + 1e-9));
  for (size_t i = 0; i < members.size(); ++i) {
    const uint32_t u = members[i];
    r.rank[u] = (i > 0 && r.total[u] == r.total[members[i - 1]]) ? r.rank[members[i - 1]]
                                                                 : static_cast<uint32_t>(i + 1);
    const double t = r.total[u];
    if (r.rank[u] <= quota && t >= kExcellentMin) {
      r.grade[u] = BenchGrade::kExcellent;
    } else if (t >= kGoodMin) {
      r.grade[u] = BenchGrade::kGood;
    } else if (t >= kQualifiedMin) {
      r.grade[u] = BenchGrade::kQualified;
    } else {
      r.grade[u] = BenchGrade::kUnqualified;
    }
  }
}

}  // namespace

const char* BenchGradeName(BenchGrade g) {
  switch (g) {
    case BenchGrade::kExcellent:
      return "excellent";
    case BenchGrade::kGood:
      return "good";
    case BenchGrade::kQualified:
      return "qualified";
    case BenchGrade::kUnqualified:
      return "unqualified";
  }
  return "unqualified";
}

BenchResult ScoreBenchmark(const BenchYear& y, int threads) {
  const size_t n = y.units();
  BenchResult r;
  r.total.assign(n, 0.0);
  r.rank.assign(n, 0);
  r.grade.assign(n, BenchGrade::kUnqualified);
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n / 1024) + 1));
  auto work = [&](size_t lo, size_t hi) {
    for (size_t u = lo; u < hi; ++u) r.total[u] = UnitTotal(y, u);
  };
  if (threads == 1) {
    work(0, n);
  } else {
    std::vector<std::thread> pool;
    const size_t chunk = (n + threads - 1) / threads;
    for (int t = 0; t < threads; ++t) {
      const size_t lo = std::min(n, t * chunk), hi = std::min(n, lo + chunk);
      pool.emplace_back(work, lo, hi);
    }
    for (auto& th : pool) th.join();
  }
  r.members.assign(y.category_names.size(), {});
  for (size_t u = 0; u < n; ++u) r.members[y.unit_category[u]].push_back(static_cast<uint32_t>(u));
  for (auto& m : r.members) RankCategory(y, r, m);
  return r;
}

void UpdateBenchmarkValue(BenchYear& y, BenchResult& r, size_t unit, size_t indicator,
                          double actual) {
  y.actual[unit * y.indicators() + indicator] = actual;
  r.total[unit] = UnitTotal(y, unit);
  RankCategory(y, r, r.members[y.unit_category[unit]]);
}

}  // namespace govperf::core::bench
