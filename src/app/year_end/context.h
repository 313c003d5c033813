// What every year-end use case resolves first: the year (in 年终考核 for
// writes), a leaf and a unit assessed on it, with friendly errors before the
// store's own checks; and evidence files, checked by content as in monitoring.
#pragma once

#include <memory>
#include <string>

#include "app/caller.h"
#include "app/monitoring/reports.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

// FailedPrecondition naming the stage unless the year is in year_end.
Status RequireYearEnd(YearCache& years, int year);

struct LeafOfUnit {
  std::shared_ptr<const core::Scheme> scheme;
  const core::Indicator* leaf = nullptr;
  const core::Unit* unit = nullptr;
};
// The leaf `indicator_id` and the unit `unit_id` assessed on it.
Result<LeafOfUnit> ResolveLeaf(YearCache& years, int year, const std::string& indicator_id,
                               const std::string& unit_id);

// Is the caller the unit itself (a unit user, or a department's lead user)?
bool IsOwnUnit(const Caller& caller, const std::string& unit_id);

// Checks a file (name, size, type by content) and stores it; the ref to attach.
Result<store::EvidenceRef> StoreEvidence(store::WriteTx& tx, const Caller& caller,
                                         const std::string& file_name, const std::string& bytes);
// Checks a file before any transaction (the same checks, no writes).
Status CheckEvidence(const std::string& file_name, const std::string& bytes);

}  // namespace govperf::app::year_end
