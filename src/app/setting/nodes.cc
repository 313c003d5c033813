#include "app/setting/nodes.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "app/limits.h"
#include "app/setting/common.h"
#include "core/scoring/registry.h"
#include "io/scheme_json.h"

namespace govperf::app::setting {
namespace {

using nlohmann::json;

constexpr double kPointsEps = 1e-9;
constexpr int kMaxLevel = 3;

std::string Num(double v) {
  std::ostringstream o;
  o << v;
  return o.str();
}

// Node edits: draft or setting, and not once the scheme is published.
Status CheckEditable(store::Store& store, int year) {
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(RequireStage(*y, {core::Stage::kDraft, core::Stage::kSetting},
                                       "editing the indicator tree", "编辑指标体系"));
  auto last = LastVersion(store, year);
  if (!last.ok()) return last.status();
  if (*last > 0) {
    const std::string ys = std::to_string(year);
    return Status::Precondition("the scheme of year " + ys + " is published (version " +
                                std::to_string(*last) +
                                ") and frozen: changes go through an adjustment request")
        .Zh(ys + " 年度考核方案已发布（第 " + std::to_string(*last) +
            " 版）并冻结，变更须走调整程序");
  }
  return Status::Ok();
}

size_t IndexOf(const core::Scheme& s, const std::string& id) {
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    if (s.indicators[i].id == id) return i;
  }
  return s.indicators.size();
}

// The position after the last node of `id`'s subtree (end for "").
size_t SubtreeEnd(const core::Scheme& s, const std::string& id) {
  if (id.empty()) return s.indicators.size();
  std::set<std::string> inside = {id};
  size_t end = IndexOf(s, id) + 1;
  for (size_t i = end; i < s.indicators.size(); ++i) {
    if (inside.count(s.indicators[i].parent_id)) {
      inside.insert(s.indicators[i].id);
      end = i + 1;
    }
  }
  return end;
}

// Budgets are per unit. 个性 duty leaves share a parent, one per unit: what
// such a parent's points must match is, for each unit it assesses, the
// points its children carry for that unit — not the sum over every child.
// A parent is never overdrawn for any unit; at publication it is allocated
// when its children add up to it or when they do for every unit.
using ChildMap = std::map<std::string, std::vector<const core::Indicator*>>;

ChildMap ChildrenOf(const core::Scheme& s) {
  ChildMap m;
  for (const auto& i : s.indicators) m[i.parent_id].push_back(&i);
  return m;
}

// Does any leaf at or below `n` apply to `u`?
bool Reaches(const ChildMap& kids, const core::Indicator& n, const core::Unit& u) {
  auto it = kids.find(n.id);
  if (it == kids.end()) return Applies(n, u);
  for (const core::Indicator* c : it->second) {
    if (Reaches(kids, *c, u)) return true;
  }
  return false;
}

// The points `n` carries for `u`: its own when budgeted (or a leaf), else
// its children's; 0 when nothing below it assesses the unit.
double Carried(const ChildMap& kids, const core::Indicator& n, const core::Unit& u) {
  if (!Reaches(kids, n, u)) return 0;
  auto it = kids.find(n.id);
  if (it == kids.end() || n.points > 0) return n.points;
  double sum = 0;
  for (const core::Indicator* c : it->second) sum += Carried(kids, *c, u);
  return sum;
}

struct Allocation {
  std::string unit_id;  // empty: the scheme has no units (all children summed)
  double sum = 0;
};
// What the children of `parent` carry, per unit the parent assesses.
std::vector<Allocation> ChildrenPoints(const core::Scheme& s, const ChildMap& kids,
                                       const core::Indicator& parent) {
  std::vector<Allocation> out;
  auto it = kids.find(parent.id);
  if (it == kids.end()) return out;
  if (s.units.empty()) {
    double sum = 0;
    for (const core::Indicator* c : it->second) sum += c->points;
    out.push_back({"", sum});
    return out;
  }
  for (const core::Unit& u : s.units) {
    if (!Reaches(kids, parent, u)) continue;
    double sum = 0;
    for (const core::Indicator* c : it->second) sum += Carried(kids, *c, u);
    out.push_back({u.id, sum});
  }
  return out;
}

std::string ForUnit(const Allocation& a, bool zh) {
  if (a.unit_id.empty()) return "";
  return zh ? "（单位 " + a.unit_id + "）" : " (unit " + a.unit_id + ")";
}

// While editing, a budgeted parent (points > 0) is never overdrawn for any
// unit; at publication it must be allocated exactly (PointMismatches).
Status CheckBudget(const core::Scheme& s, const std::string& parent_id) {
  if (parent_id.empty()) return Status::Ok();
  const core::Indicator* p = FindNode(s, parent_id);
  if (p == nullptr || p->points <= 0) return Status::Ok();
  for (const Allocation& a : ChildrenPoints(s, ChildrenOf(s), *p)) {
    if (a.sum > p->points + kPointsEps) {
      return Bad("points",
                 "the children of " + parent_id + " would sum to " + Num(a.sum) +
                     ForUnit(a, false) + ", more than its " + Num(p->points) + " points",
                 "指标 " + parent_id + " 的下级分值合计将为 " + Num(a.sum) + ForUnit(a, true) +
                     "，超过其分值 " + Num(p->points));
    }
  }
  return Status::Ok();
}

Status CheckIds(const core::Scheme& s, const std::string& field,
                const std::vector<std::string>& ids, bool units) {
  std::set<std::string> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    bool known = false;
    if (units) {
      known = FindUnit(s, ids[i]) != nullptr;
    } else {
      for (const auto& c : s.categories) known = known || c.id == ids[i];
    }
    if (!known) {
      return Bad(f, std::string("unknown ") + (units ? "unit" : "category") + " '" + ids[i] + "'",
                 std::string(units ? "单位" : "类别") + " '" + ids[i] + "' 不在本年度方案中");
    }
    if (!seen.insert(ids[i]).second) return Bad(f, "duplicate '" + ids[i] + "'", "重复");
  }
  return Status::Ok();
}

// The node's own fields, as a node of `s` (leaf or not).
Status ValidateNode(const core::Scheme& s, const core::Indicator& n, bool leaf) {
  GOVPERF_RETURN_IF_ERROR(CheckId("id", n.id));
  GOVPERF_RETURN_IF_ERROR(CheckText("name_zh", n.name_zh, kMaxNameChars, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("name_en", n.name_en, kMaxNameChars, false));
  GOVPERF_RETURN_IF_ERROR(CheckText("unit_of_measure", n.unit_of_measure, kMaxNameChars, false));
  GOVPERF_RETURN_IF_ERROR(CheckText("data_source", n.data_source, kMaxNameChars * 2, false));
  GOVPERF_RETURN_IF_ERROR(
      CheckText("evidence_rules", n.evidence_rules, kMaxTextChars, false, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("content", n.content, kMaxTextChars, false, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("criteria", n.criteria, kMaxTextChars, false, true));
  if (!std::isfinite(n.points) || n.points < 0) {
    return Bad("points", "must be a finite number ≥ 0", "应为不小于 0 的有限数");
  }
  if (!std::isfinite(n.measurement_error) || n.measurement_error < 0) {
    return Bad("measurement_error", "must be a finite number ≥ 0", "应为不小于 0 的有限数");
  }
  const auto& freqs = Frequencies();
  if (!n.frequency.empty() && std::find(freqs.begin(), freqs.end(), n.frequency) == freqs.end()) {
    return Bad("frequency", "expected monthly, quarterly, half_yearly or yearly",
               "应为 monthly、quarterly、half_yearly 或 yearly");
  }
  for (size_t i = 0; i < n.orientations.size(); ++i) {
    GOVPERF_RETURN_IF_ERROR(CheckId("orientations[" + std::to_string(i) + "]", n.orientations[i]));
  }
  GOVPERF_RETURN_IF_ERROR(CheckIds(s, "category_ids", n.category_ids, false));
  GOVPERF_RETURN_IF_ERROR(CheckIds(s, "unit_ids", n.unit_ids, true));
  if (!n.lead_unit_id.empty() && FindUnit(s, n.lead_unit_id) == nullptr) {
    return Bad("lead_unit_id", "unknown unit '" + n.lead_unit_id + "'",
               "单位 '" + n.lead_unit_id + "' 不在本年度方案中");
  }
  if (!leaf) return Status::Ok();
  // A leaf is scored: points, a known method with known parameters, and
  // someone it applies to.
  if (n.points <= 0) return Bad("points", "a leaf needs points > 0", "末级指标分值应大于 0");
  const auto* m = core::scoring::FindMethod(n.method);
  if (m == nullptr) {
    std::string names;
    for (const auto& spec : core::scoring::Methods()) {
      names += (names.empty() ? "" : ", ") + std::string(spec.name);
    }
    return Bad("method", "unknown scoring method '" + n.method + "' (known: " + names + ")",
               "没有计分方法 '" + n.method + "'（可用：" + names + "）");
  }
  for (const auto& [name, value] : n.params) {
    const std::string f = "params." + name;
    bool known = false;
    for (const auto& p : m->params) known = known || name == p.name;
    if (!known) {
      return Bad(f, std::string("unknown parameter for method ") + m->name,
                 std::string("计分方法 ") + m->name_zh + " 没有此参数");
    }
    if (!std::isfinite(value)) return Bad(f, "not a finite number", "不是有限数");
  }
  if (n.method != "formula" && !n.formula.empty()) {
    return Bad("formula", "only method formula takes a formula", "只有公式法需要公式");
  }
  if (m->check != nullptr) {
    Status st = m->check(n);
    if (!st.ok()) {
      const std::string f = n.method == "formula" ? "formula" : "params";
      return Bad(f, st.message(), st.message_zh());
    }
  }
  if (n.category_ids.empty() && n.unit_ids.empty()) {
    return Bad("category_ids", "a leaf applies to categories (category_ids) or units (unit_ids)",
               "末级指标须指定适用类别（category_ids）或适用单位（unit_ids）");
  }
  return Status::Ok();
}

void Apply(const NodeFields& f, core::Indicator& n) {
  if (f.name_zh) n.name_zh = *f.name_zh;
  if (f.name_en) n.name_en = *f.name_en;
  if (f.unit_of_measure) n.unit_of_measure = *f.unit_of_measure;
  if (f.method) n.method = *f.method;
  if (f.formula) n.formula = *f.formula;
  if (f.lead_unit_id) n.lead_unit_id = *f.lead_unit_id;
  if (f.data_source) n.data_source = *f.data_source;
  if (f.frequency) n.frequency = *f.frequency;
  if (f.evidence_rules) n.evidence_rules = *f.evidence_rules;
  if (f.content) n.content = *f.content;
  if (f.criteria) n.criteria = *f.criteria;
  if (f.points) n.points = *f.points;
  if (f.measurement_error) n.measurement_error = *f.measurement_error;
  if (f.params) n.params = *f.params;
  if (f.orientations) n.orientations = *f.orientations;
  if (f.category_ids) n.category_ids = *f.category_ids;
  if (f.unit_ids) n.unit_ids = *f.unit_ids;
  if (f.cumulative) n.cumulative = *f.cumulative;
}

// direction and type need parsing: done before Apply so errors name them.
Status ApplyParsed(const NodeFields& f, core::Indicator& n) {
  if (f.direction) {
    if (*f.direction != 1 && *f.direction != -1) {
      return Bad("direction", "expected 1 (higher is better) or -1 (lower is better)",
                 "应为 1（越高越好）或 -1（越低越好）");
    }
    n.direction =
        *f.direction == 1 ? core::Direction::kHigherBetter : core::Direction::kLowerBetter;
  }
  if (f.type) {
    auto t = core::ParseIndicatorType(*f.type);
    if (!t)
      return Bad("type", "expected outcome, output or process", "应为 outcome、output 或 process");
    n.type = *t;
  }
  return Status::Ok();
}

// Runs `edit` on the scheme read inside one write transaction and saves it
// with one audit record.
Status EditInTx(store::Store& store, const Caller& caller, int year,
                const std::function<Status(core::Scheme&, store::SchemeEdit&)>& edit) {
  return store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    auto scheme = tx.LoadSchemeForUpdate(year);
    if (!scheme.ok()) return scheme.status();
    store::SchemeEdit e;
    GOVPERF_RETURN_IF_ERROR(edit(*scheme, e));
    return tx.SaveSchemeEdit(*scheme, e);
  });
}

Status NodeNotFound(const std::string& field, const std::string& id) {
  return Status::NotFound(field + ": no indicator '" + id + "'")
      .Field(field)
      .Zh(field + "：没有指标 '" + id + "'");
}

}  // namespace

const std::vector<std::string>& Frequencies() {
  static const std::vector<std::string> kFreqs = {"monthly", "quarterly", "half_yearly", "yearly"};
  return kFreqs;
}

json NodeToJson(const core::Indicator& i, bool leaf) {
  // The scheme file's object, plus `leaf` and the setting fields always
  // present (empty when unset), so a form can bind to them.
  json j = io::IndicatorToJson(i);
  j["leaf"] = leaf;
  j["data_source"] = i.data_source;
  j["frequency"] = i.frequency;
  j["evidence_rules"] = i.evidence_rules;
  j["content"] = i.content;
  j["criteria"] = i.criteria;
  return j;
}

std::vector<std::string> PointMismatches(const core::Scheme& s) {
  std::vector<std::string> out;
  const ChildMap kids = ChildrenOf(s);
  for (const auto& i : s.indicators) {
    if (!kids.count(i.id) || i.points <= 0) continue;
    // Allocated when the children add up to it (a tree shared by the units
    // it applies to) or when they do for every unit (duty leaves, one per
    // unit, under one parent).
    double all = 0;
    for (const core::Indicator* c : kids.at(i.id)) all += c->points;
    if (std::fabs(all - i.points) <= kPointsEps) continue;
    // The first unit whose allocation differs names the node's problem.
    for (const Allocation& a : ChildrenPoints(s, kids, i)) {
      if (std::fabs(a.sum - i.points) > kPointsEps) {
        out.push_back(i.id + ": children " + Num(a.sum) + " ≠ " + Num(i.points) +
                      ForUnit(a, false));
        break;
      }
    }
  }
  return out;
}

Result<core::Indicator> AddNode(store::Store& store, const Caller& caller, int year,
                                const NodeFields& fields) {
  GOVPERF_RETURN_IF_ERROR(CheckEditable(store, year));
  core::Indicator added;
  Status st = EditInTx(store, caller, year, [&](core::Scheme& s, store::SchemeEdit& e) -> Status {
    core::Indicator n;
    n.id = fields.id.value_or("");
    GOVPERF_RETURN_IF_ERROR(CheckId("id", n.id));
    if (FindNode(s, n.id) != nullptr) {
      return Status(Code::kAlreadyExists, "id: indicator '" + n.id + "' already exists")
          .Field("id")
          .Zh("id：指标 '" + n.id + "' 已存在");
    }
    n.parent_id = fields.parent_id.value_or("");
    n.level = 1;
    if (!n.parent_id.empty()) {
      const core::Indicator* p = FindNode(s, n.parent_id);
      if (p == nullptr) return NodeNotFound("parent_id", n.parent_id);
      if (p->level >= kMaxLevel) {
        return Bad("parent_id", "'" + n.parent_id + "' is at level 3: the tree has three levels",
                   "'" + n.parent_id + "' 已是三级指标，指标体系最多三级");
      }
      if (!p->method.empty()) {
        return Bad("parent_id", "'" + n.parent_id + "' is a scored leaf: clear its method first",
                   "'" + n.parent_id + "' 是计分的末级指标，请先清除其计分方法");
      }
      n.level = p->level + 1;
    }
    GOVPERF_RETURN_IF_ERROR(ApplyParsed(fields, n));
    Apply(fields, n);
    // A node is added as a leaf when it has a method, else as a group.
    const bool leaf = !n.method.empty();
    GOVPERF_RETURN_IF_ERROR(ValidateNode(s, n, leaf));
    const size_t at = SubtreeEnd(s, n.parent_id);
    s.indicators.insert(s.indicators.begin() + static_cast<std::ptrdiff_t>(at), n);
    GOVPERF_RETURN_IF_ERROR(CheckBudget(s, n.parent_id));
    e = {"indicator.add", n.id, "", NodeToJson(n, leaf).dump()};
    added = n;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return added;
}

Result<core::Indicator> EditNode(store::Store& store, const Caller& caller, int year,
                                 const std::string& id, const NodeFields& fields) {
  GOVPERF_RETURN_IF_ERROR(CheckEditable(store, year));
  if (fields.id && *fields.id != id) {
    return Bad("id", "a node's id does not change (add a new node instead)", "指标编号不能修改");
  }
  core::Indicator edited;
  Status st = EditInTx(store, caller, year, [&](core::Scheme& s, store::SchemeEdit& e) -> Status {
    const size_t at = IndexOf(s, id);
    if (at == s.indicators.size()) return NodeNotFound("id", id);
    if (fields.parent_id && *fields.parent_id != s.indicators[at].parent_id) {
      return Bad("parent_id", "move a node with the move endpoint", "移动指标请使用移动操作");
    }
    core::Indicator n = s.indicators[at];
    const core::Indicator before = n;
    GOVPERF_RETURN_IF_ERROR(ApplyParsed(fields, n));
    Apply(fields, n);
    const bool leaf = IsLeaf(s, id);
    GOVPERF_RETURN_IF_ERROR(ValidateNode(s, n, leaf));
    s.indicators[at] = n;
    GOVPERF_RETURN_IF_ERROR(CheckBudget(s, n.parent_id));
    // Its own budget must still cover its children, for every unit.
    if (!leaf) GOVPERF_RETURN_IF_ERROR(CheckBudget(s, id));
    // A leaf that no longer applies to a unit keeps no target for it.
    std::erase_if(s.targets, [&](const auto& kv) {
      if (kv.first.first != id) return false;
      const core::Unit* u = FindUnit(s, kv.first.second);
      return u == nullptr || !Applies(n, *u);
    });
    e = {"indicator.edit", id, NodeToJson(before, leaf).dump(), NodeToJson(n, leaf).dump()};
    edited = n;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return edited;
}

Result<core::Indicator> MoveNode(store::Store& store, const Caller& caller, int year,
                                 const std::string& id, const std::string& parent_id) {
  GOVPERF_RETURN_IF_ERROR(CheckEditable(store, year));
  core::Indicator moved;
  Status st = EditInTx(store, caller, year, [&](core::Scheme& s, store::SchemeEdit& e) -> Status {
    const size_t at = IndexOf(s, id);
    if (at == s.indicators.size()) return NodeNotFound("id", id);
    // The subtree [at, end) moves as a block.
    const size_t end = SubtreeEnd(s, id);
    std::set<std::string> inside;
    for (size_t i = at; i < end; ++i) inside.insert(s.indicators[i].id);
    int base_level = 1;
    if (!parent_id.empty()) {
      const core::Indicator* p = FindNode(s, parent_id);
      if (p == nullptr) return NodeNotFound("parent_id", parent_id);
      if (inside.count(parent_id)) {
        return Bad("parent_id", "a node cannot move under itself or its own subtree",
                   "不能移动到自身或其下级之下");
      }
      if (!p->method.empty()) {
        return Bad("parent_id", "'" + parent_id + "' is a scored leaf",
                   "'" + parent_id + "' 是计分的末级指标");
      }
      base_level = p->level + 1;
    }
    const int shift = base_level - s.indicators[at].level;
    std::vector<core::Indicator> block(s.indicators.begin() + static_cast<std::ptrdiff_t>(at),
                                       s.indicators.begin() + static_cast<std::ptrdiff_t>(end));
    for (auto& n : block) {
      n.level += shift;
      if (n.level > kMaxLevel) {
        return Bad("parent_id", "the subtree of " + id + " would go below level 3",
                   "移动后 " + id + " 的下级将超过三级");
      }
    }
    const core::Indicator before = block.front();
    block.front().parent_id = parent_id;
    s.indicators.erase(s.indicators.begin() + static_cast<std::ptrdiff_t>(at),
                       s.indicators.begin() + static_cast<std::ptrdiff_t>(end));
    const size_t to = SubtreeEnd(s, parent_id);
    s.indicators.insert(s.indicators.begin() + static_cast<std::ptrdiff_t>(to), block.begin(),
                        block.end());
    GOVPERF_RETURN_IF_ERROR(CheckBudget(s, parent_id));
    const bool leaf = IsLeaf(s, id);
    e = {"indicator.move", id, NodeToJson(before, leaf).dump(),
         NodeToJson(block.front(), leaf).dump()};
    moved = block.front();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return moved;
}

Status DeleteNode(store::Store& store, const Caller& caller, int year, const std::string& id) {
  GOVPERF_RETURN_IF_ERROR(CheckEditable(store, year));
  return EditInTx(store, caller, year, [&](core::Scheme& s, store::SchemeEdit& e) -> Status {
    const size_t at = IndexOf(s, id);
    if (at == s.indicators.size()) return NodeNotFound("id", id);
    for (const auto& i : s.indicators) {
      if (i.parent_id == id) {
        return Status::Precondition("id: indicator " + id + " has children (" + i.id +
                                    "): delete or move them first")
            .Field("id")
            .Zh("id：指标 " + id + " 有下级指标（" + i.id + "），请先删除或移走");
      }
    }
    e = {"indicator.delete", id, NodeToJson(s.indicators[at], true).dump(), ""};
    s.indicators.erase(s.indicators.begin() + static_cast<std::ptrdiff_t>(at));
    std::erase_if(s.targets, [&](const auto& kv) { return kv.first.first == id; });
    return Status::Ok();
  });
}

}  // namespace govperf::app::setting
