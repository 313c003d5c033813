// Per-unit targets (目标值): a sheet with units down and leaf indicators
// across (the layout exports write: a column per leaf headed "1.1.1 名称",
// or by the leaf's name alone), or a long one (indicator, unit, 目标值).
// A number sets the target, "-" / "—" / "无" removes it, a blank cell leaves
// it as it is. Targets belong to the scheme: the year must be in a stage
// that allows a scheme write (draft or setting).
#include <set>

#include "app/exchange/common.h"
#include "app/years.h"
#include "io/sheet_table.h"

namespace govperf::app::exchange {
namespace {

bool IsClear(const std::string& text) {
  const std::string k = NameKey(text);
  return k == "-" || k == "—" || k == "无" || k == "--";
}

}  // namespace

void ReadTargets(const io::Sheet& sheet, const core::Scheme& scheme, Errors& errors,
                 std::map<core::UnitIndicatorKey, double>* targets,
                 std::vector<core::UnitIndicatorKey>* cleared) {
  io::SheetError header_error;
  auto layout = io::FindTable(
      sheet, {"unit_id", "unit_name", "indicator_id", "indicator_name", "level3", "target"},
      {{"unit_id", "unit_name"}}, &header_error);
  if (!layout.ok()) {
    errors.Sheet(header_error.sheet, header_error.message, header_error.message_zh);
    return;
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
  const auto col = [&](const char* f) { return layout->Column(f); };
  const auto cell = [&](size_t r, std::optional<size_t> c) {
    return c ? io::TrimCell(sheet.At(r, *c)) : std::string();
  };
  const auto find_unit = [&](size_t r) -> std::string {
    const std::string by_id = cell(r, col("unit_id"));
    const std::string text = by_id.empty() ? cell(r, col("unit_name")) : by_id;
    const std::optional<size_t> c = by_id.empty() ? col("unit_name") : col("unit_id");
    bool ambiguous = false;
    const std::string id = units.Find(text, &ambiguous);
    if (id.empty()) {
      errors.At(sheet, r, c,
                text.empty() ? std::string("the unit is empty")
                             : "unknown unit '" + text + "' in " + std::to_string(scheme.year),
                text.empty() ? std::string("单位为空")
                             : std::to_string(scheme.year) + " 年度没有单位「" + text + "」");
    }
    return id;
  };
  const auto put = [&](size_t r, size_t c, const std::string& leaf, const std::string& unit,
                       const std::string& text, std::map<core::UnitIndicatorKey, size_t>& seen) {
    if (text.empty()) return;
    const core::UnitIndicatorKey key{leaf, unit};
    if (auto it = seen.find(key); it != seen.end()) {
      errors.At(sheet, r, c,
                "duplicate of row " + std::to_string(it->second + 1) + " (same indicator " + leaf +
                    " and unit " + unit + ")",
                "与第 " + std::to_string(it->second + 1) + " 行重复（指标 " + leaf + "、单位 " +
                    unit + "）");
      return;
    }
    seen[key] = r;
    if (!IsAssessed(*leaf_by_id[leaf], *unit_by_id[unit])) {
      errors.At(sheet, r, c, "unit " + unit + " is not assessed on indicator " + leaf,
                "单位 " + unit + " 不考核指标 " + leaf);
      return;
    }
    if (IsClear(text)) {
      cleared->push_back(key);
      return;
    }
    auto v = io::ParseCellNumber(text);
    if (!v.ok()) {
      errors.At(sheet, r, c, "目标值: " + v.status().message(),
                "目标值：" + v.status().message_zh());
      return;
    }
    (*targets)[key] = *v;
  };
  std::map<core::UnitIndicatorKey, size_t> seen;
  if (col("target")) {  // long: one target per row
    const std::optional<size_t> ind_col = col("indicator_id")     ? col("indicator_id")
                                          : col("indicator_name") ? col("indicator_name")
                                                                  : col("level3");
    if (!ind_col) {
      errors.Sheet(sheet.name, "a 目标值 column needs a 指标编码 or 指标名称 column",
                   "有「目标值」列时还需要「指标编码」或「指标名称」列");
      return;
    }
    for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
      if (io::RowBlank(sheet, r)) continue;
      const std::string text = cell(r, ind_col);
      bool ambiguous = false;
      const std::string leaf = leaves.Find(text, &ambiguous);
      const std::string unit = find_unit(r);
      if (leaf.empty()) {
        errors.At(sheet, r, ind_col,
                  ambiguous ? "two leaf indicators are named '" + text + "': give the 指标编码"
                            : "no leaf indicator '" + text + "' in " + std::to_string(scheme.year),
                  ambiguous ? "有两个末级指标名为「" + text + "」，请填写指标编码"
                            : std::to_string(scheme.year) + " 年度没有末级指标「" + text + "」");
      }
      if (leaf.empty() || unit.empty()) continue;
      put(r, *col("target"), leaf, unit, cell(r, col("target")), seen);
    }
    return;
  }
  // Wide: the other header cells name leaves ("1.1.1 名称", "1.1.1" or the name).
  std::vector<std::pair<size_t, std::string>> leaf_cols;
  for (const auto& [c, header] : layout->others) {
    if (IgnorableHeader(header)) continue;
    const std::string norm = io::NormalizeCell(header);
    const std::string first = norm.substr(0, norm.find(' '));
    std::string leaf = leaf_by_id.count(first) ? first : "";
    bool ambiguous = false;
    if (leaf.empty()) leaf = leaves.Find(header, &ambiguous);
    if (leaf.empty()) {
      errors.At(sheet, layout->header_row, c,
                ambiguous ? "two leaf indicators are named '" + header +
                                "': head the column with its 指标编码"
                          : "the column header '" + header + "' names no leaf indicator of " +
                                std::to_string(scheme.year),
                ambiguous ? "有两个末级指标名为「" + header + "」，请在列标题中写指标编码"
                          : "列标题「" + header + "」不是 " + std::to_string(scheme.year) +
                                " 年度的末级指标");
      continue;
    }
    leaf_cols.emplace_back(c, leaf);
  }
  std::map<std::string, size_t> unit_rows;
  for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
    if (io::RowBlank(sheet, r)) continue;
    const std::string unit = find_unit(r);
    if (unit.empty()) continue;
    if (auto it = unit_rows.find(unit); it != unit_rows.end()) {
      errors.At(sheet, r, col("unit_id") ? col("unit_id") : col("unit_name"),
                "duplicate of row " + std::to_string(it->second + 1) + " (same unit " + unit + ")",
                "与第 " + std::to_string(it->second + 1) + " 行重复（单位 " + unit + "）");
      continue;
    }
    unit_rows[unit] = r;
    for (const auto& [c, leaf] : leaf_cols) put(r, c, leaf, unit, cell(r, c), seen);
  }
}

Result<ImportReport> ImportTargets(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const io::Workbook& wb, const ImportOptions& options,
                                   ImportReport report) {
  auto stored = store.LoadScheme(year);
  if (!stored.ok()) {
    if (stored.status().code() != Code::kNotFound) return stored.status();
    return Status::NotFound("year: " + std::to_string(year) +
                            " has no scheme: import the scheme first")
        .Field("year")
        .Zh("year：" + std::to_string(year) + " 年度还没有考核方案，请先导入方案");
  }
  const core::Scheme& base = *stored;
  const io::Sheet* sheet = wb.Find(kTargetsSheet);
  if (!sheet) sheet = &wb.sheets.front();
  Errors errors(&report.errors);
  std::map<core::UnitIndicatorKey, double> read;
  std::vector<core::UnitIndicatorKey> cleared;
  ReadTargets(*sheet, base, errors, &read, &cleared);
  if (read.empty() && cleared.empty() && !errors.any()) {
    errors.Sheet(sheet->name, "no targets below the header", "表头下没有目标值");
  }
  if (errors.any()) return report;
  core::Scheme scheme = base;
  for (const auto& [k, v] : read) scheme.targets[k] = v;
  for (const auto& k : cleared) scheme.targets.erase(k);
  DiffTargets(base, scheme, report);
  (void)years;
  return SaveImportedScheme(store, caller, year, scheme, {}, options, std::move(report));
}

}  // namespace govperf::app::exchange
