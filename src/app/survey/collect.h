// 社会评价 collection: the public submission path (docs/design/survey.md
// "Collection"). The questionnaire for the phone, device tokens, and
// Submit: rate limit → survey open and in its window → credential (code or
// token) → answers (core/survey/answers.h) → quality flags
// (core/survey/quality.h, plus near-duplicates from this process's memory)
// → the response journal, which answers once the row is on disk.
//
// Thread-safe: one Collector serves every request thread.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/survey/rate_limit.h"
#include "app/survey/tokens.h"
#include "core/survey/answers.h"
#include "core/survey/quality.h"
#include "store/store.h"
#include "store/survey_journal.h"

namespace govperf::app::survey {

struct CollectorOptions {
  // Submissions, and device tokens, per client address per minute; 0 = off.
  int rate_limit_per_minute = 0;
  std::string token_secret;  // empty: a random one (tokens die with the process)
  int64_t token_ttl_seconds = kDefaultTokenTtlSeconds;
  // How long a questionnaire read from the store is reused (the journal
  // checks the survey's status itself, so a stale cache never lets a
  // response into a closed survey; it only delays the 409 by this much).
  int64_t cache_seconds = 2;
  // Recent responses remembered per survey for the near-duplicate rule.
  std::size_t duplicate_memory = 50000;
};

struct Submission {
  std::string survey_id;
  std::string code;   // invitation code as typed, or
  std::string token;  // a device token (public link)
  std::string idempotency_key;
  core::survey::Submitted answers;
  core::survey::Paradata paradata;
  std::string address;  // client address (rate limit, near-duplicates); hashed before storing
};

struct SubmitReply {
  bool created = false;  // 201; false: a replay of the same key (200)
  int64_t response_id = 0;
  core::survey::ResponseStatus status = core::survey::ResponseStatus::kAccepted;
};

class Collector {
 public:
  // `journal` may be null: submissions are then refused (503) — a server
  // run without a database file.
  Collector(store::Store& store, store::SurveyJournal* journal, const store::Clock& clock,
            CollectorOptions options);

  // The questionnaire of an open or closed survey; NotFound (survey_id) for
  // an unknown or draft one.
  Result<std::shared_ptr<const core::survey::Survey>> Questionnaire(const std::string& survey_id);
  // A device token for the public link: FailedPrecondition when the survey
  // has no public link or is not open; ResourceExhausted past the rate limit.
  Result<DeviceToken> MintToken(const std::string& survey_id, const std::string& address);
  // Errors: NotFound (survey_id; code: unknown code), FailedPrecondition
  // (survey_id: closed or outside its window; code / token: already used;
  // token: expired), InvalidArgument (answers.<id>, code, token,
  // idempotency_key, paradata), ResourceExhausted with RetryAfter (rate
  // limit), Unavailable (journal busy or stopped).
  Result<SubmitReply> Submit(const Submission& s);
  // The same without waiting: `done` is called once, with the outcome, on
  // this thread (refused before the journal) or on the journal's writer
  // thread after the commit — keep it short. Outside the fieldwork window a
  // retry of an accepted response still gets its reply (J7 of the journal).
  using SubmitDone = std::function<void(Result<SubmitReply>)>;
  void SubmitAsync(const Submission& s, SubmitDone done);

  int rate_limit() const { return limiter_.per_minute(); }

 private:
  struct Cached {
    std::shared_ptr<const core::survey::Survey> survey;
    int64_t fetched_at = 0;
  };
  // Near-duplicate memory of one survey: (client hash, fingerprint) → id
  // (0 while the response is being written), oldest first for eviction.
  struct Recent {
    bool seeded = false;
    std::unordered_map<std::string, int64_t> ids;
    std::deque<std::string> order;
  };
  // What goes to the journal, checked and flagged on the caller's thread.
  struct Prepared {
    core::survey::Response row;
    store::SubmitFlags flags;
    Status not_open;          // the answer to kSurveyNotOpen
    std::string dup_key;      // remembered for near-duplicates ("" with replay_only)
    bool remembered = false;  // this submission put dup_key in the memory
  };
  Result<Prepared> Prepare(const Submission& s);
  Result<SubmitReply> Finish(const Prepared& p, const store::SubmitResult& r);
  Result<std::shared_ptr<const core::survey::Survey>> Load(const std::string& survey_id);
  // Returns the earlier response's id (0: one being written) when the same
  // client sent the same answers; otherwise remembers this one.
  std::optional<int64_t> SeenOrRemember(const std::string& survey_id, const std::string& key);
  void Remember(const std::string& survey_id, const std::string& key, int64_t id);
  void Forget(const std::string& survey_id, const std::string& key);
  void SeedLocked(const std::string& survey_id, Recent& r);

  store::Store& store_;
  store::SurveyJournal* journal_;
  const store::Clock& clock_;
  CollectorOptions opt_;
  DeviceTokens tokens_;
  RateLimiter limiter_, token_limiter_;
  std::mutex cache_mu_;
  std::map<std::string, Cached> cache_;
  std::mutex recent_mu_;
  std::map<std::string, Recent> recent_;
};

}  // namespace govperf::app::survey
