// Who reads the barometer (晴雨表): the office, leaders and the program. The
// route's permission (barometer.read) says the same; the use cases check it
// again so a CLI or a future route cannot widen it by mistake.
#pragma once

#include "app/caller.h"

namespace govperf::app::barometer {

Status CheckBarometerReader(const Caller& caller);

}  // namespace govperf::app::barometer
