// A year's evaluated results as canonical JSON and back: the publication
// snapshot (发布快照). Canonical means equal results always give equal text:
// object keys sorted, numbers in nlohmann's shortest round-trip form (so a
// double reads back bit-identical), arrays in the engine's order (category,
// rank, unit id; leaves in scheme order).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "core/status.h"

namespace govperf::io {

// {"engine_version", "units": [UnitResultToJson(r, with_trace = true) …], "year"}.
nlohmann::json ResultsSnapshotJson(const core::YearResult& r, const std::string& engine_version);
std::string ResultsSnapshotText(const core::YearResult& r, const std::string& engine_version);
// The inverse (the derived "lost" of each leaf is ignored); errors name the path.
Result<core::YearResult> ResultsFromSnapshot(const nlohmann::json& j);
Result<core::UnitResult> UnitResultFromJson(const nlohmann::json& j, const std::string& where);

}  // namespace govperf::io
