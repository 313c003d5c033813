#include "store/fixed_date_clock.h"

#include <algorithm>
#include <string>

#include "core/monitoring/calendar.h"

namespace govperf::store {
namespace {

constexpr int64_t kChinaOffset = 8 * 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kStartOfBusiness = 9 * 3600;  // 09:00 China time

}  // namespace

Result<std::unique_ptr<FixedDateClock>> FixedDateClock::Make(std::string_view date,
                                                             const Clock& wall) {
  const auto parsed = core::monitoring::ParseDate(date);
  if (!parsed || parsed->year < 2000 || parsed->year > 2100) {
    return Status::Invalid("today: expected a date YYYY-MM-DD between 2000 and 2100, got '" +
                           std::string(date) + "'")
        .Field("today")
        .Zh("today：应为 2000–2100 年间的日期 YYYY-MM-DD，实为“" + std::string(date) + "”");
  }
  const int64_t day_start = core::monitoring::DaysFromCivil(*parsed) * kDay - kChinaOffset;
  return std::unique_ptr<FixedDateClock>(new FixedDateClock(day_start, wall));
}

FixedDateClock::FixedDateClock(int64_t day_start, const Clock& wall)
    : day_start_(day_start), wall_(wall), wall_start_(wall.NowUnix()) {}

int64_t FixedDateClock::NowUnix() const {
  const int64_t elapsed = std::max<int64_t>(0, wall_.NowUnix() - wall_start_);
  return day_start_ + std::min(kStartOfBusiness + elapsed, kDay - 1);
}

}  // namespace govperf::store
