#include "core/scoring/format.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace govperf::core::scoring {

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  // Trim trailing zeros and a dangling point: 7.5000 → 7.5, 3.0000 → 3.
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string Pct(double share) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f%%", share * 100.0);
  return buf;
}

}  // namespace govperf::core::scoring
