#include "store/sqlite/migrations.h"

#include <string>

#include "store/sqlite/db.h"

namespace govperf::store::sqlite {
namespace {

// Created outside the numbered migrations: it is what records them.
constexpr const char* kCreateSchemaVersion =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

Result<int> MaxVersion(Db& db) {
  Result<Stmt> q = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!q.ok()) return q.status();
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(q->Int(0));
}

// The marker a migration's SQL carries to run with foreign keys off.
constexpr const char* kForeignKeysOff = "-- govperf:foreign-keys-off";

}  // namespace

Result<int> SchemaVersion(Db& db) {
  GOVPERF_RETURN_IF_ERROR(db.Exec(kCreateSchemaVersion));
  return MaxVersion(db);
}

Status ApplyMigrations(Db& db, const std::string& now_iso) {
  GOVPERF_RETURN_IF_ERROR(db.Exec(kCreateSchemaVersion));
  const std::vector<Migration>& all = Migrations();
  int newest_known = all.empty() ? 0 : all.back().version;
  for (const Migration& m : all) {
    // A migration that rebuilds tables (to change a CHECK constraint) asks for
    // foreign keys off: SQLite ignores that pragma inside a transaction, so
    // it is set around it, and violations are checked before COMMIT.
    const bool fk_off = std::string(m.sql).find(kForeignKeysOff) != std::string::npos;
    if (fk_off) GOVPERF_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
    // The check is repeated inside the write transaction so that two processes
    // opening the same new file cannot both apply a migration.
    Status st = db.WriteTxn([&]() -> Status {
      Result<int> current = MaxVersion(db);
      if (!current.ok()) return current.status();
      if (*current > newest_known) {
        return Status(Code::kFailedPrecondition, "database schema version " +
                                                     std::to_string(*current) +
                                                     " is newer than this program knows (" +
                                                     std::to_string(newest_known) + ")");
      }
      if (*current >= m.version) return Status::Ok();
      if (m.version != *current + 1) {
        return Status::Internal("migration " + std::string(m.name) + " skips a version after " +
                                std::to_string(*current));
      }
      Status exec = db.Exec(m.sql);
      if (!exec.ok())
        return Status::Internal("migration " + std::string(m.name) + ": " + exec.message());
      Result<Stmt> ins =
          db.Prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)");
      if (!ins.ok()) return ins.status();
      ins->Bind(1, m.version).Bind(2, m.name).Bind(3, now_iso);
      GOVPERF_RETURN_IF_ERROR(ins->Run());
      if (fk_off) {
        Result<Stmt> check = db.Prepare("PRAGMA foreign_key_check");
        if (!check.ok()) return check.status();
        Result<bool> violation = check->Step();
        if (!violation.ok()) return violation.status();
        if (*violation) {
          return Status::Internal("migration " + std::string(m.name) +
                                  ": foreign key violation in table " + check->Text(0));
        }
      }
      return Status::Ok();
    });
    if (fk_off) {
      Status on = db.Exec("PRAGMA foreign_keys = ON");
      if (st.ok()) st = on;
    }
    GOVPERF_RETURN_IF_ERROR(st);
  }
  return Status::Ok();
}

}  // namespace govperf::store::sqlite
