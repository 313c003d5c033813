// govperf scheme: print a stored year's scheme as a scheme file
// (docs/scheme-format.md) — to edit and score with `score --scheme`, to compare
// with `whatif`, or to archive. Read-only; importing goes through the server
// (PUT /years/{y}/scheme), where the draft-only rule and the audit live.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "io/scheme_json.h"
#include "store/store.h"

namespace govperf::cli {

void AddSchemeCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db;
    int year = 0;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("scheme", "Print a stored year's scheme as a scheme file (JSON)");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year")->required()->check(IntegerIn(1900, 2200));
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf scheme: " << m << "\n";
      state.exit_code = code;
    };
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    auto store = store::OpenSqliteStore(opt->db);
    if (!store.ok()) return fail("--db: " + store.status().ToString());
    auto scheme = (*store)->LoadScheme(opt->year);
    if (!scheme.ok()) {
      return fail(scheme.status().code() == Code::kNotFound
                      ? "--year: no scheme for " + std::to_string(opt->year) + " in " + opt->db
                      : scheme.status().ToString(),
                  ExitCodeFor(scheme.status()));
    }
    std::cout << io::SchemeToJson(*scheme).dump(2) << "\n";
  });
}

}  // namespace govperf::cli
