// The benchmark scheme: a fixed, simple scheme used to measure scoring speed
// at province and nation scale (BENCHMARKS.md), on columnar data.
//
//   score = points × clamp(actual/target, 0, 1.2)  direction  1
//   score = points × clamp(target/actual, 0, 1.2)  direction −1 (actual 0 → 1.2)
//   missing actual → 0;  total = Σ scores
//   rank in category by total desc, ties share the best rank (1, 2, 2, 4)
//   grade: excellent if rank ≤ floor(0.3 × category size) and total ≥ 90,
//          else good ≥ 80, qualified ≥ 60, else unqualified.
//
// Data is dense: values[u * M + i] for unit u and indicator i; a missing
// actual is NaN. Pure computation, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govperf::core::bench {

enum class BenchGrade : uint8_t { kExcellent, kGood, kQualified, kUnqualified };
const char* BenchGradeName(BenchGrade g);

struct BenchYear {
  std::vector<std::string> unit_ids;
  std::vector<uint32_t> unit_category;  // index into category_names
  std::vector<std::string> category_names;
  std::vector<std::string> indicator_ids;
  std::vector<double> points;
  std::vector<int8_t> direction;  // 1 or -1
  std::vector<double> target;     // U × M, row-major by unit
  std::vector<double> actual;     // U × M, NaN = not reported
  size_t units() const { return unit_ids.size(); }
  size_t indicators() const { return indicator_ids.size(); }
};

struct BenchResult {
  std::vector<double> total;  // per unit
  std::vector<uint32_t> rank;
  std::vector<BenchGrade> grade;
  // Units of each category, ordered by total desc (then unit index), for
  // re-ranking one category after a change.
  std::vector<std::vector<uint32_t>> members;
};

// One indicator's score for one value.
inline double BenchIndicatorScore(double points, int8_t direction, double target, double actual) {
  constexpr double kCap = 1.2;
  if (actual != actual) return 0.0;  // NaN: not reported
  double r;
  if (direction == 1) {
    r = actual / target;
  } else {
    r = actual == 0.0 ? kCap : target / actual;
  }
  r = r < 0.0 ? 0.0 : (r > kCap ? kCap : r);
  return points * r;
}

// Scores every unit; `threads` > 1 splits the units across threads.
BenchResult ScoreBenchmark(const BenchYear& year, int threads = 1);

// Changes one actual value and re-scores that unit and re-ranks and re-grades
// its category only. REQUIRES: result came from ScoreBenchmark(year).
void UpdateBenchmarkValue(BenchYear& year, BenchResult& result, size_t unit, size_t indicator,
                          double actual);

}  // namespace govperf::core::bench
