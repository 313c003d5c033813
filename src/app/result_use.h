// 结果运用 result use: what a published result leads to for each unit. Per
// year the office keeps a table from grade to outcomes (bonus coefficient
// 绩效奖金系数, input to cadre evaluation 干部考核, budget note 预算安排,
// accountability action 问责), sees for every unit what its grade suggests,
// and records each application it makes (with its 文号). A unit's history
// shows its grades, ranks and outcomes over the years. None of this changes a
// result: it is what is done with one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app {

// The kinds of application: bonus | cadre | budget | accountability | other.
bool IsResultUseKind(const std::string& kind);

// Replaces the year's table (admin). Each grade must be a grade level code of
// the year's scheme, at most once; coefficients in [0, 10]; texts ≤ 500
// characters. Any stage (the table is part of the year's rules).
Status SetResultUseRules(YearCache& years, store::Store& store, const Caller& caller, int year,
                         const std::vector<store::ResultUseRule>& rules);

struct ResultUseInput {
  std::string unit_id;
  std::string kind;
  std::string outcome;  // required, ≤ 1,000 characters
  std::optional<double> coefficient;
  std::string reference;   // 文号, ≤ 100
  std::string decided_on;  // YYYY-MM-DD or ""
};
// Records an application (admin) to a unit of the year's scheme; only for a
// published year (a preliminary result is not used).
Result<store::ResultUseRecord> RecordResultUse(YearCache& years, store::Store& store,
                                               const Caller& caller, int year,
                                               const ResultUseInput& in);

struct ResultUseRow {
  std::string unit_id, name_zh, name_en, category_id;
  double total = 0;
  int rank = 0, category_size = 0;
  std::string grade, grade_zh, grade_en;          // code and names
  std::optional<store::ResultUseRule> suggested;  // the table's row for the grade
  std::vector<store::ResultUseRecord> records;
};
struct ResultUseOverview {
  int year = 0;
  bool published = false;
  std::vector<store::ResultUseRule> rules;
  std::vector<ResultUseRow> rows;  // result order (category, rank); a unit caller: its own
};
Result<ResultUseOverview> GetResultUse(YearCache& years, store::Store& store, const Caller& caller,
                                       int year);

struct UnitYearHistory {
  int year = 0;
  double total = 0;
  int rank = 0, category_size = 0;
  std::string grade, grade_zh, grade_en;
  std::vector<store::ResultUseRecord> records;
};
// Published years in which the unit was assessed, ascending. A unit caller
// reads only its own; NotFound for a unit in no year.
Result<std::vector<UnitYearHistory>> GetUnitHistory(YearCache& years, store::Store& store,
                                                    const Caller& caller,
                                                    const std::string& unit_id);

}  // namespace govperf::app
