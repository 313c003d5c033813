// Placeholder until the method layer lands; replaced by its owner.
#include <iostream>

#include "cli/commands.h"

namespace govperf::cli {

void AddMethodCommand(CLI::App& app, RunState& state) {
  auto* sub = app.add_subcommand("method", "(not yet available)");
  sub->callback([&state] {
    std::cerr << "govperf method: not yet available\n";
    state.exit_code = 1;
  });
}

}  // namespace govperf::cli
