// Writing one value (year-end "YYYY" or monthly "YYYY-MM"). Checks, in order:
// body (400 naming the field) → year (404) → not published (409) → indicator
// and unit exist (404) → the caller leads the indicator (403; admin: any) →
// the unit is assessed on it (400). The store records the audit trail with
// before/after; the results cache sees the write (year_cache.h invariant 2)
// and is also dropped here explicitly.
#include "server/handlers/handlers.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {
namespace {

constexpr int kMonths = 12;

// "YYYY" equal to the year, or "YYYY-MM" of that year.
bool ValidPeriod(const std::string& period, int year) {
  const std::string y = std::to_string(year);
  if (period == y) return true;
  if (period.size() != 7 || period.compare(0, 4, y) != 0 || period[4] != '-') return false;
  int64_t month = 0;
  return ParseInt(period.substr(5), &month) && month >= 1 && month <= kMonths;
}

}  // namespace

Response PutValue(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  core::Datum datum;
  datum.indicator_id = body.String("indicator_id");
  datum.unit_id = body.String("unit_id");
  datum.period = body.String("period");
  datum.value = body.NumberOrNull("value");
  datum.no_data = body.Bool("no_data", false);
  datum.note = body.String("note", /*required=*/false);
  if (!body.ok()) return body.error();
  if (!ValidPeriod(datum.period, year)) {
    const std::string y = std::to_string(year);
    return BadField("period", ctx.T("period: expected '" + y + "' (year end) or '" + y +
                                        "-MM' (month), got '" + datum.period + "'",
                                    "period：应为 '" + y + "'（年终）或 '" + y +
                                        "-MM'（月度），实际为 '" + datum.period + "'"));
  }
  if (datum.no_data && datum.value) {
    return BadField("value", ctx.T("value: must be null when no_data is true",
                                   "value：声明无数据（no_data）时必须为 null"));
  }

  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(info.status());
  if (info->status == "published") {
    return ErrorResponse(
        Code::kFailedPrecondition,
        ctx.T("year " + std::to_string(year) + " is published: its values can no longer change",
              std::to_string(year) + " 年度结果已公布，数据不可再修改"));
  }
  auto scheme_or = ctx.svc.years.Scheme(year);
  if (!scheme_or.ok()) return Fail(scheme_or.status());
  const core::Scheme& scheme = **scheme_or;

  const core::Indicator* ind = nullptr;
  bool has_children = false;
  for (const core::Indicator& i : scheme.indicators) {
    if (i.id == datum.indicator_id) ind = &i;
    if (i.parent_id == datum.indicator_id) has_children = true;
  }
  if (!ind || has_children) {
    return ErrorResponse(Code::kNotFound,
                         ctx.T("indicator_id: no leaf indicator '" + datum.indicator_id + "' in " +
                                   std::to_string(year),
                               "indicator_id：" + std::to_string(year) + " 年度没有末级指标 '" +
                                   datum.indicator_id + "'"),
                         {{"field", "indicator_id"}});
  }
  const core::Unit* unit = nullptr;
  for (const core::Unit& u : scheme.units) {
    if (u.id == datum.unit_id) unit = &u;
  }
  if (!unit) {
    return ErrorResponse(
        Code::kNotFound,
        ctx.T("unit_id: no unit '" + datum.unit_id + "' in " + std::to_string(year),
              "unit_id：" + std::to_string(year) + " 年度没有单位 '" + datum.unit_id + "'"),
        {{"field", "unit_id"}});
  }
  // values.write means "indicators one leads"; the performance office may write any.
  const bool may_write_any = ctx.user->role == store::kRoleAdmin;
  if (!may_write_any && (ctx.user->unit_id.empty() || ind->lead_unit_id != ctx.user->unit_id)) {
    return ErrorResponse(Code::kPermissionDenied,
                         ctx.T("indicator " + ind->id + " is not led by your unit",
                               "指标 " + ind->id + " 不由本单位牵头考核"));
  }
  if (!IsAssessed(*ind, *unit)) {
    return BadField("unit_id",
                    ctx.T("unit_id: unit " + unit->id + " is not assessed on indicator " + ind->id,
                          "unit_id：单位 " + unit->id + " 不考核指标 " + ind->id));
  }

  datum.entered_by = ctx.user->username;
  if (Status st = ctx.svc.store.PutDatum({ctx.user->username}, year, datum); !st.ok()) {
    return Fail(st);
  }
  ctx.svc.years.Invalidate(year);
  return JsonResponse({{"ok", true}});
}

}  // namespace govperf::server::handlers
