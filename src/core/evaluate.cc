// Validation of a scheme. Evaluate itself is the engine in evaluator.cc; its
// specification is ReferenceEvaluate (evaluate_reference.cc).
#include "core/evaluate.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/period.h"
#include "core/scoring/format.h"
#include "core/scoring/registry.h"

namespace govperf::core {
namespace {

constexpr double kWeightTolerance = 1e-6;

bool AppliesTo(const Indicator& ind, const Unit& u) {
  if (!ind.unit_ids.empty()) {
    return std::find(ind.unit_ids.begin(), ind.unit_ids.end(), u.id) != ind.unit_ids.end();
  }
  return std::find(ind.category_ids.begin(), ind.category_ids.end(), u.category_id) !=
         ind.category_ids.end();
}

}  // namespace

Status ValidateScheme(const Scheme& s, const ValidateOptions& options) {
  if (s.year < kMinYear || s.year > kMaxYear) {
    return Status::Invalid("year: must be within " + std::to_string(kMinYear) + ".." +
                           std::to_string(kMaxYear) + ", got " + std::to_string(s.year));
  }
  std::set<std::string> cats, units, inds;
  for (size_t i = 0; i < s.categories.size(); ++i) {
    const Category& c = s.categories[i];
    const std::string row = "categories[" + std::to_string(i) + "] (" + c.id + ")";
    if (c.id.empty()) return Status::Invalid(row + ": id is empty");
    if (!cats.insert(c.id).second) return Status::Invalid(row + ": duplicate id");
    const double w = c.weights.indicator + c.weights.satisfaction + c.weights.leadership;
    if (c.weights.indicator < 0 || c.weights.satisfaction < 0 || c.weights.leadership < 0 ||
        std::fabs(w - 1.0) > kWeightTolerance) {
      return Status::Invalid(row + ": weights must be non-negative and sum to 1 (sum " +
                             scoring::Num(w) + ")");
    }
    if (c.grades.empty()) return Status::Invalid(row + ": grades is empty");
    for (size_t g = 0; g < c.grades.size(); ++g) {
      const GradeLevel& lv = c.grades[g];
      const std::string grow = row + ".grades[" + std::to_string(g) + "]";
      if (lv.code.empty()) return Status::Invalid(grow + ": code is empty");
      if (g > 0 && lv.min_score > c.grades[g - 1].min_score) {
        return Status::Invalid(grow + ": min_score must not exceed the previous level's");
      }
      if (lv.max_share && (*lv.max_share < 0 || *lv.max_share > 1)) {
        return Status::Invalid(grow + ": max_share must be within 0..1");
      }
    }
    if (c.bonus_cap < 0 || c.deduction_cap < 0) {
      return Status::Invalid(row + ": bonus_cap and deduction_cap must be non-negative");
    }
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const Unit& u = s.units[i];
    const std::string row = "units[" + std::to_string(i) + "] (" + u.id + ")";
    if (u.id.empty()) return Status::Invalid(row + ": id is empty");
    if (!units.insert(u.id).second) return Status::Invalid(row + ": duplicate id");
    if (!cats.count(u.category_id)) {
      return Status::Invalid(row + ": unknown category_id '" + u.category_id + "'");
    }
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const Unit& u = s.units[i];
    if (!u.parent_id.empty() && !units.count(u.parent_id)) {
      return Status::Invalid("units[" + std::to_string(i) + "] (" + u.id +
                             "): unknown parent_id '" + u.parent_id + "'");
    }
  }
  std::unordered_map<std::string, const Unit*> unit_by_id;
  for (const Unit& u : s.units) unit_by_id[u.id] = &u;
  std::unordered_map<std::string, const Indicator*> by_id;
  std::set<std::string> has_children;
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    const std::string row = "indicators[" + std::to_string(i) + "] (" + ind.id + ")";
    if (ind.id.empty()) return Status::Invalid(row + ": id is empty");
    if (!inds.insert(ind.id).second) return Status::Invalid(row + ": duplicate id");
    by_id[ind.id] = &ind;
    if (!ind.parent_id.empty()) has_children.insert(ind.parent_id);
  }
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    const std::string row = "indicators[" + std::to_string(i) + "] (" + ind.id + ")";
    if (ind.level < 1 || ind.level > 3) return Status::Invalid(row + ": level must be 1, 2 or 3");
    if (ind.parent_id.empty()) {
      if (ind.level != 1) return Status::Invalid(row + ": only level 1 may lack a parent_id");
    } else {
      auto p = by_id.find(ind.parent_id);
      if (p == by_id.end()) {
        return Status::Invalid(row + ": unknown parent_id '" + ind.parent_id + "'");
      }
      if (p->second->level != ind.level - 1) {
        return Status::Invalid(row + ": level must be its parent's level + 1");
      }
    }
    for (const auto& c : ind.category_ids) {
      if (!cats.count(c)) return Status::Invalid(row + ": unknown category_ids entry '" + c + "'");
    }
    for (const auto& u : ind.unit_ids) {
      if (!units.count(u)) return Status::Invalid(row + ": unknown unit_ids entry '" + u + "'");
    }
    if (!ind.lead_unit_id.empty() && !units.count(ind.lead_unit_id)) {
      return Status::Invalid(row + ": unknown lead_unit_id '" + ind.lead_unit_id + "'");
    }
    if (has_children.count(ind.id)) continue;  // inner node: nothing to score
    if (!(ind.points > 0) || !std::isfinite(ind.points)) {
      return Status::Invalid(row + ": points of a leaf must be positive");
    }
    const scoring::MethodSpec* m = scoring::FindMethod(ind.method);
    if (m == nullptr) return Status::Invalid(row + ": unknown method '" + ind.method + "'");
    if (m->check != nullptr) {
      Status st = m->check(ind);
      if (!st.ok()) return Status::Invalid(row + ": " + st.message());
    }
    for (const auto& [name, value] : ind.params) {
      bool known = m->check != nullptr && ind.method == "formula";  // formula params are variables
      for (const auto& p : m->params) known = known || name == p.name;
      if (!known) return Status::Invalid(row + ": unknown parameter '" + name + "' for " + m->name);
      if (!std::isfinite(value))
        return Status::Invalid(row + ": parameter '" + name + "' is not finite");
    }
    if (m->needs_target && options.require_targets) {
      // Count the leaf's targets for assessed units in one walk of its range
      // of the (sorted) map; only when some are missing, search for the first
      // unit without one, to name it. A lookup per (leaf, unit) was half the
      // validation of a province scheme.
      size_t assessed = 0, with_target = 0;
      for (const Unit& u : s.units) assessed += AppliesTo(ind, u) ? 1 : 0;
      for (auto t = s.targets.lower_bound({ind.id, std::string()});
           t != s.targets.end() && t->first.first == ind.id; ++t) {
        auto u = unit_by_id.find(t->first.second);
        if (u != unit_by_id.end() && AppliesTo(ind, *u->second)) ++with_target;
      }
      if (with_target != assessed) {
        for (const Unit& u : s.units) {
          if (AppliesTo(ind, u) && !s.targets.count({ind.id, u.id})) {
            return Status::Invalid(row + ": method " + std::string(m->name) +
                                   " needs a target for unit " + u.id);
          }
        }
      }
    }
  }
  for (const auto& [key, value] : s.targets) {
    if (!inds.count(key.first) || !units.count(key.second)) {
      return Status::Invalid("targets (" + key.first + ", " + key.second +
                             "): unknown indicator or unit");
    }
    if (!std::isfinite(value)) {
      return Status::Invalid("targets (" + key.first + ", " + key.second + "): not finite");
    }
  }
  return Status::Ok();
}

}  // namespace govperf::core
