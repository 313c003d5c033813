#include "store/fixed_date_clock.h"

#include <gtest/gtest.h>

#include "core/monitoring/calendar.h"
#include "store/store_testing.h"

namespace govperf::store {
namespace {

// The date in China (UTC+8) of a unix time, as app::monitoring::TodayInChina computes it.
std::string ChinaDate(int64_t t) {
  return core::monitoring::FormatDate(core::monitoring::CivilFromDays((t + 8 * 3600) / 86400));
}

TEST(FixedDateClock, StartsAt0900ChinaTimeOnTheGivenDate) {
  testing::FakeClock wall(1767225600);  // 2026-01-01T00:00Z, whatever the wall says
  auto clock = FixedDateClock::Make("2026-05-20", wall);
  ASSERT_TRUE(clock.ok()) << clock.status().message();
  // 2026-05-20 00:00 China = 2026-05-19T16:00Z = 1779206400; 09:00 China = +32400.
  EXPECT_EQ((*clock)->day_start(), 1779206400);
  EXPECT_EQ((*clock)->NowUnix(), 1779206400 + 9 * 3600);
  EXPECT_EQ(ChinaDate((*clock)->NowUnix()), "2026-05-20");
}

TEST(FixedDateClock, TimeRunsWithTheWallClockButTheDateNeverMoves) {
  testing::FakeClock wall(1767225600);
  auto clock = FixedDateClock::Make("2026-05-20", wall);
  ASSERT_TRUE(clock.ok());
  const int64_t t0 = (*clock)->NowUnix();
  wall.Advance(90);
  EXPECT_EQ((*clock)->NowUnix(), t0 + 90);  // sessions and login locks still age
  wall.Advance(3 * 86400);                  // days of wall time later
  EXPECT_EQ((*clock)->NowUnix(), (*clock)->day_start() + 86399);
  EXPECT_EQ(ChinaDate((*clock)->NowUnix()), "2026-05-20");
  wall.Set(0);  // a wall clock stepping back never goes before the start
  EXPECT_EQ((*clock)->NowUnix(), t0);
}

TEST(FixedDateClock, RefusesWhatIsNotADateNamingToday) {
  for (const char* bad : {"", "2026-5-20", "2026-02-30", "20260520", "1999-12-31", "tomorrow"}) {
    auto clock = FixedDateClock::Make(bad);
    ASSERT_FALSE(clock.ok()) << bad;
    EXPECT_EQ(clock.status().code(), Code::kInvalidArgument) << bad;
    EXPECT_EQ(clock.status().field(), "today") << bad;
  }
}

}  // namespace
}  // namespace govperf::store
