// 整改 rectification items, their history and evidence (migration 0014).
// Stage rule: rectification (published years), checked without a version
// bump: nothing here changes what a year evaluates to.
#include <nlohmann/json.hpp>
#include <string>

#include "core/monitoring/calendar.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

constexpr const char* kRectColumns =
    "year, id, unit_id, source, indicator_id, opinion_id, problem, measure, owner, deadline, "
    "state, progress, note, created_by, created_at, updated_at, closed_by, closed_at";

RectificationItem RectRow(const Stmt& q) {
  RectificationItem r;
  r.year = static_cast<int>(q.Int(0));
  r.id = q.Int(1);
  r.unit_id = q.Text(2);
  r.source = q.Text(3);
  r.indicator_id = q.Text(4);
  r.opinion_id = q.Text(5);
  r.problem = q.Text(6);
  r.measure = q.Text(7);
  r.owner = q.Text(8);
  r.deadline = q.Text(9);
  r.state = q.Text(10);
  r.progress = static_cast<int>(q.Int(11));
  r.note = q.Text(12);
  r.created_by = q.Text(13);
  r.created_at = q.Text(14);
  r.updated_at = q.Text(15);
  r.closed_by = q.Text(16);
  r.closed_at = q.Text(17);
  return r;
}

std::string RectJson(const RectificationItem& r) {
  return nlohmann::json{
      {"unit_id", r.unit_id},       {"source", r.source},     {"indicator_id", r.indicator_id},
      {"opinion_id", r.opinion_id}, {"problem", r.problem},   {"measure", r.measure},
      {"owner", r.owner},           {"deadline", r.deadline}, {"state", r.state},
      {"progress", r.progress},     {"note", r.note}}
      .dump();
}

std::string RectEntity(int year, int64_t id) {
  return "rectification:" + std::to_string(year) + "/" + std::to_string(id);
}

// The fields every stored item must have (validate before changing).
Status CheckRectFields(const RectificationItem& r) {
  if (r.source != "indicator" && r.source != "opinion") {
    return Status::Invalid("source: must be indicator or opinion")
        .Field("source")
        .Zh("source：应为 indicator（失分指标）或 opinion（意见建议）");
  }
  if (r.source == "indicator" && r.indicator_id.empty()) {
    return Status::Invalid("indicator_id: required for an item about a lost point")
        .Field("indicator_id")
        .Zh("indicator_id：针对失分点的整改事项须指明指标");
  }
  if (r.source == "opinion" && r.opinion_id.empty()) {
    return Status::Invalid("opinion_id: required for an item about an opinion")
        .Field("opinion_id")
        .Zh("opinion_id：针对意见建议的整改事项须指明意见");
  }
  if (r.measure.empty()) {
    return Status::Invalid("measure: empty").Field("measure").Zh("measure：整改措施不能为空");
  }
  if (r.owner.empty()) {
    return Status::Invalid("owner: empty").Field("owner").Zh("owner：责任人不能为空");
  }
  if (!core::monitoring::ParseDate(r.deadline)) {
    return Status::Invalid("deadline: '" + r.deadline + "' is not a date YYYY-MM-DD")
        .Field("deadline")
        .Zh("deadline：应为日期 YYYY-MM-DD");
  }
  if (r.state != "open" && r.state != "closed") {
    return Status::Invalid("state: must be open or closed").Field("state");
  }
  if (r.progress < 0 || r.progress > 100) {
    return Status::Invalid("progress: must be 0..100").Field("progress").Zh("progress：应为 0–100");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<RectificationItem>> SqliteStore::RectificationLocked(int year,
                                                                        const std::string& unit_id,
                                                                        int64_t id) {
  std::vector<RectificationItem> out;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kRectColumns +
                                        " FROM rectification_items WHERE year = ? AND (? = '' OR "
                                        "unit_id = ?) AND (? = 0 OR id = ?) ORDER BY unit_id, id"));
    q.Bind(1, year).Bind(2, unit_id).Bind(3, unit_id).Bind(4, id).Bind(5, id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back(RectRow(q));
    }
  }
  for (RectificationItem& r : out) {
    {
      GOVPERF_ASSIGN_STMT(q,
                          db_->Prepare("SELECT seq, at, actor, role, action, text, progress FROM "
                                       "rectification_events WHERE year = ? AND item_id = ? "
                                       "ORDER BY seq"));
      q.Bind(1, year).Bind(2, r.id);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        RectificationEvent e{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), {}};
        if (!q.IsNull(6)) e.progress = static_cast<int>(q.Int(6));
        r.history.push_back(std::move(e));
      }
    }
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT e.sha256, e.file_name, f.content_type, f.size, e.added_by, "
                        "e.added_at FROM rectification_evidence e JOIN evidence_files f ON "
                        "f.sha256 = e.sha256 WHERE e.year = ? AND e.item_id = ? ORDER BY e.ord"));
    q.Bind(1, year).Bind(2, r.id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      r.evidence.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Text(4), q.Text(5)});
    }
  }
  return out;
}

Result<std::vector<RectificationItem>> SqliteStore::ListRectification(int year,
                                                                      const std::string& unit_id) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::vector<RectificationItem>> out = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    out = RectificationLocked(year, unit_id, 0);
    return out.status();
  }));
  return out;
}

Result<std::optional<RectificationItem>> SqliteStore::FindRectification(int year, int64_t id) {
  if (id <= 0) return std::optional<RectificationItem>();
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::vector<RectificationItem>> rows = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    rows = RectificationLocked(year, "", id);
    return rows.status();
  }));
  if (rows->empty()) return std::optional<RectificationItem>();
  return std::optional<RectificationItem>(std::move(rows->front()));
}

Result<std::vector<int>> SqliteStore::RectificationYears() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<int> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT DISTINCT year FROM rectification_items ORDER BY year"));
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back(static_cast<int>(q.Int(0)));
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::AppendRectificationEventLocked(const Actor& actor, int year, int64_t id,
                                                   const RectificationEvent& e) {
  if (e.action.empty()) return Status::Invalid("action: empty").Field("action");
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO rectification_events (year, item_id, seq, at, "
                                        "actor, role, action, text, progress) SELECT ?, ?, "
                                        "COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ? FROM "
                                        "rectification_events WHERE year = ? AND item_id = ?"));
  ins.Bind(1, year).Bind(2, id).Bind(3, NowIso()).Bind(4, actor.username);
  ins.Bind(5, core::RoleName(actor.role)).Bind(6, e.action).Bind(7, e.text);
  if (e.progress) {
    ins.Bind(8, *e.progress);
  } else {
    ins.BindNull(8);
  }
  ins.Bind(9, year).Bind(10, id);
  return ins.Run();
}

Result<int64_t> SqliteStore::AddRectificationItemTx(const Actor& actor,
                                                    const RectificationItem& item) {
  RectificationItem r = item;
  r.state = "open";
  r.progress = 0;
  GOVPERF_RETURN_IF_ERROR(CheckRectFields(r));
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, r.year, core::YearWrite::kRectification));
  Result<SchemeIndex> idx = LoadIndexLocked(r.year);
  if (!idx.ok()) return idx.status();
  if (!idx->unit_category.count(r.unit_id)) {
    return Status::NotFound("unit_id: unknown unit " + Quote(r.unit_id) + " in year " +
                            std::to_string(r.year))
        .Field("unit_id");
  }
  if (r.source == "indicator" && !idx->leaves.count(r.indicator_id)) {
    return Status::NotFound("indicator_id: " + Quote(r.indicator_id) + " is not a leaf of " +
                            std::to_string(r.year))
        .Field("indicator_id");
  }
  int64_t id = 0;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM rectification_items WHERE year = ?"));
    q.Bind(1, r.year);
    GOVPERF_STEP(row, q);
    if (!row) return Status::Internal("rectification: no next id");
    id = q.Int(0);
  }
  const std::string now = NowIso();
  {
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO rectification_items (year, id, unit_id, "
                                          "source, indicator_id, opinion_id, problem, measure, "
                                          "owner, deadline, state, progress, note, created_by, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                          "?, ?, 'open', 0, '', ?, ?, ?)"));
    ins.Bind(1, r.year).Bind(2, id).Bind(3, r.unit_id).Bind(4, r.source);
    ins.Bind(5, r.source == "indicator" ? r.indicator_id : std::string());
    ins.Bind(6, r.source == "opinion" ? r.opinion_id : std::string());
    ins.Bind(7, r.problem).Bind(8, r.measure).Bind(9, r.owner).Bind(10, r.deadline);
    ins.Bind(11, actor.username).Bind(12, now).Bind(13, now);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  GOVPERF_RETURN_IF_ERROR(
      AppendRectificationEventLocked(actor, r.year, id, {0, "", "", "", "filed", r.measure, 0}));
  GOVPERF_RETURN_IF_ERROR(
      AppendAudit(actor, "rectification.add", RectEntity(r.year, id), "", RectJson(r)));
  return id;
}

Status SqliteStore::UpdateRectificationItemTx(const Actor& actor, const RectificationItem& item,
                                              const RectificationEvent& event) {
  GOVPERF_RETURN_IF_ERROR(CheckRectFields(item));
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, item.year, core::YearWrite::kRectification));
  auto old = RectificationLocked(item.year, "", item.id);
  if (!old.ok()) return old.status();
  if (old->empty() || item.id <= 0) {
    return Status::NotFound("id: no rectification item " + std::to_string(item.id) + " in " +
                            std::to_string(item.year))
        .Field("id");
  }
  const RectificationItem& before = old->front();
  if (item.unit_id != before.unit_id) {
    return Status::Invalid("unit_id: an item stays with its unit").Field("unit_id");
  }
  const std::string now = NowIso();
  const bool closing = item.state == "closed" && before.state != "closed";
  const bool reopening = item.state == "open" && before.state == "closed";
  {
    GOVPERF_ASSIGN_STMT(
        up, db_->Prepare("UPDATE rectification_items SET source = ?, indicator_id = ?, "
                         "opinion_id = ?, problem = ?, measure = ?, owner = ?, deadline = ?, state "
                         "= ?, progress = ?, note = ?, updated_at = ?, closed_by = ?, closed_at = "
                         "? WHERE year = ? AND id = ?"));
    up.Bind(1, item.source).Bind(2, item.indicator_id).Bind(3, item.opinion_id);
    up.Bind(4, item.problem).Bind(5, item.measure).Bind(6, item.owner).Bind(7, item.deadline);
    up.Bind(8, item.state).Bind(9, item.progress).Bind(10, item.note).Bind(11, now);
    up.Bind(12, closing ? actor.username : reopening ? std::string() : before.closed_by);
    up.Bind(13, closing ? now : reopening ? std::string() : before.closed_at);
    up.Bind(14, item.year).Bind(15, item.id);
    GOVPERF_RETURN_IF_ERROR(up.Run());
  }
  GOVPERF_RETURN_IF_ERROR(AppendRectificationEventLocked(actor, item.year, item.id, event));
  return AppendAudit(actor, "rectification." + event.action, RectEntity(item.year, item.id),
                     RectJson(before), RectJson(item));
}

Status SqliteStore::AttachRectificationEvidenceTx(const Actor& actor, int year, int64_t id,
                                                  const RectificationEvidence& ref) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kRectification));
  if (ref.file_name.empty()) return Status::Invalid("file_name: empty").Field("file_name");
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT 1 FROM rectification_items WHERE year = ? AND id = ?"));
    q.Bind(1, year).Bind(2, id);
    GOVPERF_STEP(exists, q);
    if (!exists) {
      return Status::NotFound("id: no rectification item " + std::to_string(id) + " in " +
                              std::to_string(year))
          .Field("id");
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM evidence_files WHERE sha256 = ?"));
    q.Bind(1, ref.sha256);
    GOVPERF_STEP(exists, q);
    if (!exists) {
      return Status::NotFound("sha256: no stored evidence file " + Quote(ref.sha256))
          .Field("sha256")
          .Zh("sha256：没有该佐证材料");
    }
  }
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO rectification_evidence (year, item_id, sha256, ord, "
                        "file_name, added_by, added_at) SELECT ?, ?, ?, COALESCE(MAX(ord), 0) + 1, "
                        "?, ?, ? FROM rectification_evidence WHERE year = ? AND item_id = ? ON "
                        "CONFLICT (year, item_id, sha256) DO UPDATE SET file_name = "
                        "excluded.file_name"));
  ins.Bind(1, year).Bind(2, id).Bind(3, ref.sha256).Bind(4, ref.file_name);
  ins.Bind(5, actor.username).Bind(6, NowIso()).Bind(7, year).Bind(8, id);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "rectification.evidence", RectEntity(year, id), "",
                     nlohmann::json{{"sha256", ref.sha256}, {"file_name", ref.file_name}}.dump());
}

}  // namespace govperf::store::sqlite
