// A cursor over one JSON object that knows its path, so every error names
// the field it is about ("indicators[3].points: expected a number"). Shared
// by the strict JSON readers of io/ (scheme, survey definitions).
#pragma once

#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::io {

class Obj {
 public:
  Obj(const nlohmann::json& j, std::string path) : j_(j), path_(std::move(path)) {}

  Status CheckObject() const {
    return j_.is_object() ? Status::Ok() : Status::Invalid(Where() + ": expected an object");
  }
  std::string Where(const std::string& key = "") const {
    if (key.empty()) return path_.empty() ? "(root)" : path_;
    return path_.empty() ? key : path_ + "." + key;
  }
  bool Has(const std::string& key) const { return j_.contains(key) && !j_[key].is_null(); }
  const nlohmann::json& At(const std::string& key) const { return j_.at(key); }

  Status Str(const std::string& key, std::string& out, bool required = false) const {
    if (!Has(key)) return required ? Status::Invalid(Where(key) + ": required") : Status::Ok();
    if (!j_[key].is_string()) return Status::Invalid(Where(key) + ": expected a string");
    out = j_[key].get<std::string>();
    return Status::Ok();
  }
  Status Num(const std::string& key, double& out, bool required = false) const {
    if (!Has(key)) return required ? Status::Invalid(Where(key) + ": required") : Status::Ok();
    if (!j_[key].is_number()) return Status::Invalid(Where(key) + ": expected a number");
    out = j_[key].get<double>();
    if (!std::isfinite(out)) return Status::Invalid(Where(key) + ": not finite");
    return Status::Ok();
  }
  Status Int(const std::string& key, int& out, bool required = false) const {
    if (!Has(key)) return required ? Status::Invalid(Where(key) + ": required") : Status::Ok();
    const nlohmann::json& v = j_[key];
    if (!v.is_number_integer()) return Status::Invalid(Where(key) + ": expected an integer");
    // get<int>() would wrap 99999999999 silently.
    const bool fits = v.is_number_unsigned()
                          ? v.get<uint64_t>() <= static_cast<uint64_t>(INT_MAX)
                          : v.get<int64_t>() >= INT_MIN && v.get<int64_t>() <= INT_MAX;
    if (!fits) return Status::Invalid(Where(key) + ": integer out of range, got " + v.dump());
    out = v.get<int>();
    return Status::Ok();
  }
  Status Bool(const std::string& key, bool& out) const {
    if (!Has(key)) return Status::Ok();
    if (!j_[key].is_boolean()) return Status::Invalid(Where(key) + ": expected true or false");
    out = j_[key].get<bool>();
    return Status::Ok();
  }
  Status Strings(const std::string& key, std::vector<std::string>& out) const {
    if (!Has(key)) return Status::Ok();
    if (!j_[key].is_array()) return Status::Invalid(Where(key) + ": expected an array of strings");
    for (size_t i = 0; i < j_[key].size(); ++i) {
      if (!j_[key][i].is_string()) {
        return Status::Invalid(Where(key) + "[" + std::to_string(i) + "]: expected a string");
      }
      out.push_back(j_[key][i].get<std::string>());
    }
    return Status::Ok();
  }
  // Iterates an array of objects, calling fn(Obj) for each element.
  template <typename Fn>
  Status Each(const std::string& key, bool required, Fn fn) const {
    if (!Has(key)) return required ? Status::Invalid(Where(key) + ": required") : Status::Ok();
    if (!j_[key].is_array()) return Status::Invalid(Where(key) + ": expected an array");
    for (size_t i = 0; i < j_[key].size(); ++i) {
      Obj o(j_[key][i], Where(key) + "[" + std::to_string(i) + "]");
      GOVPERF_RETURN_IF_ERROR(o.CheckObject());
      GOVPERF_RETURN_IF_ERROR(fn(o));
    }
    return Status::Ok();
  }
  // An object of string → number.
  Status NumMap(const std::string& key, std::map<std::string, double>& out) const {
    if (!Has(key)) return Status::Ok();
    if (!j_[key].is_object()) return Status::Invalid(Where(key) + ": expected an object");
    for (const auto& [k, v] : j_[key].items()) {
      if (!v.is_number() || !std::isfinite(v.get<double>())) {
        return Status::Invalid(Where(key) + "." + k + ": expected a number");
      }
      out[k] = v.get<double>();
    }
    return Status::Ok();
  }

 private:
  const nlohmann::json& j_;
  std::string path_;
};

}  // namespace govperf::io
