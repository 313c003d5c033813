#include "app/monitoring/import_csv.h"

#include <map>
#include <set>

#include "app/limits.h"
#include "core/number.h"
#include "core/period.h"
#include "io/csv.h"

namespace govperf::app::monitoring {

Result<ImportedValues> ImportValuesCsv(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const std::string& indicator_id,
                                       const std::string& csv) {
  const std::string ys = std::to_string(year);
  GOVPERF_RETURN_IF_ERROR(CheckId("indicator_id", indicator_id));
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  auto scheme_or = years.Scheme(year);
  if (!scheme_or.ok()) return scheme_or.status();
  const core::Scheme& scheme = **scheme_or;
  const core::Indicator* leaf = nullptr;
  bool has_children = false;
  for (const auto& i : scheme.indicators) {
    if (i.id == indicator_id) leaf = &i;
    if (i.parent_id == indicator_id) has_children = true;
  }
  if (!leaf || has_children) {
    return Status::NotFound("indicator_id: no leaf indicator '" + indicator_id + "' in " + ys)
        .Field("indicator_id")
        .Zh("indicator_id：" + ys + " 年度没有末级指标 '" + indicator_id + "'");
  }
  const bool any = caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem;
  if (!any && (caller.unit_id.empty() || leaf->lead_unit_id != caller.unit_id)) {
    return Status::Denied("indicator " + indicator_id + " is not led by your unit")
        .Zh("指标 " + indicator_id + " 不由本单位牵头考核");
  }
  auto table = io::ParseCsv(csv, "values.csv");
  if (!table.ok()) return Status::Invalid(table.status().message()).Field("csv");
  const int c_unit = table->Column("unit_id"), c_period = table->Column("period"),
            c_value = table->Column("value"), c_no_data = table->Column("no_data"),
            c_note = table->Column("note");
  if (c_unit < 0 || c_period < 0 || c_value < 0) {
    return Status::Invalid(
               "csv: the header needs unit_id, period and value (no_data, note optional)")
        .Field("csv")
        .Zh("csv：表头须包含 unit_id、period、value（no_data、note 可选）");
  }
  if (table->rows.empty()) return Status::Invalid("csv: no rows").Field("csv");
  if (table->rows.size() > kMaxListItems) {
    return Status::Invalid("csv: at most 1000 rows").Field("csv");
  }
  std::map<std::string, const core::Unit*> units;
  for (const auto& u : scheme.units) units[u.id] = &u;
  std::vector<core::Datum> data;
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    const auto& r = table->rows[i];
    const std::string where =
        "row " + std::to_string(i + 1) + " (line " + std::to_string(r.line) + "): ";
    const std::string where_zh =
        "第 " + std::to_string(i + 1) + " 行（文件第 " + std::to_string(r.line) + " 行）：";
    auto at = [&](int c) {
      return c >= 0 && c < static_cast<int>(r.fields.size()) ? r.fields[c] : "";
    };
    auto fail = [&](const std::string& field, const std::string& en, const std::string& zh) {
      return Status::Invalid(where + field + ": " + en)
          .Field("csv")
          .Zh(where_zh + field + "：" + zh);
    };
    core::Datum d;
    d.indicator_id = indicator_id;
    d.unit_id = at(c_unit);
    d.period = at(c_period);
    auto u = units.find(d.unit_id);
    if (u == units.end()) {
      return fail("unit_id", "no unit '" + d.unit_id + "' in " + ys,
                  ys + " 年度没有单位 '" + d.unit_id + "'");
    }
    if (!IsAssessed(*leaf, *u->second)) {
      return fail("unit_id", d.unit_id + " is not assessed on " + indicator_id,
                  d.unit_id + " 不考核指标 " + indicator_id);
    }
    if (!core::ParsePeriodOfYear(d.period, year, false).ok()) {
      return fail("period", "'" + d.period + "' is not '" + ys + "' or '" + ys + "-MM'",
                  "'" + d.period + "' 不是 '" + ys + "' 或 '" + ys + "-MM'");
    }
    const std::string nd = at(c_no_data);
    d.no_data = nd == "1" || nd == "true" || nd == "是";
    const std::string v = at(c_value);
    if (!v.empty()) {
      auto num = core::ParseNumber(v);
      if (!num.ok()) return fail("value", "'" + v + "' is not a number", "'" + v + "' 不是数值");
      d.value = *num;
    }
    if (d.no_data && d.value) {
      return fail("value", "must be empty when no_data is set", "声明无数据时数值须为空");
    }
    if (!d.no_data && !d.value) {
      return fail("value", "empty (set no_data to declare no data)", "为空（无数据请填 no_data）");
    }
    d.note = at(c_note);
    GOVPERF_RETURN_IF_ERROR(CheckText("note", d.note, kMaxTextChars, false, true));
    if (!seen.insert({d.unit_id, d.period}).second) {
      return fail("period", "a second value for " + d.unit_id + " " + d.period,
                  d.unit_id + " " + d.period + " 重复");
    }
    d.entered_by = caller.username;
    data.push_back(std::move(d));
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    for (const auto& d : data) GOVPERF_RETURN_IF_ERROR(tx.PutDatum(year, d));
    return Status::Ok();
  }));
  return ImportedValues{static_cast<int>(data.size())};
}

}  // namespace govperf::app::monitoring
