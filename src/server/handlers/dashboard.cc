// Leaders' and the performance office's overview of a year: per category the
// grade distribution, mean and the top and bottom three; and how complete the
// reporting is (日常监测).
#include <algorithm>
#include <cstdio>

#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

constexpr size_t kTopBottom = 3;

// Month number of a "YYYY-MM" period of `year`, else 0.
int MonthOf(const std::string& period, const std::string& year) {
  int64_t m = 0;
  if (period.size() != 7 || period.compare(0, 4, year) != 0 || period[4] != '-') return 0;
  return ParseInt(period.substr(5), &m) ? static_cast<int>(m) : 0;
}

// Reporting completeness. Basis: the months of monitoring so far (1 .. the
// latest month anyone reported) × every (leaf, assessed unit) pair; a year
// without monthly data is measured on year-end values instead. A datum counts
// as reported when it has a value or a "no data" declaration.
Json Reporting(const YearView& view) {
  const std::string year = std::to_string(view.scheme.year);
  int64_t pairs = 0;
  for (const core::Indicator& ind : view.scheme.indicators) {
    if (view.IsLeaf(ind.id)) pairs += static_cast<int64_t>(view.AssessedUnits(ind).size());
  }
  int latest_month = 0;
  int64_t reported_months = 0, reported_year_end = 0;
  view.ForEachValue([&](const core::Datum& d) {
    const int month = MonthOf(d.period, year);
    latest_month = std::max(latest_month, month);
    if (!d.value && !d.no_data) return;
    if (month > 0) ++reported_months;
    if (d.period == year) ++reported_year_end;
  });
  const int64_t reported = latest_month > 0 ? reported_months : reported_year_end;
  const int64_t expected = latest_month > 0 ? pairs * latest_month : pairs;
  char through[8];
  std::snprintf(through, sizeof through, "-%02d", latest_month);
  return {{"expected", expected},
          {"reported", std::min(reported, expected)},
          {"through", latest_month > 0 ? year + through : year}};
}

}  // namespace

Response Dashboard(Ctx& ctx) {
  int year = 0;
  if (auto err = QueryYearOrLatest(ctx, &year)) return *err;
  auto view_or = ctx.svc.years.View(year);
  if (!view_or.ok()) return Fail(view_or.status());
  const YearView& view = **view_or;

  Json categories = Json::array();
  for (const core::Category& c : view.scheme.categories) {
    const auto rows = view.CategoryRows(c.id);
    Json grade_counts = Json::object();
    for (const core::GradeLevel& g : c.grades) grade_counts[g.code] = 0;
    double sum = 0;
    for (const auto* r : rows) {
      grade_counts[r->grade] = grade_counts.value(r->grade, 0) + 1;
      sum += r->total;
    }
    Json top = Json::array();
    Json bottom = Json::array();
    for (size_t i = 0; i < rows.size() && i < kTopBottom; ++i) {
      top.push_back(dto::UnitRowJson(view, *rows[i]));
    }
    // Bottom three, still in rank order (the worst last).
    for (size_t i = rows.size() > kTopBottom ? rows.size() - kTopBottom : 0; i < rows.size(); ++i) {
      bottom.push_back(dto::UnitRowJson(view, *rows[i]));
    }
    Json cat = dto::CategoryJson(c);
    cat["size"] = rows.size();
    cat["grade_counts"] = std::move(grade_counts);
    cat["mean_total"] = rows.empty() ? 0.0 : sum / static_cast<double>(rows.size());
    cat["top"] = std::move(top);
    cat["bottom"] = std::move(bottom);
    categories.push_back(std::move(cat));
  }
  return JsonResponse({{"year", year},
                       {"status", core::StageName(view.info.stage)},
                       {"grades", dto::GradesJson(view.scheme)},
                       {"categories", std::move(categories)},
                       {"reporting", Reporting(view)}});
}

}  // namespace govperf::server::handlers
