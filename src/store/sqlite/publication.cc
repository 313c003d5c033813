// 公示 windows, committee approvals (评估委员会审定) and publication records
// (results snapshot + certificate), migration 0012. Insert-only: nothing here
// updates or deletes a row (the tables' triggers refuse it too).
#include <nlohmann/json.hpp>
#include <string>

#include "core/monitoring/calendar.h"
#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

bool IsWindowDate(const std::string& s) { return core::monitoring::ParseDate(s).has_value(); }

constexpr const char* kPublicationColumns =
    "SELECT year, at, actor, data_version, data_sha256, previous_data_sha256, scheme_sha256, "
    "scheme_version, engine_version, results_sha256, audit_head_id, audit_head_hash, "
    "certificate_sha256";

}  // namespace

Result<std::vector<PublicityWindow>> SqliteStore::ListPublicityWindows(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  return ListPublicityWindowsLocked(year);
}

Result<std::vector<PublicityWindow>> SqliteStore::ListPublicityWindowsLocked(int year) {
  std::vector<PublicityWindow> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT seq, start_date, end_date, working_days, at, actor "
                                      "FROM publicity_windows WHERE year = ? ORDER BY seq"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    PublicityWindow w;
    w.year = year;
    w.seq = static_cast<int>(q.Int(0));
    w.start_date = q.Text(1);
    w.end_date = q.Text(2);
    w.working_days = static_cast<int>(q.Int(3));
    w.at = q.Text(4);
    w.actor = q.Text(5);
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::vector<CommitteeApproval>> SqliteStore::ListCommitteeApprovals(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  return ListCommitteeApprovalsLocked(year);
}

Result<std::vector<CommitteeApproval>> SqliteStore::ListCommitteeApprovalsLocked(int year) {
  std::vector<CommitteeApproval> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT window_seq, meeting_date, meeting_ref, note, at, "
                                      "actor FROM committee_approvals WHERE year = ? ORDER BY "
                                      "window_seq"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    CommitteeApproval a;
    a.year = year;
    a.window_seq = static_cast<int>(q.Int(0));
    a.meeting_date = q.Text(1);
    a.meeting_ref = q.Text(2);
    a.note = q.Text(3);
    a.at = q.Text(4);
    a.actor = q.Text(5);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::optional<Publication>> SqliteStore::FindPublication(int year, bool with_results) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string sql = kPublicationColumns;
  if (with_results) sql += ", results";
  sql += " FROM publications WHERE year = ?";
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(sql));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<Publication>();
  Publication p;
  p.year = static_cast<int>(q.Int(0));
  p.at = q.Text(1);
  p.actor = q.Text(2);
  p.data_version = q.Int(3);
  p.data_sha256 = q.Text(4);
  p.previous_data_sha256 = q.Text(5);
  p.scheme_sha256 = q.Text(6);
  p.scheme_version = static_cast<int>(q.Int(7));
  p.engine_version = q.Text(8);
  p.results_sha256 = q.Text(9);
  p.audit_head_id = q.Int(10);
  p.audit_head_hash = q.Text(11);
  p.certificate_sha256 = q.Text(12);
  if (with_results) p.results = q.Text(13);
  return std::optional<Publication>(std::move(p));
}

Status SqliteStore::AddPublicityWindowTx(const Actor& actor, const PublicityWindow& w) {
  if (!IsWindowDate(w.start_date)) {
    return Status::Invalid("start_date: expected YYYY-MM-DD, got " + Quote(w.start_date))
        .Field("start_date")
        .Zh("start_date：日期格式应为 YYYY-MM-DD");
  }
  if (!IsWindowDate(w.end_date) || w.end_date < w.start_date) {
    return Status::Invalid("end_date: expected a date (YYYY-MM-DD) on or after " + w.start_date)
        .Field("end_date")
        .Zh("end_date：应为不早于 " + w.start_date + " 的日期");
  }
  if (w.working_days < 0) {
    return Status::Invalid("working_days: must not be negative").Field("working_days");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, w.year, core::YearWrite::kPublication));
  Result<std::vector<PublicityWindow>> old = ListPublicityWindowsLocked(w.year);
  if (!old.ok()) return old.status();
  const int seq = old->empty() ? 1 : old->back().seq + 1;
  const std::string at = NowIso();
  const std::string who = actor.username.empty() ? "system" : actor.username;
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO publicity_windows (year, seq, start_date, "
                                        "end_date, working_days, at, actor) VALUES (?, ?, ?, ?, "
                                        "?, ?, ?)"));
  ins.Bind(1, w.year).Bind(2, seq).Bind(3, w.start_date).Bind(4, w.end_date);
  ins.Bind(5, w.working_days).Bind(6, at).Bind(7, who);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(
      actor, "publicity.window", "publicity:" + std::to_string(w.year) + "/" + std::to_string(seq),
      "",
      json{{"start_date", w.start_date}, {"end_date", w.end_date}, {"working_days", w.working_days}}
          .dump());
}

Status SqliteStore::AddCommitteeApprovalTx(const Actor& actor, const CommitteeApproval& a) {
  if (!IsWindowDate(a.meeting_date)) {
    return Status::Invalid("meeting_date: expected YYYY-MM-DD, got " + Quote(a.meeting_date))
        .Field("meeting_date")
        .Zh("meeting_date：日期格式应为 YYYY-MM-DD");
  }
  if (a.meeting_ref.empty()) {
    return Status::Invalid("meeting_ref: required (the meeting's reference)")
        .Field("meeting_ref")
        .Zh("meeting_ref：必填（会议纪要编号等）");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, a.year, core::YearWrite::kPublication));
  Result<std::vector<PublicityWindow>> windows = ListPublicityWindowsLocked(a.year);
  if (!windows.ok()) return windows.status();
  const std::string ys = std::to_string(a.year);
  if (windows->empty()) {
    return FailedPrecondition("year " + ys + " has no 公示 window to approve")
        .Field("year")
        .Zh(ys + " 年度没有公示期记录，无法审定");
  }
  const int seq = windows->back().seq;
  Result<std::vector<CommitteeApproval>> old = ListCommitteeApprovalsLocked(a.year);
  if (!old.ok()) return old.status();
  if (!old->empty() && old->back().window_seq == seq) {
    return FailedPrecondition("year " + ys +
                              ": the committee's approval of this 公示 is already "
                              "recorded")
        .Field("year")
        .Zh(ys + " 年度本次公示的审定已记录");
  }
  const std::string who = actor.username.empty() ? "system" : actor.username;
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO committee_approvals (year, window_seq, "
                                        "meeting_date, meeting_ref, note, at, actor) VALUES (?, "
                                        "?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, a.year).Bind(2, seq).Bind(3, a.meeting_date).Bind(4, a.meeting_ref);
  ins.Bind(5, a.note).Bind(6, NowIso()).Bind(7, who);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(
      actor, "publicity.approval", "publicity:" + ys + "/" + std::to_string(seq), "",
      json{{"meeting_date", a.meeting_date}, {"meeting_ref", a.meeting_ref}, {"note", a.note}}
          .dump());
}

Status SqliteStore::AddPublicationTx(const Actor& actor, Publication& p) {
  const std::string ys = std::to_string(p.year);
  if (p.results.empty()) {
    return Status::Invalid("results: the results snapshot is empty").Field("results");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, p.year, core::YearWrite::kPublication));
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM publications WHERE year = ?"));
    q.Bind(1, p.year);
    GOVPERF_STEP(row, q);
    if (row) {
      return FailedPrecondition("year " + ys + " already has a publication record")
          .Field("year")
          .Zh(ys + " 年度已有发布记录");
    }
  }
  Result<std::optional<YearInfo>> y = FindYearLocked(p.year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) return Status::NotFound("year: unknown year " + ys).Field("year");
  if ((*y)->data_version != p.data_version) {
    return FailedPrecondition(
               "data_version: the year's data changed while its results were "
               "computed (" +
               std::to_string(p.data_version) + " → " + std::to_string((*y)->data_version) +
               "); publish again")
        .Field("data_version")
        .Zh("data_version：计算结果期间年度数据已变化，请重新发布");
  }
  // Everything the certificate covers, read inside this transaction.
  Result<core::YearData> data = LoadYearDataLocked(p.year);
  if (!data.ok()) return data.status();
  p.data_sha256 = YearDataContentHash(*data);
  p.previous_data_sha256.clear();
  Result<std::optional<YearInfo>> prev = FindYearLocked(p.year - 1);
  if (!prev.ok()) return prev.status();
  if (prev->has_value()) {
    Result<core::YearData> prev_data = LoadYearDataLocked(p.year - 1);
    if (!prev_data.ok()) return prev_data.status();
    p.previous_data_sha256 = YearDataContentHash(*prev_data);
  }
  Result<core::Scheme> scheme = LoadSchemeLocked(p.year);
  if (!scheme.ok()) return scheme.status();
  p.scheme_sha256 = SchemeContentHash(*scheme);
  Result<int> version = LastSchemeVersionLocked(p.year);
  if (!version.ok()) return version.status();
  p.scheme_version = *version;
  p.results_sha256 = Sha256Hex(p.results);
  {
    GOVPERF_ASSIGN_STMT(head,
                        db_->Prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    GOVPERF_STEP(row, head);
    p.audit_head_id = row ? head.Int(0) : 0;
    p.audit_head_hash = row ? head.Text(1) : std::string(kGenesisHash);
  }
  p.at = NowIso();
  p.actor = actor.username.empty() ? "system" : actor.username;
  p.certificate_sha256 = CertificateHash(p);
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO publications (year, at, actor, data_version, data_sha256, "
                        "previous_data_sha256, scheme_sha256, scheme_version, engine_version, "
                        "results_sha256, audit_head_id, audit_head_hash, certificate_sha256, "
                        "results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, p.year).Bind(2, p.at).Bind(3, p.actor).Bind(4, p.data_version);
  ins.Bind(5, p.data_sha256).Bind(6, p.previous_data_sha256).Bind(7, p.scheme_sha256);
  ins.Bind(8, p.scheme_version).Bind(9, p.engine_version).Bind(10, p.results_sha256);
  ins.Bind(11, p.audit_head_id).Bind(12, p.audit_head_hash).Bind(13, p.certificate_sha256);
  ins.Bind(14, p.results);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  json after = json::parse(CertificateText(p));
  after["certificate_sha256"] = p.certificate_sha256;
  return AppendAudit(actor, "publication.put", "publication:" + ys, "", after.dump());
}

}  // namespace govperf::store::sqlite
