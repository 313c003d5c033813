#include "app/setting/common.h"

#include <algorithm>
#include <set>

#include "core/scoring/registry.h"

namespace govperf::app::setting {

Status Bad(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

Result<store::YearInfo> LoadYear(store::Store& store, int year) {
  auto y = store.FindYear(year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) {
    const std::string ys = std::to_string(year);
    return Status::NotFound("year: unknown year " + ys)
        .Field("year")
        .Zh("year：没有 " + ys + " 年度");
  }
  return **y;
}

Status RequireStage(const store::YearInfo& year, const std::vector<core::Stage>& stages,
                    const std::string& what, const std::string& what_zh) {
  if (std::find(stages.begin(), stages.end(), year.stage) != stages.end()) return Status::Ok();
  std::string allowed, allowed_zh;
  for (core::Stage s : stages) {
    allowed += (allowed.empty() ? "" : ", ") + std::string(core::StageName(s));
    allowed_zh +=
        (allowed_zh.empty() ? "" : "、") + std::string("「") + core::StageNameZh(s) + "」";
  }
  const std::string ys = std::to_string(year.year);
  return Status::Precondition("year " + ys + " is in stage " + core::StageName(year.stage) + ": " +
                              what + " is possible only in stage " + allowed)
      .Zh(ys + " 年度处于「" + core::StageNameZh(year.stage) + "」阶段：" + what_zh + "只能在" +
          allowed_zh + "阶段进行");
}

Result<int> LastVersion(store::Store& store, int year) {
  auto versions = store.ListSchemeVersions(year);
  if (!versions.ok()) return versions.status();
  return versions->empty() ? 0 : versions->back().version;
}

bool Applies(const core::Indicator& ind, const core::Unit& unit) {
  if (!ind.unit_ids.empty()) {
    return std::find(ind.unit_ids.begin(), ind.unit_ids.end(), unit.id) != ind.unit_ids.end();
  }
  return std::find(ind.category_ids.begin(), ind.category_ids.end(), unit.category_id) !=
         ind.category_ids.end();
}

std::vector<const core::Indicator*> Leaves(const core::Scheme& s) {
  std::set<std::string> parents;
  for (const auto& i : s.indicators) parents.insert(i.parent_id);
  std::vector<const core::Indicator*> out;
  for (const auto& i : s.indicators) {
    if (!parents.count(i.id)) out.push_back(&i);
  }
  return out;
}

const core::Indicator* FindNode(const core::Scheme& s, const std::string& id) {
  for (const auto& i : s.indicators) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

const core::Unit* FindUnit(const core::Scheme& s, const std::string& id) {
  for (const auto& u : s.units) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

bool IsLeaf(const core::Scheme& s, const std::string& id) {
  for (const auto& i : s.indicators) {
    if (i.parent_id == id) return false;
  }
  return FindNode(s, id) != nullptr;
}

bool NeedsTarget(const core::Indicator& ind) {
  const auto* m = core::scoring::FindMethod(ind.method);
  return m != nullptr && m->needs_target;
}

Status RequireLeadOf(const Caller& caller, const core::Indicator& ind) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem) return Status::Ok();
  if (caller.role == core::Role::kLead && !caller.unit_id.empty() &&
      caller.unit_id == ind.lead_unit_id) {
    return Status::Ok();
  }
  return Status::Denied("indicator_id: indicator " + ind.id + " is not led by your unit")
      .Field("indicator_id")
      .Zh("indicator_id：指标 " + ind.id + " 不由本单位牵头");
}

}  // namespace govperf::app::setting
