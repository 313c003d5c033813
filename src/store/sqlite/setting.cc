// Indicator setting (指标设置): target negotiation and its history, expert
// comments, published scheme versions, adjustment requests (调整程序) and the
// power-and-responsibility list (权责清单). The rules of who may take which
// step live in app/setting/; here: shapes, stage rules, version bumps, audit.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/scheme_json.h"
#include "store/codec.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

json NumberOrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::string NegotiationJson(const TargetNegotiation& n, const TargetEvent& e) {
  return json{
      {"indicator_id", n.indicator_id},
      {"unit_id", n.unit_id},
      {"state", n.state},
      {"lead_value", NumberOrNull(n.lead_value)},
      {"unit_value", NumberOrNull(n.unit_value)},
      {"agreed_value", NumberOrNull(n.agreed_value)},
      {"step", {{"action", e.action}, {"value", NumberOrNull(e.value)}, {"reason", e.reason}}}}
      .dump();
}

std::string RequestJson(const ChangeRequest& r) {
  return json{{"id", r.id},
              {"kind", r.kind},
              {"indicator_id", r.indicator_id},
              {"unit_id", r.unit_id},
              {"change", r.change},
              {"reason", r.reason},
              {"evidence", r.evidence},
              {"state", r.state},
              {"decided_by", r.decided_by},
              {"decision", r.decision},
              {"version", r.version}}
      .dump();
}

bool IsState(const std::string& s) {
  static const std::set<std::string> kStates = {"proposed", "countered", "escalated", "agreed",
                                                "decided"};
  return kStates.count(s) > 0;
}

bool OptFinite(const std::optional<double>& v) { return !v || Finite(*v); }

}  // namespace

Result<int> SqliteStore::LastSchemeVersionLocked(int year) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(version), 0) FROM scheme_versions "
                                      "WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  return row ? static_cast<int>(q.Int(0)) : 0;
}

// ---- reads ----

Result<std::vector<TargetNegotiation>> SqliteStore::ListTargetNegotiations(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<TargetNegotiation> out;
  Status st = db_->ReadTxn([&]() -> Status {
    std::map<std::pair<std::string, std::string>, size_t> pos;
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT indicator_id, unit_id, state, lead_value, "
                                          "unit_value, agreed_value, updated_at FROM "
                                          "target_negotiations WHERE year = ? ORDER BY "
                                          "indicator_id, unit_id"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        TargetNegotiation n;
        n.indicator_id = q.Text(0);
        n.unit_id = q.Text(1);
        n.state = q.Text(2);
        n.lead_value = q.OptReal(3);
        n.unit_value = q.OptReal(4);
        n.agreed_value = q.OptReal(5);
        n.updated_at = q.Text(6);
        pos[{n.indicator_id, n.unit_id}] = out.size();
        out.push_back(std::move(n));
      }
    }
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT seq, indicator_id, unit_id, at, actor, role, "
                                        "action, value, reason FROM target_events WHERE year = ? "
                                        "ORDER BY seq"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      auto it = pos.find({q.Text(1), q.Text(2)});
      if (it == pos.end()) continue;
      out[it->second].history.push_back(TargetEvent{q.Int(0), q.Text(3), q.Text(4), q.Text(5),
                                                    q.Text(6), q.OptReal(7), q.Text(8)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<IndicatorComment>> SqliteStore::ListIndicatorComments(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<IndicatorComment> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, indicator_id, at, author, role, text FROM "
                                      "indicator_comments WHERE year = ? ORDER BY id"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5)});
  }
  return out;
}

Result<std::vector<SchemeVersion>> SqliteStore::ListSchemeVersions(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<SchemeVersion> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT version, at, actor, note, change_request, "
                                      "content_sha256 FROM scheme_versions WHERE year = ? ORDER "
                                      "BY version"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    SchemeVersion v;
    v.year = year;
    v.version = static_cast<int>(q.Int(0));
    v.at = q.Text(1);
    v.actor = q.Text(2);
    v.note = q.Text(3);
    v.change_request = q.Int(4);
    v.content_sha256 = q.Text(5);
    out.push_back(std::move(v));
  }
  return out;
}

Result<core::Scheme> SqliteStore::LoadSchemeVersion(int year, int version) {
  std::string content;
  {
    std::lock_guard<std::mutex> lock(mu_);
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT content FROM scheme_versions WHERE year = ? AND version = ?"));
    q.Bind(1, year).Bind(2, version);
    GOVPERF_STEP(row, q);
    if (!row) {
      return Status::NotFound("version: year " + std::to_string(year) + " has no scheme version " +
                              std::to_string(version))
          .Field("version")
          .Zh("version：" + std::to_string(year) + " 年度没有第 " + std::to_string(version) +
              " 版方案");
    }
    content = q.Text(0);
  }
  auto parsed = io::ParseJson(content, "scheme_versions.content");
  if (!parsed.ok()) return Status::Internal(parsed.status().message());
  auto scheme = io::SchemeFromJson(*parsed);
  if (!scheme.ok()) return Status::Internal("stored scheme version: " + scheme.status().message());
  return scheme;
}

Result<std::vector<ChangeRequest>> SqliteStore::ListChangeRequests(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ChangeRequest> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT id, kind, indicator_id, unit_id, change, reason, evidence, state, "
                      "requested_by, requested_role, requested_unit, requested_at, decided_by, "
                      "decided_at, decision, version FROM change_requests WHERE year = ? ORDER "
                      "BY id"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    ChangeRequest r;
    r.id = q.Int(0);
    r.kind = q.Text(1);
    r.indicator_id = q.Text(2);
    r.unit_id = q.Text(3);
    r.change = q.Text(4);
    r.reason = q.Text(5);
    r.evidence = q.Text(6);
    r.state = q.Text(7);
    r.requested_by = q.Text(8);
    r.requested_role = q.Text(9);
    r.requested_unit = q.Text(10);
    r.requested_at = q.Text(11);
    r.decided_by = q.Text(12);
    r.decided_at = q.Text(13);
    r.decision = q.Text(14);
    r.version = static_cast<int>(q.Int(15));
    out.push_back(std::move(r));
  }
  return out;
}

Result<Duties> SqliteStore::LoadDuties(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Duties out;
  Status st = db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, id, title, basis, category FROM "
                                          "duty_items WHERE year = ? ORDER BY unit_id, ord"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        out.items.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
      }
    }
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, item_id, indicator_id FROM duty_links "
                                        "WHERE year = ? ORDER BY unit_id, item_id, "
                                        "indicator_id"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.links.push_back({q.Text(0), q.Text(1), q.Text(2)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// ---- writes ----

Result<core::Scheme> SqliteStore::LoadSchemeForUpdateTx(int year) { return LoadSchemeLocked(year); }

Status SqliteStore::SaveSchemeEditTx(const Actor& actor, const core::Scheme& s,
                                     const SchemeEdit& edit) {
  if (edit.action.rfind("indicator.", 0) != 0 || edit.node_id.empty()) {
    return Status::Invalid("edit: action must be indicator.* and name a node").Field("edit");
  }
  // The edit's own before/after is the audit record: no whole-scheme summary.
  GOVPERF_RETURN_IF_ERROR(
      WriteSchemeLocked(actor, s, core::YearWrite::kScheme, SchemeContentHash(s), nullptr));
  return AppendAudit(actor, edit.action, "indicator:" + std::to_string(s.year) + "/" + edit.node_id,
                     edit.before, edit.after);
}

Status SqliteStore::PutTargetStepTx(const Actor& actor, int year, const TargetNegotiation& n,
                                    const TargetEvent& e) {
  if (!IsState(n.state))
    return Status::Invalid("state: unknown state " + Quote(n.state)).Field("state");
  if (e.action.empty()) return Status::Invalid("action: empty").Field("action");
  if (!OptFinite(n.lead_value) || !OptFinite(n.unit_value) || !OptFinite(n.agreed_value) ||
      !OptFinite(e.value)) {
    return Status::Invalid("value: not finite").Field("value");
  }
  const bool settled = n.state == "agreed" || n.state == "decided";
  if (settled && !n.agreed_value) {
    return Status::Invalid("agreed_value: an agreed or decided target needs its value")
        .Field("agreed_value");
  }
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  if (!idx->leaves.count(n.indicator_id)) {
    return Status::NotFound("indicator_id: " + Quote(n.indicator_id) + " is not a leaf of year " +
                            std::to_string(year))
        .Field("indicator_id");
  }
  if (!idx->unit_category.count(n.unit_id)) {
    return Status::NotFound("unit_id: unknown unit " + Quote(n.unit_id) + " in year " +
                            std::to_string(year))
        .Field("unit_id");
  }
  Result<int> last = LastSchemeVersionLocked(year);
  if (!last.ok()) return last.status();
  if (*last > 0) {
    return FailedPrecondition("targets: the scheme of year " + std::to_string(year) +
                              " is published: targets change only by an adjustment request")
        .Field("targets")
        .Zh(std::to_string(year) + " 年度方案已发布，目标值只能通过调整程序变更");
  }
  // Only agreed targets change what the year evaluates to.
  if (settled) {
    GOVPERF_RETURN_IF_ERROR(CheckStageAndBump(actor, year, core::YearWrite::kTargets));
  } else {
    GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kTargets));
  }
  const std::string now = NowIso();
  {
    GOVPERF_ASSIGN_STMT(
        up, db_->Prepare("INSERT INTO target_negotiations (year, indicator_id, unit_id, state, "
                         "lead_value, unit_value, agreed_value, updated_at) VALUES (?, ?, ?, ?, "
                         "?, ?, ?, ?) ON CONFLICT (year, indicator_id, unit_id) DO UPDATE SET "
                         "state = excluded.state, lead_value = excluded.lead_value, unit_value = "
                         "excluded.unit_value, agreed_value = excluded.agreed_value, updated_at "
                         "= excluded.updated_at"));
    up.Bind(1, year).Bind(2, n.indicator_id).Bind(3, n.unit_id).Bind(4, n.state);
    up.Bind(5, n.lead_value).Bind(6, n.unit_value).Bind(7, n.agreed_value).Bind(8, now);
    GOVPERF_RETURN_IF_ERROR(up.Run());
  }
  {
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO target_events (year, seq, indicator_id, "
                                          "unit_id, at, actor, role, action, value, reason) "
                                          "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, "
                                          "?, ? FROM target_events WHERE year = ?"));
    ins.Bind(1, year).Bind(2, n.indicator_id).Bind(3, n.unit_id).Bind(4, now);
    ins.Bind(5, actor.username).Bind(6, core::RoleName(actor.role)).Bind(7, e.action);
    ins.Bind(8, e.value).Bind(9, e.reason).Bind(10, year);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  if (settled) {
    GOVPERF_ASSIGN_STMT(up, db_->Prepare("INSERT INTO targets (year, indicator_id, unit_id, value) "
                                         "VALUES (?, ?, ?, ?) ON CONFLICT (year, indicator_id, "
                                         "unit_id) DO UPDATE SET value = excluded.value"));
    up.Bind(1, year).Bind(2, n.indicator_id).Bind(3, n.unit_id).Bind(4, *n.agreed_value);
    GOVPERF_RETURN_IF_ERROR(up.Run());
  }
  return AppendAudit(actor, "target." + e.action,
                     "target:" + std::to_string(year) + "/" + n.indicator_id + "/" + n.unit_id, "",
                     NegotiationJson(n, e));
}

Status SqliteStore::AddIndicatorCommentTx(const Actor& actor, int year, const IndicatorComment& c) {
  if (c.text.empty()) return Status::Invalid("text: empty").Field("text");
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  if (!idx->indicators.count(c.indicator_id)) {
    return Status::NotFound("indicator_id: unknown indicator " + Quote(c.indicator_id) +
                            " in year " + std::to_string(year))
        .Field("indicator_id");
  }
  // A comment changes no score: no data_version bump.
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kReview));
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO indicator_comments (year, id, indicator_id, "
                                        "at, author, role, text) SELECT ?, COALESCE(MAX(id), 0) + "
                                        "1, ?, ?, ?, ?, ? FROM indicator_comments WHERE year = ?"));
  ins.Bind(1, year).Bind(2, c.indicator_id).Bind(3, NowIso()).Bind(4, actor.username);
  ins.Bind(5, core::RoleName(actor.role)).Bind(6, c.text).Bind(7, year);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "indicator.comment",
                     "indicator:" + std::to_string(year) + "/" + c.indicator_id, "",
                     json{{"text", c.text}}.dump());
}

Status SqliteStore::PutSchemeVersionTx(const Actor& actor, const core::Scheme& s,
                                       const SchemeVersion& v) {
  Result<int> last = LastSchemeVersionLocked(s.year);
  if (!last.ok()) return last.status();
  if (v.version != *last + 1) {
    return FailedPrecondition("version: the next version of year " + std::to_string(s.year) +
                              " is " + std::to_string(*last + 1) + ", not " +
                              std::to_string(v.version))
        .Field("version");
  }
  // The scheme's canonical text is built once: stored with the version and
  // hashed (SchemeContentHash is the hash of this same text).
  const std::string content = io::SchemeToJson(s).dump();
  const std::string hash = Sha256Hex(content);
  std::string before_summary;
  GOVPERF_RETURN_IF_ERROR(
      WriteSchemeLocked(actor, s, core::YearWrite::kSchemeVersions, hash, &before_summary));
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO scheme_versions (year, version, at, actor, "
                                        "note, change_request, content, content_sha256) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, s.year).Bind(2, v.version).Bind(3, NowIso()).Bind(4, actor.username);
  ins.Bind(5, v.note).Bind(6, v.change_request).Bind(7, content).Bind(8, hash);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "scheme.version",
                     "scheme:" + std::to_string(s.year) + "/v" + std::to_string(v.version),
                     before_summary,
                     json{{"version", v.version},
                          {"note", v.note},
                          {"change_request", v.change_request},
                          {"summary", json::parse(SchemeSummaryJson(s, hash))}}
                         .dump());
}

Result<int64_t> SqliteStore::AddChangeRequestTx(const Actor& actor, int year,
                                                const ChangeRequest& r) {
  if (r.reason.empty()) return Status::Invalid("reason: empty").Field("reason");
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kChangeRequests));
  int64_t id = 1;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM change_requests WHERE year = ?"));
    q.Bind(1, year);
    GOVPERF_STEP(row, q);
    if (row) id = q.Int(0);
  }
  ChangeRequest x = r;
  x.id = id;
  x.state = "pending";
  x.requested_by = actor.username;
  x.requested_role = core::RoleName(actor.role);
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO change_requests (year, id, kind, indicator_id, unit_id, "
                        "change, reason, evidence, state, requested_by, requested_role, "
                        "requested_unit, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?)"));
  ins.Bind(1, year).Bind(2, id).Bind(3, x.kind).Bind(4, x.indicator_id).Bind(5, x.unit_id);
  ins.Bind(6, x.change).Bind(7, x.reason).Bind(8, x.evidence).Bind(9, x.state);
  ins.Bind(10, x.requested_by).Bind(11, x.requested_role).Bind(12, x.requested_unit);
  ins.Bind(13, NowIso());
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  GOVPERF_RETURN_IF_ERROR(AppendAudit(
      actor, "change_request.add",
      "change_request:" + std::to_string(year) + "/" + std::to_string(id), "", RequestJson(x)));
  return id;
}

Status SqliteStore::DecideChangeRequestTx(const Actor& actor, int year, const ChangeRequest& r) {
  if (r.state != "approved" && r.state != "rejected") {
    return Status::Invalid("state: a decision is approved or rejected").Field("state");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kSchemeVersions));
  GOVPERF_ASSIGN_STMT(q,
                      db_->Prepare("SELECT state FROM change_requests WHERE year = ? AND id = ?"));
  q.Bind(1, year).Bind(2, r.id);
  GOVPERF_STEP(row, q);
  if (!row) {
    return Status::NotFound("id: no adjustment request " + std::to_string(r.id) + " in year " +
                            std::to_string(year))
        .Field("id");
  }
  if (q.Text(0) != "pending") {
    return FailedPrecondition("id: adjustment request " + std::to_string(r.id) + " is already " +
                              q.Text(0))
        .Field("id")
        .Zh("调整申请 " + std::to_string(r.id) + " 已处理");
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("UPDATE change_requests SET state = ?, decided_by = ?, decided_at = ?, "
                       "decision = ?, version = ? WHERE year = ? AND id = ?"));
  up.Bind(1, r.state).Bind(2, actor.username).Bind(3, NowIso()).Bind(4, r.decision);
  up.Bind(5, r.version).Bind(6, year).Bind(7, r.id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(
      actor, "change_request.decide",
      "change_request:" + std::to_string(year) + "/" + std::to_string(r.id),
      json{{"state", "pending"}}.dump(),
      json{{"state", r.state}, {"decision", r.decision}, {"version", r.version}}.dump());
}

Status SqliteStore::PutDutyItemsTx(const Actor& actor, int year, const std::string& unit_id,
                                   const std::vector<DutyItem>& items) {
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  if (!idx->unit_category.count(unit_id)) {
    return Status::NotFound("unit_id: unknown unit " + Quote(unit_id) + " in year " +
                            std::to_string(year))
        .Field("unit_id");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string row = "items[" + std::to_string(i) + "]";
    if (items[i].id.empty()) return Status::Invalid(row + ".id: empty").Field(row + ".id");
    if (items[i].title.empty()) return Status::Invalid(row + ".title: empty").Field(row + ".title");
    if (!ids.insert(items[i].id).second) {
      return Status::Invalid(row + ".id: duplicate " + Quote(items[i].id)).Field(row + ".id");
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT item_id, indicator_id FROM duty_links WHERE year "
                                        "= ? AND unit_id = ? ORDER BY item_id"));
    q.Bind(1, year).Bind(2, unit_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      if (!ids.count(q.Text(0))) {
        return FailedPrecondition("items: duty item " + Quote(q.Text(0)) +
                                  " is covered by indicator " + Quote(q.Text(1)) +
                                  ": unlink it first")
            .Field("items")
            .Zh("items：权责事项 '" + q.Text(0) + "' 已关联指标 '" + q.Text(1) + "'，请先解除关联");
      }
    }
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kDuties));
  std::string before;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COUNT(*) FROM duty_items WHERE year = ? AND "
                                        "unit_id = ?"));
    q.Bind(1, year).Bind(2, unit_id);
    GOVPERF_STEP(row, q);
    if (row && q.Int(0) > 0) before = json{{"items", q.Int(0)}}.dump();
  }
  {
    GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM duty_items WHERE year = ? AND unit_id = ?"));
    del.Bind(1, year).Bind(2, unit_id);
    GOVPERF_RETURN_IF_ERROR(del.Run());
  }
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO duty_items (year, unit_id, id, ord, title, "
                                        "basis, category) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  json after = json::array();
  for (size_t i = 0; i < items.size(); ++i) {
    const DutyItem& d = items[i];
    ins.Reset();
    ins.Bind(1, year).Bind(2, unit_id).Bind(3, d.id).Bind(4, static_cast<int64_t>(i));
    ins.Bind(5, d.title).Bind(6, d.basis).Bind(7, d.category);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
    after.push_back(
        {{"id", d.id}, {"title", d.title}, {"basis", d.basis}, {"category", d.category}});
  }
  return AppendAudit(actor, "duties.put", "duties:" + std::to_string(year) + "/" + unit_id, before,
                     json{{"items", after}}.dump());
}

Status SqliteStore::PutDutyLinksTx(const Actor& actor, int year, const std::string& unit_id,
                                   const std::string& indicator_id,
                                   const std::vector<std::string>& item_ids) {
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  if (!idx->indicators.count(indicator_id)) {
    return Status::NotFound("indicator_id: unknown indicator " + Quote(indicator_id) + " in year " +
                            std::to_string(year))
        .Field("indicator_id");
  }
  std::set<std::string> known;
  {
    GOVPERF_ASSIGN_STMT(q,
                        db_->Prepare("SELECT id FROM duty_items WHERE year = ? AND unit_id = ?"));
    q.Bind(1, year).Bind(2, unit_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      known.insert(q.Text(0));
    }
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < item_ids.size(); ++i) {
    const std::string row = "item_ids[" + std::to_string(i) + "]";
    if (!known.count(item_ids[i])) {
      return Status::NotFound(row + ": unit " + Quote(unit_id) + " has no duty item " +
                              Quote(item_ids[i]))
          .Field(row);
    }
    if (!seen.insert(item_ids[i]).second) {
      return Status::Invalid(row + ": duplicate " + Quote(item_ids[i])).Field(row);
    }
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kDuties));
  {
    GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM duty_links WHERE year = ? AND unit_id = ? "
                                          "AND indicator_id = ?"));
    del.Bind(1, year).Bind(2, unit_id).Bind(3, indicator_id);
    GOVPERF_RETURN_IF_ERROR(del.Run());
  }
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO duty_links (year, unit_id, item_id, "
                                        "indicator_id) VALUES (?, ?, ?, ?)"));
  for (const std::string& item : seen) {
    ins.Reset();
    ins.Bind(1, year).Bind(2, unit_id).Bind(3, item).Bind(4, indicator_id);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  return AppendAudit(actor, "duties.link",
                     "duties:" + std::to_string(year) + "/" + unit_id + "/" + indicator_id, "",
                     json{{"item_ids", std::vector<std::string>(seen.begin(), seen.end())}}.dump());
}

}  // namespace govperf::store::sqlite
