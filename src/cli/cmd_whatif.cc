// govperf whatif: re-evaluate a stored year under another scheme file and list
// every unit whose rank or grade would change, and why — the CLI twin of
// POST /api/v1/years/{year}/whatif (docs/api.md). Nothing is written.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/analysis/whatif.h"
#include "core/evaluate.h"
#include "io/csv.h"
#include "io/scheme_json.h"
#include "io/whatif_json.h"
#include "store/scoring_input.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct WhatIfOptions {
  std::string db;
  int year = 0;
  std::string scheme;
  std::string format = "csv";
};

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// Input errors (the usual case) exit 2; `code` kExitFailure for the others.
int FailWhatIf(const std::string& message, int code = kExitInvalid) {
  std::cerr << "govperf whatif: " << message << "\n";
  return code;
}

int Run(const WhatIfOptions& opt) {
  if (!PathExists(opt.db)) return FailWhatIf("--db: file not found: " + opt.db);
  auto store = store::OpenSqliteStore(opt.db);
  if (!store.ok()) return FailWhatIf("--db: " + store.status().ToString());
  auto years = (*store)->ListYears();
  if (!years.ok()) return FailWhatIf(years.status().message(), ExitCodeFor(years.status()));
  const store::YearInfo* info = nullptr;
  for (const auto& y : *years) {
    if (y.year == opt.year) info = &y;
  }
  if (!info) return FailWhatIf("--year: " + std::to_string(opt.year) + " not found in " + opt.db);
  auto before_scheme = (*store)->LoadScheme(opt.year);
  if (!before_scheme.ok()) {
    return FailWhatIf(before_scheme.status().message(), ExitCodeFor(before_scheme.status()));
  }
  auto data = store::LoadYearDataForScoring(**store, opt.year);
  if (!data.ok()) return FailWhatIf(data.status().message(), ExitCodeFor(data.status()));

  auto text = ReadTextFile(opt.scheme, "--scheme");
  if (!text.ok()) return FailWhatIf(text.status().message());
  auto j = io::ParseJson(*text, opt.scheme);
  if (!j.ok()) return FailWhatIf(j.status().message());
  auto after_scheme = io::SchemeFromJson(*j);
  if (!after_scheme.ok()) return FailWhatIf(opt.scheme + ": " + after_scheme.status().message());
  if (after_scheme->year != opt.year) {
    return FailWhatIf(opt.scheme + ": year " + std::to_string(after_scheme->year) +
                      " is not --year " + std::to_string(opt.year));
  }
  if (Status st = core::ValidateScheme(*after_scheme); !st.ok()) {
    return FailWhatIf(opt.scheme + ": " + st.message());
  }

  // The same options as the year's results (server and `govperf score`).
  core::EvaluateOptions eval;
  eval.provisional = !info->published();
  auto before = core::Evaluate(*before_scheme, *data, eval);
  if (!before.ok()) return FailWhatIf("stored scheme: " + before.status().message());
  auto after = core::Evaluate(*after_scheme, *data, eval);
  if (!after.ok()) return FailWhatIf(opt.scheme + ": " + after.status().message());
  const auto changes = core::CompareResults(*before, *after, &*before_scheme, &*after_scheme);

  std::map<std::string, const core::Unit*> units;
  for (const auto& u : before_scheme->units) units[u.id] = &u;
  for (const auto& u : after_scheme->units) units[u.id] = &u;

  if (opt.format == "json") {
    nlohmann::json list = io::UnitChangesJson(changes, *before_scheme, *after_scheme);
    const nlohmann::json out = {{"year", opt.year},
                                {"provisional", eval.provisional},
                                {"changed", changes.size()},
                                {"units_total", after->units.size()},
                                {"changes", std::move(list)}};
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "unit_id,name_zh,name_en,category_id,total_before,total_after,rank_before,"
               "rank_after,grade_before,grade_after,reasons\n";
  for (const auto& c : changes) {
    const core::Unit* u = units.count(c.unit_id) ? units[c.unit_id] : nullptr;
    char totals[64];
    std::snprintf(totals, sizeof totals, "%.2f,%.2f", c.total_before, c.total_after);
    std::cout << io::CsvField(c.unit_id) << ',' << io::CsvField(u ? u->name_zh : "") << ','
              << io::CsvField(u ? u->name_en : "") << ',' << io::CsvField(c.category_id) << ','
              << totals << ',' << c.rank_before << ',' << c.rank_after << ',' << c.grade_before
              << ',' << c.grade_after << ',' << io::CsvField(Join(c.reasons)) << "\n";
  }
  return 0;
}

}  // namespace

void AddWhatIfCommand(CLI::App& app, RunState& state) {
  auto opt = std::make_shared<WhatIfOptions>();
  auto* sub = app.add_subcommand(
      "whatif", "Compare a stored year with another scheme file: units whose rank or grade moves");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year")->required()->check(IntegerIn(1900, 9999));
  sub->add_option("--scheme", opt->scheme, "the changed scheme (JSON, docs/scheme-format.md)")
      ->required();
  sub->add_option("--format", opt->format, "output format")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  sub->callback([opt, &state] { state.exit_code = Run(*opt); });
}

}  // namespace govperf::cli
