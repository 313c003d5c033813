// `govperf report --db FILE --year Y --unit ID --out FILE.pdf`: a unit's
// feedback report (绩效反馈) as a PDF; `--all --out DIR` writes one PDF per
// assessed unit of the year, named by unit id (DIR/D01.pdf). Exit 0 on
// success, 2 on bad input naming the option (unknown year or unit, an
// unwritable path, a missing font), 1 on other failures.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/caller.h"
#include "app/feedback/feedback_of.h"
#include "app/results/year_cache.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "io/pdf/feedback_pdf.h"
#include "store/store.h"

namespace govperf::cli {
void AddReportCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db, unit, out;
    int year = 0;
    bool all = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("report", "A unit's feedback report (绩效反馈) as a PDF");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year")->required()->check(IntegerIn(1900, 2200));
  sub->add_option("--unit", opt->unit, "the unit's id (or --all)");
  sub->add_flag("--all", opt->all, "every assessed unit of the year: --out is a folder");
  sub->add_option("--out", opt->out, "FILE.pdf, or with --all a folder")->required();
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf report: " << m << "\n";
      state.exit_code = code;
    };
    if (opt->all == !opt->unit.empty()) return fail("--unit: give one unit, or --all");
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    if (auto font = io::pdf::FindCjkFont(); !font.ok()) return fail(font.status().message());
    auto store = store::OpenSqliteStore(opt->db);
    if (!store.ok()) return fail("--db: " + store.status().ToString(), kExitFailure);
    app::YearCache years(**store);
    auto view = years.View(opt->year);
    if (!view.ok()) {
      return fail("--year: " + std::to_string(opt->year) + " has no evaluated results (" +
                      view.status().message() + ")",
                  ExitCodeFor(view.status()));
    }
    std::vector<std::string> units;
    if (opt->all) {
      std::error_code ec;
      std::filesystem::create_directories(opt->out, ec);
      if (ec || !std::filesystem::is_directory(opt->out)) {
        return fail("--out: cannot create the folder " + opt->out);
      }
      for (const core::Unit& u : (*view)->scheme.units) {
        if ((*view)->unit_results.count(u.id)) units.push_back(u.id);
      }
    } else {
      if (!(*view)->unit_results.count(opt->unit)) {
        return fail("--unit: '" + opt->unit + "' is not assessed in " + std::to_string(opt->year));
      }
      units.push_back(opt->unit);
    }
    for (const std::string& unit : units) {
      auto report = app::feedback::ReportOf(years, **store, app::Caller::System(), opt->year, unit);
      if (!report.ok()) return fail(report.status().message(), ExitCodeFor(report.status()));
      auto pdf = io::pdf::RenderFeedbackPdf(*report);
      if (!pdf.ok()) return fail(pdf.status().message(), ExitCodeFor(pdf.status()));
      const std::string path =
          opt->all ? (std::filesystem::path(opt->out) / (unit + ".pdf")).string() : opt->out;
      if (!WriteFileBytes(path, *pdf)) return fail("--out: cannot write " + path);
      std::cout << "wrote " << path << " (" << pdf->size() << " bytes)\n";
    }
  });
}

}  // namespace govperf::cli
