// 申诉 appeals (migration 0012): filed by a unit during the 公示 window,
// answered by the lead department (or the office), decided once by the
// office. Who may do which step is the use case's check
// (app/publication/appeals.h); here: shape, state order, stage rule, audit.
#include <nlohmann/json.hpp>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

constexpr const char* kAppealColumns =
    "SELECT id, window_seq, unit_id, kind, indicator_id, adjustment_id, claimed_value, reason, "
    "evidence, state, filed_by, filed_at, answer, answered_by, answered_at, decision, "
    "decided_by, decided_at FROM appeals";

json AppealAuditJson(const Appeal& a) {
  return {{"unit_id", a.unit_id},
          {"kind", a.kind},
          {"indicator_id", a.indicator_id},
          {"adjustment_id", a.adjustment_id},
          {"claimed_value", a.claimed_value ? json(*a.claimed_value) : json(nullptr)},
          {"reason", a.reason},
          {"evidence", a.evidence},
          {"state", a.state},
          {"answer", a.answer},
          {"decision", a.decision}};
}

}  // namespace

Result<std::vector<Appeal>> SqliteStore::ListAppealsLocked(int year, int64_t only_id) {
  std::vector<Appeal> out;
  std::string sql = std::string(kAppealColumns) + " WHERE year = ?";
  if (only_id > 0) sql += " AND id = ?";
  sql += " ORDER BY id";
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(sql));
  q.Bind(1, year);
  if (only_id > 0) q.Bind(2, only_id);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    Appeal a;
    a.year = year;
    a.id = q.Int(0);
    a.window_seq = static_cast<int>(q.Int(1));
    a.unit_id = q.Text(2);
    a.kind = q.Text(3);
    a.indicator_id = q.Text(4);
    a.adjustment_id = q.Text(5);
    a.claimed_value = q.OptReal(6);
    a.reason = q.Text(7);
    a.evidence = JsonStrings(q.Text(8));
    a.state = q.Text(9);
    a.filed_by = q.Text(10);
    a.filed_at = q.Text(11);
    a.answer = q.Text(12);
    a.answered_by = q.Text(13);
    a.answered_at = q.Text(14);
    a.decision = q.Text(15);
    a.decided_by = q.Text(16);
    a.decided_at = q.Text(17);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<Appeal>> SqliteStore::ListAppeals(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  return ListAppealsLocked(year);
}

Status SqliteStore::AddAppealTx(const Actor& actor, Appeal& a) {
  if (a.unit_id.empty()) return Status::Invalid("unit_id: required").Field("unit_id");
  if (a.kind == "indicator") {
    if (a.indicator_id.empty()) {
      return Status::Invalid("indicator_id: required for an indicator appeal")
          .Field("indicator_id");
    }
    if (a.claimed_value && !Finite(*a.claimed_value)) {
      return Status::Invalid("claimed_value: must be a finite number").Field("claimed_value");
    }
  } else if (a.kind == "adjustment") {
    if (a.adjustment_id.empty()) {
      return Status::Invalid("adjustment_id: required for an adjustment appeal")
          .Field("adjustment_id");
    }
  } else {
    return Status::Invalid("kind: expected indicator or adjustment, got " + Quote(a.kind))
        .Field("kind");
  }
  if (a.reason.empty()) return Status::Invalid("reason: required").Field("reason");
  for (size_t i = 0; i < a.evidence.size(); ++i) {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM evidence_files WHERE sha256 = ?"));
    q.Bind(1, a.evidence[i]);
    GOVPERF_STEP(row, q);
    if (!row) {
      const std::string f = "evidence[" + std::to_string(i) + "]";
      return Status::NotFound(f + ": no stored evidence file " + Quote(a.evidence[i]))
          .Field(f)
          .Zh(f + "：没有该佐证材料");
    }
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, a.year, core::YearWrite::kAppeals));
  Result<std::vector<PublicityWindow>> windows = ListPublicityWindowsLocked(a.year);
  if (!windows.ok()) return windows.status();
  if (windows->empty()) {
    return FailedPrecondition("year " + std::to_string(a.year) + " has no 公示 window")
        .Field("year");
  }
  int64_t id = 1;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM appeals WHERE "
                                        "year = ?"));
    q.Bind(1, a.year);
    GOVPERF_STEP(row, q);
    if (row) id = q.Int(0);
  }
  a.id = id;
  a.window_seq = windows->back().seq;
  a.state = "filed";
  a.filed_by = actor.username.empty() ? "system" : actor.username;
  a.filed_at = NowIso();
  a.answer = a.answered_by = a.answered_at = "";
  a.decision = a.decided_by = a.decided_at = "";
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO appeals (year, id, window_seq, unit_id, kind, indicator_id, "
                        "adjustment_id, claimed_value, reason, evidence, state, filed_by, "
                        "filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, a.year).Bind(2, a.id).Bind(3, a.window_seq).Bind(4, a.unit_id).Bind(5, a.kind);
  ins.Bind(6, a.indicator_id).Bind(7, a.adjustment_id).Bind(8, a.claimed_value);
  ins.Bind(9, a.reason).Bind(10, json(a.evidence).dump()).Bind(11, a.state);
  ins.Bind(12, a.filed_by).Bind(13, a.filed_at);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "appeal.file",
                     "appeal:" + std::to_string(a.year) + "/" + std::to_string(a.id), "",
                     AppealAuditJson(a).dump());
}

Status SqliteStore::AnswerAppealTx(const Actor& actor, int year, int64_t id,
                                   const std::string& answer) {
  if (answer.empty()) return Status::Invalid("answer: required").Field("answer");
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kAppeals));
  Result<std::vector<Appeal>> found = ListAppealsLocked(year, id);
  if (!found.ok()) return found.status();
  const std::string ref = std::to_string(year) + "/" + std::to_string(id);
  if (found->empty()) {
    return Status::NotFound("id: no appeal " + ref).Field("id").Zh("id：没有申诉 " + ref);
  }
  const Appeal before = found->front();
  if (before.state != "filed") {
    return FailedPrecondition("id: appeal " + ref + " is " + before.state +
                              "; only a filed appeal is answered")
        .Field("id")
        .Zh("id：申诉 " + ref + " 已答复或已决定");
  }
  Appeal after = before;
  after.state = "answered";
  after.answer = answer;
  after.answered_by = actor.username.empty() ? "system" : actor.username;
  after.answered_at = NowIso();
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE appeals SET state = ?, answer = ?, answered_by = "
                                       "?, answered_at = ? WHERE year = ? AND id = ?"));
  up.Bind(1, after.state).Bind(2, after.answer).Bind(3, after.answered_by);
  up.Bind(4, after.answered_at).Bind(5, year).Bind(6, id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "appeal.answer", "appeal:" + ref, AppealAuditJson(before).dump(),
                     AppealAuditJson(after).dump());
}

Status SqliteStore::DecideAppealTx(const Actor& actor, int year, int64_t id, bool upheld,
                                   const std::string& decision) {
  if (decision.empty()) return Status::Invalid("reason: required").Field("reason");
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kAppeals));
  Result<std::vector<Appeal>> found = ListAppealsLocked(year, id);
  if (!found.ok()) return found.status();
  const std::string ref = std::to_string(year) + "/" + std::to_string(id);
  if (found->empty()) {
    return Status::NotFound("id: no appeal " + ref).Field("id").Zh("id：没有申诉 " + ref);
  }
  const Appeal before = found->front();
  if (before.decided()) {
    return FailedPrecondition("id: appeal " + ref + " was already decided (" + before.state +
                              "); a decision is final")
        .Field("id")
        .Zh("id：申诉 " + ref + " 已有决定，不能再次决定");
  }
  Appeal after = before;
  after.state = upheld ? "upheld" : "rejected";
  after.decision = decision;
  after.decided_by = actor.username.empty() ? "system" : actor.username;
  after.decided_at = NowIso();
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE appeals SET state = ?, decision = ?, decided_by = "
                                       "?, decided_at = ? WHERE year = ? AND id = ?"));
  up.Bind(1, after.state).Bind(2, after.decision).Bind(3, after.decided_by);
  up.Bind(4, after.decided_at).Bind(5, year).Bind(6, id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "appeal.decide", "appeal:" + ref, AppealAuditJson(before).dump(),
                     AppealAuditJson(after).dump());
}

}  // namespace govperf::store::sqlite
