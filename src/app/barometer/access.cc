#include "app/barometer/access.h"

namespace govperf::app::barometer {

Status CheckBarometerReader(const Caller& caller) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kLeader ||
      caller.role == core::Role::kSystem) {
    return Status::Ok();
  }
  return Status::Denied("barometer: for the office and leaders").Zh("晴雨表仅供绩效办和领导查看");
}

}  // namespace govperf::app::barometer
