// Period values (监测数据): one value per row (indicator, unit, 期间, 数值)
// or units down and leaf indicators across (then 期间, when present, says
// the period of each row; absent = the year-end value). 期间 may be written
// 2025, 2025-03, 2025年3月, 3月, 年终/全年, or be a date Excel made of
// "2025-03". A blank value leaves the stored one as it is; 无数据 (or the
// 无数据 column set to 是) declares no data. Values are upserted: each
// added or changed value is one audited PutDatum, all in one transaction.
// A lead department imports only the indicators its unit leads.
#include <set>

#include "app/exchange/common.h"
#include "app/limits.h"
#include "core/period.h"
#include "core/workflow/stage.h"
#include "io/sheet_table.h"

namespace govperf::app::exchange {
namespace {

// Excel's date serial (days since 1899-12-30) → (year, month).
std::pair<int, int> SerialToYearMonth(int64_t serial) {
  int64_t z = serial - 25569 + 719468;  // days since 1970-01-01, then the civil algorithm
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m)};
}

// The period a cell names, in the canonical "YYYY" / "YYYY-MM" form; the
// text unchanged when it is none of the accepted spellings (the caller's
// check then names it).
std::string PeriodOf(const std::string& text, int year) {
  const std::string y = std::to_string(year);
  std::string s = io::NormalizeCell(text);
  if (s.empty() || s == "年终" || s == "全年" || s == "年度" || s == "年末" || s == "年终值") {
    return y;
  }
  const auto month = [&](int yy, int mm) {
    if (mm < 1 || mm > 12) return text;
    return std::to_string(yy) + (mm < 10 ? "-0" : "-") + std::to_string(mm);
  };
  // A date Excel stored as its serial number.
  if (s.size() == 5 && s.find_first_not_of("0123456789") == std::string::npos) {
    const auto [yy, mm] = SerialToYearMonth(std::stoll(s));
    return month(yy, mm);
  }
  // 2025年3月, 3月, 2025年, 2025-3, 2025.3, 2025/3.
  int yy = year, mm = 0;
  size_t i = 0;
  const auto number = [&](int* out) {
    const size_t start = i;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) v = v * 10 + (s[i++] - '0');
    *out = v;
    return i - start;
  };
  int first = 0;
  const size_t digits = number(&first);
  if (digits == 0) return text;
  if (digits == 4) {
    yy = first;
    if (i == s.size()) return std::to_string(yy);
    if (s.compare(i, 3, "年") == 0) {
      i += 3;
      if (i == s.size()) return std::to_string(yy);
    } else if (s[i] == '-' || s[i] == '.' || s[i] == '/') {
      ++i;
    } else {
      return text;
    }
    if (number(&mm) == 0) return text;
  } else {
    mm = first;
  }
  if (i < s.size() && s.compare(i, 3, "月") == 0) i += 3;
  if (i != s.size()) return text;
  return month(yy, mm);
}

std::string DatumText(const core::Datum& d) {
  if (d.no_data) return "无数据";
  return d.value ? Num(*d.value) : "";
}

}  // namespace

Result<ImportReport> ImportValues(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, const io::Workbook& wb, const ImportOptions& options,
                                  ImportReport report) {
  const std::string ys = std::to_string(year);
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (!core::StageAllows(info->stage, core::YearWrite::kValues, caller.role)) {
    return Status(Code::kFailedPrecondition, "year " + ys + " is in stage " +
                                                 core::StageName(info->stage) +
                                                 ": values are entered in monitoring and year_end")
        .Zh(ys + " 年度处于「" + core::StageNameZh(info->stage) +
            "」阶段，数据只能在日常监测和年终考核阶段录入");
  }
  auto scheme_or = years.Scheme(year);
  if (!scheme_or.ok()) return scheme_or.status();
  const core::Scheme& scheme = **scheme_or;
  auto data = store.LoadYearData(year);
  if (!data.ok()) return data.status();

  const io::Sheet& sheet = wb.Find(kValuesSheet) ? *wb.Find(kValuesSheet) : wb.sheets.front();
  Errors errors(&report.errors);
  io::SheetError header_error;
  std::vector<std::string> fields = ValueFields();
  fields.push_back("level3");
  auto layout = io::FindTable(sheet, fields, {{"unit_id", "unit_name"}}, &header_error);
  if (!layout.ok()) {
    report.errors.push_back(header_error);
    return report;
  }
  Lookup units, leaves;
  std::map<std::string, const core::Unit*> unit_by_id;
  std::map<std::string, const core::Indicator*> leaf_by_id;
  for (const auto& u : scheme.units) {
    units.Add(u.id, u.name_zh);
    unit_by_id[u.id] = &u;
  }
  for (const core::Indicator* l : Leaves(scheme)) {
    leaves.Add(l->id, l->name_zh);
    leaf_by_id[l->id] = l;
  }
  const bool may_write_any =
      caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem;
  const auto col = [&](const char* f) { return layout->Column(f); };
  const auto cell = [&](size_t r, std::optional<size_t> c) {
    return c ? io::TrimCell(sheet.At(r, *c)) : std::string();
  };
  struct Read {
    core::Datum d;
    size_t row, col;
  };
  std::vector<Read> read;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> seen;
  std::optional<std::pair<size_t, size_t>> not_led;  // first cell of an indicator not led
  std::string not_led_id;
  const auto take = [&](size_t r, size_t c, const std::string& leaf, const std::string& unit,
                        const std::string& period, const std::string& text, bool no_data,
                        std::optional<std::string> note) {
    if (text.empty() && !no_data) return;
    if (!may_write_any && leaf_by_id[leaf]->lead_unit_id != caller.unit_id) {
      if (!not_led) {
        not_led = {r, c};
        not_led_id = leaf;
      }
      return;
    }
    if (!IsAssessed(*leaf_by_id[leaf], *unit_by_id[unit])) {
      errors.At(sheet, r, c, "unit " + unit + " is not assessed on indicator " + leaf,
                "单位 " + unit + " 不考核指标 " + leaf);
      return;
    }
    const auto key = std::make_tuple(leaf, unit, period);
    if (auto it = seen.find(key); it != seen.end()) {
      errors.At(sheet, r, c,
                "duplicate of row " + std::to_string(it->second + 1) + " (same indicator " + leaf +
                    ", unit " + unit + " and period " + period + ")",
                "与第 " + std::to_string(it->second + 1) + " 行重复（指标 " + leaf + "、单位 " +
                    unit + "、期间 " + period + "）");
      return;
    }
    seen[key] = r;
    core::Datum d;
    d.indicator_id = leaf;
    d.unit_id = unit;
    d.period = period;
    if (NameKey(text) == "无数据") no_data = true;
    d.no_data = no_data;
    if (!no_data) {
      auto v = io::ParseCellNumber(text);
      if (!v.ok()) {
        errors.At(sheet, r, c, "数值: " + v.status().message(), "数值：" + v.status().message_zh());
        return;
      }
      d.value = *v;
    }
    if (note) {
      if (Status st = CheckText("note", *note, kMaxTextChars, false, true); !st.ok()) {
        errors.At(sheet, r, col("note"), st.message(), st.message_zh());
        return;
      }
      d.note = *note;
    }
    read.push_back({std::move(d), r, c});
  };
  // Wide: the other header cells name leaves ("1.1.1 名称", "1.1.1" or the name).
  std::vector<std::pair<size_t, std::string>> leaf_cols;
  if (!col("value")) {
    for (const auto& [c, header] : layout->others) {
      if (IgnorableHeader(header)) continue;
      const std::string norm = io::NormalizeCell(header);
      const std::string first = norm.substr(0, norm.find(' '));
      const std::string leaf = leaf_by_id.count(first) ? first : leaves.Find(header);
      if (leaf.empty()) {
        errors.At(sheet, layout->header_row, c,
                  "the column header '" + header + "' names no leaf indicator of " + ys,
                  "列标题「" + header + "」不是 " + ys + " 年度的末级指标");
        continue;
      }
      leaf_cols.emplace_back(c, leaf);
    }
    if (leaf_cols.empty() && !errors.any()) {
      errors.Sheet(sheet.name, "no 数值 column and no indicator columns",
                   "没有「数值」列，也没有指标列");
    }
  }
  for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
    if (io::RowBlank(sheet, r)) continue;
    // The unit.
    const std::string by_id = cell(r, col("unit_id"));
    const std::string unit_text = by_id.empty() ? cell(r, col("unit_name")) : by_id;
    const std::optional<size_t> unit_col = by_id.empty() ? col("unit_name") : col("unit_id");
    bool ambiguous = false;
    const std::string unit = units.Find(unit_text, &ambiguous);
    if (unit.empty()) {
      errors.At(
          sheet, r, unit_col,
          unit_text.empty() ? std::string("the unit is empty")
                            : "unknown unit '" + unit_text + "' in " + ys,
          unit_text.empty() ? std::string("单位为空") : ys + " 年度没有单位「" + unit_text + "」");
      continue;
    }
    // The period.
    const std::string period = PeriodOf(cell(r, col("period")), year);
    if (!core::ParsePeriodOfYear(period, year, false).ok()) {
      errors.At(sheet, r, col("period"),
                "期间 '" + cell(r, col("period")) + "' is not a period of " + ys + " (write " + ys +
                    ", " + ys + "-03, 3月 or 年终)",
                "期间「" + cell(r, col("period")) + "」不是 " + ys + " 年度的期间（可写 " + ys +
                    "、" + ys + "-03、3月 或 年终）");
      continue;
    }
    std::optional<std::string> note;
    if (col("note")) note = cell(r, col("note"));
    bool no_data = false;
    if (col("no_data")) {
      auto yes = ParseYesNo(cell(r, col("no_data")));
      if (!yes) {
        errors.At(sheet, r, col("no_data"), "无数据 must be 是 or 否", "无数据应为「是」或「否」");
        continue;
      }
      no_data = *yes;
    }
    if (col("value")) {  // long
      const std::optional<size_t> ind_col =
          cell(r, col("indicator_id")).empty()
              ? (col("indicator_name") ? col("indicator_name") : col("level3"))
              : col("indicator_id");
      const std::string text = cell(r, ind_col);
      const std::string leaf = leaves.Find(text, &ambiguous);
      if (leaf.empty()) {
        errors.At(sheet, r, ind_col,
                  ambiguous ? "two leaf indicators are named '" + text + "': give the 指标编码"
                            : "no leaf indicator '" + text + "' in " + ys,
                  ambiguous ? "有两个末级指标名为「" + text + "」，请填写指标编码"
                            : ys + " 年度没有末级指标「" + text + "」");
        continue;
      }
      take(r, *col("value"), leaf, unit, period, cell(r, col("value")), no_data, note);
    } else {  // wide
      for (const auto& [c, leaf] : leaf_cols)
        take(r, c, leaf, unit, period, cell(r, c), no_data, note);
    }
  }
  if (not_led) {
    return Status::Denied("sheet '" + sheet.name + "' " +
                          io::CellName(not_led->first, not_led->second) + ": indicator " +
                          not_led_id + " is not led by your unit")
        .Zh("工作表「" + sheet.name + "」" + io::CellName(not_led->first, not_led->second) +
            "：指标 " + not_led_id + " 不由本单位牵头考核");
  }
  if (read.empty() && !errors.any()) {
    errors.Sheet(sheet.name, "no values below the header", "表头下没有数据");
  }
  if (errors.any()) return report;
  // What changes.
  std::map<std::tuple<std::string, std::string, std::string>, const core::Datum*> stored;
  for (const auto& d : data->values) stored[{d.indicator_id, d.unit_id, d.period}] = &d;
  std::vector<core::Datum> writes;
  for (Read& x : read) {
    core::Datum& d = x.d;
    const std::string key = d.indicator_id + "/" + d.unit_id + "/" + d.period;
    auto it = stored.find({d.indicator_id, d.unit_id, d.period});
    if (it == stored.end()) {
      report.Add({"added", "value", key, "", DatumText(d)});
    } else {
      const core::Datum& old = *it->second;
      if (!col("note")) d.note = old.note;
      if (old.value == d.value && old.no_data == d.no_data && old.note == d.note) continue;
      report.Add({"changed", "value", key, DatumText(old), DatumText(d)});
    }
    d.entered_by = caller.username;
    writes.push_back(std::move(d));
  }
  if (writes.empty()) {
    report.applied = !options.dry_run;
    return report;
  }
  Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    for (const core::Datum& d : writes) GOVPERF_RETURN_IF_ERROR(tx.PutDatum(year, d));
    return options.dry_run ? DryRunRollback() : Status::Ok();
  });
  if (!st.ok() && !IsDryRunRollback(st)) return st;
  report.applied = !options.dry_run;
  return report;
}

}  // namespace govperf::app::exchange
