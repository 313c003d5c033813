// Numbered schema migrations of the SQLite backend.
//
// Guarantees: migrations are applied in ascending version order, each in its
// own transaction together with its schema_version row, so a database is
// always at exactly one version; re-applying is a no-op (the version row is
// checked inside the same transaction). A database whose version is newer than
// this binary knows is refused rather than silently misread.
#pragma once

#include <vector>

#include "core/status.h"

struct sqlite3;

namespace govperf::store::sqlite {

struct Migration {
  int version;
  const char* name;  // file name, e.g. "0001_init.sql"
  const char* sql;   // one or more statements
};

// All migrations, ascending by version. Generated from migrations/sqlite/*.sql
// (see src/store/CMakeLists.txt).
const std::vector<Migration>& Migrations();

class Db;
// Applies every pending migration. `now_iso` is recorded as applied_at.
Status ApplyMigrations(Db& db, const std::string& now_iso);
// Highest applied version, 0 for a fresh database.
Result<int> SchemaVersion(Db& db);

}  // namespace govperf::store::sqlite
