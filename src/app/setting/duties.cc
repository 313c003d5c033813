#include "app/setting/duties.h"

#include <set>

#include "app/limits.h"
#include "app/setting/common.h"
#include "io/sheet.h"
#include "io/sheet_table.h"

namespace govperf::app::setting {
namespace {

Status CheckUnitAccess(const Caller& caller, const std::string& unit_id) {
  if (core::RoleNeedsUnit(caller.role) && caller.unit_id != unit_id) {
    return Status::Denied("unit: only your own unit's duty list")
        .Field("unit")
        .Zh("unit：只能查看本单位的权责清单");
  }
  return Status::Ok();
}

Status CheckDutyStage(store::Store& store, int year) {
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  return RequireStage(*y, {core::Stage::kDraft, core::Stage::kSetting},
                      "changing the power-and-responsibility list", "修改权责清单");
}

}  // namespace

Result<std::vector<store::DutyItem>> ParseDutiesSheet(const std::string& bytes,
                                                      const std::string& unit_id) {
  auto book = io::ReadWorkbook(bytes, "duties");
  if (!book.ok()) return Status::Invalid("body: " + book.status().message()).Field("body");
  if (book->sheets.empty()) {
    return Status::Invalid("body: the workbook has no sheet")
        .Field("body")
        .Zh("body：工作簿没有工作表");
  }
  const io::Sheet& sheet = book->sheets.front();
  // "category" (the unit-category header) is the short CSV form's 职权类别.
  io::SheetError error;
  auto layout =
      io::FindTable(sheet, {"duty_id", "duty_title", "duty_basis", "duty_category", "category"},
                    {{"duty_id"}, {"duty_title"}}, &error);
  if (!layout.ok()) {
    return Status::Invalid("body: " + error.ToString())
        .Field("body")
        .Zh("body：" + error.ToStringZh());
  }
  const auto id = layout->Column("duty_id"), title = layout->Column("duty_title");
  const auto basis = layout->Column("duty_basis");
  const auto category = layout->Column("duty_category") ? layout->Column("duty_category")
                                                        : layout->Column("category");
  std::vector<store::DutyItem> out;
  for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
    if (io::RowBlank(sheet, r)) continue;
    auto cell = [&](std::optional<size_t> c) { return c ? io::TrimCell(sheet.At(r, *c)) : ""; };
    store::DutyItem item{unit_id, io::NormalizeCell(cell(id)), cell(title), cell(basis),
                         cell(category)};
    // An error names the cell, as the office sees it.
    if (item.id.empty() || item.title.empty()) {
      const size_t c = item.id.empty() ? *id : *title;
      const std::string where = "sheet '" + sheet.name + "' " + io::CellName(r, c);
      return Status::Invalid("body: " + where + ": " + (item.id.empty() ? "事项编码" : "事项名称") +
                             " is empty")
          .Field("body")
          .Zh("body：工作表「" + sheet.name + "」" + io::CellName(r, c) + "：" +
              (item.id.empty() ? "事项编码" : "事项名称") + "为空");
    }
    out.push_back(std::move(item));
  }
  return out;
}

Result<size_t> ImportDuties(store::Store& store, const Caller& caller, int year,
                            const std::string& unit_id, std::vector<store::DutyItem> items) {
  if (items.size() > kMaxListItems) {
    return Status::Invalid("items: at most " + std::to_string(kMaxListItems) + " items")
        .Field("items");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string row = "items[" + std::to_string(i) + "].";
    items[i].unit_id = unit_id;
    GOVPERF_RETURN_IF_ERROR(CheckId(row + "id", items[i].id));
    GOVPERF_RETURN_IF_ERROR(CheckText(row + "title", items[i].title, kMaxNameChars * 2, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(row + "basis", items[i].basis, kMaxTextChars, false, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(row + "category", items[i].category, kMaxNameChars, false));
    if (!ids.insert(items[i].id).second) {
      return Status::Invalid(row + "id: duplicate '" + items[i].id + "'")
          .Field(row + "id")
          .Zh(row + "id：重复的事项编号 '" + items[i].id + "'");
    }
  }
  GOVPERF_RETURN_IF_ERROR(CheckDutyStage(store, year));
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.PutDutyItems(year, unit_id, items); }));
  return items.size();
}

Status LinkDuties(store::Store& store, const Caller& caller, int year, const std::string& unit_id,
                  const std::string& indicator_id, const std::vector<std::string>& item_ids) {
  GOVPERF_RETURN_IF_ERROR(CheckDutyStage(store, year));
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  const core::Indicator* ind = FindNode(*scheme, indicator_id);
  const core::Unit* unit = FindUnit(*scheme, unit_id);
  if (ind == nullptr || unit == nullptr) {
    return Status::NotFound(ind == nullptr ? "indicator_id: no indicator '" + indicator_id + "'"
                                           : "unit: no unit '" + unit_id + "'")
        .Field(ind == nullptr ? "indicator_id" : "unit");
  }
  if (!IsLeaf(*scheme, indicator_id) || !Applies(*ind, *unit)) {
    return Status::Invalid("indicator_id: " + indicator_id + " is not a leaf that applies to " +
                           unit_id)
        .Field("indicator_id")
        .Zh("indicator_id：" + indicator_id + " 不是适用于 " + unit_id + " 的末级指标");
  }
  return store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.PutDutyLinks(year, unit_id, indicator_id, item_ids);
  });
}

Result<UnitDuties> LoadUnitDuties(store::Store& store, const Caller& caller, int year,
                                  const std::string& unit_id) {
  GOVPERF_RETURN_IF_ERROR(CheckUnitAccess(caller, unit_id));
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  auto duties = store.LoadDuties(year);
  if (!duties.ok()) return duties.status();
  auto scheme = store.LoadScheme(year);
  std::set<std::string> in_scheme;
  if (scheme.ok()) {
    for (const auto* leaf : Leaves(*scheme)) in_scheme.insert(leaf->id);
  }
  UnitDuties out;
  std::set<std::string> covered;
  for (const auto& l : duties->links) {
    if (l.unit_id != unit_id) continue;
    out.links.push_back(l);
    // A link to an indicator the scheme no longer has covers nothing.
    if (in_scheme.count(l.indicator_id)) covered.insert(l.item_id);
  }
  for (const auto& i : duties->items) {
    if (i.unit_id != unit_id) continue;
    out.items.push_back(i);
    if (!covered.count(i.id)) out.uncovered.push_back(i);
  }
  return out;
}

}  // namespace govperf::app::setting
