#include "methods/json_api.h"

#include <cmath>
#include <functional>
#include <istream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "io/json_parse.h"
#include "methods/ahp.h"
#include "methods/dea.h"
#include "methods/entropy.h"
#include "methods/normalize.h"
#include "methods/rake.h"
#include "methods/topsis.h"

namespace govperf::methods {
namespace {

using nlohmann::json;

// --- field readers: each error names the field ------------------------------

Status OnlyKeys(const json& j, const std::set<std::string>& allowed,
                const std::string& where = "") {
  for (const auto& [key, value] : j.items()) {
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::Invalid("unknown field '" + where + key + "'; expected " + list);
    }
  }
  return Status::Ok();
}

Result<double> ToNumber(const json& v, const std::string& field) {
  if (!v.is_number())
    return Status::Invalid(field + " must be a number, got " + std::string(v.type_name()));
  const double d = v.get<double>();
  if (!std::isfinite(d)) return Status::Invalid(field + " must be a finite number");
  return d;
}

Result<std::vector<double>> ToVector(const json& v, const std::string& field) {
  if (!v.is_array()) return Status::Invalid(field + " must be an array of numbers");
  std::vector<double> out;
  for (size_t i = 0; i < v.size(); ++i) {
    Result<double> d = ToNumber(v[i], field + "[" + std::to_string(i) + "]");
    if (!d.ok()) return d.status();
    out.push_back(*d);
  }
  return out;
}

Result<Matrix> ToMatrix(const json& v, const std::string& field) {
  if (!v.is_array())
    return Status::Invalid(field + " must be an array of rows (arrays of numbers)");
  if (v.empty()) return Status::Invalid(field + " must have at least one row");
  Matrix m;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string row = field + "[" + std::to_string(i) + "]";
    if (!v[i].is_array()) return Status::Invalid(row + " must be an array of numbers");
    Result<std::vector<double>> r = ToVector(v[i], row);
    if (!r.ok()) return r.status();
    m.push_back(std::move(r).value());
  }
  return m;
}

// How large an input each method takes (docs/methods.md §Limits): checked on
// the JSON before any conversion or work, so an oversized request is refused
// at once instead of running for hours or exhausting memory.
struct Shape {
  size_t max_rows;
  size_t max_cols;
  const char* rows;  // what a row is, for the message
  const char* cols;
};
constexpr Shape kAhpShape{kMaxAhpCriteria, kMaxAhpCriteria, "criteria", "criteria"};
constexpr Shape kTableShape{kMaxTableRows, kMaxTableColumns, "rows (alternatives)",
                            "columns (criteria)"};
constexpr Shape kDeaShape{kMaxDeaUnits, kMaxDeaMeasures, "units (DMUs)", "measures"};

// The matrix's size against `shape`, and rows × columns against kMaxTableCells.
Status CheckShape(const json& v, const std::string& field, const Shape& shape) {
  if (!v.is_array()) return Status::Ok();  // ToMatrix names the type error
  if (v.size() > shape.max_rows) {
    return Status::Invalid(field + " has " + std::to_string(v.size()) + " rows; at most " +
                           std::to_string(shape.max_rows) + " " + shape.rows);
  }
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].is_array() && v[i].size() > shape.max_cols) {
      return Status::Invalid(field + "[" + std::to_string(i) + "] has " +
                             std::to_string(v[i].size()) + " entries; at most " +
                             std::to_string(shape.max_cols) + " " + shape.cols);
    }
  }
  if (!v.empty() && v[0].is_array() && v.size() * v[0].size() > kMaxTableCells) {
    return Status::Invalid(field + " has " + std::to_string(v.size()) + " × " +
                           std::to_string(v[0].size()) + " entries; at most " +
                           std::to_string(kMaxTableCells));
  }
  return Status::Ok();
}

Result<Matrix> GetMatrix(const json& j, const std::string& key, const Shape& shape) {
  if (!j.contains(key)) return Status::Invalid("missing field '" + key + "'");
  GOVPERF_RETURN_IF_ERROR(CheckShape(j.at(key), key, shape));
  return ToMatrix(j.at(key), key);
}

Result<std::string> GetString(const json& j, const std::string& key, const std::string& def) {
  if (!j.contains(key)) return def;
  if (!j.at(key).is_string()) return Status::Invalid(key + " must be a string");
  return j.at(key).get<std::string>();
}

Result<Types> GetTypes(const json& j, size_t cols) {
  if (!j.contains("types")) return Types(cols, 1);
  const json& v = j.at("types");
  if (!v.is_array()) return Status::Invalid("types must be an array of 1 (benefit) or -1 (cost)");
  Types t;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string f = "types[" + std::to_string(i) + "]";
    if (!v[i].is_number()) return Status::Invalid(f + " must be 1 (benefit) or -1 (cost)");
    const double d = v[i].get<double>();
    if (d != 1.0 && d != -1.0)
      return Status::Invalid(f + " must be 1 (benefit) or -1 (cost), got " + v[i].dump());
    t.push_back(static_cast<int>(d));
  }
  GOVPERF_RETURN_IF_ERROR(CheckTypes(t, cols));
  return t;
}

// A level or cluster id: strings as they are, numbers as their JSON text.
Result<std::string> ToKey(const json& v, const std::string& field) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
      return std::to_string(static_cast<long long>(d));
    return v.dump();
  }
  return Status::Invalid(field + " must be a string or a number");
}

Result<RandomIndexTable> GetRandomIndex(const json& j) {
  Result<std::string> s = GetString(j, "random_index", "saaty1980");
  if (!s.ok()) return s.status();
  return ParseRandomIndexTable(*s);
}

// --- methods -------------------------------------------------------------------

using Handler = std::function<Result<json>(const json&)>;

Result<json> RunAhp(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"matrix", "random_index"}));
  Result<Matrix> m = GetMatrix(j, "matrix", kAhpShape);
  if (!m.ok()) return m.status();
  Result<RandomIndexTable> t = GetRandomIndex(j);
  if (!t.ok()) return t.status();
  Result<AhpResult> r = Ahp(*m, *t);
  if (!r.ok()) return r.status();
  return json{{"weights", r->weights},
              {"lambda_max", r->lambda_max},
              {"ci", r->ci},
              {"cr", r->cr},
              {"consistent", r->consistent}};
}

Result<json> RunAhpHierarchy(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"criteria", "alternatives", "random_index"}));
  Result<Matrix> c = GetMatrix(j, "criteria", kAhpShape);
  if (!c.ok()) return c.status();
  if (!j.contains("alternatives")) return Status::Invalid("missing field 'alternatives'");
  const json& a = j.at("alternatives");
  if (!a.is_array())
    return Status::Invalid("alternatives must be an array of matrices, one per criterion");
  if (a.size() > kMaxAhpCriteria) {
    return Status::Invalid("alternatives has " + std::to_string(a.size()) + " matrices; at most " +
                           std::to_string(kMaxAhpCriteria) + " criteria");
  }
  std::vector<Matrix> alts;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string field = "alternatives[" + std::to_string(i) + "]";
    GOVPERF_RETURN_IF_ERROR(CheckShape(a[i], field, kAhpShape));
    Result<Matrix> m = ToMatrix(a[i], field);
    if (!m.ok()) return m.status();
    alts.push_back(std::move(m).value());
  }
  Result<RandomIndexTable> t = GetRandomIndex(j);
  if (!t.ok()) return t.status();
  Result<AhpHierarchyResult> r = AhpHierarchy(*c, alts, *t);
  if (!r.ok()) return r.status();
  return json{{"criteria_weights", r->criteria_weights},
              {"local_weights", r->local_weights},
              {"scores", r->scores},
              {"cr", r->cr}};
}

Result<json> RunEntropy(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"matrix"}));
  Result<Matrix> m = GetMatrix(j, "matrix", kTableShape);
  if (!m.ok()) return m.status();
  Result<std::vector<double>> w = EntropyWeights(*m);
  if (!w.ok()) return w.status();
  return json{{"weights", *w}};
}

Result<json> RunNormalize(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"matrix", "method", "types"}));
  Result<Matrix> m = GetMatrix(j, "matrix", kTableShape);
  if (!m.ok()) return m.status();
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(*m, "matrix"));
  if (!j.contains("method"))
    return Status::Invalid("missing field 'method' (minmax, vector, sum or zscore)");
  Result<std::string> name = GetString(j, "method", "");
  if (!name.ok()) return name.status();
  Result<Normalization> method = ParseNormalization(*name);
  if (!method.ok()) return method.status();
  Result<Types> t = GetTypes(j, (*m)[0].size());
  if (!t.ok()) return t.status();
  Result<Matrix> r = Normalize(*m, *method, *t);
  if (!r.ok()) return r.status();
  return json{{"matrix", *r}};
}

Result<json> RunTopsis(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"matrix", "weights", "types", "normalization"}));
  Result<Matrix> m = GetMatrix(j, "matrix", kTableShape);
  if (!m.ok()) return m.status();
  GOVPERF_RETURN_IF_ERROR(CheckMatrix(*m, "matrix"));
  if (!j.contains("weights")) return Status::Invalid("missing field 'weights'");
  Result<std::vector<double>> w = ToVector(j.at("weights"), "weights");
  if (!w.ok()) return w.status();
  Result<Types> t = GetTypes(j, (*m)[0].size());
  if (!t.ok()) return t.status();
  Result<std::string> nname = GetString(j, "normalization", "vector");
  if (!nname.ok()) return nname.status();
  Result<TopsisNormalization> norm = ParseTopsisNormalization(*nname);
  if (!norm.ok()) return norm.status();
  Result<TopsisResult> r = Topsis(*m, *w, *t, *norm);
  if (!r.ok()) return r.status();
  return json{{"closeness", r->closeness},
              {"ranks", r->ranks},
              {"ideal", r->ideal},
              {"anti_ideal", r->anti_ideal}};
}

Result<json> RunDea(const json& j) {
  GOVPERF_RETURN_IF_ERROR(OnlyKeys(j, {"inputs", "outputs", "returns", "orientation"}));
  Result<Matrix> x = GetMatrix(j, "inputs", kDeaShape);
  if (!x.ok()) return x.status();
  Result<Matrix> y = GetMatrix(j, "outputs", kDeaShape);
  if (!y.ok()) return y.status();
  Result<std::string> rs = GetString(j, "returns", "constant");
  if (!rs.ok()) return rs.status();
  Result<Returns> returns = ParseReturns(*rs);
  if (!returns.ok()) return returns.status();
  Result<std::string> os = GetString(j, "orientation", "input");
  if (!os.ok()) return os.status();
  Result<Orientation> orientation = ParseOrientation(*os);
  if (!orientation.ok()) return orientation.status();
  Result<DeaResult> r = Dea(*x, *y, *returns, *orientation);
  if (!r.ok()) return r.status();
  return json{{"efficiency", r->efficiency},
              {"lambdas", r->lambdas},
              {"slacks", {{"inputs", r->input_slacks}, {"outputs", r->output_slacks}}}};
}

Result<json> RunRake(const json& j) {
  GOVPERF_RETURN_IF_ERROR(
      OnlyKeys(j, {"units", "margins", "epsilon", "max_iter", "population_clusters"}));
  if (!j.contains("units")) return Status::Invalid("missing field 'units'");
  if (!j.contains("margins")) return Status::Invalid("missing field 'margins'");
  const json& ju = j.at("units");
  if (!ju.is_array()) return Status::Invalid("units must be an array of objects");
  if (ju.size() > kMaxRakeUnits) {
    return Status::Invalid("units has " + std::to_string(ju.size()) + " entries; at most " +
                           std::to_string(kMaxRakeUnits));
  }
  std::vector<RakeUnit> units;
  for (size_t i = 0; i < ju.size(); ++i) {
    const std::string f = "units[" + std::to_string(i) + "]";
    const json& u = ju[i];
    if (!u.is_object()) return Status::Invalid(f + " must be an object");
    GOVPERF_RETURN_IF_ERROR(OnlyKeys(u, {"cells", "weight", "y", "cluster"}, f + "."));
    RakeUnit unit;
    if (!u.contains("cells") || !u.at("cells").is_object()) {
      return Status::Invalid(f + ".cells must be an object {\"variable\": \"level\", ...}");
    }
    if (u.at("cells").size() > kMaxRakeVariables) {
      return Status::Invalid(f + ".cells has " + std::to_string(u.at("cells").size()) +
                             " variables; at most " + std::to_string(kMaxRakeVariables));
    }
    for (const auto& [var, level] : u.at("cells").items()) {
      Result<std::string> k = ToKey(level, f + ".cells." + var);
      if (!k.ok()) return k.status();
      unit.cells[var] = *k;
    }
    if (!u.contains("weight")) return Status::Invalid("missing field '" + f + ".weight'");
    Result<double> w = ToNumber(u.at("weight"), f + ".weight");
    if (!w.ok()) return w.status();
    unit.weight = *w;
    if (u.contains("y")) {
      Result<double> y = ToNumber(u.at("y"), f + ".y");
      if (!y.ok()) return y.status();
      unit.y = *y;
    }
    if (u.contains("cluster")) {
      Result<std::string> c = ToKey(u.at("cluster"), f + ".cluster");
      if (!c.ok()) return c.status();
      unit.cluster = *c;
    }
    units.push_back(std::move(unit));
  }
  const json& jm = j.at("margins");
  if (!jm.is_object())
    return Status::Invalid("margins must be an object {\"variable\": {\"level\": total}}");
  if (jm.size() > kMaxRakeVariables) {
    return Status::Invalid("margins has " + std::to_string(jm.size()) + " variables; at most " +
                           std::to_string(kMaxRakeVariables));
  }
  Margins margins;
  for (const auto& [var, levels] : jm.items()) {
    if (!levels.is_object())
      return Status::Invalid("margins." + var + " must be an object {\"level\": total}");
    if (levels.size() > kMaxRakeLevels) {
      return Status::Invalid("margins." + var + " has " + std::to_string(levels.size()) +
                             " levels; at most " + std::to_string(kMaxRakeLevels));
    }
    for (const auto& [level, total] : levels.items()) {
      Result<double> t = ToNumber(total, "margins." + var + "." + level);
      if (!t.ok()) return t.status();
      margins[var][level] = *t;
    }
  }
  RakeOptions opt;
  if (j.contains("epsilon")) {
    Result<double> e = ToNumber(j.at("epsilon"), "epsilon");
    if (!e.ok()) return e.status();
    opt.epsilon = *e;
  }
  if (j.contains("max_iter")) {
    const json& v = j.at("max_iter");
    if (!v.is_number_integer() && !v.is_number_unsigned())
      return Status::Invalid("max_iter must be an integer >= 1");
    // get<long long>() of an unsigned above LLONG_MAX would wrap to negative.
    const bool too_big =
        v.is_number_unsigned() &&
        v.get<unsigned long long>() > static_cast<unsigned long long>(kMaxRakeIterations);
    const long long it = too_big ? kMaxRakeIterations + 1 : v.get<long long>();
    if (it < 1 || it > kMaxRakeIterations) {
      return Status::Invalid("max_iter must be an integer in 1.." +
                             std::to_string(kMaxRakeIterations));
    }
    opt.max_iter = static_cast<int>(it);
  }
  if (j.contains("population_clusters")) {
    Result<double> big_n = ToNumber(j.at("population_clusters"), "population_clusters");
    if (!big_n.ok()) return big_n.status();
    opt.population_clusters = *big_n;
  }
  Result<RakeResult> r = Rake(units, margins, opt);
  if (!r.ok()) return r.status();
  json out{{"weights", r->weights}, {"converged", r->converged}, {"iterations", r->iterations}};
  if (r->has_estimates) {
    out["mean"] = r->mean;
    out["total"] = r->total;
    out["se_mean"] = r->se_mean ? json(*r->se_mean) : json(nullptr);
    out["se_total"] = r->se_total ? json(*r->se_total) : json(nullptr);
  }
  return out;
}

const std::map<std::string, Handler>& Handlers() {
  static const std::map<std::string, Handler> kHandlers = {
      {"ahp", RunAhp},         {"ahp-hierarchy", RunAhpHierarchy}, {"dea", RunDea},
      {"entropy", RunEntropy}, {"normalize", RunNormalize},        {"rake", RunRake},
      {"topsis", RunTopsis},
  };
  return kHandlers;
}

// The longest array or object any field of the method's request may hold.
size_t MaxElements(const std::string& name) {
  if (name == "ahp" || name == "ahp-hierarchy") return kMaxAhpCriteria;
  if (name == "dea") return kMaxDeaUnits;
  if (name == "rake") return kMaxRakeUnits;
  return kMaxTableRows;
}

std::string NameList() {
  std::string s;
  for (const auto& n : MethodNames()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

const std::vector<std::string>& MethodNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> v;
    for (const auto& [name, h] : Handlers()) v.push_back(name);
    return v;
  }();
  return kNames;
}

int RunMethod(const std::string& name, std::istream& in, std::ostream& out, std::ostream& err) {
  if (name.empty()) {
    err << "govperf method: missing method name; available: " << NameList() << "\n";
    return kExitInvalid;
  }
  auto it = Handlers().find(name);
  if (it == Handlers().end()) {
    err << "govperf method: unknown method '" << name << "'; available: " << NameList() << "\n";
    return kExitInvalid;
  }
  // Read as a stream under limits: an oversized request stops the reading at
  // the first array longer than the method's largest size.
  io::JsonLimits limits;
  limits.max_depth = 16;
  limits.max_values = kMaxInputValues;
  limits.max_elements = MaxElements(name);
  limits.note = "(the limits of govperf method " + name + ": docs/methods.md)";
  Result<json> parsed = io::ParseJsonStream(in, "input", limits);
  if (!parsed.ok()) {
    err << "govperf method " << name << ": " << parsed.status().message() << "\n";
    return kExitInvalid;
  }
  const json& request = *parsed;
  if (!request.is_object()) {
    err << "govperf method " << name << ": input must be a JSON object, got " << request.type_name()
        << "\n";
    return kExitInvalid;
  }
  Result<json> result = [&]() -> Result<json> {
    try {
      return it->second(request);
    } catch (const std::exception& e) {  // e.g. a JSON number out of range for its target type
      return Status::Invalid(e.what());
    }
  }();
  if (!result.ok()) {
    err << "govperf method " << name << ": " << result.status().message() << "\n";
    return result.status().code() == Code::kInvalidArgument ? kExitInvalid : kExitInternal;
  }
  out << result->dump() << "\n";
  return kExitOk;
}

}  // namespace govperf::methods
