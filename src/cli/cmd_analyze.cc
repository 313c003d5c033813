// govperf analyze: the analyses of the results pages, from the command line —
// score and rank intervals, indicator health, anomaly flags and the fairness
// view — as the same JSON the server's /analysis endpoints return (the same
// year cache and DTOs, so CLI and API cannot disagree).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/analysis/health.h"
#include "methods/anomaly.h"
#include "methods/fairness.h"
#include "server/dto/analysis.h"
#include "server/year_cache.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct AnalyzeOptions {
  std::string kind;
  std::string db;
  int year = 0;
  int replicates = 200;
  double level = 0.9;
};

// Input errors (the usual case) exit 2; `code` kExitFailure for the others.
int FailAnalyze(const std::string& message, int code = kExitInvalid) {
  std::cerr << "govperf analyze: " << message << "\n";
  return code;
}

int Run(const AnalyzeOptions& opt) {
  if (!PathExists(opt.db)) return FailAnalyze("--db: file not found: " + opt.db);
  auto store = store::OpenSqliteStore(opt.db);
  if (!store.ok())
    return FailAnalyze("--db: " + store.status().ToString(), ExitCodeFor(store.status()));
  server::YearCache years(**store);
  auto view = years.View(opt.year);
  if (!view.ok()) {
    return FailAnalyze(view.status().code() == Code::kNotFound
                           ? "--year: " + std::to_string(opt.year) + " not found in " + opt.db
                           : view.status().ToString(),
                       ExitCodeFor(view.status()));
  }
  nlohmann::json out;
  if (opt.kind == "uncertainty") {
    auto intervals = years.IntervalsOf(opt.year, opt.replicates, opt.level);
    if (!intervals.ok()) {
      return FailAnalyze(intervals.status().ToString(), ExitCodeFor(intervals.status()));
    }
    out = server::dto::UncertaintyJson(opt.year, opt.replicates, opt.level, **intervals);
  } else if (opt.kind == "health") {
    out = server::dto::HealthJson(**view, core::AnalyzeHealth((*view)->scheme, (*view)->result));
  } else if (opt.kind == "fairness") {
    auto report = methods::AnalyzeFairness((*view)->scheme, (*view)->data(), (*view)->result);
    if (!report.ok()) return FailAnalyze(report.status().ToString(), ExitCodeFor(report.status()));
    out = server::dto::FairnessJson(**view, *report);
  } else {  // anomalies
    std::shared_ptr<const server::YearView> previous;
    if (auto prev = years.View(opt.year - 1); prev.ok()) previous = *prev;
    const auto flags = methods::DetectAnomalies((*view)->scheme, (*view)->data(),
                                                previous ? &previous->data() : nullptr);
    out = {{"year", opt.year}, {"flags", nlohmann::json::array()}};
    for (const auto& f : flags) out["flags"].push_back(server::dto::AnomalyFlagJson(**view, f));
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, RunState& state) {
  auto opt = std::make_shared<AnalyzeOptions>();
  auto* sub = app.add_subcommand(
      "analyze", "Analyses of a year: uncertainty, health, anomalies or fairness (JSON)");
  sub->add_option("kind", opt->kind, "uncertainty | health | anomalies | fairness")
      ->required()
      ->check(CLI::IsMember({"uncertainty", "health", "anomalies", "fairness"}));
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year")->required()->check(IntegerIn(1900, 2200));
  sub->add_option("--replicates", opt->replicates, "uncertainty: simulated replicates")
      ->check(IntegerIn(20, 1000))
      ->capture_default_str();
  sub->add_option("--level", opt->level, "uncertainty: interval level, within (0, 1)")
      ->check(NumberIn(0.01, 0.99))
      ->capture_default_str();
  sub->callback([opt, &state] { state.exit_code = Run(*opt); });
}

}  // namespace govperf::cli
