// The evaluation engine behind core::Evaluate, and its incremental form.
//
// An Evaluator evaluates a year once in full and keeps its indexes (leaves,
// units, the (leaf, unit) slots, per-(category, leaf) peer columns) and the
// inputs it scored. Each Set* call applies ONE change of the year's data and
// brings result() current again by redoing only what the change can affect:
// the changed leaf for the unit's whole category (peer-relative methods such as
// rank_in_category or growth against the category mean score every unit of the
// category against the others), the composite of the units whose scores moved,
// and the rank and grade of that category (quotas are per category).
//
// Invariant (tested as a property, src/demo/evaluator_test.cc): after any sequence of
// successful Set* calls, result() equals Evaluate(scheme, data') field by
// field, where data' is the initial data with the same changes applied.
// Design and invariants: docs/design/engine-incremental.md.
//
// Pure computation: no I/O. Not thread-safe (one writer).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/model.h"
#include "core/result.h"
#include "core/status.h"

namespace govperf::core {

class Evaluator {
 public:
  // Evaluates `data` in full (what Evaluate returns, same errors).
  // REQUIRES: `scheme` outlives the Evaluator and does not change (it is read,
  // not copied: a province scheme holds hundreds of thousands of targets).
  // `data` is copied as far as needed and may change or go afterwards.
  // With options.provisional, monthly periods must be "YYYY-MM" with MM in
  // 01..12 (FailedPrecondition otherwise), and in every mode each (indicator, unit,
  // period) must occur at most once in data.values (InvalidArgument
  // otherwise): a change replaces "the" datum of its key.
  static Result<Evaluator> Create(const Scheme& scheme, const YearData& data,
                                  const EvaluateOptions& options = {});

  Evaluator(Evaluator&&) noexcept;
  Evaluator& operator=(Evaluator&&) noexcept;
  ~Evaluator();

  const YearResult& result() const;

  // Inserts or replaces the datum with d's (indicator_id, unit_id, period): a
  // year-end value, a monthly value or last year's value. A datum the year
  // never scores (unknown ids, a unit not assessed on the indicator, another
  // period, a monthly value in a final evaluation) changes nothing. A
  // non-finite value is InvalidArgument (Evaluate would refuse the data) and
  // changes nothing.
  Status SetDatum(const Datum& d);
  // Removes the datum of that key, if any.
  Status RemoveDatum(const std::string& indicator_id, const std::string& unit_id,
                     const std::string& period);
  // 社会满意度 / 领导评价 of a unit; nullopt = not available. NotFound for an
  // unknown unit.
  Status SetSatisfaction(const std::string& unit_id, std::optional<double> value);
  Status SetLeadership(const std::string& unit_id, std::optional<double> value);
  // All adjustments of one unit, in the order they are applied (the order
  // they have in YearData::adjustments). Entries' unit_id must be unit_id.
  Status SetAdjustments(const std::string& unit_id, std::vector<Adjustment> adjustments);

  struct Impl;

 private:
  explicit Evaluator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace govperf::core
