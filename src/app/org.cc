#include "app/org.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "app/limits.h"

namespace govperf::app {
namespace {

using nlohmann::json;

Result<core::UnitKind> KindOf(const std::string& text) {
  auto k = core::ParseUnitKind(text);
  if (!k) {
    return Status::Invalid("kind: must be district, department or stationed, not '" + text + "'")
        .Field("kind")
        .Zh("kind：类型应为 district（区县）、department（市直单位）或 stationed（驻市单位）");
  }
  return *k;
}

const store::OrgCategory* FindCategory(const store::Org& org, const std::string& id) {
  for (const auto& c : org.categories) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const store::OrgUnit* FindUnit(const store::Org& org, const std::string& id) {
  for (const auto& u : org.units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}
store::OrgUnit* FindUnit(store::Org& org, const std::string& id) {
  for (auto& u : org.units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

Status NoUnit(const std::string& field, const std::string& id) {
  return Status::NotFound(field + ": unknown unit '" + id + "'")
      .Field(field)
      .Zh(field + "：没有单位 '" + id + "'");
}

Status CheckNames(const std::optional<std::string>& zh, const std::optional<std::string>& en) {
  if (zh) GOVPERF_RETURN_IF_ERROR(CheckText("name_zh", *zh, kMaxNameChars, true));
  if (en) GOVPERF_RETURN_IF_ERROR(CheckText("name_en", *en, kMaxNameChars, false));
  return Status::Ok();
}

json UnitJson(const store::OrgUnit& u) {
  return {{"name_zh", u.name_zh},
          {"name_en", u.name_en},
          {"category_id", u.category_id},
          {"parent_id", u.parent_id},
          {"retired", u.retired}};
}

Status CheckCategoryFor(const store::Org& org, const std::string& category_id) {
  const store::OrgCategory* c = FindCategory(org, category_id);
  if (!c) {
    return Status::Invalid("category_id: unknown category '" + category_id + "'")
        .Field("category_id")
        .Zh("category_id：没有类别 '" + category_id + "'");
  }
  if (c->retired) {
    return Status::Invalid("category_id: category '" + category_id + "' is retired")
        .Field("category_id")
        .Zh("category_id：类别 '" + category_id + "' 已停用");
  }
  return Status::Ok();
}

Status CheckParent(const store::Org& org, const std::string& id, const std::string& parent_id) {
  if (parent_id.empty()) return Status::Ok();
  if (parent_id == id) {
    return Status::Invalid("parent_id: a unit cannot be its own parent").Field("parent_id");
  }
  if (!FindUnit(org, parent_id)) return NoUnit("parent_id", parent_id);
  // No cycles: walk up from the parent.
  std::string at = parent_id;
  for (size_t steps = 0; !at.empty() && steps <= org.units.size(); ++steps) {
    if (at == id) {
      return Status::Invalid("parent_id: would make a cycle")
          .Field("parent_id")
          .Zh("parent_id：上级关系形成循环");
    }
    const store::OrgUnit* p = FindUnit(org, at);
    at = p ? p->parent_id : "";
  }
  return Status::Ok();
}

}  // namespace

Result<store::OrgCategory> CreateCategoryTx(store::WriteTx& tx, store::Org& org,
                                            const CategoryInput& in) {
  GOVPERF_RETURN_IF_ERROR(CheckId("id", in.id));
  GOVPERF_RETURN_IF_ERROR(CheckNames(in.name_zh, in.name_en));
  auto kind = KindOf(in.kind);
  if (!kind.ok()) return kind.status();
  if (FindCategory(org, in.id)) {
    return Status(Code::kAlreadyExists, "id: category '" + in.id + "' already exists")
        .Field("id")
        .Zh("id：类别 '" + in.id + "' 已存在");
  }
  store::OrgCategory c{in.id, in.name_zh, in.name_en, *kind, in.retired.value_or(false)};
  GOVPERF_RETURN_IF_ERROR(tx.PutOrgCategory(c));
  org.categories.push_back(c);
  return c;
}

Result<store::OrgCategory> CreateCategory(store::Store& store, const Caller& caller,
                                          const CategoryInput& in) {
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::optional<Result<store::OrgCategory>> out;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    out = CreateCategoryTx(tx, *org, in);
    return out->status();
  }));
  return *out;
}

Result<store::OrgCategory> UpdateCategory(store::Store& store, const Caller& caller,
                                          const CategoryInput& in) {
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  const store::OrgCategory* old = FindCategory(*org, in.id);
  if (!old) {
    return Status::NotFound("id: unknown category '" + in.id + "'")
        .Field("id")
        .Zh("id：没有类别 '" + in.id + "'");
  }
  store::OrgCategory c = *old;
  if (!in.name_zh.empty()) c.name_zh = in.name_zh;
  c.name_en = in.name_en.empty() ? c.name_en : in.name_en;
  GOVPERF_RETURN_IF_ERROR(CheckNames(c.name_zh, c.name_en));
  if (!in.kind.empty()) {
    auto kind = KindOf(in.kind);
    if (!kind.ok()) return kind.status();
    c.kind = *kind;
  }
  if (in.retired) c.retired = *in.retired;
  if (c.retired && !old->retired) {
    for (const auto& u : org->units) {
      if (u.category_id == c.id && !u.retired) {
        return Status(Code::kFailedPrecondition,
                      "retired: category '" + c.id + "' still has active unit '" + u.id + "'")
            .Field("retired")
            .Zh("retired：类别下仍有在用单位 '" + u.id + "'，请先移走或撤销");
      }
    }
  }
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutOrgCategory(c); }));
  return c;
}

Result<store::OrgUnit> CreateUnitTx(store::WriteTx& tx, store::Org& org, const UnitInput& in) {
  GOVPERF_RETURN_IF_ERROR(CheckId("id", in.id));
  GOVPERF_RETURN_IF_ERROR(CheckNames(in.name_zh.value_or(""), in.name_en));
  GOVPERF_RETURN_IF_ERROR(CheckText("note", in.note, kMaxTextChars, false, true));
  auto kind = KindOf(in.kind.value_or(""));
  if (!kind.ok()) return kind.status();
  if (FindUnit(org, in.id)) {
    return Status(Code::kAlreadyExists, "id: unit '" + in.id + "' already exists")
        .Field("id")
        .Zh("id：单位 '" + in.id + "' 已存在");
  }
  store::OrgUnit u{in.id,
                   in.name_zh.value_or(""),
                   in.name_en.value_or(""),
                   in.category_id.value_or(""),
                   in.parent_id.value_or(""),
                   *kind,
                   false};
  GOVPERF_RETURN_IF_ERROR(CheckCategoryFor(org, u.category_id));
  GOVPERF_RETURN_IF_ERROR(CheckParent(org, u.id, u.parent_id));
  GOVPERF_RETURN_IF_ERROR(tx.PutOrgUnit(u));
  GOVPERF_RETURN_IF_ERROR(
      tx.AddOrgChange({0, "", "", "create", u.id, "", "", UnitJson(u).dump(), in.note}));
  org.units.push_back(u);
  return u;
}

Result<store::OrgUnit> CreateUnit(store::Store& store, const Caller& caller, const UnitInput& in) {
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::optional<Result<store::OrgUnit>> out;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    out = CreateUnitTx(tx, *org, in);
    return out->status();
  }));
  return *out;
}

Result<store::OrgUnit> UpdateUnitTx(store::WriteTx& tx, store::Org& org, const UnitInput& in) {
  GOVPERF_RETURN_IF_ERROR(CheckNames(in.name_zh, in.name_en));
  GOVPERF_RETURN_IF_ERROR(CheckText("note", in.note, kMaxTextChars, false, true));
  store::OrgUnit* old = FindUnit(org, in.id);
  if (!old) return NoUnit("id", in.id);
  store::OrgUnit u = *old;
  if (in.name_zh) u.name_zh = *in.name_zh;
  if (in.name_en) u.name_en = *in.name_en;
  if (in.category_id) u.category_id = *in.category_id;
  if (in.parent_id) u.parent_id = *in.parent_id;
  if (in.kind) {
    auto kind = KindOf(*in.kind);
    if (!kind.ok()) return kind.status();
    u.kind = *kind;
  }
  if (in.retired) u.retired = *in.retired;
  if (u.category_id != old->category_id) {
    GOVPERF_RETURN_IF_ERROR(CheckCategoryFor(org, u.category_id));
  }
  GOVPERF_RETURN_IF_ERROR(CheckParent(org, u.id, u.parent_id));
  // One recorded change per kind of edit, all in the edit's transaction.
  std::vector<store::OrgChange> changes;
  const auto change = [&](const char* kind, json before, json after) {
    changes.push_back({0, "", "", kind, u.id, "", before.dump(), after.dump(), in.note});
  };
  if (u.name_zh != old->name_zh || u.name_en != old->name_en) {
    change("rename", {{"name_zh", old->name_zh}, {"name_en", old->name_en}},
           {{"name_zh", u.name_zh}, {"name_en", u.name_en}});
  }
  if (u.category_id != old->category_id) {
    change("move", {{"category_id", old->category_id}}, {{"category_id", u.category_id}});
  }
  if (u.retired != old->retired) {
    change(u.retired ? "retire" : "reinstate", {{"retired", old->retired}},
           {{"retired", u.retired}});
  }
  if (u.parent_id != old->parent_id || u.kind != old->kind) {
    change("edit", UnitJson(*old), UnitJson(u));
  }
  GOVPERF_RETURN_IF_ERROR(tx.PutOrgUnit(u));
  for (const auto& c : changes) GOVPERF_RETURN_IF_ERROR(tx.AddOrgChange(c));
  *old = u;
  return u;
}

Result<store::OrgUnit> UpdateUnit(store::Store& store, const Caller& caller, const UnitInput& in) {
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::optional<Result<store::OrgUnit>> out;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    out = UpdateUnitTx(tx, *org, in);
    return out->status();
  }));
  return *out;
}

Result<store::OrgUnit> MergeUnit(store::Store& store, const Caller& caller, const std::string& id,
                                 const std::string& into, const std::string& note) {
  GOVPERF_RETURN_IF_ERROR(CheckText("note", note, kMaxTextChars, false, true));
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  const store::OrgUnit* from = FindUnit(*org, id);
  if (!from) return NoUnit("id", id);
  const store::OrgUnit* to = FindUnit(*org, into);
  if (!to) return NoUnit("into", into);
  if (id == into || to->retired) {
    return Status::Invalid("into: must be another active unit")
        .Field("into")
        .Zh("into：应为另一个在用单位");
  }
  if (from->retired) {
    return Status(Code::kFailedPrecondition, "id: unit '" + id + "' is already retired")
        .Field("id")
        .Zh("id：单位 '" + id + "' 已撤销");
  }
  store::OrgUnit u = *from;
  u.retired = true;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutOrgUnit(u));
    return tx.AddOrgChange(
        {0, "", "", "merge", id, into, UnitJson(*from).dump(), UnitJson(u).dump(), note});
  }));
  return u;
}

}  // namespace govperf::app
