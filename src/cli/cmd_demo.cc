// `govperf demo --db FILE [--if-absent] [--seed N] [--year YYYY] [--months M]`:
// writes the demo city (演示城市) into a SQLite database and prints what it
// created. With --if-absent an existing demo database is left untouched, so
// `make demo` can run it every time.
// `govperf demo --db FILE --units N [--leaves L]` writes instead one generated
// province-size year (demo/province.h) of N units and L leaf indicators, with
// monthly data: the load the general engine is measured on.
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.h"
#include "cli/options.h"
#include "demo/demo.h"
#include "demo/province.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct DemoArgs {
  std::string db;
  bool if_absent = false;
  demo::DemoOptions options;
  int units = 0;  // > 0: a generated province year instead of the demo city
  int leaves = 200;
};

int RunDemo(const DemoArgs& args) {
  // The demo city's story sets its own times (story_clock.h).
  demo::StoryClock clock;
  Result<std::unique_ptr<store::Store>> opened = store::OpenSqliteStore(args.db, clock);
  if (!opened.ok()) {
    // The path the operator gave cannot be opened as a database: their input.
    std::cerr << "govperf demo: --db: " << opened.status().ToString() << "\n";
    return kExitInvalid;
  }
  store::Store& st = **opened;
  Result<std::vector<store::YearInfo>> years = st.ListYears();
  if (!years.ok()) {
    std::cerr << "govperf demo: " << years.status().ToString() << "\n";
    return 1;
  }
  if (!years->empty()) {
    if (args.if_absent) {
      std::cout << "demo database exists: " << args.db << "\n";
      return 0;
    }
    std::cerr << "govperf demo: " << args.db
              << " already holds data; use a new file or --if-absent\n";
    return 1;
  }
  Status gen = Status::Ok();
  if (args.units > 0) {
    demo::ProvinceOptions p;
    p.units = args.units;
    p.leaves = args.leaves;
    p.seed = args.options.seed;
    p.year = args.options.current_year;
    gen = demo::WriteProvinceYear(st, p);
  } else {
    demo::DemoOptions options = args.options;
    options.clock = &clock;
    options.db_path = args.db;  // the surveys' response journal opens its own connection
    gen = demo::GenerateDemoCity(st, options);
  }
  if (!gen.ok()) {
    std::cerr << "govperf demo: " << gen.ToString() << "\n";
    return 1;
  }

  // Report what was created, read back through the store.
  years = st.ListYears();
  Result<std::vector<store::User>> users = st.ListUsers();
  if (!years.ok() || !users.ok()) {
    std::cerr << "govperf demo: cannot read back the demo database\n";
    return 1;
  }
  if (args.units > 0) {
    std::cout << "province year (generated) written to " << args.db << " (seed "
              << args.options.seed << ")\n";
  } else {
    std::cout << "demo city 云岭市 (Yunling City, fictional) written to " << args.db << " (seed "
              << args.options.seed << ")\n";
  }
  for (const store::YearInfo& y : *years) {
    Result<core::Scheme> s = st.LoadScheme(y.year);
    Result<core::YearData> d = st.LoadYearData(y.year);
    if (!s.ok() || !d.ok()) continue;
    std::set<std::string> parents;
    for (const auto& i : s->indicators) parents.insert(i.parent_id);
    size_t leaves = 0;
    for (const auto& i : s->indicators) leaves += parents.count(i.id) == 0 ? 1 : 0;
    std::cout << "  " << y.year << " " << core::StageName(y.stage) << ": " << s->categories.size()
              << " categories, " << s->units.size() << " units, " << leaves << " leaf indicators, "
              << s->targets.size() << " targets, " << d->values.size() << " values, "
              << d->adjustments.size() << " adjustments\n";
  }
  if (args.units > 0) {
    std::cout << "  " << users->size() << " user; sign in with: admin / demo-admin-2026\n";
    return 0;
  }
  std::cout << "  " << users->size() << " users; sign in with:\n";
  for (const demo::DemoLogin& l : demo::FeaturedLogins()) {
    std::cout << "    " << l.username << " / " << l.password << "  (" << core::RoleName(l.role)
              << ") " << l.description_en << "\n";
  }
  return 0;
}

}  // namespace

void AddDemoCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<DemoArgs>();
  auto* sub = app.add_subcommand("demo", "Write the demo city (演示城市) into a SQLite database");
  sub->add_option("--db", args->db, "SQLite database file to create")->required();
  sub->add_flag("--if-absent", args->if_absent,
                "If the database already has data, say so and exit 0 without changes");
  sub->add_option("--seed", args->options.seed, "Random seed (same seed, same city)")
      ->check(IntegerIn(0, INT64_MAX));
  sub->add_option("--year", args->options.current_year, "Current (in-progress) year")
      ->check(IntegerIn(1902, 9999));
  sub->add_option("--months", args->options.months_reported,
                  "Months of monitoring data in the current year")
      ->check(IntegerIn(1, 12));
  sub->add_option("--units", args->units,
                  "Instead of the demo city, one generated province-size year with this many "
                  "units (monthly data, every scoring method)")
      ->check(IntegerIn(10, 1000000));
  sub->add_option("--leaves", args->leaves, "Leaf indicators of the generated year (with --units)")
      ->check(IntegerIn(20, 10000));
  sub->callback([args, &state] { state.exit_code = RunDemo(*args); });
}

}  // namespace govperf::cli
