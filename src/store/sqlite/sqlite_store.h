// The SQLite backend of Store (internal to src/store/sqlite/): the class and
// the helpers its per-aggregate files share. One file per aggregate:
// users.cc (users, sessions, login state), years.cc, scheme.cc, year_data.cc,
// org.cc, audit.cc; store.cc opens the database and runs write transactions.
//
// Guarantees (numbered as in docs/design/store.md):
//  I1. Every Store::Write runs in one BEGIN IMMEDIATE transaction; every write
//      inside it appends exactly one audit record; on any failure nothing is
//      written.
//  I2. Input is validated before anything is changed; errors name the field
//      or row (e.g. "values[12].unit_id: unknown unit 'X9' in year 2025").
//  I3. Reads run in a read transaction (a consistent snapshot) and never write.
//  I4. Ordered collections (categories, grades, units, indicators, values,
//      adjustments, registry) load in the order they were saved.
//  I5. Stage rules and data versions (store.h guarantees 3 and 4) are checked
//      and bumped by the *Tx methods themselves, inside the transaction.
// One connection per Store; a mutex serialises its use, so a Store may be
// shared by threads. Several Stores (or processes) may open the same file:
// WAL lets readers proceed while one writer holds the lock.
#pragma once

#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "store/audit_key.h"
#include "store/sqlite/db.h"
#include "store/store.h"

namespace govperf::store::sqlite {

// Macro helpers for Result<Stmt>: keep call sites short without exceptions.
#define GOVPERF_ASSIGN_STMT(var, expr)        \
  Result<Stmt> var##_r = (expr);              \
  if (!var##_r.ok()) return var##_r.status(); \
  Stmt& var = *var##_r

#define GOVPERF_STEP(var, stmt_expr)          \
  Result<bool> var##_r = (stmt_expr).Step();  \
  if (!var##_r.ok()) return var##_r.status(); \
  bool var = *var##_r

inline Status FailedPrecondition(std::string m) {
  return {Code::kFailedPrecondition, std::move(m)};
}
inline std::string Quote(const std::string& s) { return "'" + s + "'"; }
inline bool Finite(double v) { return std::isfinite(v); }

// The years the store holds (wider than the app's 2000–2100: old data imports).
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 9999;
inline std::vector<std::string> JsonStrings(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

// What a datum needs to be checked against: the year's units and leaves.
struct SchemeIndex {
  struct Leaf {
    std::set<std::string> category_ids;
    std::set<std::string> unit_ids;
  };
  std::map<std::string, std::string> unit_category;  // unit id → category id
  std::set<std::string> indicators;                  // every indicator id
  std::map<std::string, Leaf> leaves;
};

// One row of the year change log (year_changes.cc): what a version bump changed.
struct ChangeNote {
  const char* kind = "all";  // all | datum | scores | inputs | adjustments
  std::string indicator_id, unit_id, period;
};

// The id of the audit chain's last record; 0 when empty.
Result<int64_t> AuditHeadId(Db& db);

// Appends one record to the audit chain of `db` and returns its id.
// REQUIRES: a write transaction open on `db` (BEGIN IMMEDIATE), so the head
// read here is still the head when the record is inserted, whichever
// connection (the store's, the response journal's) wrote last.
Result<int64_t> AppendAuditRecord(Db& db, const AuditKey& key, const std::string& at,
                                  const std::string& actor, const std::string& action,
                                  const std::string& entity, const std::string& before,
                                  const std::string& after);

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Db> db, const Clock& clock, AuditKey key = {})
      : db_(std::move(db)), clock_(clock), audit_key_(std::move(key)) {}

  // Readers.
  Result<std::optional<User>> FindUser(const std::string& username) override;
  Result<std::vector<User>> ListUsers() override;
  Result<std::optional<Session>> FindSession(const std::string& token_hash) override;
  Result<std::vector<YearInfo>> ListYears() override;
  Result<std::optional<YearInfo>> FindYear(int year) override;
  Result<int64_t> DataVersion(int year) override;
  Result<YearChanges> YearChangesSince(int year, int64_t since, int64_t limit) override;
  Result<core::Scheme> LoadScheme(int year) override;
  Result<core::YearData> LoadYearData(int year) override;
  Result<ComponentScores> LoadComponentScores(int year, const std::string& unit_id) override;
  Result<Org> LoadOrg() override;
  Result<std::vector<AuditRecord>> ListAudit(int64_t after_id, int limit) override;
  Result<AuditVerification> VerifyAudit() override;
  Result<std::pair<int64_t, std::string>> AuditHead() override;
  Result<std::optional<int64_t>> FindAuditHash(const std::string& hash) override;
  // 结果运用 result use (result_use.cc).
  Result<std::vector<ResultUseRule>> LoadResultUseRules(int year) override;
  Result<std::vector<ResultUseRecord>> ListResultUseRecords(int year,
                                                            const std::string& unit_id) override;
  Status PutResultUseRulesTx(const Actor& actor, int year, const std::vector<ResultUseRule>& rules);
  Result<int64_t> AddResultUseRecordTx(const Actor& actor, const ResultUseRecord& record);
  // Appends "audit.rekey": the chain is keyed from here on (a key file was
  // created for a database that already had records).
  Status RecordRekey();
  // 日常监测 monitoring (monitoring.cc).
  Result<std::vector<MonitoringReport>> ListReports(int year) override;
  Result<std::optional<MonitoringReport>> FindReport(int year, const std::string& indicator_id,
                                                     const std::string& unit_id,
                                                     const std::string& period) override;
  Result<EvidenceFile> LoadEvidence(const std::string& sha256) override;
  Result<MonitoringSettings> LoadMonitoringSettings(int year) override;
  Result<std::vector<NodeTask>> ListNodeTasks(int year) override;
  Result<std::vector<CalendarDay>> ListCalendarDays() override;
  Result<std::vector<EscalationRecord>> ListEscalations(int year) override;
  Result<std::vector<InboxMessage>> ListInbox(const std::string& username, bool unread_only,
                                              int limit) override;
  Result<int64_t> UnreadCount(const std::string& username) override;

  Status Write(const Actor& actor, const std::function<Status(WriteTx&)>& fn) override;
  uint64_t LocalCommits() const override { return db_->WriteCommits(); }

  // The write operations. REQUIRE: mu_ held and a write transaction open
  // (only the WriteTx handed out by Write calls them).
  Status PutUserTx(const Actor& actor, const User& user);
  Status SetLoginStateTx(const Actor& actor, const std::string& username, int failed_logins,
                         int64_t locked_until, int lock_level, const std::string& action);
  Status CreateSessionTx(const Actor& actor, const Session& session);
  Status DeleteSessionTx(const Actor& actor, const std::string& token_hash);
  Status DeleteSessionsOfTx(const Actor& actor, const std::string& username);
  Status PutYearTx(const Actor& actor, const YearInfo& year);
  Status SaveSchemeTx(const Actor& actor, const core::Scheme& scheme);
  Status SaveYearDataTx(const Actor& actor, int year, const core::YearData& data);
  Status PutDatumTx(const Actor& actor, int year, const core::Datum& datum);
  Status PutComponentScoresTx(const Actor& actor, int year, const ComponentScores& scores);
  Status PutUnitInputsTx(const Actor& actor, int year, const std::string& unit_id,
                         const std::map<std::string, double>& inputs);
  Status PutAdjustmentTx(const Actor& actor, int year, const core::Adjustment& a);
  Status DeleteAdjustmentTx(const Actor& actor, int year, const std::string& id);
  Status PutOrgCategoryTx(const Actor& actor, const OrgCategory& c);
  Status PutOrgUnitTx(const Actor& actor, const OrgUnit& u);
  Status AddOrgChangeTx(const Actor& actor, const OrgChange& c);
  // 日常监测 monitoring (monitoring.cc).
  Status PutReportTx(const Actor& actor, const MonitoringReport& r);
  Status PutEvidenceTx(const Actor& actor, EvidenceFile& f);
  Status AttachEvidenceTx(const Actor& actor, int year, const std::string& indicator_id,
                          const std::string& unit_id, const std::string& period,
                          const EvidenceRef& ref);
  Status PutMonitoringSettingsTx(const Actor& actor, const MonitoringSettings& m);
  Status PutNodeTaskTx(const Actor& actor, int year, const NodeTask& t);
  Status DeleteNodeTaskTx(const Actor& actor, int year, const std::string& id);
  Status PutCalendarDayTx(const Actor& actor, const CalendarDay& d);
  Status DeleteCalendarDayTx(const Actor& actor, const std::string& date);
  Result<bool> AddEscalationTx(const Actor& actor, const EscalationRecord& e);
  Result<bool> AddInboxMessageTx(const Actor& actor, const InboxMessage& m);
  Status MarkInboxReadTx(const Actor& actor, const std::string& username, int64_t id);

  // ---- indicator setting (setting.cc) ----
  Result<std::vector<TargetNegotiation>> ListTargetNegotiations(int year) override;
  Result<std::vector<IndicatorComment>> ListIndicatorComments(int year) override;
  Result<std::vector<SchemeVersion>> ListSchemeVersions(int year) override;
  Result<core::Scheme> LoadSchemeVersion(int year, int version) override;
  Result<std::vector<ChangeRequest>> ListChangeRequests(int year) override;
  Result<Duties> LoadDuties(int year) override;
  Result<core::Scheme> LoadSchemeForUpdateTx(int year);
  Status SaveSchemeEditTx(const Actor& actor, const core::Scheme& s, const SchemeEdit& edit);
  Status PutTargetStepTx(const Actor& actor, int year, const TargetNegotiation& row,
                         const TargetEvent& step);
  Status AddIndicatorCommentTx(const Actor& actor, int year, const IndicatorComment& c);
  Status PutSchemeVersionTx(const Actor& actor, const core::Scheme& s, const SchemeVersion& v);
  Result<int64_t> AddChangeRequestTx(const Actor& actor, int year, const ChangeRequest& r);
  Status DecideChangeRequestTx(const Actor& actor, int year, const ChangeRequest& r);
  Status PutDutyItemsTx(const Actor& actor, int year, const std::string& unit_id,
                        const std::vector<DutyItem>& items);
  Status PutDutyLinksTx(const Actor& actor, int year, const std::string& unit_id,
                        const std::string& indicator_id, const std::vector<std::string>& item_ids);
  // ---- end indicator setting ----
  // ---- 公示 and publication (publication.cc, migration 0012) ----
  Result<std::vector<PublicityWindow>> ListPublicityWindows(int year) override;
  Result<std::vector<CommitteeApproval>> ListCommitteeApprovals(int year) override;
  Result<std::optional<Publication>> FindPublication(int year, bool with_results) override;
  Status AddPublicityWindowTx(const Actor& actor, const PublicityWindow& w);
  Status AddCommitteeApprovalTx(const Actor& actor, const CommitteeApproval& a);
  Status AddPublicationTx(const Actor& actor, Publication& p);
  Result<std::vector<Appeal>> ListAppeals(int year) override;  // appeals.cc
  Status AddAppealTx(const Actor& actor, Appeal& a);
  Status AnswerAppealTx(const Actor& actor, int year, int64_t id, const std::string& answer);
  Status DecideAppealTx(const Actor& actor, int year, int64_t id, bool upheld,
                        const std::string& decision);
  // ---- 年终考核 year-end assessment (year_end.cc) ----
  Result<std::vector<SelfEvaluation>> ListSelfEvaluations(int year) override;
  Result<std::optional<SelfEvaluation>> FindSelfEvaluation(int year, const std::string& ind,
                                                           const std::string& unit) override;
  Result<std::vector<SpotCheck>> ListSpotChecks(int year) override;
  Result<std::vector<Claim>> ListClaims(int year) override;
  Result<std::optional<RatingSetup>> LoadRatingSetup(int year) override;
  Result<std::vector<LeaderRating>> ListLeaderRatings(int year) override;
  Status PutSelfEvaluationTx(const Actor& actor, const SelfEvaluation& e);
  Status AttachYearEndEvidenceTx(const Actor& actor, int year, const std::string& subject,
                                 const EvidenceRef& ref);
  Result<int64_t> AddSpotCheckTx(const Actor& actor, const SpotCheck& c);
  Status PutSpotFindingTx(const Actor& actor, int year, int64_t check_id,
                          const SpotCheckItem& item);
  Result<int64_t> AddClaimTx(const Actor& actor, const Claim& c);
  Status PutClaimOpinionTx(const Actor& actor, int year, int64_t claim_id, const ClaimOpinion& o);
  Status DecideClaimTx(const Actor& actor, const Claim& c);
  Status PutRatingSetupTx(const Actor& actor, const RatingSetup& s);
  Status CloseRatingTx(const Actor& actor, int year);
  Status PutLeaderRatingTx(const Actor& actor, const LeaderRating& r);
  // ---- end year-end assessment ----
  // ---- 整改 rectification (rectification.cc) ----
  Result<std::vector<RectificationItem>> ListRectification(int year,
                                                           const std::string& unit_id) override;
  Result<std::optional<RectificationItem>> FindRectification(int year, int64_t id) override;
  Result<std::vector<int>> RectificationYears() override;
  Result<int64_t> AddRectificationItemTx(const Actor& actor, const RectificationItem& item);
  Status UpdateRectificationItemTx(const Actor& actor, const RectificationItem& item,
                                   const RectificationEvent& event);
  Status AttachRectificationEvidenceTx(const Actor& actor, int year, int64_t id,
                                       const RectificationEvidence& ref);
  // 季度通报 quarterly bulletins (bulletins.cc).
  Result<std::vector<BulletinRecord>> ListBulletins(int year) override;
  Result<std::optional<BulletinRecord>> FindBulletin(int64_t id) override;
  Status AddBulletinTx(const Actor& actor, BulletinRecord& bulletin);
  // 社会评价 surveys: definitions, topics, opinions (survey_design.cc).
  Result<std::vector<core::survey::Survey>> ListSurveys(int year) override;
  Result<std::optional<core::survey::Survey>> FindSurvey(const std::string& id) override;
  Result<std::vector<OpinionTopic>> ListOpinionTopics(int year) override;
  Result<std::vector<Opinion>> ListOpinions(int year, const OpinionFilter& filter) override;
  Result<std::optional<Opinion>> FindOpinion(int64_t id) override;
  Status PutSurveyTx(const Actor& actor, const core::survey::Survey& survey);
  Status SetSurveyStatusTx(const Actor& actor, const std::string& survey_id,
                           core::survey::SurveyStatus status);
  Status PutOpinionTopicsTx(const Actor& actor, int year, const std::vector<OpinionTopic>& topics);
  Result<int64_t> AddOpinionsTx(const Actor& actor, std::vector<Opinion>& opinions);
  Status UpdateOpinionTx(const Actor& actor, const Opinion& opinion);
  // Codes and responses (survey_responses.cc).
  Result<std::optional<core::survey::InvitationCode>> FindInvitationCode(
      const std::string& survey_id, const std::string& code_hash) override;
  Result<ResponseCounts> CountResponses(const std::string& survey_id) override;
  Result<std::vector<core::survey::Response>> ListResponses(
      const std::string& survey_id, std::optional<core::survey::ResponseStatus> status,
      int64_t after_id, int limit) override;
  Status ForEachResponse(const std::string& survey_id,
                         const std::function<Status(const core::survey::Response&)>& fn) override;
  Result<std::vector<core::survey::Response>> RecentResponses(const std::string& survey_id,
                                                              int limit) override;
  Result<FieldworkCounts> CountFieldwork(const std::string& survey_id) override;
  // The year of a survey; NotFound (survey_id) for an unknown one. Caller holds mu_.
  Result<int> SurveyYearLocked(const std::string& survey_id);
  Status AddInvitationCodesTx(const Actor& actor,
                              const std::vector<core::survey::InvitationCode>& codes);
  Status ReviewResponseTx(const Actor& actor, const std::string& survey_id, int64_t response_id,
                          core::survey::ResponseStatus status, const std::string& note);
  // Computed results (survey_results.cc).
  Result<std::vector<SurveyResultRow>> ListSurveyResults(const std::string& survey_id) override;
  Status PutSurveyResultsTx(const Actor& actor, const std::string& survey_id,
                            const std::vector<SurveyResultRow>& rows);
  Result<std::vector<SatisfactionSource>> ListSatisfactionSources(int year) override;
  Status SetSatisfactionSourcesTx(const Actor& actor, const std::string& survey_id,
                                  const std::vector<std::string>& unit_ids, bool replace);
  Status SetManualSatisfactionSourceTx(const Actor& actor, int year, const std::string& unit_id,
                                       bool cleared, bool replace);
  // ---- end rectification ----
  // ---- 考核项目规范 assessment projects (assessment_projects.cc) ----
  Result<std::vector<AssessmentProject>> ListAssessmentProjects(int year) override;
  Result<std::optional<AssessmentProject>> FindAssessmentProject(int year,
                                                                 const std::string& id) override;
  Status AddAssessmentProjectTx(const Actor& actor, const AssessmentProject& p);
  Status EditAssessmentProjectTx(const Actor& actor, const AssessmentProject& p);
  Status DecideAssessmentProjectTx(const Actor& actor, int year, const std::string& id,
                                   const std::string& status, const std::string& note,
                                   const std::vector<std::string>& merged_indicator_ids);
  // ---- end assessment projects ----

 private:
  Result<std::vector<PublicityWindow>> ListPublicityWindowsLocked(int year);
  Result<std::vector<CommitteeApproval>> ListCommitteeApprovalsLocked(int year);
  Result<std::vector<Appeal>> ListAppealsLocked(int year, int64_t only_id = 0);
  std::string NowIso() const;

  // REQUIRES: inside a write transaction (so the chain head cannot move).
  Status AppendAudit(const Actor& actor, const std::string& action, const std::string& entity,
                     const std::string& before, const std::string& after);
  // Stage rule for a write of kind `w` to `year` by `actor` (store.h
  // guarantee 3), then the year's data_version + 1 (guarantee 4). NotFound
  // for an unknown year. REQUIRES: inside a write transaction.
  //
  // The change log (year_changes.cc) gets one row for the new version: what
  // `change` names — a single-item write names its item, so the results
  // service can replay it — or, by default, 'all' (anything may have
  // changed: a bulk write, or a kind of write nobody taught to describe itself).
  Status CheckStageAndBump(const Actor& actor, int year, core::YearWrite w,
                           const ChangeNote& change = {});
  Status BumpVersion(int year, const ChangeNote& change = {});
  // Records `change` for the year's current data_version (one row, written
  // once) and prunes old versions. REQUIRES: inside the write transaction,
  // after the bump.
  Status LogChange(int year, const ChangeNote& change);

  // The *Locked helpers REQUIRE mu_ held and, where they read several tables,
  // an open transaction.
  Result<std::optional<User>> FindUserLocked(const std::string& username);
  Result<std::optional<YearInfo>> FindYearLocked(int year);
  Result<bool> HasSchemeLocked(int year);
  Result<core::Scheme> LoadSchemeLocked(int year);
  // with_values = false: scores, inputs and adjustments only (a province
  // year's values are millions of rows).
  Result<core::YearData> LoadYearDataLocked(int year, bool with_values = true);
  // The audit summary of the year's stored data (YearDataSummaryJson), or ""
  // when it has none; values are hashed row by row as they are read.
  Result<std::string> YearDataSummaryLocked(int year);
  Result<std::vector<core::Adjustment>> LoadAdjustmentsLocked(int year);
  Result<SchemeIndex> LoadIndexLocked(int year);
  Result<Org> LoadOrgLocked();
  Status CheckDatum(const SchemeIndex& index, int year, const core::Datum& d,
                    const std::string& where);
  Status CheckNoOrphans(int year);
  // The scheme tables replaced by `s` (shape checks, stage rule `w` and
  // version bump, orphan check) without the audit record, which the caller
  // appends. `content_hash` is SchemeContentHash(s), computed once by the
  // caller, which usually needs it again for its audit record. When
  // `before_summary` is not null it receives the replaced scheme's summary
  // (loading it costs a whole scheme read, so callers that do not audit it
  // pass null). With `w` = scheme, a year is created as a draft when absent
  // and a published (versioned) scheme is refused.
  Status WriteSchemeLocked(const Actor& actor, const core::Scheme& s, core::YearWrite w,
                           const std::string& content_hash, std::string* before_summary);
  Result<int> LastSchemeVersionLocked(int year);  // 0 when none
  // The stage rule without a data_version bump, for writes that change no
  // score (negotiation steps, comments, monitoring reports; a verified value
  // does change one, through PutDatum).
  Status CheckStageLocked(const Actor& actor, int year, core::YearWrite w);
  Result<std::optional<MonitoringReport>> FindReportLocked(int year, const std::string& ind,
                                                           const std::string& unit,
                                                           const std::string& period);
  Status PutReportRowLocked(const Actor& actor, const MonitoringReport& r,
                            const std::optional<MonitoringReport>& old);
  Result<std::vector<EvidenceRef>> EvidenceOfLocked(int year, const std::string& ind,
                                                    const std::string& unit,
                                                    const std::string& period);

  // 年终考核 (year_end.cc).
  Result<std::optional<SelfEvaluation>> FindSelfEvaluationLocked(int year, const std::string& ind,
                                                                 const std::string& unit);
  Result<std::vector<EvidenceRef>> YearEndEvidenceLocked(int year, const std::string& subject);
  Result<std::optional<Claim>> FindClaimLocked(int year, int64_t id);
  Result<std::optional<RatingSetup>> LoadRatingSetupLocked(int year);
  // 整改 rectification (rectification.cc).
  Result<std::vector<RectificationItem>> RectificationLocked(int year, const std::string& unit_id,
                                                             int64_t id);
  Status AppendRectificationEventLocked(const Actor& actor, int year, int64_t id,
                                        const RectificationEvent& event);

  std::mutex mu_;
  std::unique_ptr<Db> db_;
  // Prepared once (under mu_): the code lookup runs for every survey
  // submission, and preparing costs as much as the lookup.
  std::optional<Stmt> find_code_;
  const Clock& clock_;
  // The audit chain's key (store/audit_key.h); empty = an unkeyed chain.
  AuditKey audit_key_;
};

}  // namespace govperf::store::sqlite
