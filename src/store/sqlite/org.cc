// The organisation registry (机构): categories, units and the change log.
#include <nlohmann/json.hpp>
#include <string>

#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

Result<Org> SqliteStore::LoadOrgLocked() {
  Org org;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, kind, retired FROM "
                                        "org_categories ORDER BY ord, id"));
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      OrgCategory c;
      c.id = q.Text(0);
      c.name_zh = q.Text(1);
      c.name_en = q.Text(2);
      c.kind = core::ParseUnitKind(q.Text(3)).value_or(core::UnitKind::kDepartment);
      c.retired = q.Int(4) != 0;
      org.categories.push_back(std::move(c));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, category_id, parent_id, "
                                        "kind, retired FROM org_units ORDER BY ord, id"));
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      OrgUnit u;
      u.id = q.Text(0);
      u.name_zh = q.Text(1);
      u.name_en = q.Text(2);
      u.category_id = q.Text(3);
      u.parent_id = q.Text(4);
      u.kind = core::ParseUnitKind(q.Text(5)).value_or(core::UnitKind::kDepartment);
      u.retired = q.Int(6) != 0;
      org.units.push_back(std::move(u));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, at, actor, kind, unit_id, into_id, "
                                        "before_json, after_json, note FROM org_changes ORDER BY "
                                        "id"));
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      org.changes.push_back(OrgChange{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4),
                                      q.Text(5), q.Text(6), q.Text(7), q.Text(8)});
    }
  }
  return org;
}

Result<Org> SqliteStore::LoadOrg() {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Org> out = Status::Internal("unset");
  Status st = db_->ReadTxn([&]() -> Status {
    out = LoadOrgLocked();
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqliteStore::PutOrgCategoryTx(const Actor& actor, const OrgCategory& c) {
  if (c.id.empty()) return Status::Invalid("id: empty").Field("id");
  if (c.name_zh.empty()) return Status::Invalid("name_zh: empty").Field("name_zh");
  std::string before;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, kind, retired FROM "
                                        "org_categories WHERE id = ?"));
    q.Bind(1, c.id);
    GOVPERF_STEP(exists, q);
    if (exists) {
      before = OrgCategoryAuditJson(OrgCategory{q.Text(0), q.Text(1), q.Text(2),
                                                core::ParseUnitKind(q.Text(3)).value_or(c.kind),
                                                q.Int(4) != 0});
    }
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare(
              "INSERT INTO org_categories (id, ord, name_zh, name_en, kind, retired) "
              "SELECT ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ?, ? FROM org_categories WHERE true "
              "ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = "
              "excluded.name_en, kind = excluded.kind, retired = excluded.retired"));
  up.Bind(1, c.id).Bind(2, c.name_zh).Bind(3, c.name_en).Bind(4, core::UnitKindName(c.kind));
  up.Bind(5, c.retired);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "org.category.put", "org_category:" + c.id, before,
                     OrgCategoryAuditJson(c));
}

Status SqliteStore::PutOrgUnitTx(const Actor& actor, const OrgUnit& u) {
  if (u.id.empty()) return Status::Invalid("id: empty").Field("id");
  if (u.name_zh.empty()) return Status::Invalid("name_zh: empty").Field("name_zh");
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM org_categories WHERE id = ?"));
    q.Bind(1, u.category_id);
    GOVPERF_STEP(exists, q);
    if (!exists) {
      return Status::Invalid("category_id: unknown category " + Quote(u.category_id))
          .Field("category_id")
          .Zh("category_id：没有类别 " + Quote(u.category_id));
    }
  }
  std::string before;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, category_id, parent_id, "
                                        "kind, retired FROM org_units WHERE id = ?"));
    q.Bind(1, u.id);
    GOVPERF_STEP(exists, q);
    if (exists) {
      before =
          OrgUnitAuditJson(OrgUnit{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4),
                                   core::ParseUnitKind(q.Text(5)).value_or(u.kind), q.Int(6) != 0});
    }
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO org_units (id, ord, name_zh, name_en, category_id, "
                       "parent_id, kind, retired) SELECT ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ?, "
                       "?, ?, ? FROM org_units WHERE true ON CONFLICT (id) DO UPDATE SET name_zh = "
                       "excluded.name_zh, name_en = excluded.name_en, category_id = "
                       "excluded.category_id, parent_id = excluded.parent_id, kind = "
                       "excluded.kind, retired = excluded.retired"));
  up.Bind(1, u.id).Bind(2, u.name_zh).Bind(3, u.name_en).Bind(4, u.category_id);
  up.Bind(5, u.parent_id).Bind(6, core::UnitKindName(u.kind)).Bind(7, u.retired);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "org.unit.put", "org_unit:" + u.id, before, OrgUnitAuditJson(u));
}

Status SqliteStore::AddOrgChangeTx(const Actor& actor, const OrgChange& c) {
  if (c.kind.empty()) return Status::Invalid("kind: empty").Field("kind");
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO org_changes (id, at, actor, kind, unit_id, into_id, "
                        "before_json, after_json, note) SELECT COALESCE(MAX(id), 0) + 1, ?, ?, "
                        "?, ?, ?, ?, ?, ? FROM org_changes"));
  const std::string who = actor.username.empty() ? "system" : actor.username;
  ins.Bind(1, NowIso()).Bind(2, who).Bind(3, c.kind).Bind(4, c.unit_id).Bind(5, c.into);
  ins.Bind(6, c.before).Bind(7, c.after).Bind(8, c.note);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "org.change", "org_unit:" + c.unit_id, "",
                     json{{"kind", c.kind}, {"into", c.into}, {"note", c.note}}.dump());
}

}  // namespace govperf::store::sqlite
