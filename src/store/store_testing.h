// Test helpers for code that uses a Store: a temporary directory that removes
// itself and a settable clock. Header-only; included by *_test.cc files only.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/store.h"

namespace govperf::store::testing {

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "govperf_test_XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    path_ = made != nullptr ? made : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A clock the test moves by hand.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now = 1767225600) : now_(now) {}  // 2026-01-01T00:00:00Z
  int64_t NowUnix() const override { return now_.load(); }
  void Set(int64_t t) { now_ = t; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  std::atomic<int64_t> now_;
};

// Runs raw SQL on a database file outside the Store (for tamper tests and
// inspecting the schema). Returns the sqlite result code.
inline int RawExec(const std::string& path, const std::string& sql, std::string* error = nullptr) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open(path.c_str(), &db);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    if (err != nullptr && error != nullptr) *error = err;
    sqlite3_free(err);
  }
  sqlite3_close(db);
  return rc;
}

// First column of the first row of a query, as text ("" when no row).
inline std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    // Another connection may be committing or checkpointing (the survey
    // journal's writer thread): wait for its lock rather than read nothing.
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      if (t != nullptr) out = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace govperf::store::testing
