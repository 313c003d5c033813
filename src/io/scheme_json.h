// The scheme file format (方案文件) and the year-data file format, as JSON;
// documented in docs/scheme-format.md. Parsing is strict: unknown methods,
// wrong types and missing required fields are errors whose message names the
// JSON path (e.g. "indicators[3].points: expected a number"). Optional fields
// take the documented defaults.
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/result.h"
#include "core/status.h"

namespace govperf::io {

inline constexpr int kSchemeFormatVersion = 1;

Result<core::Scheme> SchemeFromJson(const nlohmann::json& j);
// One indicator as the scheme file writes it (the setting-stage fields only
// when set).
nlohmann::json IndicatorToJson(const core::Indicator& i);
nlohmann::json SchemeToJson(const core::Scheme& s);

Result<core::YearData> YearDataFromJson(const nlohmann::json& j);
nlohmann::json YearDataToJson(const core::YearData& d);

// One unit's result as JSON (numbers unrounded); with_trace adds the
// per-indicator explanation and the adjustments.
nlohmann::json UnitResultToJson(const core::UnitResult& r, bool with_trace);

// Parses text into JSON, mapping a syntax error to InvalidArgument naming `what`.
Result<nlohmann::json> ParseJson(const std::string& text, const std::string& what);

}  // namespace govperf::io
