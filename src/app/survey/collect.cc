#include "app/survey/collect.h"

#include "app/survey/codes.h"
#include "store/password.h"

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;

Status UnknownSurvey(const std::string& id) {
  return Status::NotFound("survey_id: no survey '" + id + "' is being collected")
      .Field("survey_id")
      .Zh("survey_id：没有这项调查");
}

Status Closed(const std::string& id, const std::string& why_en, const std::string& why_zh) {
  return Status(Code::kFailedPrecondition, "survey_id: survey '" + id + "' " + why_en)
      .Field("survey_id")
      .Zh("survey_id：" + why_zh);
}

bool PrintableKey(const std::string& k) {
  if (k.empty() || k.size() > 128) return false;
  for (unsigned char c : k) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

}  // namespace

Collector::Collector(store::Store& store, store::SurveyJournal* journal, const store::Clock& clock,
                     CollectorOptions options)
    : store_(store),
      journal_(journal),
      clock_(clock),
      opt_(std::move(options)),
      tokens_(opt_.token_secret.empty() ? RandomTokenSecret() : opt_.token_secret,
              opt_.token_ttl_seconds),
      limiter_(opt_.rate_limit_per_minute),
      token_limiter_(opt_.rate_limit_per_minute) {}

Result<std::shared_ptr<const sv::Survey>> Collector::Load(const std::string& survey_id) {
  const int64_t now = clock_.NowUnix();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_.find(survey_id);
    if (it != cache_.end() && now - it->second.fetched_at < opt_.cache_seconds) {
      return it->second.survey;
    }
  }
  Result<std::optional<sv::Survey>> found = store_.FindSurvey(survey_id);
  if (!found.ok()) return found.status();
  if (!found->has_value() || (*found)->status == sv::SurveyStatus::kDraft) {
    return UnknownSurvey(survey_id);
  }
  auto survey = std::make_shared<const sv::Survey>(std::move(**found));
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (cache_.size() > 1000) cache_.clear();  // ids come from URLs: bound the map
  cache_[survey_id] = {survey, now};
  return survey;
}

Result<std::shared_ptr<const sv::Survey>> Collector::Questionnaire(const std::string& survey_id) {
  return Load(survey_id);
}

Result<DeviceToken> Collector::MintToken(const std::string& survey_id, const std::string& address) {
  const int64_t now = clock_.NowUnix();
  if (int wait = token_limiter_.Take(address, now); wait > 0) {
    return Status(Code::kResourceExhausted, "too many device tokens from this address: wait")
        .Zh("本地址申请令牌过于频繁，请稍后再试")
        .RetryAfter(wait);
  }
  Result<std::shared_ptr<const sv::Survey>> s = Load(survey_id);
  if (!s.ok()) return s.status();
  if (!(*s)->public_link) {
    return Closed(survey_id, "has no public link: answer with an invitation code",
                  "本调查不开放公开链接，请使用邀请码");
  }
  if ((*s)->status != sv::SurveyStatus::kOpen) return Closed(survey_id, "is closed", "调查已结束");
  return tokens_.Mint(survey_id, now);
}

std::optional<int64_t> Collector::SeenOrRemember(const std::string& survey_id,
                                                 const std::string& key) {
  std::lock_guard<std::mutex> lock(recent_mu_);
  Recent& r = recent_[survey_id];
  if (!r.seeded) SeedLocked(survey_id, r);
  auto it = r.ids.find(key);
  if (it != r.ids.end()) return it->second;
  r.ids.emplace(key, 0);
  r.order.push_back(key);
  while (r.order.size() > opt_.duplicate_memory) {
    r.ids.erase(r.order.front());
    r.order.pop_front();
  }
  return std::nullopt;
}

void Collector::Remember(const std::string& survey_id, const std::string& key, int64_t id) {
  std::lock_guard<std::mutex> lock(recent_mu_);
  auto it = recent_[survey_id].ids.find(key);
  if (it != recent_[survey_id].ids.end() && it->second == 0) it->second = id;
}

void Collector::Forget(const std::string& survey_id, const std::string& key) {
  std::lock_guard<std::mutex> lock(recent_mu_);
  auto it = recent_[survey_id].ids.find(key);
  if (it != recent_[survey_id].ids.end() && it->second == 0) recent_[survey_id].ids.erase(it);
}

// The memory starts from the survey's most recent stored responses, so a
// restart does not forget them. Read once per survey and process: the newest
// `duplicate_memory` rows, not the whole survey.
void Collector::SeedLocked(const std::string& survey_id, Recent& r) {
  r.seeded = true;
  Result<std::vector<sv::Response>> rows =
      store_.RecentResponses(survey_id, static_cast<int>(opt_.duplicate_memory));
  if (!rows.ok()) return;
  for (const sv::Response& row : *rows) {
    const std::string key = row.client_hash + ":" + sv::AnswerFingerprint(row.answers);
    if (r.ids.emplace(key, row.id).second) r.order.push_back(key);
  }
}

Result<Collector::Prepared> Collector::Prepare(const Submission& s) {
  const int64_t now = clock_.NowUnix();
  if (int wait = limiter_.Take(s.address, now); wait > 0) {
    return Status(Code::kResourceExhausted,
                  "too many submissions from this address: try again in " + std::to_string(wait) +
                      " s")
        .Zh("本地址提交过于频繁，请稍后再试")
        .RetryAfter(wait);
  }
  if (journal_ == nullptr) {
    return Status(Code::kUnavailable, "survey collection is not running on this server")
        .RetryAfter(60);
  }
  Result<std::shared_ptr<const sv::Survey>> loaded = Load(s.survey_id);
  if (!loaded.ok()) return loaded.status();
  const sv::Survey& survey = **loaded;
  if (!PrintableKey(s.idempotency_key)) {
    return Status::Invalid("idempotency_key: 1 to 128 printable ASCII characters")
        .Field("idempotency_key")
        .Zh("idempotency_key：应为 1 至 128 个可打印字符");
  }
  Prepared p;
  p.not_open = Closed(survey.id, "is closed", "调查已结束");
  sv::Response& row = p.row;
  row.survey_id = survey.id;
  row.idempotency_key = s.idempotency_key;
  std::optional<sv::InvitationCode> code;
  if (!s.code.empty() && !s.token.empty()) {
    return Status::Invalid("code: send an invitation code or a device token, not both")
        .Field("code");
  }
  if (!s.code.empty()) {
    if (s.code.size() > 64) return Status::Invalid("code: too long").Field("code");
    row.channel = "code";
    row.credential = CodeHash(s.code);
    Result<std::optional<sv::InvitationCode>> c =
        store_.FindInvitationCode(survey.id, row.credential);
    if (!c.ok()) return c.status();
    if (!c->has_value()) {
      return Status::NotFound("code: no such invitation code for this survey")
          .Field("code")
          .Zh("code：邀请码无效");
    }
    code = std::move(**c);
  } else if (!s.token.empty()) {
    if (!survey.public_link) {
      return Status::Invalid("token: this survey has no public link: answer with a code")
          .Field("token");
    }
    GOVPERF_RETURN_IF_ERROR(tokens_.Verify(s.token, survey.id, now));
    row.channel = "link";
    row.credential = store::Sha256Hex(s.token);
  } else {
    return Status::Invalid("code: an invitation code or a device token is required")
        .Field("code")
        .Zh("code：请输入邀请码");
  }
  // Outside the fieldwork window: refused before validation, so a late
  // respondent learns it at once whatever they answered — but through the
  // journal as replay-only, so that a retry of a response accepted inside
  // the window still gets its 200. Whether the survey is open is the
  // journal's check too, on the stored status (the cached one may be 2 s
  // old), after the idempotency key.
  const bool early = survey.opens_at > 0 && now < survey.opens_at;
  const bool late = survey.closes_at > 0 && now > survey.closes_at;
  if (early || late) {
    p.flags.replay_only = true;
    p.not_open = early
                     ? Closed(survey.id, "has not opened yet", "调查尚未开始")
                     : Closed(survey.id, "closed at the end of its fieldwork window", "调查已结束");
    return p;
  }
  Result<sv::Answers> answers = sv::ValidateAnswers(survey, s.answers);
  if (!answers.ok()) return answers.status();
  row.answers = std::move(*answers);
  sv::RespondentCells cells = sv::CellsOf(survey, row.answers, code ? &*code : nullptr);
  row.group_id = std::move(cells.group_id);
  row.cells = std::move(cells.cells);
  if (row.group_id.empty()) {
    return Status(Code::kFailedPrecondition, "survey_id: the survey has no public group")
        .Field("survey_id");
  }
  row.started_at_ms = s.paradata.started_at_ms;
  row.submitted_at_ms = s.paradata.submitted_at_ms;
  row.received_at = now;
  row.client_hash = tokens_.Mac("address:" + s.address);

  std::vector<std::string> reasons = sv::QualityReasons(survey, row.answers, s.paradata);
  p.dup_key = row.client_hash + ":" + sv::AnswerFingerprint(row.answers);
  const std::optional<int64_t> earlier = SeenOrRemember(survey.id, p.dup_key);
  if (earlier) {
    reasons.push_back(*earlier > 0 ? "near_duplicate:" + std::to_string(*earlier)
                                   : "near_duplicate");
  }
  p.remembered = !earlier;
  row.status = reasons.empty() ? sv::ResponseStatus::kAccepted : sv::ResponseStatus::kFlagged;
  row.reason = sv::JoinReasons(reasons);
  return p;
}

Result<SubmitReply> Collector::Finish(const Prepared& p, const store::SubmitResult& r) {
  if (p.remembered) {
    if (r.outcome == store::SubmitOutcome::kCreated) {
      Remember(p.row.survey_id, p.dup_key, r.response_id);
    } else {
      Forget(p.row.survey_id, p.dup_key);
    }
  }
  switch (r.outcome) {
    case store::SubmitOutcome::kCreated:
    case store::SubmitOutcome::kReplayed:
      return SubmitReply{r.outcome == store::SubmitOutcome::kCreated, r.response_id, r.status};
    case store::SubmitOutcome::kCredentialUsed:
      if (p.row.channel == "code") {
        return Status(Code::kFailedPrecondition, "code: this invitation code has already been used")
            .Field("code")
            .Zh("code：该邀请码已使用");
      }
      return Status(Code::kFailedPrecondition, "token: this device has already answered")
          .Field("token")
          .Zh("token：本设备已提交过答卷");
    case store::SubmitOutcome::kUnknownSurvey:
      return UnknownSurvey(p.row.survey_id);
    case store::SubmitOutcome::kSurveyNotOpen:
      return p.not_open;
    case store::SubmitOutcome::kUnavailable:
    case store::SubmitOutcome::kError:
      break;
  }
  Status err = r.error.ok() ? Status(Code::kUnavailable, "survey journal failed") : r.error;
  if (err.code() != Code::kUnavailable) {
    err = Status(Code::kUnavailable, err.message()).RetryAfter(1);
  }
  return err;
}

void Collector::SubmitAsync(const Submission& s, SubmitDone done) {
  Result<Prepared> p = Prepare(s);
  if (!p.ok()) {
    done(p.status());
    return;
  }
  auto prepared = std::make_shared<Prepared>(std::move(*p));
  store::SubmitFlags flags = prepared->flags;
  // The journal takes the row; Finish needs only its survey and channel.
  sv::Response row = std::move(prepared->row);
  prepared->row.survey_id = row.survey_id;
  prepared->row.channel = row.channel;
  journal_->SubmitAsync(std::move(row), flags,
                        [this, prepared, done = std::move(done)](store::SubmitResult r) {
                          done(Finish(*prepared, r));
                        });
}

Result<SubmitReply> Collector::Submit(const Submission& s) {
  Result<Prepared> p = Prepare(s);
  if (!p.ok()) return p.status();
  return Finish(*p, journal_->Submit(p->row, p->flags));
}

}  // namespace govperf::app::survey
