// The stage table as data: edit these two tables to change the workflow, and
// the data files in tests/workflow/ with them.
#include <algorithm>
#include <array>
#include <utility>

#include "core/workflow/stage.h"

namespace govperf::core {
namespace {

struct StageRow {
  Stage stage;
  const char* name;
  const char* name_zh;
};
constexpr std::array<StageRow, 6> kStages = {{
    {Stage::kDraft, "draft", "草稿"},
    {Stage::kSetting, "setting", "指标设置"},
    {Stage::kMonitoring, "monitoring", "日常监测"},
    {Stage::kYearEnd, "year_end", "年终考核"},
    {Stage::kPreliminary, "preliminary", "结果公示"},
    {Stage::kPublished, "published", "已发布"},
}};

constexpr std::array<std::pair<YearWrite, const char*>, 23> kWrites = {{
    {YearWrite::kScheme, "scheme"},
    {YearWrite::kValues, "values"},
    {YearWrite::kScores, "scores"},
    {YearWrite::kAdjustments, "adjustments"},
    {YearWrite::kInputs, "inputs"},
    {YearWrite::kTargets, "targets"},
    {YearWrite::kReview, "review"},
    {YearWrite::kSchemeVersions, "scheme_versions"},
    {YearWrite::kChangeRequests, "change_requests"},
    {YearWrite::kDuties, "duties"},
    {YearWrite::kReports, "reports"},
    {YearWrite::kAppeals, "appeals"},
    {YearWrite::kPublication, "publication"},
    {YearWrite::kSelfEvaluation, "self_evaluation"},
    {YearWrite::kLeadScoring, "lead_scoring"},
    {YearWrite::kSpotChecks, "spot_checks"},
    {YearWrite::kClaims, "claims"},
    {YearWrite::kRatingSetup, "rating_setup"},
    {YearWrite::kRatings, "ratings"},
    {YearWrite::kRectification, "rectification"},
    {YearWrite::kBulletins, "bulletins"},
    {YearWrite::kSurveys, "surveys"},
    {YearWrite::kOpinions, "opinions"},
}};

// Which writes each stage allows, for which roles. A lead department writes
// values only of indicators it leads: that narrowing needs the scheme and is
// done by the use case; here it is "lead may write values".
struct WriteRule {
  Stage stage;
  YearWrite write;
  std::vector<Role> roles;
};
const std::vector<WriteRule>& WriteRules() {
  using R = Role;
  using S = Stage;
  using W = YearWrite;
  static const std::vector<WriteRule> kRules = {
      // The scheme is the office's until the year starts; later changes go
      // through an adjustment request (调整程序), not a replacement.
      {S::kDraft, W::kScheme, {R::kAdmin}},
      {S::kSetting, W::kScheme, {R::kAdmin}},
      // Values are reported while the year runs and at its end.
      {S::kMonitoring, W::kValues, {R::kAdmin, R::kLead}},
      {S::kYearEnd, W::kValues, {R::kAdmin, R::kLead}},
      // In 公示 only the office writes a value: the correction of an upheld
      // appeal (申诉), in the transaction that decides it.
      {S::kPreliminary, W::kValues, {R::kAdmin}},
      // Scores of the other assessing subjects, bonus/deduction/veto and
      // inputs: entered by the office once known (a survey may end before the
      // year does), and corrected during 公示 when an appeal is upheld.
      {S::kMonitoring, W::kScores, {R::kAdmin}},
      {S::kYearEnd, W::kScores, {R::kAdmin}},
      {S::kPreliminary, W::kScores, {R::kAdmin}},
      {S::kMonitoring, W::kAdjustments, {R::kAdmin}},
      {S::kYearEnd, W::kAdjustments, {R::kAdmin}},
      {S::kPreliminary, W::kAdjustments, {R::kAdmin}},
      {S::kMonitoring, W::kInputs, {R::kAdmin}},
      {S::kYearEnd, W::kInputs, {R::kAdmin}},
      {S::kPreliminary, W::kInputs, {R::kAdmin}},
      // Indicator setting (指标设置): targets are negotiated between lead
      // departments and units (the office settles disputes) while the year
      // is being set; experts comment on the draft; the office keeps the
      // power-and-responsibility list. Publication (version 1) happens in
      // setting; once the year runs, the published scheme changes only by an
      // approved adjustment request (a new version), until year end.
      {S::kSetting, W::kTargets, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kDraft, W::kReview, {R::kAdmin, R::kExpert}},
      {S::kSetting, W::kReview, {R::kAdmin, R::kExpert}},
      {S::kDraft, W::kDuties, {R::kAdmin}},
      {S::kSetting, W::kDuties, {R::kAdmin}},
      {S::kSetting, W::kSchemeVersions, {R::kAdmin}},
      {S::kMonitoring, W::kSchemeVersions, {R::kAdmin}},
      {S::kYearEnd, W::kSchemeVersions, {R::kAdmin}},
      {S::kSetting, W::kChangeRequests, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kMonitoring, W::kChangeRequests, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kYearEnd, W::kChangeRequests, {R::kAdmin, R::kLead, R::kUnit}},
      // 日常监测 monitoring reports: units submit their own, lead departments
      // (and the office) verify or return them, while the year runs and at its
      // end. Who may touch which report is the use case's narrowing.
      {S::kMonitoring, W::kReports, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kYearEnd, W::kReports, {R::kAdmin, R::kLead, R::kUnit}},
      // 公示: units appeal their own scores, lead departments answer, the
      // office decides; the office records the window, the committee's
      // approval (评估委员会审定) and, in the publishing transaction, the
      // snapshot and certificate (written while the year is still
      // preliminary, just before it turns published).
      {S::kPreliminary, W::kAppeals, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kPreliminary, W::kPublication, {R::kAdmin}},
      // 年终考核 year-end assessment: assessed units (departments too) file
      // their self-evaluations and bonus claims; lead departments score the
      // leaves they lead and raise deductions and vetoes; experts give
      // opinions on innovation claims; the office spot-checks, decides claims
      // and runs the leadership rating, which leaders fill in. The form may be
      // prepared while the year still runs. Who touches which row is the use
      // case's narrowing (app/year_end/).
      {S::kYearEnd, W::kSelfEvaluation, {R::kLead, R::kUnit}},
      {S::kYearEnd, W::kLeadScoring, {R::kAdmin, R::kLead}},
      {S::kYearEnd, W::kSpotChecks, {R::kAdmin}},
      {S::kYearEnd, W::kClaims, {R::kAdmin, R::kLead, R::kUnit, R::kExpert}},
      {S::kMonitoring, W::kRatingSetup, {R::kAdmin}},
      {S::kYearEnd, W::kRatingSetup, {R::kAdmin}},
      {S::kYearEnd, W::kRatings, {R::kLeader}},
      // 整改 rectification: once the results are final, a unit files and
      // reports on its plan and the office closes or reopens items.
      {S::kPublished, W::kRectification, {R::kAdmin, R::kUnit}},
      // 季度通报: the office issues a quarter's bulletin of monitoring
      // progress while reports come in (monitoring) and, for the last
      // quarter, during the year-end assessment.
      {S::kMonitoring, W::kBulletins, {R::kAdmin}},
      {S::kYearEnd, W::kBulletins, {R::kAdmin}},
      // 社会评价: the office designs the survey while the scheme is set,
      // runs fieldwork during monitoring (October–November) and closes it
      // and reviews flagged responses at the year's end.
      {S::kSetting, W::kSurveys, {R::kAdmin}},
      {S::kMonitoring, W::kSurveys, {R::kAdmin}},
      {S::kYearEnd, W::kSurveys, {R::kAdmin}},
      // 意见建议: opinions are routed, answered and closed from fieldwork
      // until long after publication (their closure rate is published).
      {S::kMonitoring, W::kOpinions, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kYearEnd, W::kOpinions, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kPreliminary, W::kOpinions, {R::kAdmin, R::kLead, R::kUnit}},
      {S::kPublished, W::kOpinions, {R::kAdmin, R::kLead, R::kUnit}},
  };
  return kRules;
}

}  // namespace

const char* StageName(Stage s) {
  for (const auto& row : kStages) {
    if (row.stage == s) return row.name;
  }
  return "?";
}

const char* StageNameZh(Stage s) {
  for (const auto& row : kStages) {
    if (row.stage == s) return row.name_zh;
  }
  return "?";
}

std::optional<Stage> ParseStage(std::string_view s) {
  for (const auto& row : kStages) {
    if (s == row.name) return row.stage;
  }
  return std::nullopt;
}

const std::vector<Stage>& AllStages() {
  static const std::vector<Stage> kAll = [] {
    std::vector<Stage> v;
    for (const auto& row : kStages) v.push_back(row.stage);
    return v;
  }();
  return kAll;
}

const char* YearWriteName(YearWrite w) {
  for (const auto& [write, name] : kWrites) {
    if (write == w) return name;
  }
  return "?";
}

std::optional<YearWrite> ParseYearWrite(std::string_view s) {
  for (const auto& [write, name] : kWrites) {
    if (s == name) return write;
  }
  return std::nullopt;
}

const std::vector<Transition>& Transitions() {
  using R = Role;
  using S = Stage;
  static const std::vector<Transition> kTable = {
      {S::kDraft, S::kSetting, {R::kAdmin}, true},
      {S::kSetting, S::kDraft, {R::kAdmin}, false},
      {S::kSetting, S::kMonitoring, {R::kAdmin}, true},
      {S::kMonitoring, S::kYearEnd, {R::kAdmin}, true},
      {S::kYearEnd, S::kPreliminary, {R::kAdmin}, true},
      {S::kPreliminary, S::kYearEnd, {R::kAdmin}, true},
      {S::kPreliminary, S::kPublished, {R::kAdmin}, true},
  };
  return kTable;
}

const Transition* FindTransition(Stage from, Stage to) {
  for (const Transition& t : Transitions()) {
    if (t.from == from && t.to == to) return &t;
  }
  return nullptr;
}

bool MayTransition(Stage from, Stage to, Role role) {
  const Transition* t = FindTransition(from, to);
  if (!t) return false;
  if (role == Role::kSystem) return true;
  return std::find(t->roles.begin(), t->roles.end(), role) != t->roles.end();
}

// Writes a published year still accepts: none of them is scoring data.
bool AfterPublication(YearWrite w) {
  return w == YearWrite::kRectification || w == YearWrite::kOpinions;
}

bool StageAllows(Stage stage, YearWrite w, Role role) {
  if (stage == Stage::kPublished && !AfterPublication(w)) return false;
  if (role == Role::kSystem) return true;
  for (const WriteRule& rule : WriteRules()) {
    if (rule.stage == stage && rule.write == w &&
        std::find(rule.roles.begin(), rule.roles.end(), role) != rule.roles.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace govperf::core
