#include "core/feedback/report.h"

#include <cmath>
#include <cstdio>

namespace govperf::core {

std::string FormatScore(double v) {
  if (!std::isfinite(v)) return "-";
  if (v == 0) v = 0;  // no "-0.00"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  return s == "-0.00" ? "0.00" : s;
}

}  // namespace govperf::core
