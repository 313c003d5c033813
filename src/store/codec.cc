#include "store/codec.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/json_append.h"
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

std::string OrgCategoryAuditJson(const OrgCategory& c) {
  return json{{"id", c.id},
              {"name_zh", c.name_zh},
              {"name_en", c.name_en},
              {"kind", core::UnitKindName(c.kind)},
              {"retired", c.retired}}
      .dump();
}

std::string OrgUnitAuditJson(const OrgUnit& u) {
  return json{{"id", u.id},
              {"name_zh", u.name_zh},
              {"name_en", u.name_en},
              {"category_id", u.category_id},
              {"parent_id", u.parent_id},
              {"kind", core::UnitKindName(u.kind)},
              {"retired", u.retired}}
      .dump();
}

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
  return json{
      {"year", y.year}, {"status", core::StageName(y.stage)}, {"published_at", y.published_at}}
      .dump();
}

// The scheme and data file formats (io/scheme_json) are canonical JSON (keys
// sorted, shortest round-trip numbers), so their text is the content.
std::string SchemeContentHash(const core::Scheme& s) {
  return Sha256Hex(io::SchemeToJson(s).dump());
}
std::string YearDataContentHash(const core::YearData& d) {
  YearDataDigest digest;
  digest.Head(d);
  for (const core::Datum& v : d.values) digest.Value(v);
  return digest.Finish();
}

namespace {

void AppendString(std::string& out, const std::string& s) { io::AppendJsonString(out, s); }

void AppendNumber(std::string& out, double v) { out += json(v).dump(); }

// "key": with the comma before every member but the first.
void AppendKey(std::string& out, bool& first, const std::string& key) {
  if (!first) out += ',';
  first = false;
  AppendString(out, key);
  out += ':';
}

void AppendScores(std::string& out, const char* name, const std::map<std::string, double>& m) {
  out += ",\"";
  out += name;
  out += "\":{";
  bool first = true;
  for (const auto& [unit, v] : m) {
    AppendKey(out, first, unit);
    AppendNumber(out, v);
  }
  out += '}';
}

}  // namespace

// The document: {"adjustments":[…],"inputs":{…},"leadership":{…},
// "satisfaction":{…},"satisfaction_se":{…},"values":[…]} — members of every
// object in sorted key order, as nlohmann's std::map-backed objects print.
void YearDataDigest::Head(const core::YearData& d) {
  buf_ += "{\"adjustments\":[";
  bool first = true;
  for (const core::Adjustment& a : d.adjustments) {
    if (!first) buf_ += ',';
    first = false;
    buf_ += "{\"approved_by\":";
    AppendString(buf_, a.approved_by);
    buf_ += ",\"entered_by\":";
    AppendString(buf_, a.entered_by);
    buf_ += ",\"evidence\":";
    AppendString(buf_, a.evidence);
    buf_ += ",\"id\":";
    AppendString(buf_, a.id);
    buf_ += ",\"kind\":";
    AppendString(buf_, core::AdjustmentKindName(a.kind));
    buf_ += ",\"points\":";
    AppendNumber(buf_, a.points);
    buf_ += ",\"reason_en\":";
    AppendString(buf_, a.reason_en);
    buf_ += ",\"reason_zh\":";
    AppendString(buf_, a.reason_zh);
    buf_ += ",\"unit_id\":";
    AppendString(buf_, a.unit_id);
    buf_ += ",\"veto_effect\":";
    AppendString(buf_, VetoEffectName(a.veto_effect));
    buf_ += '}';
  }
  buf_ += "],\"inputs\":{";
  first = true;
  for (const auto& [unit, named] : d.inputs) {
    AppendKey(buf_, first, unit);
    buf_ += '{';
    bool inner = true;
    for (const auto& [name, v] : named) {
      AppendKey(buf_, inner, name);
      AppendNumber(buf_, v);
    }
    buf_ += '}';
  }
  buf_ += '}';
  AppendScores(buf_, "leadership", d.leadership);
  AppendScores(buf_, "satisfaction", d.satisfaction);
  AppendScores(buf_, "satisfaction_se", d.satisfaction_se);
  buf_ += ",\"values\":[";
  counts_.satisfaction = d.satisfaction.size();
  counts_.leadership = d.leadership.size();
  counts_.adjustments = d.adjustments.size();
  counts_.inputs = d.inputs.size();
  Flush();
}

void YearDataDigest::Value(const core::Datum& v) {
  if (!first_value_) buf_ += ',';
  first_value_ = false;
  buf_ += "{\"approved_by\":";
  AppendString(buf_, v.approved_by);
  buf_ += ",\"entered_by\":";
  AppendString(buf_, v.entered_by);
  buf_ += ",\"indicator_id\":";
  AppendString(buf_, v.indicator_id);
  buf_ += v.no_data ? ",\"no_data\":true" : ",\"no_data\":false";
  buf_ += ",\"note\":";
  AppendString(buf_, v.note);
  buf_ += ",\"period\":";
  AppendString(buf_, v.period);
  buf_ += ",\"unit_id\":";
  AppendString(buf_, v.unit_id);
  buf_ += ",\"value\":";
  if (v.value) {
    AppendNumber(buf_, *v.value);
  } else {
    buf_ += "null";
  }
  buf_ += '}';
  ++counts_.values;
  constexpr size_t kFlushAt = 64 * 1024;
  if (buf_.size() >= kFlushAt) Flush();
}

std::string YearDataDigest::Finish() {
  buf_ += "]}";
  Flush();
  return sha_.HexDigest();
}

void YearDataDigest::Flush() {
  sha_.Update(buf_);
  buf_.clear();
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
  YearDataDigest::Counts c;
  c.values = d.values.size();
  c.satisfaction = d.satisfaction.size();
  c.leadership = d.leadership.size();
  c.adjustments = d.adjustments.size();
  c.inputs = d.inputs.size();
  return YearDataSummaryJson(c, content_hash);
}

std::string YearDataSummaryJson(const YearDataDigest::Counts& c, const std::string& content_hash) {
  return json{{"values", c.values},         {"satisfaction", c.satisfaction},
              {"leadership", c.leadership}, {"adjustments", c.adjustments},
              {"inputs", c.inputs},         {"sha256", content_hash}}
      .dump();
}

}  // namespace govperf::store

namespace govperf::store {

std::string CertificateText(const Publication& p) {
  // Keys sorted by nlohmann's object map; integers and strings only, so the
  // text is the same on every platform.
  nlohmann::json j = {{"year", p.year},
                      {"published_at", p.at},
                      {"actor", p.actor},
                      {"data_version", p.data_version},
                      {"data_sha256", p.data_sha256},
                      {"previous_data_sha256", p.previous_data_sha256},
                      {"scheme_sha256", p.scheme_sha256},
                      {"scheme_version", p.scheme_version},
                      {"engine_version", p.engine_version},
                      {"results_sha256", p.results_sha256},
                      {"audit_head_id", p.audit_head_id},
                      {"audit_head_hash", p.audit_head_hash}};
  return j.dump();
}

std::string CertificateHash(const Publication& p) { return Sha256Hex(CertificateText(p)); }

}  // namespace govperf::store
