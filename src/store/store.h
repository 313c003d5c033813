// The store: the only way the server and CLI read or write persistent state.
//
// Guarantees:
//  1. Every write runs inside one transaction: it is applied whole or not at all.
//  2. Every write appends one audit record (who, when, what, before, after) in
//     the same transaction; each record's hash covers its content and the
//     previous record's hash, so editing or deleting a record breaks the chain
//     and VerifyAudit() reports where.
//  3. Reads never write.
// Backends: sqlite/ (embedded default, WAL). PostgreSQL comes later behind the
// same interface; SQL is kept portable (no SQLite-only syntax in queries that
// the PostgreSQL backend will need).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"

namespace govperf::store {

// Roles; the permission table lives in the server (policy as data).
inline constexpr const char* kRoleAdmin = "admin";    // 绩效办
inline constexpr const char* kRoleUnit = "unit";      // 评估对象
inline constexpr const char* kRoleLead = "lead";      // 牵头考核单位
inline constexpr const char* kRoleLeader = "leader";  // 领导

struct User {
  std::string username;
  std::string display_name;
  std::string role;           // one of kRole*
  std::string unit_id;        // the unit a unit/lead user belongs to; empty for admin/leader
  std::string password_hash;  // argon2id string (libsodium crypto_pwhash_str)
  bool active = true;
};

struct Session {
  std::string token_hash;  // SHA-256 hex of the bearer token; the token itself is never stored
  std::string username;
  int64_t created_at = 0;  // unix seconds
  int64_t expires_at = 0;  // unix seconds
};

// 年度 status: draft → in_progress (monitoring) → published (results public).
struct YearInfo {
  int year = 0;
  std::string status;        // "draft" | "in_progress" | "published"
  std::string published_at;  // ISO 8601 UTC, empty unless published
};

struct AuditRecord {
  int64_t id = 0;
  std::string at;      // ISO 8601 UTC
  std::string actor;   // username, or "system"
  std::string action;  // e.g. "datum.put", "scheme.save", "user.put", "login"
  std::string entity;  // e.g. "datum:2025/1.1.1/D01/2025"
  std::string before;  // JSON text, empty when created
  std::string after;   // JSON text, empty when deleted
  std::string prev_hash;
  std::string hash;  // SHA-256 hex over (prev_hash, at, actor, action, entity, before, after)
};

struct AuditVerification {
  bool ok = true;
  int64_t records = 0;
  int64_t first_bad_id = 0;  // 0 when ok
  std::string message;
};

// Who is writing; recorded in the audit trail.
struct Actor {
  std::string username;  // "system" for generators and migrations
};

// Injected time source, so tests control expiry and audit timestamps.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowUnix() const = 0;
};
// The wall clock.
const Clock& SystemClock();

class Store {
 public:
  virtual ~Store() = default;

  // Users and sessions (登录).
  virtual Result<std::optional<User>> FindUser(const std::string& username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Status PutUser(const Actor& actor, const User& user) = 0;  // insert or update
  virtual Status CreateSession(const Actor& actor, const Session& session) = 0;
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const Actor& actor, const std::string& token_hash) = 0;

  // Years.
  virtual Result<std::vector<YearInfo>> ListYears() = 0;  // ascending by year
  virtual Status PutYear(const Actor& actor, const YearInfo& year) = 0;

  // The year's scheme, whole. SaveScheme replaces it (one audit record with a
  // summary and content hash); NotFound when the year has no scheme.
  virtual Result<core::Scheme> LoadScheme(int year) = 0;
  virtual Status SaveScheme(const Actor& actor, const core::Scheme& scheme) = 0;

  // The year's observations. SaveYearData replaces them all (bulk import,
  // demo generation; one audit record). PutDatum inserts or updates one value
  // with its own audit record holding before and after.
  virtual Result<core::YearData> LoadYearData(int year) = 0;
  virtual Status SaveYearData(const Actor& actor, int year, const core::YearData& data) = 0;
  virtual Status PutDatum(const Actor& actor, int year, const core::Datum& datum) = 0;

  // Audit trail, oldest first, ids > after_id.
  virtual Result<std::vector<AuditRecord>> ListAudit(int64_t after_id, int limit) = 0;
  virtual Result<AuditVerification> VerifyAudit() = 0;
};

// Opens (creating if absent) a SQLite database file in WAL mode and applies any
// pending numbered migrations.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const Clock& clock = SystemClock());

}  // namespace govperf::store
