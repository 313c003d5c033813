#include "app/years.h"

#include <map>
#include <set>

#include "app/monitoring/calendar.h"
#include "app/publication/publish.h"
#include "core/evaluate.h"

namespace govperf::app {
namespace {

size_t CountLeaves(const core::Scheme& s) {
  std::set<std::string> parents;
  for (const auto& i : s.indicators) parents.insert(i.parent_id);
  size_t n = 0;
  for (const auto& i : s.indicators) n += parents.count(i.id) ? 0 : 1;
  return n;
}

Status CheckOpenYear(int year, const char* field) {
  if (year < kMinOpenYear || year > kMaxOpenYear) {
    return Status::Invalid(std::string(field) + ": must be between 2000 and 2100")
        .Field(field)
        .Zh(std::string(field) + "：年度应在 2000–2100 之间");
  }
  return Status::Ok();
}

// Keeps the scheme's units that the registry still has active, with the
// registry's current names and categories; drops what refers to the others.
void ApplyRegistry(const store::Org& org, core::Scheme& s) {
  std::map<std::string, const store::OrgUnit*> active;
  for (const auto& u : org.units) {
    if (!u.retired) active[u.id] = &u;
  }
  std::set<std::string> categories;
  for (const auto& c : s.categories) categories.insert(c.id);
  std::vector<core::Unit> units;
  for (core::Unit u : s.units) {
    auto it = active.find(u.id);
    if (it == active.end() || !categories.count(it->second->category_id)) continue;
    u.name_zh = it->second->name_zh;
    u.name_en = it->second->name_en;
    u.category_id = it->second->category_id;
    u.parent_id = it->second->parent_id;
    u.kind = it->second->kind;
    units.push_back(std::move(u));
  }
  std::set<std::string> kept;
  for (const auto& u : units) kept.insert(u.id);
  for (auto& ind : s.indicators) {
    std::erase_if(ind.unit_ids, [&](const std::string& id) { return !kept.count(id); });
    if (ind.lead_unit_id.size() && !active.count(ind.lead_unit_id)) ind.lead_unit_id.clear();
  }
  std::erase_if(s.targets, [&](const auto& kv) { return !kept.count(kv.first.second); });
  s.units = std::move(units);
}

}  // namespace

std::vector<core::GradeLevel> DefaultGrades() {
  constexpr double kExcellentShare = 0.3;
  return {
      {"excellent", "优秀", "Excellent", 90, kExcellentShare},
      {"good", "良好", "Good", 80, std::nullopt},
      {"qualified", "合格", "Qualified", 60, std::nullopt},
      {"unqualified", "不合格", "Unqualified", 0, std::nullopt},
  };
}

Result<std::vector<YearRow>> ListYears(YearCache& years, const Caller& caller) {
  auto list = years.Years();
  if (!list.ok()) return list.status();
  std::vector<YearRow> out;
  for (const auto& y : *list) {
    YearRow row;
    row.info = y;
    auto scheme = years.Scheme(y.year);
    row.has_scheme = scheme.ok() && CountLeaves(**scheme) > 0;
    for (const core::Transition& t : core::Transitions()) {
      if (t.from == y.stage) {
        row.transitions.emplace_back(t.to, core::MayTransition(t.from, t.to, caller.role));
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<OpenedYear> OpenYear(store::Store& store, const Caller& caller, int year,
                            std::optional<int> copy_from) {
  GOVPERF_RETURN_IF_ERROR(CheckOpenYear(year, "year"));
  auto existing = store.FindYear(year);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return Status(Code::kAlreadyExists, "year: " + std::to_string(year) + " already exists")
        .Field("year")
        .Zh("year：" + std::to_string(year) + " 年度已存在");
  }
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  core::Scheme scheme;
  if (copy_from) {
    auto from = store.LoadScheme(*copy_from);
    if (!from.ok()) {
      return Status::NotFound("copy_from: year " + std::to_string(*copy_from) +
                              " has no scheme to copy")
          .Field("copy_from")
          .Zh("copy_from：" + std::to_string(*copy_from) + " 年度没有可复制的方案");
    }
    scheme = std::move(from).value();
    ApplyRegistry(*org, scheme);
  } else {
    scheme = SchemeFromRegistry(*org, year);
  }
  scheme.year = year;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    store::YearInfo info;
    info.year = year;
    info.stage = core::Stage::kDraft;
    GOVPERF_RETURN_IF_ERROR(tx.PutYear(info));
    GOVPERF_RETURN_IF_ERROR(tx.SaveScheme(scheme));
    // 节点任务: the year's calendar starts from the stage defaults (data).
    return monitoring::SeedNodeTasks(tx, year);
  }));
  return OpenedYear{year, scheme.units.size(), CountLeaves(scheme)};
}

Result<store::YearInfo> MoveYear(store::Store& store, const Caller& caller, int year,
                                 const std::string& to) {
  return MoveYear(store, caller, year, to,
                  MoveOptions{monitoring::TodayInChina(store::SystemClock()), {}});
}

Result<store::YearInfo> MoveYear(store::Store& store, const Caller& caller, int year,
                                 const std::string& to, const MoveOptions& options) {
  auto target = core::ParseStage(to);
  if (!target) {
    return Status::Invalid("to: unknown stage '" + to + "'")
        .Field("to")
        .Zh("to：没有阶段 '" + to + "'");
  }
  auto found = store.FindYear(year);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
  }
  store::YearInfo info = **found;
  const core::Transition* t = core::FindTransition(info.stage, *target);
  const std::string ys = std::to_string(year);
  if (!t || !core::MayTransition(info.stage, *target, caller.role)) {
    return Status(Code::kFailedPrecondition, "to: year " + ys + " cannot move from " +
                                                 core::StageName(info.stage) + " to " + to)
        .Field("to")
        .Zh(ys + " 年度不能从「" + core::StageNameZh(info.stage) + "」转到「" +
            core::StageNameZh(*target) + "」");
  }
  if (t->needs_scheme) {
    auto scheme = store.LoadScheme(year);
    if (!scheme.ok() || CountLeaves(*scheme) == 0) {
      return Status(Code::kFailedPrecondition,
                    "year " + ys + " has no scheme with indicators yet: import one first")
          .Field("to")
          .Zh(ys + " 年度还没有含指标的考核方案，请先导入方案");
    }
  }
  if (*target == core::Stage::kPreliminary) {
    return publication::StartPublicity(store, caller, year, options.today, options.window);
  }
  if (*target == core::Stage::kPublished) {
    GOVPERF_RETURN_IF_ERROR(publication::Publish(store, caller, year, options.today).status());
    auto published = store.FindYear(year);
    if (!published.ok()) return published.status();
    return **published;
  }
  info.stage = *target;
  if (!info.published()) info.published_at.clear();
  GOVPERF_RETURN_IF_ERROR(store.PutYear(caller.actor(), info));
  auto after = store.FindYear(year);
  if (!after.ok()) return after.status();
  return **after;
}

core::Scheme SchemeFromRegistry(const store::Org& org, int year) {
  core::Scheme scheme;
  scheme.year = year;
  for (const auto& c : org.categories) {
    if (c.retired) continue;
    core::Category cat;
    cat.id = c.id;
    cat.name_zh = c.name_zh;
    cat.name_en = c.name_en;
    cat.kind = c.kind;
    cat.grades = DefaultGrades();
    scheme.categories.push_back(std::move(cat));
  }
  for (const auto& u : org.units) {
    if (u.retired) continue;
    scheme.units.push_back({u.id, u.name_zh, u.name_en, u.category_id, u.parent_id, u.kind});
  }
  return scheme;
}

Result<ImportedScheme> ImportScheme(store::Store& store, const Caller& caller, int year,
                                    const core::Scheme& scheme) {
  GOVPERF_RETURN_IF_ERROR(CheckImportScheme(store, caller, year, scheme));
  GOVPERF_RETURN_IF_ERROR(store.SaveScheme(caller.actor(), scheme));
  return ImportedScheme{CountLeaves(scheme), scheme.units.size()};
}

Status CheckImportScheme(store::Store& store, const Caller& caller, int year,
                         const core::Scheme& scheme) {
  if (scheme.year != year) {
    return Status::Invalid("year: the file is for " + std::to_string(scheme.year) +
                           ", the path for " + std::to_string(year))
        .Field("year")
        .Zh("year：文件年度为 " + std::to_string(scheme.year) + "，路径年度为 " +
            std::to_string(year));
  }
  auto info = store.FindYear(year);
  if (!info.ok()) return info.status();
  if (info->has_value() &&
      !core::StageAllows((*info)->stage, core::YearWrite::kScheme, caller.role)) {
    const core::Stage st = (*info)->stage;
    return Status(Code::kFailedPrecondition,
                  "year " + std::to_string(year) + " is in stage " + core::StageName(st) +
                      ": only a draft or setting year's scheme may be replaced; later changes go "
                      "through an adjustment request")
        .Zh(std::to_string(year) + " 年度处于「" + core::StageNameZh(st) +
            "」阶段，只有草稿或指标设置阶段的方案可以整体替换；后续变更须走调整程序");
  }
  // A draft or setting scheme's targets may still be open (目标值协商, checked
  // at publication); a later stage (the program's own imports) needs them all.
  const bool setting = !info->has_value() || (*info)->stage == core::Stage::kDraft ||
                       (*info)->stage == core::Stage::kSetting;
  GOVPERF_RETURN_IF_ERROR(core::ValidateScheme(scheme, {.require_targets = !setting}));
  // Ids stable across years: a scheme names only registry categories and units.
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  std::map<std::string, bool> cats, units;  // id → retired
  for (const auto& c : org->categories) cats[c.id] = c.retired;
  for (const auto& u : org->units) units[u.id] = u.retired;
  for (size_t i = 0; i < scheme.categories.size(); ++i) {
    const std::string& id = scheme.categories[i].id;
    const std::string row = "categories[" + std::to_string(i) + "].id";
    auto it = cats.find(id);
    if (it == cats.end() || it->second) {
      return Status::Invalid(row + ": unknown or retired category '" + id +
                             "': add it under Organisation first")
          .Field(row)
          .Zh(row + "：类别 '" + id + "' 不在机构名录中或已停用，请先在机构管理中添加");
    }
  }
  for (size_t i = 0; i < scheme.units.size(); ++i) {
    const std::string& id = scheme.units[i].id;
    const std::string row = "units[" + std::to_string(i) + "].id";
    auto it = units.find(id);
    if (it == units.end() || it->second) {
      return Status::Invalid(row + ": unknown or retired unit '" + id +
                             "': add it under Organisation first")
          .Field(row)
          .Zh(row + "：单位 '" + id + "' 不在机构名录中或已撤销，请先在机构管理中添加");
    }
  }
  return Status::Ok();
}

}  // namespace govperf::app
