// Placeholder until the demo layer lands; replaced by its owner.
#include <iostream>

#include "cli/commands.h"

namespace govperf::cli {

void AddDemoCommand(CLI::App& app, RunState& state) {
  auto* sub = app.add_subcommand("demo", "(not yet available)");
  sub->callback([&state] {
    std::cerr << "govperf demo: not yet available\n";
    state.exit_code = 1;
  });
}

}  // namespace govperf::cli
