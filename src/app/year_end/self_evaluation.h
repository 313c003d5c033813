// 自评 self-evaluation: in year_end each assessed unit reports, per leaf it is
// assessed on, its year-end value (or a no-data declaration) and a
// self-assessment text, with evidence files. Submitting is per leaf and may be
// repeated until the lead department scores it (lead_scoring.h); the unit's
// claim stays visible after a correction.
//
//   (due) ──submit──▶ submitted ──score (lead / office)──▶ scored
//                       ▲    │
//                       └────┘ resubmit (submissions + 1)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/monitoring/reports.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

// One (leaf, unit) the caller may see, with what has been filed.
struct SelfEvaluationRow {
  const core::Indicator* leaf = nullptr;  // points into `scheme` of the listing
  const core::Unit* unit = nullptr;
  std::optional<double> target;
  std::optional<store::SelfEvaluation> filed;
  // due | submitted | scored
  std::string State() const {
    if (!filed) return "due";
    if (filed->scored) return "scored";
    return filed->submissions > 0 ? "submitted" : "due";
  }
  // The lead department is itself assessed on the leaf (利益回避): the office scores.
  bool office_scores = false;
};
struct SelfEvaluationListing {
  std::shared_ptr<const core::Scheme> scheme;
  std::vector<SelfEvaluationRow> rows;  // scheme order of leaves, then units
};
struct SelfEvaluationFilter {
  std::string unit_id;       // empty: all the caller may see
  std::string indicator_id;  // empty: all
  std::string state;         // empty: all; due | submitted | scored
  bool led = false;          // only leaves the caller's unit leads (a lead's 评分 list)
};

// Who sees a self-evaluation: admin and leader all; a lead department those of
// the leaves it leads and its own unit's; a unit its own.
bool MayRead(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id);

Result<SelfEvaluationListing> List(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const SelfEvaluationFilter& filter);

struct SelfEvaluationInput {
  std::string indicator_id;
  std::string unit_id;
  std::optional<double> value;
  bool no_data = false;
  std::string text;  // required, ≤ 2,000 characters
};
// The unit's own, in year_end, not once scored.
Result<store::SelfEvaluation> Submit(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, const SelfEvaluationInput& in);

// Attaches a file to the caller's own submitted self-evaluation (not once scored).
Result<store::EvidenceRef> AddEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const std::string& indicator_id,
                                       const std::string& unit_id, const std::string& file_name,
                                       const std::string& bytes);
// A file of a self-evaluation the caller may read.
Result<monitoring::EvidenceDownload> GetEvidence(YearCache& years, store::Store& store,
                                                 const Caller& caller, int year,
                                                 const std::string& indicator_id,
                                                 const std::string& unit_id,
                                                 const std::string& sha256);

}  // namespace govperf::app::year_end
