// Generation of the demo city: users, then for each of three years its
// scheme, its observations and its status, all through the Store interface (so
// the demo exercises the same validation and audit as real use).
//
// Determinism: every random number comes from demo::Rng streams named by what
// they decide ("value/2025/1.1.1/D01"), so the same seed and options give the
// same schemes and data, and a value does not move when unrelated parts of
// the generator change. Password hashes and audit timestamps are the only
// parts that differ between runs (random salts, wall clock).
#include "demo/demo.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/org.h"
#include "app/publication/approval.h"
#include "app/publication/publish.h"
#include "demo/bulletins.h"
#include "demo/catalog.h"
#include "demo/naming.h"
#include "demo/past_year.h"
#include "demo/projects.h"
#include "demo/rng.h"
#include "demo/surveys.h"
#include "demo/year_in_progress.h"
#include "store/password.h"

namespace govperf::demo {
namespace {

constexpr const char* kSystem = "system";
constexpr int kMonths = 12;

// Performance model. A unit's strength s in [0, 1] drives everything: the
// completion ratio of its leaves is about kRatioBase + kRatioSlope·s, so a
// unit of strength ~0.65 lands near 90 points (the 优秀 line) and quotas bind.
constexpr double kRatioBase = 0.74;
constexpr double kRatioSlope = 0.30;
constexpr double kRatioNoise = 0.04;
constexpr double kYearDrift = 0.10;  // year-to-year change of strength (sd)

std::string Period(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

core::Direction Dir(int d) {
  return d < 0 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
}

// A leaf as placed in the scheme: its template plus whom it applies to.
struct PlacedLeaf {
  LeafSpec spec;
  std::vector<std::string> categories;  // when unit_ids is empty
  std::vector<std::string> unit_ids;
};

// The leaves in scheme order (groups' leaves after their group).
std::vector<PlacedLeaf> PlaceLeaves() {
  std::vector<PlacedLeaf> out;
  for (const GroupSpec& g : Groups()) {
    int n = 0;
    for (const SharedLeaf& s : SharedLeaves()) {
      if (s.leaf.parent == g.id) {
        out.push_back({s.leaf, s.categories, {}});
        ++n;
      }
    }
    for (const UnitSpec& u : Units()) {
      if (u.duty.name_zh.empty() || DutyGroupOf(u.category) != std::string(g.id)) continue;
      PlacedLeaf p{u.duty, {}, {u.id}};
      p.spec.id = std::string(g.id) + "." + std::to_string(++n);
      p.spec.parent = g.id;
      out.push_back(std::move(p));
    }
  }
  return out;
}

bool Applies(const PlacedLeaf& leaf, const UnitSpec& u) {
  if (!leaf.unit_ids.empty()) {
    return std::find(leaf.unit_ids.begin(), leaf.unit_ids.end(), u.id) != leaf.unit_ids.end();
  }
  return std::find(leaf.categories.begin(), leaf.categories.end(), u.category) !=
         leaf.categories.end();
}

core::Scheme BuildScheme(uint64_t seed, int year, int base_year,
                         const std::vector<PlacedLeaf>& leaves) {
  core::Scheme s;
  s.year = year;
  for (const CategorySpec& c : Categories()) {
    core::Category cat;
    cat.id = c.id;
    cat.name_zh = c.name_zh;
    cat.name_en = c.name_en;
    cat.kind = *core::ParseUnitKind(c.kind);
    cat.weights = {c.w_indicator, c.w_satisfaction, c.w_leadership};
    cat.grades = {{"excellent", "优秀", "Excellent", 90, 0.3},
                  {"good", "良好", "Good", 80, std::nullopt},
                  {"qualified", "合格", "Qualified", 60, std::nullopt},
                  {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
    cat.bonus_cap = 3;
    cat.deduction_cap = 5;
    s.categories.push_back(std::move(cat));
  }
  for (const UnitSpec& u : Units()) {
    core::Unit unit;
    unit.id = u.id;
    unit.name_zh = u.name_zh;
    unit.name_en = u.name_en;
    unit.category_id = u.category;
    for (const CategorySpec& c : Categories()) {
      if (u.category == std::string(c.id)) unit.kind = *core::ParseUnitKind(c.kind);
    }
    s.units.push_back(std::move(unit));
  }
  for (const GroupSpec& g : Groups()) {
    core::Indicator node;
    node.id = g.id;
    node.parent_id = g.parent;
    node.level = node.parent_id.empty() ? 1 : 2;
    node.name_zh = g.name_zh;
    node.name_en = g.name_en;
    node.points = g.points;
    node.category_ids = g.categories;
    s.indicators.push_back(std::move(node));
    for (const PlacedLeaf& p : leaves) {
      if (p.spec.parent != g.id) continue;
      const LeafSpec& l = p.spec;
      core::Indicator ind;
      ind.id = l.id;
      ind.parent_id = l.parent;
      ind.level = 3;
      ind.name_zh = l.name_zh;
      ind.name_en = l.name_en;
      ind.points = l.points;
      ind.direction = Dir(l.direction);
      ind.unit_of_measure = l.uom;
      switch (l.method) {
        case 1:
          ind.method = "rank_in_category";
          ind.params = {{"mode", 0}, {"step", l.points / 4}};
          break;
        case 2:
          ind.method = "rank_in_category";
          ind.params = {{"mode", 1}, {"min_share", 0.6}};
          break;
        default:
          ind.method = "completion_ratio";
          ind.params = {{"floor", 0}, {"cap", 1}};
      }
      ind.lead_unit_id = l.lead;
      ind.type = *core::ParseIndicatorType(l.type);
      ind.orientations = l.orientations;
      ind.cumulative = l.cumulative;
      // Declared measurement error: statistical outcomes are estimates
      // (revised later); counts and assessor grades are exact.
      if (ind.type == core::IndicatorType::kOutcome && ind.method == "completion_ratio") {
        ind.measurement_error = ind.cumulative ? 0.01 : 0.02;
      }
      // 报送频次: flows (cumulative year to date) monthly, the rest at the
      // year's default (quarterly).
      if (l.cumulative) ind.frequency = "monthly";
      ind.category_ids = p.categories;
      ind.unit_ids = p.unit_ids;
      // Targets: the base grows yearly; units' targets differ a little
      // (negotiated per unit, 目标协商) and scale with their size.
      for (const UnitSpec& u : Units()) {
        if (!Applies(p, u)) continue;
        double t = l.base * std::pow(1 + l.growth, year - base_year);
        if (l.scaling == Scaling::kSize) t *= u.scale;
        if (l.scaling == Scaling::kTourism) t *= u.tourism;
        Rng r(seed, "target/" + std::to_string(year) + "/" + l.id + "/" + u.id);
        if (!l.at_most_100 || t < 95) t *= r.Uniform(0.96, 1.04);
        if (l.at_most_100) t = std::min(t, 100.0);
        t = Round(t, l.decimals);
        if (t == 0) t = std::pow(10.0, -l.decimals);  // a zero target means something else
        s.targets[{l.id, u.id}] = t;
      }
      s.indicators.push_back(std::move(ind));
    }
  }
  return s;
}

// Strength of every unit in a year: a lasting base (with its category's bias)
// plus a yearly drift, so rankings are stable but not frozen.
std::map<std::string, double> Strengths(uint64_t seed, int year) {
  std::map<std::string, double> out;
  for (const UnitSpec& u : Units()) {
    double bias = 0;
    for (const CategorySpec& c : Categories()) {
      if (u.category == std::string(c.id)) bias = c.strength_bias;
    }
    Rng base(seed, std::string("strength/") + u.id);
    Rng drift(seed, "drift/" + std::to_string(year) + "/" + u.id);
    out[u.id] = std::clamp(base.Uniform01() + bias + drift.Normal(0, kYearDrift), 0.0, 1.0);
  }
  return out;
}

struct YearPlan {
  int year;
  bool published;
  int months;  // monthly values 1..months
  // 社会评价: the year's satisfaction comes from its survey (surveys.h), not
  // from the strength model; the model's draws are still made so that the
  // other numbers of the stream do not move.
  bool surveyed = false;
};

// Deliberate data gaps of published years, so that the "no data" and
// "missing" rules show in the demo.
struct Gap {
  int years_before_current;
  const char* indicator;
  const char* unit;
  bool no_data;  // declared no data; otherwise simply not reported
  const char* note;
};
constexpr Gap kGaps[] = {
    {1, "2.1.2", "D01", true,
     "城区无农村常住人口，申报无数据 / no rural residents in the urban district"},
    {2, "2.1.2", "D01", true,
     "城区无农村常住人口，申报无数据 / no rural residents in the urban district"},
    {1, "8.4.2", "B38", false, ""},
};

core::YearData BuildYearData(uint64_t seed, const YearPlan& plan, int current_year,
                             const core::Scheme& scheme, const std::vector<PlacedLeaf>& leaves) {
  core::YearData d;
  const std::map<std::string, double> strength = Strengths(seed, plan.year);
  const std::string y = std::to_string(plan.year);
  for (const PlacedLeaf& p : leaves) {
    const LeafSpec& l = p.spec;
    for (const UnitSpec& u : Units()) {
      if (!Applies(p, u)) continue;
      const double target = scheme.targets.at({l.id, u.id});
      const double s = strength.at(u.id);
      Rng r(seed, "value/" + y + "/" + l.id + "/" + u.id);
      double actual;
      if (l.method == 0) {
        const double ratio = kRatioBase + kRatioSlope * s + r.Normal(0, kRatioNoise);
        actual = l.direction > 0 ? target * ratio : target / std::max(ratio, 0.2);
      } else {
        // Ranked quantities: the level itself differs between units.
        actual = target * (0.7 + 0.6 * s) * (1 + r.Normal(0, 0.05));
      }
      actual = std::max(actual, 0.0);
      if (l.at_most_100) actual = std::min(actual, 100.0);
      actual = Round(actual, l.decimals);

      const std::string entered_by = LeadLogin(l.lead);
      const Gap* gap = nullptr;
      for (const Gap& g : kGaps) {
        if (plan.published && current_year - plan.year == g.years_before_current &&
            l.id == g.indicator && u.id == std::string(g.unit)) {
          gap = &g;
        }
      }
      // Monthly monitoring (cumulative year to date): flows build up towards
      // the year-end value, levels wander towards it.
      double previous = 0;
      for (int m = 1; m <= plan.months; ++m) {
        if (gap != nullptr && gap->no_data) break;
        double v;
        if (m == kMonths) {
          v = actual;
        } else if (l.cumulative) {
          v = actual * m / kMonths * (1 + r.Normal(0, 0.04));
          v = std::clamp(v, previous, actual);
        } else {
          v = actual + r.Normal(0, 0.03 * std::fabs(actual) * (kMonths - m) / kMonths);
          v = std::max(v, 0.0);
          if (l.at_most_100) v = std::min(v, 100.0);
        }
        v = Round(v, l.decimals);
        previous = v;
        d.values.push_back({l.id, u.id, Period(plan.year, m), v, false, entered_by, "", ""});
      }
      // The scored year-end value.
      if (gap != nullptr) {
        if (gap->no_data) {
          d.values.push_back({l.id, u.id, y, std::nullopt, true, entered_by, "admin", gap->note});
        }
        continue;  // not reported: no year-end row at all
      }
      if (plan.published) {
        d.values.push_back({l.id, u.id, y, actual, false, entered_by, "admin", ""});
      } else if (l.early_final) {
        d.values.push_back(
            {l.id, u.id, y, actual, false, entered_by, "", "年中已完成测评 / assessed mid-year"});
      }
    }
  }
  for (const UnitSpec& u : Units()) {
    const double s = strength.at(u.id);
    Rng r(seed, "subjects/" + y + "/" + u.id);
    const double satisfaction = Round(std::clamp(62 + 34 * s + r.Normal(0, 3), 60.0, 98.0), 1);
    d.leadership[u.id] = Round(std::clamp(72 + 25 * s + r.Normal(0, 2.5), 70.0, 98.0), 1);
    // Survey sampling error of a mean on a 0..100 scale from ~60–160
    // respondents per unit with a spread of ~22 points: 22 / sqrt(n).
    const double respondents = r.Uniform(60, 160);
    if (!plan.surveyed) {
      d.satisfaction[u.id] = satisfaction;
      d.satisfaction_se[u.id] = Round(22.0 / std::sqrt(respondents), 2);
    }
    // 投入 for the fairness view: budget (万元) and staff, loosely tied to
    // the unit's strength so that efficiency and score do not simply agree.
    const double size = u.id[0] == 'D' ? 8.0 : (u.id[0] == 'S' ? 0.6 : 1.0);
    d.inputs[u.id]["budget"] = Round(size * r.Uniform(2500, 6000) * (0.8 + 0.4 * s), 0);
    d.inputs[u.id]["staff"] = Round(size * r.Uniform(40, 160), 0);
  }
  return d;
}

struct AdjustmentSpec {
  core::AdjustmentKind kind;
  double points;
  const char* reason_zh;
  const char* reason_en;
  const char* category;  // the unit is drawn from this category
  bool claimed;          // raised as a claim in year_end (past_year.h), not bulk data
};

constexpr AdjustmentSpec kPastAdjustments[] = {
    {core::AdjustmentKind::kBonus, 1.0, "获国家级表彰", "National commendation", "C3", true},
    {core::AdjustmentKind::kBonus, 0.5, "获省级表彰", "Provincial commendation", "C2", false},
    {core::AdjustmentKind::kBonus, 1.5, "创新创优项目（专家评审）",
     "Innovation award (expert panel)", "C4", true},
    {core::AdjustmentKind::kBonus, 0.5, "获省级表彰", "Provincial commendation", "C1", false},
    {core::AdjustmentKind::kDeduction, 1.0, "被省级以上通报批评",
     "Publicly criticised by the provincial government", "C2", false},
    {core::AdjustmentKind::kDeduction, 1.0, "审计发现问题逾期未整改（2项）",
     "Audit findings not rectified in time (2 items)", "C5", true},
    {core::AdjustmentKind::kDeduction, 2.0, "重大工作失误", "Major failure in work", "C4", false},
};

std::vector<std::string> UnitsOf(const std::string& category) {
  std::vector<std::string> out;
  for (const UnitSpec& u : Units()) {
    if (u.category == category) out.push_back(u.id);
  }
  return out;
}

// The year's adjustments; those of a past year raised as claims in its
// year-end story (the flagged ones and the veto) go to `claimed` instead.
std::vector<core::Adjustment> BuildAdjustments(uint64_t seed, const YearPlan& plan,
                                               int current_year,
                                               std::vector<core::Adjustment>* claimed) {
  std::vector<core::Adjustment> out;
  bool to_claim = false;
  const std::string y = std::to_string(plan.year);
  int n = 0;
  auto add = [&](core::AdjustmentKind kind, double points, const std::string& unit,
                 const std::string& zh, const std::string& en) {
    core::Adjustment a;
    char id[32];
    std::snprintf(id, sizeof id, "%s-A%02d", y.c_str(), ++n);
    a.id = id;
    a.unit_id = unit;
    a.kind = kind;
    a.points = kind == core::AdjustmentKind::kVeto ? 0 : points;
    a.veto_effect = core::VetoEffect::kCapQualified;
    a.reason_zh = zh;
    a.reason_en = en;
    a.evidence = "云绩办〔" + y + "〕" + std::to_string(10 + n) + "号";
    a.entered_by = "admin";
    a.approved_by = "leader";
    (to_claim ? *claimed : out).push_back(std::move(a));
  };
  if (!plan.published) {
    // The current year so far: one commendation and one criticism.
    Rng r(seed, "adjust/" + y);
    auto c3 = UnitsOf("C3");
    auto c4 = UnitsOf("C4");
    add(core::AdjustmentKind::kBonus, 0.5, c3[r.Index(static_cast<int>(c3.size()))], "获省级表彰",
        "Provincial commendation");
    add(core::AdjustmentKind::kDeduction, 0.5, c4[r.Index(static_cast<int>(c4.size()))],
        "审计发现问题逾期未整改（1项）", "Audit finding not rectified in time (1 item)");
    return out;
  }
  for (size_t i = 0; i < std::size(kPastAdjustments); ++i) {
    const AdjustmentSpec& spec = kPastAdjustments[i];
    Rng r(seed, "adjust/" + y + "/" + std::to_string(i));
    auto pool = UnitsOf(spec.category);
    to_claim = spec.claimed;
    add(spec.kind, spec.points, pool[r.Index(static_cast<int>(pool.size()))], spec.reason_zh,
        spec.reason_en);
  }
  to_claim = false;
  if (current_year - plan.year == 1) {
    // Bonuses beyond the cap, so the cap (+3) visibly applies.
    add(core::AdjustmentKind::kBonus, 2.0, "D02", "全国旅游示范区创建成功",
        "Recognised as a national tourism demonstration zone");
    add(core::AdjustmentKind::kBonus, 1.5, "D02", "创新创优项目（专家评审）",
        "Innovation award (expert panel)");
  }
  if (current_year - plan.year == 2) {
    // One veto: the strongest district that year had a serious accident, so
    // its grade is capped at 合格 whatever its score.
    const auto strength = Strengths(seed, plan.year);
    std::string best;
    for (const std::string& id : UnitsOf("C1")) {
      if (best.empty() || strength.at(id) > strength.at(best)) best = id;
    }
    to_claim = true;
    add(core::AdjustmentKind::kVeto, 0, best, "发生较大生产安全事故，实行一票否决",
        "A serious production-safety accident: one-vote veto");
  }
  return out;
}

struct Credentials {
  std::string admin, leader, unit, lead, expert;
};
const Credentials kPasswords = {"demo-admin-2026", "demo-leader-2026", "demo-unit-2026",
                                "demo-lead-2026", "demo-expert-2026"};

Status CreateUsers(store::Store& st, const std::vector<PlacedLeaf>& leaves) {
  // Demo only: each distinct password is hashed once and the encoded hash
  // (with its salt) is shared by the users that have that password. Hashing
  // ~75 users one by one costs ~5 s of argon2id; real accounts are created
  // one at a time with their own salt.
  std::map<std::string, std::string> hashes;
  for (const std::string* pw : {&kPasswords.admin, &kPasswords.leader, &kPasswords.unit,
                                &kPasswords.lead, &kPasswords.expert}) {
    Result<std::string> h = store::HashPassword(*pw);
    if (!h.ok()) return h.status();
    hashes[*pw] = *h;
  }
  const store::Actor actor{kSystem};
  std::vector<store::User> users = {
      {"admin", "绩效办管理员 Performance Office", store::kRoleAdmin, "", hashes[kPasswords.admin],
       true},
      {"leader", "市领导 City leader", store::kRoleLeader, "", hashes[kPasswords.leader], true},
      // Deputy leaders (分管领导) who rate their portfolio's units (领导评价).
      {"leader_vice1", "分管副市长（经济） Deputy mayor (economy)", store::kRoleLeader, "",
       hashes[kPasswords.leader], true},
      {"leader_vice2", "分管副市长（社会） Deputy mayor (social affairs)", store::kRoleLeader, "",
       hashes[kPasswords.leader], true},
      {"expert", "评估专家 Evaluation expert", core::Role::kExpert, "", hashes[kPasswords.expert],
       true},
  };
  std::set<std::string> leads;
  for (const PlacedLeaf& p : leaves) leads.insert(p.spec.lead);
  for (const UnitSpec& u : Units()) {
    users.push_back(
        {UnitLogin(u.id), u.name_zh, store::kRoleUnit, u.id, hashes[kPasswords.unit], true});
  }
  for (const UnitSpec& u : Units()) {
    if (leads.count(u.id) == 0) continue;
    users.push_back({LeadLogin(u.id), std::string(u.name_zh) + "（牵头考核）", store::kRoleLead,
                     u.id, hashes[kPasswords.lead], true});
  }
  for (const store::User& u : users) GOVPERF_RETURN_IF_ERROR(st.PutUser(actor, u));
  return Status::Ok();
}

}  // namespace

const std::vector<DemoLogin>& FeaturedLogins() {
  static const std::vector<DemoLogin> kLogins = {
      {"admin", kPasswords.admin, store::kRoleAdmin, "", "绩效办管理员：方案、数据、审计",
       "Performance office admin: schemes, data, audit"},
      {"leader", kPasswords.leader, store::kRoleLeader, "", "市领导：看板与结果",
       "City leader: dashboards and results"},
      {"unit_d01", kPasswords.unit, store::kRoleUnit, "D01", "望川区（评估对象）",
       "Wangchuan District (assessed unit)"},
      {"lead_b03", kPasswords.lead, store::kRoleLead, "B03",
       "统计局（牵头考核单位：地区生产总值增速等）",
       "Statistics Bureau (lead department: GDP growth and more)"},
      {"expert", kPasswords.expert, core::Role::kExpert, "", "评估专家：指标点评",
       "Evaluation expert: comments on indicators"},
  };
  return kLogins;
}

Status GenerateDemoCity(store::Store& st, const DemoOptions& options) {
  constexpr int kMinYear = 1902;
  constexpr int kMaxYear = 9999;
  if (options.current_year < kMinYear || options.current_year > kMaxYear) {
    return Status::Invalid("current_year: out of range");
  }
  if (options.months_reported < 1 || options.months_reported > kMonths) {
    return Status::Invalid("months_reported: must be 1..12");
  }
  Result<std::vector<store::YearInfo>> years = st.ListYears();
  if (!years.ok()) return years.status();
  if (!years->empty()) {
    return Status(Code::kFailedPrecondition,
                  "the store already has years; the demo needs an empty one");
  }
  const std::vector<PlacedLeaf> leaves = PlaceLeaves();
  GOVPERF_RETURN_IF_ERROR(CreateUsers(st, leaves));

  const store::Actor actor{kSystem};
  const int cy = options.current_year;
  // Surveys need the database file (the response journal's own connection).
  const bool surveys = !options.db_path.empty();
  const std::vector<YearPlan> plans = {{cy - 2, true, kMonths, surveys},
                                       {cy - 1, true, kMonths, surveys},
                                       {cy, false, options.months_reported, surveys}};
  // Without a story clock of the caller's, the surveys' fieldwork still
  // needs one (their windows are checked against it).
  StoryClock own_clock;
  StoryClock& survey_clock = options.clock != nullptr ? *options.clock : own_clock;
  // The organisation registry, through the same use cases an office uses.
  {
    const core::Scheme current = BuildScheme(options.seed, cy, cy - 2, leaves);
    const app::Caller system = app::Caller::System();
    for (const core::Category& c : current.categories) {
      auto made = app::CreateCategory(
          st, system, {c.id, c.name_zh, c.name_en, core::UnitKindName(c.kind), std::nullopt});
      GOVPERF_RETURN_IF_ERROR(made.status());
    }
    for (const core::Unit& u : current.units) {
      app::UnitInput in;
      in.id = u.id;
      in.name_zh = u.name_zh;
      in.name_en = u.name_en;
      in.category_id = u.category_id;
      in.parent_id = u.parent_id;
      in.kind = core::UnitKindName(u.kind);
      GOVPERF_RETURN_IF_ERROR(app::CreateUnit(st, system, in).status());
    }
  }
  auto at = [&](int year, int month, int day, int hour) {
    if (options.clock != nullptr) options.clock->SetChina({year, month, day}, hour);
  };
  for (const YearPlan& plan : plans) {
    // A past year: its scheme in January, its data by the next January, its
    // results published in March. The year in progress: setting, then
    // monitoring through the use cases (year_in_progress.h).
    at(plan.year, 1, 10, 9);
    store::YearInfo running;
    running.year = plan.year;
    running.stage = plan.published ? core::Stage::kMonitoring : core::Stage::kSetting;
    GOVPERF_RETURN_IF_ERROR(st.PutYear(actor, running));
    core::Scheme scheme = BuildScheme(options.seed, plan.year, cy - 2, leaves);
    GOVPERF_RETURN_IF_ERROR(st.SaveScheme(actor, scheme));
    core::YearData data = BuildYearData(options.seed, plan, cy, scheme, leaves);
    std::vector<core::Adjustment> claimed;
    data.adjustments = BuildAdjustments(options.seed, plan, cy, &claimed);
    DemoSurvey survey{options.seed,
                      plan.year,
                      plan.published,
                      options.db_path,
                      Strengths(options.seed, plan.year),
                      plan.year - (cy - 2),
                      {}};
    if (plan.surveyed && plan.published) {
      // 社会评价 of the year: designed in October, fieldwork in November and
      // December, reviewed and closed, opinions handled (surveys.h).
      GOVPERF_RETURN_IF_ERROR(WriteDemoSurvey(st, survey_clock, survey));
    }
    if (plan.surveyed && !plan.published) {
      // The year in progress scores provisionally with last year's survey
      // results (上年度社会评价结果暂用) until its own survey is applied.
      for (const UnitSpec& u : Units()) {
        auto last = st.LoadComponentScores(plan.year - 1, u.id);
        if (!last.ok()) return last.status();
        if (last->satisfaction) data.satisfaction[u.id] = *last->satisfaction;
        if (last->satisfaction_se) data.satisfaction_se[u.id] = *last->satisfaction_se;
      }
    }
    if (plan.published) at(plan.year + 1, 1, 20, 17);
    GOVPERF_RETURN_IF_ERROR(st.SaveYearData(actor, plan.year, data));
    if (plan.surveyed && plan.published) {
      GOVPERF_RETURN_IF_ERROR(WriteDemoSurveyResults(st, survey_clock, survey));
    }
    if (!plan.published) {
      GOVPERF_RETURN_IF_ERROR(WriteYearInProgress(
          st, options.clock, {options.seed, plan.year, options.months_reported}));
      GOVPERF_RETURN_IF_ERROR(IssueDemoBulletins(
          st, options.clock, {options.seed, plan.year, options.months_reported}));
      if (plan.surveyed) {
        // This year's survey, open at the story's today.
        survey.today = StoryToday(st, {options.seed, plan.year, options.months_reported});
        GOVPERF_RETURN_IF_ERROR(WriteDemoSurvey(st, survey_clock, survey));
      }
    }
    if (plan.published) {
      // Year-end assessment by the roles and 公示 (1–8 March) with its
      // appeals (past_year.h), the evaluation committee's approval (12
      // March) and publication (15 March) of the following year, by the same
      // use cases as the office's: snapshot and certificate; then
      // rectification and result use.
      namespace pub = app::publication;
      const app::Caller system = app::Caller::System();
      const int next = plan.year + 1;
      const std::string ns = std::to_string(next);
      const PastYear past{options.seed, plan.year, cy, claimed};
      GOVPERF_RETURN_IF_ERROR(WritePastYearEnd(st, options.clock, past));
      at(next, 3, 12, 15);
      GOVPERF_RETURN_IF_ERROR(
          pub::RecordApproval(st, system, plan.year,
                              {ns + "-03-12", "云岭市绩效委〔" + ns + "〕3号", "审定通过"},
                              {next, 3, 12})
              .status());
      at(next, 3, 15, 10);
      const std::string when = ns + "-03-15T02:00:00Z";
      GOVPERF_RETURN_IF_ERROR(pub::Publish(st, system, plan.year, {next, 3, 15}, when).status());
      GOVPERF_RETURN_IF_ERROR(WritePastYearAfter(st, options.clock, past));
    }
  }
  GOVPERF_RETURN_IF_ERROR(WriteAssessmentProjects(st, options.clock, cy));  // 考核项目规范
  return Status::Ok();
}

}  // namespace govperf::demo
