// 牵头单位评分 lead department scoring: the lead department of a leaf confirms
// a unit's year-end value (its self-evaluation) or corrects it — the unit's
// claim stays visible — and, on a qualitative leaf, sets the grade (the value
// 1 = A .. 4 = D, core/scoring/qualitative.cc). The scored value becomes the
// year's datum (period = the year) through PutDatum, in the same transaction.
//
// A reason is required for every qualitative grade, every no-data decision
// and every result below the leaf's full points. "Below full points" is the
// engine's answer (core::Evaluate on the year's data with this value), never
// a second copy of the scoring rules.
//
// Who: the leaf's lead department, never on its own unit (利益回避: the
// office scores those); the office (admin) any.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::year_end {

struct ScoreInput {
  std::string indicator_id;
  std::string unit_id;
  // The value to write; nullopt: confirm the unit's claim as filed.
  std::optional<double> value;
  bool no_data = false;  // decide "no data" (the leaf leaves the unit's base)
  std::string reason;
};

struct LeafScore {
  double earned = 0;  // the engine's leaf score for the unit
  double points = 0;  // the leaf's full points
  bool full() const { return earned >= points - 1e-9; }
};
// What the engine gives `unit_id` on leaf `indicator_id` with `value` (or
// no-data) as its year-end value, everything else in the year unchanged.
Result<LeafScore> LeafScoreWith(YearCache& years, store::Store& store, int year,
                                const std::string& indicator_id, const std::string& unit_id,
                                std::optional<double> value, bool no_data);

// A checked scoring, ready to be written inside a caller's transaction (a
// spot-check correction writes it with its finding).
struct PreparedScore {
  store::SelfEvaluation row;
  core::Datum datum;
  LeafScore score;
  std::vector<std::string> notify;  // the unit's users (站内消息)
};
Result<PreparedScore> PrepareScore(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const ScoreInput& in);
Status WriteScore(store::WriteTx& tx, int year, const PreparedScore& p);

// Prepare + write in one transaction; the row as stored.
Result<store::SelfEvaluation> Score(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const ScoreInput& in);

}  // namespace govperf::app::year_end
