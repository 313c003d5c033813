// govperf gen: write a synthetic year (units.csv, indicators.csv, values.csv)
// for benchmarks; deterministic for a given seed.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "io/bench_csv.h"

namespace govperf::cli {

void AddGenCommand(CLI::App& app, RunState& state) {
  auto opt = std::make_shared<io::GenOptions>();
  auto out = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("gen", "Write a synthetic year as CSV files (benchmarks)");
  sub->add_option("--units", opt->units, "number of units (categories of 100)")
      ->required()
      ->check(IntegerIn(1, 100'000'000));
  sub->add_option("--indicators", opt->indicators, "number of indicators (points sum to 100)")
      ->required()
      ->check(IntegerIn(1, 10'000));
  sub->add_option("--out", *out, "output directory")->required();
  sub->add_option("--seed", opt->seed, "random seed")
      ->check(IntegerIn(0, INT64_MAX))
      ->capture_default_str();
  sub->callback([opt, out, &state] {
    Status st = io::WriteBenchYear(*out, *opt);
    if (!st.ok()) {
      std::cerr << "govperf gen: " << st.message() << "\n";
      state.exit_code = ExitCodeFor(st);
      return;
    }
    std::cout << "wrote " << opt->units << " units × " << opt->indicators << " indicators to "
              << *out << "\n";
  });
}

}  // namespace govperf::cli
