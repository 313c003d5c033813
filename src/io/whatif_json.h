// The JSON of a what-if comparison's changed units (core/analysis/whatif.h),
// with unit and indicator names taken from the schemes (the changed scheme
// first). One rendering for the API and `govperf whatif`.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/analysis/whatif.h"
#include "core/model.h"

namespace govperf::io {

nlohmann::json UnitChangesJson(const std::vector<core::UnitChange>& changes,
                               const core::Scheme& before, const core::Scheme& after);

}  // namespace govperf::io
