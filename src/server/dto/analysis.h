// DTOs of the analysis endpoints (docs/api.md "Analysis"): uncertainty
// intervals, what-if comparisons, indicator health and anomaly flags, with
// the names of units and indicators added from the year's view.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/analysis/health.h"
#include "core/analysis/whatif.h"
#include "methods/anomaly.h"
#include "methods/fairness.h"
#include "methods/uncertainty.h"
#include "server/year_cache.h"

namespace govperf::server::dto {

using Json = nlohmann::json;

// {total_lower, total_upper, rank_lower, rank_upper, flagged, reason, reason_zh}
Json IntervalJson(const methods::UnitUncertainty& u);
// {"year", "replicates", "level", "units": [...]}
Json UncertaintyJson(int year, int replicates, double level, const Intervals& intervals);
// Adds `interval` to every unit row of a ResultsJson document that has one.
void AddIntervals(const Intervals& intervals, Json& results);

// {"year", "indicators": [...], "categories": [...]}
Json HealthJson(const YearView& view, const core::HealthReport& report);
Json FairnessJson(const YearView& view, const methods::FairnessReport& report);

Json AnomalyFlagJson(const YearView& view, const methods::AnomalyFlag& flag);

// The what-if response: `before` is the stored year, `after` the same year
// evaluated under the changed scheme (names are taken from `after`, falling
// back to `before`).
Json WhatIfJson(const YearView& before, const YearView& after,
                const std::vector<core::UnitChange>& changes);

}  // namespace govperf::server::dto
