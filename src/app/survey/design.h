// 问卷设计 the office's survey definitions: create a draft, edit it, open and
// close fieldwork, list with response counts, import population margins.
//
// Guarantees:
// 1. Only the office (admin, or the program itself) writes; leaders read.
// 2. A survey opens (or reopens) only when core::survey::CheckSurvey passes
//    against the units of its year; a survey that left draft keeps passing
//    it on every edit (its margins, quotas and window still change). A
//    draft is saved as it is, so the office can build it in steps; its
//    first problem is reported by Problem().
// 3. Once a survey left draft its questionnaire is frozen: the store refuses
//    the edit naming the field (docs/design/survey.md).
// 4. A margins file is read whole: every bad row is named by sheet, cell
//    and reason and nothing changes; otherwise the margins of the groups in
//    the file are replaced, in one audited write.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "core/survey/model.h"
#include "io/sheet_table.h"
#include "store/store.h"

namespace govperf::app::survey {

struct SurveyRow {
  core::survey::Survey survey;
  store::ResponseCounts counts;
};

// The year's surveys (year 0: every year) with their response counts. Admin, leader.
Result<std::vector<SurveyRow>> ListSurveys(store::Store& store, const Caller& caller, int year);
// One survey. Admin, leader. NotFound naming survey_id.
Result<core::survey::Survey> GetSurvey(store::Store& store, const Caller& caller,
                                       const std::string& survey_id);
// Creates a draft (AlreadyExists when the id is taken). Admin.
Result<core::survey::Survey> CreateSurvey(store::Store& store, const Caller& caller,
                                          core::survey::Survey survey);
// Replaces the definition of an existing survey (its status is kept). Admin.
Result<core::survey::Survey> EditSurvey(store::Store& store, const Caller& caller,
                                        core::survey::Survey survey);
// open (from draft or closed) or closed (from open). Admin.
Result<core::survey::Survey> SetStatus(store::Store& store, const Caller& caller,
                                       const std::string& survey_id,
                                       core::survey::SurveyStatus status);
// The survey's first problem against its year's units (ok when it may open).
Status Problem(store::Store& store, const core::survey::Survey& survey);
// The unit ids of the year's scheme (none when it has no scheme yet).
Result<std::set<std::string>> YearUnitIds(store::Store& store, int year);

struct MarginsReport {
  std::vector<io::SheetError> errors;  // non-empty: refused, nothing changed
  std::vector<std::string> groups;     // the groups whose margins were replaced
  size_t rows = 0;                     // data rows read
};
// Reads `bytes` (.xlsx or UTF-8 CSV; `file_name` names it in messages) with
// the columns group, variable, level, total (调查对象, 变量, 类别, 总体数) and
// replaces the margins of the groups it names. Admin.
Result<MarginsReport> ImportMargins(store::Store& store, const Caller& caller,
                                    const std::string& survey_id, std::string_view bytes,
                                    const std::string& file_name);

}  // namespace govperf::app::survey
