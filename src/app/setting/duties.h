// The power-and-responsibility list (权责清单): a unit's duty items, imported
// whole per unit (JSON rows, or the office's sheet — .xlsx or CSV — with the
// columns 事项编码, 事项名称, 设定依据, 职权类别 or their usual variants, below
// any title rows; the short CSV header id,title,basis,category works too),
// linked to the indicators that cover them; the uncovered items show where a
// unit's duties have no indicator yet. Kept per year (draft and setting).
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::setting {

// An .xlsx workbook's first sheet or CSV text → items for `unit_id`; errors
// name the sheet and cell (field "body").
Result<std::vector<store::DutyItem>> ParseDutiesSheet(const std::string& bytes,
                                                      const std::string& unit_id);
// Replaces the unit's items (ids, titles and lengths checked; errors name items[i]).
Result<size_t> ImportDuties(store::Store& store, const Caller& caller, int year,
                            const std::string& unit_id, std::vector<store::DutyItem> items);
// The items of `unit_id` that indicator `indicator_id` covers (replaces its links);
// the indicator must apply to the unit.
Status LinkDuties(store::Store& store, const Caller& caller, int year, const std::string& unit_id,
                  const std::string& indicator_id, const std::vector<std::string>& item_ids);

struct UnitDuties {
  std::vector<store::DutyItem> items;
  std::vector<store::DutyLink> links;
  std::vector<store::DutyItem> uncovered;  // items no indicator in the scheme covers
};
// Admin and leader: any unit; a unit or lead department: its own unit only.
Result<UnitDuties> LoadUnitDuties(store::Store& store, const Caller& caller, int year,
                                  const std::string& unit_id);

}  // namespace govperf::app::setting
