// Number formatting for rule texts: shortest form that round-trips to 4
// significant decimals, so traces read "94.67%" not "94.666666666667%".
#pragma once

#include <string>

namespace govperf::core::scoring {

std::string Num(double v);      // e.g. 7.5, 0.1333
std::string Pct(double share);  // share 0.9467 → "94.67%"

}  // namespace govperf::core::scoring
