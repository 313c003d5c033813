#include "io/data_csv.h"

#include <filesystem>
#include <map>
#include <tuple>

#include "core/number.h"
#include "core/period.h"
#include "core/text.h"
#include "io/csv.h"

namespace govperf::io {
namespace {

namespace fs = std::filesystem;

// The throwing fs::exists would end the process on, e.g., a permission error.
bool Exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

// Column accessors that name file, line and column in their errors.
class Rows {
 public:
  Rows(const CsvTable& t, std::string file) : t_(t), file_(std::move(file)) {}

  Status Require(std::initializer_list<const char*> names) const {
    for (const char* n : names) {
      if (t_.Column(n) < 0) return Status::Invalid(file_ + " line 1: missing column '" + n + "'");
    }
    return Status::Ok();
  }
  std::string Text(const CsvRecord& r, const char* name) const {
    const int c = t_.Column(name);
    return c < 0 ? "" : r.fields[c];
  }
  // An empty cell is "not given" (nullopt); anything else must be a number
  // in the one syntax of core/number.h.
  Status Number(const CsvRecord& r, const char* name, std::optional<double>& out) const {
    const std::string s = Text(r, name);
    out.reset();
    if (s.empty()) return Status::Ok();
    Result<double> v = core::ParseNumber(s);
    if (!v.ok()) return Status::Invalid(Where(r, name) + ": " + v.status().message());
    out = *v;
    return Status::Ok();
  }
  Status Flag(const CsvRecord& r, const char* name, bool& out) const {
    const std::string s = Text(r, name);
    if (s.empty() || s == "0" || s == "false") {
      out = false;
    } else if (s == "1" || s == "true") {
      out = true;
    } else {
      return Status::Invalid(Where(r, name) + ": expected 0/1 or true/false, got " +
                             core::QuoteForMessage(s));
    }
    return Status::Ok();
  }
  std::string Where(const CsvRecord& r, const char* column) const {
    return file_ + " line " + std::to_string(r.line) + " column " + column;
  }
  // A second row for the same key names both lines: the user must choose.
  template <typename Key>
  Status Unique(std::map<Key, int>& seen, Key key, const CsvRecord& r,
                const std::string& what) const {
    auto [first, added] = seen.emplace(std::move(key), r.line);
    if (added) return Status::Ok();
    return Status::Invalid(file_ + " line " + std::to_string(r.line) + ": duplicate of line " +
                           std::to_string(first->second) + " (same " + what + ")");
  }

 private:
  const CsvTable& t_;
  std::string file_;
};

}  // namespace

Result<core::YearData> ReadYearDataDir(const std::string& dir, std::optional<int> year) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("not a directory: " + dir);
  core::YearData d;
  auto values = ReadCsvFile((fs::path(dir) / "values.csv").string(), "values.csv");
  if (!values.ok()) return values.status();
  Rows v(*values, "values.csv");
  GOVPERF_RETURN_IF_ERROR(v.Require({"indicator_id", "unit_id", "period", "value"}));
  std::map<std::tuple<std::string, std::string, std::string>, int> seen_values;
  for (const auto& r : values->rows) {
    core::Datum x;
    x.indicator_id = v.Text(r, "indicator_id");
    x.unit_id = v.Text(r, "unit_id");
    x.period = v.Text(r, "period");
    if (x.indicator_id.empty()) return Status::Invalid(v.Where(r, "indicator_id") + ": empty");
    if (x.unit_id.empty()) return Status::Invalid(v.Where(r, "unit_id") + ": empty");
    if (x.period.empty()) return Status::Invalid(v.Where(r, "period") + ": empty");
    Result<core::Period> period =
        year ? core::ParsePeriodOfYear(x.period, *year, /*allow_previous_year_end=*/true)
             : core::ParsePeriodSyntax(x.period);
    if (!period.ok())
      return Status::Invalid(v.Where(r, "period") + ": " + period.status().message());
    GOVPERF_RETURN_IF_ERROR(v.Unique(seen_values, std::tuple{x.indicator_id, x.unit_id, x.period},
                                     r, "indicator_id, unit_id and period"));
    GOVPERF_RETURN_IF_ERROR(v.Number(r, "value", x.value));
    GOVPERF_RETURN_IF_ERROR(v.Flag(r, "no_data", x.no_data));
    x.entered_by = v.Text(r, "entered_by");
    x.approved_by = v.Text(r, "approved_by");
    x.note = v.Text(r, "note");
    d.values.push_back(std::move(x));
  }

  if (Exists(fs::path(dir) / "subjects.csv")) {
    auto subjects = ReadCsvFile((fs::path(dir) / "subjects.csv").string(), "subjects.csv");
    if (!subjects.ok()) return subjects.status();
    Rows s(*subjects, "subjects.csv");
    GOVPERF_RETURN_IF_ERROR(s.Require({"unit_id", "satisfaction", "leadership"}));
    std::map<std::string, int> seen_units;
    for (const auto& r : subjects->rows) {
      const std::string unit = s.Text(r, "unit_id");
      if (unit.empty()) return Status::Invalid(s.Where(r, "unit_id") + ": empty");
      GOVPERF_RETURN_IF_ERROR(s.Unique(seen_units, unit, r, "unit_id"));
      std::optional<double> sat, lead, se;
      GOVPERF_RETURN_IF_ERROR(s.Number(r, "satisfaction", sat));
      GOVPERF_RETURN_IF_ERROR(s.Number(r, "leadership", lead));
      GOVPERF_RETURN_IF_ERROR(s.Number(r, "satisfaction_se", se));
      for (auto [value, column] : {std::pair{sat, "satisfaction"}, std::pair{lead, "leadership"}}) {
        if (value && (*value < 0 || *value > 100)) {
          return Status::Invalid(s.Where(r, column) + ": must be within 0..100");
        }
      }
      if (sat) d.satisfaction[unit] = *sat;
      if (lead) d.leadership[unit] = *lead;
      if (se && *se < 0)
        return Status::Invalid(s.Where(r, "satisfaction_se") + ": must not be negative");
      if (se) d.satisfaction_se[unit] = *se;
    }
  }

  if (Exists(fs::path(dir) / "adjustments.csv")) {
    auto adj = ReadCsvFile((fs::path(dir) / "adjustments.csv").string(), "adjustments.csv");
    if (!adj.ok()) return adj.status();
    Rows a(*adj, "adjustments.csv");
    GOVPERF_RETURN_IF_ERROR(a.Require({"id", "unit_id", "kind", "points"}));
    std::map<std::string, int> seen_ids;
    for (const auto& r : adj->rows) {
      core::Adjustment x;
      x.id = a.Text(r, "id");
      x.unit_id = a.Text(r, "unit_id");
      if (x.id.empty()) return Status::Invalid(a.Where(r, "id") + ": empty");
      if (x.unit_id.empty()) return Status::Invalid(a.Where(r, "unit_id") + ": empty");
      GOVPERF_RETURN_IF_ERROR(a.Unique(seen_ids, x.id, r, "id"));
      auto kind = core::ParseAdjustmentKind(a.Text(r, "kind"));
      if (!kind) return Status::Invalid(a.Where(r, "kind") + ": expected bonus, deduction or veto");
      x.kind = *kind;
      std::optional<double> points;
      GOVPERF_RETURN_IF_ERROR(a.Number(r, "points", points));
      if (!points && x.kind != core::AdjustmentKind::kVeto) {
        return Status::Invalid(a.Where(r, "points") + ": required for bonus and deduction");
      }
      if (points && *points < 0)
        return Status::Invalid(a.Where(r, "points") + ": must not be negative");
      x.points = points.value_or(0);
      const std::string effect = a.Text(r, "veto_effect");
      if (effect == "fix_lowest") {
        x.veto_effect = core::VetoEffect::kFixLowest;
      } else if (!effect.empty() && effect != "cap_qualified") {
        return Status::Invalid(a.Where(r, "veto_effect") +
                               ": expected cap_qualified or fix_lowest");
      }
      x.reason_zh = a.Text(r, "reason_zh");
      x.reason_en = a.Text(r, "reason_en");
      x.evidence = a.Text(r, "evidence");
      x.entered_by = a.Text(r, "entered_by");
      x.approved_by = a.Text(r, "approved_by");
      d.adjustments.push_back(std::move(x));
    }
  }
  if (Exists(fs::path(dir) / "inputs.csv")) {
    auto inputs = ReadCsvFile((fs::path(dir) / "inputs.csv").string(), "inputs.csv");
    if (!inputs.ok()) return inputs.status();
    Rows in(*inputs, "inputs.csv");
    GOVPERF_RETURN_IF_ERROR(in.Require({"unit_id", "name", "value"}));
    std::map<std::pair<std::string, std::string>, int> seen_inputs;
    for (const auto& r : inputs->rows) {
      const std::string unit = in.Text(r, "unit_id"), name = in.Text(r, "name");
      if (unit.empty()) return Status::Invalid(in.Where(r, "unit_id") + ": empty");
      if (name.empty()) return Status::Invalid(in.Where(r, "name") + ": empty");
      GOVPERF_RETURN_IF_ERROR(in.Unique(seen_inputs, std::pair{unit, name}, r, "unit_id and name"));
      std::optional<double> v;
      GOVPERF_RETURN_IF_ERROR(in.Number(r, "value", v));
      if (!v || *v < 0)
        return Status::Invalid(in.Where(r, "value") + ": a non-negative number is required");
      d.inputs[unit][name] = *v;
    }
  }
  return d;
}

}  // namespace govperf::io
