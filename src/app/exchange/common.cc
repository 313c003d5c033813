#include "app/exchange/common.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/scoring/registry.h"
#include "io/sheet_headers.h"

namespace govperf::app::exchange {
namespace {

constexpr const char* kDryRunField = "$dry_run";

}  // namespace

const std::vector<std::string>& UnitFields() {
  static const std::vector<std::string> k = {"unit_id", "unit_name", "unit_name_en", "category",
                                             "parent",  "unit_kind", "status"};
  return k;
}

const std::vector<std::string>& SchemeFields() {
  static const std::vector<std::string> k = {
      "level1",    "level2",     "level3",  "indicator_id", "points",     "unit_of_measure",
      "direction", "method",     "params",  "formula",      "lead",       "type",
      "applies",   "cumulative", "content", "criteria",     "data_source"};
  return k;
}

const std::vector<std::string>& ValueFields() {
  static const std::vector<std::string> k = {
      "indicator_id", "indicator_name", "unit_id", "unit_name",
      "period",       "value",          "no_data", "note"};
  return k;
}

std::vector<std::string> Labels(const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const std::string& f : fields) {
    const io::HeaderField* hf = io::FindHeaderField(f);
    out.push_back(hf ? hf->label_zh : f);
  }
  return out;
}

io::OutSheet HeadedSheet(const std::string& name, const std::string& title,
                         const std::vector<std::string>& header_labels) {
  io::OutSheet s;
  s.name = name;
  s.title_rows = 1;
  s.header_rows = 1;
  s.rows.push_back({io::OutCell(title)});
  std::vector<io::OutCell> header;
  for (const std::string& l : header_labels) header.emplace_back(l);
  s.rows.push_back(std::move(header));
  for (const std::string& l : header_labels) {
    s.widths.push_back(std::max<double>(10, static_cast<double>(l.size()) / 3 * 2 + 4));
  }
  return s;
}

void Errors::At(const io::Sheet& sheet, size_t row, std::optional<size_t> col, std::string en,
                std::string zh) {
  std::string cell;
  if (col && row == SIZE_MAX) {
    cell = "column " + io::ColumnName(*col);
  } else if (col) {
    cell = io::CellName(row, *col);
  } else {
    cell = "row " + std::to_string(row + 1);
  }
  out_->push_back({sheet.name, std::move(cell), std::move(en), std::move(zh)});
}

void Errors::Sheet(const std::string& sheet, std::string en, std::string zh) {
  out_->push_back({sheet, "", std::move(en), std::move(zh)});
}

std::string NameKey(std::string_view text) {
  std::string s = io::NormalizeCell(text);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

void Lookup::Add(const std::string& id, const std::string& name) {
  ids_[id] = id;
  id_keys_.emplace(NameKey(id), id);
  if (!name.empty()) {
    auto& v = names_[NameKey(name)];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
  }
}

std::string Lookup::Find(std::string_view text, bool* ambiguous) const {
  if (ambiguous) *ambiguous = false;
  const std::string trimmed = io::TrimCell(text);
  if (ids_.count(trimmed)) return trimmed;
  const std::string key = NameKey(trimmed);
  if (key.empty()) return "";
  if (auto it = id_keys_.find(key); it != id_keys_.end()) return it->second;
  auto it = names_.find(key);
  if (it == names_.end()) return "";
  if (it->second.size() > 1) {
    if (ambiguous) *ambiguous = true;
    return "";
  }
  return it->second.front();
}

std::string ResolveMethod(std::string_view text) {
  const std::string key = NameKey(text);
  if (key.empty()) return "";
  for (const auto& m : core::scoring::Methods()) {
    const std::string zh = NameKey(m.name_zh);
    if (key == m.name || key == zh) return m.name;
    // "完成率" for "完成率法".
    if (zh.size() > 3 && zh.substr(zh.size() - 3) == "法" && key == zh.substr(0, zh.size() - 3)) {
      return m.name;
    }
  }
  return "";
}

std::string MethodList() {
  std::string out;
  for (const auto& m : core::scoring::Methods()) {
    if (!out.empty()) out += ", ";
    out += std::string(m.name_zh) + " (" + m.name + ")";
  }
  return out;
}

std::optional<core::UnitKind> ParseKindText(std::string_view text) {
  const std::string k = NameKey(text);
  if (k.empty()) return std::nullopt;
  if (auto parsed = core::ParseUnitKind(k)) return parsed;
  if (k == "区县" || k == "县区" || k == "区" || k == "县" || k == "县(市、区)" || k == "县市区") {
    return core::UnitKind::kDistrict;
  }
  if (k == "市直单位" || k == "市直部门" || k == "部门" || k == "市直") {
    return core::UnitKind::kDepartment;
  }
  if (k == "驻市单位" || k == "中省驻市单位" || k == "驻市") return core::UnitKind::kStationed;
  return std::nullopt;
}

const char* KindZh(core::UnitKind k) {
  switch (k) {
    case core::UnitKind::kDistrict:
      return "区县";
    case core::UnitKind::kDepartment:
      return "市直单位";
    case core::UnitKind::kStationed:
      return "驻市单位";
  }
  return "";
}

core::UnitKind GuessKind(std::string_view name) {
  const std::string n(name);
  if (n.find("驻") != std::string::npos) return core::UnitKind::kStationed;
  if (n.find("区") != std::string::npos || n.find("县") != std::string::npos) {
    return core::UnitKind::kDistrict;
  }
  return core::UnitKind::kDepartment;
}

std::optional<bool> ParseYesNo(std::string_view text) {
  const std::string k = NameKey(text);
  if (k == "是" || k == "true" || k == "1" || k == "yes" || k == "y" || k == "√") return true;
  if (k == "否" || k == "false" || k == "0" || k == "no" || k == "n" || k.empty()) return false;
  return std::nullopt;
}

std::string FreeId(const std::string& prefix, int width,
                   const std::function<bool(const std::string&)>& used) {
  for (int n = 1;; ++n) {
    std::string num = std::to_string(n);
    if (static_cast<int>(num.size()) < width) num.insert(0, width - num.size(), '0');
    if (!used(prefix + num)) return prefix + num;
  }
}

Status DryRunRollback() {
  return Status(Code::kAlreadyExists, "dry run: rolled back").Field(kDryRunField);
}

bool IsDryRunRollback(const Status& st) { return st.field() == kDryRunField; }

bool IgnorableHeader(std::string_view text) {
  const std::string k = NameKey(text);
  return k == "序号" || k == "序" || k == "no" || k == "no." || k == "排序" || k == "合计";
}

std::vector<const core::Indicator*> Leaves(const core::Scheme& s) {
  std::set<std::string> parents;
  for (const auto& i : s.indicators) parents.insert(i.parent_id);
  std::vector<const core::Indicator*> out;
  for (const auto& i : s.indicators) {
    if (!parents.count(i.id)) out.push_back(&i);
  }
  return out;
}

std::string LeafHeader(const core::Indicator& leaf) { return leaf.id + " " + leaf.name_zh; }

std::string Num(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

const char* TypeZh(core::IndicatorType t) {
  switch (t) {
    case core::IndicatorType::kOutcome:
      return "结果";
    case core::IndicatorType::kOutput:
      return "产出";
    case core::IndicatorType::kProcess:
      return "过程";
  }
  return "";
}

std::string ParamsText(const std::map<std::string, double>& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += "; ";
    out += k + "=" + Num(v);
  }
  return out;
}

void ImportReport::Add(ImportChange c) {
  ++counts[c.entity + "." + c.op];
  ++total_changes;
  if (changes.size() < kMaxListedChanges) changes.push_back(std::move(c));
}

}  // namespace govperf::app::exchange
