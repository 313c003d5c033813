// 考核项目规范 the registry of assessment projects (migration 0015): other
// departments' assessments of the units, applied for and decided by the
// office. Administrative, not scoring data: no stage rule, no version bump.
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

constexpr const char* kProjectColumns =
    "year, id, name_zh, name_en, department_id, basis, category_ids, unit_ids, "
    "assessed_unit_ids, frequency, reports_per_year, status, merged_indicator_ids, "
    "decision_note, applied_by, applied_at, updated_at, decided_by, decided_at";

AssessmentProject ProjectRow(const Stmt& q) {
  AssessmentProject p;
  p.year = static_cast<int>(q.Int(0));
  p.id = q.Text(1);
  p.name_zh = q.Text(2);
  p.name_en = q.Text(3);
  p.department_id = q.Text(4);
  p.basis = q.Text(5);
  p.category_ids = JsonStrings(q.Text(6));
  p.unit_ids = JsonStrings(q.Text(7));
  p.assessed_unit_ids = JsonStrings(q.Text(8));
  p.frequency = q.Text(9);
  p.reports_per_year = static_cast<int>(q.Int(10));
  p.status = q.Text(11);
  p.merged_indicator_ids = JsonStrings(q.Text(12));
  p.decision_note = q.Text(13);
  p.applied_by = q.Text(14);
  p.applied_at = q.Text(15);
  p.updated_at = q.Text(16);
  p.decided_by = q.Text(17);
  p.decided_at = q.Text(18);
  return p;
}

// The audited image of a project (every field but the store's stamps).
json ProjectAuditJson(const AssessmentProject& p) {
  return json{{"name_zh", p.name_zh},
              {"name_en", p.name_en},
              {"department_id", p.department_id},
              {"basis", p.basis},
              {"category_ids", p.category_ids},
              {"unit_ids", p.unit_ids},
              {"assessed_unit_ids", p.assessed_unit_ids},
              {"frequency", p.frequency},
              {"reports_per_year", p.reports_per_year},
              {"status", p.status},
              {"merged_indicator_ids", p.merged_indicator_ids},
              {"decision_note", p.decision_note}};
}

std::string ProjectEntity(int year, const std::string& id) {
  return "project:" + std::to_string(year) + "/" + id;
}

// The year's projects (all, or only `id`), in application order.
Result<std::vector<AssessmentProject>> LoadProjects(Db& db, int year, const std::string& id) {
  std::vector<AssessmentProject> out;
  GOVPERF_ASSIGN_STMT(q, db.Prepare(std::string("SELECT ") + kProjectColumns +
                                    " FROM assessment_projects WHERE year = ? AND (? = '' OR "
                                    "id = ?) ORDER BY ord"));
  q.Bind(1, year).Bind(2, id).Bind(3, id);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(ProjectRow(q));
  }
  return out;
}

// What the table needs whatever the use case checked: an existing year, an
// id, a name, a department, a count in range (the CHECK would say less).
Status CheckProjectRow(const AssessmentProject& p) {
  if (p.id.empty()) return Status::Invalid("id: empty").Field("id");
  if (p.name_zh.empty()) return Status::Invalid("name_zh: empty").Field("name_zh");
  if (p.department_id.empty())
    return Status::Invalid("department_id: empty").Field("department_id");
  if (p.frequency.empty()) return Status::Invalid("frequency: empty").Field("frequency");
  if (p.reports_per_year < 0 || p.reports_per_year > 366) {
    return Status::Invalid("reports_per_year: " + std::to_string(p.reports_per_year) +
                           " is outside 0..366")
        .Field("reports_per_year");
  }
  return Status::Ok();
}

bool ProjectMoveAllowed(const std::string& from, const std::string& to) {
  if (from == "applied") return to == "approved" || to == "merged" || to == "refused";
  if (from == "approved") return to == "abolished";
  return false;
}

}  // namespace

Result<std::vector<AssessmentProject>> SqliteStore::ListAssessmentProjects(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  return LoadProjects(*db_, year, "");
}

Result<std::optional<AssessmentProject>> SqliteStore::FindAssessmentProject(int year,
                                                                            const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (id.empty()) return std::optional<AssessmentProject>();
  auto rows = LoadProjects(*db_, year, id);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<AssessmentProject>();
  return std::optional<AssessmentProject>(std::move(rows->front()));
}

Status SqliteStore::AddAssessmentProjectTx(const Actor& actor, const AssessmentProject& in) {
  Result<std::optional<YearInfo>> y = FindYearLocked(in.year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(in.year)).Field("year");
  }
  GOVPERF_RETURN_IF_ERROR(CheckProjectRow(in));
  auto existing = LoadProjects(*db_, in.year, in.id);
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) {
    return Status(Code::kAlreadyExists,
                  "id: project '" + in.id + "' already exists in " + std::to_string(in.year))
        .Field("id");
  }
  AssessmentProject p = in;
  p.status = "applied";
  p.merged_indicator_ids.clear();
  p.decision_note.clear();
  p.applied_by = actor.username;
  p.applied_at = p.updated_at = NowIso();
  p.decided_by.clear();
  p.decided_at.clear();
  int64_t ord = 0;
  {
    GOVPERF_ASSIGN_STMT(
        q,
        db_->Prepare("SELECT COALESCE(MAX(ord), -1) + 1 FROM assessment_projects WHERE year = ?"));
    q.Bind(1, p.year);
    GOVPERF_STEP(row, q);
    if (row) ord = q.Int(0);
  }
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO assessment_projects (year, id, ord, name_zh, name_en, "
                        "department_id, basis, category_ids, unit_ids, assessed_unit_ids, "
                        "frequency, reports_per_year, status, merged_indicator_ids, "
                        "decision_note, applied_by, applied_at, updated_at) VALUES (?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?, ?, ?, 'applied', '[]', '', ?, ?, ?)"));
  ins.Bind(1, p.year).Bind(2, p.id).Bind(3, ord).Bind(4, p.name_zh).Bind(5, p.name_en);
  ins.Bind(6, p.department_id).Bind(7, p.basis).Bind(8, json(p.category_ids).dump());
  ins.Bind(9, json(p.unit_ids).dump()).Bind(10, json(p.assessed_unit_ids).dump());
  ins.Bind(11, p.frequency).Bind(12, p.reports_per_year).Bind(13, p.applied_by);
  ins.Bind(14, p.applied_at).Bind(15, p.updated_at);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "project.apply", ProjectEntity(p.year, p.id), "",
                     ProjectAuditJson(p).dump());
}

Status SqliteStore::EditAssessmentProjectTx(const Actor& actor, const AssessmentProject& in) {
  auto rows = LoadProjects(*db_, in.year, in.id);
  if (!rows.ok()) return rows.status();
  if (in.id.empty() || rows->empty()) {
    return Status::NotFound("id: no project '" + in.id + "' in " + std::to_string(in.year))
        .Field("id");
  }
  const AssessmentProject before = rows->front();
  if (before.status != "applied") {
    return FailedPrecondition("status: project '" + in.id + "' is " + before.status +
                              ": only an application still applied can be edited")
        .Field("status");
  }
  GOVPERF_RETURN_IF_ERROR(CheckProjectRow(in));
  AssessmentProject after = before;
  after.name_zh = in.name_zh;
  after.name_en = in.name_en;
  after.department_id = in.department_id;
  after.basis = in.basis;
  after.category_ids = in.category_ids;
  after.unit_ids = in.unit_ids;
  after.assessed_unit_ids = in.assessed_unit_ids;
  after.frequency = in.frequency;
  after.reports_per_year = in.reports_per_year;
  after.updated_at = NowIso();
  GOVPERF_ASSIGN_STMT(up,
                      db_->Prepare("UPDATE assessment_projects SET name_zh = ?, name_en = ?, "
                                   "department_id = ?, basis = ?, category_ids = ?, unit_ids = ?, "
                                   "assessed_unit_ids = ?, frequency = ?, reports_per_year = ?, "
                                   "updated_at = ? WHERE year = ? AND id = ?"));
  up.Bind(1, after.name_zh).Bind(2, after.name_en).Bind(3, after.department_id);
  up.Bind(4, after.basis).Bind(5, json(after.category_ids).dump());
  up.Bind(6, json(after.unit_ids).dump()).Bind(7, json(after.assessed_unit_ids).dump());
  up.Bind(8, after.frequency).Bind(9, after.reports_per_year).Bind(10, after.updated_at);
  up.Bind(11, after.year).Bind(12, after.id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "project.edit", ProjectEntity(after.year, after.id),
                     ProjectAuditJson(before).dump(), ProjectAuditJson(after).dump());
}

Status SqliteStore::DecideAssessmentProjectTx(const Actor& actor, int year, const std::string& id,
                                              const std::string& status, const std::string& note,
                                              const std::vector<std::string>& merged) {
  auto rows = LoadProjects(*db_, year, id);
  if (!rows.ok()) return rows.status();
  if (id.empty() || rows->empty()) {
    return Status::NotFound("id: no project '" + id + "' in " + std::to_string(year)).Field("id");
  }
  const AssessmentProject before = rows->front();
  if (!ProjectMoveAllowed(before.status, status)) {
    return FailedPrecondition("status: project '" + id + "' is " + before.status +
                              " and cannot become " + status)
        .Field("status");
  }
  AssessmentProject after = before;
  after.status = status;
  after.decision_note = note;
  // Only a merge names indicators; abolishing keeps nothing of them.
  after.merged_indicator_ids = status == "merged" ? merged : std::vector<std::string>{};
  after.decided_by = actor.username;
  after.decided_at = after.updated_at = NowIso();
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("UPDATE assessment_projects SET status = ?, decision_note = ?, "
                       "merged_indicator_ids = ?, decided_by = ?, decided_at = ?, updated_at = ? "
                       "WHERE year = ? AND id = ?"));
  up.Bind(1, after.status).Bind(2, after.decision_note);
  up.Bind(3, json(after.merged_indicator_ids).dump()).Bind(4, after.decided_by);
  up.Bind(5, after.decided_at).Bind(6, after.updated_at).Bind(7, year).Bind(8, id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "project.decide", ProjectEntity(year, id),
                     ProjectAuditJson(before).dump(), ProjectAuditJson(after).dump());
}

}  // namespace govperf::store::sqlite
