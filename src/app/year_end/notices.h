// 站内消息 of the year-end assessment, sent inside the transaction of the step
// they announce (as in monitoring): a submitted self-evaluation to whoever
// scores it (the lead department, or the office where the lead department is
// the unit itself), a scoring to the unit, a decided claim to who raised it
// and to the unit it concerns.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace govperf::app::year_end {

// Who scores (leaf, unit): active lead users of the leaf's lead department,
// or the office's admins on a conflict of interest or a leaf without one.
std::vector<std::string> ScorersOf(const std::vector<store::User>& users,
                                   const core::Indicator& leaf, const std::string& unit_id);

Status NotifySelfSubmitted(store::WriteTx& tx, const std::vector<std::string>& to, int year,
                           const std::string& indicator_id, const std::string& unit_id);
Status NotifyScored(store::WriteTx& tx, const std::vector<std::string>& to, int year,
                    const store::SelfEvaluation& row);
Status NotifyClaimDecided(store::WriteTx& tx, const std::vector<std::string>& to,
                          const store::Claim& claim);

}  // namespace govperf::app::year_end
