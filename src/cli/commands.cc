#include "cli/commands.h"

namespace govperf::cli {

const std::vector<CommandEntry>& Commands() {
  static const std::vector<CommandEntry> kCommands = {
      {"init", AddInitCommand},     {"score", AddScoreCommand},   {"serve", AddServeCommand},
      {"demo", AddDemoCommand},     {"method", AddMethodCommand}, {"analyze", AddAnalyzeCommand},
      {"gen", AddGenCommand},       {"whatif", AddWhatIfCommand}, {"scheme", AddSchemeCommand},
      {"import", AddImportCommand}, {"export", AddExportCommand}, {"remind", AddRemindCommand},
      {"audit", AddAuditCommand},
      {"verify-result", AddVerifyCommand},
      {"report", AddReportCommand},
      {"bulletin", AddBulletinCommand},
      {"survey", AddSurveyCommand},
  };
  return kCommands;
}

}  // namespace govperf::cli
