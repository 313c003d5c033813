#include "store/sqlite/db.h"

#include <exception>
#include <mutex>
#include <utility>

namespace govperf::store::sqlite {

Stmt::~Stmt() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Stmt::Stmt(Stmt&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bind_error_(other.bind_error_) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

Stmt& Stmt::Bind(int index, const std::string& value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Stmt& Stmt::BindBlob(int index, const std::string& bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Status Stmt::Error(const char* what) const {
  std::string sql = stmt_ != nullptr ? sqlite3_sql(stmt_) : "";
  if (sql.size() > 80) sql = sql.substr(0, 80) + "...";
  return Status::Internal(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db_) + " [" + sql +
                          "]");
}

Result<bool> Stmt::Step() {
  if (bind_error_ != SQLITE_OK) {
    return Status::Internal(std::string("sqlite bind: ") + sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error("step");
}

Status Stmt::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!*r) return Status::Ok();
  }
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::optional<double> Stmt::OptReal(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Real(col);
}

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, const char* vfs) {
  // SQLite counts every allocation for sqlite3_memory_used() under one global
  // mutex; nothing here reads the counts, and under survey collection that
  // mutex was contended by every thread (docs/design/store.md). Must precede
  // SQLite's initialisation (the first open); a later call is refused, which
  // is harmless.
  static std::once_flag no_memstatus;
  std::call_once(no_memstatus, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  // FULLMUTEX: the connection may be used from several threads; the store
  // additionally serialises its own multi-statement operations.
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, vfs);
  if (rc != SQLITE_OK) {
    std::string msg = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status::Internal("cannot open database '" + path + "': " + msg);
  }
  std::unique_ptr<Db> db(new Db(raw));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // WAL: readers never block the writer and a crash mid-write leaves the last
  // committed state. foreign_keys is per connection and off by default.
  // cache_size (KiB when negative): survey collection looks up a code and a
  // key per response in tables of millions of rows; with SQLite's default
  // 2 MiB cache nearly every lookup was a pread system call
  // (docs/design/store.md). No mmap: the file grows under collection and
  // SQLite remaps it at the start of each transaction after a growth, which
  // cost more than the reads it saved.
  Status st = db->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
      "PRAGMA cache_size=-32768;");
  if (!st.ok())
    return Status::Internal("cannot configure database '" + path + "': " + st.message());
  return db;
}

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::Internal("sqlite exec: " + msg);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Internal(std::string("sqlite prepare: ") + sqlite3_errmsg(db_) + " [" + sql +
                            "]");
  }
  return Stmt(db_, stmt);
}

Status Db::RunTxn(const char* begin, const std::function<Status()>& fn) {
  GOVPERF_RETURN_IF_ERROR(Exec(begin));
  Status st;
  try {
    st = fn();
  } catch (const std::exception& e) {
    st = Status::Internal(std::string("exception in transaction: ") + e.what());
  } catch (...) {
    st = Status::Internal("unknown exception in transaction");
  }
  if (st.ok()) {
    st = Exec("COMMIT");
    if (st.ok()) return st;
  }
  // A failed COMMIT may already have rolled back; ROLLBACK then reports "no
  // transaction is active", which is harmless, so its result is ignored.
  (void)Exec("ROLLBACK");
  return st;
}

Status Db::WriteTxn(const std::function<Status()>& fn) {
  Status st = RunTxn("BEGIN IMMEDIATE", fn);
  // Counted after the commit, so a reader that sees the new count also sees
  // the committed rows.
  if (st.ok()) write_commits_.fetch_add(1, std::memory_order_release);
  return st;
}
Status Db::ReadTxn(const std::function<Status()>& fn) { return RunTxn("BEGIN", fn); }

}  // namespace govperf::store::sqlite
