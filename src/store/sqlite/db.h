// A thin RAII layer over the SQLite C API: one connection (Db), prepared
// statements with bound parameters (Stmt), and a write-transaction helper.
//
// Guarantees: values only ever reach SQL through sqlite3_bind_* (never by
// string building); every SQLite error becomes a Status naming the statement's
// purpose; a statement is finalized when its Stmt dies.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace govperf::store::sqlite {

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Parameters are 1-based ("?" in order). A bind failure is remembered and
  // reported by the next Step()/Run().
  Stmt& Bind(int index, const std::string& value);
  Stmt& Bind(int index, const char* value) { return Bind(index, std::string(value)); }
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, bool value) { return Bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, const std::optional<double>& value);
  Stmt& BindNull(int index);
  // Bytes as a BLOB (evidence files); read back with Text(col).
  Stmt& BindBlob(int index, const std::string& bytes);

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion (for statements that return no rows).
  Status Run();
  // Makes the statement reusable with new bindings.
  void Reset();

  std::string Text(int col) const;
  int64_t Int(int col) const;
  double Real(int col) const;
  std::optional<double> OptReal(int col) const;
  bool IsNull(int col) const;

 private:
  Status Error(const char* what) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
};

class Db {
 public:
  // Opens (creating if absent) the file with WAL, foreign keys and a busy
  // timeout; `vfs` names a registered SQLite VFS (nullptr: the default), e.g.
  // WalBufferVfs() for a connection that appends much (wal_buffer_vfs.h).
  static Result<std::unique_ptr<Db>> Open(const std::string& path, const char* vfs = nullptr);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs SQL without parameters (DDL, BEGIN/COMMIT, PRAGMA); may hold several statements.
  Status Exec(const std::string& sql);
  Result<Stmt> Prepare(const std::string& sql);

  // Runs fn inside BEGIN IMMEDIATE ... COMMIT. Rolls back when fn returns a
  // non-ok Status, throws, or COMMIT fails (e.g. a deferred foreign key).
  // BEGIN IMMEDIATE takes the write lock up front so that two writers cannot
  // both read the audit chain head and then race to append.
  Status WriteTxn(const std::function<Status()>& fn);
  // Runs fn inside a deferred (read) transaction: a consistent snapshot.
  Status ReadTxn(const std::function<Status()>& fn);

  sqlite3* raw() { return db_; }

  // Write transactions committed through this connection (WriteTxn).
  uint64_t WriteCommits() const { return write_commits_.load(std::memory_order_acquire); }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  Status RunTxn(const char* begin, const std::function<Status()>& fn);
  sqlite3* db_ = nullptr;
  std::atomic<uint64_t> write_commits_{0};
};

// How long a writer waits for another connection's lock before failing.
inline constexpr int kBusyTimeoutMs = 5000;

}  // namespace govperf::store::sqlite
