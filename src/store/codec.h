// JSON renderings of store entities for the audit trail, and content hashes
// of bulk writes. Backend-independent, so every backend audits identically.
//
// Guarantees: the JSON is canonical (object keys sorted, numbers in shortest
// round-trip form), so equal content always gives equal text and hash; a
// User's password_hash never appears in any rendering.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"
#include "store/store.h"

namespace govperf::store {

const char* VetoEffectName(core::VetoEffect e);  // "cap_qualified" | "fix_lowest"
std::optional<core::VetoEffect> ParseVetoEffect(const std::string& s);

// Audit renderings (JSON text).
std::string UserAuditJson(const User& u);  // no password hash
// As above plus "password_changed", for the after-image of a user write.
std::string UserAuditJson(const User& u, bool password_changed);
std::string DatumAuditJson(const core::Datum& d);
std::string AdjustmentAuditJson(const core::Adjustment& a);
std::string YearAuditJson(const YearInfo& y);

// SHA-256 hex of the canonical JSON of the whole scheme / year data.
std::string SchemeContentHash(const core::Scheme& s);
std::string YearDataContentHash(const core::YearData& d);

// The audit summary of a bulk write: counts plus the content hash.
std::string SchemeSummaryJson(const core::Scheme& s, const std::string& content_hash);
std::string YearDataSummaryJson(const core::YearData& d, const std::string& content_hash);

}  // namespace govperf::store
