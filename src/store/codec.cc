#include "store/codec.h"

#include <nlohmann/json.hpp>
#include <set>

#include "store/password.h"

namespace govperf::store {
namespace {

using nlohmann::json;

json OptNum(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json DatumJson(const core::Datum& d) {
  return json{
      {"indicator_id", d.indicator_id}, {"unit_id", d.unit_id}, {"period", d.period},
      {"value", OptNum(d.value)},       {"no_data", d.no_data}, {"entered_by", d.entered_by},
      {"approved_by", d.approved_by},   {"note", d.note}};
}

json SchemeJson(const core::Scheme& s) {
  json cats = json::array();
  for (const auto& c : s.categories) {
    json grades = json::array();
    for (const auto& g : c.grades) {
      grades.push_back({{"code", g.code},
                        {"name_zh", g.name_zh},
                        {"name_en", g.name_en},
                        {"min_score", g.min_score},
                        {"max_share", OptNum(g.max_share)}});
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
  json units = json::array();
  for (const auto& u : s.units) {
    units.push_back({{"id", u.id},
                     {"name_zh", u.name_zh},
                     {"name_en", u.name_en},
                     {"category_id", u.category_id},
                     {"parent_id", u.parent_id},
                     {"kind", core::UnitKindName(u.kind)}});
  }
  json inds = json::array();
  for (const auto& i : s.indicators) {
    inds.push_back({{"id", i.id},
                    {"parent_id", i.parent_id},
                    {"level", i.level},
                    {"name_zh", i.name_zh},
                    {"name_en", i.name_en},
                    {"points", i.points},
                    {"direction", static_cast<int>(i.direction)},
                    {"unit_of_measure", i.unit_of_measure},
                    {"method", i.method},
                    {"params", i.params},
                    {"lead_unit_id", i.lead_unit_id},
                    {"type", core::IndicatorTypeName(i.type)},
                    {"orientations", i.orientations},
                    {"category_ids", i.category_ids},
                    {"unit_ids", i.unit_ids},
                    {"cumulative", i.cumulative},
                    {"measurement_error", i.measurement_error},
                    {"formula", i.formula}});
  }
  json targets = json::array();
  for (const auto& [key, v] : s.targets) targets.push_back({key.first, key.second, v});
  return json{{"year", s.year},
              {"categories", cats},
              {"units", units},
              {"indicators", inds},
              {"targets", targets}};
}

json YearDataJson(const core::YearData& d) {
  json values = json::array();
  for (const auto& v : d.values) values.push_back(DatumJson(v));
  json adjs = json::array();
  for (const auto& a : d.adjustments) {
    adjs.push_back({{"id", a.id},
                    {"unit_id", a.unit_id},
                    {"kind", core::AdjustmentKindName(a.kind)},
                    {"points", a.points},
                    {"veto_effect", VetoEffectName(a.veto_effect)},
                    {"reason_zh", a.reason_zh},
                    {"reason_en", a.reason_en},
                    {"evidence", a.evidence},
                    {"entered_by", a.entered_by},
                    {"approved_by", a.approved_by}});
  }
  return json{{"values", values},
              {"satisfaction", d.satisfaction},
              {"leadership", d.leadership},
              {"satisfaction_se", d.satisfaction_se},
              {"inputs", d.inputs},
              {"adjustments", adjs}};
}

}  // namespace

const char* VetoEffectName(core::VetoEffect e) {
  return e == core::VetoEffect::kFixLowest ? "fix_lowest" : "cap_qualified";
}

std::optional<core::VetoEffect> ParseVetoEffect(const std::string& s) {
  if (s == "cap_qualified") return core::VetoEffect::kCapQualified;
  if (s == "fix_lowest") return core::VetoEffect::kFixLowest;
  return std::nullopt;
}

std::string UserAuditJson(const User& u) {
  return json{{"username", u.username},
              {"display_name", u.display_name},
              {"role", u.role},
              {"unit_id", u.unit_id},
              {"active", u.active}}
      .dump();
}

std::string UserAuditJson(const User& u, bool password_changed) {
  json j = json::parse(UserAuditJson(u));
  j["password_changed"] = password_changed;
  return j.dump();
}

std::string DatumAuditJson(const core::Datum& d) { return DatumJson(d).dump(); }

std::string YearAuditJson(const YearInfo& y) {
  return json{{"year", y.year}, {"status", y.status}, {"published_at", y.published_at}}.dump();
}

std::string SchemeContentHash(const core::Scheme& s) { return Sha256Hex(SchemeJson(s).dump()); }
std::string YearDataContentHash(const core::YearData& d) {
  return Sha256Hex(YearDataJson(d).dump());
}

std::string SchemeSummaryJson(const core::Scheme& s, const std::string& content_hash) {
  std::set<std::string> parents;
  for (const auto& i : s.indicators) parents.insert(i.parent_id);
  int leaves = 0;
  for (const auto& i : s.indicators) leaves += parents.count(i.id) == 0 ? 1 : 0;
  return json{{"year", s.year},          {"categories", s.categories.size()},
              {"units", s.units.size()}, {"indicators", s.indicators.size()},
              {"leaves", leaves},        {"targets", s.targets.size()},
              {"sha256", content_hash}}
      .dump();
}

std::string YearDataSummaryJson(const core::YearData& d, const std::string& content_hash) {
  return json{{"values", d.values.size()},
              {"satisfaction", d.satisfaction.size()},
              {"leadership", d.leadership.size()},
              {"adjustments", d.adjustments.size()},
              {"inputs", d.inputs.size()},
              {"sha256", content_hash}}
      .dump();
}

}  // namespace govperf::store
