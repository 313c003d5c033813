// The store conformance suite: what every backend of store::Store must do,
// written against the interface only (store.h guarantees 1–5). A backend
// instantiates it with a factory that opens a fresh, empty store:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
//                            ::testing::Values(StoreBackend{"sqlite", OpenFreshSqlite}));
//
// The PostgreSQL backend must pass it unchanged. Included by *_test.cc only.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/store.h"
#include "store/store_testing.h"

namespace govperf::store::testing {

struct StoreBackend {
  std::string name;
  // A fresh, empty store using `clock`; `dir` is a temporary directory the
  // backend may use (removed after the test).
  std::function<Result<std::unique_ptr<Store>>(const std::string& dir, const Clock& clock)> open;
};

inline std::string BackendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

class StoreConformance : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    auto opened = GetParam().open(dir_.path(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  Store& store() { return *store_; }

  // A small year: one category, two units, one leaf led by U1, in `stage`.
  void MakeYear(int year, core::Stage stage) {
    core::Scheme s;
    s.year = year;
    core::Category c;
    c.id = "C";
    c.name_zh = "区县";
    c.kind = core::UnitKind::kDistrict;
    c.grades = {{"ok", "合格", "OK", 0, std::nullopt}};
    s.categories = {c};
    s.units = {{"U1", "甲", "A", "C", "", core::UnitKind::kDistrict},
               {"U2", "乙", "B", "C", "", core::UnitKind::kDistrict}};
    core::Indicator root;
    root.id = "1";
    root.name_zh = "经济";
    root.points = 10;
    core::Indicator leaf;
    leaf.id = "1.1";
    leaf.parent_id = "1";
    leaf.level = 2;
    leaf.name_zh = "增速";
    leaf.points = 10;
    leaf.method = "completion_ratio";
    leaf.lead_unit_id = "U1";
    leaf.category_ids = {"C"};
    s.indicators = {root, leaf};
    s.targets[{"1.1", "U1"}] = 5;
    s.targets[{"1.1", "U2"}] = 5;
    ASSERT_TRUE(store().SaveScheme(kSystemActor, s).ok());
    YearInfo y;
    y.year = year;
    y.stage = stage;
    ASSERT_TRUE(store().PutYear(kSystemActor, y).ok());
  }

  int64_t Version(int year) {
    auto v = store().DataVersion(year);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : -1;
  }

  int64_t AuditCount() {
    auto head = store().AuditHead();
    EXPECT_TRUE(head.ok());
    return head.ok() ? head->first : -1;
  }

  static core::Datum Value(const std::string& unit, double v, const std::string& period) {
    core::Datum d;
    d.indicator_id = "1.1";
    d.unit_id = unit;
    d.period = period;
    d.value = v;
    return d;
  }

  const Actor kSystemActor{"system", core::Role::kSystem};
  const Actor kAdmin{"admin", core::Role::kAdmin};
  const Actor kLead{"lead_u1", core::Role::kLead};
  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreConformance, AWriteCommitsWholeOrNotAtAll) {
  MakeYear(2026, core::Stage::kMonitoring);
  const int64_t audit_before = AuditCount();
  const int64_t version_before = Version(2026);
  // The second write fails (unknown unit): the first must not stay.
  Status st = store().Write(kAdmin, [&](WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutDatum(2026, Value("U1", 4, "2026")));
    return tx.PutDatum(2026, Value("NOPE", 4, "2026"));
  });
  ASSERT_FALSE(st.ok());
  auto data = store().LoadYearData(2026);
  ASSERT_TRUE(data.ok());
  EXPECT_TRUE(data->values.empty());
  EXPECT_EQ(AuditCount(), audit_before);
  EXPECT_EQ(Version(2026), version_before);
  // A callback's own failure rolls back too.
  st = store().Write(kAdmin, [&](WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutDatum(2026, Value("U1", 4, "2026")));
    return Status::Invalid("changed my mind");
  });
  EXPECT_EQ(st.message(), "changed my mind");
  EXPECT_TRUE(store().LoadYearData(2026)->values.empty());
  // And two writes that succeed land together, each audited.
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           GOVPERF_RETURN_IF_ERROR(tx.PutDatum(2026, Value("U1", 4, "2026")));
                           return tx.PutDatum(2026, Value("U2", 6, "2026"));
                         })
                  .ok());
  EXPECT_EQ(store().LoadYearData(2026)->values.size(), 2u);
  EXPECT_EQ(AuditCount(), audit_before + 2);
  EXPECT_EQ(Version(2026), version_before + 2);
}

TEST_P(StoreConformance, StageRulesAreEnforcedInsideTheTransaction) {
  MakeYear(2026, core::Stage::kDraft);
  // Draft: no values, not even from the office.
  Status st = store().PutDatum(kAdmin, 2026, Value("U1", 4, "2026"));
  EXPECT_EQ(st.code(), Code::kFailedPrecondition) << st.ToString();
  // Monitoring: a lead writes values; nobody replaces the scheme.
  YearInfo y{2026, core::Stage::kSetting, "", 0};
  ASSERT_TRUE(store().PutYear(kAdmin, y).ok());
  y.stage = core::Stage::kMonitoring;
  ASSERT_TRUE(store().PutYear(kAdmin, y).ok());
  EXPECT_TRUE(store().PutDatum(kLead, 2026, Value("U1", 4, "2026")).ok());
  auto scheme = store().LoadScheme(2026);
  ASSERT_TRUE(scheme.ok());
  EXPECT_EQ(store().SaveScheme(kAdmin, *scheme).code(), Code::kFailedPrecondition);
  // A lead cannot enter satisfaction scores or bonus items.
  ComponentScores cs{"U1", 90.0, 1.0, 85.0};
  EXPECT_EQ(
      store().Write(kLead, [&](WriteTx& tx) { return tx.PutComponentScores(2026, cs); }).code(),
      Code::kFailedPrecondition);
  EXPECT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutComponentScores(2026, cs); }).ok());
  // A stage move the table does not hold is refused for people.
  y.stage = core::Stage::kPublished;
  EXPECT_EQ(store().PutYear(kAdmin, y).code(), Code::kFailedPrecondition);
  // Published: nothing, for anyone — the program itself included.
  ASSERT_TRUE(store().PutYear(kSystemActor, y).ok());
  EXPECT_EQ(store().PutDatum(kSystemActor, 2026, Value("U2", 1, "2026")).code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutComponentScores(2026, cs); }).code(),
      Code::kFailedPrecondition);
  auto data = store().LoadYearData(2026);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->values.size(), 1u);
  EXPECT_EQ(data->satisfaction.at("U1"), 90.0);
}

TEST_P(StoreConformance, DataVersionMovesWithEveryYearWriteAndOnlyThatYear) {
  MakeYear(2025, core::Stage::kMonitoring);
  MakeYear(2026, core::Stage::kMonitoring);
  const int64_t v25 = Version(2025), v26 = Version(2026);
  ASSERT_TRUE(store().PutDatum(kAdmin, 2026, Value("U1", 4, "2026-03")).ok());
  EXPECT_EQ(Version(2026), v26 + 1);
  EXPECT_EQ(Version(2025), v25);
  core::Adjustment a;
  a.id = "b1";
  a.unit_id = "U2";
  a.points = 1;
  a.reason_zh = "表彰";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutAdjustment(2026, a); }).ok());
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutUnitInputs(2026, "U1", {{"budget", 100}, {"staff", 5}});
                         })
                  .ok());
  EXPECT_EQ(Version(2026), v26 + 3);
  // Sessions and users do not touch any year.
  User u;
  u.username = "someone";
  u.display_name = "x";
  u.role = core::Role::kLeader;
  u.password_hash = "h";
  ASSERT_TRUE(store().PutUser(kAdmin, u).ok());
  EXPECT_EQ(Version(2026), v26 + 3);
  EXPECT_EQ(Version(2025), v25);
  EXPECT_EQ(store().DataVersion(1999).status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, YearChangesDescribeSingleWritesAndRefuseBulkOnes) {
  MakeYear(2025, core::Stage::kMonitoring);
  MakeYear(2026, core::Stage::kMonitoring);
  const int64_t v0 = Version(2026);
  // Nothing since now: covered, empty.
  auto none = store().YearChangesSince(2026, v0, 100);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->covered);
  EXPECT_EQ(none->version, v0);
  EXPECT_TRUE(none->changes.empty());

  ASSERT_TRUE(store().PutDatum(kAdmin, 2026, Value("U1", 4, "2026-03")).ok());
  ASSERT_TRUE(store().PutDatum(kAdmin, 2026, Value("U1", 7, "2026-03")).ok());  // same key again
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutComponentScores(2026, {"U2", 91.0, 1.5, std::nullopt});
                         })
                  .ok());
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutUnitInputs(2026, "U1", {{"staff", 9}});
                         })
                  .ok());
  core::Adjustment a;
  a.id = "b1";
  a.unit_id = "U2";
  a.points = 1;
  a.reason_zh = "表彰";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutAdjustment(2026, a); }).ok());
  // Another year's write is not this year's change.
  ASSERT_TRUE(store().PutDatum(kAdmin, 2025, Value("U2", 1, "2025")).ok());

  auto ch = store().YearChangesSince(2026, v0, 100);
  ASSERT_TRUE(ch.ok()) << ch.status().ToString();
  ASSERT_TRUE(ch->covered);
  EXPECT_EQ(ch->version, v0 + 5);
  ASSERT_EQ(ch->changes.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(ch->changes[i].version, v0 + 1 + int64_t(i));
  // Each change carries the item's state now: both datum changes show 7.
  for (size_t i = 0; i < 2; ++i) {
    const YearChange& c = ch->changes[i];
    EXPECT_EQ(c.kind, YearChange::Kind::kDatum);
    EXPECT_EQ(c.indicator_id, "1.1");
    EXPECT_EQ(c.unit_id, "U1");
    EXPECT_EQ(c.period, "2026-03");
    ASSERT_TRUE(c.datum.has_value());
    EXPECT_EQ(c.datum->value, 7.0);
    EXPECT_EQ(c.datum->entered_by, "");
  }
  EXPECT_EQ(ch->changes[2].kind, YearChange::Kind::kScores);
  EXPECT_EQ(ch->changes[2].scores.unit_id, "U2");
  EXPECT_EQ(ch->changes[2].scores.satisfaction, 91.0);
  EXPECT_EQ(ch->changes[2].scores.satisfaction_se, 1.5);
  EXPECT_FALSE(ch->changes[2].scores.leadership.has_value());
  EXPECT_EQ(ch->changes[3].kind, YearChange::Kind::kInputs);
  EXPECT_EQ(ch->changes[3].inputs, (std::map<std::string, double>{{"staff", 9}}));
  EXPECT_EQ(ch->changes[4].kind, YearChange::Kind::kAdjustments);
  EXPECT_EQ(ch->changes[4].unit_id, "U2");
  ASSERT_TRUE(ch->adjustments.has_value());
  ASSERT_EQ(ch->adjustments->size(), 1u);
  EXPECT_EQ((*ch->adjustments)[0].id, "b1");
  EXPECT_EQ((*ch->adjustments)[0].reason_zh, "表彰");
  // From the middle: only the later ones.
  auto tail = store().YearChangesSince(2026, v0 + 3, 100);
  ASSERT_TRUE(tail.ok());
  ASSERT_TRUE(tail->covered);
  EXPECT_EQ(tail->changes.size(), 2u);
  EXPECT_FALSE(tail->changes[0].datum.has_value());
  // Past the limit, or from a version the year never had: reload.
  EXPECT_FALSE(store().YearChangesSince(2026, v0, 4)->covered);
  EXPECT_FALSE(store().YearChangesSince(2026, v0 + 99, 100)->covered);
  // A deleted adjustment names its unit; the list is then empty.
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteAdjustment(2026, "b1"); }).ok());
  auto del = store().YearChangesSince(2026, v0 + 5, 100);
  ASSERT_TRUE(del.ok() && del->covered);
  ASSERT_EQ(del->changes.size(), 1u);
  EXPECT_EQ(del->changes[0].unit_id, "U2");
  EXPECT_TRUE(del->adjustments->empty());
  // A failed write logs nothing: the version did not move either.
  EXPECT_FALSE(store().PutDatum(kAdmin, 2026, Value("NOPE", 1, "2026")).ok());
  EXPECT_EQ(store().YearChangesSince(2026, v0, 100)->version, v0 + 6);
  // Bulk writes cannot be replayed: a stage change, a whole-data replace.
  YearInfo y{2026, core::Stage::kYearEnd, "", 0};
  ASSERT_TRUE(store().PutYear(kAdmin, y).ok());
  auto bulk = store().YearChangesSince(2026, v0, 100);
  ASSERT_TRUE(bulk.ok());
  EXPECT_FALSE(bulk->covered);
  EXPECT_TRUE(bulk->changes.empty());
  EXPECT_EQ(bulk->version, v0 + 7);
  const int64_t v1 = Version(2026);
  ASSERT_TRUE(store().SaveYearData(kAdmin, 2026, core::YearData{}).ok());
  EXPECT_FALSE(store().YearChangesSince(2026, v1, 100)->covered);
  EXPECT_TRUE(store().YearChangesSince(2026, v1 + 1, 100)->covered);
  EXPECT_EQ(store().YearChangesSince(1999, 0, 100).status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, AdjustmentsScoresAndInputsRoundTrip) {
  MakeYear(2026, core::Stage::kYearEnd);
  core::Adjustment a;
  a.id = "b1";
  a.unit_id = "U2";
  a.kind = core::AdjustmentKind::kBonus;
  a.points = 1.5;
  a.reason_zh = "国家级表彰";
  a.evidence = "文件";
  a.entered_by = a.approved_by = "admin";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutAdjustment(2026, a); }).ok());
  core::Adjustment v = a;
  v.id = "v1";
  v.kind = core::AdjustmentKind::kVeto;
  v.points = 0;
  v.veto_effect = core::VetoEffect::kFixLowest;
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutAdjustment(2026, v); }).ok());
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutComponentScores(2026, {"U1", 88.5, 1.25, std::nullopt});
                         })
                  .ok());
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutUnitInputs(2026, "U1", {{"budget", 7}});
                         })
                  .ok());
  auto d = store().LoadYearData(2026);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->adjustments.size(), 2u);
  EXPECT_EQ(d->adjustments[0].id, "b1");
  EXPECT_EQ(d->adjustments[0].points, 1.5);
  EXPECT_EQ(d->adjustments[0].reason_zh, "国家级表彰");
  EXPECT_EQ(d->adjustments[1].veto_effect, core::VetoEffect::kFixLowest);
  EXPECT_EQ(d->satisfaction.at("U1"), 88.5);
  EXPECT_EQ(d->satisfaction_se.at("U1"), 1.25);
  EXPECT_EQ(d->leadership.count("U1"), 0u);
  EXPECT_EQ(d->inputs.at("U1").at("budget"), 7);
  // One unit's scores without the year's data.
  auto one = store().LoadComponentScores(2026, "U1");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->unit_id, "U1");
  EXPECT_EQ(one->satisfaction, 88.5);
  EXPECT_EQ(one->satisfaction_se, 1.25);
  EXPECT_EQ(one->leadership, std::nullopt);
  auto none = store().LoadComponentScores(2026, "U2");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->satisfaction || none->satisfaction_se || none->leadership);
  EXPECT_EQ(store().LoadComponentScores(1999, "U1").status().code(), Code::kNotFound);
  // Delete one; deleting it again names the id.
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteAdjustment(2026, "b1"); }).ok());
  Status again =
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteAdjustment(2026, "b1"); });
  EXPECT_EQ(again.code(), Code::kNotFound);
  EXPECT_EQ(again.field(), "id");
  EXPECT_EQ(store().LoadYearData(2026)->adjustments.size(), 1u);
  // Out-of-range scores name the field and change nothing.
  Status bad = store().Write(kAdmin, [&](WriteTx& tx) {
    return tx.PutComponentScores(2026, {"U1", 101.0, 1.0, 50.0});
  });
  EXPECT_EQ(bad.code(), Code::kInvalidArgument);
  EXPECT_EQ(bad.field(), "satisfaction");
  EXPECT_EQ(store().LoadYearData(2026)->satisfaction.at("U1"), 88.5);
}

TEST_P(StoreConformance, RegistryAndItsChangesRoundTrip) {
  ASSERT_TRUE(
      store()
          .Write(kAdmin,
                 [&](WriteTx& tx) {
                   GOVPERF_RETURN_IF_ERROR(tx.PutOrgCategory(
                       {"D", "区县", "Districts", core::UnitKind::kDistrict, false}));
                   GOVPERF_RETURN_IF_ERROR(tx.PutOrgUnit(
                       {"D01", "望川区", "Wangchuan", "D", "", core::UnitKind::kDistrict, false}));
                   return tx.AddOrgChange({0, "", "", "create", "D01", "", "", "{}", "新设"});
                 })
          .ok());
  // A unit of an unknown category is refused, naming the field; nothing lands.
  Status bad = store().Write(kAdmin, [&](WriteTx& tx) {
    return tx.PutOrgUnit({"X", "某", "", "NOPE", "", core::UnitKind::kDepartment, false});
  });
  EXPECT_EQ(bad.field(), "category_id");
  auto org = store().LoadOrg();
  ASSERT_TRUE(org.ok());
  ASSERT_EQ(org->categories.size(), 1u);
  ASSERT_EQ(org->units.size(), 1u);
  EXPECT_EQ(org->units[0].name_zh, "望川区");
  ASSERT_EQ(org->changes.size(), 1u);
  EXPECT_EQ(org->changes[0].kind, "create");
  EXPECT_EQ(org->changes[0].actor, "admin");
  EXPECT_EQ(org->changes[0].note, "新设");
  // Update in place keeps the order; retire.
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           return tx.PutOrgUnit({"D01", "望川新区", "Wangchuan New", "D", "",
                                                 core::UnitKind::kDistrict, true});
                         })
                  .ok());
  org = store().LoadOrg();
  EXPECT_EQ(org->units[0].name_zh, "望川新区");
  EXPECT_TRUE(org->units[0].retired);
}

TEST_P(StoreConformance, LoginStateAndSessionsOfAUser) {
  User u;
  u.username = "lead_u1";
  u.display_name = "甲";
  u.role = core::Role::kLead;
  u.unit_id = "U1";
  u.password_hash = "h";
  ASSERT_TRUE(store().PutUser(kAdmin, u).ok());
  ASSERT_TRUE(store()
                  .Write(kSystemActor,
                         [&](WriteTx& tx) {
                           return tx.SetLoginState("lead_u1", 0, 1767225900, 2, "login.locked");
                         })
                  .ok());
  auto found = store().FindUser("lead_u1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->role, core::Role::kLead);
  EXPECT_EQ((*found)->locked_until, 1767225900);
  EXPECT_EQ((*found)->lock_level, 2);
  // A session, then ending all of the user's sessions at once.
  Session s{"t1", "lead_u1", clock_.NowUnix(), clock_.NowUnix() + 60};
  ASSERT_TRUE(store().CreateSession(kSystemActor, s).ok());
  ASSERT_TRUE(store().FindSession("t1")->has_value());
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteSessionsOf("lead_u1"); }).ok());
  EXPECT_FALSE(store().FindSession("t1")->has_value());
  // The expert role is a user role.
  u.username = "expert1";
  u.role = core::Role::kExpert;
  u.unit_id.clear();
  EXPECT_TRUE(store().PutUser(kAdmin, u).ok());
  u.username = "ghost";
  u.role = core::Role::kSystem;
  EXPECT_EQ(store().PutUser(kAdmin, u).code(), Code::kInvalidArgument);
}

TEST_P(StoreConformance, TheAuditChainHoldsAcrossEveryKindOfWrite) {
  MakeYear(2026, core::Stage::kMonitoring);
  ASSERT_TRUE(store().PutDatum(kLead, 2026, Value("U1", 4, "2026")).ok());
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) {
                           GOVPERF_RETURN_IF_ERROR(tx.PutOrgCategory(
                               {"C", "区县", "", core::UnitKind::kDistrict, false}));
                           return tx.PutComponentScores(2026, {"U2", 80.0, std::nullopt, 70.0});
                         })
                  .ok());
  auto v = store().VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  auto head = store().AuditHead();
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->first, v->records);
  auto page = store().ListAudit(head->first - 1, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ(page->back().action, "scores.put");
  EXPECT_EQ(page->back().actor, "admin");
  EXPECT_EQ(page->back().hash, head->second);
}

// ---- indicator setting (指标设置) ----

TEST_P(StoreConformance, TargetNegotiationKeepsHistoryAndSetsTheAgreedTarget) {
  MakeYear(2026, core::Stage::kSetting);
  const Actor unit{"unit_u2", core::Role::kUnit};
  const int64_t v0 = Version(2026);
  TargetNegotiation n{"1.1", "U2", "proposed", 6.0, std::nullopt, std::nullopt, "", {}};
  ASSERT_TRUE(
      store()
          .Write(kLead,
                 [&](WriteTx& tx) {
                   return tx.PutTargetStep(2026, n, {0, "", "", "", "propose", 6.0, "按规划"});
                 })
          .ok());
  // An open step changes no score: the data version stays.
  EXPECT_EQ(Version(2026), v0);
  n.state = "agreed";
  n.agreed_value = 6.0;
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           return tx.PutTargetStep(2026, n, {0, "", "", "", "accept", 6.0, ""});
                         })
                  .ok());
  EXPECT_EQ(Version(2026), v0 + 1);
  auto rows = store().ListTargetNegotiations(2026);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).state, "agreed");
  ASSERT_EQ(rows->at(0).history.size(), 2u);
  EXPECT_EQ(rows->at(0).history[0].actor, "lead_u1");
  EXPECT_EQ(rows->at(0).history[0].reason, "按规划");
  EXPECT_EQ(rows->at(1 - 1).history[1].role, "unit");
  EXPECT_EQ(store().LoadScheme(2026)->targets.at({"1.1", "U2"}), 6.0);
  // An unknown unit changes nothing; so does a step in monitoring.
  n.unit_id = "U9";
  EXPECT_EQ(store()
                .Write(kLead,
                       [&](WriteTx& tx) {
                         return tx.PutTargetStep(2026, n, {0, "", "", "", "propose", 1.0, ""});
                       })
                .code(),
            Code::kNotFound);
  YearInfo y{2026, core::Stage::kMonitoring, "", 0};
  ASSERT_TRUE(store().PutYear(kAdmin, y).ok());
  n.unit_id = "U1";
  EXPECT_EQ(store()
                .Write(kLead,
                       [&](WriteTx& tx) {
                         return tx.PutTargetStep(2026, n, {0, "", "", "", "propose", 1.0, ""});
                       })
                .code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(store().ListTargetNegotiations(2026)->size(), 1u);
}

TEST_P(StoreConformance, APublishedVersionFreezesTheSchemeAndKeepsItsSnapshot) {
  MakeYear(2026, core::Stage::kSetting);
  auto scheme = store().LoadScheme(2026);
  ASSERT_TRUE(scheme.ok());
  SchemeVersion v;
  v.year = 2026;
  v.version = 2;  // not the next one
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutSchemeVersion(*scheme, v); }).code(),
      Code::kFailedPrecondition);
  v.version = 1;
  v.note = "发布";
  const int64_t v0 = Version(2026);
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutSchemeVersion(*scheme, v); }).ok());
  EXPECT_EQ(Version(2026), v0 + 1);
  // Frozen: no replacement, not even in the setting stage.
  EXPECT_EQ(store().SaveScheme(kAdmin, *scheme).code(), Code::kFailedPrecondition);
  // Version 2 changes a target; version 1 stays as it was.
  core::Scheme changed = *scheme;
  changed.targets[{"1.1", "U1"}] = 7;
  v.version = 2;
  v.change_request = 1;
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutSchemeVersion(changed, v); }).ok());
  auto versions = store().ListSchemeVersions(2026);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ(versions->at(0).note, "发布");
  EXPECT_EQ(versions->at(1).change_request, 1);
  EXPECT_EQ(store().LoadSchemeVersion(2026, 1)->targets.at({"1.1", "U1"}), 5.0);
  EXPECT_EQ(store().LoadSchemeVersion(2026, 2)->targets.at({"1.1", "U1"}), 7.0);
  EXPECT_EQ(store().LoadScheme(2026)->targets.at({"1.1", "U1"}), 7.0);
  EXPECT_EQ(store().LoadSchemeVersion(2026, 3).status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, ChangeRequestsCommentsAndDutiesRoundTrip) {
  MakeYear(2026, core::Stage::kSetting);
  const Actor expert{"expert1", core::Role::kExpert};
  const int64_t v0 = Version(2026);
  IndicatorComment c;
  c.indicator_id = "1.1";
  c.text = "建议提高权重";
  ASSERT_TRUE(
      store().Write(expert, [&](WriteTx& tx) { return tx.AddIndicatorComment(2026, c); }).ok());
  EXPECT_EQ(Version(2026), v0);  // comments change no score
  auto comments = store().ListIndicatorComments(2026);
  ASSERT_TRUE(comments.ok());
  ASSERT_EQ(comments->size(), 1u);
  EXPECT_EQ(comments->at(0).author, "expert1");
  EXPECT_EQ(comments->at(0).role, "expert");
  // An expert writes nothing else.
  ChangeRequest r;
  r.kind = "target";
  r.indicator_id = "1.1";
  r.unit_id = "U1";
  r.change = R"({"value":4})";
  r.reason = "灾后重建";
  EXPECT_EQ(store()
                .Write(expert, [&](WriteTx& tx) { return tx.AddChangeRequest(2026, r).status(); })
                .code(),
            Code::kFailedPrecondition);
  int64_t id = 0;
  ASSERT_TRUE(store()
                  .Write(kLead,
                         [&](WriteTx& tx) {
                           auto a = tx.AddChangeRequest(2026, r);
                           if (a.ok()) id = *a;
                           return a.status();
                         })
                  .ok());
  EXPECT_EQ(id, 1);
  r.id = id;
  r.state = "rejected";
  r.decision = "依据不足";
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DecideChangeRequest(2026, r); }).ok());
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DecideChangeRequest(2026, r); }).code(),
      Code::kFailedPrecondition);  // decided once
  auto requests = store().ListChangeRequests(2026);
  ASSERT_TRUE(requests.ok());
  ASSERT_EQ(requests->size(), 1u);
  EXPECT_EQ(requests->at(0).state, "rejected");
  EXPECT_EQ(requests->at(0).requested_by, "lead_u1");
  EXPECT_EQ(requests->at(0).decided_by, "admin");
  // Duties: items, a link, and an item that a link holds cannot go.
  std::vector<DutyItem> items = {{"U1", "Q1", "行政许可", "《条例》第三条", "许可"},
                                 {"U1", "Q2", "行政检查", "", "检查"}};
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutDutyItems(2026, "U1", items); }).ok());
  ASSERT_TRUE(
      store()
          .Write(kAdmin, [&](WriteTx& tx) { return tx.PutDutyLinks(2026, "U1", "1.1", {"Q1"}); })
          .ok());
  EXPECT_EQ(
      store()
          .Write(kAdmin, [&](WriteTx& tx) { return tx.PutDutyLinks(2026, "U1", "1.1", {"Q9"}); })
          .code(),
      Code::kNotFound);
  items.erase(items.begin());
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutDutyItems(2026, "U1", items); }).code(),
      Code::kFailedPrecondition);
  auto duties = store().LoadDuties(2026);
  ASSERT_TRUE(duties.ok());
  ASSERT_EQ(duties->items.size(), 2u);
  EXPECT_EQ(duties->items[0].basis, "《条例》第三条");
  ASSERT_EQ(duties->links.size(), 1u);
  EXPECT_EQ(duties->links[0].item_id, "Q1");
  auto audit = store().VerifyAudit();
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->ok) << audit->message;
}
// ---- end indicator setting ----
// ---- 日常监测 monitoring (migration 0009) ----

TEST_P(StoreConformance, MonitoringReportsRoundTripAndFollowTheStage) {
  MakeYear(2026, core::Stage::kDraft);
  const Actor unit{"unit_u2", core::Role::kUnit};
  MonitoringReport r;
  r.year = 2026;
  r.indicator_id = "1.1";
  r.unit_id = "U2";
  r.period = "2026-03";
  r.value = 2.5;
  r.narrative = "一季度";
  r.due_date = "2026-04-10";
  r.submitted_by = "unit_u2";
  // Draft: no reports, and nothing written.
  const int64_t audit_before = AuditCount();
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(r); }).code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(AuditCount(), audit_before);
  ASSERT_TRUE(store().PutYear(kSystemActor, {2026, core::Stage::kMonitoring, "", 0}).ok());
  const int64_t version = Version(2026);
  ASSERT_TRUE(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(r); }).ok());
  EXPECT_EQ(Version(2026), version);  // a report alone does not change the evaluation
  auto got = store().FindReport(2026, "1.1", "U2", "2026-03");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->value, 2.5);
  EXPECT_EQ((*got)->narrative, "一季度");
  EXPECT_EQ((*got)->due_date, "2026-04-10");
  EXPECT_EQ((*got)->state, ReportState::kSubmitted);
  EXPECT_FALSE((*got)->submitted_at.empty());  // stamped by the store
  // A value and no_data at once, neither, an unknown unit, a bad period: refused.
  MonitoringReport bad = r;
  bad.no_data = true;
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(bad); }).code(),
            Code::kInvalidArgument);
  bad = r;
  bad.value.reset();
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(bad); }).code(),
            Code::kInvalidArgument);
  bad = r;
  bad.unit_id = "NOPE";
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(bad); }).code(),
            Code::kNotFound);
  bad = r;
  bad.period = "2026-13";
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.PutReport(bad); }).code(),
            Code::kInvalidArgument);
  // Decided: the store stamps the decision.
  r.state = ReportState::kReturned;
  r.return_reason = "缺佐证";
  r.decided_by = "lead_u1";
  ASSERT_TRUE(store().Write(kLead, [&](WriteTx& tx) { return tx.PutReport(r); }).ok());
  auto list = store().ListReports(2026);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().state, ReportState::kReturned);
  EXPECT_EQ(list->front().return_reason, "缺佐证");
  EXPECT_FALSE(list->front().decided_at.empty());

  // Evidence: stored once per content, attached to an existing report only.
  EvidenceFile f{"", "application/pdf", std::string("%PDF-1\0binary", 13)};
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
                           return tx.AttachEvidence(2026, "1.1", "U2", "2026-03",
                                                    {f.sha256, "a.pdf", "", 0, "unit_u2", ""});
                         })
                  .ok());
  EvidenceFile again = f;
  ASSERT_TRUE(store().Write(unit, [&](WriteTx& tx) { return tx.PutEvidence(again); }).ok());
  EXPECT_EQ(again.sha256, f.sha256);
  auto loaded = store().LoadEvidence(f.sha256);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->content, f.content);  // bytes, NUL included
  EXPECT_EQ(loaded->content_type, "application/pdf");
  got = store().FindReport(2026, "1.1", "U2", "2026-03");
  ASSERT_EQ((*got)->evidence.size(), 1u);
  EXPECT_EQ((*got)->evidence[0].file_name, "a.pdf");
  EXPECT_EQ((*got)->evidence[0].size, 13);
  EXPECT_EQ(store()
                .Write(unit,
                       [&](WriteTx& tx) {
                         return tx.AttachEvidence(2026, "1.1", "U1", "2026-03",
                                                  {f.sha256, "a.pdf", "", 0, "unit_u2", ""});
                       })
                .code(),
            Code::kNotFound);
  EXPECT_EQ(store().LoadEvidence(std::string(64, '0')).status().code(), Code::kNotFound);
}

TEST_P(StoreConformance, MonitoringCalendarEscalationsAndInbox) {
  MakeYear(2026, core::Stage::kMonitoring);
  // Settings: defaults until saved; validated.
  auto m = store().LoadMonitoringSettings(2026);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->default_frequency, "quarterly");
  EXPECT_EQ(m->due_days_after, 10);
  m->frequencies = {{"1.1", "monthly"}};
  m->progress_yellow = 0.7;
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutMonitoringSettings(*m); }).ok());
  EXPECT_EQ(store().LoadMonitoringSettings(2026)->frequencies.at("1.1"), "monthly");
  EXPECT_EQ(store().LoadMonitoringSettings(2026)->progress_yellow, 0.7);
  MonitoringSettings bad = *m;
  bad.frequencies = {{"1", "monthly"}};  // not a leaf
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutMonitoringSettings(bad); }).code(),
      Code::kInvalidArgument);

  // Node tasks in order; calendar days by date.
  ASSERT_TRUE(
      store()
          .Write(
              kAdmin,
              [&](WriteTx& tx) {
                GOVPERF_RETURN_IF_ERROR(tx.PutNodeTask(
                    2026, {"b", "乙", "", "monitoring", "unit", "", "2026-07-15", false}));
                GOVPERF_RETURN_IF_ERROR(
                    tx.PutNodeTask(2026, {"a", "甲", "", "", "lead", "U1", "2026-01-31", true}));
                GOVPERF_RETURN_IF_ERROR(tx.PutCalendarDay({"2026-10-10", true, "国庆节调休", ""}));
                return tx.PutCalendarDay({"2026-10-01", false, "国庆节", ""});
              })
          .ok());
  auto tasks = store().ListNodeTasks(2026);
  ASSERT_EQ(tasks->size(), 2u);
  EXPECT_EQ(tasks->at(0).id, "b");
  EXPECT_EQ(tasks->at(1).from_unit, "U1");
  EXPECT_TRUE(tasks->at(1).done);
  EXPECT_EQ(
      store()
          .Write(kAdmin,
                 [&](WriteTx& tx) {
                   return tx.PutNodeTask(2026, {"c", "丙", "", "", "", "", "2026-02-30", false});
                 })
          .code(),
      Code::kInvalidArgument);
  auto days = store().ListCalendarDays();
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ(days->at(0).date, "2026-10-01");
  EXPECT_FALSE(days->at(0).working);
  EXPECT_TRUE(days->at(1).working);
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteNodeTask(2026, "a"); }).ok());
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.DeleteNodeTask(2026, "a"); }).code(),
            Code::kNotFound);

  // Escalations: each level once per subject.
  const EscalationRecord e{2026, "report:1.1/U2/2026-03", "yellow", "2026-04-13", "U2", 1};
  bool added = false;
  ASSERT_TRUE(store()
                  .Write(kSystemActor,
                         [&](WriteTx& tx) {
                           auto r = tx.AddEscalation(e);
                           if (r.ok()) added = *r;
                           return r.status();
                         })
                  .ok());
  EXPECT_TRUE(added);
  const int64_t audit = AuditCount();
  ASSERT_TRUE(store()
                  .Write(kSystemActor,
                         [&](WriteTx& tx) {
                           EscalationRecord later = e;
                           later.on_date = "2026-04-14";
                           auto r = tx.AddEscalation(later);
                           if (r.ok()) added = *r;
                           return r.status();
                         })
                  .ok());
  EXPECT_FALSE(added);
  EXPECT_EQ(AuditCount(), audit);  // nothing written
  ASSERT_EQ(store().ListEscalations(2026)->size(), 1u);
  EXPECT_EQ(store().ListEscalations(2026)->front().on_date, "2026-04-13");

  // Inbox: per user, newest first, deduplicated by key, marked read.
  auto send = [&](const std::string& user, const std::string& title, const std::string& key) {
    bool out = false;
    EXPECT_TRUE(store()
                    .Write(kSystemActor,
                           [&](WriteTx& tx) {
                             InboxMessage msg;
                             msg.username = user;
                             msg.kind = "escalation.yellow";
                             msg.year = 2026;
                             msg.title_zh = title;
                             msg.dedup_key = key;
                             auto r = tx.AddInboxMessage(msg);
                             if (r.ok()) out = *r;
                             return r.status();
                           })
                    .ok());
    return out;
  };
  EXPECT_TRUE(send("unit_u2", "一", "k1"));
  EXPECT_FALSE(send("unit_u2", "一again", "k1"));
  EXPECT_TRUE(send("unit_u2", "二", ""));
  EXPECT_TRUE(send("unit_u1", "三", "k1"));
  auto inbox = store().ListInbox("unit_u2", false, 50);
  ASSERT_EQ(inbox->size(), 2u);
  EXPECT_EQ(inbox->at(0).title_zh, "二");
  EXPECT_FALSE(inbox->at(0).at.empty());
  EXPECT_EQ(*store().UnreadCount("unit_u2"), 2);
  const int64_t first = inbox->at(1).id;
  const Actor u2{"unit_u2", core::Role::kUnit};
  ASSERT_TRUE(
      store().Write(u2, [&](WriteTx& tx) { return tx.MarkInboxRead("unit_u2", first); }).ok());
  EXPECT_EQ(*store().UnreadCount("unit_u2"), 1);
  EXPECT_EQ(store().ListInbox("unit_u2", true, 50)->size(), 1u);
  EXPECT_EQ(store().Write(u2, [&](WriteTx& tx) { return tx.MarkInboxRead("unit_u2", 999); }).code(),
            Code::kNotFound);
  ASSERT_TRUE(store().Write(u2, [&](WriteTx& tx) { return tx.MarkInboxRead("unit_u2", 0); }).ok());
  EXPECT_EQ(*store().UnreadCount("unit_u2"), 0);
  EXPECT_EQ(*store().UnreadCount("unit_u1"), 1);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 整改 rectification (migration 0013): items with history and evidence, the
// stage rule (published years only), validation that names the field, and no
// data_version bump.
TEST_P(StoreConformance, RectificationItemsRoundTripAndFollowTheStage) {
  MakeYear(2025, core::Stage::kPublished);
  MakeYear(2026, core::Stage::kMonitoring);
  const Actor unit{"unit_u1", core::Role::kUnit};
  const Actor admin{"admin", core::Role::kAdmin};
  RectificationItem item;
  item.year = 2025;
  item.unit_id = "U1";
  item.source = "indicator";
  item.indicator_id = "1.1";
  item.problem = "增速失 2.00 分";
  item.measure = "加快项目建设";
  item.owner = "张三";
  item.deadline = "2026-06-30";
  const int64_t version = Version(2025);
  const int64_t audit = AuditCount();
  int64_t id = 0;
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           auto r = tx.AddRectificationItem(item);
                           if (r.ok()) id = *r;
                           return r.status();
                         })
                  .ok());
  EXPECT_EQ(id, 1);
  EXPECT_EQ(Version(2025), version);  // not scoring data
  EXPECT_EQ(AuditCount(), audit + 1);
  auto found = store().FindRectification(2025, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  const RectificationItem& got = **found;
  EXPECT_EQ(got.unit_id, "U1");
  EXPECT_EQ(got.indicator_id, "1.1");
  EXPECT_EQ(got.problem, "增速失 2.00 分");
  EXPECT_EQ(got.measure, "加快项目建设");
  EXPECT_EQ(got.owner, "张三");
  EXPECT_EQ(got.deadline, "2026-06-30");
  EXPECT_EQ(got.state, "open");
  EXPECT_EQ(got.progress, 0);
  EXPECT_EQ(got.created_by, "unit_u1");
  ASSERT_EQ(got.history.size(), 1u);
  EXPECT_EQ(got.history[0].action, "filed");
  EXPECT_EQ(got.history[0].role, "unit");

  // Progress with evidence, then the office closes it.
  EvidenceFile f{"", "application/pdf", "%PDF-1.4 rectified"};
  RectificationItem progressed = got;
  progressed.progress = 60;
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
                           GOVPERF_RETURN_IF_ERROR(tx.UpdateRectificationItem(
                               progressed, {0, "", "", "", "progress", "完成六成", 60}));
                           return tx.AttachRectificationEvidence(2025, id,
                                                                 {f.sha256, "进度.pdf", "", 0, "", ""});
                         })
                  .ok());
  RectificationItem closed = progressed;
  closed.state = "closed";
  closed.note = "核查属实";
  ASSERT_TRUE(store()
                  .Write(admin,
                         [&](WriteTx& tx) {
                           return tx.UpdateRectificationItem(
                               closed, {0, "", "", "", "close", "核查属实", std::nullopt});
                         })
                  .ok());
  auto after = store().FindRectification(2025, id);
  ASSERT_TRUE(after.ok() && after->has_value());
  EXPECT_EQ((*after)->state, "closed");
  EXPECT_EQ((*after)->progress, 60);
  EXPECT_EQ((*after)->closed_by, "admin");
  EXPECT_FALSE((*after)->closed_at.empty());
  EXPECT_EQ((*after)->note, "核查属实");
  ASSERT_EQ((*after)->history.size(), 3u);
  EXPECT_EQ((*after)->history[1].text, "完成六成");
  EXPECT_EQ((*after)->history[1].progress, 60);
  EXPECT_EQ((*after)->history[2].action, "close");
  EXPECT_FALSE((*after)->history[2].progress.has_value());
  ASSERT_EQ((*after)->evidence.size(), 1u);
  EXPECT_EQ((*after)->evidence[0].sha256, f.sha256);
  EXPECT_EQ((*after)->evidence[0].file_name, "进度.pdf");
  EXPECT_EQ((*after)->evidence[0].content_type, "application/pdf");
  EXPECT_EQ(Version(2025), version);

  // Listing by unit, and the years that hold items.
  EXPECT_EQ(store().ListRectification(2025, "U1")->size(), 1u);
  EXPECT_EQ(store().ListRectification(2025, "U2")->size(), 0u);
  EXPECT_EQ(store().ListRectification(2025, "")->size(), 1u);
  EXPECT_EQ(*store().RectificationYears(), std::vector<int>{2025});
  EXPECT_FALSE(store().FindRectification(2025, 99)->has_value());

  // Refused: a year not published (the stage), an unknown leaf, a bad date, an
  // empty owner, unknown evidence — each changing nothing.
  const int64_t before = AuditCount();
  auto add = [&](const Actor& who, RectificationItem r) {
    return store().Write(who, [&](WriteTx& tx) { return tx.AddRectificationItem(r).status(); });
  };
  RectificationItem y2026 = item;
  y2026.year = 2026;
  EXPECT_EQ(add(unit, y2026).code(), Code::kFailedPrecondition);
  RectificationItem bad = item;
  bad.indicator_id = "9.9";
  Status s = add(unit, bad);
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_EQ(s.field(), "indicator_id");
  bad = item;
  bad.deadline = "2026-13-01";
  EXPECT_EQ(add(unit, bad).field(), "deadline");
  bad = item;
  bad.owner = "";
  EXPECT_EQ(add(unit, bad).field(), "owner");
  EXPECT_EQ(add(Actor{"leader", core::Role::kLeader}, item).code(), Code::kFailedPrecondition);
  EXPECT_EQ(store()
                .Write(unit,
                       [&](WriteTx& tx) {
                         return tx.AttachRectificationEvidence(
                             2025, id, {std::string(64, 'a'), "x.pdf", "", 0, "", ""});
                       })
                .field(),
            "sha256");
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().ListRectification(2025, "")->size(), 1u);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

}  // namespace govperf::store::testing
