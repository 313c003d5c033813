// Per-address rate limits of the public survey routes (submissions, device
// tokens): at most N per address per minute (fixed one-minute windows: cheap,
// and a flood is cut within the minute it starts). 0 = off, for load tests
// and installations behind a trusted proxy (every client then has the
// proxy's address).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace govperf::app::survey {

class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // 0 when `address` may go on (and it is counted), else the seconds until
  // its window ends (the Retry-After). `now_seconds`: any monotonic clock.
  int Take(const std::string& address, int64_t now_seconds);
  int per_minute() const { return per_minute_; }

 private:
  struct Window {
    int64_t minute = 0;
    int count = 0;
  };
  const int per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
  int64_t swept_minute_ = 0;
};

}  // namespace govperf::app::survey
