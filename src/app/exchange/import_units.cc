// Units and categories (单位名录) from the office's own list: one row per
// unit, 单位名称 and 单位类别 required. A unit is matched to the registry by
// 单位编码 when the sheet has one, else by name; a new unit without a code
// gets the next free U001, U002 ... A category is named by id or name; an
// unknown one is created (id C1, C2 ... unless the text is itself an id),
// its kind from 单位类型 or guessed from its name. Units absent from the
// sheet stay as they are (retire them with 状态 = 撤销, or in 机构管理).
// Every edit goes through the registry use cases (app/org.h), in one
// transaction, so renames, moves and retirements are recorded as changes.
#include <set>

#include "app/exchange/common.h"
#include "app/limits.h"
#include "app/org.h"
#include "io/sheet_table.h"

namespace govperf::app::exchange {
namespace {

struct UnitRow {
  size_t row = 0;
  std::string id;
  std::string name;
  std::optional<std::string> name_en;
  std::string category_id;
  std::optional<std::string> parent_id;
  std::optional<core::UnitKind> kind;
  std::optional<bool> retired;
};

std::string UnitText(const store::OrgUnit& u) {
  return u.name_zh + " / " + u.category_id + (u.parent_id.empty() ? "" : " / ↑" + u.parent_id) +
         (u.retired ? " / 撤销" : "");
}

const io::Sheet* PickSheet(const io::Workbook& wb, const char* preferred) {
  if (const io::Sheet* s = wb.Find(preferred)) return s;
  return &wb.sheets.front();
}

}  // namespace

Result<ImportReport> ImportUnits(store::Store& store, const Caller& caller, const io::Workbook& wb,
                                 const ImportOptions& options, ImportReport report) {
  Errors errors(&report.errors);
  const io::Sheet& sheet = *PickSheet(wb, kUnitsSheet);
  io::SheetError header_error;
  auto layout = io::FindTable(sheet, UnitFields(), {{"unit_name"}, {"category"}}, &header_error);
  if (!layout.ok()) {
    report.errors.push_back(header_error);
    return report;
  }
  auto org_or = store.LoadOrg();
  if (!org_or.ok()) return org_or.status();
  const store::Org org = std::move(org_or).value();
  Lookup categories, registry_units;
  std::set<std::string> category_ids, unit_ids;
  for (const auto& c : org.categories) {
    categories.Add(c.id, c.name_zh);
    category_ids.insert(c.id);
  }
  for (const auto& u : org.units) {
    registry_units.Add(u.id, u.name_zh);
    unit_ids.insert(u.id);
  }
  const auto col = [&](const char* f) { return layout->Column(f); };
  const auto cell = [&](size_t r, std::optional<size_t> c) {
    return c ? io::TrimCell(sheet.At(r, *c)) : std::string();
  };
  // New categories of this sheet: id → (name, kind).
  std::vector<store::OrgCategory> new_categories;
  std::vector<UnitRow> rows;
  std::map<std::string, size_t> id_row, name_row;  // first row of each id and name
  std::set<std::string> taken_new_ids;
  for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
    if (io::RowBlank(sheet, r)) continue;
    UnitRow u;
    u.row = r;
    u.name = cell(r, col("unit_name"));
    const std::string cat = cell(r, col("category"));
    if (u.name.empty()) {
      errors.At(sheet, r, col("unit_name"), "单位名称 is empty", "单位名称为空");
      continue;
    }
    if (Status st = CheckText("name_zh", u.name, kMaxNameChars, true); !st.ok()) {
      errors.At(sheet, r, col("unit_name"), st.message(), st.message_zh());
    }
    const std::string key = NameKey(u.name);
    if (auto it = name_row.find(key); it != name_row.end() && !col("unit_id")) {
      errors.At(sheet, r, col("unit_name"),
                "duplicate of row " + std::to_string(it->second + 1) + " (same 单位名称 '" +
                    u.name + "')",
                "与第 " + std::to_string(it->second + 1) + " 行重复（单位名称「" + u.name + "」）");
      continue;
    }
    name_row[key] = r;
    if (col("unit_name_en")) u.name_en = cell(r, col("unit_name_en"));
    if (col("unit_kind") && !cell(r, col("unit_kind")).empty()) {
      u.kind = ParseKindText(cell(r, col("unit_kind")));
      if (!u.kind) {
        errors.At(
            sheet, r, col("unit_kind"),
            "单位类型 must be 区县, 市直单位 or 驻市单位 (district, department, stationed), not '" +
                cell(r, col("unit_kind")) + "'",
            "单位类型应为 区县、市直单位 或 驻市单位，不是「" + cell(r, col("unit_kind")) + "」");
      }
    }
    if (col("status")) {
      const std::string st = NameKey(cell(r, col("status")));
      if (st.empty() || st == "在用" || st == "正常" || st == "active") {
        u.retired = false;
      } else if (st == "撤销" || st == "停用" || st == "已撤销" || st == "retired") {
        u.retired = true;
      } else {
        errors.At(sheet, r, col("status"), "状态 must be 在用 or 撤销, not '" + st + "'",
                  "状态应为「在用」或「撤销」，不是「" + st + "」");
      }
    }
    // The category: known by id or name, else new.
    if (cat.empty()) {
      errors.At(sheet, r, col("category"), "单位类别 is empty", "单位类别为空");
    } else {
      bool ambiguous = false;
      u.category_id = categories.Find(cat, &ambiguous);
      if (ambiguous) {
        errors.At(sheet, r, col("category"), "two categories are named '" + cat + "': give its id",
                  "有两个类别名为「" + cat + "」，请填写类别编码");
      } else if (u.category_id.empty()) {
        std::string id = cat;
        if (!CheckId("category", id).ok() || category_ids.count(id)) {
          id = FreeId("C", 1, [&](const std::string& x) { return category_ids.count(x) > 0; });
        }
        const core::UnitKind kind = u.kind.value_or(GuessKind(cat));
        if (Status st = CheckText("name_zh", cat, kMaxNameChars, true); !st.ok()) {
          errors.At(sheet, r, col("category"), st.message(), st.message_zh());
        }
        new_categories.push_back({id, cat, "", kind, false});
        category_ids.insert(id);
        categories.Add(id, cat);
        u.category_id = id;
      }
    }
    // The unit's id: given, or the registry's unit of that name, or new.
    const std::string given = col("unit_id") ? io::NormalizeCell(cell(r, col("unit_id"))) : "";
    if (!given.empty()) {
      if (Status st = CheckId("id", given); !st.ok()) {
        errors.At(sheet, r, col("unit_id"),
                  "单位编码 '" + given + "' must be 1..32 of A-Z a-z 0-9 _ . -",
                  "单位编码「" + given + "」应为 1–32 位字母、数字或 _ . -");
      }
      u.id = given;
    } else {
      bool ambiguous = false;
      u.id = registry_units.Find(u.name, &ambiguous);
      if (ambiguous) {
        errors.At(sheet, r, col("unit_name"),
                  "two registry units are named '" + u.name + "': add a 单位编码 column",
                  "机构名录中有两个单位名为「" + u.name + "」，请增加单位编码列");
      }
    }
    if (!u.id.empty()) {
      if (auto it = id_row.find(u.id); it != id_row.end()) {
        errors.At(
            sheet, r, col("unit_id") ? col("unit_id") : col("unit_name"),
            "duplicate of row " + std::to_string(it->second + 1) + " (same unit '" + u.id + "')",
            "与第 " + std::to_string(it->second + 1) + " 行重复（单位「" + u.id + "」）");
        continue;
      }
      id_row[u.id] = r;
    }
    rows.push_back(std::move(u));
  }
  // Ids for new units without a code, once every given id is known.
  for (UnitRow& u : rows) {
    if (!u.id.empty()) continue;
    u.id =
        FreeId("U", 3, [&](const std::string& x) { return unit_ids.count(x) || id_row.count(x); });
    id_row[u.id] = u.row;
  }
  // Parents: named by id or name, among this sheet's units and the registry's.
  Lookup all_units;
  for (const auto& u : org.units) all_units.Add(u.id, u.name_zh);
  for (const UnitRow& u : rows) all_units.Add(u.id, u.name);
  if (col("parent")) {
    for (UnitRow& u : rows) {
      const std::string p = cell(u.row, col("parent"));
      if (p.empty()) {
        u.parent_id = "";
        continue;
      }
      bool ambiguous = false;
      const std::string id = all_units.Find(p, &ambiguous);
      if (id.empty()) {
        errors.At(sheet, u.row, col("parent"),
                  ambiguous ? "two units are named '" + p + "': give the parent's 单位编码"
                            : "unknown unit '" + p + "' as 上级单位",
                  ambiguous ? "有两个单位名为「" + p + "」，请填写上级单位的编码"
                            : "上级单位「" + p + "」不存在");
      } else if (id == u.id) {
        errors.At(sheet, u.row, col("parent"), "a unit cannot be its own 上级单位",
                  "单位不能是自己的上级单位");
      } else {
        u.parent_id = id;
      }
    }
  }
  if (rows.empty() && !errors.any()) {
    errors.Sheet(sheet.name, "no unit rows below the header", "表头下没有单位数据");
  }
  if (errors.any()) return report;

  // What changes, and the writes: new categories, then units with their
  // parents first (a parent may be new too), through the registry use cases.
  std::map<std::string, const store::OrgUnit*> existing;
  for (const auto& u : org.units) existing[u.id] = &u;
  for (const auto& c : new_categories) {
    report.Add({"added", "category", c.id, "", c.name_zh + " / " + core::UnitKindName(c.kind)});
  }
  std::vector<UnitInput> creates, updates;
  for (const UnitRow& u : rows) {
    auto it = existing.find(u.id);
    if (it == existing.end()) {
      UnitInput in;
      in.id = u.id;
      in.name_zh = u.name;
      in.name_en = u.name_en.value_or("");
      in.category_id = u.category_id;
      in.parent_id = u.parent_id.value_or("");
      core::UnitKind kind = core::UnitKind::kDepartment;
      for (const auto& c : org.categories) {
        if (c.id == u.category_id) kind = c.kind;
      }
      for (const auto& c : new_categories) {
        if (c.id == u.category_id) kind = c.kind;
      }
      in.kind = core::UnitKindName(u.kind.value_or(kind));
      in.note = "导入：" + options.file_name;
      store::OrgUnit shown{u.id, u.name, "", u.category_id, u.parent_id.value_or(""), {}, false};
      report.Add({"added", "unit", u.id, "", UnitText(shown)});
      if (u.retired.value_or(false)) {
        UnitInput retire;
        retire.id = u.id;
        retire.retired = true;
        retire.note = in.note;
        updates.push_back(retire);
      }
      creates.push_back(std::move(in));
      continue;
    }
    const store::OrgUnit& old = *it->second;
    store::OrgUnit now = old;
    now.name_zh = u.name;
    if (u.name_en) now.name_en = *u.name_en;
    now.category_id = u.category_id;
    if (u.parent_id) now.parent_id = *u.parent_id;
    if (u.kind) now.kind = *u.kind;
    if (u.retired) now.retired = *u.retired;
    if (now.name_zh == old.name_zh && now.name_en == old.name_en &&
        now.category_id == old.category_id && now.parent_id == old.parent_id &&
        now.kind == old.kind && now.retired == old.retired) {
      continue;
    }
    UnitInput in;
    in.id = u.id;
    if (now.name_zh != old.name_zh) in.name_zh = now.name_zh;
    if (now.name_en != old.name_en) in.name_en = now.name_en;
    if (now.category_id != old.category_id) in.category_id = now.category_id;
    if (now.parent_id != old.parent_id) in.parent_id = now.parent_id;
    if (now.kind != old.kind) in.kind = core::UnitKindName(now.kind);
    if (now.retired != old.retired) in.retired = now.retired;
    in.note = "导入：" + options.file_name;
    report.Add({"changed", "unit", u.id, UnitText(old), UnitText(now)});
    updates.push_back(std::move(in));
  }
  // Creation order: a unit after its parent when both are new.
  std::vector<UnitInput> ordered;
  std::set<std::string> placed;
  for (const auto& u : org.units) placed.insert(u.id);
  while (!creates.empty()) {
    const size_t before = creates.size();
    for (auto it = creates.begin(); it != creates.end();) {
      const std::string parent = it->parent_id.value_or("");
      if (parent.empty() || placed.count(parent)) {
        placed.insert(it->id);
        ordered.push_back(std::move(*it));
        it = creates.erase(it);
      } else {
        ++it;
      }
    }
    if (creates.size() == before) {  // a cycle among new units: let CheckParent name it
      for (auto& c : creates) ordered.push_back(std::move(c));
      creates.clear();
    }
  }
  if (report.total_changes == 0) {
    report.applied = !options.dry_run;
    return report;
  }
  store::Org working = org;
  Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    for (const auto& c : new_categories) {
      CategoryInput in{c.id, c.name_zh, c.name_en, core::UnitKindName(c.kind), std::nullopt};
      auto done = CreateCategoryTx(tx, working, in);
      if (!done.ok()) return done.status();
    }
    for (const auto& in : ordered) {
      auto done = CreateUnitTx(tx, working, in);
      if (!done.ok()) return Status(done.status()).Field("unit " + in.id);
    }
    for (const auto& in : updates) {
      auto done = UpdateUnitTx(tx, working, in);
      if (!done.ok()) return Status(done.status()).Field("unit " + in.id);
    }
    return options.dry_run ? DryRunRollback() : Status::Ok();
  });
  if (!st.ok() && !IsDryRunRollback(st)) return st;
  report.applied = !options.dry_run;
  return report;
}

}  // namespace govperf::app::exchange
