// Generation of a province-size year. One Rng stream per unit (and one for the
// scheme) rather than one per value: constructing an mt19937_64 costs about as
// much as scoring a value, and a province year has millions of values.
#include "demo/province.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demo/naming.h"
#include "demo/rng.h"
#include "store/password.h"

namespace govperf::demo {
namespace {

constexpr const char* kSystem = "system";
constexpr const char* kAdminPassword = "demo-admin-2026";  // the demo city's admin password

std::string Fmt(const char* format, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, n);
  return buf;
}

struct CategoryShape {
  const char* id;
  const char* name_zh;
  const char* name_en;
  core::UnitKind kind;
  core::ComponentWeights weights;
  double share;  // of all units
};

// Five categories, as a province assesses them: prefecture cities, counties,
// two groups of provincial departments, and units stationed by the centre.
const CategoryShape kCategories[] = {
    {"P1", "设区市", "Prefecture cities", core::UnitKind::kDistrict, {0.6, 0.3, 0.1}, 0.05},
    {"P2",
     "县（市、区）",
     "Counties and districts",
     core::UnitKind::kDistrict,
     {0.6, 0.3, 0.1},
     0.45},
    {"P3",
     "省直经济部门",
     "Provincial economic departments",
     core::UnitKind::kDepartment,
     {0.7, 0.2, 0.1},
     0.20},
    {"P4",
     "省直社会部门",
     "Provincial social departments",
     core::UnitKind::kDepartment,
     {0.7, 0.2, 0.1},
     0.20},
    {"P5",
     "中央驻省单位",
     "Units stationed by the centre",
     core::UnitKind::kStationed,
     {0.8, 0.1, 0.1},
     0.10},
};
constexpr int kCategoryCount = 5;

// The scoring method of a leaf, by its position: a fixed, realistic mix in
// which completion ratios dominate and every registered method appears.
enum class Kind {
  kCompletion,
  kTiers,
  kRankStep,
  kRankLinear,
  kEfficacy,
  kDeduction,
  kQualitative,
  kGrowthTarget,
  kGrowthMean,
  kLevelImprovement,
  kFormulaTarget,
  kFormulaMean,
};

Kind KindOf(int leaf) {
  switch (leaf % 20) {
    case 7:
    case 8:
      return Kind::kTiers;
    case 9:
      return Kind::kRankStep;
    case 10:
      return Kind::kRankLinear;
    case 11:
      return Kind::kEfficacy;
    case 12:
      return Kind::kDeduction;
    case 13:
      return Kind::kQualitative;
    case 14:
      return Kind::kGrowthTarget;
    case 15:
      return Kind::kGrowthMean;
    case 16:
    case 17:
      return Kind::kLevelImprovement;
    case 18:
      return Kind::kFormulaTarget;
    case 19:
      return Kind::kFormulaMean;
    default:
      return Kind::kCompletion;
  }
}

bool HasTarget(Kind k) {
  return k == Kind::kCompletion || k == Kind::kTiers || k == Kind::kGrowthTarget ||
         k == Kind::kFormulaTarget;
}

// What a leaf needs for value generation, beside its Indicator.
struct LeafPlan {
  Kind kind;
  double base;        // target (or raw value) of a unit of scale 1
  bool higher;        // direction
  bool monthly;       // has monitoring data
  bool scaled;        // targets scale with the unit's size
  std::string login;  // approved_by: the lead department's login
};

core::Indicator MakeLeaf(int j, const std::string& id, const std::string& parent, Kind kind,
                         Rng& r) {
  core::Indicator ind;
  ind.id = id;
  ind.parent_id = parent;
  ind.level = 3;
  ind.name_zh = "指标" + id;
  ind.name_en = "Indicator " + id;
  ind.points = 2 + r.Index(7);  // 2..8
  ind.type = j % 3 == 0 ? core::IndicatorType::kOutput : core::IndicatorType::kOutcome;
  if (kind == Kind::kQualitative) ind.type = core::IndicatorType::kProcess;
  ind.orientations = {j % 2 == 0 ? "result" : "citizen"};
  switch (kind) {
    case Kind::kCompletion:
      ind.method = "completion_ratio";
      ind.direction = j % 7 == 3 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
      ind.params = j % 3 == 0 ? std::map<std::string, double>{{"floor", 0.6}, {"cap", 1.2}}
                              : std::map<std::string, double>{{"floor", 0}, {"cap", 1}};
      ind.cumulative = j % 2 == 0 && ind.direction == core::Direction::kHigherBetter;
      ind.unit_of_measure = ind.cumulative ? "亿元" : "%";
      ind.measurement_error = ind.cumulative ? 0.01 : 0.02;
      break;
    case Kind::kTiers:
      ind.method = "tiers";
      ind.params = {{"basis", 0},         {"below_share", 0.3}, {"tier1_min", 1.0},
                    {"tier1_share", 1.0}, {"tier2_min", 0.9},   {"tier2_share", 0.8},
                    {"tier3_min", 0.8},   {"tier3_share", 0.6}};
      ind.unit_of_measure = "%";
      break;
    case Kind::kRankStep:
      ind.method = "rank_in_category";
      ind.params = {{"mode", 0}, {"step", 0.01}, {"min_share", 0.5}};
      ind.unit_of_measure = "元";
      break;
    case Kind::kRankLinear:
      ind.method = "rank_in_category";
      ind.params = {{"mode", 1}, {"min_share", 0.6}};
      ind.direction = core::Direction::kLowerBetter;
      ind.unit_of_measure = "天";
      break;
    case Kind::kEfficacy:
      ind.method = "efficacy";
      ind.direction = j % 2 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
      ind.params = {{"base", 60}, {"span", 40}};
      ind.unit_of_measure = "%";
      break;
    case Kind::kDeduction:
      ind.method = "deduction";
      ind.params = {{"per", 1}, {"floor", 0}};
      ind.direction = core::Direction::kLowerBetter;
      ind.cumulative = true;
      ind.unit_of_measure = "起";
      break;
    case Kind::kQualitative:
      ind.method = "qualitative";
      ind.unit_of_measure = "档";
      break;
    case Kind::kGrowthTarget:
      ind.method = "growth";
      ind.params = {{"against", 0}, {"per_point", 0.5}, {"bonus_per_point", 0.2}, {"cap", 1.1}};
      ind.unit_of_measure = "%";
      ind.measurement_error = 0.03;
      break;
    case Kind::kGrowthMean:
      ind.method = "growth";
      ind.params = {{"against", 1}, {"per_point", 0.8}};
      ind.unit_of_measure = "%";
      break;
    case Kind::kLevelImprovement:
      ind.method = "level_improvement";
      ind.params = {{"level_weight", 0.6}, {"step", 0.1}, {"min_share", 0.4}};
      ind.direction = j % 2 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
      ind.unit_of_measure = "%";
      break;
    case Kind::kFormulaTarget:
      ind.method = "formula";
      ind.formula = "x >= t ? 1 : 0.6 + 0.4 * x / t";
      ind.unit_of_measure = "%";
      break;
    case Kind::kFormulaMean:
      ind.method = "formula";
      ind.formula = "min(x / mean, k)";
      ind.params = {{"k", 1.2}, {"cap", 1.2}};
      ind.unit_of_measure = "万人";
      break;
  }
  return ind;
}

}  // namespace

GeneratedYear ProvinceYear(const ProvinceOptions& o) {
  const int n_units = std::max(o.units, 10);
  const int n_leaves = std::max(o.leaves, 20);
  const int months = std::clamp(o.months, 0, 12);
  GeneratedYear out;
  core::Scheme& s = out.scheme;
  s.year = o.year;

  for (const CategoryShape& c : kCategories) {
    core::Category cat;
    cat.id = c.id;
    cat.name_zh = c.name_zh;
    cat.name_en = c.name_en;
    cat.kind = c.kind;
    cat.weights = c.weights;
    cat.grades = {{"excellent", "优秀", "Excellent", 90, 0.3},
                  {"good", "良好", "Good", 80, std::nullopt},
                  {"qualified", "合格", "Qualified", 60, std::nullopt},
                  {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
    s.categories.push_back(std::move(cat));
  }

  // Units: categories by share, every category at least two units.
  std::vector<int> category_of(n_units);
  {
    double acc = 0;
    int u = 0;
    for (int c = 0; c < kCategoryCount; ++c) {
      acc += kCategories[c].share;
      const int end =
          c == kCategoryCount - 1 ? n_units : std::max(u + 2, static_cast<int>(acc * n_units));
      for (; u < end && u < n_units; ++u) category_of[u] = c;
    }
  }
  std::vector<double> strength(n_units), scale(n_units);
  std::vector<std::string> logins(n_units);
  for (int u = 0; u < n_units; ++u) {
    core::Unit unit;
    unit.id = Fmt("U%05d", u + 1);
    unit.name_zh = "单位" + unit.id.substr(1);
    unit.name_en = "Unit " + unit.id.substr(1);
    unit.category_id = kCategories[category_of[u]].id;
    unit.kind = kCategories[category_of[u]].kind;
    Rng r(o.seed, "province/strength/" + unit.id);
    strength[u] = std::clamp(r.Normal(0.6, 0.2), 0.0, 1.0);
    scale[u] = unit.kind == core::UnitKind::kDistrict ? r.Uniform(0.4, 2.5) : 1.0;
    logins[u] = UnitLogin(unit.id);
    s.units.push_back(std::move(unit));
  }
  // Lead departments (牵头考核单位): the departments of P3 and P4.
  std::vector<int> leads;
  for (int u = 0; u < n_units; ++u) {
    if (category_of[u] == 2 || category_of[u] == 3) leads.push_back(u);
  }

  // The tree: 6 level-1 groups × 5 level-2 groups, leaves dealt round-robin.
  constexpr int kGroups = 6, kSubgroups = 5;
  Rng tree(o.seed, "province/tree");
  std::vector<std::vector<int>> leaves_of(kGroups * kSubgroups);
  for (int j = 0; j < n_leaves; ++j) leaves_of[j % (kGroups * kSubgroups)].push_back(j);
  std::vector<LeafPlan> plans(n_leaves);
  std::vector<core::Indicator> leaf_inds(n_leaves);
  // Scope of each leaf: 70 % common to all categories, 25 % to the districts or
  // to the departments, 5 % duty indicators of a few named units.
  std::vector<std::vector<bool>> applies(n_leaves, std::vector<bool>(n_units, false));
  for (int j = 0; j < n_leaves; ++j) {
    const Kind kind = KindOf(j);
    const std::string id = std::to_string(j % kGroups + 1) + "." +
                           std::to_string(j / kGroups % kSubgroups + 1) + "." +
                           std::to_string(j / (kGroups * kSubgroups) + 1);
    const std::string parent = id.substr(0, id.rfind('.'));
    core::Indicator ind = MakeLeaf(j, id, parent, kind, tree);
    const int scope = (j * 7 + 3) % 20;
    if (scope < 14) {
      for (const auto& c : kCategories) ind.category_ids.push_back(c.id);
    } else if (scope < 19) {
      ind.category_ids = scope % 2 ? std::vector<std::string>{"P1", "P2"}
                                   : std::vector<std::string>{"P3", "P4", "P5"};
    } else {
      const int n = std::max(2, n_units / 50);
      for (int k = 0; k < n; ++k) ind.unit_ids.push_back(s.units[tree.Index(n_units)].id);
      std::sort(ind.unit_ids.begin(), ind.unit_ids.end());
      ind.unit_ids.erase(std::unique(ind.unit_ids.begin(), ind.unit_ids.end()), ind.unit_ids.end());
    }
    for (int u = 0; u < n_units; ++u) {
      applies[j][u] =
          ind.unit_ids.empty()
              ? std::find(ind.category_ids.begin(), ind.category_ids.end(),
                          s.units[u].category_id) != ind.category_ids.end()
              : std::binary_search(ind.unit_ids.begin(), ind.unit_ids.end(), s.units[u].id);
    }
    const int lead = leads.empty() ? 0 : leads[j % leads.size()];
    ind.lead_unit_id = s.units[lead].id;
    LeafPlan& p = plans[j];
    p.kind = kind;
    p.higher = ind.direction == core::Direction::kHigherBetter;
    p.monthly = kind != Kind::kQualitative;
    p.scaled = ind.cumulative;
    p.base = kind == Kind::kGrowthTarget || kind == Kind::kGrowthMean ? tree.Uniform(5, 8)
             : ind.unit_of_measure == "%"                             ? tree.Uniform(40, 95)
                                                                      : tree.Uniform(10, 1000);
    p.login = LeadLogin(ind.lead_unit_id);
    leaf_inds[j] = std::move(ind);
  }
  for (int g = 0; g < kGroups; ++g) {
    core::Indicator l1;
    l1.id = std::to_string(g + 1);
    l1.level = 1;
    l1.name_zh = "一级指标" + l1.id;
    l1.name_en = "Group " + l1.id;
    for (const auto& c : kCategories) l1.category_ids.push_back(c.id);
    std::vector<core::Indicator> below;
    for (int k = 0; k < kSubgroups; ++k) {
      core::Indicator l2;
      l2.id = l1.id + "." + std::to_string(k + 1);
      l2.parent_id = l1.id;
      l2.level = 2;
      l2.name_zh = "二级指标" + l2.id;
      l2.name_en = "Subgroup " + l2.id;
      l2.category_ids = l1.category_ids;
      std::vector<core::Indicator> leaves;
      for (int j : leaves_of[k * kGroups + g]) {
        l2.points += leaf_inds[j].points;
        leaves.push_back(leaf_inds[j]);
      }
      if (leaves.empty()) continue;  // few leaves: no empty inner nodes (they would be leaves)
      l1.points += l2.points;
      below.push_back(std::move(l2));
      for (auto& l : leaves) below.push_back(std::move(l));
    }
    if (below.empty()) continue;
    s.indicators.push_back(std::move(l1));
    for (auto& i : below) s.indicators.push_back(std::move(i));
  }

  // Values, targets and previous-year values, unit by unit.
  const std::string year = std::to_string(o.year), prev_year = std::to_string(o.year - 1);
  std::vector<std::string> month_periods;
  for (int m = 1; m <= months; ++m) month_periods.push_back(year + Fmt("-%02d", m));
  core::YearData& d = out.data;
  for (int u = 0; u < n_units; ++u) {
    const core::Unit& unit = s.units[u];
    Rng r(o.seed, "province/values/" + unit.id);
    const double st = strength[u];
    for (int j = 0; j < n_leaves; ++j) {
      if (!applies[j][u]) continue;
      const core::Indicator& ind = leaf_inds[j];
      const LeafPlan& p = plans[j];
      const double ratio = 0.74 + 0.30 * st + r.Normal(0, 0.04);
      double target = p.base * (p.scaled ? scale[u] : 1.0) * r.Uniform(0.96, 1.04);
      target = Round(ind.unit_of_measure == "%" ? std::min(target, 100.0) : target, 2);
      if (HasTarget(p.kind)) s.targets[{ind.id, unit.id}] = target;
      double actual = 0;
      int decimals = 2;
      std::optional<double> previous;
      switch (p.kind) {
        case Kind::kDeduction:
          actual = std::floor((1.0 - st) * 4.0 * r.Uniform01());
          decimals = 0;
          break;
        case Kind::kQualitative: {
          const double g = (1.0 - st) * 4.0 + r.Normal(0, 0.4);
          actual = std::clamp(std::floor(g) + 1, 1.0, 4.0);
          decimals = 0;
          break;
        }
        case Kind::kGrowthTarget:
        case Kind::kGrowthMean:
          actual = target + (ratio - 0.9) * 30.0 + r.Normal(0, 1);
          break;
        case Kind::kLevelImprovement:
          actual = p.higher ? p.base * ratio : p.base / ratio;
          if (r.Uniform01() < 0.95) {
            const double before = ratio + r.Normal(0, 0.05);
            previous = Round(p.higher ? p.base * before : p.base / before, 2);
          }
          break;
        case Kind::kRankStep:
        case Kind::kRankLinear:
        case Kind::kEfficacy:
        case Kind::kFormulaMean:
          actual = p.higher ? p.base * ratio : p.base / ratio;
          break;
        default:
          actual = p.higher ? target * ratio : target / ratio;
      }
      actual = Round(actual, decimals);

      core::Datum datum;
      datum.indicator_id = ind.id;
      datum.unit_id = unit.id;
      datum.entered_by = logins[u];
      // Year-end value: 0.3 % not reported, 0.2 % declared no data.
      const double fate = r.Uniform01();
      if (o.year_end && fate >= 0.003) {
        core::Datum y = datum;
        y.period = year;
        if (fate < 0.005) {
          y.no_data = true;
        } else {
          y.value = actual;
        }
        if (r.Uniform01() < 0.9) y.approved_by = p.login;
        d.values.push_back(std::move(y));
      }
      if (previous) {
        core::Datum y = datum;
        y.period = prev_year;
        y.value = previous;
        y.approved_by = p.login;
        d.values.push_back(std::move(y));
      }
      if (!p.monthly) continue;
      // Monitoring: flows accumulate towards the year-end value; levels wander
      // around it.
      for (int m = 1; m <= months; ++m) {
        core::Datum md = datum;
        md.period = month_periods[m - 1];
        double v = ind.cumulative ? actual * m / 12.0 * (1 + r.Normal(0, 0.02))
                                  : actual * (1 + r.Normal(0, 0.03));
        if (p.kind == Kind::kDeduction) v = std::floor(actual * m / 12.0);
        md.value = Round(v, decimals);
        if (r.Uniform01() < 0.8) md.approved_by = p.login;
        d.values.push_back(std::move(md));
      }
    }

    // Survey and leadership scores; the survey of 0.5 % of units is missing.
    if (r.Uniform01() >= 0.005) {
      d.satisfaction[unit.id] = Round(std::clamp(60 + 35 * st + r.Normal(0, 3), 0.0, 100.0), 2);
      d.satisfaction_se[unit.id] = Round(r.Uniform(1.5, 3.0), 2);
    }
    d.leadership[unit.id] = Round(std::clamp(70 + 25 * st + r.Normal(0, 4), 0.0, 100.0), 2);
    d.inputs[unit.id] = {{"budget", Round(1000 * scale[u] * r.Uniform(0.8, 1.2), 1)},
                         {"staff", std::round(50 * scale[u] * r.Uniform(0.8, 1.2))}};
    // Adjustments: 6 % a bonus (some above the cap), 5 % a deduction, 0.5 % a veto.
    auto add = [&](core::AdjustmentKind kind, double points, const char* zh, const char* en) {
      core::Adjustment a;
      a.id = "A-" + unit.id + "-" + std::to_string(d.adjustments.size() + 1);
      a.unit_id = unit.id;
      a.kind = kind;
      a.points = points;
      a.reason_zh = zh;
      a.reason_en = en;
      a.entered_by = "admin";
      a.approved_by = "admin";
      if (kind == core::AdjustmentKind::kVeto && r.Uniform01() < 0.3) {
        a.veto_effect = core::VetoEffect::kFixLowest;
      }
      d.adjustments.push_back(std::move(a));
    };
    if (r.Uniform01() < 0.06) {
      add(core::AdjustmentKind::kBonus, Round(r.Uniform(0.5, 4), 1), "获国家级表彰",
          "National commendation");
    }
    if (r.Uniform01() < 0.05) {
      add(core::AdjustmentKind::kDeduction, Round(r.Uniform(0.5, 3), 1), "被督查通报",
          "Named in an inspection report");
    }
    if (r.Uniform01() < 0.005) {
      add(core::AdjustmentKind::kVeto, 0, "发生重大安全事故", "A major safety accident");
    }
  }
  return out;
}

Status WriteProvinceYear(store::Store& st, const ProvinceOptions& options) {
  Result<std::vector<store::YearInfo>> years = st.ListYears();
  if (!years.ok()) return years.status();
  if (!years->empty()) {
    return Status(Code::kFailedPrecondition,
                  "the store already has years; the province year needs an empty one");
  }
  Result<std::string> hash = store::HashPassword(kAdminPassword);
  if (!hash.ok()) return hash.status();
  const store::Actor actor{kSystem};
  GOVPERF_RETURN_IF_ERROR(st.PutUser(
      actor, {"admin", "绩效办管理员 Performance Office", store::kRoleAdmin, "", *hash, true}));
  GeneratedYear y = ProvinceYear(options);
  // The store keeps a year's own periods only; last year's values would belong
  // to a year that is not written (the server adds them from there).
  const std::string year = std::to_string(options.year);
  std::erase_if(y.data.values,
                [&](const core::Datum& d) { return d.period.compare(0, 4, year) != 0; });
  GOVPERF_RETURN_IF_ERROR(st.PutYear(actor, {options.year, core::Stage::kMonitoring, "", 0}));
  GOVPERF_RETURN_IF_ERROR(st.SaveScheme(actor, y.scheme));
  GOVPERF_RETURN_IF_ERROR(st.SaveYearData(actor, options.year, y.data));
  return Status::Ok();
}

}  // namespace govperf::demo
