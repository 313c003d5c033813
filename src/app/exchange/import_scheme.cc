// The indicator scheme (指标体系) from a workbook: one row per leaf, the
// upper levels (一级/二级/三级指标) in their own columns — merged, repeated
// or left blank below their first row — plus an optional 目标值 sheet of
// per-unit targets. The year's categories and units stay as they are (a new
// year takes the registry's); the indicators and, when the sheet is there,
// the targets are replaced. Ids are kept for indicators whose names (path of
// levels) the year already has, taken from 指标编码 when given, and numbered
// 1, 1.2, 1.2.3 otherwise.
#include <set>

#include "app/exchange/common.h"
#include "app/limits.h"
#include "app/years.h"
#include "core/evaluate.h"
#include "core/number.h"
#include "io/sheet_table.h"

namespace govperf::app::exchange {
namespace {

constexpr size_t kMaxIndicatorNameChars = 200;

// "经济发展（30分）" → "经济发展": the points some offices write into an
// upper level's name.
std::string StripPointsSuffix(const std::string& name) {
  const std::string n = io::NormalizeCell(name);
  if (n.size() < 4 || n.back() != ')') return name;
  const size_t open = n.rfind('(');
  if (open == std::string::npos || open == 0) return name;
  std::string inner = n.substr(open + 1, n.size() - open - 2);
  if (inner.size() >= 3 && inner.substr(inner.size() - 3) == "分") inner.resize(inner.size() - 3);
  if (!core::ParseNumber(io::TrimCell(inner)).ok()) return name;
  // Cut the original at the same character count as the normalized text.
  const std::string head = io::TrimCell(n.substr(0, open));
  size_t chars = 0;
  for (unsigned char c : head) chars += (c & 0xC0) != 0x80;
  size_t i = 0, seen = 0;
  for (; i < name.size() && seen < chars; ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) ++seen;
  }
  while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
  return io::TrimCell(name.substr(0, i));
}

std::optional<core::IndicatorType> ParseType(std::string_view text) {
  const std::string k = NameKey(text);
  if (auto t = core::ParseIndicatorType(k)) return t;
  if (k.find("结果") != std::string::npos || k.find("成效") != std::string::npos) {
    return core::IndicatorType::kOutcome;
  }
  if (k.find("产出") != std::string::npos) return core::IndicatorType::kOutput;
  if (k.find("过程") != std::string::npos) return core::IndicatorType::kProcess;
  return std::nullopt;
}

std::optional<core::Direction> ParseDirection(std::string_view text) {
  const std::string k = NameKey(text);
  if (k == "正向" || k == "1" || k == "越高越好" || k == "越大越好" || k == "higher") {
    return core::Direction::kHigherBetter;
  }
  if (k == "逆向" || k == "反向" || k == "-1" || k == "越低越好" || k == "越小越好" ||
      k == "lower") {
    return core::Direction::kLowerBetter;
  }
  return std::nullopt;
}

// "floor=0.6; cap=1.2" (also full-width ；， and ＝).
Result<std::map<std::string, double>> ParseParams(std::string_view text) {
  std::map<std::string, double> out;
  std::string s = io::NormalizeCell(text);
  for (char& c : s) {
    if (c == ',' || c == '\n') c = ';';
  }
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    const std::string item = io::TrimCell(s.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos) {
      return Status::Invalid("'" + item + "' is not name=value")
          .Zh("「" + item + "」不是 名称=数值");
    }
    const std::string name = io::TrimCell(item.substr(0, eq));
    auto v = io::ParseCellNumber(item.substr(eq + 1));
    if (!v.ok())
      return Status::Invalid(name + ": " + v.status().message())
          .Zh(name + "：" + v.status().message());
    out[name] = *v;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  const std::string s = io::NormalizeCell(text);
  for (size_t i = 0; i < s.size();) {
    // Separators: , ; / newline, and 、 (U+3001, E3 80 81).
    if (s.compare(i, 3, "\xE3\x80\x81") == 0) {
      i += 3;
    } else if (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == '\n') {
      ++i;
    } else {
      cur += s[i++];
      continue;
    }
    if (!io::TrimCell(cur).empty()) out.push_back(io::TrimCell(cur));
    cur.clear();
  }
  if (!io::TrimCell(cur).empty()) out.push_back(io::TrimCell(cur));
  return out;
}

struct Node {
  std::vector<std::string> path;  // names from level 1 down
  size_t row = 0;                 // first row that names it
  bool leaf_row = false;          // a row defines it as a leaf (points etc.)
  core::Indicator ind;
  std::string given_id;
};

std::string PathKey(const std::vector<std::string>& path, size_t n) {
  std::string k;
  for (size_t i = 0; i < n; ++i) k += NameKey(path[i]) + "\x1f";
  return k;
}

std::string IndicatorText(const core::Indicator& i) {
  std::string out = i.name_zh;
  if (i.points > 0) out += " / " + Num(i.points) + "分 / " + i.method;
  if (!i.params.empty()) out += " [" + ParamsText(i.params) + "]";
  if (!i.lead_unit_id.empty()) out += " / 牵头 " + i.lead_unit_id;
  return out;
}

bool SameIndicator(const core::Indicator& a, const core::Indicator& b) {
  return a.parent_id == b.parent_id && a.level == b.level && a.name_zh == b.name_zh &&
         a.name_en == b.name_en && a.points == b.points && a.direction == b.direction &&
         a.unit_of_measure == b.unit_of_measure && a.method == b.method && a.formula == b.formula &&
         a.params == b.params && a.lead_unit_id == b.lead_unit_id && a.type == b.type &&
         a.cumulative == b.cumulative && a.category_ids == b.category_ids &&
         a.unit_ids == b.unit_ids;
}

const io::Sheet* FindSchemeSheet(const io::Workbook& wb, io::SheetError* err) {
  const std::vector<std::vector<std::string>> req = {
      {"points"}, {"level1", "level2", "level3", "indicator_name"}};
  if (const io::Sheet* s = wb.Find(kSchemeSheet)) return s;
  for (const io::Sheet& s : wb.sheets) {
    io::SheetError e;
    if (io::FindTable(s, SchemeFields(), req, &e).ok()) return &s;
    if (&s == &wb.sheets.front()) *err = e;
  }
  return nullptr;
}

}  // namespace

void DiffTargets(const core::Scheme& before, const core::Scheme& after, ImportReport& report) {
  for (const auto& [k, v] : after.targets) {
    auto it = before.targets.find(k);
    const std::string key = k.first + "/" + k.second;
    if (it == before.targets.end()) {
      report.Add({"added", "target", key, "", Num(v)});
    } else if (it->second != v) {
      report.Add({"changed", "target", key, Num(it->second), Num(v)});
    }
  }
  for (const auto& [k, v] : before.targets) {
    if (!after.targets.count(k))
      report.Add({"removed", "target", k.first + "/" + k.second, Num(v), ""});
  }
}

// Writes the scheme (app::CheckImportScheme's checks, then SaveScheme in one
// transaction; a dry run rolls it back). ValidateScheme's message names an
// indicator by its position: turned into its sheet row when known.
Result<ImportReport> SaveImportedScheme(
    store::Store& store, const Caller& caller, int year, const core::Scheme& scheme,
    const std::map<std::string, std::pair<const io::Sheet*, size_t>>& rows,
    const ImportOptions& options, ImportReport report) {
  auto info = store.FindYear(year);
  if (!info.ok()) return info.status();
  report.year_created = !info->has_value();
  // Nothing to change in an existing year: the stored scheme stands as it is
  // (and a year past its setting stage may be re-imported as a check).
  if (report.total_changes == 0 && !report.year_created) {
    report.applied = !options.dry_run;
    return report;
  }
  Status check = CheckImportScheme(store, caller, year, scheme);
  if (!check.ok()) {
    if (check.code() != Code::kInvalidArgument) return check;
    // "indicators[7] (1.2.3): ..." → the row of indicator 1.2.3.
    const std::string& m = check.message();
    const size_t open = m.find(" ("), close = m.find("):");
    if (m.rfind("indicators[", 0) == 0 && open != std::string::npos && close != std::string::npos) {
      const std::string id = m.substr(open + 2, close - open - 2);
      if (auto it = rows.find(id); it != rows.end()) {
        Errors errors(&report.errors);
        errors.At(*it->second.first, it->second.second, std::nullopt,
                  "indicator " + id + m.substr(close + 1),
                  "指标 " + id +
                      check.message_zh().substr(std::min(check.message_zh().size(), close + 1)));
        return report;
      }
    }
    report.errors.push_back({scheme.year ? kSchemeSheet : "", "", m, check.message_zh()});
    return report;
  }
  Status st = store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    GOVPERF_RETURN_IF_ERROR(tx.SaveScheme(scheme));
    return options.dry_run ? DryRunRollback() : Status::Ok();
  });
  if (!st.ok() && !IsDryRunRollback(st)) return st;
  report.applied = !options.dry_run;
  return report;
}

Result<ImportReport> ImportScheme(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, const io::Workbook& wb, const ImportOptions& options,
                                  ImportReport report) {
  Errors errors(&report.errors);
  io::SheetError header_error;
  const io::Sheet* found = FindSchemeSheet(wb, &header_error);
  if (!found) {
    report.errors.push_back(header_error);
    return report;
  }
  const io::Sheet& sheet = *found;
  auto layout =
      io::FindTable(sheet, SchemeFields(),
                    {{"points"}, {"level1", "level2", "level3", "indicator_name"}}, &header_error);
  if (!layout.ok()) {
    report.errors.push_back(header_error);
    return report;
  }
  // The year's scheme as it stands, or what a new year starts with.
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  core::Scheme base;
  auto stored = store.LoadScheme(year);
  if (stored.ok()) {
    base = std::move(stored).value();
  } else if (stored.status().code() == Code::kNotFound) {
    base = SchemeFromRegistry(*org, year);
  } else {
    return stored.status();
  }
  const auto col = [&](const char* f) { return layout->Column(f); };
  const auto cell = [&](size_t r, std::optional<size_t> c) {
    return c ? io::TrimCell(sheet.At(r, *c)) : std::string();
  };
  // The default method, when the sheet does not give one.
  std::string default_method;
  if (!options.default_method.empty()) {
    default_method = ResolveMethod(options.default_method);
    if (default_method.empty()) {
      return Status::Invalid("default_method: unknown scoring method '" + options.default_method +
                             "'; one of: " + MethodList())
          .Field("default_method")
          .Zh("default_method：没有计分方法「" + options.default_method + "」；可用：" +
              MethodList());
    }
  }
  if (!col("method") && default_method.empty()) {
    errors.Sheet(sheet.name,
                 "the sheet has no 计分方法 column: give a default method (CLI --default-method, "
                 "API ?default_method=), one of: " +
                     MethodList(),
                 "工作表没有「计分方法」列：请指定默认计分方法（命令行 --default-method，接口 "
                 "?default_method=），可用：" +
                     MethodList());
  }
  // Lookups: lead departments among the registry's units; applicability
  // among the year's categories and units.
  Lookup leads, cats, units;
  for (const auto& u : org->units) {
    if (!u.retired) leads.Add(u.id, u.name_zh);
  }
  for (const auto& c : base.categories) cats.Add(c.id, c.name_zh);
  for (const auto& u : base.units) units.Add(u.id, u.name_zh);
  std::map<std::string, std::string> old_ids;  // path key → id in the stored scheme
  {
    std::map<std::string, const core::Indicator*> by_id;
    for (const auto& i : base.indicators) by_id[i.id] = &i;
    for (const auto& i : base.indicators) {
      std::vector<std::string> path;
      for (const core::Indicator* p = &i; p;) {
        path.insert(path.begin(), p->name_zh);
        auto it = by_id.find(p->parent_id);
        p = it == by_id.end() ? nullptr : it->second;
      }
      old_ids[PathKey(path, path.size())] = i.id;
    }
  }
  const std::vector<std::optional<size_t>> level_cols = {col("level1"), col("level2"),
                                                         col("level3")};
  const bool has_levels = level_cols[0] || level_cols[1] || level_cols[2];
  std::vector<Node> nodes;                // in order of first appearance
  std::map<std::string, size_t> node_of;  // path key → index
  std::vector<std::string> prev(3);
  for (size_t r = layout->first_row; r < sheet.rows.size(); ++r) {
    if (io::RowBlank(sheet, r)) continue;
    std::vector<std::string> names(3);
    if (has_levels) {
      for (size_t l = 0; l < 3; ++l) names[l] = StripPointsSuffix(cell(r, level_cols[l]));
      if (names[2].empty() && col("indicator_name")) names[2] = cell(r, col("indicator_name"));
    } else {
      names[0] = cell(r, col("indicator_name"));
    }
    // Upper levels left blank below their first row (visual grouping).
    if (names[0].empty() && (!names[1].empty() || !names[2].empty())) names[0] = prev[0];
    if (names[1].empty() && !names[2].empty() && NameKey(names[0]) == NameKey(prev[0])) {
      names[1] = prev[1];
    }
    std::vector<std::string> path;
    for (const auto& n : names) {
      if (!n.empty()) path.push_back(n);
    }
    if (path.empty()) {
      // A row with points or a method but no indicator name.
      if (!cell(r, col("points")).empty()) {
        errors.At(
            sheet, r,
            has_levels ? level_cols[0] ? level_cols[0] : level_cols[1] : col("indicator_name"),
            "the row has 分值 but no indicator name", "该行有分值但没有指标名称");
      }
      continue;
    }
    prev = names;
    // Every prefix of the path is a node; the last one is this row's.
    for (size_t n = 1; n <= path.size(); ++n) {
      const std::string key = PathKey(path, n);
      if (node_of.count(key)) continue;
      Node node;
      node.path.assign(path.begin(), path.begin() + static_cast<long>(n));
      node.row = r;
      node.ind.name_zh = path[n - 1];
      node.ind.level = static_cast<int>(n);
      node_of[key] = nodes.size();
      nodes.push_back(std::move(node));
    }
    Node& node = nodes[node_of[PathKey(path, path.size())]];
    const std::string points = cell(r, col("points"));
    const bool heading = points.empty() && cell(r, col("method")).empty() &&
                         cell(r, col("lead")).empty() && cell(r, col("indicator_id")).empty();
    if (heading) continue;  // e.g. a row naming only 一级指标 above its children
    if (node.leaf_row) {
      errors.At(
          sheet, r, has_levels ? level_cols[path.size() - 1] : col("indicator_name"),
          "duplicate of row " + std::to_string(node.row + 1) + " (same indicator '" +
              node.ind.name_zh + "')",
          "与第 " + std::to_string(node.row + 1) + " 行重复（指标「" + node.ind.name_zh + "」）");
      continue;
    }
    node.leaf_row = true;
    node.row = r;
    core::Indicator& ind = node.ind;
    if (Status st = CheckText("name_zh", ind.name_zh, kMaxIndicatorNameChars, true); !st.ok()) {
      errors.At(sheet, r, has_levels ? level_cols[path.size() - 1] : col("indicator_name"),
                "indicator name: " + st.message(), "指标名称：" + st.message_zh());
    }
    if (auto pts = io::ParseCellNumber(points, "分"); !pts.ok()) {
      errors.At(sheet, r, col("points"), "分值: " + pts.status().message(),
                "分值：" + pts.status().message_zh());
    } else if (*pts <= 0) {
      errors.At(sheet, r, col("points"), "分值 must be greater than 0, got " + points,
                "分值应大于 0，实际为 " + points);
    } else {
      ind.points = *pts;
    }
    const std::string id = io::NormalizeCell(cell(r, col("indicator_id")));
    if (!id.empty()) {
      if (CheckId("indicator_id", id).ok()) {
        node.given_id = id;
      } else {
        errors.At(sheet, r, col("indicator_id"),
                  "指标编码 '" + id + "' must be 1..32 of A-Z a-z 0-9 _ . -",
                  "指标编码「" + id + "」应为 1–32 位字母、数字或 _ . -");
      }
    }
    const std::string method = cell(r, col("method"));
    if (!method.empty()) {
      ind.method = ResolveMethod(method);
      if (ind.method.empty()) {
        errors.At(sheet, r, col("method"),
                  "unknown 计分方法 '" + method + "'; one of: " + MethodList(),
                  "没有计分方法「" + method + "」；可用：" + MethodList());
      }
    } else if (!default_method.empty()) {
      ind.method = default_method;
    } else if (col("method")) {
      errors.At(sheet, r, col("method"), "计分方法 is empty and no default method was given",
                "计分方法为空，且未指定默认计分方法");
    }
    if (const std::string p = cell(r, col("params")); !p.empty()) {
      auto params = ParseParams(p);
      if (!params.ok()) {
        errors.At(sheet, r, col("params"), "计分参数: " + params.status().message(),
                  "计分参数：" + params.status().message_zh());
      } else {
        ind.params = *params;
      }
    }
    ind.formula = cell(r, col("formula"));
    if (const std::string lead = cell(r, col("lead")); !lead.empty()) {
      bool ambiguous = false;
      ind.lead_unit_id = leads.Find(lead, &ambiguous);
      if (ind.lead_unit_id.empty()) {
        errors.At(sheet, r, col("lead"),
                  ambiguous ? "two units are named '" + lead + "': give the 单位编码"
                            : "unknown unit '" + lead + "' as 牵头考核单位 (not in the registry)",
                  ambiguous ? "有两个单位名为「" + lead + "」，请填写单位编码"
                            : "牵头考核单位「" + lead + "」不在机构名录中");
      }
    }
    if (const std::string t = cell(r, col("type")); !t.empty()) {
      if (auto type = ParseType(t)) {
        ind.type = *type;
      } else {
        errors.At(sheet, r, col("type"), "指标类型 must be 结果, 产出 or 过程, not '" + t + "'",
                  "指标类型应为 结果、产出 或 过程，不是「" + t + "」");
      }
    }
    if (const std::string d = cell(r, col("direction")); !d.empty()) {
      if (auto dir = ParseDirection(d)) {
        ind.direction = *dir;
      } else {
        errors.At(sheet, r, col("direction"), "指标方向 must be 正向 or 逆向, not '" + d + "'",
                  "指标方向应为「正向」或「逆向」，不是「" + d + "」");
      }
    }
    ind.unit_of_measure = cell(r, col("unit_of_measure"));
    if (const std::string c = cell(r, col("cumulative")); !c.empty()) {
      if (auto yes = ParseYesNo(c)) {
        ind.cumulative = *yes;
      } else {
        errors.At(sheet, r, col("cumulative"), "累计值 must be 是 or 否, not '" + c + "'",
                  "累计值应为「是」或「否」，不是「" + c + "」");
      }
    }
    // 适用对象: categories or units by id or name; empty or 全部 = all categories.
    const std::string applies = cell(r, col("applies"));
    const std::string all_key = NameKey(applies);
    if (!applies.empty() && all_key != "全部" && all_key != "所有" && all_key != "all") {
      std::vector<std::string> cat_ids, unit_ids;
      for (const std::string& token : SplitList(applies)) {
        if (std::string c = cats.Find(token); !c.empty()) {
          cat_ids.push_back(c);
        } else if (std::string u = units.Find(token); !u.empty()) {
          unit_ids.push_back(u);
        } else {
          errors.At(sheet, r, col("applies"),
                    "适用对象 '" + token + "' is neither a category nor a unit of " +
                        std::to_string(year),
                    "适用对象「" + token + "」不是 " + std::to_string(year) + " 年度的类别或单位");
        }
      }
      if (!cat_ids.empty() && !unit_ids.empty()) {
        errors.At(sheet, r, col("applies"),
                  "适用对象 mixes categories and units: list either categories or units",
                  "适用对象不能同时列类别和单位");
      }
      ind.category_ids = cat_ids;
      ind.unit_ids = unit_ids;
    } else {
      for (const auto& c : base.categories) ind.category_ids.push_back(c.id);
    }
    // The office's own wording, kept with the leaf (考核内容, 评分标准, 数据来源).
    for (auto [f, field] : {std::pair{"content", &core::Indicator::content},
                            std::pair{"criteria", &core::Indicator::criteria},
                            std::pair{"data_source", &core::Indicator::data_source}}) {
      const std::string text = cell(r, col(f));
      if (text.empty()) continue;
      if (Status st = CheckText(f, text, kMaxTextChars, false, true); !st.ok()) {
        errors.At(sheet, r, col(f), st.message(), st.message_zh());
      }
      ind.*field = text;
    }
  }
  // Leaves need their points: a node named by a row of its own that got no
  // children is a leaf whose 分值 is missing.
  std::set<std::string> has_child;
  for (const Node& n : nodes) {
    if (n.path.size() > 1) has_child.insert(PathKey(n.path, n.path.size() - 1));
  }
  for (Node& n : nodes) {
    const bool leaf = !has_child.count(PathKey(n.path, n.path.size()));
    if (leaf && !n.leaf_row) {
      errors.At(sheet, n.row, col("points"), "分值 is empty for indicator '" + n.ind.name_zh + "'",
                "指标「" + n.ind.name_zh + "」的分值为空");
    } else if (!leaf && n.leaf_row) {
      errors.At(sheet, n.row, col("points"),
                "indicator '" + n.ind.name_zh +
                    "' has indicators below it: 分值 belongs to its lowest level",
                "指标「" + n.ind.name_zh + "」下还有下级指标：分值应填在末级指标上");
    }
  }
  if (nodes.empty() && !errors.any()) {
    errors.Sheet(sheet.name, "no indicator rows below the header", "表头下没有指标数据");
  }
  // Ids: kept from the stored scheme, else given, else numbered.
  std::set<std::string> used;
  for (Node& n : nodes) {
    auto old = old_ids.find(PathKey(n.path, n.path.size()));
    if (old != old_ids.end() && (n.given_id.empty() || n.given_id == old->second)) {
      n.ind.id = old->second;
    } else if (!n.given_id.empty()) {
      n.ind.id = n.given_id;
    }
    if (!n.ind.id.empty() && !used.insert(n.ind.id).second) {
      errors.At(sheet, n.row, col("indicator_id"), "指标编码 '" + n.ind.id + "' is used twice",
                "指标编码「" + n.ind.id + "」重复");
    }
  }
  std::map<std::string, int> child_count;  // parent id → children numbered so far
  for (Node& n : nodes) {
    std::string parent;
    if (n.path.size() > 1) parent = nodes[node_of[PathKey(n.path, n.path.size() - 1)]].ind.id;
    n.ind.parent_id = parent;
    if (!n.ind.id.empty()) continue;
    do {
      const int k = ++child_count[parent];
      n.ind.id = parent.empty() ? std::to_string(k) : parent + "." + std::to_string(k);
    } while (used.count(n.ind.id));
    used.insert(n.ind.id);
  }
  if (errors.any()) return report;

  core::Scheme scheme = base;
  scheme.year = year;
  scheme.indicators.clear();
  std::map<std::string, std::pair<const io::Sheet*, size_t>> rows;
  // Points of upper levels: the sum of their leaves (kept at 0 where the
  // stored scheme keeps them at 0), computed deepest first.
  std::map<std::string, double> sums;
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    const bool inner = has_child.count(PathKey(it->path, it->path.size())) > 0;
    const double own = inner ? sums[it->ind.id] : it->ind.points;
    if (!it->ind.parent_id.empty()) sums[it->ind.parent_id] += own;
  }
  std::map<std::string, const core::Indicator*> stored_by_id;
  for (const auto& old : base.indicators) stored_by_id[old.id] = &old;
  for (const Node& n : nodes) {
    core::Indicator ind = n.ind;
    auto old = stored_by_id.find(ind.id);
    // Inner nodes: their name, level, place in the tree and points.
    if (has_child.count(PathKey(n.path, n.path.size()))) {
      core::Indicator inner;
      inner.id = ind.id;
      inner.parent_id = ind.parent_id;
      inner.level = ind.level;
      inner.name_zh = ind.name_zh;
      const bool keep_zero = old != stored_by_id.end() && old->second->points == 0;
      inner.points = keep_zero ? 0 : sums[ind.id];
      if (old != stored_by_id.end()) {
        inner.direction = old->second->direction;
        inner.type = old->second->type;
        inner.category_ids = old->second->category_ids;
        inner.unit_ids = old->second->unit_ids;
        inner.method = old->second->method;
      }
      ind = inner;
    }
    // Keep what the sheet does not carry (English names, tags, errors).
    if (old != stored_by_id.end()) {
      ind.name_en = old->second->name_en;
      ind.orientations = old->second->orientations;
      ind.measurement_error = old->second->measurement_error;
    }
    rows[ind.id] = {&sheet, n.row};
    scheme.indicators.push_back(std::move(ind));
  }
  // Targets: the workbook's 目标值 sheet (or another sheet with units down
  // and indicators across) replaces them; otherwise the stored ones are kept
  // where their leaf and unit still exist.
  const io::Sheet* targets_sheet = wb.Find(kTargetsSheet);
  if (!targets_sheet) {
    for (const io::Sheet& s : wb.sheets) {
      if (&s == &sheet) continue;
      io::SheetError e;
      if (io::FindTable(s, {"unit_id", "unit_name"}, {{"unit_id", "unit_name"}}, &e).ok()) {
        targets_sheet = &s;
        break;
      }
    }
  }
  scheme.targets.clear();
  if (targets_sheet) {
    std::vector<core::UnitIndicatorKey> cleared;
    ReadTargets(*targets_sheet, scheme, errors, &scheme.targets, &cleared);
    if (errors.any()) return report;
  } else {
    std::set<std::string> leaf_ids;
    for (const core::Indicator* l : Leaves(scheme)) leaf_ids.insert(l->id);
    for (const auto& [k, v] : base.targets) {
      if (leaf_ids.count(k.first)) scheme.targets[k] = v;
    }
  }
  // What changes.
  std::map<std::string, const core::Indicator*> before;
  for (const auto& i : base.indicators) before[i.id] = &i;
  std::set<std::string> now;
  for (const auto& i : scheme.indicators) {
    now.insert(i.id);
    auto it = before.find(i.id);
    if (it == before.end()) {
      report.Add({"added", "indicator", i.id, "", IndicatorText(i)});
    } else if (!SameIndicator(*it->second, i)) {
      report.Add({"changed", "indicator", i.id, IndicatorText(*it->second), IndicatorText(i)});
    }
  }
  for (const auto& i : base.indicators) {
    if (!now.count(i.id)) report.Add({"removed", "indicator", i.id, IndicatorText(i), ""});
  }
  DiffTargets(base, scheme, report);
  (void)years;
  return SaveImportedScheme(store, caller, year, scheme, rows, options, std::move(report));
}

}  // namespace govperf::app::exchange
