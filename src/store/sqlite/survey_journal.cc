// The SQLite response journal (store/survey_journal.h): its own connection,
// one writer thread, group commit. Why a separate connection: the store's
// connection is serialised by its mutex, and one audited transaction per
// response would cap collection at one fsync per response.
#include "store/survey_journal.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "io/survey_json.h"
#include "store/audit_chain.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store {

SubmitResult SurveyJournal::Submit(const core::survey::Response& row, SubmitFlags flags) {
  std::promise<SubmitResult> done;
  std::future<SubmitResult> f = done.get_future();
  SubmitAsync(row, flags, [&done](SubmitResult r) { done.set_value(std::move(r)); });
  return f.get();
}

std::string BatchRowJson(const core::survey::Response& r) {
  const nlohmann::json j{{"id", r.id},
                         {"survey_id", r.survey_id},
                         {"channel", r.channel},
                         {"credential", r.credential},
                         {"idempotency_key", r.idempotency_key},
                         {"group_id", r.group_id},
                         {"cells", io::CellsToJson(r.cells)},
                         {"answers", io::AnswersToJson(r.answers)},
                         {"started_at_ms", r.started_at_ms},
                         {"submitted_at_ms", r.submitted_at_ms},
                         {"received_at", r.received_at},
                         {"client_hash", r.client_hash},
                         {"status", core::survey::ResponseStatusName(r.status)},
                         {"reason", r.reason},
                         {"batch_id", r.batch_id}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace sqlite {
namespace {

namespace sv = core::survey;

struct Pending {
  sv::Response row;
  SubmitFlags flags;
  SubmitCallback done;
};

// The prepared statements of one connection, reused for every row: preparing
// per row costs as much as the insert itself.
struct JournalStatements {
  Stmt find_key, find_code, use_code, find_credential, survey_status, insert, insert_batch,
      update_batch;

  Status Prepare(Db& db) {
    auto prep = [&](Stmt& s, const char* sql) -> Status {
      Result<Stmt> r = db.Prepare(sql);
      if (!r.ok()) return r.status();
      s = std::move(*r);
      return Status::Ok();
    };
    GOVPERF_RETURN_IF_ERROR(prep(find_key,
                                 "SELECT id, status FROM survey_responses "
                                 "WHERE survey_id = ? AND idempotency_key = ?"));
    GOVPERF_RETURN_IF_ERROR(prep(find_code,
                                 "SELECT used_by IS NOT NULL FROM survey_codes "
                                 "WHERE code_hash = ? AND survey_id = ?"));
    GOVPERF_RETURN_IF_ERROR(prep(
        use_code, "UPDATE survey_codes SET used_by = ? WHERE code_hash = ? AND survey_id = ?"));
    GOVPERF_RETURN_IF_ERROR(prep(find_credential,
                                 "SELECT 1 FROM survey_responses WHERE survey_id = ? AND "
                                 "credential = ? AND status <> 'rejected'"));
    GOVPERF_RETURN_IF_ERROR(prep(survey_status, "SELECT status FROM surveys WHERE id = ?"));
    GOVPERF_RETURN_IF_ERROR(
        prep(insert,
             "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, "
             "group_id, cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, "
             "status, reason, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    GOVPERF_RETURN_IF_ERROR(prep(insert_batch,
                                 "INSERT INTO survey_batches (survey_id, first_id, last_id, "
                                 "count, content_sha256, committed_at, audit_id) "
                                 "VALUES ('', 0, 0, 0, '', ?, 0)"));
    GOVPERF_RETURN_IF_ERROR(prep(update_batch,
                                 "UPDATE survey_batches SET survey_id = ?, first_id = ?, "
                                 "last_id = ?, count = ?, content_sha256 = ?, audit_id = ? "
                                 "WHERE id = ?"));
    return Status::Ok();
  }
};

class SqliteSurveyJournal final : public SurveyJournal {
 public:
  SqliteSurveyJournal(std::unique_ptr<Db> db, const Clock& clock, AuditKey key,
                      JournalOptions options)
      : db_(std::move(db)), clock_(clock), key_(std::move(key)), opt_(options) {}
  ~SqliteSurveyJournal() override { Shutdown(); }

  Status Start() {
    GOVPERF_RETURN_IF_ERROR(st_.Prepare(*db_));
    writer_ = std::thread([this] { Run(); });
    return Status::Ok();
  }

  void SubmitAsync(sv::Response row, SubmitFlags flags, SubmitCallback done) override {
    auto p = std::make_unique<Pending>(Pending{std::move(row), flags, std::move(done)});
    bool wake = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!stopping_ && queue_.size() < opt_.queue_limit) {
        // Only an idle writer needs waking: a busy one takes the queue when
        // its commit ends (one wake-up per batch, not per response).
        wake = idle_;
        queue_.push_back(std::move(p));
      }
    }
    if (p) {  // refused
      SubmitResult r;
      r.outcome = SubmitOutcome::kUnavailable;
      r.error = Status(Code::kUnavailable, "survey journal: shutting down or queue full")
                    .RetryAfter(1);
      p->done(std::move(r));
      return;
    }
    if (wake) cv_.notify_one();
  }

  void Shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_ && !writer_.joinable()) return;
      stopping_ = true;
    }
    cv_.notify_one();
    if (writer_.joinable()) writer_.join();
  }

  JournalStats Stats() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return stats_;
  }

 private:
  void Run() {
    for (;;) {
      std::vector<std::unique_ptr<Pending>> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        idle_ = true;
        cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        idle_ = false;
        if (queue_.empty()) return;  // stopping and drained
        while (!queue_.empty() && batch.size() < opt_.batch_limit) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
      WriteBatch(batch);
    }
  }

  // Reset after every use: a statement left mid-step would hold its read
  // snapshot across the transaction's end.
  struct ResetOnExit {
    Stmt& s;
    ~ResetOnExit() { s.Reset(); }
  };

  // One row inside the open transaction; creates the batch row on the first
  // response written.
  Result<SubmitResult> Apply(sv::Response& row, SubmitFlags flags, int64_t* batch_id,
                             std::map<std::string, std::string>* survey_status) {
    SubmitResult out;
    {
      Stmt& q = st_.find_key;
      ResetOnExit reset{q};
      q.Bind(1, row.survey_id).Bind(2, row.idempotency_key);
      GOVPERF_STEP(found, q);
      if (found) {
        out.outcome = SubmitOutcome::kReplayed;
        out.response_id = q.Int(0);
        out.status = sv::ParseResponseStatus(q.Text(1)).value_or(sv::ResponseStatus::kAccepted);
        return out;
      }
    }
    if (flags.replay_only) {
      out.outcome = SubmitOutcome::kSurveyNotOpen;
      return out;
    }
    auto cached = survey_status->find(row.survey_id);
    if (cached == survey_status->end()) {
      Stmt& q = st_.survey_status;
      ResetOnExit reset{q};
      q.Bind(1, row.survey_id);
      GOVPERF_STEP(found, q);
      cached = survey_status->emplace(row.survey_id, found ? q.Text(0) : "").first;
    }
    if (cached->second.empty()) {
      out.outcome = SubmitOutcome::kUnknownSurvey;
      return out;
    }
    if (cached->second != "open") {
      out.outcome = SubmitOutcome::kSurveyNotOpen;
      return out;
    }
    if (row.channel == "code") {
      Stmt& q = st_.find_code;
      ResetOnExit reset{q};
      q.Bind(1, row.credential).Bind(2, row.survey_id);
      GOVPERF_STEP(found, q);
      if (!found) {
        out.outcome = SubmitOutcome::kUnknownCode;
        return out;
      }
      if (q.Int(0) != 0) {
        out.outcome = SubmitOutcome::kCredentialUsed;
        return out;
      }
    } else {
      Stmt& q = st_.find_credential;
      ResetOnExit reset{q};
      q.Bind(1, row.survey_id).Bind(2, row.credential);
      GOVPERF_STEP(found, q);
      if (found) {
        out.outcome = SubmitOutcome::kCredentialUsed;
        return out;
      }
    }
    if (*batch_id == 0) {
      Stmt& q = st_.insert_batch;
      ResetOnExit reset{q};
      q.Bind(1, clock_.NowUnix());
      GOVPERF_RETURN_IF_ERROR(q.Run());
      *batch_id = sqlite3_last_insert_rowid(db_->raw());
    }
    row.batch_id = *batch_id;
    {
      Stmt& q = st_.insert;
      ResetOnExit reset{q};
      q.Bind(1, row.survey_id).Bind(2, row.channel).Bind(3, row.credential);
      q.Bind(4, row.idempotency_key).Bind(5, row.group_id);
      q.Bind(6, io::CellsToJson(row.cells).dump());
      q.Bind(7, io::AnswersToJson(row.answers)
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      q.Bind(8, row.started_at_ms).Bind(9, row.submitted_at_ms).Bind(10, row.received_at);
      q.Bind(11, row.client_hash).Bind(12, sv::ResponseStatusName(row.status));
      q.Bind(13, row.reason).Bind(14, row.batch_id);
      GOVPERF_RETURN_IF_ERROR(q.Run());
      row.id = sqlite3_last_insert_rowid(db_->raw());
    }
    if (row.channel == "code") {
      Stmt& q = st_.use_code;
      ResetOnExit reset{q};
      q.Bind(1, row.id).Bind(2, row.credential).Bind(3, row.survey_id);
      GOVPERF_RETURN_IF_ERROR(q.Run());
    }
    out.outcome = SubmitOutcome::kCreated;
    out.response_id = row.id;
    out.status = row.status;
    return out;
  }

  // The store's own writes take the same lock; SQLite's busy handler is not
  // fair, so a batch that found the file locked for the whole busy timeout
  // is tried again (its rows are still waiting) before it fails.
  void WriteBatch(std::vector<std::unique_ptr<Pending>>& batch) {
    std::vector<SubmitResult> results;
    size_t created_count = 0;
    Status st;
    for (int attempt = 0; attempt < kLockedAttempts; ++attempt) {
      results.assign(batch.size(), SubmitResult{});
      created_count = 0;
      st = TryBatch(batch, results, created_count);
      if (st.ok() || st.message().find("locked") == std::string::npos) break;
    }
    Finish(batch, results, created_count, st);
  }

  static constexpr int kLockedAttempts = 3;

  Status TryBatch(std::vector<std::unique_ptr<Pending>>& batch, std::vector<SubmitResult>& results,
                  size_t& created_count) {
    return db_->WriteTxn([&]() -> Status {
      int64_t batch_id = 0;
      std::map<std::string, std::string> survey_status;
      std::vector<const sv::Response*> created;
      for (size_t i = 0; i < batch.size(); ++i) {
        Result<SubmitResult> r = Apply(batch[i]->row, batch[i]->flags, &batch_id, &survey_status);
        if (!r.ok()) {
          // A row the database refused (it should not happen: every
          // constraint is checked first) fails alone; a failed statement
          // leaves the transaction open with the other rows.
          results[i].outcome = SubmitOutcome::kError;
          results[i].error = r.status();
          continue;
        }
        results[i] = *r;
        if (r->outcome == SubmitOutcome::kCreated) created.push_back(&batch[i]->row);
      }
      if (created.empty()) return Status::Ok();
      // Rows were inserted in id order; the hash covers them in that order.
      Sha256 hash;
      std::string survey_id = created.front()->survey_id;
      for (const sv::Response* r : created) {
        hash.Update(BatchRowJson(*r));
        hash.Update("\n");
        if (r->survey_id != survey_id) survey_id.clear();
      }
      const std::string sha = hash.HexDigest();
      const nlohmann::json after{{"batch_id", batch_id},
                                 {"survey_id", survey_id},
                                 {"first_id", created.front()->id},
                                 {"last_id", created.back()->id},
                                 {"count", created.size()},
                                 {"content_sha256", sha}};
      Result<int64_t> audit_id =
          AppendAuditRecord(*db_, key_, FormatIsoUtc(clock_.NowUnix()), "public", "survey.batch",
                            "survey_batch:" + std::to_string(batch_id), "", after.dump());
      if (!audit_id.ok()) return audit_id.status();
      Stmt& q = st_.update_batch;
      ResetOnExit reset{q};
      q.Bind(1, survey_id).Bind(2, created.front()->id).Bind(3, created.back()->id);
      q.Bind(4, static_cast<int64_t>(created.size())).Bind(5, sha).Bind(6, *audit_id);
      q.Bind(7, batch_id);
      GOVPERF_RETURN_IF_ERROR(q.Run());
      created_count = created.size();
      return Status::Ok();
    });
  }

  void Finish(std::vector<std::unique_ptr<Pending>>& batch, std::vector<SubmitResult>& results,
              size_t created_count, const Status& st) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (st.ok() && created_count > 0) {
        stats_.batches += 1;
        stats_.rows += created_count;
        stats_.largest_batch = std::max<uint64_t>(stats_.largest_batch, created_count);
      }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!st.ok()) {
        // The transaction rolled back: nothing of this batch is stored.
        results[i] = SubmitResult{};
        results[i].outcome = SubmitOutcome::kError;
        results[i].error =
            Status(Code::kUnavailable, "survey journal: " + st.message()).RetryAfter(1);
      }
      batch[i]->done(std::move(results[i]));
    }
  }

  std::unique_ptr<Db> db_;
  const Clock& clock_;
  AuditKey key_;
  JournalOptions opt_;
  JournalStatements st_;  // used by the writer thread only

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Pending>> queue_;
  bool stopping_ = false;
  bool idle_ = false;  // the writer waits on cv_
  JournalStats stats_;
  std::thread writer_;
};

}  // namespace
}  // namespace sqlite

Result<std::unique_ptr<SurveyJournal>> OpenSqliteSurveyJournal(const std::string& db_path,
                                                               const Clock& clock,
                                                               JournalOptions options) {
  if (db_path.empty() || db_path == ":memory:") {
    return Status::Invalid("survey journal: needs a database file (its own connection)")
        .Field("db");
  }
  Result<AuditKey> key = ReadAuditKey(AuditKeyPath(db_path));
  if (!key.ok()) {
    return Status(Code::kFailedPrecondition,
                  "survey journal: audit key: " + key.status().message() +
                      " (open the store first: it creates the key)")
        .Field("audit_key");
  }
  Result<std::unique_ptr<sqlite::Db>> db = sqlite::Db::Open(db_path);
  if (!db.ok()) return db.status();
  options.batch_limit = std::max<std::size_t>(1, options.batch_limit);
  auto j = std::make_unique<sqlite::SqliteSurveyJournal>(std::move(*db), clock, std::move(*key),
                                                         options);
  GOVPERF_RETURN_IF_ERROR(j->Start());
  return std::unique_ptr<SurveyJournal>(std::move(j));
}

}  // namespace govperf::store
