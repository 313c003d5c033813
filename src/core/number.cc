#include "core/number.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace govperf::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Why `text` is not in the number syntax, for the message; empty for the
// generic message. Only called once the text is known to be refused.
std::string SyntaxProblem(std::string_view text, bool integer) {
  if (text.empty()) return "empty";
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  if (space(text.front()) || space(text.back())) return "leading or trailing space";
  if (text.front() == '+') return "no '+' sign: write the number without it";
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string_view body = lower;
  if (body.starts_with('-')) body.remove_prefix(1);
  if (body.starts_with("0x") || body.starts_with("0b") || body.starts_with("0o")) {
    return "hexadecimal, binary and octal are not accepted";
  }
  if (body.starts_with("inf") || body.starts_with("nan")) return "not a finite number";
  if (body.find(',') != std::string_view::npos) {
    return "no decimal comma or thousands separator: write 1500.5";
  }
  if (integer && body.find_first_of(".e") != std::string_view::npos) return "not an integer";
  if (body.starts_with('.') || body.ends_with('.')) {
    return "write a digit on both sides of the point: 0.5, 5.0";
  }
  return "";
}

// Whether a text is in the syntax and, if not, why.
struct Checked {
  bool ok;
  std::string why;  // when !ok; may be empty for the generic message
};

Checked CheckSyntax(std::string_view text, bool integer) {
  if (text.empty()) return {false, "empty"};
  size_t i = text.front() == '-' ? 1 : 0;
  const size_t int_start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  bool ok = i > int_start;
  if (ok && !integer && i < text.size() && text[i] == '.') {
    const size_t frac_start = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    ok = i > frac_start;
  }
  if (ok && !integer && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const size_t exp_start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    ok = i > exp_start;
  }
  if (ok && i == text.size()) return {true, {}};
  return {false, SyntaxProblem(text, integer)};
}

Status SyntaxError(std::string_view text, bool integer, const std::string& why) {
  std::string m = std::string(integer ? "expected an integer" : "expected a number") + ", got " +
                  QuoteForMessage(text);
  if (!why.empty()) m += " (" + why + ")";
  return Status::Invalid(std::move(m));
}

std::string Shortest(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

}  // namespace

Result<double> ParseNumber(std::string_view text) {
  const Checked c = CheckSyntax(text, /*integer=*/false);
  if (!c.ok) return SyntaxError(text, false, c.why);
  double v = 0;
  const char* const end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v, std::chars_format::general);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(v))) {
    return SyntaxError(text, false, "out of the range of a double");
  }
  if (ec != std::errc() || ptr != end) return SyntaxError(text, false, "");
  return v == 0 ? 0.0 : v;  // no -0 in output
}

Result<double> ParseNumberIn(std::string_view text, double min, double max) {
  Result<double> v = ParseNumber(text);
  if (!v.ok()) return v;
  if (*v < min || *v > max) {
    return Status::Invalid("must be within " + Shortest(min) + ".." + Shortest(max) + ", got " +
                           QuoteForMessage(text));
  }
  return v;
}

Result<int64_t> ParseInteger(std::string_view text) {
  const Checked c = CheckSyntax(text, /*integer=*/true);
  if (!c.ok) return SyntaxError(text, true, c.why);
  int64_t v = 0;
  const char* const end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v, 10);
  if (ec == std::errc::result_out_of_range) {
    return SyntaxError(text, true, "out of the range of a 64-bit integer");
  }
  if (ec != std::errc() || ptr != end) return SyntaxError(text, true, "");
  return v;
}

Result<int64_t> ParseIntegerIn(std::string_view text, int64_t min, int64_t max) {
  Result<int64_t> v = ParseInteger(text);
  if (!v.ok()) {
    // An integer too long for 64 bits is still an integer outside the range.
    const Checked c = CheckSyntax(text, true);
    if (!c.ok) return v;
  } else if (*v >= min && *v <= max) {
    return v;
  }
  return Status::Invalid("must be an integer within " + std::to_string(min) + ".." +
                         std::to_string(max) + ", got " + QuoteForMessage(text));
}

std::string FormatFixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace govperf::core
