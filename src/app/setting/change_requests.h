// The adjustment procedure (调整程序) after publication:
//
//   pending ──approve (admin, reason)──▶ approved  (the scheme becomes version N+1)
//      └─────reject  (admin, reason)──▶ rejected
//
// A unit asks for changes to indicators that apply to it (a target only its
// own); a lead department for the indicators it leads; the office for any.
// Kinds: target (value for one unit), points, method (method and params),
// applicability (category_ids / unit_ids). Approval applies the change to the
// scheme in force, checks it (core::ValidateScheme) and records the new
// version in the same transaction. A year that entered monitoring without a
// published version gets its scheme in force recorded as version 1 first.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::setting {

struct ChangeRequestInput {
  std::string kind;  // target | points | method | applicability
  std::string indicator_id;
  std::string unit_id;           // target: whose target
  std::optional<double> value;   // target
  std::optional<double> points;  // points
  std::optional<std::string> method;
  std::optional<std::map<std::string, double>> params;
  std::optional<std::vector<std::string>> category_ids, unit_ids;
  std::string reason;
  std::string evidence;  // 佐证说明
};
Result<store::ChangeRequest> RequestChange(store::Store& store, const Caller& caller, int year,
                                           const ChangeRequestInput& in);
// Approve (a new scheme version) or reject, with the office's reason.
Result<store::ChangeRequest> DecideChange(store::Store& store, const Caller& caller, int year,
                                          int64_t id, bool approve, const std::string& reason);
// What the caller may see: admin and leader all; a lead department its own
// requests and those on indicators it leads; a unit its own unit's.
// `awaiting_me`: the office's pending requests (others: none).
Result<std::vector<store::ChangeRequest>> ListChanges(store::Store& store, const Caller& caller,
                                                      int year, bool awaiting_me);

}  // namespace govperf::app::setting
