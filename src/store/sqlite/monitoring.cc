// 日常监测 monitoring: reports, evidence files (content-addressed), settings,
// node tasks, the working-day calendar, escalations and the inbox.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "core/monitoring/calendar.h"
#include "core/period.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store {

const char* ReportStateName(ReportState s) {
  switch (s) {
    case ReportState::kSubmitted:
      return "submitted";
    case ReportState::kVerified:
      return "verified";
    case ReportState::kReturned:
      return "returned";
  }
  return "?";
}

std::optional<ReportState> ParseReportState(const std::string& s) {
  for (ReportState r : {ReportState::kSubmitted, ReportState::kVerified, ReportState::kReturned}) {
    if (s == ReportStateName(r)) return r;
  }
  return std::nullopt;
}

}  // namespace govperf::store

namespace govperf::store::sqlite {
namespace {

using nlohmann::json;

constexpr const char* kReportColumns =
    "year, indicator_id, unit_id, period, state, value, no_data, narrative, due_date, late, "
    "submissions, submitted_by, submitted_at, decided_by, decided_at, return_reason";

MonitoringReport ReportRow(const Stmt& q) {
  MonitoringReport r;
  r.year = static_cast<int>(q.Int(0));
  r.indicator_id = q.Text(1);
  r.unit_id = q.Text(2);
  r.period = q.Text(3);
  r.state = ParseReportState(q.Text(4)).value_or(ReportState::kSubmitted);
  r.value = q.OptReal(5);
  r.no_data = q.Int(6) != 0;
  r.narrative = q.Text(7);
  r.due_date = q.Text(8);
  r.late = q.Int(9) != 0;
  r.submissions = static_cast<int>(q.Int(10));
  r.submitted_by = q.Text(11);
  r.submitted_at = q.Text(12);
  r.decided_by = q.Text(13);
  r.decided_at = q.Text(14);
  r.return_reason = q.Text(15);
  return r;
}

std::string ReportJson(const MonitoringReport& r) {
  json j = {{"state", ReportStateName(r.state)},
            {"value", r.value ? json(*r.value) : json(nullptr)},
            {"no_data", r.no_data},
            {"narrative", r.narrative},
            {"due_date", r.due_date},
            {"late", r.late},
            {"submissions", r.submissions},
            {"submitted_by", r.submitted_by},
            {"decided_by", r.decided_by},
            {"return_reason", r.return_reason}};
  return j.dump();
}

std::string ReportEntity(int year, const std::string& ind, const std::string& unit,
                         const std::string& period) {
  return "report:" + std::to_string(year) + "/" + ind + "/" + unit + "/" + period;
}

bool IsDate(const std::string& s) { return core::monitoring::ParseDate(s).has_value(); }

bool IsHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

// ---- reports ----

Result<std::vector<EvidenceRef>> SqliteStore::EvidenceOfLocked(int year, const std::string& ind,
                                                               const std::string& unit,
                                                               const std::string& period) {
  std::vector<EvidenceRef> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT e.sha256, e.file_name, f.content_type, f.size, e.added_by, "
                      "e.added_at FROM report_evidence e JOIN evidence_files f ON f.sha256 = "
                      "e.sha256 WHERE e.year = ? AND e.indicator_id = ? AND e.unit_id = ? AND "
                      "e.period = ? ORDER BY e.ord"));
  q.Bind(1, year).Bind(2, ind).Bind(3, unit).Bind(4, period);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Text(4), q.Text(5)});
  }
  return out;
}

Result<std::optional<MonitoringReport>> SqliteStore::FindReportLocked(int year,
                                                                      const std::string& ind,
                                                                      const std::string& unit,
                                                                      const std::string& period) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kReportColumns +
                                      " FROM monitoring_reports WHERE year = ? AND indicator_id = "
                                      "? AND unit_id = ? AND period = ?"));
  q.Bind(1, year).Bind(2, ind).Bind(3, unit).Bind(4, period);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<MonitoringReport>();
  MonitoringReport r = ReportRow(q);
  auto ev = EvidenceOfLocked(year, ind, unit, period);
  if (!ev.ok()) return ev.status();
  r.evidence = std::move(*ev);
  return std::optional<MonitoringReport>(std::move(r));
}

Result<std::optional<MonitoringReport>> SqliteStore::FindReport(int year, const std::string& ind,
                                                                const std::string& unit,
                                                                const std::string& period) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::optional<MonitoringReport>> out = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    out = FindReportLocked(year, ind, unit, period);
    return out.status();
  }));
  return out;
}

Result<std::vector<MonitoringReport>> SqliteStore::ListReports(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<MonitoringReport> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kReportColumns +
                                          " FROM monitoring_reports WHERE year = ? ORDER BY "
                                          "indicator_id, unit_id, period"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        out.push_back(ReportRow(q));
      }
    }
    for (MonitoringReport& r : out) {
      auto ev = EvidenceOfLocked(year, r.indicator_id, r.unit_id, r.period);
      if (!ev.ok()) return ev.status();
      r.evidence = std::move(*ev);
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::PutReportTx(const Actor& actor, const MonitoringReport& r) {
  const std::string ys = std::to_string(r.year);
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, r.year, core::YearWrite::kReports));
  Result<SchemeIndex> idx = LoadIndexLocked(r.year);
  if (!idx.ok()) return idx.status();
  core::Datum d;
  d.indicator_id = r.indicator_id;
  d.unit_id = r.unit_id;
  d.period = r.period;
  d.value = r.value;
  d.no_data = r.no_data;
  GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, r.year, d, ""));
  if (!r.no_data && !r.value) {
    return Status::Invalid("value: a report needs a value or a no-data declaration")
        .Field("value")
        .Zh("value：报送须填写数值或声明无数据");
  }
  if (!r.due_date.empty() && !IsDate(r.due_date)) {
    return Status::Invalid("due_date: not YYYY-MM-DD").Field("due_date");
  }
  if (r.submissions < 1) return Status::Invalid("submissions: at least 1").Field("submissions");
  auto old = FindReportLocked(r.year, r.indicator_id, r.unit_id, r.period);
  if (!old.ok()) return old.status();
  // Times are the store's: a submission stamps submitted_at, a decision decided_at.
  MonitoringReport row = r;
  if (row.state == ReportState::kSubmitted) {
    row.submitted_at = NowIso();
    row.decided_at.clear();
  } else if (!old->has_value() || (*old)->state != row.state) {
    row.decided_at = NowIso();
  }
  return PutReportRowLocked(actor, row, *old);
}

Status SqliteStore::PutReportRowLocked(const Actor& actor, const MonitoringReport& r,
                                       const std::optional<MonitoringReport>& old) {
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare(std::string("INSERT INTO monitoring_reports (") + kReportColumns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                       "(year, indicator_id, unit_id, period) DO UPDATE SET state = "
                       "excluded.state, value = excluded.value, no_data = excluded.no_data, "
                       "narrative = excluded.narrative, due_date = excluded.due_date, late = "
                       "excluded.late, submissions = excluded.submissions, submitted_by = "
                       "excluded.submitted_by, submitted_at = excluded.submitted_at, "
                       "decided_by = excluded.decided_by, decided_at = excluded.decided_at, "
                       "return_reason = excluded.return_reason"));
  up.Bind(1, r.year).Bind(2, r.indicator_id).Bind(3, r.unit_id).Bind(4, r.period);
  up.Bind(5, ReportStateName(r.state)).Bind(6, r.value).Bind(7, r.no_data).Bind(8, r.narrative);
  up.Bind(9, r.due_date).Bind(10, r.late).Bind(11, r.submissions).Bind(12, r.submitted_by);
  up.Bind(13, r.submitted_at).Bind(14, r.decided_by).Bind(15, r.decided_at);
  up.Bind(16, r.return_reason);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, std::string("report.") + ReportStateName(r.state),
                     ReportEntity(r.year, r.indicator_id, r.unit_id, r.period),
                     old.has_value() ? ReportJson(*old) : "", ReportJson(r));
}

// ---- evidence ----

Status SqliteStore::PutEvidenceTx(const Actor& actor, EvidenceFile& f) {
  if (f.content.empty()) return Status::Invalid("content: empty file").Field("content");
  if (f.content_type.empty()) return Status::Invalid("content_type: empty").Field("content_type");
  f.sha256 = Sha256Hex(f.content);
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO evidence_files (sha256, content_type, size, "
                                        "content, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                                        "(sha256) DO NOTHING"));
  ins.Bind(1, f.sha256).Bind(2, f.content_type).Bind(3, static_cast<int64_t>(f.content.size()));
  ins.BindBlob(4, f.content).Bind(5, NowIso());
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "evidence.put", "evidence:" + f.sha256, "",
                     json{{"content_type", f.content_type}, {"size", f.content.size()}}.dump());
}

Status SqliteStore::AttachEvidenceTx(const Actor& actor, int year, const std::string& ind,
                                     const std::string& unit, const std::string& period,
                                     const EvidenceRef& ref) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kReports));
  auto old = FindReportLocked(year, ind, unit, period);
  if (!old.ok()) return old.status();
  if (!old->has_value()) {
    return Status::NotFound("report: no report " + ind + "/" + unit + "/" + period + " in " +
                            std::to_string(year))
        .Field("report");
  }
  if (ref.file_name.empty()) return Status::Invalid("file_name: empty").Field("file_name");
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM evidence_files WHERE sha256 = ?"));
    q.Bind(1, ref.sha256);
    GOVPERF_STEP(exists, q);
    if (!exists) return Status::NotFound("sha256: no stored file " + ref.sha256).Field("sha256");
  }
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO report_evidence (year, indicator_id, unit_id, period, sha256, "
                        "ord, file_name, added_by, added_at) SELECT ?, ?, ?, ?, ?, "
                        "COALESCE(MAX(ord), -1) + 1, ?, ?, ? FROM report_evidence WHERE year = ? "
                        "AND indicator_id = ? AND unit_id = ? AND period = ? ON CONFLICT (year, "
                        "indicator_id, unit_id, period, sha256) DO UPDATE SET file_name = "
                        "excluded.file_name"));
  ins.Bind(1, year).Bind(2, ind).Bind(3, unit).Bind(4, period).Bind(5, ref.sha256);
  ins.Bind(6, ref.file_name).Bind(7, actor.username).Bind(8, NowIso());
  ins.Bind(9, year).Bind(10, ind).Bind(11, unit).Bind(12, period);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "report.evidence", ReportEntity(year, ind, unit, period), "",
                     json{{"sha256", ref.sha256}, {"file_name", ref.file_name}}.dump());
}

Result<EvidenceFile> SqliteStore::LoadEvidence(const std::string& sha256) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!IsHex64(sha256)) return Status::NotFound("evidence " + sha256).Field("sha256");
  Result<EvidenceFile> out = Status::NotFound("evidence " + sha256);
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(
        q,
        db_->Prepare("SELECT sha256, content_type, content FROM evidence_files WHERE sha256 = ?"));
    q.Bind(1, sha256);
    GOVPERF_STEP(row, q);
    if (row) out = EvidenceFile{q.Text(0), q.Text(1), q.Text(2)};
    return Status::Ok();
  }));
  return out;
}

// ---- settings, tasks, calendar ----

Result<MonitoringSettings> SqliteStore::LoadMonitoringSettings(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  MonitoringSettings m;
  m.year = year;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT default_frequency, due_days_after, "
                                        "reminder_working_days, red_after_working_days, "
                                        "progress_green, progress_yellow, frequencies FROM "
                                        "monitoring_settings WHERE year = ?"));
    q.Bind(1, year);
    GOVPERF_STEP(row, q);
    if (!row) return Status::Ok();
    m.default_frequency = q.Text(0);
    m.due_days_after = static_cast<int>(q.Int(1));
    m.reminder_working_days = static_cast<int>(q.Int(2));
    m.red_after_working_days = static_cast<int>(q.Int(3));
    m.progress_green = q.Real(4);
    m.progress_yellow = q.Real(5);
    m.frequencies = json::parse(q.Text(6)).get<std::map<std::string, std::string>>();
    return Status::Ok();
  }));
  return m;
}

Status SqliteStore::PutMonitoringSettingsTx(const Actor& actor, const MonitoringSettings& m) {
  const auto bad = [](const char* f, const std::string& msg) {
    return Status::Invalid(std::string(f) + ": " + msg).Field(f);
  };
  if (!core::monitoring::ParseFrequency(m.default_frequency)) {
    return bad("default_frequency", "must be monthly, quarterly, half_yearly or yearly");
  }
  for (const auto& [ind, f] : m.frequencies) {
    if (!core::monitoring::ParseFrequency(f)) {
      return bad("frequencies", "'" + f + "' for " + ind + " is not a frequency");
    }
  }
  if (m.due_days_after < 0 || m.due_days_after > 90) return bad("due_days_after", "must be 0..90");
  if (m.reminder_working_days < 0 || m.reminder_working_days > 30) {
    return bad("reminder_working_days", "must be 0..30");
  }
  if (m.red_after_working_days < 1 || m.red_after_working_days > 60) {
    return bad("red_after_working_days", "must be 1..60");
  }
  if (!(Finite(m.progress_yellow) && Finite(m.progress_green) && m.progress_yellow > 0 &&
        m.progress_yellow <= m.progress_green && m.progress_green <= 2)) {
    return bad("progress_yellow", "thresholds must satisfy 0 < yellow ≤ green ≤ 2");
  }
  {
    auto y = FindYearLocked(m.year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) {
      return Status::NotFound("year: unknown year " + std::to_string(m.year)).Field("year");
    }
  }
  Result<SchemeIndex> idx = LoadIndexLocked(m.year);
  if (!idx.ok()) return idx.status();
  for (const auto& [ind, f] : m.frequencies) {
    if (idx->leaves.count(ind) == 0) {
      return bad("frequencies",
                 "'" + ind + "' is not a leaf indicator of " + std::to_string(m.year));
    }
  }
  const json freq = m.frequencies;
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO monitoring_settings (year, default_frequency, due_days_after, "
                       "reminder_working_days, red_after_working_days, progress_green, "
                       "progress_yellow, frequencies) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (year) DO UPDATE SET default_frequency = "
                       "excluded.default_frequency, due_days_after = excluded.due_days_after, "
                       "reminder_working_days = excluded.reminder_working_days, "
                       "red_after_working_days = excluded.red_after_working_days, "
                       "progress_green = excluded.progress_green, progress_yellow = "
                       "excluded.progress_yellow, frequencies = excluded.frequencies"));
  up.Bind(1, m.year).Bind(2, m.default_frequency).Bind(3, m.due_days_after);
  up.Bind(4, m.reminder_working_days).Bind(5, m.red_after_working_days);
  up.Bind(6, m.progress_green).Bind(7, m.progress_yellow).Bind(8, freq.dump());
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "monitoring.settings", "monitoring:" + std::to_string(m.year), "",
                     json{{"default_frequency", m.default_frequency},
                          {"due_days_after", m.due_days_after},
                          {"reminder_working_days", m.reminder_working_days},
                          {"red_after_working_days", m.red_after_working_days},
                          {"progress_green", m.progress_green},
                          {"progress_yellow", m.progress_yellow},
                          {"frequencies", freq}}
                         .dump());
}

Result<std::vector<NodeTask>> SqliteStore::ListNodeTasks(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<NodeTask> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, stage, from_role, "
                                        "from_unit, due_date, done FROM node_tasks WHERE year = "
                                        "? ORDER BY ord, id"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6),
                     q.Int(7) != 0});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::PutNodeTaskTx(const Actor& actor, int year, const NodeTask& t) {
  if (t.id.empty()) return Status::Invalid("id: empty").Field("id");
  if (t.name_zh.empty()) {
    return Status::Invalid("name_zh: empty").Field("name_zh").Zh("name_zh：任务名称不能为空");
  }
  if (!IsDate(t.due_date)) {
    return Status::Invalid("due_date: '" + t.due_date + "' is not a date YYYY-MM-DD")
        .Field("due_date")
        .Zh("due_date：'" + t.due_date + "' 不是 YYYY-MM-DD 日期");
  }
  if (!t.stage.empty() && !core::ParseStage(t.stage)) {
    return Status::Invalid("stage: unknown stage '" + t.stage + "'").Field("stage");
  }
  if (!t.from_role.empty() && !core::ParseRole(t.from_role)) {
    return Status::Invalid("from_role: unknown role '" + t.from_role + "'").Field("from_role");
  }
  {
    auto y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) {
      return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
    }
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO node_tasks (year, id, ord, name_zh, name_en, stage, "
                       "from_role, from_unit, due_date, done) SELECT ?, ?, COALESCE(MAX(ord), "
                       "-1) + 1, ?, ?, ?, ?, ?, ?, ? FROM node_tasks WHERE year = ? ON CONFLICT "
                       "(year, id) DO UPDATE SET name_zh = excluded.name_zh, name_en = "
                       "excluded.name_en, stage = excluded.stage, from_role = excluded.from_role, "
                       "from_unit = excluded.from_unit, due_date = excluded.due_date, done = "
                       "excluded.done"));
  up.Bind(1, year).Bind(2, t.id).Bind(3, t.name_zh).Bind(4, t.name_en).Bind(5, t.stage);
  up.Bind(6, t.from_role).Bind(7, t.from_unit).Bind(8, t.due_date).Bind(9, t.done).Bind(10, year);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "task.put", "task:" + std::to_string(year) + "/" + t.id, "",
                     json{{"name_zh", t.name_zh},
                          {"stage", t.stage},
                          {"from_role", t.from_role},
                          {"from_unit", t.from_unit},
                          {"due_date", t.due_date},
                          {"done", t.done}}
                         .dump());
}

Status SqliteStore::DeleteNodeTaskTx(const Actor& actor, int year, const std::string& id) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("DELETE FROM node_tasks WHERE year = ? AND id = ?"));
  q.Bind(1, year).Bind(2, id);
  GOVPERF_RETURN_IF_ERROR(q.Run());
  if (sqlite3_changes(db_->raw()) == 0) {
    return Status::NotFound("id: no task '" + id + "' in " + std::to_string(year)).Field("id");
  }
  return AppendAudit(actor, "task.delete", "task:" + std::to_string(year) + "/" + id, "", "");
}

Result<std::vector<CalendarDay>> SqliteStore::ListCalendarDays() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<CalendarDay> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT date, working, name_zh, name_en FROM calendar_days ORDER BY date"));
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back({q.Text(0), q.Int(1) != 0, q.Text(2), q.Text(3)});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::PutCalendarDayTx(const Actor& actor, const CalendarDay& d) {
  if (!IsDate(d.date)) {
    return Status::Invalid("date: '" + d.date + "' is not a date YYYY-MM-DD").Field("date");
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO calendar_days (date, working, name_zh, name_en) VALUES (?, ?, "
                       "?, ?) ON CONFLICT (date) DO UPDATE SET working = excluded.working, "
                       "name_zh = excluded.name_zh, name_en = excluded.name_en"));
  up.Bind(1, d.date).Bind(2, d.working).Bind(3, d.name_zh).Bind(4, d.name_en);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "calendar.put", "calendar:" + d.date, "",
                     json{{"working", d.working}, {"name_zh", d.name_zh}}.dump());
}

Status SqliteStore::DeleteCalendarDayTx(const Actor& actor, const std::string& date) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("DELETE FROM calendar_days WHERE date = ?"));
  q.Bind(1, date);
  GOVPERF_RETURN_IF_ERROR(q.Run());
  if (sqlite3_changes(db_->raw()) == 0) {
    return Status::NotFound("date: '" + date + "' is not in the calendar").Field("date");
  }
  return AppendAudit(actor, "calendar.delete", "calendar:" + date, "", "");
}

// ---- escalations and inbox ----

Result<std::vector<EscalationRecord>> SqliteStore::ListEscalations(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<EscalationRecord> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT year, subject, level, on_date, unit_id, "
                                        "working_days FROM escalations WHERE year = ? ORDER BY "
                                        "on_date, subject, level"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back({static_cast<int>(q.Int(0)), q.Text(1), q.Text(2), q.Text(3), q.Text(4),
                     static_cast<int>(q.Int(5))});
    }
    return Status::Ok();
  }));
  return out;
}

Result<bool> SqliteStore::AddEscalationTx(const Actor& actor, const EscalationRecord& e) {
  if (!core::monitoring::ParseLevel(e.level)) {
    return Status::Invalid("level: must be reminder, yellow or red").Field("level");
  }
  if (!IsDate(e.on_date)) return Status::Invalid("on_date: not YYYY-MM-DD").Field("on_date");
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO escalations (year, subject, level, on_date, "
                                        "unit_id, working_days) VALUES (?, ?, ?, ?, ?, ?) ON "
                                        "CONFLICT DO NOTHING"));
  ins.Bind(1, e.year).Bind(2, e.subject).Bind(3, e.level).Bind(4, e.on_date).Bind(5, e.unit_id);
  ins.Bind(6, e.working_days);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  if (sqlite3_changes(db_->raw()) == 0) return false;
  GOVPERF_RETURN_IF_ERROR(AppendAudit(
      actor, "escalation." + e.level, "escalation:" + std::to_string(e.year) + "/" + e.subject, "",
      json{{"on_date", e.on_date}, {"unit_id", e.unit_id}, {"working_days", e.working_days}}
          .dump()));
  return true;
}

Result<std::vector<InboxMessage>> SqliteStore::ListInbox(const std::string& username,
                                                         bool unread_only, int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  limit = std::clamp(limit, 1, 500);
  std::vector<InboxMessage> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare(std::string("SELECT id, username, at, kind, year, subject, title_zh, "
                                    "title_en, body_zh, body_en, dedup_key, read_at FROM "
                                    "inbox_messages WHERE username = ?") +
                        (unread_only ? " AND read_at = ''" : "") + " ORDER BY id DESC LIMIT ?"));
    q.Bind(1, username).Bind(2, limit);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), static_cast<int>(q.Int(4)),
                     q.Text(5), q.Text(6), q.Text(7), q.Text(8), q.Text(9), q.Text(10),
                     q.Text(11)});
    }
    return Status::Ok();
  }));
  return out;
}

Result<int64_t> SqliteStore::UnreadCount(const std::string& username) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t n = 0;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COUNT(*) FROM inbox_messages WHERE username = ? "
                                        "AND read_at = ''"));
    q.Bind(1, username);
    GOVPERF_STEP(row, q);
    if (row) n = q.Int(0);
    return Status::Ok();
  }));
  return n;
}

Result<bool> SqliteStore::AddInboxMessageTx(const Actor& actor, const InboxMessage& m) {
  if (m.username.empty()) return Status::Invalid("username: empty").Field("username");
  if (m.kind.empty()) return Status::Invalid("kind: empty").Field("kind");
  if (m.title_zh.empty()) return Status::Invalid("title_zh: empty").Field("title_zh");
  if (!m.dedup_key.empty()) {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT 1 FROM inbox_messages WHERE username = ? AND dedup_key = ?"));
    q.Bind(1, m.username).Bind(2, m.dedup_key);
    GOVPERF_STEP(exists, q);
    if (exists) return false;
  }
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO inbox_messages (id, username, at, kind, year, subject, "
                        "title_zh, title_en, body_zh, body_en, dedup_key) SELECT "
                        "COALESCE(MAX(id), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM "
                        "inbox_messages"));
  ins.Bind(1, m.username).Bind(2, NowIso()).Bind(3, m.kind).Bind(4, m.year).Bind(5, m.subject);
  ins.Bind(6, m.title_zh).Bind(7, m.title_en).Bind(8, m.body_zh).Bind(9, m.body_en);
  ins.Bind(10, m.dedup_key);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  GOVPERF_RETURN_IF_ERROR(AppendAudit(actor, "inbox.add", "inbox:" + m.username, "",
                                      json{{"kind", m.kind}, {"subject", m.subject}}.dump()));
  return true;
}

Status SqliteStore::MarkInboxReadTx(const Actor& actor, const std::string& username, int64_t id) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("UPDATE inbox_messages SET read_at = ? WHERE "
                                                  "username = ? AND read_at = ''") +
                                      (id != 0 ? " AND id = ?" : "")));
  q.Bind(1, NowIso()).Bind(2, username);
  if (id != 0) q.Bind(3, id);
  GOVPERF_RETURN_IF_ERROR(q.Run());
  const int changed = sqlite3_changes(db_->raw());
  if (id != 0 && changed == 0) {
    // Unknown, someone else's, or already read: only the first is an error.
    GOVPERF_ASSIGN_STMT(c,
                        db_->Prepare("SELECT 1 FROM inbox_messages WHERE username = ? AND id = ?"));
    c.Bind(1, username).Bind(2, id);
    GOVPERF_STEP(exists, c);
    if (!exists) {
      return Status::NotFound("id: no message " + std::to_string(id))
          .Field("id")
          .Zh("id：没有消息 " + std::to_string(id));
    }
    return Status::Ok();
  }
  return AppendAudit(actor, "inbox.read", "inbox:" + username, "",
                     json{{"id", id}, {"marked", changed}}.dump());
}

}  // namespace govperf::store::sqlite
