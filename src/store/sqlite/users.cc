// Users, sessions and login-throttling state.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

User ReadUser(const Stmt& q) {
  User u;
  u.username = q.Text(0);
  u.display_name = q.Text(1);
  // The table's CHECK constraint admits only user roles.
  u.role = core::ParseRole(q.Text(2)).value_or(core::Role::kUnit);
  u.unit_id = q.Text(3);
  u.password_hash = q.Text(4);
  u.active = q.Int(5) != 0;
  u.failed_logins = static_cast<int>(q.Int(6));
  u.locked_until = q.Int(7);
  u.lock_level = static_cast<int>(q.Int(8));
  return u;
}

constexpr const char* kUserColumns =
    "SELECT username, display_name, role, unit_id, password_hash, active, failed_logins, "
    "locked_until, lock_level FROM users";

}  // namespace

Result<std::optional<User>> SqliteStore::FindUserLocked(const std::string& username) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string(kUserColumns) + " WHERE username = ?"));
  q.Bind(1, username);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<User>();
  return std::optional<User>(ReadUser(q));
}

Result<std::optional<User>> SqliteStore::FindUser(const std::string& username) {
  std::lock_guard<std::mutex> lock(mu_);
  return FindUserLocked(username);
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<User> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string(kUserColumns) + " ORDER BY username"));
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(ReadUser(q));
  }
  return out;
}

Status SqliteStore::PutUserTx(const Actor& actor, const User& user) {
  if (user.username.empty()) return Status::Invalid("username: empty");
  if (!core::IsUserRole(user.role)) {
    return Status::Invalid(std::string("role: not a user role: ") + core::RoleName(user.role));
  }
  if (user.password_hash.empty()) return Status::Invalid("password_hash: empty");
  if (core::RoleNeedsUnit(user.role) && user.unit_id.empty()) {
    return Status::Invalid(std::string("unit_id: required for role ") + core::RoleName(user.role));
  }
  {
    Result<std::optional<User>> old = FindUserLocked(user.username);
    if (!old.ok()) return old.status();
    GOVPERF_ASSIGN_STMT(
        up,
        db_->Prepare("INSERT INTO users (username, display_name, role, unit_id, "
                     "password_hash, active) VALUES (?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, "
                     "role = excluded.role, unit_id = excluded.unit_id, "
                     "password_hash = excluded.password_hash, active = excluded.active"));
    up.Bind(1, user.username)
        .Bind(2, user.display_name)
        .Bind(3, core::RoleName(user.role))
        .Bind(4, user.unit_id);
    up.Bind(5, user.password_hash).Bind(6, user.active);
    GOVPERF_RETURN_IF_ERROR(up.Run());
    const bool changed = !old->has_value() || (*old)->password_hash != user.password_hash;
    // The audit shows *that* a password changed, never the hash itself.
    return AppendAudit(actor, "user.put", "user:" + user.username,
                       old->has_value() ? UserAuditJson(**old) : "", UserAuditJson(user, changed));
  }
}

// ------------------------------------------------------------- sessions ----

Status SqliteStore::CreateSessionTx(const Actor& actor, const Session& session) {
  if (session.token_hash.empty()) return Status::Invalid("token_hash: empty");
  if (session.expires_at <= session.created_at) {
    return Status::Invalid("expires_at: must be after created_at");
  }
  {
    Result<std::optional<User>> user = FindUserLocked(session.username);
    if (!user.ok()) return user.status();
    if (!user->has_value())
      return Status::NotFound("username: unknown user " + Quote(session.username));
    // Expired sessions are useless; dropping them here keeps the table small
    // without a background job.
    GOVPERF_ASSIGN_STMT(purge, db_->Prepare("DELETE FROM sessions WHERE expires_at <= ?"));
    purge.Bind(1, clock_.NowUnix());
    GOVPERF_RETURN_IF_ERROR(purge.Run());
    int purged = sqlite3_changes(db_->raw());
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO sessions (token_hash, username, created_at, "
                                          "expires_at) VALUES (?, ?, ?, ?)"));
    ins.Bind(1, session.token_hash).Bind(2, session.username).Bind(3, session.created_at);
    ins.Bind(4, session.expires_at);
    Status st = ins.Run();
    if (!st.ok()) {
      if (sqlite3_extended_errcode(db_->raw()) == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Status(Code::kAlreadyExists, "token_hash: session already exists");
      }
      return st;
    }
    json after{{"username", session.username},
               {"created_at", session.created_at},
               {"expires_at", session.expires_at}};
    if (purged > 0) after["expired_sessions_purged"] = purged;
    // Never the token hash: the audit log is readable by admins, and a token
    // hash is what the session table is keyed by.
    return AppendAudit(actor, "login", "user:" + session.username, "", after.dump());
  }
}

Result<std::optional<Session>> SqliteStore::FindSession(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  // An expired session is not returned: the caller cannot forget the check.
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT token_hash, username, created_at, expires_at FROM "
                                      "sessions WHERE token_hash = ? AND expires_at > ?"));
  q.Bind(1, token_hash).Bind(2, clock_.NowUnix());
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<Session>();
  return std::optional<Session>(Session{q.Text(0), q.Text(1), q.Int(2), q.Int(3)});
}

Status SqliteStore::DeleteSessionTx(const Actor& actor, const std::string& token_hash) {
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT username, expires_at FROM sessions WHERE token_hash = ?"));
    q.Bind(1, token_hash);
    GOVPERF_STEP(row, q);
    if (!row) return Status::NotFound("session not found");
    const std::string username = q.Text(0);
    json before{{"username", username}, {"expires_at", q.Int(1)}};
    GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM sessions WHERE token_hash = ?"));
    del.Bind(1, token_hash);
    GOVPERF_RETURN_IF_ERROR(del.Run());
    return AppendAudit(actor, "logout", "user:" + username, before.dump(), "");
  }
}

Status SqliteStore::SetLoginStateTx(const Actor& actor, const std::string& username,
                                    int failed_logins, int64_t locked_until, int lock_level,
                                    const std::string& action) {
  Result<std::optional<User>> old = FindUserLocked(username);
  if (!old.ok()) return old.status();
  if (!old->has_value()) return Status::NotFound("username: unknown user " + Quote(username));
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE users SET failed_logins = ?, locked_until = ?, "
                                       "lock_level = ? WHERE username = ?"));
  up.Bind(1, failed_logins).Bind(2, locked_until).Bind(3, lock_level).Bind(4, username);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  const User& o = **old;
  json before{{"failed_logins", o.failed_logins},
              {"locked_until", o.locked_until},
              {"lock_level", o.lock_level}};
  json after{
      {"failed_logins", failed_logins}, {"locked_until", locked_until}, {"lock_level", lock_level}};
  return AppendAudit(actor, action, "user:" + username, before.dump(), after.dump());
}

Status SqliteStore::DeleteSessionsOfTx(const Actor& actor, const std::string& username) {
  GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM sessions WHERE username = ?"));
  del.Bind(1, username);
  GOVPERF_RETURN_IF_ERROR(del.Run());
  const int n = sqlite3_changes(db_->raw());
  return AppendAudit(actor, "sessions.end", "user:" + username, "",
                     json{{"sessions_ended", n}}.dump());
}

}  // namespace govperf::store::sqlite
