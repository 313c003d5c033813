// Opening the SQLite store and running write transactions (Store::Write).
#include <cctype>
#include <exception>

#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

// The WriteTx handed to Store::Write's callback: forwards to the *Tx methods
// with the transaction's actor. Lives only for the duration of the callback.
class SqliteWriteTx final : public WriteTx {
 public:
  SqliteWriteTx(SqliteStore& s, const Actor& actor) : s_(s), actor_(actor) {}
  const Actor& actor() const override { return actor_; }

  Status PutUser(const User& u) override { return s_.PutUserTx(actor_, u); }
  Status SetLoginState(const std::string& username, int failed, int64_t locked_until, int level,
                       const std::string& action) override {
    return s_.SetLoginStateTx(actor_, username, failed, locked_until, level, action);
  }
  Status CreateSession(const Session& x) override { return s_.CreateSessionTx(actor_, x); }
  Status DeleteSession(const std::string& h) override { return s_.DeleteSessionTx(actor_, h); }
  Status DeleteSessionsOf(const std::string& u) override {
    return s_.DeleteSessionsOfTx(actor_, u);
  }
  Status PutYear(const YearInfo& y) override { return s_.PutYearTx(actor_, y); }
  Status SaveScheme(const core::Scheme& x) override { return s_.SaveSchemeTx(actor_, x); }
  Status SaveYearData(int year, const core::YearData& d) override {
    return s_.SaveYearDataTx(actor_, year, d);
  }
  Status PutDatum(int year, const core::Datum& d) override {
    return s_.PutDatumTx(actor_, year, d);
  }
  Status PutComponentScores(int year, const ComponentScores& c) override {
    return s_.PutComponentScoresTx(actor_, year, c);
  }
  Status PutUnitInputs(int year, const std::string& unit,
                       const std::map<std::string, double>& inputs) override {
    return s_.PutUnitInputsTx(actor_, year, unit, inputs);
  }
  Status PutAdjustment(int year, const core::Adjustment& a) override {
    return s_.PutAdjustmentTx(actor_, year, a);
  }
  Status DeleteAdjustment(int year, const std::string& id) override {
    return s_.DeleteAdjustmentTx(actor_, year, id);
  }
  Status PutOrgCategory(const OrgCategory& c) override { return s_.PutOrgCategoryTx(actor_, c); }
  Status PutOrgUnit(const OrgUnit& u) override { return s_.PutOrgUnitTx(actor_, u); }
  Status PutResultUseRules(int year, const std::vector<ResultUseRule>& rules) override {
    return s_.PutResultUseRulesTx(actor_, year, rules);
  }
  Result<int64_t> AddResultUseRecord(const ResultUseRecord& r) override {
    return s_.AddResultUseRecordTx(actor_, r);
  }
  Status AddOrgChange(const OrgChange& c) override { return s_.AddOrgChangeTx(actor_, c); }

  // ---- indicator setting ----
  Result<core::Scheme> LoadSchemeForUpdate(int year) override {
    return s_.LoadSchemeForUpdateTx(year);
  }
  Status SaveSchemeEdit(const core::Scheme& x, const SchemeEdit& e) override {
    return s_.SaveSchemeEditTx(actor_, x, e);
  }
  Status PutTargetStep(int year, const TargetNegotiation& row, const TargetEvent& step) override {
    return s_.PutTargetStepTx(actor_, year, row, step);
  }
  Status AddIndicatorComment(int year, const IndicatorComment& c) override {
    return s_.AddIndicatorCommentTx(actor_, year, c);
  }
  Status PutSchemeVersion(const core::Scheme& x, const SchemeVersion& v) override {
    return s_.PutSchemeVersionTx(actor_, x, v);
  }
  Result<int64_t> AddChangeRequest(int year, const ChangeRequest& r) override {
    return s_.AddChangeRequestTx(actor_, year, r);
  }
  Status DecideChangeRequest(int year, const ChangeRequest& r) override {
    return s_.DecideChangeRequestTx(actor_, year, r);
  }
  Status PutDutyItems(int year, const std::string& unit, const std::vector<DutyItem>& i) override {
    return s_.PutDutyItemsTx(actor_, year, unit, i);
  }
  Status PutDutyLinks(int year, const std::string& unit, const std::string& indicator,
                      const std::vector<std::string>& items) override {
    return s_.PutDutyLinksTx(actor_, year, unit, indicator, items);
  }
  // ---- end indicator setting ----
  // 日常监测 monitoring.
  Status PutReport(const MonitoringReport& r) override { return s_.PutReportTx(actor_, r); }
  Status PutEvidence(EvidenceFile& f) override { return s_.PutEvidenceTx(actor_, f); }
  Status AttachEvidence(int year, const std::string& ind, const std::string& unit,
                        const std::string& period, const EvidenceRef& ref) override {
    return s_.AttachEvidenceTx(actor_, year, ind, unit, period, ref);
  }
  Status PutMonitoringSettings(const MonitoringSettings& m) override {
    return s_.PutMonitoringSettingsTx(actor_, m);
  }
  Status PutNodeTask(int year, const NodeTask& t) override {
    return s_.PutNodeTaskTx(actor_, year, t);
  }
  Status DeleteNodeTask(int year, const std::string& id) override {
    return s_.DeleteNodeTaskTx(actor_, year, id);
  }
  Status PutCalendarDay(const CalendarDay& d) override { return s_.PutCalendarDayTx(actor_, d); }
  Status DeleteCalendarDay(const std::string& date) override {
    return s_.DeleteCalendarDayTx(actor_, date);
  }
  Result<bool> AddEscalation(const EscalationRecord& e) override {
    return s_.AddEscalationTx(actor_, e);
  }
  Result<bool> AddInboxMessage(const InboxMessage& m) override {
    return s_.AddInboxMessageTx(actor_, m);
  }
  Status MarkInboxRead(const std::string& username, int64_t id) override {
    return s_.MarkInboxReadTx(actor_, username, id);
  }
  // 公示 and publication.
  Status AddPublicityWindow(const PublicityWindow& w) override {
    return s_.AddPublicityWindowTx(actor_, w);
  }
  Status AddCommitteeApproval(const CommitteeApproval& a) override {
    return s_.AddCommitteeApprovalTx(actor_, a);
  }
  Status AddPublication(Publication& p) override { return s_.AddPublicationTx(actor_, p); }
  Status AddAppeal(Appeal& a) override { return s_.AddAppealTx(actor_, a); }
  Status AnswerAppeal(int year, int64_t id, const std::string& answer) override {
    return s_.AnswerAppealTx(actor_, year, id, answer);
  }
  Status DecideAppeal(int year, int64_t id, bool upheld, const std::string& decision) override {
    return s_.DecideAppealTx(actor_, year, id, upheld, decision);
  }
  // ---- 年终考核 year-end assessment ----
  Status PutSelfEvaluation(const SelfEvaluation& e) override {
    return s_.PutSelfEvaluationTx(actor_, e);
  }
  Status AttachYearEndEvidence(int year, const std::string& subject,
                               const EvidenceRef& ref) override {
    return s_.AttachYearEndEvidenceTx(actor_, year, subject, ref);
  }
  Result<int64_t> AddSpotCheck(const SpotCheck& c) override { return s_.AddSpotCheckTx(actor_, c); }
  Status PutSpotFinding(int year, int64_t id, const SpotCheckItem& item) override {
    return s_.PutSpotFindingTx(actor_, year, id, item);
  }
  Result<int64_t> AddClaim(const Claim& c) override { return s_.AddClaimTx(actor_, c); }
  Status PutClaimOpinion(int year, int64_t id, const ClaimOpinion& o) override {
    return s_.PutClaimOpinionTx(actor_, year, id, o);
  }
  Status DecideClaim(const Claim& c) override { return s_.DecideClaimTx(actor_, c); }
  Status PutRatingSetup(const RatingSetup& x) override { return s_.PutRatingSetupTx(actor_, x); }
  Status CloseRating(int year) override { return s_.CloseRatingTx(actor_, year); }
  Status PutLeaderRating(const LeaderRating& r) override { return s_.PutLeaderRatingTx(actor_, r); }
  // 整改 rectification.
  Result<int64_t> AddRectificationItem(const RectificationItem& item) override {
    return s_.AddRectificationItemTx(actor_, item);
  }
  Status UpdateRectificationItem(const RectificationItem& item,
                                 const RectificationEvent& event) override {
    return s_.UpdateRectificationItemTx(actor_, item, event);
  }
  Status AttachRectificationEvidence(int year, int64_t id,
                                     const RectificationEvidence& ref) override {
    return s_.AttachRectificationEvidenceTx(actor_, year, id, ref);
  }
  // ---- 考核项目规范 assessment projects (assessment_projects.cc) ----
  Status AddAssessmentProject(const AssessmentProject& p) override {
    return s_.AddAssessmentProjectTx(actor_, p);
  }
  Status EditAssessmentProject(const AssessmentProject& p) override {
    return s_.EditAssessmentProjectTx(actor_, p);
  }
  Status DecideAssessmentProject(int year, const std::string& id, const std::string& status,
                                 const std::string& note,
                                 const std::vector<std::string>& merged) override {
    return s_.DecideAssessmentProjectTx(actor_, year, id, status, note, merged);
  }
  Status AddBulletin(BulletinRecord& b) override { return s_.AddBulletinTx(actor_, b); }
  Status PutSurvey(const core::survey::Survey& v) override { return s_.PutSurveyTx(actor_, v); }
  Status SetSurveyStatus(const std::string& id, core::survey::SurveyStatus st) override {
    return s_.SetSurveyStatusTx(actor_, id, st);
  }
  Status AddInvitationCodes(const std::vector<core::survey::InvitationCode>& c) override {
    return s_.AddInvitationCodesTx(actor_, c);
  }
  Status ReviewResponse(const std::string& survey_id, int64_t id, core::survey::ResponseStatus st,
                        const std::string& note) override {
    return s_.ReviewResponseTx(actor_, survey_id, id, st, note);
  }
  Status PutOpinionTopics(int year, const std::vector<OpinionTopic>& t) override {
    return s_.PutOpinionTopicsTx(actor_, year, t);
  }
  Result<int64_t> AddOpinions(std::vector<Opinion>& o) override {
    return s_.AddOpinionsTx(actor_, o);
  }
  Status UpdateOpinion(const Opinion& o) override { return s_.UpdateOpinionTx(actor_, o); }
  Status PutSurveyResults(const std::string& survey_id,
                          const std::vector<SurveyResultRow>& rows) override {
    return s_.PutSurveyResultsTx(actor_, survey_id, rows);
  }
  Status SetSatisfactionSources(const std::string& survey_id,
                                const std::vector<std::string>& unit_ids, bool replace) override {
    return s_.SetSatisfactionSourcesTx(actor_, survey_id, unit_ids, replace);
  }
  Status SetManualSatisfactionSource(int year, const std::string& unit_id, bool cleared,
                                     bool replace) override {
    return s_.SetManualSatisfactionSourceTx(actor_, year, unit_id, cleared, replace);
  }

 private:
  SqliteStore& s_;
  const Actor& actor_;
};

}  // namespace

std::string SqliteStore::NowIso() const { return FormatIsoUtc(clock_.NowUnix()); }

Result<int64_t> AuditHeadId(Db& db) {
  GOVPERF_ASSIGN_STMT(q, db.Prepare("SELECT COALESCE(MAX(id), 0) FROM audit_log"));
  GOVPERF_STEP(row, q);
  return row ? q.Int(0) : int64_t{0};
}

Status SqliteStore::RecordRekey() {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    const nlohmann::json after{{"keyed_from", audit_key_.keyed_from},
                               {"key_file", audit_key_.path}};
    return AppendAudit(Actor{"system", core::Role::kSystem}, "audit.rekey", "audit", "",
                       after.dump());
  });
}

Status SqliteStore::Write(const Actor& actor, const std::function<Status(WriteTx&)>& fn) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    SqliteWriteTx tx(*this, actor);
    return fn(tx);
  });
}

}  // namespace govperf::store::sqlite

namespace govperf::store {
namespace {

// The key of a database whose chain ends at record `head` (0: empty): read
// from its file, or created. A key made for a chain that already has records
// keys the records after them (the first says so: audit.rekey). A key whose
// keyed-from lies beyond the next record (its database was replaced) is
// moved back to it, so that no new record is ever written unkeyed.
Result<AuditKey> OpenAuditKey(const std::string& key_path, int64_t head, bool create) {
  Result<AuditKey> key = ReadAuditKey(key_path);
  if (key.ok()) {
    if (key->keyed_from <= head + 1 || !create) return key;
    return CreateAuditKey(key_path, head + 1, /*replace=*/true);
  }
  if (key.status().code() != Code::kNotFound) return key.status();
  if (!create) {
    return Status(Code::kFailedPrecondition,
                  "audit key " + key_path +
                      " not found: the audit chain's keyed records cannot be checked without it")
        .Field("audit_key");
  }
  Result<AuditKey> made = CreateAuditKey(key_path, head + 1);
  if (made.ok() || made.status().code() != Code::kFailedPrecondition) return made;
  return ReadAuditKey(key_path);  // another process made it first
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock,
                                               const OpenOptions& options) {
  try {
    Result<std::unique_ptr<sqlite::Db>> db = sqlite::Db::Open(path);
    if (!db.ok()) return db.status();
    Status st = sqlite::ApplyMigrations(**db, FormatIsoUtc(clock.NowUnix()));
    if (!st.ok()) return st;
    if (path.empty() || path == ":memory:") {
      return std::unique_ptr<Store>(new sqlite::SqliteStore(std::move(*db), clock));
    }
    Result<int64_t> head = sqlite::AuditHeadId(**db);
    if (!head.ok()) return head.status();
    Result<AuditKey> key = OpenAuditKey(AuditKeyPath(path), *head, options.create_audit_key);
    if (!key.ok()) return key.status();
    const bool rekeyed = key->created && *head > 0;
    auto store = std::make_unique<sqlite::SqliteStore>(std::move(*db), clock, *key);
    if (rekeyed) GOVPERF_RETURN_IF_ERROR(store->RecordRekey());
    return std::unique_ptr<Store>(std::move(store));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("opening store: ") + e.what());
  }
}

}  // namespace govperf::store
