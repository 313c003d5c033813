#include "app/setting/targets.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/limits.h"
#include "app/setting/common.h"

namespace govperf::app::setting {
namespace {

using Key = std::pair<std::string, std::string>;  // (indicator, unit)

Status Denied(const std::string& en, const std::string& zh) { return Status::Denied(en).Zh(zh); }

bool IsAdmin(const Caller& c) {
  return c.role == core::Role::kAdmin || c.role == core::Role::kSystem;
}

// Negotiation steps: only in the setting stage, before publication.
Status CheckNegotiable(store::Store& store, int year, const std::string& what_zh) {
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(
      RequireStage(*y, {core::Stage::kSetting}, "negotiating targets", what_zh));
  auto last = LastVersion(store, year);
  if (!last.ok()) return last.status();
  if (*last > 0) {
    const std::string ys = std::to_string(year);
    return Status::Precondition("the scheme of year " + ys +
                                " is published: targets change only by an adjustment request")
        .Zh(ys + " 年度方案已发布，目标值只能通过调整程序变更");
  }
  return Status::Ok();
}

std::map<Key, store::TargetNegotiation> ByKey(std::vector<store::TargetNegotiation> rows) {
  std::map<Key, store::TargetNegotiation> out;
  for (auto& r : rows) out[{r.indicator_id, r.unit_id}] = std::move(r);
  return out;
}

// The leaf and unit of a pair, both in the scheme and the leaf applying to the unit.
Status CheckPair(const core::Scheme& s, const std::string& prefix, const std::string& indicator_id,
                 const std::string& unit_id, const core::Indicator** leaf) {
  const core::Indicator* ind = FindNode(s, indicator_id);
  if (ind == nullptr || !IsLeaf(s, indicator_id)) {
    return Status::NotFound(prefix + "indicator_id: no leaf indicator '" + indicator_id + "'")
        .Field(prefix + "indicator_id")
        .Zh(prefix + "indicator_id：没有末级指标 '" + indicator_id + "'");
  }
  const core::Unit* u = FindUnit(s, unit_id);
  if (u == nullptr) {
    return Status::NotFound(prefix + "unit_id: no unit '" + unit_id + "' in the scheme")
        .Field(prefix + "unit_id")
        .Zh(prefix + "unit_id：方案中没有单位 '" + unit_id + "'");
  }
  if (!Applies(*ind, *u)) {
    return Bad(prefix + "unit_id", "indicator " + indicator_id + " does not apply to " + unit_id,
               "指标 " + indicator_id + " 不适用于 " + unit_id);
  }
  *leaf = ind;
  return Status::Ok();
}

// Whose move it is in `state` (conflict: a lead department assessed on its
// own indicator cannot settle its own dispute, so the office does).
std::string Awaits(const std::string& state, const core::Indicator& ind, const std::string& unit) {
  if (state == "unset") return "lead";
  if (state == "proposed") return "unit";
  if (state == "countered") return ind.lead_unit_id == unit ? "admin" : "lead";
  if (state == "escalated") return "admin";
  return "";
}

bool AwaitsCaller(const std::string& awaits, const Caller& c, const core::Indicator& ind,
                  const std::string& unit) {
  if (awaits.empty()) return false;
  if (c.role == core::Role::kAdmin) return awaits == "admin";
  if (c.role == core::Role::kLead) return awaits == "lead" && ind.lead_unit_id == c.unit_id;
  if (c.role == core::Role::kUnit) return awaits == "unit" && unit == c.unit_id;
  return false;
}

bool MaySee(const Caller& c, const core::Indicator& ind, const std::string& unit) {
  switch (c.role) {
    case core::Role::kAdmin:
    case core::Role::kLeader:
    case core::Role::kSystem:
      return true;
    case core::Role::kLead:
      return ind.lead_unit_id == c.unit_id || unit == c.unit_id;
    case core::Role::kUnit:
      return unit == c.unit_id;
    default:
      return false;
  }
}

Status CheckReason(const std::string& reason, bool required, const std::string& field = "reason") {
  return CheckText(field, reason, kMaxTextChars, required, true);
}

Status CheckValue(const std::optional<double>& v, const std::string& field) {
  if (!v) return Bad(field, "required", "必填");
  if (!std::isfinite(*v)) return Bad(field, "must be a finite number", "应为有限数");
  return Status::Ok();
}

Status WrongState(const store::TargetNegotiation& n, const std::string& action) {
  return Status::Precondition("action: cannot " + action + " the target of " + n.indicator_id +
                              "/" + n.unit_id + " while it is " + n.state)
      .Field("action")
      .Zh("action：目标值 " + n.indicator_id + "/" + n.unit_id + " 当前为「" + n.state +
          "」，不能执行 " + action);
}

}  // namespace

Result<std::vector<store::TargetNegotiation>> ProposeTargets(
    store::Store& store, const Caller& caller, int year, const std::vector<TargetProposal>& items) {
  if (items.empty()) return Bad("items", "at least one proposal", "至少提出一项");
  if (items.size() > kMaxListItems) {
    return Bad("items", "at most " + std::to_string(kMaxListItems) + " proposals in one call",
               "一次最多 " + std::to_string(kMaxListItems) + " 项");
  }
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kLead &&
      caller.role != core::Role::kSystem) {
    return Denied("only the lead department or the office proposes targets",
                  "只有牵头考核单位或绩效办可以提出目标值");
  }
  GOVPERF_RETURN_IF_ERROR(CheckNegotiable(store, year, "提出目标值"));
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto existing = store.ListTargetNegotiations(year);
  if (!existing.ok()) return existing.status();
  auto rows = ByKey(std::move(existing).value());
  std::vector<store::TargetNegotiation> out;
  std::map<Key, size_t> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const TargetProposal& p = items[i];
    const std::string prefix = "items[" + std::to_string(i) + "].";
    const core::Indicator* leaf = nullptr;
    GOVPERF_RETURN_IF_ERROR(CheckPair(*scheme, prefix, p.indicator_id, p.unit_id, &leaf));
    Status lead = RequireLeadOf(caller, *leaf);
    if (!lead.ok()) return lead.Field(prefix + "indicator_id");
    GOVPERF_RETURN_IF_ERROR(CheckValue(p.value, prefix + "value"));
    GOVPERF_RETURN_IF_ERROR(CheckReason(p.reason, false, prefix + "reason"));
    if (!seen.emplace(Key{p.indicator_id, p.unit_id}, i).second) {
      return Bad(prefix + "unit_id", "duplicate pair " + p.indicator_id + "/" + p.unit_id, "重复");
    }
    store::TargetNegotiation n;
    auto it = rows.find({p.indicator_id, p.unit_id});
    if (it != rows.end()) {
      n = it->second;
      // A proposal may be revised until the unit answers; a settled target
      // is reopened only by the office.
      const bool reopen = (n.state == "agreed" || n.state == "decided") && IsAdmin(caller);
      if (n.state != "proposed" && !reopen) {
        Status st = WrongState(n, "propose");
        return st.Field(prefix + "indicator_id");
      }
    }
    n.indicator_id = p.indicator_id;
    n.unit_id = p.unit_id;
    n.state = "proposed";
    n.lead_value = p.value;
    n.unit_value.reset();
    n.agreed_value.reset();
    n.history.clear();
    out.push_back(n);
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    for (size_t i = 0; i < out.size(); ++i) {
      store::TargetEvent e;
      e.action = "propose";
      e.value = items[i].value;
      e.reason = items[i].reason;
      GOVPERF_RETURN_IF_ERROR(tx.PutTargetStep(year, out[i], e));
    }
    return Status::Ok();
  }));
  return out;
}

Result<store::TargetNegotiation> TakeTargetStep(store::Store& store, const Caller& caller, int year,
                                                const TargetStep& step) {
  static const std::vector<std::string> kActions = {"accept", "counter",  "accept_counter",
                                                    "keep",   "escalate", "decide"};
  if (std::find(kActions.begin(), kActions.end(), step.action) == kActions.end()) {
    return Bad("action", "expected accept, counter, accept_counter, keep, escalate or decide",
               "应为 accept、counter、accept_counter、keep、escalate 或 decide");
  }
  GOVPERF_RETURN_IF_ERROR(CheckNegotiable(store, year, "目标值协商"));
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  const core::Indicator* leaf = nullptr;
  GOVPERF_RETURN_IF_ERROR(CheckPair(*scheme, "", step.indicator_id, step.unit_id, &leaf));
  const bool admin = IsAdmin(caller);
  // Who may take which step, before anything about the state is revealed.
  const std::string& a = step.action;
  const bool own_unit = caller.role == core::Role::kUnit && caller.unit_id == step.unit_id;
  const bool leads = caller.role == core::Role::kLead && caller.unit_id == leaf->lead_unit_id;
  if (a == "accept" || a == "counter") {
    if (!admin && !own_unit) {
      return Denied("only the assessed unit answers a proposal for its own target",
                    "只有评估对象本单位可以答复其目标值");
    }
  } else if (a == "accept_counter" || a == "keep") {
    if (!admin && !leads) {
      return Denied("only the lead department of " + leaf->id + " decides on a counter-proposal",
                    "只有指标 " + leaf->id + " 的牵头考核单位可以处理反提意见");
    }
    if (!admin && leaf->lead_unit_id == step.unit_id) {
      return Denied("conflict of interest: the target of your own unit is decided by the office",
                    "利益冲突：本单位自身的目标值争议由绩效办裁定");
    }
  } else if (a == "escalate") {
    if (!admin && !own_unit && !leads) {
      return Denied("only the unit or the lead department escalates a disagreement",
                    "只有评估对象或牵头考核单位可以提请绩效办裁定");
    }
  } else if (a == "decide" && !admin) {
    return Denied("only the office decides an escalated target", "只有绩效办可以裁定目标值");
  }
  auto existing = store.ListTargetNegotiations(year);
  if (!existing.ok()) return existing.status();
  auto rows = ByKey(std::move(existing).value());
  auto it = rows.find({step.indicator_id, step.unit_id});
  store::TargetNegotiation n;
  n.indicator_id = step.indicator_id;
  n.unit_id = step.unit_id;
  n.state = "unset";
  if (it != rows.end()) n = it->second;
  n.history.clear();
  std::optional<double> event_value;
  if (a == "accept") {
    if (n.state != "proposed") return WrongState(n, a);
    n.state = "agreed";
    n.agreed_value = n.lead_value;
    event_value = n.lead_value;
  } else if (a == "counter") {
    if (n.state != "proposed") return WrongState(n, a);
    GOVPERF_RETURN_IF_ERROR(CheckValue(step.value, "value"));
    GOVPERF_RETURN_IF_ERROR(CheckReason(step.reason, true));
    n.state = "countered";
    n.unit_value = step.value;
    event_value = step.value;
  } else if (a == "accept_counter") {
    if (n.state != "countered") return WrongState(n, a);
    n.state = "agreed";
    n.agreed_value = n.unit_value;
    event_value = n.unit_value;
  } else if (a == "keep") {
    if (n.state != "countered") return WrongState(n, a);
    GOVPERF_RETURN_IF_ERROR(CheckReason(step.reason, true));
    n.state = "decided";
    n.agreed_value = n.lead_value;
    event_value = n.lead_value;
  } else if (a == "escalate") {
    // An open disagreement, or the unit contesting the lead department's
    // decision to keep its own proposal.
    const bool open = n.state == "countered";
    const bool contested = n.state == "decided" && (own_unit || admin) && n.unit_value.has_value();
    if (!open && !contested) return WrongState(n, a);
    GOVPERF_RETURN_IF_ERROR(CheckReason(step.reason, true));
    n.state = "escalated";
    n.agreed_value.reset();
  } else {  // decide
    if (n.state != "proposed" && n.state != "countered" && n.state != "escalated") {
      return WrongState(n, a);
    }
    GOVPERF_RETURN_IF_ERROR(CheckValue(step.value, "value"));
    GOVPERF_RETURN_IF_ERROR(CheckReason(step.reason, true));
    n.state = "decided";
    n.agreed_value = step.value;
    event_value = step.value;
  }
  if (a != "counter" && a != "keep" && a != "escalate" && a != "decide") {
    GOVPERF_RETURN_IF_ERROR(CheckReason(step.reason, false));
  }
  store::TargetEvent e;
  e.action = a;
  e.value = event_value;
  e.reason = step.reason;
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.PutTargetStep(year, n, e); }));
  return n;
}

Result<std::vector<TargetRow>> ListTargets(store::Store& store, const Caller& caller, int year,
                                           const TargetFilter& filter) {
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto existing = store.ListTargetNegotiations(year);
  if (!existing.ok()) return existing.status();
  auto rows = ByKey(std::move(existing).value());
  std::vector<TargetRow> out;
  for (const core::Indicator* leaf : Leaves(*scheme)) {
    if (!filter.indicator_id.empty() && leaf->id != filter.indicator_id) continue;
    for (const core::Unit& u : scheme->units) {
      if (!Applies(*leaf, u)) continue;
      if (!filter.unit_id.empty() && u.id != filter.unit_id) continue;
      if (!MaySee(caller, *leaf, u.id)) continue;
      auto n = rows.find({leaf->id, u.id});
      auto t = scheme->targets.find({leaf->id, u.id});
      if (!NeedsTarget(*leaf) && n == rows.end() && t == scheme->targets.end()) continue;
      TargetRow row;
      if (n != rows.end()) {
        row.negotiation = n->second;
      } else {
        row.negotiation.indicator_id = leaf->id;
        row.negotiation.unit_id = u.id;
        row.negotiation.state = t == scheme->targets.end() ? "unset" : "set";
      }
      row.indicator_name_zh = leaf->name_zh;
      row.indicator_name_en = leaf->name_en;
      row.lead_unit_id = leaf->lead_unit_id;
      if (t != scheme->targets.end()) row.scheme_target = t->second;
      row.awaits = Awaits(row.negotiation.state, *leaf, u.id);
      row.awaiting_me = AwaitsCaller(row.awaits, caller, *leaf, u.id);
      if (filter.awaiting_me && !row.awaiting_me) continue;
      out.push_back(std::move(row));
    }
  }
  return out;
}

Result<std::vector<std::string>> OpenTargets(store::Store& store, int year) {
  auto rows = ListTargets(store, Caller::System(), year, {});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> open;
  for (const TargetRow& r : *rows) {
    const std::string& st = r.negotiation.state;
    if (st == "agreed" || st == "decided" || st == "set") continue;
    open.push_back(r.negotiation.indicator_id + "/" + r.negotiation.unit_id + " (" + st + ")");
  }
  return open;
}

}  // namespace govperf::app::setting
