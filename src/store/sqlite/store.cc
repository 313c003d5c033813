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

 private:
  SqliteStore& s_;
  const Actor& actor_;
};

}  // namespace

std::string SqliteStore::NowIso() const { return FormatIsoUtc(clock_.NowUnix()); }

Status SqliteStore::Write(const Actor& actor, const std::function<Status(WriteTx&)>& fn) {
  std::lock_guard<std::mutex> lock(mu_);
  return db_->WriteTxn([&]() -> Status {
    SqliteWriteTx tx(*this, actor);
    return fn(tx);
  });
}

}  // namespace govperf::store::sqlite

namespace govperf::store {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  try {
    Result<std::unique_ptr<sqlite::Db>> db = sqlite::Db::Open(path);
    if (!db.ok()) return db.status();
    Status st = sqlite::ApplyMigrations(**db, FormatIsoUtc(clock.NowUnix()));
    if (!st.ok()) return st;
    return std::unique_ptr<Store>(new sqlite::SqliteStore(std::move(*db), clock));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("opening store: ") + e.what());
  }
}

}  // namespace govperf::store
