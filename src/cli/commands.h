// The subcommands of `govperf`. Each lives in its own cmd_<name>.cc and adds
// itself to the CLI11 app; the table in commands.cc lists them all in one place.
#pragma once

#include <CLI/CLI.hpp>

namespace govperf::cli {

// Set by the subcommand that ran; main() returns it.
struct RunState {
  int exit_code = 0;
};

using AddCommandFn = void (*)(CLI::App& app, RunState& state);

struct CommandEntry {
  const char* name;
  AddCommandFn add;
};

// All subcommands, in --help order.
const std::vector<CommandEntry>& Commands();

void AddScoreCommand(CLI::App& app, RunState& state);    // cmd_score.cc
void AddServeCommand(CLI::App& app, RunState& state);    // cmd_serve.cc
void AddDemoCommand(CLI::App& app, RunState& state);     // cmd_demo.cc
void AddMethodCommand(CLI::App& app, RunState& state);   // cmd_method.cc
void AddAnalyzeCommand(CLI::App& app, RunState& state);  // cmd_analyze.cc
void AddSchemeCommand(CLI::App& app, RunState& state);   // cmd_scheme.cc
void AddGenCommand(CLI::App& app, RunState& state);      // cmd_gen.cc
void AddWhatIfCommand(CLI::App& app, RunState& state);   // cmd_whatif.cc
void AddInitCommand(CLI::App& app, RunState& state);     // cmd_init.cc
void AddImportCommand(CLI::App& app, RunState& state);   // cmd_import.cc
void AddExportCommand(CLI::App& app, RunState& state);   // cmd_export.cc
void AddRemindCommand(CLI::App& app, RunState& state);   // cmd_remind.cc
void AddAuditCommand(CLI::App& app, RunState& state);    // cmd_audit.cc
void AddVerifyCommand(CLI::App& app, RunState& state);   // cmd_verify.cc
void AddReportCommand(CLI::App& app, RunState& state);   // cmd_report.cc
// cmd_bulletin.cc
void AddBulletinCommand(CLI::App& app, RunState& state);
// cmd_survey.cc
void AddSurveyCommand(CLI::App& app, RunState& state);

}  // namespace govperf::cli
