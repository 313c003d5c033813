#include "app/survey/design.h"

#include <map>
#include <set>

#include "core/survey/definition.h"
#include "io/sheet_headers.h"

namespace govperf::app::survey {
namespace sv = core::survey;
// Internal names carry a Design prefix: unity batches join this directory's files.
namespace {

bool DesignIsOffice(const Caller& c) {
  return c.role == core::Role::kAdmin || c.role == core::Role::kSystem;
}
bool DesignMayRead(const Caller& c) { return DesignIsOffice(c) || c.role == core::Role::kLeader; }

Status DesignNotOffice() {
  return Status::Denied("only the performance office manages surveys").Zh("只有绩效办可以管理调查");
}

Result<sv::Survey> DesignFind(store::Store& store, const std::string& id) {
  Result<std::optional<sv::Survey>> found = store.FindSurvey(id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("survey_id: unknown survey '" + id + "'")
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  return std::move(**found);
}

// Header texts accepted for each margins column, compared after
// io::NormalizeHeader.
const std::vector<std::pair<std::string, std::vector<std::string>>>& DesignMarginColumns() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kColumns = {
      {"group", {"调查对象", "调查对象组", "群体", "对象", "group", "group_id"}},
      {"variable", {"变量", "变量名", "variable"}},
      {"level", {"类别", "水平", "取值", "level"}},
      {"total", {"总体数", "总数", "总体", "人口数", "total"}},
  };
  return kColumns;
}

struct DesignMarginLayout {
  size_t header_row = 0;
  std::map<std::string, size_t> columns;
};

std::optional<DesignMarginLayout> DesignFindMarginHeader(const io::Sheet& sheet) {
  const size_t rows = std::min(sheet.rows.size(), io::kHeaderScanRows);
  for (size_t r = 0; r < rows; ++r) {
    DesignMarginLayout layout;
    layout.header_row = r;
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string h = io::NormalizeHeader(sheet.rows[r][c]);
      for (const auto& [field, names] : DesignMarginColumns()) {
        if (layout.columns.count(field)) continue;
        for (const auto& n : names) {
          if (h == io::NormalizeHeader(n)) {
            layout.columns[field] = c;
            break;
          }
        }
      }
    }
    if (layout.columns.size() == DesignMarginColumns().size()) return layout;
  }
  return std::nullopt;
}

void DesignRowError(std::vector<io::SheetError>& errors, const io::Sheet& sheet, size_t row,
                    size_t col, std::string en, std::string zh) {
  errors.push_back({sheet.name, io::CellName(row, col), std::move(en), std::move(zh)});
}

}  // namespace

Result<std::set<std::string>> YearUnitIds(store::Store& store, int year) {
  std::set<std::string> ids;
  Result<core::Scheme> scheme = store.LoadScheme(year);
  if (!scheme.ok()) {
    if (scheme.status().code() == Code::kNotFound) return ids;
    return scheme.status();
  }
  for (const core::Unit& u : scheme->units) ids.insert(u.id);
  return ids;
}

Status Problem(store::Store& store, const sv::Survey& survey) {
  Result<std::set<std::string>> units = YearUnitIds(store, survey.year);
  if (!units.ok()) return units.status();
  return sv::CheckSurvey(survey, *units);
}

Result<std::vector<SurveyRow>> ListSurveys(store::Store& store, const Caller& caller, int year) {
  if (!DesignMayRead(caller)) return Status::Denied("surveys are read by the office and leaders");
  Result<std::vector<sv::Survey>> list = store.ListSurveys(year);
  if (!list.ok()) return list.status();
  std::vector<SurveyRow> out;
  out.reserve(list->size());
  for (sv::Survey& s : *list) {
    Result<store::ResponseCounts> counts = store.CountResponses(s.id);
    if (!counts.ok()) return counts.status();
    out.push_back({std::move(s), *counts});
  }
  return out;
}

Result<sv::Survey> GetSurvey(store::Store& store, const Caller& caller, const std::string& id) {
  if (!DesignMayRead(caller)) return Status::Denied("surveys are read by the office and leaders");
  return DesignFind(store, id);
}

Result<sv::Survey> CreateSurvey(store::Store& store, const Caller& caller, sv::Survey survey) {
  if (!DesignIsOffice(caller)) return DesignNotOffice();
  // "manual" names hand-entered satisfaction in the satisfaction sources
  // (docs/design/survey.md): a survey of that name would read as one.
  if (survey.id == "manual") {
    return Status::Invalid("id: 'manual' is reserved (hand-entered satisfaction)")
        .Field("id")
        .Zh("id：'manual' 为保留编号（表示手工录入的满意度）");
  }
  Result<std::optional<sv::Survey>> found = store.FindSurvey(survey.id);
  if (!found.ok()) return found.status();
  if (found->has_value()) {
    return Status(Code::kAlreadyExists, "id: survey '" + survey.id + "' already exists")
        .Field("id")
        .Zh("id：调查编号已存在");
  }
  Result<std::optional<store::YearInfo>> year = store.FindYear(survey.year);
  if (!year.ok()) return year.status();
  if (!year->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(survey.year))
        .Field("year")
        .Zh("year：没有这个年度");
  }
  survey.status = sv::SurveyStatus::kDraft;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutSurvey(survey); }));
  return DesignFind(store, survey.id);
}

Result<sv::Survey> EditSurvey(store::Store& store, const Caller& caller, sv::Survey survey) {
  if (!DesignIsOffice(caller)) return DesignNotOffice();
  Result<sv::Survey> old = DesignFind(store, survey.id);
  if (!old.ok()) return old.status();
  if (survey.year != old->year) {
    return Status::Invalid("year: survey '" + survey.id + "' belongs to " +
                           std::to_string(old->year))
        .Field("year")
        .Zh("year：调查所属年度不能修改");
  }
  survey.status = old->status;
  Result<std::set<std::string>> units = YearUnitIds(store, survey.year);
  if (!units.ok()) return units.status();
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) -> Status {
    // The store's refusal of a frozen part comes first (it names what may no
    // longer change); then a live survey must stay coherent, or the write
    // is rolled back.
    GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(survey));
    if (survey.status == sv::SurveyStatus::kDraft) return Status::Ok();
    return sv::CheckSurvey(survey, *units);
  }));
  return DesignFind(store, survey.id);
}

Result<sv::Survey> SetStatus(store::Store& store, const Caller& caller, const std::string& id,
                             sv::SurveyStatus status) {
  if (!DesignIsOffice(caller)) return DesignNotOffice();
  Result<sv::Survey> s = DesignFind(store, id);
  if (!s.ok()) return s.status();
  if (status == sv::SurveyStatus::kOpen) GOVPERF_RETURN_IF_ERROR(Problem(store, *s));
  GOVPERF_RETURN_IF_ERROR(store.Write(
      caller.actor(), [&](store::WriteTx& tx) { return tx.SetSurveyStatus(id, status); }));
  return DesignFind(store, id);
}

Result<MarginsReport> ImportMargins(store::Store& store, const Caller& caller,
                                    const std::string& survey_id, std::string_view bytes,
                                    const std::string& file_name) {
  if (!DesignIsOffice(caller)) return DesignNotOffice();
  Result<sv::Survey> found = DesignFind(store, survey_id);
  if (!found.ok()) return found.status();
  sv::Survey survey = std::move(*found);
  const std::string what = file_name.empty() ? "margins" : file_name;
  Result<io::Workbook> wb = io::ReadWorkbook(bytes, what);
  if (!wb.ok()) return wb.status();

  MarginsReport report;
  const io::Sheet* sheet = nullptr;
  std::optional<DesignMarginLayout> layout;
  for (const io::Sheet& s : wb->sheets) {
    layout = DesignFindMarginHeader(s);
    if (layout) {
      sheet = &s;
      break;
    }
  }
  if (!sheet) {
    report.errors.push_back({wb->sheets.empty() ? what : wb->sheets.front().name, "",
                             "no sheet has the columns group, variable, level, total "
                             "(调查对象, 变量, 类别, 总体数)",
                             "没有找到含 调查对象、变量、类别、总体数 四列的工作表"});
    return report;
  }
  std::set<std::string> groups;
  for (const sv::Group& g : survey.groups) groups.insert(g.id);
  const size_t cg = layout->columns["group"], cv = layout->columns["variable"];
  const size_t cl = layout->columns["level"], ct = layout->columns["total"];
  std::map<std::string, sv::Margins> read;
  // (group, variable, level) → row, so a coherence error names the row.
  std::map<std::string, size_t> row_of;
  for (size_t r = layout->header_row + 1; r < sheet->rows.size(); ++r) {
    if (io::RowBlank(*sheet, r)) continue;
    ++report.rows;
    const std::string group = io::NormalizeCell(sheet->At(r, cg));
    const std::string var = io::NormalizeCell(sheet->At(r, cv));
    const std::string level = io::NormalizeCell(sheet->At(r, cl));
    bool ok = true;
    if (!groups.count(group)) {
      DesignRowError(report.errors, *sheet, r, cg,
                     "group: '" + group + "' is not a group of survey '" + survey.id + "'",
                     "调查对象：“" + group + "”不是本调查的调查对象组");
      ok = false;
    }
    if (var.empty()) {
      DesignRowError(report.errors, *sheet, r, cv, "variable: required", "变量：不能为空");
      ok = false;
    }
    if (level.empty()) {
      DesignRowError(report.errors, *sheet, r, cl, "level: required", "类别：不能为空");
      ok = false;
    }
    Result<double> total = io::ParseCellNumber(sheet->At(r, ct));
    if (!total.ok()) {
      DesignRowError(report.errors, *sheet, r, ct, "total: " + total.status().message(),
                     "总体数：" + total.status().message_zh());
      ok = false;
    } else if (!(*total > 0)) {
      DesignRowError(report.errors, *sheet, r, ct, "total: must be > 0", "总体数：须大于 0");
      ok = false;
    }
    if (!ok) continue;
    const std::string key = group + "." + var + "." + level;
    if (row_of.count(key)) {
      DesignRowError(report.errors, *sheet, r, cl,
                     "level: " + group + " / " + var + " / " + level + " already given in row " +
                         std::to_string(row_of[key] + 1),
                     "类别：与第 " + std::to_string(row_of[key] + 1) + " 行重复");
      continue;
    }
    row_of[key] = r;
    read[group][var][level] = *total;
  }
  if (report.rows == 0 && report.errors.empty()) {
    report.errors.push_back({sheet->name, "", "no data rows under the header", "表头下没有数据行"});
  }
  if (!report.errors.empty()) return report;

  for (auto& [group, margins] : read) {
    survey.margins[group] = std::move(margins);
    report.groups.push_back(group);
  }
  // The new margins against the questionnaire: a level that is no option of
  // the question setting its variable is named by its row.
  Result<std::set<std::string>> units = YearUnitIds(store, survey.year);
  if (!units.ok()) return units.status();
  Status check = sv::CheckSurvey(survey, *units);
  if (!check.ok() && check.field().rfind("margins.", 0) == 0) {
    const std::string key = check.field().substr(8);
    auto it = row_of.find(key);
    if (it != row_of.end()) {
      const std::string msg = check.message().substr(check.field().size() + 2);
      const std::string msg_zh = check.message_zh().substr(check.field().size() + 3);
      DesignRowError(report.errors, *sheet, it->second, cl, "level: " + msg, "类别：" + msg_zh);
      return report;
    }
  }
  // A draft may still be incomplete elsewhere; a live survey must stay coherent.
  if (!check.ok() && survey.status != sv::SurveyStatus::kDraft) return check;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutSurvey(survey); }));
  return report;
}

}  // namespace govperf::app::survey
