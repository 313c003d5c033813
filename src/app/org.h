// The organisation registry (机构管理): categories and units with ids stable
// across years; renames, moves, retirements and merges are recorded as
// changes (机构职能变更) in the same transaction as the edit.
#pragma once

#include <optional>
#include <string>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app {

struct CategoryInput {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::string kind;  // district | department | stationed
  std::optional<bool> retired;
};

struct UnitInput {
  std::string id;
  std::optional<std::string> name_zh;
  std::optional<std::string> name_en;
  std::optional<std::string> category_id;
  std::optional<std::string> parent_id;
  std::optional<std::string> kind;
  std::optional<bool> retired;
  std::string note;
};

Result<store::OrgCategory> CreateCategory(store::Store& store, const Caller& caller,
                                          const CategoryInput& in);
Result<store::OrgCategory> UpdateCategory(store::Store& store, const Caller& caller,
                                          const CategoryInput& in);
Result<store::OrgUnit> CreateUnit(store::Store& store, const Caller& caller, const UnitInput& in);
Result<store::OrgUnit> UpdateUnit(store::Store& store, const Caller& caller, const UnitInput& in);
// The same edits inside the caller's transaction, for bulk imports
// (app/exchange) that must commit or fail as a whole: `org` is the registry
// as the transaction sees it and each call updates it, so a later edit sees
// the earlier ones (a unit whose parent the same import creates).
Result<store::OrgCategory> CreateCategoryTx(store::WriteTx& tx, store::Org& org,
                                            const CategoryInput& in);
Result<store::OrgUnit> CreateUnitTx(store::WriteTx& tx, store::Org& org, const UnitInput& in);
Result<store::OrgUnit> UpdateUnitTx(store::WriteTx& tx, store::Org& org, const UnitInput& in);

// Retires `id` and records that it went into `into` (an active unit).
Result<store::OrgUnit> MergeUnit(store::Store& store, const Caller& caller, const std::string& id,
                                 const std::string& into, const std::string& note);

}  // namespace govperf::app
