#include "core/period.h"

#include <cstdio>

#include "core/text.h"

namespace govperf::core {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<Period> ParsePeriod(std::string_view text) {
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  const std::string_view y = text.substr(0, 4);
  if (!Digits(y)) return std::nullopt;
  Period p{ToInt(y), 0};
  if (p.year < kMinYear || p.year > kMaxYear) return std::nullopt;
  if (text.size() == 7) {
    const std::string_view m = text.substr(5, 2);
    if (text[4] != '-' || !Digits(m)) return std::nullopt;
    p.month = ToInt(m);
    if (p.month < 1 || p.month > 12) return std::nullopt;
  }
  return p;
}

std::string FormatPeriod(const Period& p) {
  char buf[16];
  if (p.year_end()) {
    std::snprintf(buf, sizeof buf, "%04d", p.year);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.month);
  }
  return buf;
}

bool IsPeriodOfYear(const Period& p, int year, bool allow_previous_year_end) {
  if (p.year == year) return true;
  return allow_previous_year_end && p.year_end() && p.year == year - 1;
}

Result<Period> ParsePeriodOfYear(std::string_view text, int year, bool allow_previous_year_end) {
  std::optional<Period> p = ParsePeriod(text);
  if (p && IsPeriodOfYear(*p, year, allow_previous_year_end)) return *p;
  const std::string y = std::to_string(year);
  std::string expected = "expected '" + y + "' (year end)";
  if (allow_previous_year_end) {
    expected +=
        ", '" + y + "-MM' (MM 01..12) or '" + std::to_string(year - 1) + "' (last year's year end)";
  } else {
    expected += " or '" + y + "-MM' (MM 01..12)";
  }
  return Status::Invalid(expected + ", got " + QuoteForMessage(text));
}

Result<Period> ParsePeriodSyntax(std::string_view text) {
  std::optional<Period> p = ParsePeriod(text);
  if (p) return *p;
  return Status::Invalid("expected 'YYYY' (year end) or 'YYYY-MM' (MM 01..12), got " +
                         QuoteForMessage(text));
}

}  // namespace govperf::core
