// Exports: each what as the sheet an office would keep (title row, bold
// header, upper indicator levels merged), readable again by the importers.
#include <set>

#include "app/exchange/common.h"
#include "core/scoring/registry.h"
#include "io/sheet_headers.h"

namespace govperf::app::exchange {
namespace {

constexpr double kNameWidth = 24;

// A unit's name where it names it uniquely, else its id (imports read either).
class UnitNames {
 public:
  explicit UnitNames(const std::vector<std::pair<std::string, std::string>>& id_names) {
    std::map<std::string, int> count;
    for (const auto& [id, name] : id_names) ++count[NameKey(name)];
    for (const auto& [id, name] : id_names) {
      names_[id] = count[NameKey(name)] == 1 && !name.empty() ? name : id;
    }
  }
  std::string Of(const std::string& id) const {
    auto it = names_.find(id);
    return it == names_.end() ? id : it->second;
  }

 private:
  std::map<std::string, std::string> names_;
};

UnitNames RegistryNames(const store::Org& org) {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& u : org.units) v.emplace_back(u.id, u.name_zh);
  return UnitNames(v);
}

}  // namespace

io::OutSheet UnitsSheet(const store::Org& org) {
  io::OutSheet s = HeadedSheet(kUnitsSheet, "单位名录", Labels(UnitFields()));
  std::map<std::string, std::string> cat_names;
  for (const auto& c : org.categories) cat_names[c.id] = c.name_zh.empty() ? c.id : c.name_zh;
  const UnitNames names = RegistryNames(org);
  for (const auto& u : org.units) {
    s.rows.push_back({u.id, u.name_zh, u.name_en,
                      cat_names.count(u.category_id) ? cat_names[u.category_id] : u.category_id,
                      u.parent_id.empty() ? "" : names.Of(u.parent_id), KindZh(u.kind),
                      u.retired ? "撤销" : "在用"});
  }
  s.widths[1] = kNameWidth;
  return s;
}

io::OutSheet SchemeSheet(const core::Scheme& scheme, const store::Org& org) {
  io::OutSheet s = HeadedSheet(kSchemeSheet, std::to_string(scheme.year) + "年度考核指标体系",
                               Labels(SchemeFields()));
  s.widths[0] = s.widths[1] = s.widths[2] = kNameWidth;
  std::map<std::string, const core::Indicator*> by_id;
  for (const auto& i : scheme.indicators) by_id[i.id] = &i;
  std::map<std::string, std::string> cat_names;
  for (const auto& c : scheme.categories) cat_names[c.id] = c.name_zh.empty() ? c.id : c.name_zh;
  std::vector<std::pair<std::string, std::string>> year_units;
  for (const auto& u : scheme.units) year_units.emplace_back(u.id, u.name_zh);
  const UnitNames unit_names(year_units);
  const UnitNames leads = RegistryNames(org);
  std::vector<std::string> all_categories;
  for (const auto& c : scheme.categories) all_categories.push_back(c.id);
  // Each leaf's ancestors (level 1 first), to merge equal upper levels.
  std::vector<std::vector<std::string>> paths;
  for (const core::Indicator* leaf : Leaves(scheme)) {
    std::vector<const core::Indicator*> chain;
    for (const core::Indicator* p = leaf; p;) {
      chain.insert(chain.begin(), p);
      auto it = by_id.find(p->parent_id);
      p = it == by_id.end() ? nullptr : it->second;
    }
    std::vector<io::OutCell> row(SchemeFields().size());
    std::vector<std::string> path;
    for (size_t l = 0; l < chain.size() && l < 3; ++l) {
      row[l] = chain[l]->name_zh;
      path.push_back(chain[l]->id);
    }
    const core::scoring::MethodSpec* m = core::scoring::FindMethod(leaf->method);
    // 适用对象 is a list the importer splits on 、 , ; / and newlines: a name
    // holding one of those (县(市、区)) is written as its id, which the importer
    // resolves as well, so the list reads back as written.
    const auto listable = [](const std::string& name, const std::string& id) {
      for (const char* sep : {"\xE3\x80\x81", ",", ";", "/", "\n"}) {
        if (name.find(sep) != std::string::npos) return id;
      }
      return name.empty() ? id : name;
    };
    std::string applies;
    if (!leaf->unit_ids.empty()) {
      for (const auto& u : leaf->unit_ids)
        applies += (applies.empty() ? "" : "、") + listable(unit_names.Of(u), u);
    } else if (leaf->category_ids != all_categories) {
      for (const auto& c : leaf->category_ids) {
        applies +=
            (applies.empty() ? "" : "、") + listable(cat_names.count(c) ? cat_names[c] : c, c);
      }
    }
    row[3] = leaf->id;
    row[4] = io::OutCell::Number(leaf->points);
    row[5] = leaf->unit_of_measure;
    row[6] = leaf->direction == core::Direction::kLowerBetter ? "逆向" : "正向";
    row[7] = m ? m->name_zh : leaf->method;
    row[8] = ParamsText(leaf->params);
    row[9] = leaf->formula;
    row[10] = leaf->lead_unit_id.empty() ? "" : leads.Of(leaf->lead_unit_id);
    row[11] = TypeZh(leaf->type);
    row[12] = applies;
    row[13] = leaf->cumulative ? "是" : "否";
    row[14] = leaf->content;
    row[15] = leaf->criteria;
    row[16] = leaf->data_source;
    s.rows.push_back(std::move(row));
    paths.push_back(std::move(path));
  }
  // Vertical merges of equal upper levels in consecutive rows.
  const size_t first = s.title_rows + s.header_rows;
  for (size_t level = 0; level < 2; ++level) {
    size_t start = 0;
    for (size_t i = 1; i <= paths.size(); ++i) {
      const auto same = [&](size_t a, size_t b) {
        return paths[a].size() > level + 1 && paths[b].size() > level + 1 &&
               std::equal(paths[a].begin(), paths[a].begin() + static_cast<long>(level) + 1,
                          paths[b].begin());
      };
      if (i < paths.size() && same(start, i)) continue;
      if (i - start > 1 && paths[start].size() > level + 1) {
        s.merges.push_back({first + start, level, first + i - 1, level});
      }
      start = i;
    }
  }
  return s;
}

io::OutSheet TargetsSheet(const core::Scheme& scheme) {
  std::vector<std::string> header = Labels({"unit_id", "unit_name"});
  const auto leaves = Leaves(scheme);
  for (const core::Indicator* l : leaves) header.push_back(LeafHeader(*l));
  io::OutSheet s = HeadedSheet(kTargetsSheet, std::to_string(scheme.year) + "年度目标值", header);
  s.widths[1] = kNameWidth;
  for (const auto& u : scheme.units) {
    std::vector<io::OutCell> row = {u.id, u.name_zh};
    for (const core::Indicator* l : leaves) {
      auto it = scheme.targets.find({l->id, u.id});
      row.push_back(it == scheme.targets.end() ? io::OutCell() : io::OutCell::Number(it->second));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

namespace {

Result<ExportedFile> Finish(std::vector<io::OutSheet> sheets, const std::string& base,
                            Format format) {
  ExportedFile f;
  f.content_type = ContentType(format);
  if (format == Format::kCsv) {
    f.bytes = io::WriteCsv(sheets.front());  // CSV: the first (main) sheet
    f.file_name = base + ".csv";
    return f;
  }
  auto bytes = io::WriteXlsx(sheets);
  if (!bytes.ok()) return bytes.status();
  f.bytes = std::move(bytes).value();
  f.file_name = base + ".xlsx";
  return f;
}

io::OutSheet ValuesSheet(const core::Scheme& scheme, const core::YearData& data,
                         const Caller& caller) {
  io::OutSheet s = HeadedSheet(kValuesSheet, std::to_string(scheme.year) + "年度监测数据",
                               Labels(ValueFields()));
  s.widths[1] = s.widths[3] = kNameWidth;
  std::map<std::string, const core::Indicator*> inds;
  for (const auto& i : scheme.indicators) inds[i.id] = &i;
  std::map<std::string, std::string> unit_names;
  for (const auto& u : scheme.units) unit_names[u.id] = u.name_zh;
  const bool all = caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem ||
                   caller.role == core::Role::kLeader;
  const std::string ys = std::to_string(scheme.year);
  for (const core::Datum& d : data.values) {
    auto ind = inds.find(d.indicator_id);
    if (ind == inds.end()) continue;
    if (!all && ind->second->lead_unit_id != caller.unit_id) continue;
    if (d.period.rfind(ys, 0) != 0) continue;  // last year's values belong to last year
    s.rows.push_back({d.indicator_id, ind->second->name_zh, d.unit_id, unit_names[d.unit_id],
                      d.period, d.value ? io::OutCell::Number(*d.value) : io::OutCell(),
                      d.no_data ? "是" : "", d.note});
  }
  return s;
}

io::OutSheet ResultsSheet(const YearView& view) {
  const bool provisional = !view.info.published();
  io::OutSheet s = HeadedSheet(
      kResultsSheet,
      std::to_string(view.info.year) + "年度综合绩效考核结果" + (provisional ? "（暂定）" : ""),
      {"类别", "排名", "单位编码", "单位名称", "指标评估得分", "社会满意度", "领导评价", "加分",
       "减分", "一票否决", "总分", "等次"});
  s.widths[3] = kNameWidth;
  for (const auto& cat : view.scheme.categories) {
    for (const core::UnitResult* r : view.CategoryRows(cat.id)) {
      auto unit = view.units.find(r->unit_id);
      std::string grade = r->grade;
      for (const auto& g : cat.grades) {
        if (g.code == r->grade) grade = g.name_zh;
      }
      s.rows.push_back({cat.name_zh.empty() ? cat.id : cat.name_zh, io::OutCell::Number(r->rank),
                        r->unit_id, unit == view.units.end() ? "" : unit->second->name_zh,
                        io::OutCell::Number(r->indicator_score),
                        io::OutCell::Number(r->satisfaction), io::OutCell::Number(r->leadership),
                        io::OutCell::Number(r->bonus), io::OutCell::Number(r->deduction),
                        r->vetoed ? "是" : "", io::OutCell::Number(r->total), grade});
    }
  }
  return s;
}

}  // namespace

Result<ExportedFile> Export(YearCache& years, store::Store& store, const Caller& caller, What what,
                            int year, Format format) {
  const std::string ys = std::to_string(year);
  if (what == What::kUnits) {
    auto org = store.LoadOrg();
    if (!org.ok()) return org.status();
    return Finish({UnitsSheet(*org)}, "units", format);
  }
  if (what == What::kResults) {
    auto view = years.View(year);
    if (!view.ok()) return view.status();
    return Finish({ResultsSheet(**view)}, "results-" + ys, format);
  }
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  switch (what) {
    case What::kScheme: {
      auto org = store.LoadOrg();
      if (!org.ok()) return org.status();
      return Finish({SchemeSheet(**scheme, *org), TargetsSheet(**scheme)}, "scheme-" + ys, format);
    }
    case What::kTargets:
      return Finish({TargetsSheet(**scheme)}, "targets-" + ys, format);
    case What::kValues: {
      auto data = store.LoadYearData(year);
      if (!data.ok()) return data.status();
      return Finish({ValuesSheet(**scheme, *data, caller)}, "values-" + ys, format);
    }
    default:
      break;
  }
  return Status::Internal("export: unhandled kind");
}

Result<ExportedFile> Template(What what, Format format) {
  switch (what) {
    case What::kUnits:
      return Finish({HeadedSheet(kUnitsSheet, "单位名录", Labels(UnitFields()))}, "units-template",
                    format);
    case What::kScheme:
      return Finish(
          {HeadedSheet(kSchemeSheet, "考核指标体系", Labels(SchemeFields())),
           HeadedSheet(kTargetsSheet,
                       "目标值（每行一个单位，每列一个末级指标：列标题写“指标编码 指标名称”）",
                       Labels({"unit_id", "unit_name"}))},
          "scheme-template", format);
    case What::kTargets:
      return Finish(
          {HeadedSheet(kTargetsSheet,
                       "目标值（每行一个单位，每列一个末级指标：列标题写“指标编码 指标名称”）",
                       Labels({"unit_id", "unit_name"}))},
          "targets-template", format);
    case What::kValues:
      return Finish({HeadedSheet(kValuesSheet, "监测数据", Labels(ValueFields()))},
                    "values-template", format);
    case What::kResults:
      break;
  }
  return Status::Invalid("what: results are export only: there is no template")
      .Field("what")
      .Zh("what：考核结果只能导出，没有导入模板");
}

}  // namespace govperf::app::exchange
