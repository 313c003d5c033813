#include "io/scheme_json.h"

#include <climits>
#include <cmath>
#include <set>
#include <tuple>

#include "core/period.h"
#include "io/json_obj.h"
#include "io/json_parse.h"

namespace govperf::io {
namespace {

using nlohmann::json;

Status ParseCategory(const Obj& o, core::Category& c) {
  GOVPERF_RETURN_IF_ERROR(o.Str("id", c.id, true));
  GOVPERF_RETURN_IF_ERROR(o.Str("name_zh", c.name_zh));
  GOVPERF_RETURN_IF_ERROR(o.Str("name_en", c.name_en));
  std::string kind = "department";
  GOVPERF_RETURN_IF_ERROR(o.Str("kind", kind));
  auto k = core::ParseUnitKind(kind);
  if (!k) return Status::Invalid(o.Where("kind") + ": expected district, department or stationed");
  c.kind = *k;
  if (o.Has("weights")) {
    Obj w(o.At("weights"), o.Where("weights"));
    GOVPERF_RETURN_IF_ERROR(w.CheckObject());
    GOVPERF_RETURN_IF_ERROR(w.Num("indicator", c.weights.indicator, true));
    GOVPERF_RETURN_IF_ERROR(w.Num("satisfaction", c.weights.satisfaction, true));
    GOVPERF_RETURN_IF_ERROR(w.Num("leadership", c.weights.leadership, true));
  }
  GOVPERF_RETURN_IF_ERROR(o.Each("grades", true, [&](const Obj& g) {
    core::GradeLevel lv;
    GOVPERF_RETURN_IF_ERROR(g.Str("code", lv.code, true));
    GOVPERF_RETURN_IF_ERROR(g.Str("name_zh", lv.name_zh));
    GOVPERF_RETURN_IF_ERROR(g.Str("name_en", lv.name_en));
    GOVPERF_RETURN_IF_ERROR(g.Num("min_score", lv.min_score, true));
    if (g.Has("max_share")) {
      double share = 0;
      GOVPERF_RETURN_IF_ERROR(g.Num("max_share", share));
      lv.max_share = share;
    }
    c.grades.push_back(std::move(lv));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(o.Num("bonus_cap", c.bonus_cap));
  GOVPERF_RETURN_IF_ERROR(o.Num("deduction_cap", c.deduction_cap));
  return Status::Ok();
}

Status ParseIndicator(const Obj& o, core::Indicator& ind) {
  GOVPERF_RETURN_IF_ERROR(o.Str("id", ind.id, true));
  GOVPERF_RETURN_IF_ERROR(o.Str("parent_id", ind.parent_id));
  GOVPERF_RETURN_IF_ERROR(o.Int("level", ind.level, true));
  GOVPERF_RETURN_IF_ERROR(o.Str("name_zh", ind.name_zh));
  GOVPERF_RETURN_IF_ERROR(o.Str("name_en", ind.name_en));
  GOVPERF_RETURN_IF_ERROR(o.Num("points", ind.points));
  int dir = 1;
  GOVPERF_RETURN_IF_ERROR(o.Int("direction", dir));
  if (dir != 1 && dir != -1) return Status::Invalid(o.Where("direction") + ": expected 1 or -1");
  ind.direction = dir == 1 ? core::Direction::kHigherBetter : core::Direction::kLowerBetter;
  GOVPERF_RETURN_IF_ERROR(o.Str("unit_of_measure", ind.unit_of_measure));
  GOVPERF_RETURN_IF_ERROR(o.Str("method", ind.method));
  GOVPERF_RETURN_IF_ERROR(o.Str("formula", ind.formula));
  GOVPERF_RETURN_IF_ERROR(o.NumMap("params", ind.params));
  GOVPERF_RETURN_IF_ERROR(o.Str("lead_unit_id", ind.lead_unit_id));
  std::string type = "outcome";
  GOVPERF_RETURN_IF_ERROR(o.Str("type", type));
  auto t = core::ParseIndicatorType(type);
  if (!t) return Status::Invalid(o.Where("type") + ": expected outcome, output or process");
  ind.type = *t;
  GOVPERF_RETURN_IF_ERROR(o.Strings("orientations", ind.orientations));
  GOVPERF_RETURN_IF_ERROR(o.Strings("category_ids", ind.category_ids));
  GOVPERF_RETURN_IF_ERROR(o.Strings("unit_ids", ind.unit_ids));
  GOVPERF_RETURN_IF_ERROR(o.Bool("cumulative", ind.cumulative));
  GOVPERF_RETURN_IF_ERROR(o.Str("content", ind.content));
  GOVPERF_RETURN_IF_ERROR(o.Str("criteria", ind.criteria));
  GOVPERF_RETURN_IF_ERROR(o.Str("data_source", ind.data_source));
  GOVPERF_RETURN_IF_ERROR(o.Str("frequency", ind.frequency));
  GOVPERF_RETURN_IF_ERROR(o.Str("evidence_rules", ind.evidence_rules));
  GOVPERF_RETURN_IF_ERROR(o.Num("measurement_error", ind.measurement_error));
  if (ind.measurement_error < 0) {
    return Status::Invalid(o.Where("measurement_error") + ": must not be negative");
  }
  return Status::Ok();
}

}  // namespace

Result<json> ParseJson(const std::string& text, const std::string& what) {
  return ParseJsonText(text, what);
}

Result<core::Scheme> SchemeFromJson(const json& j) {
  Obj root(j, "");
  GOVPERF_RETURN_IF_ERROR(root.CheckObject());
  core::Scheme s;
  int version = kSchemeFormatVersion;
  GOVPERF_RETURN_IF_ERROR(root.Int("version", version));
  if (version != kSchemeFormatVersion) {
    return Status::Invalid("version: unsupported scheme format version " + std::to_string(version));
  }
  GOVPERF_RETURN_IF_ERROR(root.Int("year", s.year, true));
  GOVPERF_RETURN_IF_ERROR(root.Each("categories", true, [&](const Obj& o) {
    core::Category c;
    GOVPERF_RETURN_IF_ERROR(ParseCategory(o, c));
    s.categories.push_back(std::move(c));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(root.Each("units", true, [&](const Obj& o) {
    core::Unit u;
    GOVPERF_RETURN_IF_ERROR(o.Str("id", u.id, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("name_zh", u.name_zh));
    GOVPERF_RETURN_IF_ERROR(o.Str("name_en", u.name_en));
    GOVPERF_RETURN_IF_ERROR(o.Str("category_id", u.category_id, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("parent_id", u.parent_id));
    std::string kind = "department";
    GOVPERF_RETURN_IF_ERROR(o.Str("kind", kind));
    auto k = core::ParseUnitKind(kind);
    if (!k)
      return Status::Invalid(o.Where("kind") + ": expected district, department or stationed");
    u.kind = *k;
    s.units.push_back(std::move(u));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(root.Each("indicators", true, [&](const Obj& o) {
    core::Indicator ind;
    GOVPERF_RETURN_IF_ERROR(ParseIndicator(o, ind));
    s.indicators.push_back(std::move(ind));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(root.Each("targets", false, [&](const Obj& o) {
    std::string ind, unit;
    double v = 0;
    GOVPERF_RETURN_IF_ERROR(o.Str("indicator_id", ind, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("unit_id", unit, true));
    GOVPERF_RETURN_IF_ERROR(o.Num("value", v, true));
    if (!s.targets.emplace(core::UnitIndicatorKey{ind, unit}, v).second) {
      return Status::Invalid(o.Where() + ": duplicate target for (" + ind + ", " + unit + ")");
    }
    return Status::Ok();
  }));
  return s;
}

json IndicatorToJson(const core::Indicator& i) {
  json j = {{"id", i.id},
            {"parent_id", i.parent_id},
            {"level", i.level},
            {"name_zh", i.name_zh},
            {"name_en", i.name_en},
            {"points", i.points},
            {"direction", static_cast<int>(i.direction)},
            {"unit_of_measure", i.unit_of_measure},
            {"method", i.method},
            {"formula", i.formula},
            {"params", i.params},
            {"lead_unit_id", i.lead_unit_id},
            {"type", core::IndicatorTypeName(i.type)},
            {"orientations", i.orientations},
            {"category_ids", i.category_ids},
            {"unit_ids", i.unit_ids},
            {"cumulative", i.cumulative},
            {"measurement_error", i.measurement_error}};
  // Setting fields only when set: files of schemes without them stay as they were.
  if (!i.content.empty()) j["content"] = i.content;
  if (!i.criteria.empty()) j["criteria"] = i.criteria;
  if (!i.data_source.empty()) j["data_source"] = i.data_source;
  if (!i.frequency.empty()) j["frequency"] = i.frequency;
  if (!i.evidence_rules.empty()) j["evidence_rules"] = i.evidence_rules;
  return j;
}

json SchemeToJson(const core::Scheme& s) {
  json j = {{"format", "govperf-scheme"}, {"version", kSchemeFormatVersion}, {"year", s.year}};
  json cats = json::array();
  for (const auto& c : s.categories) {
    json grades = json::array();
    for (const auto& g : c.grades) {
      json gj = {{"code", g.code},
                 {"name_zh", g.name_zh},
                 {"name_en", g.name_en},
                 {"min_score", g.min_score}};
      if (g.max_share) gj["max_share"] = *g.max_share;
      grades.push_back(std::move(gj));
    }
    cats.push_back({{"id", c.id},
                    {"name_zh", c.name_zh},
                    {"name_en", c.name_en},
                    {"kind", core::UnitKindName(c.kind)},
                    {"weights",
                     {{"indicator", c.weights.indicator},
                      {"satisfaction", c.weights.satisfaction},
                      {"leadership", c.weights.leadership}}},
                    {"grades", grades},
                    {"bonus_cap", c.bonus_cap},
                    {"deduction_cap", c.deduction_cap}});
  }
  j["categories"] = cats;
  json units = json::array();
  for (const auto& u : s.units) {
    units.push_back({{"id", u.id},
                     {"name_zh", u.name_zh},
                     {"name_en", u.name_en},
                     {"category_id", u.category_id},
                     {"parent_id", u.parent_id},
                     {"kind", core::UnitKindName(u.kind)}});
  }
  j["units"] = units;
  json inds = json::array();
  for (const auto& i : s.indicators) {
    inds.push_back(IndicatorToJson(i));
  }
  j["indicators"] = inds;
  json targets = json::array();
  for (const auto& [k, v] : s.targets) {
    targets.push_back({{"indicator_id", k.first}, {"unit_id", k.second}, {"value", v}});
  }
  j["targets"] = targets;
  return j;
}

Result<core::YearData> YearDataFromJson(const json& j) {
  Obj root(j, "");
  GOVPERF_RETURN_IF_ERROR(root.CheckObject());
  core::YearData d;
  // (indicator, unit, period) → where it was first given.
  std::map<std::tuple<std::string, std::string, std::string>, std::string> seen;
  GOVPERF_RETURN_IF_ERROR(root.Each("values", false, [&](const Obj& o) {
    core::Datum v;
    GOVPERF_RETURN_IF_ERROR(o.Str("indicator_id", v.indicator_id, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("unit_id", v.unit_id, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("period", v.period, true));
    // The syntax here; whether the period belongs to the year is checked
    // where the year is known (core::Evaluate, the store).
    if (auto p = core::ParsePeriodSyntax(v.period); !p.ok()) {
      return Status::Invalid(o.Where("period") + ": " + p.status().message());
    }
    auto [first, added] = seen.emplace(std::tuple{v.indicator_id, v.unit_id, v.period}, o.Where());
    if (!added) {
      return Status::Invalid(o.Where() + ": duplicate of " + first->second +
                             " (same indicator_id " + v.indicator_id + ", unit_id " + v.unit_id +
                             ", period " + v.period + ")");
    }
    if (o.Has("value")) {
      double x = 0;
      GOVPERF_RETURN_IF_ERROR(o.Num("value", x));
      v.value = x;
    }
    GOVPERF_RETURN_IF_ERROR(o.Bool("no_data", v.no_data));
    GOVPERF_RETURN_IF_ERROR(o.Str("entered_by", v.entered_by));
    GOVPERF_RETURN_IF_ERROR(o.Str("approved_by", v.approved_by));
    GOVPERF_RETURN_IF_ERROR(o.Str("note", v.note));
    d.values.push_back(std::move(v));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(root.NumMap("satisfaction", d.satisfaction));
  GOVPERF_RETURN_IF_ERROR(root.NumMap("leadership", d.leadership));
  GOVPERF_RETURN_IF_ERROR(root.NumMap("satisfaction_se", d.satisfaction_se));
  if (root.Has("inputs")) {
    const json& in = root.At("inputs");
    if (!in.is_object())
      return Status::Invalid("inputs: expected an object of unit → {name: value}");
    for (const auto& [unit, named] : in.items()) {
      Obj u(named, "inputs." + unit);
      GOVPERF_RETURN_IF_ERROR(u.CheckObject());
      for (const auto& [name, v] : named.items()) {
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0) {
          return Status::Invalid("inputs." + unit + "." + name +
                                 ": expected a non-negative number");
        }
        d.inputs[unit][name] = v.get<double>();
      }
    }
  }
  GOVPERF_RETURN_IF_ERROR(root.Each("adjustments", false, [&](const Obj& o) {
    core::Adjustment a;
    GOVPERF_RETURN_IF_ERROR(o.Str("id", a.id, true));
    GOVPERF_RETURN_IF_ERROR(o.Str("unit_id", a.unit_id, true));
    std::string kind;
    GOVPERF_RETURN_IF_ERROR(o.Str("kind", kind, true));
    auto k = core::ParseAdjustmentKind(kind);
    if (!k) return Status::Invalid(o.Where("kind") + ": expected bonus, deduction or veto");
    a.kind = *k;
    GOVPERF_RETURN_IF_ERROR(o.Num("points", a.points, a.kind != core::AdjustmentKind::kVeto));
    if (a.points < 0) return Status::Invalid(o.Where("points") + ": must not be negative");
    std::string effect = "cap_qualified";
    GOVPERF_RETURN_IF_ERROR(o.Str("veto_effect", effect));
    if (effect == "cap_qualified") {
      a.veto_effect = core::VetoEffect::kCapQualified;
    } else if (effect == "fix_lowest") {
      a.veto_effect = core::VetoEffect::kFixLowest;
    } else {
      return Status::Invalid(o.Where("veto_effect") + ": expected cap_qualified or fix_lowest");
    }
    GOVPERF_RETURN_IF_ERROR(o.Str("reason_zh", a.reason_zh));
    GOVPERF_RETURN_IF_ERROR(o.Str("reason_en", a.reason_en));
    GOVPERF_RETURN_IF_ERROR(o.Str("evidence", a.evidence));
    GOVPERF_RETURN_IF_ERROR(o.Str("entered_by", a.entered_by));
    GOVPERF_RETURN_IF_ERROR(o.Str("approved_by", a.approved_by));
    d.adjustments.push_back(std::move(a));
    return Status::Ok();
  }));
  return d;
}

json YearDataToJson(const core::YearData& d) {
  json values = json::array();
  for (const auto& v : d.values) {
    json vj = {{"indicator_id", v.indicator_id},
               {"unit_id", v.unit_id},
               {"period", v.period},
               {"value", v.value ? json(*v.value) : json(nullptr)},
               {"no_data", v.no_data},
               {"entered_by", v.entered_by},
               {"approved_by", v.approved_by},
               {"note", v.note}};
    values.push_back(std::move(vj));
  }
  json adj = json::array();
  for (const auto& a : d.adjustments) {
    adj.push_back({{"id", a.id},
                   {"unit_id", a.unit_id},
                   {"kind", core::AdjustmentKindName(a.kind)},
                   {"points", a.points},
                   {"veto_effect",
                    a.veto_effect == core::VetoEffect::kFixLowest ? "fix_lowest" : "cap_qualified"},
                   {"reason_zh", a.reason_zh},
                   {"reason_en", a.reason_en},
                   {"evidence", a.evidence},
                   {"entered_by", a.entered_by},
                   {"approved_by", a.approved_by}});
  }
  return {{"values", values},           {"satisfaction", d.satisfaction},
          {"leadership", d.leadership}, {"satisfaction_se", d.satisfaction_se},
          {"inputs", d.inputs},         {"adjustments", adj}};
}

json UnitResultToJson(const core::UnitResult& r, bool with_trace) {
  json j = {{"unit_id", r.unit_id},
            {"category_id", r.category_id},
            {"indicator_score", r.indicator_score},
            {"satisfaction", r.satisfaction},
            {"leadership", r.leadership},
            {"bonus", r.bonus},
            {"deduction", r.deduction},
            {"vetoed", r.vetoed},
            {"total", r.total},
            {"rank", r.rank},
            {"grade", r.grade},
            {"grade_notes", r.grade_notes},
            {"grade_notes_zh", r.grade_notes_zh},
            {"notes", r.notes},
            {"notes_zh", r.notes_zh}};
  if (!with_trace) return j;
  json inds = json::array();
  for (const auto& s : r.indicators) {
    inds.push_back({{"indicator_id", s.indicator_id},
                    {"points", s.points},
                    {"earned", s.earned},
                    {"lost", s.lost()},
                    {"status", core::ScoreStatusName(s.status)},
                    {"target", s.target ? json(*s.target) : json(nullptr)},
                    {"actual", s.actual ? json(*s.actual) : json(nullptr)},
                    {"method", s.method},
                    {"rule", s.rule},
                    {"rule_zh", s.rule_zh},
                    {"entered_by", s.entered_by},
                    {"approved_by", s.approved_by},
                    {"period", s.period},
                    {"provisional", s.provisional}});
  }
  j["indicators"] = inds;
  json adj = json::array();
  for (const auto& a : r.adjustments) {
    adj.push_back({{"id", a.id},
                   {"kind", a.kind},
                   {"points", a.points},
                   {"reason_zh", a.reason_zh},
                   {"reason_en", a.reason_en},
                   {"approved_by", a.approved_by}});
  }
  j["adjustments"] = adj;
  return j;
}

}  // namespace govperf::io
