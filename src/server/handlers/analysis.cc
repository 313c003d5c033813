// Analysis of a year (docs/api.md "Analysis"), read-only: score and rank
// intervals (methods/uncertainty.h, cached in YearCache), indicator health
// (core/analysis/health.h) and anomaly flags on reported data
// (methods/anomaly.h). Names of units and indicators are added in dto/analysis.
#include "server/dto/analysis.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/analysis/health.h"
#include "methods/anomaly.h"
#include "methods/fairness.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"
#include "server/policy.h"

namespace govperf::server::handlers {
namespace {

constexpr int64_t kMinReplicates = 20;
constexpr int64_t kMaxReplicates = 1000;
// What one caller may make the machine do: an estimate costs about
// replicates × one evaluation, and every distinct (replicates, level) pair is
// computed afresh. So the office may ask for up to kMaxReplicates, other roles
// for up to kMaxReplicatesOthers, and the level is one of a few standard values
// for everyone (a caller cycling through levels cannot keep the CPU busy).
constexpr int64_t kMaxReplicatesOthers = 500;
constexpr double kLevels[] = {0.8, 0.9, 0.95, 0.99};

}  // namespace

std::optional<Response> MaybeAddIntervals(Ctx& ctx, const YearView& view, Json& results) {
  bool intervals = false;
  if (auto err = QueryFlag(ctx, "intervals", &intervals)) return err;
  if (!intervals) return std::nullopt;
  auto estimate =
      ctx.svc.years.IntervalsOf(view.info.year, kDefaultReplicates, kDefaultIntervalLevel);
  if (!estimate.ok()) return Fail(estimate.status());
  dto::AddIntervals(**estimate, results);
  results["intervals"] = {{"replicates", kDefaultReplicates}, {"level", kDefaultIntervalLevel}};
  return std::nullopt;
}

Response Uncertainty(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  std::optional<int64_t> replicates;
  std::optional<double> level;
  const int64_t max_replicates =
      ctx.role() == core::Role::kAdmin ? kMaxReplicates : kMaxReplicatesOthers;
  if (auto err = QueryInt(ctx, "replicates", kMinReplicates, max_replicates, &replicates)) {
    return *err;
  }
  if (auto err = QueryOpenInterval(ctx, "level", 0, 1, &level)) return *err;
  if (level && std::none_of(std::begin(kLevels), std::end(kLevels),
                            [&](double l) { return std::abs(l - *level) < 1e-9; })) {
    return BadField("level", ctx.T("level: one of 0.8, 0.9, 0.95, 0.99",
                                   "level：置信水平应为 0.8、0.9、0.95 或 0.99"));
  }
  const int r = replicates ? static_cast<int>(*replicates) : kDefaultReplicates;
  const double l = level.value_or(kDefaultIntervalLevel);
  auto estimate = ctx.svc.years.IntervalsOf(year, r, l);
  if (!estimate.ok()) return Fail(estimate.status());
  return JsonResponse(dto::UncertaintyJson(year, r, l, **estimate));
}

Response IndicatorHealth(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto view = ctx.svc.years.View(year);
  if (!view.ok()) return Fail(view.status());
  const core::HealthReport report = core::AnalyzeHealth((*view)->scheme, (*view)->result);
  return JsonResponse(dto::HealthJson(**view, report));
}

Response Fairness(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto view = ctx.svc.years.View(year);
  if (!view.ok()) return Fail(view.status());
  auto report = methods::AnalyzeFairness((*view)->scheme, (*view)->data(), (*view)->result);
  if (!report.ok()) return Fail(report.status());
  return JsonResponse(dto::FairnessJson(**view, *report));
}

Response Anomalies(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto view = ctx.svc.years.View(year);
  if (!view.ok()) return Fail(view.status());
  // Last year's data for the jump test, when that year exists with a scheme.
  std::shared_ptr<const YearView> previous;
  if (auto prev = ctx.svc.years.View(year - 1); prev.ok()) {
    previous = *prev;
  } else if (prev.status().code() != Code::kNotFound) {
    return Fail(prev.status());
  }
  const auto flags = methods::DetectAnomalies((*view)->scheme, (*view)->data(),
                                              previous ? &previous->data() : nullptr);
  // lead.read without results.all: only flags on indicators the caller's unit
  // leads (a unit-level Benford flag belongs to no indicator, so not to a lead).
  const bool all = RoleHas(ctx.role(), Permission::kResultsAll);
  const std::string lead_unit = ctx.user ? ctx.user->unit_id : "";
  Json list = Json::array();
  for (const methods::AnomalyFlag& f : flags) {
    if (!all) {
      auto ind = (*view)->indicators.find(f.indicator_id);
      if (lead_unit.empty() || ind == (*view)->indicators.end() ||
          ind->second->lead_unit_id != lead_unit) {
        continue;
      }
    }
    list.push_back(dto::AnomalyFlagJson(**view, f));
  }
  return JsonResponse({{"year", year}, {"flags", std::move(list)}});
}

}  // namespace govperf::server::handlers
