// Placeholder until the serve layer lands; replaced by its owner.
#include <iostream>

#include "cli/commands.h"

namespace govperf::cli {

void AddServeCommand(CLI::App& app, RunState& state) {
  auto* sub = app.add_subcommand("serve", "(not yet available)");
  sub->callback([&state] {
    std::cerr << "govperf serve: not yet available\n";
    state.exit_code = 1;
  });
}

}  // namespace govperf::cli
