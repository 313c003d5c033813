// 晴雨表 barometer, the long view: per year (published, or the year in progress
// marked provisional) the spread of totals and the grade distribution of the
// city and of each category, and the units whose grade moved between two
// years. Pure functions over plain rows; app/barometer reads the years.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace govperf::core::barometer {

// One unit's outcome in a year.
struct UnitOutcome {
  std::string unit_id;
  std::string category_id;
  double total = 0;
  std::string grade;  // GradeLevel::code
};

struct YearOutcomes {
  int year = 0;
  bool provisional = false;  // the year is not published: scores may move
  std::vector<UnitOutcome> units;
};

// Mean and five-number summary; quartiles by linear interpolation between
// order statistics (the usual "type 7": q = x[(n-1)p]). All zero when empty.
struct Spread {
  int count = 0;
  double mean = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
Spread Summarize(std::vector<double> values);

struct GradeCount {
  std::string grade;
  int count = 0;
};

struct CategoryYear {
  std::string category_id;
  Spread spread;
  std::vector<GradeCount> grades;  // in the category's grade order (best first), zeros kept
};

struct YearTrend {
  int year = 0;
  bool provisional = false;
  Spread city;
  std::vector<CategoryYear> categories;  // in `category_order`, those with units
};

// `grade_order`: category id → grade codes best first (a grade not listed is
// appended after them). Categories not in `category_order` come last by id.
YearTrend SummarizeYear(const YearOutcomes& year, const std::vector<std::string>& category_order,
                        const std::map<std::string, std::vector<std::string>>& grade_order);

// A unit whose grade differs between two years (both assessed).
struct Mover {
  std::string unit_id;
  std::string category_id;  // in the later year
  std::string from_grade, to_grade;
  double from_total = 0, to_total = 0;
  int levels = 0;  // positive: up (a better grade) by that many levels; negative: down
};
// Ordered by the size of the move (largest first), then ups before downs,
// then unit id. Levels come from the later year's category grade order.
std::vector<Mover> GradeMovers(const YearOutcomes& before, const YearOutcomes& after,
                               const std::map<std::string, std::vector<std::string>>& grade_order);

}  // namespace govperf::core::barometer
