// The SQLite backend of Store.
//
// Guarantees (numbered as in docs/design/store.md):
//  I1. Every write method runs in one BEGIN IMMEDIATE transaction and appends
//      exactly one audit record in it; on any failure nothing is written.
//  I2. Input is validated before anything is changed; errors name the field
//      or row (e.g. "values[12].unit_id: unknown unit 'X9' in year 2025").
//  I3. Reads run in a read transaction (a consistent snapshot) and never write.
//  I4. Ordered collections (categories, grades, units, indicators, values,
//      adjustments) load in the order they were saved.
// One connection per Store; a mutex serialises its use, so a Store may be
// shared by threads. Several Stores (or processes) may open the same file:
// WAL lets readers proceed while one writer holds the lock.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/sqlite/db.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"

namespace govperf::store {
namespace {

using nlohmann::json;
using sqlite::Db;
using sqlite::Stmt;

// Macro helpers for Result<Stmt>: keep call sites short without exceptions.
#define GOVPERF_ASSIGN_STMT(var, expr)        \
  Result<Stmt> var##_r = (expr);              \
  if (!var##_r.ok()) return var##_r.status(); \
  Stmt& var = *var##_r

#define GOVPERF_STEP(var, stmt_expr)          \
  Result<bool> var##_r = (stmt_expr).Step();  \
  if (!var##_r.ok()) return var##_r.status(); \
  bool var = *var##_r

constexpr int kMaxAuditPage = 1000;

Status FailedPrecondition(std::string m) { return {Code::kFailedPrecondition, std::move(m)}; }

std::string Quote(const std::string& s) { return "'" + s + "'"; }

bool Finite(double v) { return std::isfinite(v); }

bool ValidRole(const std::string& r) {
  return r == kRoleAdmin || r == kRoleUnit || r == kRoleLead || r == kRoleLeader;
}

bool ValidYearStatus(const std::string& s) {
  return s == "draft" || s == "in_progress" || s == "published";
}

// "YYYY" equal to the year, or "YYYY-MM" of that year with MM in 01..12.
bool ValidPeriod(int year, const std::string& period) {
  const std::string y = std::to_string(year);
  if (period == y) return true;
  if (period.size() != 7 || period.compare(0, 4, y) != 0 || period[4] != '-') return false;
  if (!std::isdigit(static_cast<unsigned char>(period[5])) ||
      !std::isdigit(static_cast<unsigned char>(period[6]))) {
    return false;
  }
  int month = (period[5] - '0') * 10 + (period[6] - '0');
  return month >= 1 && month <= 12;
}

// What a datum needs to be checked against: the year's units and leaves.
struct SchemeIndex {
  struct Leaf {
    std::set<std::string> category_ids;
    std::set<std::string> unit_ids;
  };
  std::map<std::string, std::string> unit_category;  // unit id → category id
  std::set<std::string> indicators;                  // every indicator id
  std::map<std::string, Leaf> leaves;
};

std::vector<std::string> JsonStrings(const std::string& text) {
  return json::parse(text).get<std::vector<std::string>>();
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Db> db, const Clock& clock) : db_(std::move(db)), clock_(clock) {}

  Result<std::optional<User>> FindUser(const std::string& username) override;
  Result<std::vector<User>> ListUsers() override;
  Status PutUser(const Actor& actor, const User& user) override;
  Status CreateSession(const Actor& actor, const Session& session) override;
  Result<std::optional<Session>> FindSession(const std::string& token_hash) override;
  Status DeleteSession(const Actor& actor, const std::string& token_hash) override;
  Result<std::vector<YearInfo>> ListYears() override;
  Status PutYear(const Actor& actor, const YearInfo& year) override;
  Result<core::Scheme> LoadScheme(int year) override;
  Status SaveScheme(const Actor& actor, const core::Scheme& scheme) override;
  Result<core::YearData> LoadYearData(int year) override;
  Status SaveYearData(const Actor& actor, int year, const core::YearData& data) override;
  Status PutDatum(const Actor& actor, int year, const core::Datum& datum) override;
  Result<std::vector<AuditRecord>> ListAudit(int64_t after_id, int limit) override;
  Result<AuditVerification> VerifyAudit() override;

 private:
  std::string NowIso() const { return FormatIsoUtc(clock_.NowUnix()); }

  // REQUIRES: inside a write transaction (so the chain head cannot move).
  Status AppendAudit(const Actor& actor, const std::string& action, const std::string& entity,
                     const std::string& before, const std::string& after);

  // The *Locked helpers REQUIRE mu_ held and, where they read several tables,
  // an open transaction.
  Result<std::optional<User>> FindUserLocked(const std::string& username);
  Result<std::optional<YearInfo>> FindYearLocked(int year);
  Result<bool> HasSchemeLocked(int year);
  Result<core::Scheme> LoadSchemeLocked(int year);
  Result<core::YearData> LoadYearDataLocked(int year);
  Result<SchemeIndex> LoadIndexLocked(int year);
  Status CheckDatum(const SchemeIndex& index, int year, const core::Datum& d,
                    const std::string& where);
  Status CheckNoOrphans(int year);

  std::mutex mu_;
  std::unique_ptr<Db> db_;
  const Clock& clock_;
};

// ---------------------------------------------------------------- audit ----

Status SqliteStore::AppendAudit(const Actor& actor, const std::string& action,
                                const std::string& entity, const std::string& before,
                                const std::string& after) {
  AuditRecord r;
  r.id = 1;
  r.prev_hash = kGenesisHash;
  {
    GOVPERF_ASSIGN_STMT(head,
                        db_->Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    GOVPERF_STEP(row, head);
    if (row) {
      r.id = head.Int(0) + 1;
      r.prev_hash = head.Text(1);
    }
  }
  r.at = NowIso();
  r.actor = actor.username.empty() ? "system" : actor.username;
  r.action = action;
  r.entity = entity;
  r.before = before;
  r.after = after;
  r.hash = AuditHash(r);
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO audit_log (id, at, actor, action, entity, before_json, "
                        "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, r.id).Bind(2, r.at).Bind(3, r.actor).Bind(4, r.action).Bind(5, r.entity);
  ins.Bind(6, r.before).Bind(7, r.after).Bind(8, r.prev_hash).Bind(9, r.hash);
  return ins.Run();
}

Result<std::vector<AuditRecord>> SqliteStore::ListAudit(int64_t after_id, int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  limit = std::clamp(limit, 1, kMaxAuditPage);
  std::vector<AuditRecord> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT id, at, actor, action, entity, before_json, after_json, prev_hash, "
                      "hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?"));
  q.Bind(1, after_id).Bind(2, limit);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6),
                   q.Text(7), q.Text(8)});
  }
  return out;
}

Result<AuditVerification> SqliteStore::VerifyAudit() {
  std::lock_guard<std::mutex> lock(mu_);
  AuditVerification v;
  Status st = db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT id, at, actor, action, entity, before_json, after_json, "
                        "prev_hash, hash FROM audit_log ORDER BY id"));
    std::string expected_prev = kGenesisHash;
    int64_t last_id = 0;
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      AuditRecord r{q.Int(0),  q.Text(1), q.Text(2), q.Text(3), q.Text(4),
                    q.Text(5), q.Text(6), q.Text(7), q.Text(8)};
      ++v.records;
      std::string problem;
      if (r.id != last_id + 1) {
        problem = "record " + std::to_string(r.id) + " follows record " + std::to_string(last_id) +
                  ": a record is missing";
      } else if (r.prev_hash != expected_prev) {
        problem = "record " + std::to_string(r.id) +
                  ": prev_hash does not match the previous record's hash";
      } else if (AuditHash(r) != r.hash) {
        problem = "record " + std::to_string(r.id) + ": content does not match its hash";
      }
      if (!problem.empty()) {
        v.ok = false;
        v.first_bad_id = r.id;
        v.message = problem;
        return Status::Ok();
      }
      expected_prev = r.hash;
      last_id = r.id;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return v;
}

// ---------------------------------------------------------------- users ----

User ReadUser(const Stmt& q) {
  return User{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5) != 0};
}

constexpr const char* kUserColumns =
    "SELECT username, display_name, role, unit_id, password_hash, active FROM users";

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

Status SqliteStore::PutUser(const Actor& actor, const User& user) {
  if (user.username.empty()) return Status::Invalid("username: empty");
  if (!ValidRole(user.role)) return Status::Invalid("role: unknown role " + Quote(user.role));
  if (user.password_hash.empty()) return Status::Invalid("password_hash: empty");
  if ((user.role == kRoleUnit || user.role == kRoleLead) && user.unit_id.empty()) {
    return Status::Invalid("unit_id: required for role " + user.role);
  }
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    Result<std::optional<User>> old = FindUserLocked(user.username);
    if (!old.ok()) return old.status();
    GOVPERF_ASSIGN_STMT(
        up,
        db_->Prepare("INSERT INTO users (username, display_name, role, unit_id, "
                     "password_hash, active) VALUES (?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, "
                     "role = excluded.role, unit_id = excluded.unit_id, "
                     "password_hash = excluded.password_hash, active = excluded.active"));
    up.Bind(1, user.username).Bind(2, user.display_name).Bind(3, user.role).Bind(4, user.unit_id);
    up.Bind(5, user.password_hash).Bind(6, user.active);
    GOVPERF_RETURN_IF_ERROR(up.Run());
    const bool changed = !old->has_value() || (*old)->password_hash != user.password_hash;
    // The audit shows *that* a password changed, never the hash itself.
    return AppendAudit(actor, "user.put", "user:" + user.username,
                       old->has_value() ? UserAuditJson(**old) : "", UserAuditJson(user, changed));
  });
}

// ------------------------------------------------------------- sessions ----

Status SqliteStore::CreateSession(const Actor& actor, const Session& session) {
  if (session.token_hash.empty()) return Status::Invalid("token_hash: empty");
  if (session.expires_at <= session.created_at) {
    return Status::Invalid("expires_at: must be after created_at");
  }
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
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
  });
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

Status SqliteStore::DeleteSession(const Actor& actor, const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
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
  });
}

// ---------------------------------------------------------------- years ----

Result<std::optional<YearInfo>> SqliteStore::FindYearLocked(int year) {
  GOVPERF_ASSIGN_STMT(q,
                      db_->Prepare("SELECT year, status, published_at FROM years WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<YearInfo>();
  return std::optional<YearInfo>(YearInfo{static_cast<int>(q.Int(0)), q.Text(1), q.Text(2)});
}

Result<std::vector<YearInfo>> SqliteStore::ListYears() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<YearInfo> out;
  GOVPERF_ASSIGN_STMT(q,
                      db_->Prepare("SELECT year, status, published_at FROM years ORDER BY year"));
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(YearInfo{static_cast<int>(q.Int(0)), q.Text(1), q.Text(2)});
  }
  return out;
}

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

Status SqliteStore::PutYear(const Actor& actor, const YearInfo& year) {
  if (year.year < kMinYear || year.year > kMaxYear) {
    return Status::Invalid("year: " + std::to_string(year.year) + " out of range");
  }
  if (!ValidYearStatus(year.status)) {
    return Status::Invalid("status: must be draft, in_progress or published, not " +
                           Quote(year.status));
  }
  if (year.status != "published" && !year.published_at.empty()) {
    return Status::Invalid("published_at: only a published year has a publication time");
  }
  YearInfo y = year;
  std::lock_guard<std::mutex> lock(mu_);
  // Publishing without a time stamps it with the store's clock.
  if (y.status == "published" && y.published_at.empty()) y.published_at = NowIso();
  return db_->WriteTxn([&]() -> Status {
    Result<std::optional<YearInfo>> old = FindYearLocked(y.year);
    if (!old.ok()) return old.status();
    GOVPERF_ASSIGN_STMT(
        up, db_->Prepare("INSERT INTO years (year, status, published_at) VALUES (?, ?, ?) "
                         "ON CONFLICT (year) DO UPDATE SET status = excluded.status, "
                         "published_at = excluded.published_at"));
    up.Bind(1, y.year).Bind(2, y.status).Bind(3, y.published_at);
    GOVPERF_RETURN_IF_ERROR(up.Run());
    return AppendAudit(actor, "year.put", "year:" + std::to_string(y.year),
                       old->has_value() ? YearAuditJson(**old) : "", YearAuditJson(y));
  });
}

// --------------------------------------------------------------- scheme ----

Result<bool> SqliteStore::HasSchemeLocked(int year) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM schemes WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  return row;
}

Result<core::Scheme> SqliteStore::LoadSchemeLocked(int year) {
  Result<bool> has = HasSchemeLocked(year);
  if (!has.ok()) return has.status();
  if (!*has) return Status::NotFound("year " + std::to_string(year) + " has no scheme");
  core::Scheme s;
  s.year = year;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT id, name_zh, name_en, kind, w_indicator, w_satisfaction, "
                        "w_leadership, bonus_cap, deduction_cap FROM categories WHERE year = ? "
                        "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Category c;
      c.id = q.Text(0);
      c.name_zh = q.Text(1);
      c.name_en = q.Text(2);
      auto kind = core::ParseUnitKind(q.Text(3));
      if (!kind) return Status::Internal("categories." + c.id + ": bad kind " + q.Text(3));
      c.kind = *kind;
      c.weights = {q.Real(4), q.Real(5), q.Real(6)};
      c.bonus_cap = q.Real(7);
      c.deduction_cap = q.Real(8);
      s.categories.push_back(std::move(c));
    }
  }
  {
    std::map<std::string, size_t> pos;
    for (size_t i = 0; i < s.categories.size(); ++i) pos[s.categories[i].id] = i;
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT category_id, code, name_zh, name_en, min_score, max_share FROM "
                        "grade_levels WHERE year = ? ORDER BY category_id, ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      auto it = pos.find(q.Text(0));
      if (it == pos.end()) return Status::Internal("grade level of unknown category " + q.Text(0));
      s.categories[it->second].grades.push_back(
          core::GradeLevel{q.Text(1), q.Text(2), q.Text(3), q.Real(4), q.OptReal(5)});
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, category_id, parent_id, "
                                        "kind FROM units WHERE year = ? ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Unit u;
      u.id = q.Text(0);
      u.name_zh = q.Text(1);
      u.name_en = q.Text(2);
      u.category_id = q.Text(3);
      u.parent_id = q.Text(4);
      auto kind = core::ParseUnitKind(q.Text(5));
      if (!kind) return Status::Internal("units." + u.id + ": bad kind " + q.Text(5));
      u.kind = *kind;
      s.units.push_back(std::move(u));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare(
               "SELECT id, parent_id, level, name_zh, name_en, points, direction, "
               "unit_of_measure, method, params, lead_unit_id, type, orientations, "
               "category_ids, unit_ids, cumulative, measurement_error, formula FROM indicators "
               "WHERE year = ? "
               "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Indicator i;
      i.id = q.Text(0);
      i.parent_id = q.Text(1);
      i.level = static_cast<int>(q.Int(2));
      i.name_zh = q.Text(3);
      i.name_en = q.Text(4);
      i.points = q.Real(5);
      i.direction = q.Int(6) < 0 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
      i.unit_of_measure = q.Text(7);
      i.method = q.Text(8);
      i.params = json::parse(q.Text(9)).get<std::map<std::string, double>>();
      i.lead_unit_id = q.Text(10);
      auto type = core::ParseIndicatorType(q.Text(11));
      if (!type) return Status::Internal("indicators." + i.id + ": bad type " + q.Text(11));
      i.type = *type;
      i.orientations = JsonStrings(q.Text(12));
      i.category_ids = JsonStrings(q.Text(13));
      i.unit_ids = JsonStrings(q.Text(14));
      i.cumulative = q.Int(15) != 0;
      i.measurement_error = q.Real(16);
      i.formula = q.Text(17);
      s.indicators.push_back(std::move(i));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT indicator_id, unit_id, value FROM targets WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      s.targets[{q.Text(0), q.Text(1)}] = q.Real(2);
    }
  }
  return s;
}

Result<core::Scheme> SqliteStore::LoadScheme(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<core::Scheme> out = Status::Internal("unset");
  Status st = db_->ReadTxn([&]() -> Status {
    out = LoadSchemeLocked(year);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

// Store-level structural checks: what the tables need to hold the scheme
// faithfully. Semantic rules (weights sum to 1, methods known, ...) belong to
// core::ValidateScheme, which callers run before saving.
Status CheckSchemeShape(const core::Scheme& s) {
  if (s.year < kMinYear || s.year > kMaxYear) {
    return Status::Invalid("year: " + std::to_string(s.year) + " out of range");
  }
  std::set<std::string> cats, units, inds;
  for (size_t i = 0; i < s.categories.size(); ++i) {
    const auto& c = s.categories[i];
    const std::string row = "categories[" + std::to_string(i) + "]";
    if (c.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!cats.insert(c.id).second) return Status::Invalid(row + ".id: duplicate " + Quote(c.id));
    for (double v : {c.weights.indicator, c.weights.satisfaction, c.weights.leadership, c.bonus_cap,
                     c.deduction_cap}) {
      if (!Finite(v)) return Status::Invalid(row + ": weights and caps must be finite");
    }
    for (size_t g = 0; g < c.grades.size(); ++g) {
      const auto& gl = c.grades[g];
      const std::string grow = row + ".grades[" + std::to_string(g) + "]";
      if (gl.code.empty()) return Status::Invalid(grow + ".code: empty");
      if (!Finite(gl.min_score) || (gl.max_share && !Finite(*gl.max_share))) {
        return Status::Invalid(grow + ": min_score and max_share must be finite");
      }
    }
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const auto& u = s.units[i];
    const std::string row = "units[" + std::to_string(i) + "]";
    if (u.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!units.insert(u.id).second) return Status::Invalid(row + ".id: duplicate " + Quote(u.id));
    if (cats.count(u.category_id) == 0) {
      return Status::Invalid(row + ".category_id: unknown category " + Quote(u.category_id));
    }
  }
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& ind = s.indicators[i];
    const std::string row = "indicators[" + std::to_string(i) + "]";
    if (ind.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!inds.insert(ind.id).second) {
      return Status::Invalid(row + ".id: duplicate " + Quote(ind.id));
    }
    if (!Finite(ind.points)) return Status::Invalid(row + ".points: not finite");
    for (const auto& [k, v] : ind.params) {
      if (!Finite(v)) return Status::Invalid(row + ".params." + k + ": not finite");
    }
  }
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& ind = s.indicators[i];
    if (!ind.parent_id.empty() && inds.count(ind.parent_id) == 0) {
      return Status::Invalid("indicators[" + std::to_string(i) + "].parent_id: unknown indicator " +
                             Quote(ind.parent_id));
    }
  }
  for (const auto& [key, v] : s.targets) {
    const std::string row = "targets[" + key.first + "," + key.second + "]";
    if (inds.count(key.first) == 0)
      return Status::Invalid(row + ": unknown indicator " + Quote(key.first));
    if (units.count(key.second) == 0)
      return Status::Invalid(row + ": unknown unit " + Quote(key.second));
    if (!Finite(v)) return Status::Invalid(row + ": not finite");
  }
  return Status::Ok();
}

// A scheme replacement must not strand observations of removed units or
// indicators. The deferred foreign keys would also refuse at COMMIT; this
// check names the row instead of "FOREIGN KEY constraint failed".
Status SqliteStore::CheckNoOrphans(int year) {
  struct Probe {
    const char* sql;
    const char* what;
  };
  static const Probe kProbes[] = {
      {"SELECT indicator_id FROM data_values d WHERE year = ? AND NOT EXISTS (SELECT 1 FROM "
       "indicators i WHERE i.year = d.year AND i.id = d.indicator_id) LIMIT 1",
       "indicator"},
      {"SELECT unit_id FROM data_values d WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = d.year AND u.id = d.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM component_scores c WHERE year = ? AND NOT EXISTS (SELECT 1 FROM "
       "units u WHERE u.year = c.year AND u.id = c.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM adjustments a WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = a.year AND u.id = a.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM unit_inputs a WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = a.year AND u.id = a.unit_id) LIMIT 1",
       "unit"},
  };
  for (const Probe& p : kProbes) {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(p.sql));
    q.Bind(1, year);
    GOVPERF_STEP(row, q);
    if (row) {
      return FailedPrecondition(std::string("scheme removes ") + p.what + " " + Quote(q.Text(0)) +
                                " which has data in year " + std::to_string(year));
    }
  }
  return Status::Ok();
}

Status SqliteStore::SaveScheme(const Actor& actor, const core::Scheme& s) {
  GOVPERF_RETURN_IF_ERROR(CheckSchemeShape(s));
  const std::string content_hash = SchemeContentHash(s);
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    const int year = s.year;
    std::string before;
    Result<std::optional<YearInfo>> y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) {
      // A scheme is drafted before the year starts: saving one creates the
      // year as a draft (recorded by this same audit record).
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO years (year, status, published_at) "
                                            "VALUES (?, 'draft', '')"));
      ins.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(ins.Run());
    } else {
      Result<bool> has = HasSchemeLocked(year);
      if (!has.ok()) return has.status();
      if (*has) {
        Result<core::Scheme> old = LoadSchemeLocked(year);
        if (!old.ok()) return old.status();
        before = SchemeSummaryJson(*old, SchemeContentHash(*old));
      }
    }
    for (const char* table : {"targets", "grade_levels", "indicators", "units", "categories"}) {
      GOVPERF_ASSIGN_STMT(del,
                          db_->Prepare(std::string("DELETE FROM ") + table + " WHERE year = ?"));
      del.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(del.Run());
    }
    {
      GOVPERF_ASSIGN_STMT(
          up, db_->Prepare("INSERT INTO schemes (year, saved_at, content_sha256) VALUES (?, ?, ?) "
                           "ON CONFLICT (year) DO UPDATE SET saved_at = excluded.saved_at, "
                           "content_sha256 = excluded.content_sha256"));
      up.Bind(1, year).Bind(2, NowIso()).Bind(3, content_hash);
      GOVPERF_RETURN_IF_ERROR(up.Run());
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO categories (year, id, ord, name_zh, name_en, kind, "
                            "w_indicator, w_satisfaction, w_leadership, bonus_cap, deduction_cap) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      GOVPERF_ASSIGN_STMT(
          gins, db_->Prepare("INSERT INTO grade_levels (year, category_id, ord, code, name_zh, "
                             "name_en, min_score, max_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < s.categories.size(); ++i) {
        const auto& c = s.categories[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, c.id).Bind(3, static_cast<int64_t>(i)).Bind(4, c.name_zh);
        ins.Bind(5, c.name_en).Bind(6, core::UnitKindName(c.kind)).Bind(7, c.weights.indicator);
        ins.Bind(8, c.weights.satisfaction).Bind(9, c.weights.leadership).Bind(10, c.bonus_cap);
        ins.Bind(11, c.deduction_cap);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
        for (size_t g = 0; g < c.grades.size(); ++g) {
          const auto& gl = c.grades[g];
          gins.Reset();
          gins.Bind(1, year).Bind(2, c.id).Bind(3, static_cast<int64_t>(g)).Bind(4, gl.code);
          gins.Bind(5, gl.name_zh).Bind(6, gl.name_en).Bind(7, gl.min_score).Bind(8, gl.max_share);
          GOVPERF_RETURN_IF_ERROR(gins.Run());
        }
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO units (year, id, ord, name_zh, name_en, "
                                            "category_id, parent_id, kind) VALUES (?, ?, ?, ?, ?, "
                                            "?, ?, ?)"));
      for (size_t i = 0; i < s.units.size(); ++i) {
        const auto& u = s.units[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, u.id).Bind(3, static_cast<int64_t>(i)).Bind(4, u.name_zh);
        ins.Bind(5, u.name_en).Bind(6, u.category_id).Bind(7, u.parent_id);
        ins.Bind(8, core::UnitKindName(u.kind));
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO indicators (year, id, ord, parent_id, level, name_zh, "
                            "name_en, points, direction, unit_of_measure, method, params, "
                            "lead_unit_id, type, orientations, category_ids, unit_ids, cumulative, "
                            "measurement_error, formula) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < s.indicators.size(); ++i) {
        const auto& ind = s.indicators[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, ind.id).Bind(3, static_cast<int64_t>(i)).Bind(4, ind.parent_id);
        ins.Bind(5, ind.level).Bind(6, ind.name_zh).Bind(7, ind.name_en).Bind(8, ind.points);
        ins.Bind(9, static_cast<int>(ind.direction)).Bind(10, ind.unit_of_measure);
        ins.Bind(11, ind.method).Bind(12, json(ind.params).dump()).Bind(13, ind.lead_unit_id);
        ins.Bind(14, core::IndicatorTypeName(ind.type)).Bind(15, json(ind.orientations).dump());
        ins.Bind(16, json(ind.category_ids).dump()).Bind(17, json(ind.unit_ids).dump());
        ins.Bind(18, ind.cumulative ? 1 : 0).Bind(19, ind.measurement_error);
        ins.Bind(20, ind.formula);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO targets (year, indicator_id, unit_id, "
                                            "value) VALUES (?, ?, ?, ?)"));
      for (const auto& [key, v] : s.targets) {
        ins.Reset();
        ins.Bind(1, year).Bind(2, key.first).Bind(3, key.second).Bind(4, v);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    GOVPERF_RETURN_IF_ERROR(CheckNoOrphans(year));
    return AppendAudit(actor, "scheme.save", "scheme:" + std::to_string(year), before,
                       SchemeSummaryJson(s, content_hash));
  });
}

// ------------------------------------------------------------ year data ----

Result<SchemeIndex> SqliteStore::LoadIndexLocked(int year) {
  SchemeIndex idx;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, category_id FROM units WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      idx.unit_category[q.Text(0)] = q.Text(1);
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, parent_id, category_ids, unit_ids FROM "
                                        "indicators WHERE year = ?"));
    q.Bind(1, year);
    std::set<std::string> parents;
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      idx.indicators.insert(q.Text(0));
      parents.insert(q.Text(1));
      SchemeIndex::Leaf leaf;
      for (auto& c : JsonStrings(q.Text(2))) leaf.category_ids.insert(std::move(c));
      for (auto& u : JsonStrings(q.Text(3))) leaf.unit_ids.insert(std::move(u));
      idx.leaves.emplace(q.Text(0), std::move(leaf));
    }
    for (const auto& p : parents) idx.leaves.erase(p);
  }
  return idx;
}

Status SqliteStore::CheckDatum(const SchemeIndex& idx, int year, const core::Datum& d,
                               const std::string& where) {
  const std::string y = std::to_string(year);
  if (idx.indicators.count(d.indicator_id) == 0) {
    return Status::NotFound(where + "indicator_id: unknown indicator " + Quote(d.indicator_id) +
                            " in year " + y);
  }
  auto unit = idx.unit_category.find(d.unit_id);
  if (unit == idx.unit_category.end()) {
    return Status::NotFound(where + "unit_id: unknown unit " + Quote(d.unit_id) + " in year " + y);
  }
  auto leaf = idx.leaves.find(d.indicator_id);
  if (leaf == idx.leaves.end()) {
    return Status::Invalid(where + "indicator_id: " + Quote(d.indicator_id) +
                           " is not a leaf; only leaves take values");
  }
  // The core's rule (core/evaluate.cc AppliesTo): unit_ids when given, else
  // the unit's category must be listed; a leaf with neither applies to no unit.
  const auto& l = leaf->second;
  const bool applies = !l.unit_ids.empty() ? l.unit_ids.count(d.unit_id) > 0
                                           : l.category_ids.count(unit->second) > 0;
  if (!applies) {
    return Status::Invalid(where + "unit_id: indicator " + Quote(d.indicator_id) +
                           " does not apply to unit " + Quote(d.unit_id));
  }
  if (!ValidPeriod(year, d.period)) {
    return Status::Invalid(where + "period: " + Quote(d.period) + " is not \"" + y + "\" or \"" +
                           y + "-MM\"");
  }
  if (d.value && !Finite(*d.value)) return Status::Invalid(where + "value: not a finite number");
  if (d.no_data && d.value) {
    return Status::Invalid(where + "value: a datum declared no_data cannot carry a value");
  }
  return Status::Ok();
}

Result<core::YearData> SqliteStore::LoadYearDataLocked(int year) {
  core::YearData d;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT indicator_id, unit_id, period, value, no_data, entered_by, "
                        "approved_by, note FROM data_values WHERE year = ? ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      d.values.push_back(core::Datum{q.Text(0), q.Text(1), q.Text(2), q.OptReal(3), q.Int(4) != 0,
                                     q.Text(5), q.Text(6), q.Text(7)});
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, satisfaction, leadership, "
                                        "satisfaction_se FROM component_scores WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      if (auto v = q.OptReal(1)) d.satisfaction[q.Text(0)] = *v;
      if (auto v = q.OptReal(2)) d.leadership[q.Text(0)] = *v;
      if (auto v = q.OptReal(3)) d.satisfaction_se[q.Text(0)] = *v;
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT id, unit_id, kind, points, veto_effect, reason_zh, reason_en, "
                        "evidence, entered_by, approved_by FROM adjustments WHERE year = ? "
                        "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Adjustment a;
      a.id = q.Text(0);
      a.unit_id = q.Text(1);
      auto kind = core::ParseAdjustmentKind(q.Text(2));
      auto effect = ParseVetoEffect(q.Text(4));
      if (!kind || !effect) return Status::Internal("adjustments." + a.id + ": bad kind or effect");
      a.kind = *kind;
      a.points = q.Real(3);
      a.veto_effect = *effect;
      a.reason_zh = q.Text(5);
      a.reason_en = q.Text(6);
      a.evidence = q.Text(7);
      a.entered_by = q.Text(8);
      a.approved_by = q.Text(9);
      d.adjustments.push_back(std::move(a));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT unit_id, name, value FROM unit_inputs WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      d.inputs[q.Text(0)][q.Text(1)] = q.Real(2);
    }
  }
  return d;
}

Result<core::YearData> SqliteStore::LoadYearData(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<core::YearData> out = Status::Internal("unset");
  Status st = db_->ReadTxn([&]() -> Status {
    Result<std::optional<YearInfo>> y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) return Status::NotFound("year " + std::to_string(year));
    out = LoadYearDataLocked(year);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

Status CheckScore(const std::map<std::string, double>& m, const SchemeIndex& idx,
                  const char* field) {
  constexpr double kMaxScore = 100;
  for (const auto& [unit, v] : m) {
    const std::string row = std::string(field) + "[" + unit + "]";
    if (idx.unit_category.count(unit) == 0)
      return Status::NotFound(row + ": unknown unit " + Quote(unit));
    if (!Finite(v) || v < 0 || v > kMaxScore) return Status::Invalid(row + ": must be 0..100");
  }
  return Status::Ok();
}

Status SqliteStore::SaveYearData(const Actor& actor, int year, const core::YearData& data) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    const std::string y = std::to_string(year);
    Result<std::optional<YearInfo>> yi = FindYearLocked(year);
    if (!yi.ok()) return yi.status();
    if (!yi->has_value()) return Status::NotFound("year " + y);
    Result<bool> has = HasSchemeLocked(year);
    if (!has.ok()) return has.status();
    if (!*has) return FailedPrecondition("year " + y + " has no scheme");
    Result<SchemeIndex> idx = LoadIndexLocked(year);
    if (!idx.ok()) return idx.status();

    // I2: validate everything before the first change.
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (size_t i = 0; i < data.values.size(); ++i) {
      const auto& d = data.values[i];
      const std::string where = "values[" + std::to_string(i) + "].";
      GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, year, d, where));
      if (!seen.insert({d.indicator_id, d.unit_id, d.period}).second) {
        return Status::Invalid(where + "period: duplicate value for " + d.indicator_id + "/" +
                               d.unit_id + "/" + d.period);
      }
    }
    GOVPERF_RETURN_IF_ERROR(CheckScore(data.satisfaction, *idx, "satisfaction"));
    GOVPERF_RETURN_IF_ERROR(CheckScore(data.leadership, *idx, "leadership"));
    std::set<std::string> adj_ids;
    for (size_t i = 0; i < data.adjustments.size(); ++i) {
      const auto& a = data.adjustments[i];
      const std::string row = "adjustments[" + std::to_string(i) + "]";
      if (a.id.empty()) return Status::Invalid(row + ".id: empty");
      if (!adj_ids.insert(a.id).second)
        return Status::Invalid(row + ".id: duplicate " + Quote(a.id));
      if (idx->unit_category.count(a.unit_id) == 0) {
        return Status::NotFound(row + ".unit_id: unknown unit " + Quote(a.unit_id) + " in year " +
                                y);
      }
      if (!Finite(a.points) || a.points < 0) {
        return Status::Invalid(row + ".points: must be a non-negative number");
      }
    }
    for (const auto& [unit, named] : data.inputs) {
      if (idx->unit_category.count(unit) == 0) {
        return Status::NotFound("inputs[" + unit + "]: unknown unit " + Quote(unit));
      }
      for (const auto& [name, v] : named) {
        if (name.empty()) return Status::Invalid("inputs[" + unit + "]: empty input name");
        if (!Finite(v) || v < 0) {
          return Status::Invalid("inputs[" + unit + "][" + name +
                                 "]: must be a non-negative number");
        }
      }
    }

    std::string before;
    {
      Result<core::YearData> old = LoadYearDataLocked(year);
      if (!old.ok()) return old.status();
      if (!old->values.empty() || !old->satisfaction.empty() || !old->leadership.empty() ||
          !old->adjustments.empty() || !old->inputs.empty()) {
        before = YearDataSummaryJson(*old, YearDataContentHash(*old));
      }
    }
    for (const char* table : {"data_values", "component_scores", "adjustments", "unit_inputs"}) {
      GOVPERF_ASSIGN_STMT(del,
                          db_->Prepare(std::string("DELETE FROM ") + table + " WHERE year = ?"));
      del.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(del.Run());
    }
    const std::string now = NowIso();
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO data_values (year, indicator_id, unit_id, period, ord, "
                            "value, no_data, entered_by, approved_by, note, updated_at) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < data.values.size(); ++i) {
        const auto& d = data.values[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, d.indicator_id).Bind(3, d.unit_id).Bind(4, d.period);
        ins.Bind(5, static_cast<int64_t>(i)).Bind(6, d.value).Bind(7, d.no_data);
        ins.Bind(8, d.entered_by).Bind(9, d.approved_by).Bind(10, d.note).Bind(11, now);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      struct Scores {
        std::optional<double> satisfaction, leadership, satisfaction_se;
      };
      std::map<std::string, Scores> scores;
      for (const auto& [u, v] : data.satisfaction) scores[u].satisfaction = v;
      for (const auto& [u, v] : data.leadership) scores[u].leadership = v;
      for (const auto& [u, v] : data.satisfaction_se) scores[u].satisfaction_se = v;
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO component_scores (year, unit_id, "
                                            "satisfaction, leadership, satisfaction_se) "
                                            "VALUES (?, ?, ?, ?, ?)"));
      for (const auto& [u, sl] : scores) {
        ins.Reset();
        ins.Bind(1, year).Bind(2, u).Bind(3, sl.satisfaction).Bind(4, sl.leadership);
        ins.Bind(5, sl.satisfaction_se);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO adjustments (year, id, ord, unit_id, kind, points, "
                            "veto_effect, reason_zh, reason_en, evidence, entered_by, "
                            "approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < data.adjustments.size(); ++i) {
        const auto& a = data.adjustments[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, a.id).Bind(3, static_cast<int64_t>(i)).Bind(4, a.unit_id);
        ins.Bind(5, core::AdjustmentKindName(a.kind)).Bind(6, a.points);
        ins.Bind(7, VetoEffectName(a.veto_effect)).Bind(8, a.reason_zh).Bind(9, a.reason_en);
        ins.Bind(10, a.evidence).Bind(11, a.entered_by).Bind(12, a.approved_by);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO unit_inputs (year, unit_id, name, value) "
                                            "VALUES (?, ?, ?, ?)"));
      for (const auto& [unit, named] : data.inputs) {
        for (const auto& [name, v] : named) {
          ins.Reset();
          ins.Bind(1, year).Bind(2, unit).Bind(3, name).Bind(4, v);
          GOVPERF_RETURN_IF_ERROR(ins.Run());
        }
      }
    }
    // I5: one summary record, not one per row (see docs/design/store.md).
    return AppendAudit(actor, "year_data.save", "year_data:" + y, before,
                       YearDataSummaryJson(data, YearDataContentHash(data)));
  });
}

Status SqliteStore::PutDatum(const Actor& actor, int year, const core::Datum& datum) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    const std::string y = std::to_string(year);
    Result<std::optional<YearInfo>> yi = FindYearLocked(year);
    if (!yi.ok()) return yi.status();
    if (!yi->has_value()) return Status::NotFound("year: unknown year " + y);
    Result<SchemeIndex> idx = LoadIndexLocked(year);
    if (!idx.ok()) return idx.status();
    GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, year, datum, ""));

    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT value, no_data, entered_by, approved_by, note FROM data_values "
                        "WHERE year = ? AND indicator_id = ? AND unit_id = ? AND period = ?"));
    q.Bind(1, year).Bind(2, datum.indicator_id).Bind(3, datum.unit_id).Bind(4, datum.period);
    GOVPERF_STEP(exists, q);
    std::string before;
    if (exists) {
      before =
          DatumAuditJson(core::Datum{datum.indicator_id, datum.unit_id, datum.period, q.OptReal(0),
                                     q.Int(1) != 0, q.Text(2), q.Text(3), q.Text(4)});
      GOVPERF_ASSIGN_STMT(
          up, db_->Prepare("UPDATE data_values SET value = ?, no_data = ?, entered_by = ?, "
                           "approved_by = ?, note = ?, updated_at = ? WHERE year = ? AND "
                           "indicator_id = ? AND unit_id = ? AND period = ?"));
      up.Bind(1, datum.value).Bind(2, datum.no_data).Bind(3, datum.entered_by);
      up.Bind(4, datum.approved_by).Bind(5, datum.note).Bind(6, NowIso()).Bind(7, year);
      up.Bind(8, datum.indicator_id).Bind(9, datum.unit_id).Bind(10, datum.period);
      GOVPERF_RETURN_IF_ERROR(up.Run());
    } else {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO data_values (year, indicator_id, unit_id, period, ord, "
                            "value, no_data, entered_by, approved_by, note, updated_at) SELECT "
                            "?, ?, ?, ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ?, ?, ?, ? FROM "
                            "data_values WHERE year = ?"));
      ins.Bind(1, year).Bind(2, datum.indicator_id).Bind(3, datum.unit_id).Bind(4, datum.period);
      ins.Bind(5, datum.value).Bind(6, datum.no_data).Bind(7, datum.entered_by);
      ins.Bind(8, datum.approved_by).Bind(9, datum.note).Bind(10, NowIso()).Bind(11, year);
      GOVPERF_RETURN_IF_ERROR(ins.Run());
    }
    return AppendAudit(
        actor, "datum.put",
        "datum:" + y + "/" + datum.indicator_id + "/" + datum.unit_id + "/" + datum.period, before,
        DatumAuditJson(datum));
  });
}

#undef GOVPERF_ASSIGN_STMT
#undef GOVPERF_STEP

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  try {
    Result<std::unique_ptr<Db>> db = Db::Open(path);
    if (!db.ok()) return db.status();
    Status st = sqlite::ApplyMigrations(**db, FormatIsoUtc(clock.NowUnix()));
    if (!st.ok()) return st;
    return std::unique_ptr<Store>(new SqliteStore(std::move(*db), clock));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("opening store: ") + e.what());
  }
}

}  // namespace govperf::store
