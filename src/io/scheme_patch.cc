#include "io/scheme_patch.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <vector>

#include "core/evaluate.h"
#include "core/scoring/registry.h"

namespace govperf::io {
namespace {

using nlohmann::json;

// One change object with its path ("changes[2]"), so every error names its field.
class Change {
 public:
  Change(const json& j, std::string path) : j_(j), path_(std::move(path)) {}

  std::string Where(const std::string& key = "") const {
    return key.empty() ? path_ : path_ + "." + key;
  }
  Status Error(const std::string& key, const std::string& message) const {
    return Status::Invalid(Where(key) + ": " + message);
  }
  bool Has(const std::string& key) const { return j_.contains(key); }
  bool IsNull(const std::string& key) const { return Has(key) && j_.at(key).is_null(); }
  const json& At(const std::string& key) const { return j_.at(key); }

  // Rejects keys the op does not know (a typo must not be silently ignored).
  Status OnlyKeys(const std::set<std::string>& allowed) const {
    for (const auto& [key, value] : j_.items()) {
      if (key != "op" && !allowed.count(key)) {
        return Error(key, "unknown field for op '" + j_.at("op").get<std::string>() + "'");
      }
    }
    return Status::Ok();
  }
  Status Str(const std::string& key, std::string& out) const {
    if (!Has(key) || j_.at(key).is_null()) return Error(key, "required");
    if (!j_.at(key).is_string()) return Error(key, "expected a string");
    out = j_.at(key).get<std::string>();
    if (out.empty()) return Error(key, "must not be empty");
    return Status::Ok();
  }
  // A finite number in [min, max]; absent/null → nullopt (or "required").
  Status Num(const std::string& key, std::optional<double>& out, bool required, double min,
             double max = INFINITY) const {
    out.reset();
    if (!Has(key) || j_.at(key).is_null()) {
      return required ? Error(key, "required") : Status::Ok();
    }
    if (!j_.at(key).is_number()) return Error(key, "expected a number");
    const double v = j_.at(key).get<double>();
    if (!std::isfinite(v)) return Error(key, "not finite");
    if (v < min || v > max) {
      return Error(key, "must be within " + Bound(min) + ".." + Bound(max) + ", got " + Bound(v));
    }
    out = v;
    return Status::Ok();
  }

 private:
  static std::string Bound(double v) {
    if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  const json& j_;
  std::string path_;
};

core::Category* FindCategory(core::Scheme& s, const std::string& id) {
  for (auto& c : s.categories) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// A leaf (an indicator without children): only leaves have points and methods.
Result<core::Indicator*> FindLeaf(core::Scheme& s, const Change& ch) {
  std::string id;
  GOVPERF_RETURN_IF_ERROR(ch.Str("indicator_id", id));
  core::Indicator* found = nullptr;
  for (auto& ind : s.indicators) {
    if (ind.id == id) found = &ind;
  }
  if (!found) return ch.Error("indicator_id", "no indicator '" + id + "' in the scheme");
  for (const auto& ind : s.indicators) {
    if (ind.parent_id == id) {
      return ch.Error("indicator_id", "indicator '" + id + "' is not a leaf (it has children)");
    }
  }
  return found;
}

Result<core::Category*> FindCategoryOf(core::Scheme& s, const Change& ch) {
  std::string id;
  GOVPERF_RETURN_IF_ERROR(ch.Str("category_id", id));
  core::Category* c = FindCategory(s, id);
  if (!c) return ch.Error("category_id", "no category '" + id + "' in the scheme");
  return c;
}

// Applies one change; `blame` is set to the field a later validation failure
// of the scheme is attributed to.
Status ApplyOne(core::Scheme& s, const Change& ch, const std::string& op, std::string* blame) {
  if (op == "weights") {
    GOVPERF_RETURN_IF_ERROR(
        ch.OnlyKeys({"category_id", "indicator", "satisfaction", "leadership"}));
    auto c = FindCategoryOf(s, ch);
    if (!c.ok()) return c.status();
    std::optional<double> ind, sat, lead;
    GOVPERF_RETURN_IF_ERROR(ch.Num("indicator", ind, true, 0, 1));
    GOVPERF_RETURN_IF_ERROR(ch.Num("satisfaction", sat, true, 0, 1));
    GOVPERF_RETURN_IF_ERROR(ch.Num("leadership", lead, true, 0, 1));
    (*c)->weights = {*ind, *sat, *lead};
    *blame = ch.Where();  // the sum: no single field is to blame
    return Status::Ok();
  }
  if (op == "points") {
    GOVPERF_RETURN_IF_ERROR(ch.OnlyKeys({"indicator_id", "points"}));
    auto leaf = FindLeaf(s, ch);
    if (!leaf.ok()) return leaf.status();
    std::optional<double> points;
    GOVPERF_RETURN_IF_ERROR(ch.Num("points", points, true, 0));
    if (*points <= 0) return ch.Error("points", "must be positive");
    (*leaf)->points = *points;
    *blame = ch.Where("points");
    return Status::Ok();
  }
  if (op == "method") {
    GOVPERF_RETURN_IF_ERROR(ch.OnlyKeys({"indicator_id", "method", "params"}));
    auto leaf = FindLeaf(s, ch);
    if (!leaf.ok()) return leaf.status();
    std::string method;
    GOVPERF_RETURN_IF_ERROR(ch.Str("method", method));
    const core::scoring::MethodSpec* spec = core::scoring::FindMethod(method);
    if (!spec) {
      std::string known;
      for (const auto& m : core::scoring::Methods()) {
        known += (known.empty() ? "" : ", ") + std::string(m.name);
      }
      return ch.Error("method", "unknown method '" + method + "' (known: " + known + ")");
    }
    std::map<std::string, double> params;
    if (ch.Has("params") && !ch.IsNull("params")) {
      const json& p = ch.At("params");
      if (!p.is_object()) return ch.Error("params", "expected an object of numbers");
      for (const auto& [name, value] : p.items()) {
        const bool known = std::any_of(spec->params.begin(), spec->params.end(),
                                       [&](const auto& ps) { return name == ps.name; });
        if (!known) {
          return ch.Error("params." + name,
                          "method " + method + " has no parameter '" + name + "'");
        }
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
          return ch.Error("params." + name, "expected a finite number");
        }
        params[name] = value.get<double>();
      }
    }
    (*leaf)->method = method;
    (*leaf)->params = std::move(params);
    *blame = ch.Where("method");
    return Status::Ok();
  }
  if (op == "grade") {
    GOVPERF_RETURN_IF_ERROR(ch.OnlyKeys({"category_id", "code", "min_score", "max_share"}));
    auto c = FindCategoryOf(s, ch);
    if (!c.ok()) return c.status();
    std::string code;
    GOVPERF_RETURN_IF_ERROR(ch.Str("code", code));
    core::GradeLevel* level = nullptr;
    for (auto& g : (*c)->grades) {
      if (g.code == code) level = &g;
    }
    if (!level) {
      return ch.Error("code", "category " + (*c)->id + " has no grade level '" + code + "'");
    }
    if (!ch.Has("min_score") && !ch.Has("max_share")) {
      return ch.Error("min_score", "required (or max_share): nothing to change");
    }
    std::optional<double> min_score, max_share;
    GOVPERF_RETURN_IF_ERROR(ch.Num("min_score", min_score, false, 0));
    GOVPERF_RETURN_IF_ERROR(ch.Num("max_share", max_share, false, 0, 1));
    if (min_score) level->min_score = *min_score;
    if (ch.Has("max_share")) level->max_share = max_share;  // null removes the quota
    *blame = ch.Where(min_score ? "min_score" : "max_share");
    return Status::Ok();
  }
  if (op == "caps") {
    GOVPERF_RETURN_IF_ERROR(ch.OnlyKeys({"category_id", "bonus_cap", "deduction_cap"}));
    auto c = FindCategoryOf(s, ch);
    if (!c.ok()) return c.status();
    std::optional<double> bonus, deduction;
    GOVPERF_RETURN_IF_ERROR(ch.Num("bonus_cap", bonus, false, 0));
    GOVPERF_RETURN_IF_ERROR(ch.Num("deduction_cap", deduction, false, 0));
    if (!bonus && !deduction) {
      return ch.Error("bonus_cap", "required (or deduction_cap): nothing to change");
    }
    if (bonus) (*c)->bonus_cap = *bonus;
    if (deduction) (*c)->deduction_cap = *deduction;
    *blame = ch.Where();
    return Status::Ok();
  }
  return ch.Error("op",
                  "unknown op '" + op + "' (expected weights, points, method, grade or caps)");
}

}  // namespace

Result<core::Scheme> ApplySchemeChanges(core::Scheme scheme, const json& changes) {
  if (!changes.is_array()) return Status::Invalid("changes: expected an array of changes");
  if (Status st = core::ValidateScheme(scheme); !st.ok()) {
    return Status::Invalid("changes: the scheme itself is invalid: " + st.message());
  }
  for (size_t i = 0; i < changes.size(); ++i) {
    const Change ch(changes[i], "changes[" + std::to_string(i) + "]");
    if (!changes[i].is_object()) return ch.Error("", "expected an object");
    std::string op;
    GOVPERF_RETURN_IF_ERROR(ch.Str("op", op));
    std::string blame = ch.Where();
    GOVPERF_RETURN_IF_ERROR(ApplyOne(scheme, ch, op, &blame));
    if (Status st = core::ValidateScheme(scheme); !st.ok()) {
      return Status::Invalid(blame + ": the changed scheme is invalid: " + st.message());
    }
  }
  return scheme;
}

std::string FieldOfMessage(const std::string& message) {
  const size_t colon = message.find(": ");
  if (colon == std::string::npos || colon == 0) return "";
  std::string field = message.substr(0, colon);
  // Row labels go: "indicators[7] (1.2.3)" → "indicators[7]",
  // "categories[0] (C1).grades[1]" → "categories[0].grades[1]".
  for (size_t open = field.find(" ("); open != std::string::npos; open = field.find(" (")) {
    const size_t close = field.find(')', open);
    if (close == std::string::npos) return "";
    field.erase(open, close - open + 1);
  }
  if (field.find(' ') != std::string::npos) return "";  // prose, not a field path
  return field;
}

}  // namespace govperf::io
