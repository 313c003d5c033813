// What the importers and exporters share: sheet names, column lists, the
// error collector, lookups of units/categories/methods by id or name, and
// the dry-run rollback. Internal to app/exchange.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/exchange/exchange.h"
#include "core/model.h"
#include "io/xlsx_write.h"

namespace govperf::app::exchange {

// Sheet names, as exports write them; imports look for them first and
// otherwise take the sheet whose header fits.
inline constexpr const char* kUnitsSheet = "单位名录";
inline constexpr const char* kSchemeSheet = "指标体系";
inline constexpr const char* kTargetsSheet = "目标值";
inline constexpr const char* kValuesSheet = "监测数据";
inline constexpr const char* kResultsSheet = "考核结果";

// Columns (io/sheet_headers.h fields) in the order exports write them.
const std::vector<std::string>& UnitFields();
const std::vector<std::string>& SchemeFields();
const std::vector<std::string>& ValueFields();

// A sheet with a title row and a header row of the fields' Chinese labels.
io::OutSheet HeadedSheet(const std::string& name, const std::string& title,
                         const std::vector<std::string>& header_labels);
std::vector<std::string> Labels(const std::vector<std::string>& fields);

// Collects every error of a file.
class Errors {
 public:
  explicit Errors(std::vector<io::SheetError>* out) : out_(out) {}
  // `col` empty: the whole row; row SIZE_MAX with a column: the column.
  void At(const io::Sheet& sheet, size_t row, std::optional<size_t> col, std::string en,
          std::string zh);
  void Sheet(const std::string& sheet, std::string en, std::string zh);
  bool any() const { return !out_->empty(); }
  size_t size() const { return out_->size(); }

 private:
  std::vector<io::SheetError>* out_;
};

// Names compared as offices type them: NormalizeCell, inner spaces removed,
// ASCII lower-cased ("东 区" is "东区", "Ｄ０１" is "d01").
std::string NameKey(std::string_view text);

// Ids and names of units or categories; a text names an entry by its id or
// by its name.
class Lookup {
 public:
  void Add(const std::string& id, const std::string& name);
  // The id named by `text`; "" when unknown; sets *ambiguous when two
  // entries have that name (and no id matches).
  std::string Find(std::string_view text, bool* ambiguous = nullptr) const;
  bool HasId(const std::string& id) const { return ids_.count(id) > 0; }

 private:
  std::map<std::string, std::string> ids_;                 // id → id
  std::map<std::string, std::vector<std::string>> names_;  // NameKey(name) → ids
  std::map<std::string, std::string> id_keys_;             // NameKey(id) → id
};

// A scoring method by code ("completion_ratio") or Chinese name ("完成率法",
// "完成率"); "" when unknown.
std::string ResolveMethod(std::string_view text);
// "completion_ratio, 完成率法 (completion ratio), ..." for messages.
std::string MethodList();

std::optional<core::UnitKind> ParseKindText(std::string_view text);
const char* KindZh(core::UnitKind k);
// A new category's kind from its name when the sheet does not say.
core::UnitKind GuessKind(std::string_view category_name);

// 是/否, TRUE/FALSE, 1/0, yes/no, √; nullopt otherwise.
std::optional<bool> ParseYesNo(std::string_view text);

// The smallest "<prefix><n>" (n from 1, zero-padded to `width`) not in use.
std::string FreeId(const std::string& prefix, int width,
                   const std::function<bool(const std::string&)>& used);

// The status a dry run returns from inside Store::Write to roll everything
// back (guarantee 3 of exchange.h), and its test.
Status DryRunRollback();
bool IsDryRunRollback(const Status& st);

// The per-kind importers and exporters (one file each).
Result<ImportReport> ImportUnits(store::Store& store, const Caller& caller, const io::Workbook& wb,
                                 const ImportOptions& options, ImportReport report);
Result<ImportReport> ImportScheme(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, const io::Workbook& wb, const ImportOptions& options,
                                  ImportReport report);
Result<ImportReport> ImportTargets(YearCache& years, store::Store& store, const Caller& caller,
                                   int year, const io::Workbook& wb, const ImportOptions& options,
                                   ImportReport report);
Result<ImportReport> ImportValues(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, const io::Workbook& wb, const ImportOptions& options,
                                  ImportReport report);

// Reads a wide targets sheet (rows: units; columns: leaf indicators) or a
// long one (indicator, unit, 目标值) into `targets`, for the scheme's units
// and leaves; errors into `errors`. Blank cells are skipped.
void ReadTargets(const io::Sheet& sheet, const core::Scheme& scheme, Errors& errors,
                 std::map<core::UnitIndicatorKey, double>* targets,
                 std::vector<core::UnitIndicatorKey>* cleared);

// Header cells wide layouts skip rather than read as indicators (序号, No.).
bool IgnorableHeader(std::string_view text);

// Leaves of a scheme, in scheme order.
std::vector<const core::Indicator*> Leaves(const core::Scheme& s);
// "1.1.1 投资完成率": a leaf's column header in wide sheets.
std::string LeafHeader(const core::Indicator& leaf);

// Export sheets.
io::OutSheet UnitsSheet(const store::Org& org);
io::OutSheet SchemeSheet(const core::Scheme& s, const store::Org& org);
io::OutSheet TargetsSheet(const core::Scheme& s);

// Shortest round-trip text of a number, for change lists.
std::string Num(double v);
const char* TypeZh(core::IndicatorType t);                            // 结果 | 产出 | 过程
std::string ParamsText(const std::map<std::string, double>& params);  // "cap=1.2; floor=0"

// Target changes between two schemes, into the report.
void DiffTargets(const core::Scheme& before, const core::Scheme& after, ImportReport& report);
// app::CheckImportScheme, then SaveScheme in one transaction (rolled back in
// a dry run). `rows` maps an indicator id to its sheet row, so that a
// ValidateScheme message naming an indicator becomes a cell error.
Result<ImportReport> SaveImportedScheme(
    store::Store& store, const Caller& caller, int year, const core::Scheme& scheme,
    const std::map<std::string, std::pair<const io::Sheet*, size_t>>& rows,
    const ImportOptions& options, ImportReport report);

}  // namespace govperf::app::exchange
