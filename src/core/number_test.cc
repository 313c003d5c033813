#include "core/number.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <limits>

#include "core/text.h"

namespace govperf::core {
namespace {

TEST(ParseNumber, AcceptsPlainDecimals) {
  const std::pair<const char*, double> cases[] = {
      {"0", 0},
      {"7", 7},
      {"-3", -3},
      {"7.5", 7.5},
      {"-0.25", -0.25},
      {"1.5e3", 1500},
      {"1E-2", 0.01},
      {"2e+2", 200},
      {"007", 7},
      {"-0", 0},
      {"1e308", 1e308},
      {"5e-324", 5e-324},
      {"123456789012345678901234567890", 1.2345678901234568e29}};
  for (const auto& [text, want] : cases) {
    Result<double> v = ParseNumber(text);
    ASSERT_TRUE(v.ok()) << text << ": " << v.status().message();
    EXPECT_EQ(*v, want) << text;
  }
  EXPECT_FALSE(std::signbit(*ParseNumber("-0")));
}

TEST(ParseNumber, RefusesEverythingElse) {
  const char* hostile[] = {
      "",        " ",     " 1",    "1 ",    "1\r",  "\t1", "+1",    "0x10",   "0X1p3",    "-0x1",
      "0b101",   "0o17",  "inf",   "-inf",  "INF",  "nan", "NaN",   "nan(1)", "infinity", "1,5",
      "1,000.5", ".5",    "5.",    "-.5",   "-",    ".",   "e5",    "1e",     "1e+",      "1e-",
      "1e5.5",   "1.2.3", "1..2",  "--1",   "-+1",  "1-",  "12abc", "abc",    "1e999",    "-1e999",
      "1e-400",  "１",    "1_000", "1'000", "\x00", "0x",  "1.5f",  "1d",     "١"};
  for (const char* text : hostile) {
    Result<double> v = ParseNumber(text);
    EXPECT_FALSE(v.ok()) << "'" << text << "' was read as " << (v.ok() ? *v : 0);
    if (!v.ok()) {
      EXPECT_EQ(v.status().code(), Code::kInvalidArgument);
    }
  }
  // An embedded NUL does not end the text.
  EXPECT_FALSE(ParseNumber(std::string_view("1\0"
                                            "2",
                                            3))
                   .ok());
}

TEST(ParseNumber, MessagesSayWhy) {
  EXPECT_EQ(ParseNumber("seven").status().message(), "expected a number, got 'seven'");
  EXPECT_EQ(ParseNumber("0x10").status().message(),
            "expected a number, got '0x10' (hexadecimal, binary and octal are not accepted)");
  EXPECT_EQ(ParseNumber("1,5").status().message(),
            "expected a number, got '1,5' (no decimal comma or thousands separator: write "
            "1500.5)");
  EXPECT_EQ(ParseNumber("1e999").status().message(),
            "expected a number, got '1e999' (out of the range of a double)");
  EXPECT_EQ(ParseNumber("").status().message(), "expected a number, got '' (empty)");
  EXPECT_EQ(ParseNumber("nan").status().message(),
            "expected a number, got 'nan' (not a finite number)");
  EXPECT_EQ(ParseNumber("+1").status().message(),
            "expected a number, got '+1' (no '+' sign: write the number without it)");
}

TEST(ParseNumber, IgnoresTheLocale) {
  // A locale with a decimal comma must not change what "1.5" means.
  const char* old = std::setlocale(LC_NUMERIC, nullptr);
  const std::string saved = old ? old : "C";
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr) {
    EXPECT_EQ(*ParseNumber("1.5"), 1.5);
    EXPECT_FALSE(ParseNumber("1,5").ok());
  }
  std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST(ParseNumberIn, ChecksTheRange) {
  EXPECT_EQ(*ParseNumberIn("0.5", 0, 1), 0.5);
  EXPECT_EQ(ParseNumberIn("1.5", 0, 1).status().message(), "must be within 0..1, got '1.5'");
  EXPECT_FALSE(ParseNumberIn("x", 0, 1).ok());
}

TEST(ParseInteger, AcceptsDecimalIntegers) {
  EXPECT_EQ(*ParseInteger("2025"), 2025);
  EXPECT_EQ(*ParseInteger("-1"), -1);
  EXPECT_EQ(*ParseInteger("007"), 7);
  EXPECT_EQ(*ParseInteger("9223372036854775807"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(*ParseInteger("-9223372036854775808"), std::numeric_limits<int64_t>::min());
}

TEST(ParseInteger, RefusesEverythingElse) {
  const char* hostile[] = {"",
                           "+5",
                           "0x7e9",
                           "0x10",
                           "2025.0",
                           "2e3",
                           "1,000",
                           " 1",
                           "1 ",
                           "-",
                           "--1",
                           "inf",
                           "nan",
                           "12a",
                           "9223372036854775808",
                           "-9223372036854775809",
                           "99999999999999999999",
                           "٢٠٢٥",
                           "1.",
                           ".1"};
  for (const char* text : hostile) {
    Result<int64_t> v = ParseInteger(text);
    EXPECT_FALSE(v.ok()) << "'" << text << "' was read as " << (v.ok() ? *v : 0);
  }
  EXPECT_EQ(ParseInteger("2025.0").status().message(),
            "expected an integer, got '2025.0' (not an integer)");
  EXPECT_EQ(ParseInteger("99999999999999999999").status().message(),
            "expected an integer, got '99999999999999999999' (out of the range of a 64-bit "
            "integer)");
}

TEST(ParseIntegerIn, ChecksTheRange) {
  EXPECT_EQ(*ParseIntegerIn("2025", 1900, 9999), 2025);
  EXPECT_EQ(ParseIntegerIn("99999999999", 1900, 9999).status().message(),
            "must be an integer within 1900..9999, got '99999999999'");
  EXPECT_EQ(ParseIntegerIn("99999999999999999999999", 1900, 9999).status().message(),
            "must be an integer within 1900..9999, got '99999999999999999999999'");
  EXPECT_EQ(ParseIntegerIn("0x7e9", 1900, 9999).status().message(),
            "expected an integer, got '0x7e9' (hexadecimal, binary and octal are not accepted)");
  EXPECT_FALSE(ParseIntegerIn("0", 1, 10).ok());
  EXPECT_FALSE(ParseIntegerIn("-5", 1, 10).ok());
}

TEST(Text, FindsInvalidUtf8) {
  EXPECT_EQ(FirstInvalidUtf8("plain"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("区县 D01"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("\xF0\x9F\x98\x80"), std::string_view::npos);  // U+1F600
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("a\xC0\x80"), 1u);         // overlong NUL
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);      // surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("\xE5\x8C"), 0u);          // truncated
  EXPECT_EQ(FirstInvalidUtf8("\xB0\xB2"), 0u);          // GBK bytes
}

TEST(Text, QuotesSafely) {
  EXPECT_EQ(QuoteForMessage("abc"), "'abc'");
  EXPECT_EQ(QuoteForMessage("a\nb\xFF"), "'a\\x0Ab\\xFF'");
  EXPECT_EQ(QuoteForMessage(std::string(100, 'x')), "'" + std::string(40, 'x') + "...'");
  EXPECT_EQ(FirstInvalidUtf8(QuoteForMessage(std::string(39, 'x') + "区")), std::string_view::npos);
}

}  // namespace
}  // namespace govperf::core
