// 晴雨表 the long view for leaders: per year in a range the city's and each
// category's mean, spread and grade distribution (published years from their
// snapshots; the year in progress scored provisionally and marked so), and the
// units whose grade moved between the last two published years.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/barometer/trend.h"

namespace govperf::app::barometer {

struct GradeName {
  std::string code, name_zh, name_en;
};
struct TrendCategory {
  std::string id, name_zh, name_en;
  std::vector<GradeName> grades;  // best first
};
struct MoverRow {
  core::barometer::Mover move;
  std::string name_zh, name_en;
  std::string from_grade_zh, from_grade_en, to_grade_zh, to_grade_en;
};
struct Trend {
  int from = 0, to = 0;
  std::vector<TrendCategory> categories;  // the newest year's categories, then older ones
  std::vector<core::barometer::YearTrend> years;
  int movers_from = 0, movers_to = 0;  // 0: fewer than two published years
  std::vector<MoverRow> movers;
};

// Years in [from, to] (0: open end) that are published, or in progress
// (monitoring and later) as provisional. InvalidArgument (field from) when
// from > to. Admin, leader and the program only (the route's barometer.read).
Result<Trend> YearsTrend(YearCache& years, const Caller& caller, int from, int to);

}  // namespace govperf::app::barometer
