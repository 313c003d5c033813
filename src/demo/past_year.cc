#include "demo/past_year.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/feedback/feedback_of.h"
#include "app/feedback/rectification.h"
#include "app/publication/appeals.h"
#include "app/publication/window.h"
#include "app/result_use.h"
#include "app/results/year_cache.h"
#include "app/year_end/claims.h"
#include "app/year_end/lead_scoring.h"
#include "app/year_end/leader_rating.h"
#include "app/year_end/self_evaluation.h"
#include "app/years.h"
#include "demo/naming.h"
#include "demo/rng.h"

namespace govperf::demo {
namespace {

namespace ye = app::year_end;
namespace pub = app::publication;
namespace fb = app::feedback;
namespace cm = core::monitoring;

app::Caller Admin() { return {"admin", core::Role::kAdmin, "", ""}; }
app::Caller UnitOf(const std::string& id) { return {UnitLogin(id), core::Role::kUnit, id, ""}; }
app::Caller LeadOf(const std::string& id) { return {LeadLogin(id), core::Role::kLead, id, ""}; }
app::Caller LeaderOf(const std::string& name) { return {name, core::Role::kLeader, "", ""}; }
app::Caller Expert() { return {"expert", core::Role::kExpert, "", ""}; }

Status Fail(int year, const std::string& what, const Status& s) {
  return Status(s.code(), "demo year " + std::to_string(year) + ": " + what + ": " + s.ToString());
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The units whose self-evaluations the story files: the four districts on
// the leaves of 经济增长 (1.1), and three departments on their own duty leaf.
// Everyone else's year-end values come from the lead departments' bulk entry
// (the year's data). A sample keeps `govperf demo` fast: every filing and
// scoring is its own audited transaction.
bool InSample(const core::Indicator& leaf, const std::string& unit_id) {
  if (unit_id[0] == 'D') return leaf.id.rfind("1.1.", 0) == 0;
  static const char* kDepartments[] = {"B03", "B10", "B25"};
  for (const char* d : kDepartments) {
    if (unit_id == d) return !leaf.unit_ids.empty();  // its own duty leaf
  }
  return false;
}

// The featured corrections: an overclaim the lead department corrects down
// to the true figure (stays), and a correction below the true figure that the
// unit's appeal in 公示 undoes.
constexpr const char* kOverclaimUnit = "D02";
constexpr const char* kAppealUnit = "D03";

}  // namespace

Status WritePastYearEnd(store::Store& st, StoryClock* clock, const PastYear& plan) {
  const int y = plan.year;
  const int next = y + 1;
  const std::string ns = std::to_string(next);
  auto at = [&](int month, int day, int hour, int minute = 0) {
    if (clock != nullptr) clock->SetChina({next, month, day}, hour, minute);
  };
  const app::Caller admin = Admin();
  app::YearCache years(st);

  at(1, 21, 9);
  if (auto r = app::MoveYear(st, admin, y, "year_end"); !r.ok()) {
    return Fail(y, "to year_end", r.status());
  }
  auto scheme = st.LoadScheme(y);
  if (!scheme.ok()) return Fail(y, "scheme", scheme.status());
  auto data = st.LoadYearData(y);
  if (!data.ok()) return Fail(y, "data", data.status());
  std::map<std::pair<std::string, std::string>, core::Datum> year_end;
  for (const core::Datum& d : data->values) {
    if (d.period == std::to_string(y)) year_end[{d.indicator_id, d.unit_id}] = d;
  }

  // ---- 自评 and 牵头单位评分 ----
  struct Filed {
    const core::Indicator* leaf;
    std::string unit;
    double actual;
  };
  std::vector<Filed> filed;
  for (const core::Indicator& leaf : scheme->indicators) {
    if (leaf.method.empty() || leaf.level != 3) continue;
    for (const core::Unit& u : scheme->units) {
      if (!app::IsAssessed(leaf, u) || !InSample(leaf, u.id)) continue;
      auto it = year_end.find({leaf.id, u.id});
      if (it == year_end.end() || !it->second.value) continue;  // no data / not reported
      filed.push_back({&leaf, u.id, *it->second.value});
    }
  }
  // Which leaf the featured corrections are on: the first higher-is-better
  // leaf of each featured unit.
  auto featured_leaf = [&](const char* unit) -> const Filed* {
    for (const Filed& f : filed) {
      if (f.unit == unit && f.leaf->direction == core::Direction::kHigherBetter && f.actual > 0) {
        return &f;
      }
    }
    return nullptr;
  };
  const Filed* overclaim = featured_leaf(kOverclaimUnit);
  const Filed* appealed = featured_leaf(kAppealUnit);
  int n = 0;
  for (const Filed& f : filed) {
    at(1, 22 + n % 8, 9 + n % 8);
    ++n;
    const bool over = &f == overclaim;
    const double claimed = over ? Round(f.actual * 1.06, 2) : f.actual;
    const std::string text =
        (over ? "全年完成" + Fmt(claimed) + f.leaf->unit_of_measure + "，含年末集中入统项目。"
              : "全年完成" + Fmt(claimed) + f.leaf->unit_of_measure + "，数据来源于" +
                    std::to_string(y) + "年统计年报，佐证材料已报牵头单位。");
    auto s = ye::Submit(years, st, UnitOf(f.unit), y, {f.leaf->id, f.unit, claimed, false, text});
    if (!s.ok()) return Fail(y, "self-evaluation " + f.leaf->id + "/" + f.unit, s.status());
  }
  n = 0;
  for (const Filed& f : filed) {
    at(2, 3 + n % 5, 10 + n % 7);
    ++n;
    const std::string& lead = f.leaf->lead_unit_id;
    // 利益回避: a lead department does not score its own unit; the office does.
    const app::Caller scorer = lead == f.unit || lead.empty() ? admin : LeadOf(lead);
    ye::ScoreInput in{f.leaf->id, f.unit, std::nullopt, false, ""};
    if (&f == overclaim) {
      in.value = f.actual;
      in.reason = "年末集中入统项目经核查未达入统条件，按统计年报数" + Fmt(f.actual) +
                  "核定（单位自评" + Fmt(Round(f.actual * 1.06, 2)) + "）。";
    } else if (&f == appealed) {
      in.value = Round(f.actual * 0.92, 2);
      in.reason = "单位填报口径与市统计快报不一致，暂按快报数" + Fmt(*in.value) + "核定。";
    } else if (!f.leaf->unit_of_measure.empty() && f.leaf->unit_of_measure == "分") {
      in.reason = "评分依据：年度工作台账、专项检查记录和第三方评估报告，经复核确认。";
    } else {
      in.reason = "经核实，与统计年报数据一致，按完成情况计分。";
    }
    auto r = ye::Score(years, st, scorer, y, in);
    if (!r.ok()) return Fail(y, "score " + f.leaf->id + "/" + f.unit, r.status());
  }

  // ---- 加减分与否决 claims ----
  std::vector<int64_t> approve;
  n = 0;
  for (const core::Adjustment& a : plan.claimed) {
    at(2, 10 + n, 9 + n);
    ++n;
    ye::ClaimInput in;
    in.unit_id = a.unit_id;
    in.reason = a.reason_zh + "（" + a.evidence + "）";
    app::Caller by = UnitOf(a.unit_id);
    switch (a.kind) {
      case core::AdjustmentKind::kBonus:
        in.kind = "bonus";
        in.points = a.points;
        in.category = a.reason_zh.find("创新") != std::string::npos ? "innovation" : "commendation";
        break;
      case core::AdjustmentKind::kDeduction:
        in.kind = "deduction";
        in.points = a.points;
        by = LeadOf(a.unit_id == "B10" ? "B25" : "B10");  // 审计局 raises audit findings
        break;
      case core::AdjustmentKind::kVeto:
        in.kind = "veto";
        in.veto_effect = "cap_qualified";
        by = LeadOf("B25");  // 应急管理局: work safety
        break;
    }
    auto c = ye::RaiseClaim(years, st, by, y, in);
    if (!c.ok()) return Fail(y, "claim for " + a.unit_id, c.status());
    if (in.category == "innovation") {
      at(2, 14, 15);
      auto o = ye::GiveOpinion(years, st, Expert(), y, c->id, "support",
                               "项目在全省具有首创性，成效有第三方评估佐证，建议按1.5分认定。");
      if (!o.ok()) return Fail(y, "expert opinion", o.status());
    }
    approve.push_back(c->id);
  }
  // One refused: a city-level commendation is below the scheme's threshold.
  at(2, 12, 16);
  auto refused = ye::RaiseClaim(
      years, st, UnitOf("D04"), y,
      {"D04", "bonus", "commendation", 0.5, "", "获市级文明单位表彰（云岭市委〔" + ns + "〕5号）"});
  if (!refused.ok()) return Fail(y, "refused claim", refused.status());
  at(2, 18, 10);
  for (int64_t id : approve) {
    auto d =
        ye::DecideClaim(years, st, admin, y, id, true, "经审核，符合加减分办法规定，予以认定。");
    if (!d.ok()) return Fail(y, "approve claim", d.status());
  }
  if (auto d = ye::DecideClaim(years, st, admin, y, refused->id, false,
                               "加分办法仅认定省级以上表彰，市级表彰不予加分。");
      !d.ok()) {
    return Fail(y, "refuse claim", d.status());
  }

  // ---- 领导评价 leadership rating ----
  at(2, 20, 9);
  store::RatingSetup setup;
  setup.year = y;
  setup.dimensions = {{"results", "工作实绩", "Results", 0.5},
                      {"style", "工作作风", "Working style", 0.3},
                      {"integrity", "廉政建设", "Integrity", 0.2}};
  setup.scale_min = 0;
  setup.scale_max = 100;
  setup.levels = {{"principal", "主要领导", "Principal leader", 0.5},
                  {"deputy", "分管领导", "Deputy leader", 0.3},
                  {"other", "其他市领导", "Other leaders", 0.2}};
  // The leaders rate the districts and the economic departments (C1, C2);
  // the other units' leadership scores stay as entered by the office (评价录入).
  std::vector<std::string> districts, economy;
  for (const core::Unit& u : scheme->units) {
    if (u.category_id == "C1") districts.push_back(u.id);
    if (u.category_id == "C2") economy.push_back(u.id);
  }
  std::vector<std::string> all = districts;
  all.insert(all.end(), economy.begin(), economy.end());
  setup.leaders = {{"leader", "principal", all},
                   {"leader_vice1", "deputy", districts},
                   {"leader_vice2", "deputy", economy}};
  if (auto r = ye::PutRatingSetup(years, st, admin, y, setup); !r.ok()) {
    return Fail(y, "rating setup", r.status());
  }
  n = 0;
  for (const store::LeaderAssignment& l : setup.leaders) {
    at(2, 22 + n++, 15);
    for (const std::string& u : l.unit_ids) {
      // Around the unit's standing (the year's generated leadership score).
      const double base = data->leadership.count(u) ? data->leadership.at(u) : 85;
      std::map<std::string, double> scores;
      for (const store::RatingDimension& d : setup.dimensions) {
        Rng r(plan.seed, "rating/" + std::to_string(y) + "/" + l.username + "/" + u + "/" + d.id);
        scores[d.id] = Round(std::clamp(base + r.Normal(0, 1.5), 70.0, 98.0), 0);
      }
      if (auto r = ye::Rate(years, st, LeaderOf(l.username), y, u, scores); !r.ok()) {
        return Fail(y, "rating " + l.username + "/" + u, r.status());
      }
    }
  }
  at(2, 26, 17);
  if (auto r = ye::CloseRating(years, st, admin, y); !r.ok()) {
    return Fail(y, "close rating", r.status());
  }

  // ---- 结果公示 (1–8 March) and two appeals ----
  at(3, 1, 9);
  // The later year has one value never reported (demo.cc kGaps): the office
  // accepts that it scores as missing.
  const bool later = plan.current_year - y == 1;
  pub::WindowRequest window{std::nullopt, ns + "-03-08", later};
  if (auto r = pub::StartPublicity(st, admin, y, {next, 3, 1}, window); !r.ok()) {
    return Fail(y, "publicity", r.status());
  }
  if (appealed != nullptr) {
    at(3, 3, 10);
    pub::AppealInput in;
    in.unit_id = kAppealUnit;
    in.kind = "indicator";
    in.indicator_id = appealed->leaf->id;
    in.claimed_value = appealed->actual;
    in.reason = "全年数据以省统计局反馈的年报数为准（" + Fmt(appealed->actual) +
                "），快报数未含12月补统部分，附省统计局反馈函。";
    auto a = pub::FileAppeal(years, st, UnitOf(kAppealUnit), y, in, {next, 3, 3});
    if (!a.ok()) return Fail(y, "appeal", a.status());
    at(3, 4, 16);
    const std::string& lead = appealed->leaf->lead_unit_id;
    auto ans = pub::AnswerAppeal(years, st, LeadOf(lead), y, a->id,
                                 "经与省统计局核对，年报数据属实，同意按年报数计分。");
    if (!ans.ok()) return Fail(y, "answer appeal", ans.status());
    at(3, 9, 10);
    auto d = pub::DecideAppeal(years, st, admin, y, a->id, true,
                               "申诉理由成立，按年报数据更正；经复核不影响其他单位等次。");
    if (!d.ok()) return Fail(y, "uphold appeal", d.status());
  }
  for (const core::Adjustment& a : plan.claimed) {
    if (a.kind != core::AdjustmentKind::kDeduction) continue;
    // The unit appeals the deduction against it; the office keeps it.
    auto listing = ye::ListClaims(years, st, admin, y);
    if (!listing.ok()) return Fail(y, "claims", listing.status());
    std::string adjustment_id;
    for (const store::Claim& c : listing->claims) {
      if (c.kind == "deduction" && c.unit_id == a.unit_id) adjustment_id = c.adjustment_id;
    }
    at(3, 5, 11);
    pub::AppealInput in;
    in.unit_id = a.unit_id;
    in.kind = "adjustment";
    in.adjustment_id = adjustment_id;
    in.reason = "审计指出问题已于年底前完成整改，仅整改报告报送延迟，申请撤销扣分。";
    auto filed_appeal = pub::FileAppeal(years, st, UnitOf(a.unit_id), y, in, {next, 3, 5});
    if (!filed_appeal.ok()) return Fail(y, "appeal deduction", filed_appeal.status());
    at(3, 6, 15);
    auto ans = pub::AnswerAppeal(years, st, admin, y, filed_appeal->id,
                                 "审计局复核：整改期限届满时问题尚未整改到位。");
    if (!ans.ok()) return Fail(y, "answer deduction appeal", ans.status());
    at(3, 9, 11);
    auto d = pub::DecideAppeal(years, st, admin, y, filed_appeal->id, false,
                               "整改在规定期限后完成，扣分符合办法规定，维持原扣分。");
    if (!d.ok()) return Fail(y, "reject appeal", d.status());
    break;
  }
  return Status::Ok();
}

Status WritePastYearAfter(store::Store& st, StoryClock* clock, const PastYear& plan) {
  const int y = plan.year;
  const int next = y + 1;
  const std::string ns = std::to_string(next);
  const bool recent = plan.current_year - y == 1;
  auto at = [&](int year, int month, int day, int hour) {
    if (clock != nullptr) clock->SetChina({year, month, day}, hour);
  };
  const app::Caller admin = Admin();
  app::YearCache years(st);

  // ---- 结果运用: the table, then one application per unit ----
  at(next, 3, 20, 10);
  const std::vector<store::ResultUseRule> rules = {
      {"excellent", 1.2, "年度考核优秀等次比例上浮5个百分点；领导班子评为“好”等次的重要依据",
       "下年度专项资金优先安排", ""},
      {"good", 1.0, "按规定比例确定优秀等次", "按预算标准安排", ""},
      {"qualified", 0.9, "领导班子不得评为“好”等次", "按预算标准安排",
       "绩效办约谈分管负责同志，限期整改"},
      {"unqualified", 0.7, "领导班子主要负责人不得评为优秀等次", "下年度部门公用经费压减5%",
       "主要负责人诫勉谈话，取消年度评先评优资格"},
  };
  if (auto s = app::SetResultUseRules(years, st, admin, y, rules); !s.ok()) {
    return Fail(y, "result-use table", s);
  }
  auto overview = app::GetResultUse(years, st, admin, y);
  if (!overview.ok()) return Fail(y, "result use", overview.status());
  at(next, 4, 20, 10);
  for (const app::ResultUseRow& row : overview->rows) {
    if (!row.suggested) continue;
    app::ResultUseInput in;
    in.unit_id = row.unit_id;
    in.kind = "bonus";
    in.coefficient = row.suggested->bonus_coefficient;
    in.outcome =
        "绩效奖金系数" + Fmt(*row.suggested->bonus_coefficient) + "（" + row.grade_zh + "）";
    in.reference = "云绩办〔" + ns + "〕21号";
    in.decided_on = ns + "-04-20";
    if (auto r = app::RecordResultUse(years, st, admin, y, in); !r.ok()) {
      return Fail(y, "result use " + row.unit_id, r.status());
    }
    if (!row.suggested->accountability.empty()) {
      app::ResultUseInput acc;
      acc.unit_id = row.unit_id;
      acc.kind = "accountability";
      acc.outcome = row.suggested->accountability;
      acc.reference = "云绩办〔" + ns + "〕23号";
      acc.decided_on = ns + "-04-28";
      if (auto r = app::RecordResultUse(years, st, admin, y, acc); !r.ok()) {
        return Fail(y, "accountability " + row.unit_id, r.status());
      }
    }
    if (row.grade == "excellent" && row.category_id == "C1") {
      app::ResultUseInput cadre;
      cadre.unit_id = row.unit_id;
      cadre.kind = "cadre";
      cadre.outcome = row.suggested->cadre;
      cadre.reference = "云组通〔" + ns + "〕8号";
      cadre.decided_on = ns + "-05-10";
      if (auto r = app::RecordResultUse(years, st, admin, y, cadre); !r.ok()) {
        return Fail(y, "cadre " + row.unit_id, r.status());
      }
    }
  }

  // ---- 整改: the units with most points lost, from their feedback reports ----
  struct Owner {
    const char* unit;
    const char* owner;
  };
  constexpr Owner kOwners[] = {{"D01", "张明（区发改局局长）"},
                               {"D03", "李华（县政府办副主任）"},
                               {"D04", "王强（县统计局局长）"},
                               {"B10", "陈静（办公室主任）"},
                               {"B25", "刘洋（安全生产科科长）"}};
  bool overdue_made = false;
  for (const Owner& o : kOwners) {
    auto report = fb::ReportOf(years, st, app::Caller::System(), y, o.unit);
    if (!report.ok()) return Fail(y, std::string("report of ") + o.unit, report.status());
    std::vector<fb::NewRectificationItem> items;
    for (const core::FeedbackLostPoint& lp : report->lost_points) {
      if (items.size() == 2) break;
      if (lp.lost < 0.05) continue;
      fb::NewRectificationItem it;
      it.source = "indicator";
      it.indicator_id = lp.indicator_id;
      it.measure = "分析" + lp.name_zh + "失分原因，制定专项工作方案，按月调度、按季通报。";
      it.owner = o.owner;
      it.deadline = items.empty() ? ns + "-06-30" : ns + "-09-30";
      items.push_back(std::move(it));
    }
    if (items.empty()) continue;
    at(next, 4, 10, 10);
    auto filed = fb::FilePlan(years, st, UnitOf(o.unit), y, o.unit, items);
    if (!filed.ok()) return Fail(y, std::string("plan of ") + o.unit, filed.status());
    for (size_t i = 0; i < filed->size(); ++i) {
      const store::RectificationItem& it = (*filed)[i];
      // The earlier year: everything closed. The later one: the first item
      // of each unit closed, the second open with progress (due 30 Sep, so
      // one that has not reported completion is overdue), the last unit's
      // second item still not started.
      const bool close = !recent || i == 0;
      at(next, i == 0 ? 6 : 8, 25, 16);
      const int percent = close ? 100 : (overdue_made ? 80 : 60);
      auto p = fb::ReportProgress(st, UnitOf(o.unit), y, it.id,
                                  close ? "整改措施已全部落实，相关指标已纳入月度调度。"
                                        : "专项方案已印发，正在推进，部分措施待下半年落实。",
                                  percent, {});
      if (!p.ok()) return Fail(y, "progress", p.status());
      if (close) {
        at(next, i == 0 ? 7 : 10, 10, 10);
        auto c = fb::CloseItem(st, admin, y, it.id, "经现场核查，整改到位，同意销号。");
        if (!c.ok()) return Fail(y, "close item", c.status());
      } else if (!overdue_made) {
        overdue_made = true;  // 60 % by its deadline: the overdue one
      } else {
        // Given more time: the deadline moved to the year's end.
        auto e = fb::EditItem(st, UnitOf(o.unit), y, it.id,
                              {std::nullopt, std::nullopt, ns + "-12-31", std::nullopt});
        if (!e.ok()) return Fail(y, "edit item", e.status());
      }
    }
  }
  return Status::Ok();
}

}  // namespace govperf::demo
