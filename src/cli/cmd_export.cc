// `govperf export --db FILE --year Y --what units|scheme|targets|values|results
// --out FILE.xlsx|FILE.csv`: a year's content (units: the registry) as a
// workbook an office can edit and import again, or as CSV (the main sheet).
// `--template` writes the empty, correctly headed workbook instead.
// Exit 0 on success, 2 on bad input (unknown year, bad extension), 1 on other
// failures.
#include <fstream>
#include <iostream>

#include "app/exchange/exchange.h"
#include "app/results/year_cache.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace govperf::cli {

void AddExportCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db, what, out;
    int year = 0;
    bool template_only = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "export", "Export units, scheme, targets, values or results as .xlsx or .csv");
  sub->add_option("--db", opt->db, "SQLite database file");
  sub->add_option("--year", opt->year, "evaluation year (not used for units)")
      ->check(IntegerIn(1900, 2200));
  sub->add_option("--what", opt->what, "units | scheme | targets | values | results")->required();
  sub->add_option("--out", opt->out, "the file to write: .xlsx or .csv")->required();
  sub->add_flag("--template", opt->template_only, "an empty, correctly headed workbook");
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf export: " << m << "\n";
      state.exit_code = code;
    };
    auto what = app::exchange::ParseWhat(opt->what);
    if (!what) {
      return fail("--what: must be units, scheme, targets, values or results, not '" + opt->what +
                  "'");
    }
    auto format = app::exchange::FormatOfName(opt->out);
    if (!format) return fail("--out: the file name must end in .xlsx or .csv: " + opt->out);
    Result<app::exchange::ExportedFile> file = Status::Internal("not run");
    if (opt->template_only) {
      file = app::exchange::Template(*what, *format);
    } else {
      if (opt->db.empty()) return fail("--db: required (or --template)");
      if (*what != app::exchange::What::kUnits && opt->year == 0) {
        return fail("--year: required for --what " + opt->what);
      }
      if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
      auto store = store::OpenSqliteStore(opt->db);
      if (!store.ok()) return fail("--db: " + store.status().ToString(), kExitFailure);
      app::YearCache years(**store);
      file =
          app::exchange::Export(years, **store, app::Caller::System(), *what, opt->year, *format);
    }
    if (!file.ok()) return fail(file.status().message(), ExitCodeFor(file.status()));
    std::ofstream out(opt->out, std::ios::binary);
    out.write(file->bytes.data(), static_cast<std::streamsize>(file->bytes.size()));
    out.close();
    if (!out) return fail("--out: cannot write " + opt->out, kExitFailure);
    std::cout << "wrote " << opt->out << " (" << file->bytes.size() << " bytes)\n";
  });
}

}  // namespace govperf::cli
