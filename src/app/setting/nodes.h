// Scheme editing by node (指标体系编辑): add, edit, move and delete nodes of
// the indicator tree of a draft or setting year whose scheme is not yet
// published. Each edit is one store transaction (read the scheme in force,
// change it, save it) with one audit record naming the node. Leaf fields are
// validated against the scoring method registry (core/scoring), points
// against the parent.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "core/model.h"
#include "core/scoring/method.h"
#include "store/store.h"

namespace govperf::app::setting {

// The fields of a node; absent = keep (edit) or the default (add).
struct NodeFields {
  std::optional<std::string> id;         // add only
  std::optional<std::string> parent_id;  // add only (edits move with MoveNode)
  std::optional<std::string> name_zh, name_en, unit_of_measure, method, formula, lead_unit_id, type,
      data_source, frequency, evidence_rules, content, criteria;
  std::optional<double> points, measurement_error;
  std::optional<int> direction;
  std::optional<std::map<std::string, double>> params;
  std::optional<std::vector<std::string>> orientations, category_ids, unit_ids;
  std::optional<bool> cumulative;
};

// The reporting frequencies (报送频次) a leaf may declare.
const std::vector<std::string>& Frequencies();

// A node as JSON (the scheme file's indicator object plus `leaf`), for audit
// records and API answers.
nlohmann::json NodeToJson(const core::Indicator& ind, bool leaf);

// Adds a node under `fields.parent_id` (empty: a level-1 node), after its
// last sibling. Its level is the parent's + 1 (at most 3).
Result<core::Indicator> AddNode(store::Store& store, const Caller& caller, int year,
                                const NodeFields& fields);
Result<core::Indicator> EditNode(store::Store& store, const Caller& caller, int year,
                                 const std::string& id, const NodeFields& fields);
// Moves a node with its subtree under `parent_id` (empty: to level 1), after
// the new parent's last child; levels follow.
Result<core::Indicator> MoveNode(store::Store& store, const Caller& caller, int year,
                                 const std::string& id, const std::string& parent_id);
// Deletes a node without children (and its targets).
Status DeleteNode(store::Store& store, const Caller& caller, int year, const std::string& id);

// Points budget (分值) of a scheme: every inner node with points > 0 whose
// children's points add up to it neither in all nor for every unit it
// assesses, as "node: children 12 ≠ 15 (unit D01)". Duty leaves (one per
// unit) under one parent each fill that unit's budget.
std::vector<std::string> PointMismatches(const core::Scheme& s);

}  // namespace govperf::app::setting
