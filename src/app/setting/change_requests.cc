#include "app/setting/change_requests.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "app/limits.h"
#include "app/setting/common.h"
#include "core/evaluate.h"
#include "core/scoring/registry.h"

namespace govperf::app::setting {
namespace {

using nlohmann::json;

const std::vector<core::Stage>& AdjustStages() {
  static const std::vector<core::Stage> kStages = {core::Stage::kSetting, core::Stage::kMonitoring,
                                                   core::Stage::kYearEnd};
  return kStages;
}

// The requested values as the JSON kept with the request.
Result<json> ChangeJson(const core::Scheme& s, const ChangeRequestInput& in) {
  json c = json::object();
  if (in.kind == "target") {
    const core::Unit* u = FindUnit(s, in.unit_id);
    if (u == nullptr) {
      return Status::NotFound("unit_id: no unit '" + in.unit_id + "' in the scheme")
          .Field("unit_id")
          .Zh("unit_id：方案中没有单位 '" + in.unit_id + "'");
    }
    if (!in.value || !std::isfinite(*in.value))
      return Bad("value", "a finite number is required", "必填有限数");
    c["value"] = *in.value;
  } else if (in.kind == "points") {
    if (!in.points || !std::isfinite(*in.points) || *in.points <= 0) {
      return Bad("points", "a number > 0 is required", "应为大于 0 的数");
    }
    c["points"] = *in.points;
  } else if (in.kind == "method") {
    if (!in.method || core::scoring::FindMethod(*in.method) == nullptr) {
      return Bad("method", "a known scoring method is required", "须为已有的计分方法");
    }
    c["method"] = *in.method;
    c["params"] = in.params.value_or(std::map<std::string, double>{});
  } else if (in.kind == "applicability") {
    if (!in.category_ids && !in.unit_ids) {
      return Bad("category_ids", "category_ids or unit_ids is required",
                 "须给出 category_ids 或 unit_ids");
    }
    c["category_ids"] = in.category_ids.value_or(std::vector<std::string>{});
    c["unit_ids"] = in.unit_ids.value_or(std::vector<std::string>{});
  } else {
    return Bad("kind", "expected target, points, method or applicability",
               "应为 target、points、method 或 applicability");
  }
  return c;
}

// Applies an approved request to the scheme in force.
Status ApplyChange(core::Scheme& s, const store::ChangeRequest& r) {
  const json c = json::parse(r.change);
  core::Indicator* ind = nullptr;
  for (auto& i : s.indicators) {
    if (i.id == r.indicator_id) ind = &i;
  }
  if (ind == nullptr) {
    return Status::Precondition("indicator_id: indicator " + r.indicator_id +
                                " is no longer in the scheme")
        .Field("indicator_id");
  }
  if (r.kind == "target") {
    s.targets[{r.indicator_id, r.unit_id}] = c.at("value").get<double>();
  } else if (r.kind == "points") {
    // The budget stays allocated: budgeted ancestors move by the same delta.
    const double delta = c.at("points").get<double>() - ind->points;
    ind->points = c.at("points").get<double>();
    std::string parent = ind->parent_id;
    while (!parent.empty()) {
      core::Indicator* p = nullptr;
      for (auto& i : s.indicators) {
        if (i.id == parent) p = &i;
      }
      if (p == nullptr) break;
      if (p->points > 0) p->points += delta;
      parent = p->parent_id;
    }
  } else if (r.kind == "method") {
    ind->method = c.at("method").get<std::string>();
    ind->params = c.at("params").get<std::map<std::string, double>>();
  } else {
    ind->category_ids = c.at("category_ids").get<std::vector<std::string>>();
    ind->unit_ids = c.at("unit_ids").get<std::vector<std::string>>();
    const core::Indicator& n = *ind;
    std::erase_if(s.targets, [&](const auto& kv) {
      if (kv.first.first != n.id) return false;
      const core::Unit* u = FindUnit(s, kv.first.second);
      return u == nullptr || !Applies(n, *u);
    });
  }
  Status valid = core::ValidateScheme(s);
  if (!valid.ok()) {
    return Status::Precondition("the changed scheme is not valid: " + valid.message())
        .Zh("调整后的方案有误：" + valid.message());
  }
  return Status::Ok();
}

}  // namespace

Result<store::ChangeRequest> RequestChange(store::Store& store, const Caller& caller, int year,
                                           const ChangeRequestInput& in) {
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", in.reason, kMaxTextChars, true, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("evidence", in.evidence, kMaxTextChars, false, true));
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(
      RequireStage(*y, AdjustStages(), "requesting an adjustment", "提出调整申请"));
  auto last = LastVersion(store, year);
  if (!last.ok()) return last.status();
  if (*last == 0 && y->stage == core::Stage::kSetting) {
    return Status::Precondition("the scheme of year " + std::to_string(year) +
                                " is not published yet: the office edits it directly")
        .Zh(std::to_string(year) + " 年度方案尚未发布，由绩效办直接修改");
  }
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  const core::Indicator* ind = FindNode(*scheme, in.indicator_id);
  if (ind == nullptr || !IsLeaf(*scheme, in.indicator_id)) {
    return Status::NotFound("indicator_id: no leaf indicator '" + in.indicator_id + "'")
        .Field("indicator_id")
        .Zh("indicator_id：没有末级指标 '" + in.indicator_id + "'");
  }
  auto change = ChangeJson(*scheme, in);
  if (!change.ok()) return change.status();
  // Who may ask for what.
  if (caller.role == core::Role::kUnit) {
    const core::Unit* own = FindUnit(*scheme, caller.unit_id);
    const bool applies = own != nullptr && Applies(*ind, *own);
    if (!applies || (in.kind == "target" && in.unit_id != caller.unit_id)) {
      return Status::Denied("a unit asks for changes only to its own targets and indicators")
          .Zh("评估对象只能就本单位的目标值和适用指标提出调整");
    }
  } else if (caller.role == core::Role::kLead) {
    GOVPERF_RETURN_IF_ERROR(RequireLeadOf(caller, *ind));
  } else if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status::Denied("this role does not request adjustments").Zh("当前角色不能提出调整申请");
  }
  store::ChangeRequest r;
  r.kind = in.kind;
  r.indicator_id = in.indicator_id;
  r.unit_id = in.kind == "target" ? in.unit_id : "";
  r.change = change->dump();
  r.reason = in.reason;
  r.evidence = in.evidence;
  r.requested_unit = caller.unit_id;
  int64_t id = 0;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    auto added = tx.AddChangeRequest(year, r);
    if (!added.ok()) return added.status();
    id = *added;
    return Status::Ok();
  }));
  auto all = store.ListChangeRequests(year);
  if (!all.ok()) return all.status();
  for (const auto& x : *all) {
    if (x.id == id) return x;
  }
  return Status::Internal("adjustment request " + std::to_string(id) + " not found after insert");
}

Result<store::ChangeRequest> DecideChange(store::Store& store, const Caller& caller, int year,
                                          int64_t id, bool approve, const std::string& reason) {
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextChars, true, true));
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(
      RequireStage(*y, AdjustStages(), "deciding an adjustment", "审核调整申请"));
  auto all = store.ListChangeRequests(year);
  if (!all.ok()) return all.status();
  std::optional<store::ChangeRequest> found;
  for (const auto& x : *all) {
    if (x.id == id) found = x;
  }
  if (!found) {
    return Status::NotFound("id: no adjustment request " + std::to_string(id) + " in year " +
                            std::to_string(year))
        .Field("id")
        .Zh("id：没有调整申请 " + std::to_string(id));
  }
  if (found->state != "pending") {
    return Status::Precondition("id: adjustment request " + std::to_string(id) + " is already " +
                                found->state)
        .Field("id")
        .Zh("id：调整申请 " + std::to_string(id) + " 已处理");
  }
  auto last = LastVersion(store, year);
  if (!last.ok()) return last.status();
  store::ChangeRequest r = *found;
  r.state = approve ? "approved" : "rejected";
  r.decision = reason;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    if (approve) {
      auto scheme = tx.LoadSchemeForUpdate(year);
      if (!scheme.ok()) return scheme.status();
      int version = *last;
      if (version == 0) {
        // The scheme in force before its first adjustment becomes version 1.
        store::SchemeVersion base;
        base.year = year;
        base.version = 1;
        base.note = "scheme in force before the first adjustment";
        GOVPERF_RETURN_IF_ERROR(tx.PutSchemeVersion(*scheme, base));
        version = 1;
      }
      GOVPERF_RETURN_IF_ERROR(ApplyChange(*scheme, r));
      store::SchemeVersion v;
      v.year = year;
      v.version = version + 1;
      v.note = reason;
      v.change_request = id;
      GOVPERF_RETURN_IF_ERROR(tx.PutSchemeVersion(*scheme, v));
      r.version = v.version;
    }
    return tx.DecideChangeRequest(year, r);
  }));
  auto after = store.ListChangeRequests(year);
  if (!after.ok()) return after.status();
  for (const auto& x : *after) {
    if (x.id == id) return x;
  }
  return Status::Internal("adjustment request vanished");
}

Result<std::vector<store::ChangeRequest>> ListChanges(store::Store& store, const Caller& caller,
                                                      int year, bool awaiting_me) {
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  auto all = store.ListChangeRequests(year);
  if (!all.ok()) return all.status();
  auto scheme = store.LoadScheme(year);
  std::vector<store::ChangeRequest> out;
  for (auto& r : *all) {
    bool see = false;
    switch (caller.role) {
      case core::Role::kAdmin:
      case core::Role::kLeader:
      case core::Role::kSystem:
        see = true;
        break;
      case core::Role::kLead: {
        const core::Indicator* ind = scheme.ok() ? FindNode(*scheme, r.indicator_id) : nullptr;
        see = r.requested_unit == caller.unit_id ||
              (ind != nullptr && ind->lead_unit_id == caller.unit_id);
        break;
      }
      case core::Role::kUnit:
        see = r.requested_unit == caller.unit_id || r.unit_id == caller.unit_id;
        break;
      default:
        break;
    }
    if (!see) continue;
    if (awaiting_me && !(caller.role == core::Role::kAdmin && r.state == "pending")) continue;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace govperf::app::setting
