// govperf: municipal government comprehensive performance management
// (市域政府综合绩效管理). Entry point: parses the subcommand and runs it.
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  CLI::App app{
      "govperf - municipal government comprehensive performance management (市域政府综合绩效管理)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "govperf 0.1.0");
  govperf::cli::RunState state;
  for (const auto& cmd : govperf::cli::Commands()) cmd.add(app, state);
  // The subcommands run inside parse(). Every input error is reported by them
  // as a Status; the handlers below are a last resort, so that even a bug
  // ends with a message and exit code 2, never an abort or a signal.
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; a usage error
    // prints its message and takes the invalid-input exit code.
    const int code = app.exit(e);
    return code == 0 ? govperf::cli::kExitOk : govperf::cli::kExitInvalid;
  } catch (const std::exception& e) {
    std::cerr << "govperf: unexpected error: " << e.what() << "\n";
    return govperf::cli::kExitInvalid;
  } catch (...) {
    std::cerr << "govperf: unexpected error\n";
    return govperf::cli::kExitInvalid;
  }
  return state.exit_code;
}
