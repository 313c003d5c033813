// 社会评价 invitation codes and responses (migration 0017): issuing codes,
// reading responses, and the office's review of flagged ones. Responses are
// written by the response journal (store/survey_journal.h), in batches.
#include <algorithm>

#include "io/survey_json.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

namespace sv = core::survey;

constexpr const char* kResponseColumns =
    "id, survey_id, channel, credential, idempotency_key, group_id, cells, answers, "
    "started_at_ms, submitted_at_ms, received_at, client_hash, status, reason, batch_id, "
    "reviewed_by, review_note";

Result<sv::Response> ResponseRow(const Stmt& q) {
  sv::Response r;
  r.id = q.Int(0);
  r.survey_id = q.Text(1);
  r.channel = q.Text(2);
  r.credential = q.Text(3);
  r.idempotency_key = q.Text(4);
  r.group_id = q.Text(5);
  const std::string where = "survey_responses." + std::to_string(r.id);
  nlohmann::json cells = nlohmann::json::parse(q.Text(6), nullptr, false);
  nlohmann::json answers = nlohmann::json::parse(q.Text(7), nullptr, false);
  if (cells.is_discarded() || answers.is_discarded()) {
    return Status(Code::kInternal, where + ": unreadable JSON");
  }
  Result<std::map<std::string, std::string>> c = io::CellsFromJson(cells);
  if (!c.ok()) return Status(Code::kInternal, where + ": " + c.status().message());
  r.cells = std::move(*c);
  Result<sv::Answers> a = io::AnswersFromJson(answers);
  if (!a.ok()) return Status(Code::kInternal, where + ": " + a.status().message());
  r.answers = std::move(*a);
  r.started_at_ms = q.Int(8);
  r.submitted_at_ms = q.Int(9);
  r.received_at = q.Int(10);
  r.client_hash = q.Text(11);
  auto st = sv::ParseResponseStatus(q.Text(12));
  if (!st) return Status(Code::kInternal, where + ": bad status");
  r.status = *st;
  r.reason = q.Text(13);
  r.batch_id = q.Int(14);
  r.reviewed_by = q.Text(15);
  r.review_note = q.Text(16);
  return r;
}

// Every remaining row of a `kResponseColumns` query, appended to `out`.
Status AppendResponseRows(Stmt& q, std::vector<sv::Response>& out) {
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) return Status::Ok();
    Result<sv::Response> r = ResponseRow(q);
    if (!r.ok()) return r.status();
    out.push_back(std::move(*r));
  }
}

}  // namespace

Result<std::optional<sv::InvitationCode>> SqliteStore::FindInvitationCode(
    const std::string& survey_id, const std::string& code_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!find_code_) {
    Result<Stmt> prepared = db_->Prepare(
        "SELECT group_id, cells, unit_id, issued_at FROM survey_codes "
        "WHERE code_hash = ? AND survey_id = ?");
    if (!prepared.ok()) return prepared.status();
    find_code_ = std::move(*prepared);
  }
  Stmt& q = *find_code_;
  // Reset on every exit: a statement left mid-step holds a read snapshot.
  struct ResetOnExit {
    Stmt& s;
    ~ResetOnExit() { s.Reset(); }
  } reset{q};
  q.Bind(1, code_hash).Bind(2, survey_id);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<sv::InvitationCode>();
  sv::InvitationCode c;
  c.survey_id = survey_id;
  c.code_hash = code_hash;
  c.group_id = q.Text(0);
  nlohmann::json cells = nlohmann::json::parse(q.Text(1), nullptr, false);
  if (!cells.is_discarded()) {
    Result<std::map<std::string, std::string>> parsed = io::CellsFromJson(cells);
    if (parsed.ok()) c.cells = std::move(*parsed);
  }
  c.unit_id = q.Text(2);
  c.issued_at = q.Int(3);
  return std::optional<sv::InvitationCode>(std::move(c));
}

Result<ResponseCounts> SqliteStore::CountResponses(const std::string& survey_id) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT status, COUNT(*) FROM survey_responses "
                                      "WHERE survey_id = ? GROUP BY status"));
  q.Bind(1, survey_id);
  ResponseCounts out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    const std::string st = q.Text(0);
    const int64_t n = q.Int(1);
    if (st == "accepted") out.accepted = n;
    if (st == "flagged") out.flagged = n;
    if (st == "rejected") out.rejected = n;
  }
  return out;
}

Result<std::vector<sv::Response>> SqliteStore::ListResponses(
    const std::string& survey_id, std::optional<sv::ResponseStatus> status, int64_t after_id,
    int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  // Two statements, not one with "(? = '' OR status = ?)": with the status
  // given, the page is a range of the (survey_id, status, id) index, so a
  // review queue of a few flagged rows among a million costs a few rows, not
  // a scan from `after_id` to the end.
  const std::string where =
      status ? " WHERE survey_id = ? AND status = ? AND id > ?" : " WHERE survey_id = ? AND id > ?";
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kResponseColumns +
                                      " FROM survey_responses" + where + " ORDER BY id LIMIT ?"));
  int i = 1;
  q.Bind(i++, survey_id);
  if (status) q.Bind(i++, std::string(sv::ResponseStatusName(*status)));
  q.Bind(i++, after_id);
  q.Bind(i++, limit);
  std::vector<sv::Response> out;
  GOVPERF_RETURN_IF_ERROR(AppendResponseRows(q, out));
  return out;
}

Result<FieldworkCounts> SqliteStore::CountFieldwork(const std::string& survey_id) {
  std::lock_guard<std::mutex> lock(mu_);
  FieldworkCounts out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    {
      // Covered by survey_responses_group (survey_id, group_id, status).
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT group_id, status, COUNT(*) FROM survey_responses "
                                          "WHERE survey_id = ? GROUP BY group_id, status "
                                          "ORDER BY group_id, status"));
      q.Bind(1, survey_id);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        out.groups.push_back({q.Text(0), q.Text(1), q.Int(2)});
      }
    }
    // Accepted rows through survey_responses_status (survey_id, status, id),
    // counted per distinct cells text first (a few hundred district × sex ×
    // age combinations, however many responses): json_each then parses each
    // combination once, not each response's object (12 s → see
    // BENCHMARKS.md at a million responses).
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT t.group_id, c.key, c.value, SUM(t.n) FROM "
                        "(SELECT group_id, cells, COUNT(*) AS n FROM survey_responses "
                        "WHERE survey_id = ? AND status = 'accepted' GROUP BY group_id, cells) t, "
                        "json_each(t.cells) c WHERE c.type = 'text' "
                        "GROUP BY t.group_id, c.key, c.value ORDER BY t.group_id, c.key, c.value"));
    q.Bind(1, survey_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.cells.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3)});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::ForEachResponse(const std::string& survey_id,
                                    const std::function<Status(const sv::Response&)>& fn) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kResponseColumns +
                                        " FROM survey_responses WHERE survey_id = ? ORDER BY id"));
    q.Bind(1, survey_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      Result<sv::Response> r = ResponseRow(q);
      if (!r.ok()) return r.status();
      GOVPERF_RETURN_IF_ERROR(fn(*r));
    }
    return Status::Ok();
  });
}

Result<std::vector<sv::Response>> SqliteStore::RecentResponses(const std::string& survey_id,
                                                               int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<sv::Response> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    // `+survey_id`: walk the table backwards by id and stop after `limit`
    // rows, instead of sorting every row of the survey found by an index.
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kResponseColumns +
                                        " FROM survey_responses WHERE +survey_id = ? "
                                        "ORDER BY id DESC LIMIT ?"));
    q.Bind(1, survey_id).Bind(2, static_cast<int64_t>(std::max(0, limit)));
    return AppendResponseRows(q, out);
  }));
  std::reverse(out.begin(), out.end());
  return out;
}

Result<int> SqliteStore::SurveyYearLocked(const std::string& survey_id) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT year FROM surveys WHERE id = ?"));
  q.Bind(1, survey_id);
  GOVPERF_STEP(row, q);
  if (!row) {
    return Status::NotFound("survey_id: unknown survey " + Quote(survey_id))
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  return static_cast<int>(q.Int(0));
}

Status SqliteStore::AddInvitationCodesTx(const Actor& actor,
                                         const std::vector<sv::InvitationCode>& codes) {
  if (codes.empty()) return Status::Invalid("codes: none to add").Field("count");
  const std::string survey_id = codes.front().survey_id;
  Result<int> year = SurveyYearLocked(survey_id);
  if (!year.ok()) return year.status();
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, *year, core::YearWrite::kSurveys));
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO survey_codes (code_hash, survey_id, group_id, "
                                        "cells, unit_id, issued_at) VALUES (?, ?, ?, ?, ?, ?)"));
  const int64_t now = clock_.NowUnix();
  std::string hashes;
  std::map<std::string, int64_t> per_group;
  for (size_t i = 0; i < codes.size(); ++i) {
    const sv::InvitationCode& c = codes[i];
    if (c.survey_id != survey_id) {
      return Status::Invalid("codes[" + std::to_string(i) + "].survey_id: one survey per lot")
          .Field("survey_id");
    }
    if (c.code_hash.size() != 64) {
      return Status::Invalid("codes[" + std::to_string(i) + "].code_hash: expected SHA-256 hex")
          .Field("code_hash");
    }
    ins.Reset();
    ins.Bind(1, c.code_hash).Bind(2, c.survey_id).Bind(3, c.group_id);
    ins.Bind(4, io::CellsToJson(c.cells).dump()).Bind(5, c.unit_id).Bind(6, now);
    Status st = ins.Run();
    if (!st.ok()) {
      return Status(Code::kAlreadyExists, "codes[" + std::to_string(i) + "]: " + st.message())
          .Field("count");
    }
    hashes += c.code_hash;
    ++per_group[c.group_id];
  }
  const nlohmann::json after{
      {"count", codes.size()}, {"groups", per_group}, {"hashes_sha256", Sha256Hex(hashes)}};
  return AppendAudit(actor, "survey.codes", "survey:" + survey_id, "", after.dump());
}

// 复核 the office's decision on a flagged response: accepted counts, rejected
// is kept (with the note) but no longer holds its code or token.
Status SqliteStore::ReviewResponseTx(const Actor& actor, const std::string& survey_id,
                                     int64_t response_id, sv::ResponseStatus status,
                                     const std::string& note) {
  if (status == sv::ResponseStatus::kFlagged) {
    return Status::Invalid("status: a review decides accepted or rejected")
        .Field("status")
        .Zh("status：复核结果应为接受或剔除");
  }
  if (note.size() > 2000) return Status::Invalid("note: at most 2000 bytes").Field("note");
  Result<int> year = SurveyYearLocked(survey_id);
  if (!year.ok()) return year.status();
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, *year, core::YearWrite::kSurveys));
  std::string before_status, reason;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT status, reason FROM survey_responses "
                                        "WHERE id = ? AND survey_id = ?"));
    q.Bind(1, response_id).Bind(2, survey_id);
    GOVPERF_STEP(row, q);
    if (!row) {
      return Status::NotFound("response_id: survey " + Quote(survey_id) + " has no response " +
                              std::to_string(response_id))
          .Field("response_id")
          .Zh("response_id：没有这份答卷");
    }
    before_status = q.Text(0);
    reason = q.Text(1);
  }
  if (before_status != "flagged") {
    return Status(Code::kFailedPrecondition, "status: response " + std::to_string(response_id) +
                                                 " is " + before_status +
                                                 ", only flagged responses are reviewed")
        .Field("status")
        .Zh("status：只有待复核的答卷可以复核");
  }
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE survey_responses SET status = ?, reviewed_by = ?, "
                                       "review_note = ?, reviewed_at = ? WHERE id = ?"));
  const std::string reviewer = actor.username.empty() ? "system" : actor.username;
  up.Bind(1, sv::ResponseStatusName(status)).Bind(2, reviewer).Bind(3, note);
  up.Bind(4, clock_.NowUnix()).Bind(5, response_id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  const nlohmann::json before{{"status", before_status}, {"reason", reason}};
  const nlohmann::json after{{"status", sv::ResponseStatusName(status)}, {"note", note}};
  return AppendAudit(actor, "survey.review", "survey_response:" + std::to_string(response_id),
                     before.dump(), after.dump());
}

}  // namespace govperf::store::sqlite
