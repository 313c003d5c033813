// Deterministic random numbers for the demo city.
//
// Guarantees: the same (seed, tag) gives the same sequence on every platform
// and standard library. std::mt19937_64's raw output is specified by the
// standard, but std::uniform_real_distribution / std::normal_distribution are
// not, so the distributions here are written out by hand. Each value is drawn
// from its own stream named by a tag (e.g. "value/2025/1.1.1/D01"), so adding
// or reordering generation steps does not shift unrelated numbers.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string_view>

namespace govperf::demo {

// SplitMix64 finaliser: spreads a 64-bit value over all bits.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a 64 of a tag.
inline uint64_t HashTag(std::string_view tag) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : tag) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

class Rng {
 public:
  Rng(uint64_t seed, std::string_view tag) : engine_(Mix64(seed ^ Mix64(HashTag(tag)))) {}

  // Uniform in [0, 1): the top 53 bits of one engine output.
  double Uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform01(); }
  // Uniform integer in [0, n); n > 0. The tiny modulo bias of a double is
  // irrelevant for picking demo units.
  int Index(int n) { return static_cast<int>(Uniform01() * n); }
  // Normal by Box–Muller (one of the pair; no state carried between calls).
  double Normal(double mean, double sd) {
    constexpr double kTwoPi = 6.283185307179586;
    double u1 = 1.0 - Uniform01();  // (0, 1]: log is finite
    double u2 = Uniform01();
    return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace govperf::demo
