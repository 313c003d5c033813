// The stages of an evaluation year (年度阶段) and the table that says how a
// year moves between them and which writes each stage allows for which role.
//
//   draft ──▶ setting ──▶ monitoring ──▶ year_end ──▶ preliminary ──▶ published
//   草稿       指标设置      日常监测        年终考核       结果公示(公示)     已发布
//     ◀────────┘                              ◀────────────┘
//   (setting may go back to draft; preliminary back to year_end, e.g. after a
//    successful appeal changes the data)
//
// The table is data (stage_table.cc), tested as data files
// (tests/workflow/*.json). The store enforces it inside the write transaction
// (store.h), so no caller can forget it; the use cases check it first only to
// give a friendlier message. docs/design/workflow.md has the reasons.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/roles.h"

namespace govperf::core {

enum class Stage {
  kDraft,        // 草稿: the office prepares the scheme alone
  kSetting,      // 指标设置: indicators and targets agreed with the units
  kMonitoring,   // 日常监测: the year runs; data reported monthly
  kYearEnd,      // 年终考核: year-end values, scores, bonus/deduction/veto
  kPreliminary,  // 结果公示: preliminary results shown, appeals open
  kPublished,    // 已发布: final; the public sees the results
};

// "draft", "setting", "monitoring", "year_end", "preliminary", "published".
const char* StageName(Stage s);
const char* StageNameZh(Stage s);
std::optional<Stage> ParseStage(std::string_view s);
// Every stage in the order a year goes through them.
const std::vector<Stage>& AllStages();

// The kinds of write a year receives; each stage allows some of them.
enum class YearWrite {
  kScheme,       // replace the scheme (indicators, targets, weights, grades)
  kValues,       // indicator values (year-end and monthly)
  kScores,       // satisfaction and leadership scores (社会评价, 领导评价)
  kAdjustments,  // bonus / deduction / veto items (加减分与否决)
  kInputs,       // unit inputs (投入: budget, staff)
  // Indicator setting (指标设置) and the adjustment procedure (调整程序):
  kTargets,         // target negotiation steps (目标值协商)
  kReview,          // expert comments on the draft scheme (专家意见)
  kSchemeVersions,  // publish the scheme / approve an adjustment (new version)
  kChangeRequests,  // adjustment requests (调整申请)
  kDuties,          // the power-and-responsibility list (权责清单) and its links
  // Daily monitoring (日常监测):
  kReports,  // monitoring reports: submit, verify, return, evidence
  // 公示 and publication:
  kAppeals,      // appeals (申诉): filed by units, answered by lead departments
  kPublication,  // the 公示 window, committee approval (审定), the publication record
  // Year-end assessment (年终考核):
  kSelfEvaluation,  // 自评: a unit's year-end value, text and evidence per leaf
  kLeadScoring,     // 牵头单位评分: the lead department confirms or corrects a value
  kSpotChecks,      // 抽查: the office's sample and its findings
  kClaims,          // 加减分与否决 claims: raised, expert opinions, decided
  kRatingSetup,     // 领导评价 form, leader levels and assignments; closing the rating
  kRatings,         // 领导评价 one leader's ratings of the units assigned
  // 整改 rectification after the feedback report: the only write a published
  // year accepts, because it is not scoring data (nothing it evaluates to).
  kRectification,
  // 季度通报 quarterly bulletins of monitoring progress: not scoring data.
  kBulletins,
  // 社会评价 surveys: design, opening and closing, invitation codes, review
  // of flagged responses (responses themselves follow the survey's status).
  kSurveys,
  // 意见建议 opinions from the survey: routed, answered by units and lead
  // departments, closed by the office; not scoring data.
  kOpinions,
};
// "scheme", "values", "scores", "adjustments", "inputs", "targets", "review",
// "scheme_versions", "change_requests", "duties", "reports", "appeals",
// "publication", "self_evaluation", "lead_scoring", "spot_checks", "claims",
// "rating_setup", "ratings", "rectification", "bulletins", "surveys",
// "opinions".
const char* YearWriteName(YearWrite w);
std::optional<YearWrite> ParseYearWrite(std::string_view s);

struct Transition {
  Stage from;
  Stage to;
  std::vector<Role> roles;  // who may trigger it
  bool needs_scheme;        // refused while the year has no scheme
};

// Every transition that exists, in table order.
const std::vector<Transition>& Transitions();
// The transition from → to, or nullptr when the table has none.
const Transition* FindTransition(Stage from, Stage to);
// May `role` move a year from `from` to `to`? (false when no such transition)
bool MayTransition(Stage from, Stage to, Role role);
// May `role` make a write of kind `w` while the year is in `stage`?
// Role::kSystem (generators, imports by the operator) may write in any stage
// except published.
bool StageAllows(Stage stage, YearWrite w, Role role);

}  // namespace govperf::core
