// Publication and versions of a year's scheme (方案发布与版本).
//
// The year's scheme tables always hold the version in force; published
// versions are snapshots beside them (store: scheme_versions). Publishing in
// the setting stage records version 1 and freezes the scheme: node edits and
// target negotiation stop, and every later change is an approved adjustment
// request making version N+1 (change_requests.h). Results always evaluate the
// version in force, and each new version bumps the year's data_version, so
// results caches see it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/caller.h"
#include "core/model.h"
#include "store/store.h"

namespace govperf::app::setting {

// Publishes the scheme of a setting year as version 1. Refused (409) when it
// is already published, when a target is still open (the message lists
// them), when a budgeted node's children do not add up to its points, or
// when core::ValidateScheme fails.
Result<store::SchemeVersion> PublishScheme(store::Store& store, const Caller& caller, int year,
                                           const std::string& note);

Result<std::vector<store::SchemeVersion>> ListVersions(store::Store& store, int year);
Result<core::Scheme> LoadVersion(store::Store& store, int year, int version);

// A structured diff between two schemes: nodes added, removed and changed
// (field by field), and targets added, removed and changed.
nlohmann::json DiffSchemes(const core::Scheme& from, const core::Scheme& to);

}  // namespace govperf::app::setting
