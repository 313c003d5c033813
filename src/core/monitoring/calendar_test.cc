// The monitoring calendar: dates, working days, report periods, due dates,
// and escalation checked against the data file tests/monitoring/escalation.json.
#include "core/monitoring/calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

namespace govperf::core::monitoring {
namespace {

using nlohmann::json;

}  // namespace

// Readable failures.
void PrintTo(const Escalation& e, std::ostream* os) {
  *os << "(" << e.key << ", " << LevelName(e.level) << ", " << e.working_days << ")";
}

namespace {

Date D(const std::string& s) {
  auto d = ParseDate(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date{});
}

TEST(MonitoringCalendar, DatesParseFormatAndCount) {
  EXPECT_EQ(FormatDate(D("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ParseDate("2025-02-29"));
  EXPECT_FALSE(ParseDate("2025-13-01"));
  EXPECT_FALSE(ParseDate("2025-1-01"));
  EXPECT_FALSE(ParseDate("2025/01/01"));
  EXPECT_EQ(DaysFromCivil(D("1970-01-01")), 0);
  EXPECT_EQ(CivilFromDays(DaysFromCivil(D("2025-12-31")) + 1), D("2026-01-01"));
  EXPECT_EQ(Weekday(D("2025-10-01")), 3);  // a Wednesday
  EXPECT_EQ(Weekday(D("2025-09-28")), 7);  // a Sunday
}

TEST(MonitoringCalendar, ReportPeriodsByFrequency) {
  EXPECT_EQ(ReportPeriods(2025, Frequency::kQuarterly),
            (std::vector<std::string>{"2025-03", "2025-06", "2025-09", "2025-12"}));
  EXPECT_EQ(ReportPeriods(2025, Frequency::kHalfYearly),
            (std::vector<std::string>{"2025-06", "2025-12"}));
  EXPECT_EQ(ReportPeriods(2025, Frequency::kYearly), (std::vector<std::string>{"2025"}));
  EXPECT_EQ(ReportPeriods(2025, Frequency::kMonthly).size(), 12u);
  EXPECT_EQ(ParseFrequency("half_yearly"), Frequency::kHalfYearly);
  EXPECT_FALSE(ParseFrequency("weekly"));
  EXPECT_DOUBLE_EQ(YearElapsed(2025, D("2024-12-31")), 0);
  EXPECT_DOUBLE_EQ(YearElapsed(2025, D("2025-12-31")), 1);
  EXPECT_NEAR(YearElapsed(2025, D("2025-07-02")), 183.0 / 365.0, 1e-12);
}

TEST(MonitoringCalendar, EscalationCasesFromTheDataFile) {
  std::ifstream in(std::string(GOVPERF_SOURCE_DIR) + "/tests/monitoring/escalation.json");
  ASSERT_TRUE(in) << "tests/monitoring/escalation.json";
  const json spec = json::parse(in);
  WorkCalendar cal;
  for (const auto& d : spec["calendar"]["holidays"]) cal.overrides[D(d)] = false;
  for (const auto& d : spec["calendar"]["workdays"]) cal.overrides[D(d)] = true;
  EscalationRule rule;
  rule.reminder_working_days = spec["rule"]["reminder_working_days"];
  rule.red_after_working_days = spec["rule"]["red_after_working_days"];
  std::vector<Deadline> deadlines;
  for (const auto& d : spec["deadlines"]) {
    deadlines.push_back({d["key"], D(d["due"]), d["done"]});
  }
  ASSERT_GE(spec["cases"].size(), 5u);
  for (const auto& c : spec["cases"]) {
    SCOPED_TRACE(c["today"].get<std::string>());
    std::vector<Escalation> expected;
    for (const auto& e : c["expect"]) {
      expected.push_back({e[0], *ParseLevel(e[1].get<std::string>()), e[2]});
    }
    EXPECT_EQ(Escalate(deadlines, D(c["today"]), cal, rule), expected);
  }
  ASSERT_GE(spec["due_dates"].size(), 3u);
  for (const auto& c : spec["due_dates"]) {
    SCOPED_TRACE(c["period"].get<std::string>());
    auto p = ParsePeriod(c["period"].get<std::string>());
    ASSERT_TRUE(p);
    EXPECT_EQ(FormatDate(DueDate(*p, c["days_after"], cal)), c["due"].get<std::string>());
  }
}

}  // namespace
}  // namespace govperf::core::monitoring
