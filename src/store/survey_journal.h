// 社会评价 the response journal: how survey responses reach the database
// (docs/design/survey.md "Collection: the response journal").
//
// SubmitAsync() queues a response and calls back once the transaction
// holding it has committed (synchronous=FULL: on disk) with its outcome;
// Submit() is the same, blocking. Responses submitted while a transaction is
// being written are queued and committed together by the next one (group
// commit), so throughput is one fsync per batch, not per response, and no
// thread waits per response (the server answers from the callback).
//
// Guarantees:
//  J1. An outcome of kCreated or kReplayed is returned only after COMMIT:
//      a crash before it loses the whole batch, and none of its submitters
//      was answered; after it every row is there exactly once.
//  J2. One response per (survey, idempotency key): the same key again
//      returns the first response's id and status (kReplayed), whatever the
//      rest of the row says; keys race safely (one writer thread).
//  J3. One counted (non-rejected) response per credential — an invitation
//      code's hash or a device token's hash — held by the partial unique
//      index survey_responses_credential: another key for a used credential
//      is kCredentialUsed; a rejected response frees its credential. The
//      caller checks that a code exists (codes are never deleted); the
//      journal does not read the codes table.
//  J4. A response to a survey that is not open when its batch is written is
//      kSurveyNotOpen (a survey closed meanwhile stops taking responses at
//      once); an unknown survey is kUnknownSurvey.
//  J5. Each batch that created rows writes one survey_batches row and ONE
//      audit record (`survey.batch`) holding the SHA-256 over its rows'
//      canonical JSON in id order (BatchRowJson), appended to the same chain
//      as the store's records inside the same transaction.
//  J6. Shutdown() drains the queue: everything submitted before it is
//      written and answered; Submit() after it is kUnavailable.
//  J7. A replay-only submission (outside the fieldwork window) is answered
//      kReplayed when its idempotency key was seen and kSurveyNotOpen
//      otherwise; it never writes.
//  J8. The writer does not checkpoint the WAL inside a batch's commit: a
//      checkpoint thread with its own connection does (PASSIVE, never
//      blocking the writer), so the WAL stays bounded without a pause of
//      every submission queued meanwhile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "core/survey/model.h"
#include "store/store.h"

namespace govperf::store {

enum class SubmitOutcome {
  kCreated,         // written now: response_id, status
  kReplayed,        // the idempotency key was seen: the earlier id and status
  kCredentialUsed,  // the code or token already has a (non-rejected) response
  kUnknownSurvey,
  kSurveyNotOpen,
  kUnavailable,  // the journal is shut down or its queue is full
  kError,        // the batch failed (error says why); nothing of it was written
};

struct SubmitResult {
  SubmitOutcome outcome = SubmitOutcome::kError;
  int64_t response_id = 0;
  core::survey::ResponseStatus status = core::survey::ResponseStatus::kAccepted;
  Status error;
};

struct JournalOptions {
  // Rows per transaction at most (a larger queue is written in several).
  std::size_t batch_limit = 2048;
  // Rows waiting at most; one more is kUnavailable at once (the caller
  // answers 503) rather than queueing without bound.
  std::size_t queue_limit = 100000;
  // Checkpoints (WAL pages copied back into the database file) run on a
  // thread of their own once the WAL holds this many pages, so that no
  // batch waits for one (J8); should the WAL reach `wal_limit_pages` anyway,
  // the writer checkpoints itself between batches, as SQLite would.
  int wal_checkpoint_pages = 1000;
  int wal_limit_pages = 8000;
};

struct JournalStats {
  uint64_t batches = 0;  // committed transactions that created rows
  uint64_t rows = 0;     // rows created
  uint64_t largest_batch = 0;
  uint64_t checkpoints = 0;         // by the checkpoint thread
  uint64_t writer_checkpoints = 0;  // by the writer, past wal_limit_pages
};

// Called once per submission, on the journal's writer thread after the
// commit (or at once, on the caller's thread, when the queue refuses it):
// keep it short and never call back into the journal from it.
using SubmitCallback = std::function<void(SubmitResult)>;

struct SubmitFlags {
  // Only answer a retry: kReplayed when the key was seen, else
  // kSurveyNotOpen; the row is not validated or written (J7).
  bool replay_only = false;
};

class SurveyJournal {
 public:
  virtual ~SurveyJournal() = default;
  // `row`: a validated response (id and batch_id are set by the journal).
  // For channel "code" the credential is the hash of a code the caller found
  // in the survey's codes; for "link" it is the device token's hash. Thread-safe; does not
  // block (beyond a short lock).
  virtual void SubmitAsync(core::survey::Response row, SubmitFlags flags, SubmitCallback done) = 0;
  // The same, waiting for the outcome. Thread-safe; blocks.
  SubmitResult Submit(const core::survey::Response& row, SubmitFlags flags = {});
  // Drains and stops the writer (also done by the destructor). Idempotent.
  virtual void Shutdown() = 0;
  virtual JournalStats Stats() const = 0;
};

// The canonical JSON of a stored row as the batch hash covers it (keys
// sorted; answers and cells as stored): one line per row, in id order.
std::string BatchRowJson(const core::survey::Response& r);

// A journal writing to the SQLite file `db_path` through its own connection
// (WAL, synchronous=FULL) and one writer thread. The database must already
// be migrated (the store opens it first); the audit key is read from the
// file next to it (store/audit_key.h) and must exist for a file database.
Result<std::unique_ptr<SurveyJournal>> OpenSqliteSurveyJournal(const std::string& db_path,
                                                               const Clock& clock,
                                                               JournalOptions options = {});

}  // namespace govperf::store
