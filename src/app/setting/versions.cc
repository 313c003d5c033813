#include "app/setting/versions.h"

#include <map>

#include "app/limits.h"
#include "app/setting/common.h"
#include "app/setting/nodes.h"
#include "app/setting/targets.h"
#include "core/evaluate.h"

namespace govperf::app::setting {

using nlohmann::json;

Result<store::SchemeVersion> PublishScheme(store::Store& store, const Caller& caller, int year,
                                           const std::string& note) {
  GOVPERF_RETURN_IF_ERROR(CheckText("note", note, kMaxTextChars, false, true));
  auto y = LoadYear(store, year);
  if (!y.ok()) return y.status();
  GOVPERF_RETURN_IF_ERROR(
      RequireStage(*y, {core::Stage::kSetting}, "publishing the scheme", "发布考核方案"));
  auto last = LastVersion(store, year);
  if (!last.ok()) return last.status();
  const std::string ys = std::to_string(year);
  if (*last > 0) {
    return Status::Precondition("the scheme of year " + ys + " is already published (version " +
                                std::to_string(*last) + ")")
        .Zh(ys + " 年度考核方案已发布（第 " + std::to_string(*last) + " 版）");
  }
  auto open = OpenTargets(store, year);
  if (!open.ok()) return open.status();
  if (!open->empty()) {
    std::string list;
    constexpr size_t kShown = 20;
    for (size_t i = 0; i < open->size() && i < kShown; ++i) {
      list += (i ? ", " : "") + (*open)[i];
    }
    if (open->size() > kShown) list += ", … (" + std::to_string(open->size()) + " in all)";
    return Status::Precondition("targets: " + std::to_string(open->size()) +
                                " targets are not agreed yet: " + list)
        .Field("targets")
        .Zh("targets：还有 " + std::to_string(open->size()) + " 项目标值未达成一致：" + list);
  }
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  const auto mismatches = PointMismatches(*scheme);
  if (!mismatches.empty()) {
    std::string list;
    for (size_t i = 0; i < mismatches.size(); ++i) list += (i ? "; " : "") + mismatches[i];
    return Status::Precondition("points: children's points must add up to their parent's: " + list)
        .Field("points")
        .Zh("points：下级指标分值之和须等于上级分值：" + list);
  }
  Status valid = core::ValidateScheme(*scheme);
  if (!valid.ok()) {
    return Status::Precondition("scheme: " + valid.message())
        .Field("scheme")
        .Zh("方案有误：" + valid.message());
  }
  store::SchemeVersion v;
  v.year = year;
  v.version = 1;
  v.note = note;
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.PutSchemeVersion(*scheme, v); }));
  auto versions = store.ListSchemeVersions(year);
  if (!versions.ok()) return versions.status();
  return versions->back();
}

Result<std::vector<store::SchemeVersion>> ListVersions(store::Store& store, int year) {
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  return store.ListSchemeVersions(year);
}

Result<core::Scheme> LoadVersion(store::Store& store, int year, int version) {
  GOVPERF_RETURN_IF_ERROR(LoadYear(store, year).status());
  return store.LoadSchemeVersion(year, version);
}

json DiffSchemes(const core::Scheme& from, const core::Scheme& to) {
  auto leaves = [](const core::Scheme& s) {
    std::map<std::string, bool> out;
    for (const auto& i : s.indicators) out[i.id] = IsLeaf(s, i.id);
    return out;
  };
  const auto lf = leaves(from), lt = leaves(to);
  std::map<std::string, json> a, b;
  for (const auto& i : from.indicators) a[i.id] = NodeToJson(i, lf.at(i.id));
  for (const auto& i : to.indicators) b[i.id] = NodeToJson(i, lt.at(i.id));
  json added = json::array(), removed = json::array(), changed = json::array();
  for (const auto& i : to.indicators) {
    if (!a.count(i.id)) added.push_back(b[i.id]);
  }
  for (const auto& i : from.indicators) {
    if (!b.count(i.id)) {
      removed.push_back(a[i.id]);
      continue;
    }
    json fields = json::array();
    for (auto& [key, value] : a[i.id].items()) {
      const json& other = b[i.id][key];
      if (value != other) fields.push_back({{"field", key}, {"from", value}, {"to", other}});
    }
    if (!fields.empty()) changed.push_back({{"id", i.id}, {"fields", std::move(fields)}});
  }
  json targets = json::array();
  for (const auto& [key, v] : to.targets) {
    auto it = from.targets.find(key);
    if (it == from.targets.end()) {
      targets.push_back(
          {{"indicator_id", key.first}, {"unit_id", key.second}, {"from", nullptr}, {"to", v}});
    } else if (it->second != v) {
      targets.push_back(
          {{"indicator_id", key.first}, {"unit_id", key.second}, {"from", it->second}, {"to", v}});
    }
  }
  for (const auto& [key, v] : from.targets) {
    if (!to.targets.count(key)) {
      targets.push_back(
          {{"indicator_id", key.first}, {"unit_id", key.second}, {"from", v}, {"to", nullptr}});
    }
  }
  return {{"nodes", {{"added", added}, {"removed", removed}, {"changed", changed}}},
          {"targets", targets}};
}

}  // namespace govperf::app::setting
