// One function per route; the route table in policy.cc says which permission
// each needs (checked before the call). Handlers check only what depends on
// the data: a unit's own scorecard, a lead department's own indicators.
#pragma once

#include <string>

#include "core/model.h"
#include "io/sheet_table.h"
#include "server/context.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {

Response Health(Ctx& ctx);             // health.cc
Response Login(Ctx& ctx);              // auth.cc
Response Logout(Ctx& ctx);             // auth.cc
Response Me(Ctx& ctx);                 // auth.cc
Response PublicYears(Ctx& ctx);        // public_results.cc
Response PublicResults(Ctx& ctx);      // public_results.cc
Response ListYears(Ctx& ctx);          // years.cc
Response YearResults(Ctx& ctx);        // years.cc
Response ListUnits(Ctx& ctx);          // units.cc
Response Scorecard(Ctx& ctx);          // scorecard.cc
Response LeadIndicators(Ctx& ctx);     // lead.cc
Response PutValue(Ctx& ctx);           // values.cc
Response Dashboard(Ctx& ctx);          // dashboard.cc
Response Audit(Ctx& ctx);              // audit.cc
Response ListUsers(Ctx& ctx);          // users.cc
Response Uncertainty(Ctx& ctx);        // analysis.cc
Response IndicatorHealth(Ctx& ctx);    // analysis.cc
Response Fairness(Ctx& ctx);           // analysis.cc
Response Anomalies(Ctx& ctx);          // analysis.cc
Response WhatIf(Ctx& ctx);             // whatif.cc
Response GetScheme(Ctx& ctx);          // scheme.cc
Response PutScheme(Ctx& ctx);          // scheme.cc
Response ChangeOwnPassword(Ctx& ctx);  // auth.cc
Response CreateUser(Ctx& ctx);         // users.cc
Response UpdateUser(Ctx& ctx);         // users.cc
Response ResetPassword(Ctx& ctx);      // users.cc
Response UnlockUser(Ctx& ctx);         // users.cc
Response GetOrg(Ctx& ctx);             // org.cc
Response CreateCategory(Ctx& ctx);     // org.cc
Response UpdateCategory(Ctx& ctx);     // org.cc
Response CreateOrgUnit(Ctx& ctx);      // org.cc
Response UpdateOrgUnit(Ctx& ctx);      // org.cc
Response MergeOrgUnit(Ctx& ctx);       // org.cc
Response OpenYear(Ctx& ctx);           // years.cc
Response MoveYear(Ctx& ctx);           // years.cc
Response GetYearInputs(Ctx& ctx);      // inputs.cc
Response PutScores(Ctx& ctx);          // inputs.cc
Response PutUnitInputs(Ctx& ctx);      // inputs.cc
Response AddAdjustment(Ctx& ctx);      // inputs.cc
Response DeleteAdjustment(Ctx& ctx);   // inputs.cc
// 结果运用 result use (result_use.cc)
Response GetResultUse(Ctx& ctx);
Response PutResultUseRules(Ctx& ctx);
Response AddResultUseRecord(Ctx& ctx);
Response UnitHistory(Ctx& ctx);
// Workbooks in and out (exchange.cc).
Response ExportUnits(Ctx& ctx);
Response ExportScheme(Ctx& ctx);
Response ExportTargets(Ctx& ctx);
Response ExportValues(Ctx& ctx);
Response ExportResults(Ctx& ctx);
Response ExportTemplate(Ctx& ctx);
Response ImportUnits(Ctx& ctx);
Response ImportScheme(Ctx& ctx);
Response ImportTargets(Ctx& ctx);
Response ImportValues(Ctx& ctx);

// ---- indicator setting (指标设置): setting.cc ----
Response ScoringMethods(Ctx& ctx);
Response SettingScheme(Ctx& ctx);
Response AddNode(Ctx& ctx);
Response EditNode(Ctx& ctx);
Response MoveNode(Ctx& ctx);
Response DeleteNode(Ctx& ctx);
Response ListTargets(Ctx& ctx);
Response ProposeTargets(Ctx& ctx);
Response TargetStep(Ctx& ctx);
Response ListComments(Ctx& ctx);
Response AddComment(Ctx& ctx);
Response PublishScheme(Ctx& ctx);
Response ListVersions(Ctx& ctx);
Response GetVersion(Ctx& ctx);
Response DiffVersions(Ctx& ctx);
Response ListChangeRequests(Ctx& ctx);
Response AddChangeRequest(Ctx& ctx);
Response DecideChangeRequest(Ctx& ctx);
Response GetDuties(Ctx& ctx);
Response PutDuties(Ctx& ctx);
Response PutDutyLinks(Ctx& ctx);
// ---- end indicator setting ----
// ---- 年终考核 year-end assessment: year_end.cc ----
Response ListSelfEvaluations(Ctx& ctx);
Response SubmitSelfEvaluation(Ctx& ctx);
Response AddSelfEvaluationEvidence(Ctx& ctx);
Response GetSelfEvaluationEvidence(Ctx& ctx);
Response ScoreSelfEvaluation(Ctx& ctx);
Response ListSpotChecks(Ctx& ctx);
Response DrawSpotCheck(Ctx& ctx);
Response RecordSpotFinding(Ctx& ctx);
Response ListClaims(Ctx& ctx);
Response RaiseClaim(Ctx& ctx);
Response AddClaimEvidence(Ctx& ctx);
Response GetClaimEvidence(Ctx& ctx);
Response ClaimOpinion(Ctx& ctx);
Response DecideClaim(Ctx& ctx);
Response GetRatingSetup(Ctx& ctx);
Response PutRatingSetup(Ctx& ctx);
Response ListLeaderRatings(Ctx& ctx);
Response PutLeaderRating(Ctx& ctx);
Response CloseLeaderRating(Ctx& ctx);
// ---- end year-end assessment ----
// 日常监测 monitoring (monitoring.cc, inbox.cc).
Response ListReports(Ctx& ctx);
Response GetReport(Ctx& ctx);
Response SubmitReport(Ctx& ctx);
Response VerifyReport(Ctx& ctx);
Response ReturnReport(Ctx& ctx);
Response AddEvidence(Ctx& ctx);
Response GetEvidence(Ctx& ctx);
Response GetMonitoringSettings(Ctx& ctx);
Response PutMonitoringSettings(Ctx& ctx);
Response ListTasks(Ctx& ctx);
Response PutTask(Ctx& ctx);
Response DeleteTask(Ctx& ctx);
Response SeedCalendar(Ctx& ctx);
Response ListCalendarDays(Ctx& ctx);
Response PutCalendarDay(Ctx& ctx);
Response DeleteCalendarDay(Ctx& ctx);
Response YearProgress(Ctx& ctx);
Response ProgressSummary(Ctx& ctx);
Response ImportValuesCsv(Ctx& ctx);
Response GetInbox(Ctx& ctx);
Response MarkInboxRead(Ctx& ctx);
// 公示, committee approval and publication (publication.cc).
Response PublicationState(Ctx& ctx);
Response RecordApproval(Ctx& ctx);
Response PublicCertificate(Ctx& ctx);
Response PublicDownload(Ctx& ctx);
// 申诉 appeals (appeals.cc).
Response ListAppeals(Ctx& ctx);
Response FileAppeal(Ctx& ctx);
Response AnswerAppeal(Ctx& ctx);
Response AppealKnockOn(Ctx& ctx);
Response DecideAppeal(Ctx& ctx);
// A publication certificate as JSON (the actor only for signed-in callers).
Json CertificateJson(const store::Publication& p, bool with_actor);
// 绩效反馈 feedback reports and 整改 rectification (feedback.cc).
Response GetFeedback(Ctx& ctx);
Response GetFeedbackPdf(Ctx& ctx);
Response ListRectification(Ctx& ctx);
Response FileRectificationPlan(Ctx& ctx);
Response GetRectificationItem(Ctx& ctx);
Response EditRectificationItem(Ctx& ctx);
Response ReportRectificationProgress(Ctx& ctx);
Response AddRectificationEvidence(Ctx& ctx);
Response GetRectificationEvidence(Ctx& ctx);
Response CloseRectificationItem(Ctx& ctx);
Response ReopenRectificationItem(Ctx& ctx);
Response RectificationClosure(Ctx& ctx);
// 考核项目规范 registry of assessment projects (assessment_projects.cc)
Response ListAssessmentProjects(Ctx& ctx);
Response ApplyAssessmentProject(Ctx& ctx);
Response EditAssessmentProject(Ctx& ctx);
Response DecideAssessmentProject(Ctx& ctx);
Response CopyAssessmentProjects(Ctx& ctx);
Response AssessmentBurden(Ctx& ctx);
// 晴雨表 barometer and 季度通报 quarterly bulletins (barometer.cc, bulletins.cc).
Response BarometerTrend(Ctx& ctx);
Response BarometerMonths(Ctx& ctx);
Response ListBulletins(Ctx& ctx);
Response PreviewBulletin(Ctx& ctx);
Response PreviewBulletinPdf(Ctx& ctx);
Response IssueBulletin(Ctx& ctx);
Response GetBulletin(Ctx& ctx);  // also {id}.pdf
// ---- 社会评价 surveys — results (survey_results.cc) ----
Response SurveyResults(Ctx& ctx);
Response ApplySurveyResults(Ctx& ctx);
Response YearSatisfaction(Ctx& ctx);
Response PublicYearSatisfaction(Ctx& ctx);
// 社会评价 survey design (survey_design.cc) and 意见建议 opinions (survey_opinions.cc).
Response ListSurveys(Ctx& ctx);
Response CreateSurvey(Ctx& ctx);
Response GetSurvey(Ctx& ctx);
Response PutSurvey(Ctx& ctx);
Response SetSurveyStatus(Ctx& ctx);
Response ImportSurveyMargins(Ctx& ctx);
Response SurveyQrPng(Ctx& ctx);
Response SurveyPosterPdf(Ctx& ctx);
Response SendSurveyInvitations(Ctx& ctx);
Response ListOpinionTopics(Ctx& ctx);
Response PutOpinionTopics(Ctx& ctx);
Response RouteSurveyOpinions(Ctx& ctx);
Response ListOpinions(Ctx& ctx);
Response OpinionSummary(Ctx& ctx);
Response PublicOpinionSummary(Ctx& ctx);
Response GetOpinion(Ctx& ctx);
Response AnswerOpinion(Ctx& ctx);
Response CloseOpinion(Ctx& ctx);
Response DismissOpinion(Ctx& ctx);
Response RerouteOpinion(Ctx& ctx);
// 社会评价 collection: public questionnaire, device tokens and submissions
// (survey_public.cc); review queue, codes, fieldwork (survey_review.cc).
Response SurveyQuestionnaire(Ctx& ctx);
Response SurveyDeviceToken(Ctx& ctx);
Response SurveySubmit(Ctx& ctx);
Response ListSurveyResponses(Ctx& ctx);
Response ReviewSurveyResponse(Ctx& ctx);
Response IssueSurveyCodes(Ctx& ctx);
Response SurveyFieldwork(Ctx& ctx);

// Shared by handlers: a year from the `year` query parameter, or the latest
// year with a scheme when absent. Returns an error response on failure.
std::optional<Response> QueryYearOrLatest(Ctx& ctx, int* year);
// The unit in the latest scheme that has it (for names of a user's unit); null if none.
std::optional<core::Unit> FindUnitAnyYear(Ctx& ctx, const std::string& unit_id);
// 400 for an uploaded file with errors, each named by sheet and cell (field
// "body", details.errors); nothing was changed.
Response SheetErrorsResponse(Ctx& ctx, const std::vector<io::SheetError>& errors);
// `?intervals=1` on a Results response (docs/api.md "Analysis"): adds each
// unit row's `interval` (default replicates and level). Returns an error
// response on a bad parameter or a failed estimate; `results` is the
// dto::ResultsJson of `view`.
std::optional<Response> MaybeAddIntervals(Ctx& ctx, const YearView& view, Json& results);

}  // namespace govperf::server::handlers
