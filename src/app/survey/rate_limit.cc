#include "app/survey/rate_limit.h"

namespace govperf::app::survey {

int RateLimiter::Take(const std::string& address, int64_t now) {
  if (per_minute_ <= 0) return 0;
  const int64_t minute = now / 60;
  std::lock_guard<std::mutex> lock(mu_);
  if (minute != swept_minute_) {
    // Forget the addresses of past minutes: the map holds one minute of
    // clients, not every address ever seen.
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = it->second.minute < minute ? windows_.erase(it) : std::next(it);
    }
    swept_minute_ = minute;
  }
  Window& w = windows_[address];
  if (w.minute != minute) w = {minute, 0};
  if (w.count >= per_minute_) return static_cast<int>((minute + 1) * 60 - now);
  ++w.count;
  return 0;
}

}  // namespace govperf::app::survey
