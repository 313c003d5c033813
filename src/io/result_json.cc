#include "io/result_json.h"

#include "io/scheme_json.h"

namespace govperf::io {

using nlohmann::json;

namespace {

// Small readers that name the path of what is wrong (a snapshot read back is
// ours, but a hand-edited database should fail with a reason, not throw).
class SnapObj {
 public:
  SnapObj(const json& j, std::string where) : j_(j), where_(std::move(where)) {}
  Status Check() const {
    if (!j_.is_object()) return Status::Invalid(where_ + ": expected an object");
    return Status::Ok();
  }
  std::string Where(const std::string& key) const { return where_ + "." + key; }
  const json* Get(const std::string& key) const {
    auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }
  Status Str(const std::string& key, std::string& out) const {
    const json* v = Get(key);
    if (!v || !v->is_string()) return Status::Invalid(Where(key) + ": expected a string");
    out = v->get<std::string>();
    return Status::Ok();
  }
  Status Num(const std::string& key, double& out) const {
    const json* v = Get(key);
    if (!v || !v->is_number()) return Status::Invalid(Where(key) + ": expected a number");
    out = v->get<double>();
    return Status::Ok();
  }
  Status OptNum(const std::string& key, std::optional<double>& out) const {
    const json* v = Get(key);
    if (v && v->is_null()) {
      out.reset();
      return Status::Ok();
    }
    double d = 0;
    GOVPERF_RETURN_IF_ERROR(Num(key, d));
    out = d;
    return Status::Ok();
  }
  Status Int(const std::string& key, int& out) const {
    const json* v = Get(key);
    if (!v || !v->is_number_integer()) return Status::Invalid(Where(key) + ": expected an integer");
    out = v->get<int>();
    return Status::Ok();
  }
  Status Bool(const std::string& key, bool& out) const {
    const json* v = Get(key);
    if (!v || !v->is_boolean()) return Status::Invalid(Where(key) + ": expected true or false");
    out = v->get<bool>();
    return Status::Ok();
  }
  Status Strings(const std::string& key, std::vector<std::string>& out) const {
    const json* v = Get(key);
    if (!v || !v->is_array()) return Status::Invalid(Where(key) + ": expected a list of strings");
    out.clear();
    for (const json& e : *v) {
      if (!e.is_string()) return Status::Invalid(Where(key) + ": expected a list of strings");
      out.push_back(e.get<std::string>());
    }
    return Status::Ok();
  }
  Status Array(const std::string& key, const json*& out) const {
    out = Get(key);
    if (!out || !out->is_array()) return Status::Invalid(Where(key) + ": expected a list");
    return Status::Ok();
  }

 private:
  const json& j_;
  std::string where_;
};

Result<core::ScoreStatus> SnapScoreStatus(const std::string& s, const std::string& where) {
  for (core::ScoreStatus st :
       {core::ScoreStatus::kScored, core::ScoreStatus::kMissing, core::ScoreStatus::kNoData}) {
    if (s == core::ScoreStatusName(st)) return st;
  }
  return Status::Invalid(where + ": unknown status '" + s + "'");
}

}  // namespace

json ResultsSnapshotJson(const core::YearResult& r, const std::string& engine_version) {
  json units = json::array();
  for (const core::UnitResult& u : r.units) units.push_back(UnitResultToJson(u, true));
  return {{"year", r.year}, {"engine_version", engine_version}, {"units", std::move(units)}};
}

std::string ResultsSnapshotText(const core::YearResult& r, const std::string& engine_version) {
  return ResultsSnapshotJson(r, engine_version).dump();
}

Result<core::UnitResult> UnitResultFromJson(const json& j, const std::string& where) {
  SnapObj o(j, where);
  GOVPERF_RETURN_IF_ERROR(o.Check());
  core::UnitResult r;
  GOVPERF_RETURN_IF_ERROR(o.Str("unit_id", r.unit_id));
  GOVPERF_RETURN_IF_ERROR(o.Str("category_id", r.category_id));
  GOVPERF_RETURN_IF_ERROR(o.Num("indicator_score", r.indicator_score));
  GOVPERF_RETURN_IF_ERROR(o.Num("satisfaction", r.satisfaction));
  GOVPERF_RETURN_IF_ERROR(o.Num("leadership", r.leadership));
  GOVPERF_RETURN_IF_ERROR(o.Num("bonus", r.bonus));
  GOVPERF_RETURN_IF_ERROR(o.Num("deduction", r.deduction));
  GOVPERF_RETURN_IF_ERROR(o.Bool("vetoed", r.vetoed));
  GOVPERF_RETURN_IF_ERROR(o.Num("total", r.total));
  GOVPERF_RETURN_IF_ERROR(o.Int("rank", r.rank));
  GOVPERF_RETURN_IF_ERROR(o.Str("grade", r.grade));
  GOVPERF_RETURN_IF_ERROR(o.Strings("grade_notes", r.grade_notes));
  GOVPERF_RETURN_IF_ERROR(o.Strings("grade_notes_zh", r.grade_notes_zh));
  GOVPERF_RETURN_IF_ERROR(o.Strings("notes", r.notes));
  GOVPERF_RETURN_IF_ERROR(o.Strings("notes_zh", r.notes_zh));
  const json* inds = nullptr;
  GOVPERF_RETURN_IF_ERROR(o.Array("indicators", inds));
  std::vector<core::IndicatorScore> scores;
  scores.reserve(inds->size());
  for (size_t i = 0; i < inds->size(); ++i) {
    SnapObj s((*inds)[i], o.Where("indicators") + "[" + std::to_string(i) + "]");
    GOVPERF_RETURN_IF_ERROR(s.Check());
    core::IndicatorScore sc;
    std::string status;
    GOVPERF_RETURN_IF_ERROR(s.Str("indicator_id", sc.indicator_id));
    GOVPERF_RETURN_IF_ERROR(s.Num("points", sc.points));
    GOVPERF_RETURN_IF_ERROR(s.Num("earned", sc.earned));
    GOVPERF_RETURN_IF_ERROR(s.Str("status", status));
    auto st = SnapScoreStatus(status, s.Where("status"));
    if (!st.ok()) return st.status();
    sc.status = *st;
    GOVPERF_RETURN_IF_ERROR(s.OptNum("target", sc.target));
    GOVPERF_RETURN_IF_ERROR(s.OptNum("actual", sc.actual));
    GOVPERF_RETURN_IF_ERROR(s.Str("method", sc.method));
    GOVPERF_RETURN_IF_ERROR(s.Str("rule", sc.rule));
    GOVPERF_RETURN_IF_ERROR(s.Str("rule_zh", sc.rule_zh));
    GOVPERF_RETURN_IF_ERROR(s.Str("entered_by", sc.entered_by));
    GOVPERF_RETURN_IF_ERROR(s.Str("approved_by", sc.approved_by));
    GOVPERF_RETURN_IF_ERROR(s.Str("period", sc.period));
    GOVPERF_RETURN_IF_ERROR(s.Bool("provisional", sc.provisional));
    scores.push_back(std::move(sc));
  }
  r.indicators = decltype(r.indicators)(scores);
  const json* adj = nullptr;
  GOVPERF_RETURN_IF_ERROR(o.Array("adjustments", adj));
  for (size_t i = 0; i < adj->size(); ++i) {
    SnapObj a((*adj)[i], o.Where("adjustments") + "[" + std::to_string(i) + "]");
    GOVPERF_RETURN_IF_ERROR(a.Check());
    core::AppliedAdjustment x;
    GOVPERF_RETURN_IF_ERROR(a.Str("id", x.id));
    GOVPERF_RETURN_IF_ERROR(a.Str("kind", x.kind));
    GOVPERF_RETURN_IF_ERROR(a.Num("points", x.points));
    GOVPERF_RETURN_IF_ERROR(a.Str("reason_zh", x.reason_zh));
    GOVPERF_RETURN_IF_ERROR(a.Str("reason_en", x.reason_en));
    GOVPERF_RETURN_IF_ERROR(a.Str("approved_by", x.approved_by));
    r.adjustments.push_back(std::move(x));
  }
  return r;
}

Result<core::YearResult> ResultsFromSnapshot(const json& j) {
  SnapObj o(j, "results");
  GOVPERF_RETURN_IF_ERROR(o.Check());
  core::YearResult r;
  GOVPERF_RETURN_IF_ERROR(o.Int("year", r.year));
  const json* units = nullptr;
  GOVPERF_RETURN_IF_ERROR(o.Array("units", units));
  for (size_t i = 0; i < units->size(); ++i) {
    auto u = UnitResultFromJson((*units)[i], "results.units[" + std::to_string(i) + "]");
    if (!u.ok()) return u.status();
    r.units.push_back(std::move(*u));
  }
  return r;
}

}  // namespace govperf::io
