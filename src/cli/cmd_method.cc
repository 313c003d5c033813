// `govperf method NAME`: run one scientific method (AHP, entropy weights,
// normalisation, TOPSIS, DEA, raking) on a JSON object read from stdin and
// write a JSON object to stdout. The contract lives in methods/json_api.h and
// docs/methods.md; this file only wires it to the command line.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "methods/json_api.h"

namespace govperf::cli {

void AddMethodCommand(CLI::App& app, RunState& state) {
  auto* sub =
      app.add_subcommand("method", "Run a scientific method: JSON on stdin -> JSON on stdout");
  // Owned by the subcommand's callback for the life of the app.
  auto name = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  std::string names;
  for (const auto& n : methods::MethodNames()) names += (names.empty() ? "" : ", ") + n;
  // Optional so that a missing name gets the contract's exit code 2 and list.
  sub->add_option("name", *name, "method: " + names);
  sub->add_flag("--list", *list, "print the method names, one per line, and exit");
  sub->footer(
      "Invalid input: a message naming the field on stderr, exit code 2. See docs/methods.md.\n");
  sub->callback([&state, name, list] {
    if (*list) {
      for (const auto& n : methods::MethodNames()) std::cout << n << "\n";
      state.exit_code = 0;
      return;
    }
    state.exit_code = methods::RunMethod(*name, std::cin, std::cout, std::cerr);
  });
}

}  // namespace govperf::cli
