// The policy as data (docs/api.md "Roles and permissions"). Changing who may
// do what is an edit of these two tables, and policy_test.cc must be updated
// with it: the test holds its own copy of the documented matrix on purpose.
#include "server/policy.h"

#include <algorithm>
#include <map>

#include "app/monitoring/reports.h"
#include "server/handlers/handlers.h"

namespace govperf::server {

const char* PermissionName(Permission p) {
  switch (p) {
    case Permission::kResultsPublic:
      return "results.public";
    case Permission::kResultsAll:
      return "results.all";
    case Permission::kScorecardAny:
      return "scorecard.any";
    case Permission::kScorecardOwn:
      return "scorecard.own";
    case Permission::kLeadRead:
      return "lead.read";
    case Permission::kValuesWrite:
      return "values.write";
    case Permission::kDashboardRead:
      return "dashboard.read";
    case Permission::kAuditRead:
      return "audit.read";
    case Permission::kUsersRead:
      return "users.read";
    case Permission::kSchemeWrite:
      return "scheme.write";
    case Permission::kUsersWrite:
      return "users.write";
    case Permission::kOrgWrite:
      return "org.write";
    case Permission::kYearsWrite:
      return "years.write";
    case Permission::kScoresWrite:
      return "scores.write";
    // ---- indicator setting ----
    case Permission::kSettingRead:
      return "setting.read";
    case Permission::kSettingWrite:
      return "setting.write";
    case Permission::kSettingNegotiate:
      return "setting.negotiate";
    case Permission::kSettingComment:
      return "setting.comment";
    case Permission::kReportsRead:
      return "reports.read";
    case Permission::kReportsSubmit:
      return "reports.submit";
    case Permission::kReportsVerify:
      return "reports.verify";
    case Permission::kMonitoringWrite:
      return "monitoring.write";
    case Permission::kResultUseWrite:
      return "result_use.write";
    case Permission::kYearEndRead:
      return "yearend.read";
    case Permission::kYearEndSelf:
      return "yearend.self";
    case Permission::kYearEndScore:
      return "yearend.score";
    case Permission::kYearEndManage:
      return "yearend.manage";
    case Permission::kYearEndOpinion:
      return "yearend.opinion";
    case Permission::kRatingRate:
      return "rating.rate";
    case Permission::kFeedbackAny:
      return "feedback.any";
    case Permission::kFeedbackOwn:
      return "feedback.own";
    case Permission::kRectificationWrite:
      return "rectification.write";
    case Permission::kRectificationDecide:
      return "rectification.decide";
    case Permission::kProjectsRead:
      return "projects.read";
    case Permission::kProjectsApply:
      return "projects.apply";
    case Permission::kProjectsDecide:
      return "projects.decide";
    case Permission::kBarometerRead:
      return "barometer.read";
    case Permission::kBulletinsRead:
      return "bulletins.read";
    case Permission::kBulletinsIssue:
      return "bulletins.issue";
    case Permission::kSurveysRead:
      return "surveys.read";
    case Permission::kSurveysManage:
      return "surveys.manage";
    case Permission::kOpinionsRead:
      return "opinions.read";
    case Permission::kOpinionsAnswer:
      return "opinions.answer";
    case Permission::kOpinionsManage:
      return "opinions.manage";
  }
  return "?";
}

const std::vector<Permission>& PermissionsOf(core::Role role) {
  using P = Permission;
  using R = core::Role;
  static const std::map<R, std::vector<Permission>> kTable = {
      {R::kAdmin,
       {P::kResultsPublic, P::kResultsAll, P::kScorecardAny, P::kLeadRead, P::kValuesWrite,
        P::kDashboardRead, P::kAuditRead, P::kUsersRead, P::kSchemeWrite, P::kUsersWrite,
        P::kOrgWrite, P::kYearsWrite, P::kScoresWrite,
        // indicator setting
        P::kSettingRead, P::kSettingWrite, P::kSettingNegotiate, P::kSettingComment,
        // monitoring
        P::kReportsRead, P::kReportsVerify, P::kMonitoringWrite,
        // result use
        P::kResultUseWrite,
        // year-end assessment
        P::kYearEndRead, P::kYearEndScore, P::kYearEndManage,
        // feedback and rectification
        P::kFeedbackAny, P::kRectificationWrite, P::kRectificationDecide,
        // 考核项目规范 registry of assessment projects
        P::kProjectsRead, P::kProjectsApply, P::kProjectsDecide,
        // barometer and quarterly bulletins
        P::kBarometerRead, P::kBulletinsRead, P::kBulletinsIssue,
        // 社会评价 surveys and 意见建议 opinions
        P::kSurveysRead, P::kSurveysManage, P::kOpinionsRead, P::kOpinionsManage}},
      {R::kLeader,
       {P::kResultsPublic, P::kResultsAll, P::kScorecardAny, P::kDashboardRead,
        // indicator setting: read only
        P::kSettingRead,
        // monitoring: read only
        P::kReportsRead,
        // year-end assessment: reads; rates the units assigned (领导评价)
        P::kYearEndRead, P::kRatingRate,
        // feedback reports and closure rates: read only
        P::kFeedbackAny,
        // registry of assessment projects: read only
        P::kProjectsRead,
        // 晴雨表 and issued bulletins: read only
        P::kBarometerRead, P::kBulletinsRead,
        // surveys: progress and results; opinions: read only
        P::kSurveysRead, P::kOpinionsRead}},
      {R::kLead,
       {P::kResultsPublic, P::kScorecardOwn, P::kLeadRead, P::kValuesWrite,
        // indicator setting: narrowed to the indicators it leads in app/setting
        P::kSettingRead, P::kSettingNegotiate,
        // monitoring: its own unit's reports; verifies those of indicators it
        // leads (narrowed in app/monitoring, never its own: conflict of interest)
        P::kReportsRead, P::kReportsSubmit, P::kReportsVerify,
        // year-end assessment: its own self-evaluations and claims; scores the
        // leaves it leads and raises deductions (never on its own unit)
        P::kYearEndRead, P::kYearEndSelf, P::kYearEndScore,
        // registry of assessment projects: reads it; applies for its own department
        P::kProjectsRead, P::kProjectsApply,
        // issued quarterly bulletins (a 通报 goes to every unit)
        P::kBulletinsRead,
        // 意见建议 opinions routed to its unit (lead: also its topics'); answers them
        P::kOpinionsRead, P::kOpinionsAnswer}},
      {R::kUnit,
       {P::kResultsPublic, P::kScorecardOwn,
        // indicator setting: narrowed to its own targets and requests in app/setting
        P::kSettingRead, P::kSettingNegotiate,
        // monitoring: its own reports only
        P::kReportsRead, P::kReportsSubmit,
        // year-end assessment: its own self-evaluations and bonus claims
        P::kYearEndRead, P::kYearEndSelf,
        // its own feedback report and rectification (narrowed in app/feedback)
        P::kFeedbackOwn, P::kRectificationWrite,
        // issued quarterly bulletins (a 通报 goes to every unit)
        P::kBulletinsRead,
        // 意见建议 opinions routed to its unit (lead: also its topics'); answers them
        P::kOpinionsRead, P::kOpinionsAnswer}},
      // 专家: reads the scheme being set and comments on indicators; nothing else.
      // 年终考核: opinions on innovation claims.
      {R::kExpert, {P::kResultsPublic, P::kSettingRead, P::kSettingComment, P::kYearEndOpinion}},
      {R::kAnonymous, {P::kResultsPublic}},
  };
  static const std::vector<Permission> kNone;
  auto it = kTable.find(role);
  return it == kTable.end() ? kNone : it->second;
}

bool RoleHas(core::Role role, Permission p) {
  const auto& perms = PermissionsOf(role);
  return std::find(perms.begin(), perms.end(), p) != perms.end();
}

// Workbook uploads (docs/excel.md): a province's scheme with per-unit targets
// is a few megabytes; the importer's own file limit is the same 64 MiB.
constexpr std::size_t kWorkbookBody = 64u << 20;
namespace {
// An evidence file over the limit still reaches the use case, which names the
// field (400 `file`) rather than the transport's bare 413.
constexpr std::size_t kEvidenceSlack = 64 * 1024;
// A questionnaire's answers: a few kilobytes even with long opinions.
constexpr std::size_t kSurveyResponseBody = 64 * 1024;
}  // namespace

const std::vector<RouteSpec>& Routes() {
  using A = Access;
  using P = Permission;
  namespace h = handlers;
  static const std::vector<RouteSpec> kRoutes = {
      {"GET", "/api/health", A::kPublic, {}, h::Health},
      {"POST", "/api/v1/auth/login", A::kPublic, {}, h::Login, /*heavy=*/true},
      {"POST", "/api/v1/auth/logout", A::kAuthenticated, {}, h::Logout},
      {"GET", "/api/v1/me", A::kAuthenticated, {}, h::Me},
      {"POST", "/api/v1/me/password", A::kAuthenticated, {}, h::ChangeOwnPassword, true},
      {"GET", "/api/v1/public/years", A::kPermission, {P::kResultsPublic}, h::PublicYears},
      {"GET", "/api/v1/public/results", A::kPermission, {P::kResultsPublic}, h::PublicResults},
      // Years and their status are not secret; every signed-in role needs them
      // to choose a year (a unit follows its own year in progress).
      {"GET", "/api/v1/years", A::kAuthenticated, {}, h::ListYears},
      {"GET", "/api/v1/years/{year}/results", A::kPermission, {P::kResultsAll}, h::YearResults},
      {"GET", "/api/v1/units", A::kAuthenticated, {}, h::ListUnits},
      // scorecard.own is narrowed to the caller's unit inside the handler.
      {"GET",
       "/api/v1/years/{year}/units/{unit}/scorecard",
       A::kPermission,
       {P::kScorecardAny, P::kScorecardOwn},
       h::Scorecard},
      {"GET", "/api/v1/lead/indicators", A::kPermission, {P::kLeadRead}, h::LeadIndicators},
      // values.write is narrowed to led indicators (except for admin) in the handler.
      {"PUT", "/api/v1/years/{year}/values", A::kPermission, {P::kValuesWrite}, h::PutValue},
      {"GET", "/api/v1/dashboard", A::kPermission, {P::kDashboardRead}, h::Dashboard},
      {"GET", "/api/v1/audit", A::kPermission, {P::kAuditRead}, h::Audit, true},
      {"GET", "/api/v1/users", A::kPermission, {P::kUsersRead}, h::ListUsers},
      // Users (用户管理). Password hashing is heavy.
      {"POST", "/api/v1/users", A::kPermission, {P::kUsersWrite}, h::CreateUser, true},
      {"PUT", "/api/v1/users/{username}", A::kPermission, {P::kUsersWrite}, h::UpdateUser},
      {"POST",
       "/api/v1/users/{username}/password",
       A::kPermission,
       {P::kUsersWrite},
       h::ResetPassword,
       true},
      {"POST", "/api/v1/users/{username}/unlock", A::kPermission, {P::kUsersWrite}, h::UnlockUser},
      // The organisation registry (机构): any session reads it (names of units).
      {"GET", "/api/v1/org", A::kAuthenticated, {}, h::GetOrg},
      {"POST", "/api/v1/org/categories", A::kPermission, {P::kOrgWrite}, h::CreateCategory},
      {"PUT", "/api/v1/org/categories/{id}", A::kPermission, {P::kOrgWrite}, h::UpdateCategory},
      {"POST", "/api/v1/org/units", A::kPermission, {P::kOrgWrite}, h::CreateOrgUnit},
      {"PUT", "/api/v1/org/units/{id}", A::kPermission, {P::kOrgWrite}, h::UpdateOrgUnit},
      {"POST", "/api/v1/org/units/{id}/merge", A::kPermission, {P::kOrgWrite}, h::MergeOrgUnit},
      // Years and their stages.
      {"POST", "/api/v1/years", A::kPermission, {P::kYearsWrite}, h::OpenYear},
      {"POST", "/api/v1/years/{year}/transition", A::kPermission, {P::kYearsWrite}, h::MoveYear},
      // What the office enters (until surveys and leader forms exist).
      {"GET", "/api/v1/years/{year}/inputs", A::kPermission, {P::kResultsAll}, h::GetYearInputs},
      {"PUT", "/api/v1/years/{year}/scores", A::kPermission, {P::kScoresWrite}, h::PutScores},
      {"PUT",
       "/api/v1/years/{year}/unit-inputs",
       A::kPermission,
       {P::kScoresWrite},
       h::PutUnitInputs},
      {"POST",
       "/api/v1/years/{year}/adjustments",
       A::kPermission,
       {P::kScoresWrite},
       h::AddAdjustment},
      {"DELETE",
       "/api/v1/years/{year}/adjustments/{id}",
       A::kPermission,
       {P::kScoresWrite},
       h::DeleteAdjustment},
      // Analysis (docs/api.md "Analysis"): read-only, nothing is stored.
      {"GET",
       "/api/v1/years/{year}/analysis/uncertainty",
       A::kPermission,
       {P::kResultsAll},
       h::Uncertainty,
       true},
      {"GET",
       "/api/v1/years/{year}/analysis/health",
       A::kPermission,
       {P::kResultsAll},
       h::IndicatorHealth},
      {"GET",
       "/api/v1/years/{year}/analysis/fairness",
       A::kPermission,
       {P::kResultsAll},
       h::Fairness,
       true},
      // lead.read is narrowed to indicators the caller's unit leads in the handler.
      {"GET",
       "/api/v1/years/{year}/analysis/anomalies",
       A::kPermission,
       {P::kResultsAll, P::kLeadRead},
       h::Anomalies},
      {"POST", "/api/v1/years/{year}/whatif", A::kPermission, {P::kResultsAll}, h::WhatIf, true},
      {"GET", "/api/v1/years/{year}/scheme", A::kPermission, {P::kResultsAll}, h::GetScheme},
      // Only a draft (or new) year; checked in the handler (409 otherwise).
      {"PUT", "/api/v1/years/{year}/scheme", A::kPermission, {P::kSchemeWrite}, h::PutScheme},
      // Workbooks in and out (.xlsx / .csv). Imports and big exports are heavy.
      {"GET", "/api/v1/org/export", A::kPermission, {P::kOrgWrite}, h::ExportUnits},
      {"POST",
       "/api/v1/org/import",
       A::kPermission,
       {P::kOrgWrite},
       h::ImportUnits,
       true,
       kWorkbookBody},
      {"GET",
       "/api/v1/years/{year}/scheme/export",
       A::kPermission,
       {P::kResultsAll},
       h::ExportScheme,
       true},
      {"POST",
       "/api/v1/years/{year}/scheme/import",
       A::kPermission,
       {P::kSchemeWrite},
       h::ImportScheme,
       true,
       kWorkbookBody},
      {"GET",
       "/api/v1/years/{year}/targets/export",
       A::kPermission,
       {P::kResultsAll},
       h::ExportTargets,
       true},
      {"POST",
       "/api/v1/years/{year}/targets/import",
       A::kPermission,
       {P::kSchemeWrite},
       h::ImportTargets,
       true,
       kWorkbookBody},
      // lead.read / values.write are narrowed to led indicators by the use case.
      {"GET",
       "/api/v1/years/{year}/values/export",
       A::kPermission,
       {P::kResultsAll, P::kLeadRead},
       h::ExportValues,
       true},
      {"POST",
       "/api/v1/years/{year}/values/import",
       A::kPermission,
       {P::kValuesWrite},
       h::ImportValues,
       true,
       kWorkbookBody},
      {"GET",
       "/api/v1/years/{year}/results/export",
       A::kPermission,
       {P::kResultsAll},
       h::ExportResults,
       true},
      {"GET", "/api/v1/templates/{what}", A::kAuthenticated, {}, h::ExportTemplate},
      // ---- indicator setting (指标设置, docs/api.md "Indicator setting") ----
      // The method registry's parameter specs, for forms: not secret.
      {"GET", "/api/v1/scoring/methods", A::kAuthenticated, {}, h::ScoringMethods},
      // Units and lead departments read from the setting stage on (handler).
      {"GET",
       "/api/v1/years/{year}/setting/scheme",
       A::kPermission,
       {P::kSettingRead},
       h::SettingScheme},
      {"POST",
       "/api/v1/years/{year}/setting/nodes",
       A::kPermission,
       {P::kSettingWrite},
       h::AddNode},
      {"PUT",
       "/api/v1/years/{year}/setting/nodes/{id}",
       A::kPermission,
       {P::kSettingWrite},
       h::EditNode},
      {"POST",
       "/api/v1/years/{year}/setting/nodes/{id}/move",
       A::kPermission,
       {P::kSettingWrite},
       h::MoveNode},
      {"DELETE",
       "/api/v1/years/{year}/setting/nodes/{id}",
       A::kPermission,
       {P::kSettingWrite},
       h::DeleteNode},
      // Targets: negotiators see their own rows (app/setting/targets.h); the
      // leader reads all (results.all); experts do not see targets.
      {"GET",
       "/api/v1/years/{year}/setting/targets",
       A::kPermission,
       {P::kSettingNegotiate, P::kResultsAll},
       h::ListTargets},
      {"POST",
       "/api/v1/years/{year}/setting/targets/propose",
       A::kPermission,
       {P::kSettingNegotiate},
       h::ProposeTargets},
      {"POST",
       "/api/v1/years/{year}/setting/targets/step",
       A::kPermission,
       {P::kSettingNegotiate},
       h::TargetStep},
      {"GET",
       "/api/v1/years/{year}/setting/comments",
       A::kPermission,
       {P::kSettingRead},
       h::ListComments},
      {"POST",
       "/api/v1/years/{year}/setting/comments",
       A::kPermission,
       {P::kSettingComment},
       h::AddComment},
      {"POST",
       "/api/v1/years/{year}/setting/publish",
       A::kPermission,
       {P::kSettingWrite},
       h::PublishScheme},
      {"GET",
       "/api/v1/years/{year}/setting/change-requests",
       A::kPermission,
       {P::kSettingNegotiate, P::kResultsAll},
       h::ListChangeRequests},
      {"POST",
       "/api/v1/years/{year}/setting/change-requests",
       A::kPermission,
       {P::kSettingNegotiate},
       h::AddChangeRequest},
      {"POST",
       "/api/v1/years/{year}/setting/change-requests/{id}/decide",
       A::kPermission,
       {P::kSettingWrite},
       h::DecideChangeRequest},
      {"GET",
       "/api/v1/years/{year}/setting/versions",
       A::kPermission,
       {P::kSettingRead},
       h::ListVersions},
      {"GET",
       "/api/v1/years/{year}/setting/versions/{version}",
       A::kPermission,
       {P::kSettingRead},
       h::GetVersion},
      {"GET",
       "/api/v1/years/{year}/setting/diff",
       A::kPermission,
       {P::kSettingRead},
       h::DiffVersions},
      // 权责清单: units and lead departments read their own unit's (handler).
      {"GET",
       "/api/v1/years/{year}/setting/duties/{unit}",
       A::kPermission,
       {P::kSettingNegotiate, P::kResultsAll},
       h::GetDuties},
      {"PUT",
       "/api/v1/years/{year}/setting/duties/{unit}",
       A::kPermission,
       {P::kSettingWrite},
       h::PutDuties,
       true,
       kWorkbookBody},  // the office's .xlsx sheet
      {"PUT",
       "/api/v1/years/{year}/setting/duties/{unit}/links/{indicator}",
       A::kPermission,
       {P::kSettingWrite},
       h::PutDutyLinks},
      // ---- end indicator setting ----

      // ---- 日常监测 monitoring (docs/api.md "Monitoring") ----
      // reports.read is narrowed in app/monitoring: a unit its own reports, a
      // lead department those of the indicators it leads and its own.
      {"GET", "/api/v1/years/{year}/reports", A::kPermission, {P::kReportsRead}, h::ListReports},
      {"GET",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}",
       A::kPermission,
       {P::kReportsRead},
       h::GetReport},
      // reports.submit: only the caller's own unit (checked in the use case).
      {"PUT",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}",
       A::kPermission,
       {P::kReportsSubmit},
       h::SubmitReport},
      // reports.verify: the leaf's lead department, never on its own report
      // (利益回避: the office verifies those).
      {"POST",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}/verify",
       A::kPermission,
       {P::kReportsVerify},
       h::VerifyReport},
      {"POST",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}/return",
       A::kPermission,
       {P::kReportsVerify},
       h::ReturnReport},
      // The body is the file (up to 10 MiB, checked again by the use case).
      {"POST",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}/evidence",
       A::kPermission,
       {P::kReportsSubmit},
       h::AddEvidence,
       false,
       app::monitoring::kMaxEvidenceBytes + kEvidenceSlack},
      {"GET",
       "/api/v1/years/{year}/reports/{indicator}/{unit}/{period}/evidence/{sha256}",
       A::kPermission,
       {P::kReportsRead},
       h::GetEvidence},
      {"GET",
       "/api/v1/years/{year}/monitoring/settings",
       A::kPermission,
       {P::kReportsRead},
       h::GetMonitoringSettings},
      {"PUT",
       "/api/v1/years/{year}/monitoring/settings",
       A::kPermission,
       {P::kMonitoringWrite},
       h::PutMonitoringSettings},
      // Node tasks and the working-day calendar are not secret.
      {"GET", "/api/v1/years/{year}/tasks", A::kAuthenticated, {}, h::ListTasks},
      {"PUT", "/api/v1/years/{year}/tasks/{id}", A::kPermission, {P::kMonitoringWrite}, h::PutTask},
      {"DELETE",
       "/api/v1/years/{year}/tasks/{id}",
       A::kPermission,
       {P::kMonitoringWrite},
       h::DeleteTask},
      {"POST",
       "/api/v1/years/{year}/calendar/seed",
       A::kPermission,
       {P::kMonitoringWrite},
       h::SeedCalendar},
      {"GET", "/api/v1/calendar/days", A::kAuthenticated, {}, h::ListCalendarDays},
      {"PUT",
       "/api/v1/calendar/days/{date}",
       A::kPermission,
       {P::kMonitoringWrite},
       h::PutCalendarDay},
      {"DELETE",
       "/api/v1/calendar/days/{date}",
       A::kPermission,
       {P::kMonitoringWrite},
       h::DeleteCalendarDay},
      // 时序进度: scope by role in app/monitoring/progress.
      {"GET", "/api/v1/years/{year}/progress", A::kPermission, {P::kReportsRead}, h::YearProgress},
      {"GET",
       "/api/v1/years/{year}/progress/summary",
       A::kPermission,
       {P::kDashboardRead},
       h::ProgressSummary},
      // values.write, narrowed to led indicators (admin: any) in the use case.
      {"POST",
       "/api/v1/years/{year}/indicators/{indicator}/values.csv",
       A::kPermission,
       {P::kValuesWrite},
       h::ImportValuesCsv},
      // 结果运用 result use: scorecard.own narrowed to the caller's unit in app/result_use.
      {"GET",
       "/api/v1/years/{year}/result-use",
       A::kPermission,
       {P::kResultsAll, P::kScorecardOwn},
       h::GetResultUse},
      {"PUT",
       "/api/v1/years/{year}/result-use/rules",
       A::kPermission,
       {P::kResultUseWrite},
       h::PutResultUseRules},
      {"POST",
       "/api/v1/years/{year}/result-use/records",
       A::kPermission,
       {P::kResultUseWrite},
       h::AddResultUseRecord},
      {"GET",
       "/api/v1/units/{unit}/history",
       A::kPermission,
       {P::kResultsAll, P::kScorecardOwn},
       h::UnitHistory},
      // 站内消息: every signed-in user has an inbox.
      {"GET", "/api/v1/inbox", A::kAuthenticated, {}, h::GetInbox},
      {"POST", "/api/v1/inbox/read", A::kAuthenticated, {}, h::MarkInboxRead},
      // 公示, committee approval and publication: the state (window, approval,
      // certificate) is every signed-in role's (a unit follows its 公示);
      // the approval is the office's; the certificate and the open data of
      // a published year are public.
      {"GET", "/api/v1/years/{year}/publication", A::kAuthenticated, {}, h::PublicationState},
      {"POST",
       "/api/v1/years/{year}/publication/approval",
       A::kPermission,
       {P::kYearsWrite},
       h::RecordApproval},
      {"GET",
       "/api/v1/public/certificate",
       A::kPermission,
       {P::kResultsPublic},
       h::PublicCertificate},
      {"GET",
       "/api/v1/public/download",
       A::kPermission,
       {P::kResultsPublic},
       h::PublicDownload,
       /*heavy=*/true},
      // 申诉: listing, filing and answering are narrowed by the use case (own
      // unit; the indicator's lead department); the knock-on view and the
      // decision are the office's.
      {"GET", "/api/v1/years/{year}/appeals", A::kAuthenticated, {}, h::ListAppeals},
      {"POST", "/api/v1/years/{year}/appeals", A::kAuthenticated, {}, h::FileAppeal},
      {"POST", "/api/v1/years/{year}/appeals/{id}/answer", A::kAuthenticated, {}, h::AnswerAppeal},
      {"GET",
       "/api/v1/years/{year}/appeals/{id}/knock-on",
       A::kPermission,
       {P::kYearsWrite},
       h::AppealKnockOn,
       /*heavy=*/true},
      {"POST",
       "/api/v1/years/{year}/appeals/{id}/decide",
       A::kPermission,
       {P::kYearsWrite},
       h::DecideAppeal},
      // ---- 年终考核 year-end assessment (docs/api.md "Year-end assessment") ----
      // yearend.read is narrowed in app/year_end: a unit its own rows, a lead
      // department those of the leaves it leads and its own.
      {"GET",
       "/api/v1/years/{year}/year-end/self-evaluations",
       A::kPermission,
       {P::kYearEndRead},
       h::ListSelfEvaluations},
      // yearend.self: only the caller's own unit (checked in the use case).
      {"PUT",
       "/api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}",
       A::kPermission,
       {P::kYearEndSelf},
       h::SubmitSelfEvaluation},
      {"POST",
       "/api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/evidence",
       A::kPermission,
       {P::kYearEndSelf},
       h::AddSelfEvaluationEvidence,
       false,
       app::monitoring::kMaxEvidenceBytes + kEvidenceSlack},
      {"GET",
       "/api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/evidence/{sha256}",
       A::kPermission,
       {P::kYearEndRead},
       h::GetSelfEvaluationEvidence},
      // yearend.score: the leaf's lead department, never on its own unit.
      {"POST",
       "/api/v1/years/{year}/year-end/self-evaluations/{indicator}/{unit}/score",
       A::kPermission,
       {P::kYearEndScore},
       h::ScoreSelfEvaluation},
      {"GET",
       "/api/v1/years/{year}/year-end/spot-checks",
       A::kPermission,
       {P::kYearEndManage},
       h::ListSpotChecks},
      {"POST",
       "/api/v1/years/{year}/year-end/spot-checks",
       A::kPermission,
       {P::kYearEndManage},
       h::DrawSpotCheck},
      {"POST",
       "/api/v1/years/{year}/year-end/spot-checks/{id}/findings",
       A::kPermission,
       {P::kYearEndManage},
       h::RecordSpotFinding},
      // Experts read the innovation claims they give opinions on.
      {"GET",
       "/api/v1/years/{year}/year-end/claims",
       A::kPermission,
       {P::kYearEndRead, P::kYearEndOpinion},
       h::ListClaims},
      // A unit claims bonuses for itself; a lead department raises deductions
      // and vetoes against other units (narrowed in the use case).
      {"POST",
       "/api/v1/years/{year}/year-end/claims",
       A::kPermission,
       {P::kYearEndSelf, P::kYearEndScore},
       h::RaiseClaim},
      {"POST",
       "/api/v1/years/{year}/year-end/claims/{id}/evidence",
       A::kPermission,
       {P::kYearEndSelf},
       h::AddClaimEvidence,
       false,
       app::monitoring::kMaxEvidenceBytes + kEvidenceSlack},
      {"GET",
       "/api/v1/years/{year}/year-end/claims/{id}/evidence/{sha256}",
       A::kPermission,
       {P::kYearEndRead, P::kYearEndOpinion},
       h::GetClaimEvidence},
      {"POST",
       "/api/v1/years/{year}/year-end/claims/{id}/opinion",
       A::kPermission,
       {P::kYearEndOpinion},
       h::ClaimOpinion},
      {"POST",
       "/api/v1/years/{year}/year-end/claims/{id}/decide",
       A::kPermission,
       {P::kYearEndManage},
       h::DecideClaim},
      // 领导评价: a leader sees the form and only their own assignment/ratings.
      {"GET",
       "/api/v1/years/{year}/year-end/rating/setup",
       A::kPermission,
       {P::kYearEndManage, P::kRatingRate},
       h::GetRatingSetup},
      {"PUT",
       "/api/v1/years/{year}/year-end/rating/setup",
       A::kPermission,
       {P::kYearEndManage},
       h::PutRatingSetup},
      {"GET",
       "/api/v1/years/{year}/year-end/rating/ratings",
       A::kPermission,
       {P::kYearEndManage, P::kRatingRate},
       h::ListLeaderRatings},
      {"PUT",
       "/api/v1/years/{year}/year-end/rating/ratings/{unit}",
       A::kPermission,
       {P::kRatingRate},
       h::PutLeaderRating},
      // Writes the aggregate into the year's leadership scores.
      {"POST",
       "/api/v1/years/{year}/year-end/rating/close",
       A::kPermission,
       {P::kYearEndManage},
       h::CloseLeaderRating},
      // ---- end year-end assessment ----
      // ---- 绩效反馈 feedback and 整改 rectification (docs/api.md "Feedback
      // reports (绩效反馈) and rectification (整改)") ----
      // feedback.own is narrowed to the caller's unit in app/feedback. A lead
      // department has neither: it reads the indicators it leads elsewhere.
      {"GET",
       "/api/v1/years/{year}/feedback/{unit}",
       A::kPermission,
       {P::kFeedbackAny, P::kFeedbackOwn},
       h::GetFeedback},
      // Rendering a PDF is CPU work: the heavy pool.
      {"GET",
       "/api/v1/years/{year}/feedback/{unit}/pdf",
       A::kPermission,
       {P::kFeedbackAny, P::kFeedbackOwn},
       h::GetFeedbackPdf,
       true},
      {"GET",
       "/api/v1/years/{year}/rectification",
       A::kPermission,
       {P::kFeedbackAny, P::kFeedbackOwn},
       h::ListRectification},
      {"GET",
       "/api/v1/years/{year}/rectification/closure",
       A::kPermission,
       {P::kFeedbackAny},
       h::RectificationClosure},
      // rectification.write: a unit only for itself (app/feedback).
      {"POST",
       "/api/v1/years/{year}/rectification/units/{unit}/items",
       A::kPermission,
       {P::kRectificationWrite},
       h::FileRectificationPlan},
      {"GET",
       "/api/v1/years/{year}/rectification/items/{id}",
       A::kPermission,
       {P::kFeedbackAny, P::kFeedbackOwn},
       h::GetRectificationItem},
      {"PUT",
       "/api/v1/years/{year}/rectification/items/{id}",
       A::kPermission,
       {P::kRectificationWrite},
       h::EditRectificationItem},
      {"POST",
       "/api/v1/years/{year}/rectification/items/{id}/progress",
       A::kPermission,
       {P::kRectificationWrite},
       h::ReportRectificationProgress},
      {"POST",
       "/api/v1/years/{year}/rectification/items/{id}/evidence",
       A::kPermission,
       {P::kRectificationWrite},
       h::AddRectificationEvidence,
       false,
       app::monitoring::kMaxEvidenceBytes + kEvidenceSlack},
      {"GET",
       "/api/v1/years/{year}/rectification/items/{id}/evidence/{sha256}",
       A::kPermission,
       {P::kFeedbackAny, P::kFeedbackOwn},
       h::GetRectificationEvidence},
      {"POST",
       "/api/v1/years/{year}/rectification/items/{id}/close",
       A::kPermission,
       {P::kRectificationDecide},
       h::CloseRectificationItem},
      {"POST",
       "/api/v1/years/{year}/rectification/items/{id}/reopen",
       A::kPermission,
       {P::kRectificationDecide},
       h::ReopenRectificationItem},
      // 考核项目规范 registry of assessment projects. A lead department applies
      // for its own department only (app/assessment_projects); an assessed unit
      // reads its own burden row (scorecard.own, narrowed in the use case).
      {"GET",
       "/api/v1/years/{year}/assessment-projects",
       A::kPermission,
       {P::kProjectsRead},
       h::ListAssessmentProjects},
      {"POST",
       "/api/v1/years/{year}/assessment-projects",
       A::kPermission,
       {P::kProjectsApply},
       h::ApplyAssessmentProject},
      {"PUT",
       "/api/v1/years/{year}/assessment-projects/{id}",
       A::kPermission,
       {P::kProjectsApply},
       h::EditAssessmentProject},
      {"POST",
       "/api/v1/years/{year}/assessment-projects/{id}/decision",
       A::kPermission,
       {P::kProjectsDecide},
       h::DecideAssessmentProject},
      {"POST",
       "/api/v1/years/{year}/assessment-projects/copy-from-previous",
       A::kPermission,
       {P::kProjectsApply},
       h::CopyAssessmentProjects},
      {"GET",
       "/api/v1/years/{year}/assessment-projects/burden",
       A::kPermission,
       {P::kProjectsRead, P::kScorecardOwn},
       h::AssessmentBurden},
      // ---- 晴雨表 barometer and 季度通报 quarterly bulletins (docs/api.md
      // "Barometer (晴雨表) and quarterly bulletins (季度通报)") ----
      {"GET", "/api/v1/barometer", A::kPermission, {P::kBarometerRead}, h::BarometerTrend},
      {"GET",
       "/api/v1/years/{year}/barometer/months",
       A::kPermission,
       {P::kBarometerRead},
       h::BarometerMonths},
      {"GET",
       "/api/v1/years/{year}/bulletins",
       A::kPermission,
       {P::kBulletinsRead},
       h::ListBulletins},
      // The literal segments come before {id}, which the first match wins over.
      {"GET",
       "/api/v1/years/{year}/bulletins/preview",
       A::kPermission,
       {P::kBulletinsIssue},
       h::PreviewBulletin},
      // Rendering a PDF is CPU work: the heavy pool.
      {"GET",
       "/api/v1/years/{year}/bulletins/preview.pdf",
       A::kPermission,
       {P::kBulletinsIssue},
       h::PreviewBulletinPdf,
       true},
      {"POST",
       "/api/v1/years/{year}/bulletins",
       A::kPermission,
       {P::kBulletinsIssue},
       h::IssueBulletin},
      // {id} or {id}.pdf (the PDF: heavy pool for both, as the route is one).
      {"GET",
       "/api/v1/years/{year}/bulletins/{id}",
       A::kPermission,
       {P::kBulletinsRead},
       h::GetBulletin,
       true},
      // ---- 社会评价 surveys — results (docs/api.md "Surveys — results") ----
      // Computing raking and 1,000 bootstrap replicates over every accepted
      // response is CPU work: the heavy pool, for the read and the apply.
      {"GET",
       "/api/v1/surveys/{id}/results",
       A::kPermission,
       {P::kSurveysRead},
       h::SurveyResults,
       true},
      {"POST",
       "/api/v1/surveys/{id}/apply",
       A::kPermission,
       {P::kSurveysManage},
       h::ApplySurveyResults,
       true},
      // results.all: every unit; scorecard.own: narrowed to one's own unit in
      // the handler (as the scorecard is).
      {"GET",
       "/api/v1/years/{year}/satisfaction",
       A::kPermission,
       {P::kResultsAll, P::kScorecardOwn},
       h::YearSatisfaction},
      {"GET",
       "/api/v1/public/years/{year}/satisfaction",
       A::kPermission,
       {P::kResultsPublic},
       h::PublicYearSatisfaction},
      // ---- end surveys — results ----
      // ---- 社会评价 surveys — design and 意见建议 opinions (docs/api.md
      // "Surveys — design") ----
      {"GET", "/api/v1/surveys", A::kPermission, {P::kSurveysRead}, h::ListSurveys},
      {"POST", "/api/v1/surveys", A::kPermission, {P::kSurveysManage}, h::CreateSurvey},
      {"GET", "/api/v1/surveys/{id}", A::kPermission, {P::kSurveysRead}, h::GetSurvey},
      {"PUT", "/api/v1/surveys/{id}", A::kPermission, {P::kSurveysManage}, h::PutSurvey},
      {"POST",
       "/api/v1/surveys/{id}/status",
       A::kPermission,
       {P::kSurveysManage},
       h::SetSurveyStatus},
      {"POST",
       "/api/v1/surveys/{id}/margins",
       A::kPermission,
       {P::kSurveysManage},
       h::ImportSurveyMargins,
       true,
       kWorkbookBody},
      {"GET", "/api/v1/surveys/{id}/qr.png", A::kPermission, {P::kSurveysManage}, h::SurveyQrPng},
      // Laying out a PDF is CPU work: the heavy pool.
      {"GET",
       "/api/v1/surveys/{id}/poster.pdf",
       A::kPermission,
       {P::kSurveysManage},
       h::SurveyPosterPdf,
       true},
      // Up to 10,000 recipients: more than the default body.
      {"POST",
       "/api/v1/surveys/{id}/invitations",
       A::kPermission,
       {P::kSurveysManage},
       h::SendSurveyInvitations,
       true,
       8u << 20},
      {"GET",
       "/api/v1/years/{year}/opinion-topics",
       A::kPermission,
       {P::kOpinionsRead},
       h::ListOpinionTopics},
      {"PUT",
       "/api/v1/years/{year}/opinion-topics",
       A::kPermission,
       {P::kOpinionsManage},
       h::PutOpinionTopics},
      {"POST",
       "/api/v1/surveys/{id}/opinions/route",
       A::kPermission,
       {P::kOpinionsManage},
       h::RouteSurveyOpinions,
       true},
      {"GET", "/api/v1/years/{year}/opinions", A::kPermission, {P::kOpinionsRead}, h::ListOpinions},
      {"GET",
       "/api/v1/years/{year}/opinions/summary",
       A::kPermission,
       {P::kOpinionsRead},
       h::OpinionSummary},
      {"GET",
       "/api/v1/public/years/{year}/opinions/summary",
       A::kPermission,
       {P::kResultsPublic},
       h::PublicOpinionSummary},
      {"GET", "/api/v1/opinions/{id}", A::kPermission, {P::kOpinionsRead}, h::GetOpinion},
      {"POST",
       "/api/v1/opinions/{id}/answer",
       A::kPermission,
       {P::kOpinionsAnswer},
       h::AnswerOpinion},
      {"POST",
       "/api/v1/opinions/{id}/close",
       A::kPermission,
       {P::kOpinionsManage},
       h::CloseOpinion},
      {"POST",
       "/api/v1/opinions/{id}/dismiss",
       A::kPermission,
       {P::kOpinionsManage},
       h::DismissOpinion},
      {"POST",
       "/api/v1/opinions/{id}/route",
       A::kPermission,
       {P::kOpinionsManage},
       h::RerouteOpinion},
      // ---- end surveys — design ----
      // ---- 社会评价 survey collection (docs/api.md "Surveys — responses") ----
      // Public: respondents have no account. A submission waits for its
      // batch's commit without holding a thread (Response::later); its body
      // is small.
      {"GET", "/api/v1/s/{id}", A::kPublic, {}, h::SurveyQuestionnaire},
      {"POST", "/api/v1/s/{id}/token", A::kPublic, {}, h::SurveyDeviceToken},
      {"POST",
       "/api/v1/s/{id}/responses",
       A::kPublic,
       {},
       h::SurveySubmit,
       false,
       kSurveyResponseBody},
      {"GET",
       "/api/v1/surveys/{id}/responses",
       A::kPermission,
       {P::kSurveysRead},
       h::ListSurveyResponses},
      {"POST",
       "/api/v1/surveys/{id}/responses/{rid}/review",
       A::kPermission,
       {P::kSurveysManage},
       h::ReviewSurveyResponse},
      // Up to 100,000 codes at once, and a scan of every response: heavy.
      {"POST",
       "/api/v1/surveys/{id}/codes",
       A::kPermission,
       {P::kSurveysManage},
       h::IssueSurveyCodes,
       true},
      {"GET",
       "/api/v1/surveys/{id}/fieldwork",
       A::kPermission,
       {P::kSurveysRead},
       h::SurveyFieldwork,
       true},
  };
  return kRoutes;
}

}  // namespace govperf::server
