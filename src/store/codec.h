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
#include "store/password.h"
#include "store/store.h"

namespace govperf::store {

const char* VetoEffectName(core::VetoEffect e);  // "cap_qualified" | "fix_lowest"
std::optional<core::VetoEffect> ParseVetoEffect(const std::string& s);

// Audit renderings (JSON text).
std::string UserAuditJson(const User& u);  // no password hash
// As above plus "password_changed", for the after-image of a user write.
std::string UserAuditJson(const User& u, bool password_changed);
std::string DatumAuditJson(const core::Datum& d);
std::string OrgCategoryAuditJson(const OrgCategory& c);
std::string OrgUnitAuditJson(const OrgUnit& u);
std::string AdjustmentAuditJson(const core::Adjustment& a);
std::string YearAuditJson(const YearInfo& y);

// SHA-256 hex of the canonical JSON of the whole scheme / year data.
std::string SchemeContentHash(const core::Scheme& s);
// Streams the canonical text through YearDataDigest: the same hash as
// Sha256Hex(io::YearDataToJson(d).dump()), without building the document (a
// province year's is gigabytes).
std::string YearDataContentHash(const core::YearData& d);

// The content hash of a year's data, fed piecewise: the canonical JSON text of
// io::YearDataToJson (object keys sorted, no whitespace, nlohmann's shortest
// round-trip numbers and string escapes) is written into a SHA-256 stream in
// document order, so a store can hash millions of value rows as it reads them.
// Document order is the sorted key order: "adjustments", "inputs",
// "leadership", "satisfaction", "satisfaction_se", then "values". Usage:
//   YearDataDigest g;
//   g.Head(d);                   // everything but d.values
//   for (each value in order) g.Value(v);
//   std::string hash = g.Finish();
// REQUIRES: Head once, before any Value; nothing after Finish.
class YearDataDigest {
 public:
  YearDataDigest() = default;
  YearDataDigest(const YearDataDigest&) = delete;
  YearDataDigest& operator=(const YearDataDigest&) = delete;

  void Head(const core::YearData& d);
  void Value(const core::Datum& v);
  std::string Finish();

  // What the audit summary counts (YearDataSummaryJson).
  struct Counts {
    size_t values = 0, satisfaction = 0, leadership = 0, adjustments = 0, inputs = 0;
  };
  const Counts& counts() const { return counts_; }

 private:
  void Flush();
  std::string buf_;
  bool first_value_ = true;
  Counts counts_;
  Sha256 sha_;
};

// The audit summary of a bulk write: counts plus the content hash.
std::string SchemeSummaryJson(const core::Scheme& s, const std::string& content_hash);
std::string YearDataSummaryJson(const core::YearData& d, const std::string& content_hash);
std::string YearDataSummaryJson(const YearDataDigest::Counts& c, const std::string& content_hash);

// The certificate text of a publication (发布证书): canonical JSON of every
// field but results and certificate_sha256; its SHA-256 is the certificate.
// Backend-independent so that `govperf verify-result` recomputes it.
std::string CertificateText(const Publication& p);
std::string CertificateHash(const Publication& p);

}  // namespace govperf::store
