// The SQLite response journal (store/survey_journal.h): its own connection,
// one writer thread, group commit. Why a separate connection: the store's
// connection is serialised by its mutex, and one audited transaction per
// response would cap collection at one fsync per response.
#include "store/survey_journal.h"

#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "io/json_append.h"
#include "io/survey_json.h"
#include "store/audit_chain.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/wal_buffer_vfs.h"

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

void AppendJsonString(std::string& out, const std::string& s) {
  io::AppendJsonString(out, s, io::InvalidUtf8::kReplace);
}

// A row as the writer needs it: the stored JSON columns and the parts of its
// BatchRowJson around the two numbers only the writer knows (batch id, row
// id), all made on the submitter's thread so that the one writer thread only
// binds and joins. Keys in BatchRowJson's (sorted) order.
struct EncodedRow {
  std::string cells, answers;
  std::string head, middle, tail;  // head + batch_id + middle + id + tail

  explicit EncodedRow(const sv::Response& r)
      : cells(io::CellsToJson(r.cells).dump(-1, ' ', false,
                                            nlohmann::json::error_handler_t::replace)),
        answers(io::AnswersToJson(r.answers).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace)) {
    head = "{\"answers\":" + answers + ",\"batch_id\":";
    middle = ",\"cells\":" + cells + ",\"channel\":";
    AppendJsonString(middle, r.channel);
    middle += ",\"client_hash\":";
    AppendJsonString(middle, r.client_hash);
    middle += ",\"credential\":";
    AppendJsonString(middle, r.credential);
    middle += ",\"group_id\":";
    AppendJsonString(middle, r.group_id);
    middle += ",\"id\":";
    tail = ",\"idempotency_key\":";
    AppendJsonString(tail, r.idempotency_key);
    tail += ",\"reason\":";
    AppendJsonString(tail, r.reason);
    tail += ",\"received_at\":" + std::to_string(r.received_at);
    tail += ",\"started_at_ms\":" + std::to_string(r.started_at_ms);
    tail += ",\"status\":";
    AppendJsonString(tail, sv::ResponseStatusName(r.status));
    tail += ",\"submitted_at_ms\":" + std::to_string(r.submitted_at_ms);
    tail += ",\"survey_id\":";
    AppendJsonString(tail, r.survey_id);
    tail += '}';
  }

  std::string BatchJson(int64_t batch_id, int64_t id) const {
    return head + std::to_string(batch_id) + middle + std::to_string(id) + tail;
  }
};

struct Pending {
  sv::Response row;
  SubmitFlags flags;
  SubmitCallback done;
  EncodedRow encoded;
};

// The prepared statements of one connection, reused for every row: preparing
// per row costs as much as the insert itself.
struct JournalStatements {
  Stmt find_key, find_credential, survey_status, insert, insert_batch, update_batch;

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
  SqliteSurveyJournal(std::unique_ptr<Db> db, std::unique_ptr<Db> checkpoint_db, const Clock& clock,
                      AuditKey key, JournalOptions options)
      : db_(std::move(db)),
        checkpoint_db_(std::move(checkpoint_db)),
        clock_(clock),
        key_(std::move(key)),
        opt_(options) {}
  ~SqliteSurveyJournal() override { Shutdown(); }

  Status Start() {
    GOVPERF_RETURN_IF_ERROR(st_.Prepare(*db_));
    // Replaces SQLite's automatic checkpoint on this connection (J8).
    sqlite3_wal_hook(db_->raw(), &SqliteSurveyJournal::WalHook, this);
    checkpointer_ = std::thread([this] {
      pthread_setname_np(pthread_self(), "survey-ckpt");
      Checkpoints();
    });
    writer_ = std::thread([this] {
      pthread_setname_np(pthread_self(), "survey-journal");  // for top -H, perf
      Run();
    });
    return Status::Ok();
  }

  void SubmitAsync(sv::Response row, SubmitFlags flags, SubmitCallback done) override {
    EncodedRow encoded(row);
    auto p = std::make_unique<Pending>(
        Pending{std::move(row), flags, std::move(done), std::move(encoded)});
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
      r.error =
          Status(Code::kUnavailable, "survey journal: shutting down or queue full").RetryAfter(1);
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
    {
      std::lock_guard<std::mutex> lock(mu_);
      checkpoint_stopping_ = true;
    }
    checkpoint_cv_.notify_one();
    if (checkpointer_.joinable()) checkpointer_.join();
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

  // J8. Called by SQLite on the writer thread after each commit, with the
  // WAL's size in pages. SQLite's own automatic checkpoint would copy the
  // pages back right here, inside the writer's turn: every few hundred
  // responses a pause of a thousand page reads and writes and an fsync,
  // which every submission queued meanwhile waited for (the p99 of a paced
  // campaign). Instead the checkpoint thread is asked to do it.
  static int WalHook(void* self_ptr, sqlite3* db, const char* name, int pages) {
    auto* self = static_cast<SqliteSurveyJournal*>(self_ptr);
    if (pages >= self->opt_.wal_limit_pages) {
      // The passive checkpoints did not let the log restart (the writer
      // never idled long enough): copy back here, between batches, so that
      // everything is copied and the next transaction restarts the log. Not
      // while the checkpoint thread is at it: waiting for its pass (up to
      // the whole WAL and an fsync of the database) would stall every
      // queued submission; the next commit comes back here.
      std::unique_lock<std::mutex> one_at_a_time(self->checkpoint_run_mu_, std::try_to_lock);
      if (!one_at_a_time.owns_lock()) return SQLITE_OK;
      if (sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) ==
          SQLITE_OK) {
        std::lock_guard<std::mutex> lock(self->mu_);
        self->stats_.writer_checkpoints += 1;
      }
    } else if (pages >= self->opt_.wal_checkpoint_pages) {
      {
        std::lock_guard<std::mutex> lock(self->mu_);
        self->checkpoint_wanted_ = true;
      }
      self->checkpoint_cv_.notify_one();
    }
    return SQLITE_OK;
  }

  // The checkpoint thread: PASSIVE copies every page no reader still needs
  // without taking the write lock, so the writer goes on committing; once a
  // checkpoint has caught up, the writer's next transaction restarts the log
  // from its beginning.
  void Checkpoints() {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        checkpoint_cv_.wait(lock, [&] { return checkpoint_stopping_ || checkpoint_wanted_; });
        if (checkpoint_stopping_) return;
        checkpoint_wanted_ = false;
      }
      std::unique_lock<std::mutex> one_at_a_time(checkpoint_run_mu_);
      const int rc = sqlite3_wal_checkpoint_v2(checkpoint_db_->raw(), nullptr,
                                               SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      one_at_a_time.unlock();
      if (rc == SQLITE_OK) {
        std::lock_guard<std::mutex> lock(mu_);
        stats_.checkpoints += 1;
      }
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
  Result<SubmitResult> Apply(Pending& pending, int64_t* batch_id,
                             std::map<std::string, std::string>* survey_status) {
    sv::Response& row = pending.row;
    const SubmitFlags flags = pending.flags;
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
    // One counted response per credential, code or token alike: the partial
    // unique index survey_responses_credential holds it. The codes table is
    // not read here: the collector found the code (codes are never deleted),
    // and a random page of it read and dirtied per row cost more than the
    // insert itself.
    {
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
      q.Bind(6, pending.encoded.cells).Bind(7, pending.encoded.answers);
      q.Bind(8, row.started_at_ms).Bind(9, row.submitted_at_ms).Bind(10, row.received_at);
      q.Bind(11, row.client_hash).Bind(12, sv::ResponseStatusName(row.status));
      q.Bind(13, row.reason).Bind(14, row.batch_id);
      GOVPERF_RETURN_IF_ERROR(q.Run());
      row.id = sqlite3_last_insert_rowid(db_->raw());
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
      std::vector<const Pending*> created;
      for (size_t i = 0; i < batch.size(); ++i) {
        Result<SubmitResult> r = Apply(*batch[i], &batch_id, &survey_status);
        if (!r.ok()) {
          // A row the database refused (it should not happen: every
          // constraint is checked first) fails alone; a failed statement
          // leaves the transaction open with the other rows.
          results[i].outcome = SubmitOutcome::kError;
          results[i].error = r.status();
          continue;
        }
        results[i] = *r;
        if (r->outcome == SubmitOutcome::kCreated) created.push_back(batch[i].get());
      }
      if (created.empty()) return Status::Ok();
      // Rows were inserted in id order; the hash covers them in that order.
      Sha256 hash;
      std::string survey_id = created.front()->row.survey_id;
      for (const Pending* p : created) {
        hash.Update(p->encoded.BatchJson(p->row.batch_id, p->row.id));
        hash.Update("\n");
        if (p->row.survey_id != survey_id) survey_id.clear();
      }
      const std::string sha = hash.HexDigest();
      const nlohmann::json after{{"batch_id", batch_id},
                                 {"survey_id", survey_id},
                                 {"first_id", created.front()->row.id},
                                 {"last_id", created.back()->row.id},
                                 {"count", created.size()},
                                 {"content_sha256", sha}};
      Result<int64_t> audit_id =
          AppendAuditRecord(*db_, key_, FormatIsoUtc(clock_.NowUnix()), "public", "survey.batch",
                            "survey_batch:" + std::to_string(batch_id), "", after.dump());
      if (!audit_id.ok()) return audit_id.status();
      Stmt& q = st_.update_batch;
      ResetOnExit reset{q};
      q.Bind(1, survey_id).Bind(2, created.front()->row.id).Bind(3, created.back()->row.id);
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
  std::unique_ptr<Db> checkpoint_db_;  // the checkpoint thread's only
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
  std::condition_variable checkpoint_cv_;
  std::mutex checkpoint_run_mu_;  // held by whichever thread checkpoints
  bool checkpoint_wanted_ = false;
  bool checkpoint_stopping_ = false;
  std::thread checkpointer_;
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
  // The writer's WAL appends go through the buffering VFS: its connection
  // has synchronous=FULL, so every commit's sync writes them first.
  Result<std::unique_ptr<sqlite::Db>> db = sqlite::Db::Open(db_path, sqlite::WalBufferVfs());
  if (!db.ok()) return db.status();
  Result<std::unique_ptr<sqlite::Db>> checkpoint_db = sqlite::Db::Open(db_path);
  if (!checkpoint_db.ok()) return checkpoint_db.status();
  options.batch_limit = std::max<std::size_t>(1, options.batch_limit);
  options.wal_checkpoint_pages = std::max(1, options.wal_checkpoint_pages);
  options.wal_limit_pages = std::max(options.wal_checkpoint_pages, options.wal_limit_pages);
  auto j = std::make_unique<sqlite::SqliteSurveyJournal>(std::move(*db), std::move(*checkpoint_db),
                                                         clock, std::move(*key), options);
  GOVPERF_RETURN_IF_ERROR(j->Start());
  return std::unique_ptr<SurveyJournal>(std::move(j));
}

}  // namespace govperf::store
