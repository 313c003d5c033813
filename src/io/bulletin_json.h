// 季度通报 a quarterly bulletin (core/barometer/bulletin.h) as canonical JSON
// and back: the frozen content of an issued bulletin (store: bulletins) and
// the API's body. Canonical: object keys sorted (nlohmann's std::map), arrays
// in the bulletin's order, so equal bulletins give equal text and hash.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/barometer/bulletin.h"
#include "core/status.h"

namespace govperf::io {

nlohmann::json TallyToJson(const core::barometer::Tally& t);
nlohmann::json BulletinToJson(const core::barometer::Bulletin& b);
// The inverse; errors name the path ("content.units[3].tally").
Result<core::barometer::Bulletin> BulletinFromJson(const nlohmann::json& j);

}  // namespace govperf::io
