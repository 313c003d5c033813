// Periods of reported values: the one owner of their syntax.
//
// A year's data carries values for these periods:
//   "YYYY"      the year-end value of year YYYY, the one that is scored;
//   "YYYY-MM"   monthly monitoring, cumulative year to date, MM in 01..12;
//   "YYYY-1"    (written as that year, e.g. "2024" in 2025's data) the previous
//               year's year-end value, which methods comparing with last year
//               (水平+进位) read — only where the data format allows it.
// Nothing else: no "2025-1", no "2025-13", no "2025/01", no spaces.
//
// Guarantees: never throws; ParsePeriod accepts exactly four digits for the
// year (kMinYear..kMaxYear) and, with a month, '-' and exactly two digits.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace govperf::core {

// The years the system evaluates (four digits; the same bounds as the API's
// year in a path).
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 9999;

struct Period {
  int year = 0;
  int month = 0;  // 0: the year-end value; 1..12: monthly monitoring
  bool year_end() const { return month == 0; }
  friend auto operator<=>(const Period&, const Period&) = default;
};

// "2025" → {2025, 0}; "2025-03" → {2025, 3}; anything else → nullopt.
std::optional<Period> ParsePeriod(std::string_view text);

// The canonical text: "2025" or "2025-03".
std::string FormatPeriod(const Period& p);

// Whether a period may appear in the data of evaluation year `year`: its
// year-end or one of its months, and, when allow_previous_year_end, the year
// before's year-end value.
bool IsPeriodOfYear(const Period& p, int year, bool allow_previous_year_end);

// ParsePeriod + IsPeriodOfYear, with a message naming what is expected, e.g.
// "expected '2025' (year end), '2025-MM' (MM 01..12) or '2024' (last year's
// year end), got '2025-13'". Callers prefix the field or row.
Result<Period> ParsePeriodOfYear(std::string_view text, int year, bool allow_previous_year_end);

// ParsePeriod with a message, for readers that do not know the year yet.
Result<Period> ParsePeriodSyntax(std::string_view text);

}  // namespace govperf::core
