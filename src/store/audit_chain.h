// The audit chain's hash formula, shared by every backend so that a chain
// written by one verifies in another.
//
//   hash = SHA-256 hex of  "govperf-audit-v1\n" ‖ F(prev_hash) ‖ F(at) ‖ F(actor)
//                           ‖ F(action) ‖ F(entity) ‖ F(before) ‖ F(after)
//   F(s) = decimal byte length of s ‖ ":" ‖ s ‖ "\n"
//
// The length prefix makes the concatenation unambiguous: no two different
// field tuples produce the same byte string (a plain separator could be
// forged by moving it into a field). The first record's prev_hash is 64 "0".
//
// A keyed chain (store/audit_key.h) hashes records from the key's
// `keyed_from` on as
//   hash = hex HMAC-SHA256(key, "govperf-audit-v2\n" ‖ the same fields)
// so that editing a record and recomputing the later hashes needs the key,
// which is not in the database.
#pragma once

#include <cstdint>
#include <string>

#include "store/audit_key.h"
#include "store/store.h"

namespace govperf::store {

inline const std::string kGenesisHash(64, '0');

// The canonical byte string the hash covers (exposed for tests and the docs).
std::string AuditCanonical(const AuditRecord& r);
// Sha256Hex(AuditCanonical(r)); r.hash and r.id are not covered.
std::string AuditHash(const AuditRecord& r);
// The hash record r must carry under `key`: keyed (v2) when key.Covers(r.id),
// else AuditHash(r).
std::string AuditHash(const AuditRecord& r, const struct AuditKey& key);

// "2026-03-01T08:00:00Z" for a unix time (UTC, seconds).
std::string FormatIsoUtc(int64_t unix_seconds);

}  // namespace govperf::store
