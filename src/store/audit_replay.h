// Replaying the audit log against the stored rows (审计回放). The chain proves
// that the log was not edited; it says nothing of a row changed behind the
// store's back (an UPDATE on the database file). Each audited write records
// the row's state after it, so the last record for a row is the state the
// row must still have: the replay reads the log in order, keeps that last
// audited state per row, and compares it with the row as stored now.
//
// Rows replayed: users (role, unit, active, name, login lock), years (stage,
// publication time), the organisation registry (units, categories), single
// values (datum.put), satisfaction and leadership scores (scores.put), and the
// scheme's content hash (scheme.save / scheme.version, while no node edit
// followed). Not replayed: values, scores and items written in bulk by
// year_data.save (the record carries only a hash of the whole year) — a
// later bulk save replaces earlier single-row expectations of that year.
// Backend-neutral: it reads through the Store's reader interfaces only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace govperf::store {

struct ReplayDifference {
  int64_t record_id = 0;  // the last audit record of the row
  std::string entity;     // e.g. "user:lead_b03", "datum:2025/1.1/D01/2025"
  std::string field;      // e.g. "role"; "" when the row itself is missing
  std::string audited;    // the value as audited (JSON text)
  std::string current;    // the value stored now (JSON text; "(absent)")
};

struct ReplayReport {
  int64_t records = 0;  // audit records read
  int64_t rows = 0;     // rows compared
  std::vector<ReplayDifference> differences;
};

Result<ReplayReport> ReplayAudit(Store& store);

}  // namespace govperf::store
