// govperf: municipal government comprehensive performance management
// (市域政府综合绩效管理). Entry point: parses the subcommand and runs it.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "govperf - municipal government comprehensive performance management (市域政府综合绩效管理)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "govperf 0.1.0");
  govperf::cli::RunState state;
  for (const auto& cmd : govperf::cli::Commands()) cmd.add(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return state.exit_code;
}
