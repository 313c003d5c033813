// `govperf bulletin --db FILE --year Y --quarter N --out FILE.pdf`: the
// quarter's bulletin (季度通报) as a PDF — the issued one, frozen, when the
// quarter has been issued; otherwise a draft computed as of today (or --date),
// marked 草稿. Exit 0 on success, 2 on bad input naming the option (unknown
// year, quarter outside 1–4, an unwritable path, a missing font), 1 otherwise.
#include <fstream>
#include <iostream>

#include "app/barometer/bulletins.h"
#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/results/year_cache.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "io/pdf/bulletin_pdf.h"
#include "io/pdf/feedback_pdf.h"
#include "store/store.h"

namespace govperf::cli {
void AddBulletinCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db, out, date;
    int year = 0, quarter = 0;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("bulletin", "A quarterly bulletin (季度通报) as a PDF");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "evaluation year")->required()->check(IntegerIn(1900, 2200));
  sub->add_option("--quarter", opt->quarter, "quarter 1-4")->required();
  sub->add_option("--date", opt->date, "a draft's as-of date YYYY-MM-DD (default: today in China)");
  sub->add_option("--out", opt->out, "FILE.pdf")->required();
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf bulletin: " << m << "\n";
      state.exit_code = code;
    };
    if (opt->quarter < 1 || opt->quarter > 4) {
      return fail("--quarter: must be 1 to 4, got " + std::to_string(opt->quarter));
    }
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    if (auto font = io::pdf::FindCjkFont(); !font.ok()) return fail(font.status().message());
    auto store = store::OpenSqliteStore(opt->db);
    if (!store.ok()) return fail("--db: " + store.status().ToString(), kExitFailure);
    app::YearCache years(**store);
    core::monitoring::Date today = app::monitoring::TodayInChina(store::SystemClock());
    if (!opt->date.empty()) {
      auto d = core::monitoring::ParseDate(opt->date);
      if (!d) return fail("--date: expected YYYY-MM-DD, got '" + opt->date + "'");
      today = *d;
    }
    const app::Caller system = app::Caller::System();
    auto issued = app::barometer::ListBulletins(years, **store, system, opt->year);
    if (!issued.ok()) {
      return fail("--year: " + issued.status().message(), ExitCodeFor(issued.status()));
    }
    core::barometer::Bulletin bulletin;
    bool found = false;
    for (const auto& b : *issued) {
      if (b.record.quarter == opt->quarter) {
        bulletin = b.bulletin;
        found = true;
      }
    }
    if (!found) {
      auto draft =
          app::barometer::PreviewBulletin(years, **store, system, opt->year, opt->quarter, today);
      if (!draft.ok()) return fail(draft.status().message(), ExitCodeFor(draft.status()));
      bulletin = std::move(*draft);
    }
    auto pdf = io::pdf::RenderBulletinPdf(bulletin);
    if (!pdf.ok()) return fail(pdf.status().message(), ExitCodeFor(pdf.status()));
    if (!WriteFileBytes(opt->out, *pdf)) return fail("--out: cannot write " + opt->out);
    std::cout << "wrote " << opt->out << " ("
              << (found ? core::barometer::BulletinNumber(opt->year, bulletin.number)
                        : std::string("draft"))
              << ", " << pdf->size() << " bytes)\n";
  });
}

}  // namespace govperf::cli
