// 晴雨表 barometer for leaders: the years' trend and the current year's
// months. parse → app/barometer → DTO.
#include "app/barometer/months.h"
#include "app/barometer/trend.h"
#include "app/monitoring/calendar.h"
#include "io/bulletin_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

Json SpreadJson(const core::barometer::Spread& s) {
  return {{"count", s.count},   {"mean", s.mean}, {"min", s.min}, {"q1", s.q1},
          {"median", s.median}, {"q3", s.q3},     {"max", s.max}};
}

}  // namespace

Response BarometerTrend(Ctx& ctx) {
  std::optional<int64_t> from, to;
  if (auto err = QueryInt(ctx, "from", 1900, 9999, &from)) return *err;
  if (auto err = QueryInt(ctx, "to", 1900, 9999, &to)) return *err;
  auto t =
      app::barometer::YearsTrend(ctx.svc.years, ctx.caller(), static_cast<int>(from.value_or(0)),
                                 static_cast<int>(to.value_or(0)));
  if (!t.ok()) return Fail(ctx, t.status());
  Json cats = Json::array();
  for (const auto& c : t->categories) {
    Json grades = Json::array();
    for (const auto& g : c.grades) {
      grades.push_back({{"code", g.code}, {"name_zh", g.name_zh}, {"name_en", g.name_en}});
    }
    cats.push_back({{"id", c.id},
                    {"name_zh", c.name_zh},
                    {"name_en", c.name_en},
                    {"grades", std::move(grades)}});
  }
  Json years = Json::array();
  for (const auto& y : t->years) {
    Json per = Json::array();
    for (const auto& c : y.categories) {
      Json grades = Json::object();
      for (const auto& g : c.grades) grades[g.grade] = g.count;
      per.push_back({{"category_id", c.category_id},
                     {"spread", SpreadJson(c.spread)},
                     {"grades", std::move(grades)}});
    }
    years.push_back({{"year", y.year},
                     {"provisional", y.provisional},
                     {"city", SpreadJson(y.city)},
                     {"categories", std::move(per)}});
  }
  Json movers = Json::array();
  for (const auto& m : t->movers) {
    movers.push_back({{"unit_id", m.move.unit_id},
                      {"name_zh", m.name_zh},
                      {"name_en", m.name_en},
                      {"category_id", m.move.category_id},
                      {"from_grade", m.move.from_grade},
                      {"from_grade_zh", m.from_grade_zh},
                      {"from_grade_en", m.from_grade_en},
                      {"to_grade", m.move.to_grade},
                      {"to_grade_zh", m.to_grade_zh},
                      {"to_grade_en", m.to_grade_en},
                      {"from_total", m.move.from_total},
                      {"to_total", m.move.to_total},
                      {"levels", m.move.levels}});
  }
  return JsonResponse({{"categories", std::move(cats)},
                       {"years", std::move(years)},
                       {"movers_from", t->movers_from ? Json(t->movers_from) : Json(nullptr)},
                       {"movers_to", t->movers_to ? Json(t->movers_to) : Json(nullptr)},
                       {"movers", std::move(movers)}});
}

Response BarometerMonths(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto m = app::barometer::MonthlyProgress(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                           app::monitoring::TodayInChina(ctx.svc.clock));
  if (!m.ok()) return Fail(ctx, m.status());
  Json cats = Json::array();
  for (const auto& c : m->categories) {
    cats.push_back({{"id", c.id}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
  }
  Json months = Json::array();
  for (const auto& row : m->months) {
    Json per = Json::object();
    for (const auto& [id, t] : row.categories) per[id] = io::TallyToJson(t);
    months.push_back({{"month", row.month},
                      {"city", io::TallyToJson(row.city)},
                      {"categories", std::move(per)}});
  }
  return JsonResponse({{"year", m->year},
                       {"provisional", m->provisional},
                       {"as_of", m->as_of},
                       {"thresholds",
                        {{"green", m->green},
                         {"yellow", m->yellow},
                         {"red_after_working_days", m->red_after_working_days}}},
                       {"categories", std::move(cats)},
                       {"months", std::move(months)}});
}

}  // namespace govperf::server::handlers
