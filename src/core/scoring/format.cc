#include "core/scoring/format.h"

#include <charconv>
#include <cmath>
#include <string>

namespace govperf::core::scoring {

// std::to_chars: several times faster than printf, which mattered because
// every scored leaf builds its rule text (≈35 % of an evaluation with printf).
std::string Num(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4);
  std::string s(buf, ec == std::errc() ? end : buf);
  // Trim trailing zeros and a dangling point: 7.5000 → 7.5, 3.0000 → 3.
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string Pct(double share) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, share * 100.0, std::chars_format::fixed, 2);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s == "-0.00") s = "0.00";
  return s + "%";
}

}  // namespace govperf::core::scoring
