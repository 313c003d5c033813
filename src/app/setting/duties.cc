#include "app/setting/duties.h"

#include <set>

#include "app/limits.h"
#include "app/setting/common.h"
#include "io/csv.h"

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

Result<std::vector<store::DutyItem>> ParseDutiesCsv(const std::string& text,
                                                    const std::string& unit_id) {
  auto table = io::ParseCsv(text, "body");
  if (!table.ok()) return Status::Invalid(table.status().message()).Field("body");
  const int id = table->Column("id"), title = table->Column("title");
  const int basis = table->Column("basis"), category = table->Column("category");
  if (id < 0 || title < 0) {
    return Status::Invalid(
               "body: the CSV header needs the columns id and title (and optionally "
               "basis, category)")
        .Field("body")
        .Zh("body：CSV 表头须含 id 和 title 列（可选 basis、category）");
  }
  std::vector<store::DutyItem> out;
  for (const auto& row : table->rows) {
    auto cell = [&](int col) {
      return col >= 0 && static_cast<size_t>(col) < row.fields.size() ? row.fields[col] : "";
    };
    out.push_back({unit_id, cell(id), cell(title), cell(basis), cell(category)});
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
