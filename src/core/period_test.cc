#include "core/period.h"

#include <gtest/gtest.h>

namespace govperf::core {
namespace {

TEST(ParsePeriod, YearEndAndMonths) {
  EXPECT_EQ(ParsePeriod("2025"), (Period{2025, 0}));
  EXPECT_TRUE(ParsePeriod("2025")->year_end());
  EXPECT_EQ(ParsePeriod("2025-01"), (Period{2025, 1}));
  EXPECT_EQ(ParsePeriod("2025-12"), (Period{2025, 12}));
  EXPECT_EQ(ParsePeriod("1900"), (Period{1900, 0}));
  EXPECT_EQ(ParsePeriod("9999-06"), (Period{9999, 6}));
}

TEST(ParsePeriod, RefusesEverythingElse) {
  const char* hostile[] = {"",
                           "2025-xy",
                           "2025-13",
                           "2025-00",
                           "2025-1",
                           "2025-001",
                           "2025/01",
                           "2025-1a",
                           "202",
                           "20255",
                           "02025",
                           "+2025",
                           "-2025",
                           "2025 ",
                           " 2025",
                           "2025-",
                           "2025--1",
                           "0x7e9",
                           "1899",
                           "0000",
                           "2025-0x",
                           "2025-+1",
                           "2025-\x00"
                           "1",
                           "２０２５",
                           "2025.0",
                           "2025-12\n",
                           "2025-06-01",
                           "25-06",
                           "2025_06"};
  for (const char* text : hostile) {
    EXPECT_FALSE(ParsePeriod(text).has_value()) << "'" << text << "'";
  }
  EXPECT_FALSE(ParsePeriod(std::string_view("2025-0\0", 7)).has_value());
}

TEST(FormatPeriod, IsCanonical) {
  EXPECT_EQ(FormatPeriod({2025, 0}), "2025");
  EXPECT_EQ(FormatPeriod({2025, 3}), "2025-03");
  for (const char* text : {"2025", "2025-01", "2025-12"}) {
    EXPECT_EQ(FormatPeriod(*ParsePeriod(text)), text);
  }
}

TEST(IsPeriodOfYear, YearMonthsAndLastYearEnd) {
  EXPECT_TRUE(IsPeriodOfYear({2025, 0}, 2025, false));
  EXPECT_TRUE(IsPeriodOfYear({2025, 7}, 2025, false));
  EXPECT_FALSE(IsPeriodOfYear({2024, 0}, 2025, false));
  EXPECT_TRUE(IsPeriodOfYear({2024, 0}, 2025, true));
  EXPECT_FALSE(IsPeriodOfYear({2024, 12}, 2025, true));  // last year's months: not in this data
  EXPECT_FALSE(IsPeriodOfYear({2026, 0}, 2025, true));
  EXPECT_FALSE(IsPeriodOfYear({2023, 0}, 2025, true));
}

TEST(ParsePeriodOfYear, NamesWhatIsExpected) {
  EXPECT_EQ(*ParsePeriodOfYear("2025-06", 2025, false), (Period{2025, 6}));
  EXPECT_EQ(*ParsePeriodOfYear("2024", 2025, true), (Period{2024, 0}));
  EXPECT_EQ(ParsePeriodOfYear("2025-13", 2025, false).status().message(),
            "expected '2025' (year end) or '2025-MM' (MM 01..12), got '2025-13'");
  EXPECT_EQ(ParsePeriodOfYear("2024", 2025, false).status().message(),
            "expected '2025' (year end) or '2025-MM' (MM 01..12), got '2024'");
  EXPECT_EQ(ParsePeriodOfYear("2025-xy", 2025, true).status().message(),
            "expected '2025' (year end), '2025-MM' (MM 01..12) or '2024' (last year's year end), "
            "got '2025-xy'");
  EXPECT_EQ(ParsePeriodSyntax("2025-1").status().message(),
            "expected 'YYYY' (year end) or 'YYYY-MM' (MM 01..12), got '2025-1'");
}

}  // namespace
}  // namespace govperf::core
