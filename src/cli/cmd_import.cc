// `govperf import --db FILE --year Y --what units|scheme|targets|values --in
// FILE [--dry-run] [--default-method CODE]`: an office's workbook (.xlsx) or
// CSV file into the database, through the same use case as the server
// (app/exchange), as the program itself (the operator at the console).
// Exit 0 with a summary of what changed (or would change) on stdout; exit 2
// with every error (sheet, cell, reason), one per line, on stderr.
#include <filesystem>
#include <iostream>

#include "app/exchange/exchange.h"
#include "app/results/year_cache.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace govperf::cli {

void AddImportCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db, what, in, default_method;
    int year = 0;
    bool dry_run = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "import", "Import an Excel workbook or CSV file: units, scheme, targets or values");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year (not used for units)")
      ->check(IntegerIn(1900, 2200));
  sub->add_option("--what", opt->what, "units | scheme | targets | values")->required();
  sub->add_option("--in", opt->in, "the .xlsx or .csv file")->required();
  sub->add_flag("--dry-run", opt->dry_run, "report what would change; change nothing");
  sub->add_option("--default-method", opt->default_method,
                  "scoring method of indicators whose sheet gives none (code or Chinese name)");
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf import: " << m << "\n";
      state.exit_code = code;
    };
    auto what = app::exchange::ParseWhat(opt->what);
    if (!what || *what == app::exchange::What::kResults) {
      return fail("--what: must be units, scheme, targets or values, not '" + opt->what + "'");
    }
    if (*what != app::exchange::What::kUnits && opt->year == 0) {
      return fail("--year: required for --what " + opt->what);
    }
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    app::exchange::ImportOptions options;
    auto bytes = ReadTextFile(opt->in, "--in", options.limits.max_file_bytes);
    if (!bytes.ok()) return fail(bytes.status().message(), ExitCodeFor(bytes.status()));
    auto store = store::OpenSqliteStore(opt->db);
    if (!store.ok()) return fail("--db: " + store.status().ToString(), kExitFailure);
    app::YearCache years(**store);
    options.dry_run = opt->dry_run;
    options.default_method = opt->default_method;
    options.file_name = std::filesystem::path(opt->in).filename().string();
    auto report = app::exchange::Import(years, **store, app::Caller::System(), *what, opt->year,
                                        *bytes, options);
    if (!report.ok()) return fail(report.status().message(), ExitCodeFor(report.status()));
    if (!report->errors.empty()) {
      for (const auto& e : report->errors) std::cerr << e.ToString() << "\n";
      std::cerr << "govperf import: " << report->errors.size()
                << " error(s); nothing was changed\n";
      state.exit_code = kExitInvalid;
      return;
    }
    std::cout << (opt->dry_run ? "dry run: would change" : "changed") << " "
              << report->total_changes << " item(s)"
              << (report->year_created ? "; opens year " + std::to_string(opt->year) + " as a draft"
                                       : "")
              << "\n";
    for (const auto& [k, n] : report->counts) std::cout << "  " << k << ": " << n << "\n";
    for (const auto& c : report->changes) {
      std::cout << c.op << " " << c.entity << " " << c.key;
      if (!c.before.empty() || !c.after.empty()) std::cout << ": " << c.before << " → " << c.after;
      std::cout << "\n";
    }
    for (const auto& n : report->notes) std::cout << "note: " << n << "\n";
  });
}

}  // namespace govperf::cli
