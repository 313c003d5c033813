// Who may do what: the role → permission table and the route table, as data.
// docs/api.md has the same table for humans; policy_test.cc checks every route
// against every role so the two cannot drift apart silently.
#pragma once

#include <string>
#include <vector>

#include "core/roles.h"

namespace govperf::server {

struct Ctx;
struct Response;

enum class Permission {
  kResultsPublic,  // results.public: published years only
  kResultsAll,     // results.all: any year, unpublished too
  kScorecardAny,   // scorecard.any: any unit's scorecard
  kScorecardOwn,   // scorecard.own: the caller's own unit's scorecard
  kLeadRead,       // lead.read: indicators the caller's unit leads
  kValuesWrite,    // values.write: values of indicators one leads (admin: any)
  kDashboardRead,  // dashboard.read
  kAuditRead,      // audit.read
  kUsersRead,      // users.read
  kSchemeWrite,    // scheme.write: replace a draft/setting year's scheme (admin)
  kUsersWrite,     // users.write: create, edit, disable, reset, unlock users
  kOrgWrite,       // org.write: the organisation registry (categories, units)
  kYearsWrite,     // years.write: open years, move them between stages
  kScoresWrite,    // scores.write: satisfaction/leadership scores, inputs, bonus/deduction/veto
  // ---- indicator setting (指标设置) ----
  kSettingRead,       // setting.read: the scheme being set, its versions and diffs, comments
  kSettingWrite,      // setting.write: node edits, publication, decisions, duty lists (admin)
  kSettingNegotiate,  // setting.negotiate: target negotiation and adjustment requests
  kSettingComment,    // setting.comment: comments on indicators (experts)
  // 日常监测 monitoring.
  kReportsRead,      // reports.read: reports, evidence and progress one may see (narrowed in app)
  kReportsSubmit,    // reports.submit: one's own unit's reports and their evidence
  kReportsVerify,    // reports.verify: verify or return reports of led indicators (admin: any)
  kMonitoringWrite,  // monitoring.write: settings, node tasks, working-day calendar
  // 结果运用 result use.
  kResultUseWrite,  // result_use.write: the grade → outcomes table, recorded applications
  // 年终考核 year-end assessment.
  kYearEndRead,     // yearend.read: self-evaluations and claims one is concerned by (narrowed in app)
  kYearEndSelf,     // yearend.self: one's own unit's self-evaluations, bonus claims, evidence
  kYearEndScore,    // yearend.score: score led leaves, raise deductions/vetoes (admin: any)
  kYearEndManage,   // yearend.manage: spot checks, claim decisions, the rating form and its close
  kYearEndOpinion,  // yearend.opinion: expert opinions on innovation claims
  kRatingRate,      // rating.rate: a leader's own ratings of the units assigned
  // 绩效反馈 feedback reports and 整改 rectification.
  kFeedbackAny,           // feedback.any: any unit's feedback report, rectification, closure rates
  kFeedbackOwn,           // feedback.own: the caller's own unit's report and rectification items
  kRectificationWrite,    // rectification.write: file plans, report progress (unit: its own)
  kRectificationDecide,   // rectification.decide: close or reopen items (admin)
  // 考核项目规范 the registry of assessment projects.
  kProjectsRead,    // projects.read: the registry and every unit's burden
  kProjectsApply,   // projects.apply: apply, edit applications, renew (lead: own department)
  kProjectsDecide,  // projects.decide: approve, merge, refuse, abolish (admin)
  // 晴雨表 barometer and 季度通报 quarterly bulletins.
  kBarometerRead,   // barometer.read: the years' trend and the current year's months
  kBulletinsRead,   // bulletins.read: issued quarterly bulletins (every unit: a 通报 goes to all)
  kBulletinsIssue,  // bulletins.issue: draft previews and issuing (admin)
  // 社会评价 surveys and 意见建议 opinions.
  kSurveysRead,     // surveys.read: definitions, fieldwork progress, computed results
  kSurveysManage,   // surveys.manage: design, open/close, codes, QR, invitations, review, apply
  kOpinionsRead,    // opinions.read: opinions one is concerned by (narrowed in app), closure rates
  kOpinionsAnswer,  // opinions.answer: answer opinions routed to one's unit or topics
  kOpinionsManage,  // opinions.manage: topics, routing, closing, turning into rectification
};
const char* PermissionName(Permission p);  // "results.public" ...

// The caller without a (valid) session.
inline constexpr core::Role kRoleAnonymous = core::Role::kAnonymous;

// Permissions of a role; empty for roles without any (system).
const std::vector<Permission>& PermissionsOf(core::Role role);
bool RoleHas(core::Role role, Permission p);

enum class Access {
  kPublic,         // anyone, no session needed (health, login)
  kAuthenticated,  // any valid session
  kPermission,     // a role holding one of `any_of`
};

using HandlerFn = Response (*)(Ctx& ctx);

struct RouteSpec {
  const char* method;   // "GET", "POST", "PUT"
  const char* pattern;  // "/api/v1/years/{year}/results": {name} matches one segment
  Access access;
  std::vector<Permission> any_of;  // for Access::kPermission
  HandlerFn handler;
  // CPU-heavy (argon2 logins, interval estimates, audit verification): run
  // on the server's bounded worker pool, off the I/O threads.
  bool heavy = false;
  // The largest request body accepted (bytes); 0: the server's default
  // (kDefaultBodyLimit, 1 MiB). Raised only for uploads (evidence files,
  // workbooks), decided before the body is read.
  std::size_t max_body = 0;
};

// Every API route, in one place.
const std::vector<RouteSpec>& Routes();

}  // namespace govperf::server
