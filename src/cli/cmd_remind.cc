// govperf remind: what is due, late and escalated on a date (提醒, 黄牌, 红牌),
// for cron. Records each escalation and its inbox messages once (running
// twice the same day adds nothing), so e-mail/SMS senders can be driven by
// its output later. Output: JSON lines (default) or a table; README.md and
// docs/api.md ("Monitoring") describe the fields.
#include <iomanip>
#include <iostream>

#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/results/year_cache.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "server/dto/monitoring.h"
#include "store/store.h"

namespace govperf::cli {

void AddRemindCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db;
    std::string date;
    std::string format = "jsonl";
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "remind", "Record and print the day's reminders, yellow and red cards (日常监测督办)");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--date", opt->date, "the day, YYYY-MM-DD (China time)")->required();
  sub->add_option("--format", opt->format, "jsonl (default) or table");
  sub->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf remind: " << m << "\n";
      state.exit_code = code;
    };
    auto date = core::monitoring::ParseDate(opt->date);
    if (!date) return fail("--date: '" + opt->date + "' is not a date YYYY-MM-DD");
    if (opt->format != "jsonl" && opt->format != "table") {
      return fail("--format: must be jsonl or table");
    }
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    auto store = store::OpenSqliteStore(opt->db);
    if (!store.ok()) return fail("--db: " + store.status().ToString());
    app::YearCache years(**store);
    auto run = app::monitoring::Remind(years, **store, app::Caller::System(), *date);
    if (!run.ok()) return fail(run.status().ToString(), ExitCodeFor(run.status()));
    if (opt->format == "jsonl") {
      for (const auto& l : run->lines) std::cout << server::dto::RemindLineJson(l).dump() << "\n";
      std::cout << nlohmann::json{{"summary",
                                   {{"date", run->date},
                                    {"lines", run->lines.size()},
                                    {"escalations_added", run->escalations_added},
                                    {"messages_added", run->messages_added}}}}
                       .dump()
                << "\n";
      return;
    }
    std::cout << std::left << std::setw(6) << "year" << std::setw(9) << "level" << std::setw(6)
              << "days" << std::setw(12) << "due" << std::setw(8) << "unit" << std::setw(4) << "new"
              << "subject\n";
    for (const auto& l : run->lines) {
      std::cout << std::setw(6) << l.year << std::setw(9) << l.level << std::setw(6)
                << l.working_days << std::setw(12) << l.due_date << std::setw(8)
                << (l.unit_id.empty() ? "-" : l.unit_id) << std::setw(4)
                << (l.recorded ? "yes" : "no") << l.subject << "\n";
    }
    std::cout << run->lines.size() << " escalations on " << run->date << "; "
              << run->escalations_added << " newly recorded, " << run->messages_added
              << " inbox messages sent\n";
  });
}

}  // namespace govperf::cli
