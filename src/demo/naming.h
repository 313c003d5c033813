// Small rules every demo generator shares: the logins it creates for a unit
// (unit_<id>, lead_<id>, lower case) and values rounded to a leaf's decimals.
#pragma once

#include <cmath>
#include <string>

namespace govperf::demo {

inline std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}
// The assessed unit's login, e.g. "unit_d01".
inline std::string UnitLogin(const std::string& unit_id) { return "unit_" + LowerAscii(unit_id); }
// The lead department's login, e.g. "lead_b03".
inline std::string LeadLogin(const std::string& unit_id) { return "lead_" + LowerAscii(unit_id); }

inline double Round(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

}  // namespace govperf::demo
