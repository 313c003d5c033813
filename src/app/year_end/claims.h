// 加减分与否决 claims: in year_end a unit claims a bonus item for itself
// (commendation 表彰 / innovation 创新: points, reason, evidence); lead
// departments raise deductions and vetoes against other units (reason,
// evidence); experts give opinions on innovation claims; the office decides
// each. An approved claim becomes a core::Adjustment of the year's data
// (entered_by = who raised it, approved_by = the deciding admin) through the
// store's PutAdjustment, in the same transaction as the decision; a rejection
// needs a reason.
//
//   pending ──approve (admin)──▶ approved  → adjustment "claim-<id>"
//      └──────reject (admin: reason)──▶ rejected
//
// Caps: the category's bonus_cap / deduction_cap (core/model.h). The engine
// applies them (items in order, each clipped to what is left under the cap:
// core/evaluator.cc), so nothing over a cap is refused here; the listing shows
// each unit's approved and pending totals against its caps and a warning
// where approving would go over.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/monitoring/reports.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

struct ClaimInput {
  std::string unit_id;
  std::string kind;         // bonus | deduction | veto
  std::string category;     // bonus: commendation | innovation
  double points = 0;        // bonus/deduction: (0, 100]
  std::string veto_effect;  // veto: cap_qualified (default) | fix_lowest
  std::string reason;       // required
};
// A unit (or a department) claims bonuses for itself only; a lead department
// raises deductions and vetoes against other units only; the office anything.
Result<store::Claim> RaiseClaim(YearCache& years, store::Store& store, const Caller& caller,
                                int year, const ClaimInput& in);

// Who sees a claim: admin and leader all; the unit it concerns and whoever
// raised it; experts the innovation claims.
bool MayReadClaim(const Caller& caller, const store::Claim& c);

// A unit's approved and pending totals against its category's caps.
struct ClaimTotals {
  std::string unit_id;
  double bonus_approved = 0, bonus_pending = 0, bonus_cap = 0;
  double deduction_approved = 0, deduction_pending = 0, deduction_cap = 0;
  std::vector<std::string> warnings, warnings_zh;  // over a cap (the engine clips)
};
struct ClaimListing {
  std::vector<store::Claim> claims;  // by id, those the caller may see
  std::vector<ClaimTotals> totals;   // units of the claims listed, in scheme order
};
Result<ClaimListing> ListClaims(YearCache& years, store::Store& store, const Caller& caller,
                                int year);

// Evidence on a pending claim, by whoever raised it.
Result<store::EvidenceRef> AddClaimEvidence(YearCache& years, store::Store& store,
                                            const Caller& caller, int year, int64_t id,
                                            const std::string& file_name, const std::string& bytes);
Result<monitoring::EvidenceDownload> GetClaimEvidence(YearCache& years, store::Store& store,
                                                      const Caller& caller, int year, int64_t id,
                                                      const std::string& sha256);

// 专家意见 on an innovation claim (support | oppose | neutral, with a text).
Result<store::Claim> GiveOpinion(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, int64_t id, const std::string& opinion,
                                 const std::string& text);

struct ClaimDecision {
  store::Claim claim;
  std::vector<std::string> warnings, warnings_zh;  // e.g. the unit's bonus over the cap
};
Result<ClaimDecision> DecideClaim(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, int64_t id, bool approve, const std::string& reason);

}  // namespace govperf::app::year_end
