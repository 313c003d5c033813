// The audit chain's key (审计链密钥). With a plain SHA-256 chain, anyone who can
// write the database file can edit a record and recompute every later hash.
// With a keyed chain (HMAC-SHA256, store/audit_chain.h) they also need this
// key, which lives outside the database: in a file next to it
// ("<db>.audit-key"), created with owner-only permissions (0600) the first
// time the installation opens its database. Back it up with the database and
// keep it out of reach of whoever may edit the database file.
//
// File format (text, one field per line):
//   govperf-audit-key v1
//   key <64 hex digits: 32 random bytes>
//   keyed-from <record id>
// Records before `keyed-from` were written without a key (a database from
// before keyed chains, or one whose key file was lost: a new key starts at
// the next record, and that record, action "audit.rekey", says so).
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace govperf::store {

struct AuditKey {
  std::string secret;      // 32 raw bytes; empty = an unkeyed chain (tests, :memory:)
  int64_t keyed_from = 1;  // first record id hashed with the key
  std::string path;        // where it was read from or written to ("" = none)
  bool created = false;    // made by this open (not read from an existing file)

  bool Covers(int64_t record_id) const { return !secret.empty() && record_id >= keyed_from; }
};

// "<db_path>.audit-key".
std::string AuditKeyPath(const std::string& db_path);

// Reads the key file; NotFound when there is none; InvalidArgument naming
// the line when it is malformed.
Result<AuditKey> ReadAuditKey(const std::string& path);

// Writes a new random key (mode 0600, refusing to replace an existing file
// unless `replace`) keyed from `keyed_from`.
Result<AuditKey> CreateAuditKey(const std::string& path, int64_t keyed_from, bool replace = false);

}  // namespace govperf::store
