#include "app/assessment_projects/checks.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/limits.h"

namespace govperf::app::projects {

namespace {

// Frequency → reports a year it implies (rules as data).
const std::map<std::string, int>& Frequencies() {
  static const std::map<std::string, int> kFrequencies = {
      {"annual", 1}, {"semiannual", 2}, {"quarterly", 4}, {"monthly", 12}, {"ad_hoc", 0}};
  return kFrequencies;
}

}  // namespace

bool IsFrequency(const std::string& frequency) { return Frequencies().count(frequency) > 0; }

int DefaultReportsPerYear(const std::string& frequency) {
  auto it = Frequencies().find(frequency);
  return it == Frequencies().end() ? 0 : it->second;
}

namespace detail {

Status BadProjectField(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

Status CheckYear(store::Store& store, int year) {
  auto y = store.FindYear(year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) {
    const std::string ys = std::to_string(year);
    return Status::NotFound("year: unknown year " + ys)
        .Field("year")
        .Zh("year：没有 " + ys + " 年度");
  }
  return Status::Ok();
}

Status CheckOwnDepartment(const Caller& caller, const std::string& department_id) {
  if (caller.role == core::Role::kLead && caller.unit_id != department_id) {
    return Status(Code::kPermissionDenied,
                  "department_id: a lead department applies only for its own department (" +
                      caller.unit_id + ")")
        .Field("department_id")
        .Zh("department_id：牵头考核单位只能为本单位（" + caller.unit_id + "）申报考核项目");
  }
  return Status::Ok();
}

Status CheckAndResolve(const store::Org& org, const ProjectInput& in,
                       store::AssessmentProject* out) {
  GOVPERF_RETURN_IF_ERROR(CheckText("name_zh", in.name_zh, kMaxNameChars, true));
  GOVPERF_RETURN_IF_ERROR(CheckText("name_en", in.name_en, kMaxNameChars, false));
  GOVPERF_RETURN_IF_ERROR(CheckText("basis", in.basis, kMaxTextChars, true, true));
  std::map<std::string, const store::OrgUnit*> units;
  for (const store::OrgUnit& u : org.units) units[u.id] = &u;
  std::set<std::string> categories;
  for (const store::OrgCategory& c : org.categories) categories.insert(c.id);

  auto dept = units.find(in.department_id);
  if (in.department_id.empty() || dept == units.end() || dept->second->retired) {
    return Status::NotFound("department_id: no active unit '" + in.department_id +
                            "' in the organisation registry")
        .Field("department_id")
        .Zh("department_id：机构名录中没有在用单位 '" + in.department_id + "'");
  }
  if (in.category_ids.size() + in.unit_ids.size() > kMaxListItems) {
    return BadProjectField("unit_ids", "at most 1000 categories and units",
                           "类别和单位合计最多 1000 个");
  }
  std::set<std::string> assessed;
  for (size_t i = 0; i < in.category_ids.size(); ++i) {
    const std::string& c = in.category_ids[i];
    const std::string field = "category_ids[" + std::to_string(i) + "]";
    if (!categories.count(c)) {
      return Status::NotFound(field + ": no category '" + c + "' in the organisation registry")
          .Field(field)
          .Zh(field + "：机构名录中没有类别 '" + c + "'");
    }
    for (const store::OrgUnit& u : org.units) {
      if (u.category_id == c && !u.retired) assessed.insert(u.id);
    }
  }
  for (size_t i = 0; i < in.unit_ids.size(); ++i) {
    const std::string& id = in.unit_ids[i];
    const std::string field = "unit_ids[" + std::to_string(i) + "]";
    auto u = units.find(id);
    if (u == units.end() || u->second->retired) {
      return Status::NotFound(field + ": no active unit '" + id + "' in the organisation registry")
          .Field(field)
          .Zh(field + "：机构名录中没有在用单位 '" + id + "'");
    }
    assessed.insert(id);
  }
  if (assessed.empty()) {
    return BadProjectField("unit_ids", "no assessed unit: name categories or units",
                           "没有考核对象：请选择类别或单位");
  }
  if (!IsFrequency(in.frequency)) {
    return BadProjectField(
        "frequency",
        "'" + in.frequency + "' is not annual, semiannual, quarterly, monthly or ad_hoc",
        "'" + in.frequency +
            "' 不是 annual、semiannual、quarterly、monthly 或 "
            "ad_hoc（年度、半年、季度、月度、不定期）");
  }
  const int reports = in.reports_per_year.value_or(DefaultReportsPerYear(in.frequency));
  if (reports < 0 || reports > kMaxReportsPerYear) {
    return BadProjectField("reports_per_year",
                           std::to_string(reports) + " is not a count from 0 to 366",
                           std::to_string(reports) + " 不是 0 至 366 之间的次数");
  }
  out->name_zh = in.name_zh;
  out->name_en = in.name_en;
  out->department_id = in.department_id;
  out->basis = in.basis;
  out->category_ids = in.category_ids;
  out->unit_ids = in.unit_ids;
  out->assessed_unit_ids.assign(assessed.begin(), assessed.end());
  out->frequency = in.frequency;
  out->reports_per_year = reports;
  return Status::Ok();
}

}  // namespace detail
}  // namespace govperf::app::projects
