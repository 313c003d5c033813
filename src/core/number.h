// Strict, locale-independent numbers from text: CSV cells, command-line
// options, any number a user types. The one definition of what a number is,
// so that "0x10", "1,5", "inf" or "1e999" are refused everywhere with the same
// message instead of being read as 16, 1, infinity or an exception.
//
// Accepted (docs/scheme-format.md §Numbers):
//   number   -?DIGITS(.DIGITS)?([eE][+-]?DIGITS)?   e.g. 7, -0.25, 1.5e3
//   integer  -?DIGITS                               e.g. 2025, -1, 007
// Refused, each with a message that says why: an empty text, leading or
// trailing spaces, a leading '+' (one spelling per number), hexadecimal
// ("0x10"), "inf"/"nan" in any case, a decimal comma ("1,5"), a bare or
// trailing dot (".5", "5."), thousands separators, trailing characters, and a
// value that does not fit the type (a double overflowing to ±inf or
// underflowing to 0 from a non-zero text; an integer beyond the range asked).
//
// Guarantees: never throws, never reads the locale (std::from_chars), and the
// message names the offending text but not the field: callers prefix the
// field or row ("values.csv line 3 column value: ...").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace govperf::core {

// A finite double in the number syntax above.
Result<double> ParseNumber(std::string_view text);
// `v` with exactly `decimals` digits after the point ("%.*f"), for messages.
std::string FormatFixed(double v, int decimals);

// A finite double in [min, max]; the message gives the range when outside it.
Result<double> ParseNumberIn(std::string_view text, double min, double max);

// A signed 64-bit integer in the integer syntax above.
Result<int64_t> ParseInteger(std::string_view text);

// An integer in [min, max]; the message gives the range when outside it.
Result<int64_t> ParseIntegerIn(std::string_view text, int64_t min, int64_t max);

}  // namespace govperf::core
