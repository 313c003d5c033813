// Scheme changes for what-if runs (情景模拟, docs/api.md "POST /whatif"): a
// small list of edits applied in order to a copy of a year's scheme.
//
//   {"op": "weights", "category_id", "indicator", "satisfaction", "leadership"}
//   {"op": "points",  "indicator_id", "points"}
//   {"op": "method",  "indicator_id", "method", "params"?}   params replace the old ones
//   {"op": "grade",   "category_id", "code", "min_score"?, "max_share"?}  max_share null: no quota
//   {"op": "caps",    "category_id", "bonus_cap"?, "deduction_cap"?}
//
// Guarantees:
//  1. Pure: the input scheme is taken by value; nothing else is touched.
//  2. Strict: an unknown op, an unknown key in a change, an unknown category,
//     indicator (or a non-leaf for points/method), grade code or method, a
//     method parameter the method does not have, a wrong type or a bad number
//     is InvalidArgument whose message starts with the offending field,
//     "changes[i].field: ..." (FieldOfMessage() extracts it).
//  3. The scheme is validated (core::ValidateScheme) after every change, so a
//     change that breaks it (grade levels out of order, a method that needs a
//     target the scheme lacks) is named: "changes[i].field: <validation message>",
//     or "changes[i]: ..." when no single field of the change is to blame
//     (weights not summing to 1 names "changes[i]").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/model.h"
#include "core/status.h"

namespace govperf::io {

// REQUIRES: nothing (a scheme that fails validation before any change is
// reported as "changes: the scheme itself is invalid: ...").
Result<core::Scheme> ApplySchemeChanges(core::Scheme scheme, const nlohmann::json& changes);

// The field a "field: message" error names: the text before the first ": ",
// without a trailing " (id)" row label, e.g. "indicators[7] (1.2.3): unknown
// parent_id" → "indicators[7]". Empty when the message has no such prefix.
std::string FieldOfMessage(const std::string& message);

}  // namespace govperf::io
