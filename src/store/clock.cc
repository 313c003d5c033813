#include <chrono>

#include "store/store.h"

namespace govperf::store {
namespace {

class WallClock final : public Clock {
 public:
  int64_t NowUnix() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

const Clock& SystemClock() {
  // Stateless, so one shared instance is not a singleton in the harmful sense.
  static const WallClock kClock;
  return kClock;
}

}  // namespace govperf::store
