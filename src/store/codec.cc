#include "store/codec.h"

#include <nlohmann/json.hpp>
#include <set>

#include "io/scheme_json.h"
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
              {"role", core::RoleName(u.role)},
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

std::string AdjustmentAuditJson(const core::Adjustment& a) {
  return json{{"id", a.id},
              {"unit_id", a.unit_id},
              {"kind", core::AdjustmentKindName(a.kind)},
              {"points", a.points},
              {"veto_effect", VetoEffectName(a.veto_effect)},
              {"reason_zh", a.reason_zh},
              {"reason_en", a.reason_en},
              {"evidence", a.evidence},
              {"entered_by", a.entered_by},
              {"approved_by", a.approved_by}}
      .dump();
}

std::string YearAuditJson(const YearInfo& y) {
  return json{{"year", y.year}, {"status", core::StageName(y.stage)}, {"published_at", y.published_at}}.dump();
}

// The scheme and data file formats (io/scheme_json) are canonical JSON (keys
// sorted, shortest round-trip numbers), so their text is the content.
std::string SchemeContentHash(const core::Scheme& s) {
  return Sha256Hex(io::SchemeToJson(s).dump());
}
std::string YearDataContentHash(const core::YearData& d) {
  return Sha256Hex(io::YearDataToJson(d).dump());
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
  return json{{"values", d.values.size()},         {"satisfaction", d.satisfaction.size()},
              {"leadership", d.leadership.size()}, {"adjustments", d.adjustments.size()},
              {"inputs", d.inputs.size()},         {"sha256", content_hash}}
      .dump();
}

}  // namespace govperf::store
