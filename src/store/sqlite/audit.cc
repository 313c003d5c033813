// The hash-chained audit log: append (inside write transactions), list, verify.
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
constexpr int kMaxAuditPage = 1000;
}  // namespace

Result<int64_t> AppendAuditRecord(Db& db, const AuditKey& key, const std::string& at,
                                  const std::string& actor, const std::string& action,
                                  const std::string& entity, const std::string& before,
                                  const std::string& after) {
  AuditRecord r;
  r.id = 1;
  r.prev_hash = kGenesisHash;
  {
    GOVPERF_ASSIGN_STMT(head,
                        db.Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    GOVPERF_STEP(row, head);
    if (row) {
      r.id = head.Int(0) + 1;
      r.prev_hash = head.Text(1);
    }
  }
  r.at = at;
  r.actor = actor.empty() ? "system" : actor;
  r.action = action;
  r.entity = entity;
  r.before = before;
  r.after = after;
  r.hash = AuditHash(r, key);
  GOVPERF_ASSIGN_STMT(
      ins, db.Prepare("INSERT INTO audit_log (id, at, actor, action, entity, before_json, "
                      "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, r.id).Bind(2, r.at).Bind(3, r.actor).Bind(4, r.action).Bind(5, r.entity);
  ins.Bind(6, r.before).Bind(7, r.after).Bind(8, r.prev_hash).Bind(9, r.hash);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return r.id;
}

Status SqliteStore::AppendAudit(const Actor& actor, const std::string& action,
                                const std::string& entity, const std::string& before,
                                const std::string& after) {
  Result<int64_t> id =
      AppendAuditRecord(*db_, audit_key_, NowIso(), actor.username, action, entity, before, after);
  return id.ok() ? Status::Ok() : id.status();
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
      } else if (AuditHash(r, audit_key_) != r.hash) {
        problem = "record " + std::to_string(r.id) +
                  (audit_key_.Covers(r.id)
                       ? ": content does not match its keyed hash (edited, or written without "
                         "the audit key)"
                   : audit_key_.secret.empty() || audit_key_.keyed_from == 1
                       ? ": content does not match its hash"
                       : ": content does not match its hash (records before " +
                             std::to_string(audit_key_.keyed_from) +
                             " predate the current audit key: if they were written "
                             "under an earlier key that was lost, they cannot be "
                             "checked)");
      }
      if (!problem.empty()) {
        v.ok = false;
        v.first_bad_id = r.id;
        v.message = problem;
        return Status::Ok();
      }
      expected_prev = r.hash;
      last_id = r.id;
      v.head_id = r.id;
      v.head_hash = r.hash;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  v.keyed_from = audit_key_.secret.empty() ? 0 : audit_key_.keyed_from;
  return v;
}

Result<std::optional<int64_t>> SqliteStore::FindAuditHash(const std::string& hash) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q,
                      db_->Prepare("SELECT id FROM audit_log WHERE hash = ? ORDER BY id LIMIT 1"));
  q.Bind(1, hash);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(q.Int(0));
}

Result<std::pair<int64_t, std::string>> SqliteStore::AuditHead() {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
  GOVPERF_STEP(row, q);
  if (!row) return std::pair<int64_t, std::string>(0, kGenesisHash);
  return std::pair<int64_t, std::string>(q.Int(0), q.Text(1));
}

}  // namespace govperf::store::sqlite
