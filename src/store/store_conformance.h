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

#include "store/password.h"
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

  // A draft 社会评价 survey `id` of 2025 with one group, 群众 (citizens), put
  // by the office: what the survey results, opinions and sources tests need.
  void PutSurvey(const std::string& id) {
    core::survey::Survey s;
    s.id = id;
    s.year = 2025;
    s.title_zh = "满意度调查";
    s.groups = {{"citizens", "群众", "", 1.0}};
    ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutSurvey(s); }).ok());
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

// 结果运用 result use: the table replaces whole (a repeated grade refuses the
// whole table and keeps the old one), records are numbered per year and
// filtered by year and unit, each write is audited.
TEST_P(StoreConformance, ResultUseRulesReplaceWholeAndRecordsAreNumberedPerYear) {
  MakeYear(2025, core::Stage::kPublished);
  MakeYear(2026, core::Stage::kMonitoring);
  const std::vector<ResultUseRule> table = {{"excellent", 1.2, "优先推荐", "", ""},
                                            {"ok", std::nullopt, "", "", "约谈"}};
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutResultUseRules(2025, table); }).ok());
  auto rules = store().LoadResultUseRules(2025);
  ASSERT_TRUE(rules.ok());
  ASSERT_EQ(rules->size(), 2u);
  EXPECT_EQ(rules->at(0).grade, "excellent");
  EXPECT_EQ(rules->at(0).bonus_coefficient, std::optional<double>(1.2));
  EXPECT_EQ(rules->at(1).accountability, "约谈");
  EXPECT_FALSE(rules->at(1).bonus_coefficient.has_value());
  const std::vector<ResultUseRule> twice = {{"ok", 1.0, "", "", ""}, {"ok", 0.9, "", "", ""}};
  Status st = store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutResultUseRules(2025, twice); });
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(store().LoadResultUseRules(2025)->size(), 2u);  // unchanged
  EXPECT_EQ(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutResultUseRules(1999, table); }).code(),
      Code::kNotFound);

  auto add = [&](int year, const std::string& unit, const std::string& kind) {
    ResultUseRecord r;
    r.year = year;
    r.unit_id = unit;
    r.kind = kind;
    r.outcome = "绩效奖金系数 1.2";
    r.coefficient = 1.2;
    int64_t id = 0;
    Status s = store().Write(kAdmin, [&](WriteTx& tx) {
      auto got = tx.AddResultUseRecord(r);
      if (got.ok()) id = *got;
      return got.status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  };
  EXPECT_EQ(add(2025, "U1", "bonus"), 1);
  EXPECT_EQ(add(2025, "U2", "cadre"), 2);
  EXPECT_EQ(add(2026, "U1", "budget"), 1);
  auto all = store().ListResultUseRecords(0, "");
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all->at(2).year, 2026);
  EXPECT_EQ(all->at(0).recorded_by, "admin");
  EXPECT_FALSE(all->at(0).recorded_at.empty());
  EXPECT_EQ(store().ListResultUseRecords(2025, "")->size(), 2u);
  auto u1 = store().ListResultUseRecords(0, "U1");
  ASSERT_EQ(u1->size(), 2u);
  EXPECT_EQ(u1->at(1).kind, "budget");
  ResultUseRecord empty;
  empty.year = 2025;
  empty.unit_id = "U1";
  empty.kind = "bonus";
  EXPECT_EQ(store()
                .Write(kAdmin, [&](WriteTx& tx) { return tx.AddResultUseRecord(empty).status(); })
                .code(),
            Code::kInvalidArgument);  // no outcome
  EXPECT_EQ(store().ListResultUseRecords(0, "")->size(), 3u);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 公示, committee approval and publication (migration 0012): insert-only
// records, the stage rule, the version check and the certificate's fields.
TEST_P(StoreConformance, PublicityApprovalAndPublicationRecords) {
  MakeYear(2026, core::Stage::kYearEnd);
  PublicityWindow w;
  w.year = 2026;
  w.start_date = "2027-03-01";
  w.end_date = "2027-03-08";
  w.working_days = 5;
  // Not in year_end: the write kind belongs to 公示.
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddPublicityWindow(w); }).code(),
            Code::kFailedPrecondition);
  YearInfo prelim{2026, core::Stage::kPreliminary, "", 0};
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) -> Status {
                           GOVPERF_RETURN_IF_ERROR(tx.PutYear(prelim));
                           return tx.AddPublicityWindow(w);
                         })
                  .ok());
  PublicityWindow bad = w;
  bad.end_date = "2027-02-01";
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddPublicityWindow(bad); }).code(),
            Code::kInvalidArgument);
  auto windows = store().ListPublicityWindows(2026);
  ASSERT_TRUE(windows.ok());
  ASSERT_EQ(windows->size(), 1u);
  EXPECT_EQ(windows->at(0).seq, 1);
  EXPECT_EQ(windows->at(0).end_date, "2027-03-08");
  EXPECT_EQ(windows->at(0).actor, "admin");
  // A lead department may not record the committee's approval.
  CommitteeApproval a;
  a.year = 2026;
  a.meeting_date = "2027-03-10";
  a.meeting_ref = "2027-1";
  EXPECT_EQ(store().Write(kLead, [&](WriteTx& tx) { return tx.AddCommitteeApproval(a); }).code(),
            Code::kFailedPrecondition);
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddCommitteeApproval(a); }).ok());
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddCommitteeApproval(a); }).code(),
            Code::kFailedPrecondition);  // one per window
  auto approvals = store().ListCommitteeApprovals(2026);
  ASSERT_TRUE(approvals.ok());
  ASSERT_EQ(approvals->size(), 1u);
  EXPECT_EQ(approvals->at(0).window_seq, 1);
  EXPECT_EQ(approvals->at(0).meeting_ref, "2027-1");

  // The publication: refused at a stale data version; then written with
  // every hash filled in, and only once.
  Publication p;
  p.year = 2026;
  p.data_version = Version(2026) - 1;
  p.engine_version = "test";
  p.results = R"({"units":[],"year":2026})";
  Status stale = store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddPublication(p); });
  EXPECT_EQ(stale.code(), Code::kFailedPrecondition);
  EXPECT_EQ(stale.field(), "data_version");
  const auto head = store().AuditHead();
  ASSERT_TRUE(head.ok());
  p.data_version = Version(2026);
  YearInfo published{2026, core::Stage::kPublished, "", 0};
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) -> Status {
                           GOVPERF_RETURN_IF_ERROR(tx.AddPublication(p));
                           return tx.PutYear(published);
                         })
                  .ok());
  EXPECT_EQ(p.audit_head_id, head->first);
  EXPECT_EQ(p.audit_head_hash, head->second);
  auto found = store().FindPublication(2026, true);
  ASSERT_TRUE(found.ok() && found->has_value());
  const Publication& f = **found;
  EXPECT_EQ(f.results, p.results);
  EXPECT_EQ(f.certificate_sha256, p.certificate_sha256);
  EXPECT_EQ(f.certificate_sha256.size(), 64u);
  EXPECT_EQ(f.data_sha256.size(), 64u);
  EXPECT_EQ(f.scheme_sha256.size(), 64u);
  EXPECT_EQ(f.results_sha256.size(), 64u);
  EXPECT_EQ(f.engine_version, "test");
  EXPECT_EQ(f.scheme_version, 0);
  EXPECT_EQ(f.actor, "admin");
  auto slim = store().FindPublication(2026, false);
  ASSERT_TRUE(slim.ok() && slim->has_value());
  EXPECT_TRUE((*slim)->results.empty());
  EXPECT_EQ((*slim)->certificate_sha256, f.certificate_sha256);
  // Published: nothing more, not even by the program itself.
  const Actor system{"system", core::Role::kSystem};
  EXPECT_EQ(store().Write(system, [&](WriteTx& tx) { return tx.AddPublication(p); }).code(),
            Code::kFailedPrecondition);
  EXPECT_FALSE(store().FindPublication(2025, false)->has_value());
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 申诉 appeals: filed only in 公示 with a window, answered once, decided once;
// every step audited.
TEST_P(StoreConformance, AppealsFollowTheirStatesAndTheStage) {
  MakeYear(2026, core::Stage::kYearEnd);
  Appeal a;
  a.year = 2026;
  a.unit_id = "U2";
  a.kind = "indicator";
  a.indicator_id = "1.1";
  a.claimed_value = 6;
  a.reason = "数据有误";
  const Actor unit{"unit_u2", core::Role::kUnit};
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.AddAppeal(a); }).code(),
            Code::kFailedPrecondition);  // year_end: no appeals
  ASSERT_TRUE(store().PutYear(kSystemActor, {2026, core::Stage::kPreliminary, "", 0}).ok());
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.AddAppeal(a); }).code(),
            Code::kFailedPrecondition);  // no window yet
  PublicityWindow w;
  w.year = 2026;
  w.start_date = "2027-03-01";
  w.end_date = "2027-03-08";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddPublicityWindow(w); }).ok());
  Appeal bad = a;
  bad.kind = "mood";
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.AddAppeal(bad); }).field(), "kind");
  bad = a;
  bad.evidence = {std::string(64, 'a')};
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.AddAppeal(bad); }).field(),
            "evidence[0]");
  ASSERT_TRUE(store().Write(unit, [&](WriteTx& tx) { return tx.AddAppeal(a); }).ok());
  EXPECT_EQ(a.id, 1);
  EXPECT_EQ(a.window_seq, 1);
  EXPECT_EQ(a.state, "filed");
  EXPECT_EQ(a.filed_by, "unit_u2");
  ASSERT_TRUE(
      store().Write(kLead, [&](WriteTx& tx) { return tx.AnswerAppeal(2026, 1, "属实"); }).ok());
  EXPECT_EQ(
      store().Write(kLead, [&](WriteTx& tx) { return tx.AnswerAppeal(2026, 1, "again"); }).code(),
      Code::kFailedPrecondition);
  EXPECT_EQ(store()
                .Write(kAdmin, [&](WriteTx& tx) { return tx.DecideAppeal(2026, 9, true, "x"); })
                .code(),
            Code::kNotFound);
  ASSERT_TRUE(
      store()
          .Write(kAdmin, [&](WriteTx& tx) { return tx.DecideAppeal(2026, 1, true, "成立"); })
          .ok());
  EXPECT_EQ(store()
                .Write(kAdmin, [&](WriteTx& tx) { return tx.DecideAppeal(2026, 1, false, "改"); })
                .field(),
            "id");
  auto list = store().ListAppeals(2026);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const Appeal& got = list->front();
  EXPECT_EQ(got.state, "upheld");
  EXPECT_EQ(got.answer, "属实");
  EXPECT_EQ(got.answered_by, "lead_u1");
  EXPECT_EQ(got.decision, "成立");
  EXPECT_EQ(got.decided_by, "admin");
  ASSERT_TRUE(got.claimed_value.has_value());
  EXPECT_DOUBLE_EQ(*got.claimed_value, 6);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// ---- 年终考核 year-end assessment (migration 0011) ----
TEST_P(StoreConformance, YearEndRowsRoundTripAndFollowTheStage) {
  MakeYear(2025, core::Stage::kMonitoring);
  const Actor unit{"unit_u2", core::Role::kUnit};
  const Actor lead{"lead_u1", core::Role::kLead};
  const Actor admin{"admin", core::Role::kAdmin};
  const Actor leader{"leader1", core::Role::kLeader};
  SelfEvaluation e;
  e.year = 2025;
  e.indicator_id = "1.1";
  e.unit_id = "U2";
  e.value = 4.5;
  e.text = "完成";
  e.submissions = 1;
  e.submitted_by = "unit_u2";
  auto put = [&](const Actor& a, const SelfEvaluation& x) {
    return store().Write(a, [&](WriteTx& tx) { return tx.PutSelfEvaluation(x); });
  };
  // Not in monitoring: the stage table allows self-evaluations only in year_end.
  EXPECT_EQ(put(unit, e).code(), Code::kFailedPrecondition);
  ASSERT_TRUE(store().PutYear(kSystemActor, {2025, core::Stage::kYearEnd, "", 0}).ok());
  const int64_t v0 = Version(2025);
  ASSERT_TRUE(put(unit, e).ok());
  EXPECT_EQ(Version(2025), v0) << "a self-evaluation is not a scoring input";
  // A unit may not write the scoring fields (lead_scoring is admin/lead).
  SelfEvaluation scored = e;
  scored.scored = true;
  scored.scored_value = 4;
  scored.reason = "核减";
  scored.earned = 8;
  scored.points = 10;
  scored.scored_by = "lead_u1";
  EXPECT_EQ(put(unit, scored).code(), Code::kFailedPrecondition);
  ASSERT_TRUE(put(lead, scored).ok());
  // Bad input names the field; an unknown unit changes nothing.
  SelfEvaluation bad = e;
  bad.unit_id = "ZZ";
  EXPECT_EQ(put(unit, bad).code(), Code::kNotFound);
  auto got = store().FindSelfEvaluation(2025, "1.1", "U2");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->value, 4.5);
  EXPECT_EQ((*got)->scored_value, 4);
  EXPECT_EQ((*got)->reason, "核减");
  EXPECT_EQ((*got)->earned, 8);
  EXPECT_FALSE((*got)->submitted_at.empty());
  EXPECT_FALSE((*got)->scored_at.empty());
  // Evidence: stored once, linked to the self-evaluation.
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           EvidenceFile f{"", "application/pdf", "%PDF-1.4 self"};
                           GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
                           return tx.AttachYearEndEvidence(2025, "self:1.1/U2",
                                                           {f.sha256, "自评.pdf", "", 0, "", ""});
                         })
                  .ok());
  auto list = store().ListSelfEvaluations(2025);
  ASSERT_EQ(list->size(), 1u);
  ASSERT_EQ(list->at(0).evidence.size(), 1u);
  EXPECT_EQ(list->at(0).evidence[0].file_name, "自评.pdf");
  EXPECT_EQ(list->at(0).evidence[0].added_by, "unit_u2");

  // Spot check: the drawn pairs and seed are kept; findings per pair.
  SpotCheck c;
  c.year = 2025;
  c.seed = "42";
  c.size = 2;
  c.items = {{"1.1", "U2", "", {}, "", "", ""}, {"1.1", "U1", "", {}, "", "", ""}};
  Result<int64_t> id = Status::Internal("unset");
  EXPECT_EQ(store().Write(lead, [&](WriteTx& tx) { return tx.AddSpotCheck(c).status(); }).code(),
            Code::kFailedPrecondition);
  ASSERT_TRUE(store()
                  .Write(admin,
                         [&](WriteTx& tx) {
                           id = tx.AddSpotCheck(c);
                           return id.status();
                         })
                  .ok());
  EXPECT_EQ(*id, 1);
  ASSERT_TRUE(store()
                  .Write(admin,
                         [&](WriteTx& tx) {
                           return tx.PutSpotFinding(
                               2025, 1, {"1.1", "U1", "corrected", 3.0, "台账不符", "", ""});
                         })
                  .ok());
  EXPECT_EQ(
      store()
          .Write(admin,
                 [&](WriteTx& tx) {
                   return tx.PutSpotFinding(2025, 1, {"1.1", "U9", "confirmed", {}, "", "", ""});
                 })
          .code(),
      Code::kNotFound);
  auto checks = store().ListSpotChecks(2025);
  ASSERT_EQ(checks->size(), 1u);
  EXPECT_EQ(checks->at(0).seed, "42");
  ASSERT_EQ(checks->at(0).items.size(), 2u);
  EXPECT_EQ(checks->at(0).items[0].unit_id, "U2");
  EXPECT_EQ(checks->at(0).items[1].finding, "corrected");
  EXPECT_EQ(checks->at(0).items[1].value, 3.0);
  EXPECT_EQ(checks->at(0).items[1].checked_by, "admin");

  // Claims: raised, an opinion, decided once.
  Claim claim;
  claim.year = 2025;
  claim.unit_id = "U2";
  claim.kind = "bonus";
  claim.category = "innovation";
  claim.points = 1.5;
  claim.reason = "改革试点";
  claim.raised_unit = "U2";
  Result<int64_t> cid = Status::Internal("unset");
  ASSERT_TRUE(store()
                  .Write(unit,
                         [&](WriteTx& tx) {
                           cid = tx.AddClaim(claim);
                           return cid.status();
                         })
                  .ok());
  Claim nopoints = claim;
  nopoints.points = 0;
  EXPECT_EQ(
      store().Write(unit, [&](WriteTx& tx) { return tx.AddClaim(nopoints).status(); }).field(),
      "points");
  const Actor expert{"expert1", core::Role::kExpert};
  ASSERT_TRUE(store()
                  .Write(expert,
                         [&](WriteTx& tx) {
                           return tx.PutClaimOpinion(2025, *cid, {"", "support", "有推广价值", ""});
                         })
                  .ok());
  Claim decision = claim;
  decision.id = *cid;
  decision.state = "approved";
  decision.adjustment_id = "claim-2025-1";
  EXPECT_EQ(store().Write(unit, [&](WriteTx& tx) { return tx.DecideClaim(decision); }).ok(), true)
      << "the stage table allows claims to units; who decides is the use case's check";
  EXPECT_EQ(store().Write(admin, [&](WriteTx& tx) { return tx.DecideClaim(decision); }).code(),
            Code::kFailedPrecondition)
      << "decided once";
  auto claims = store().ListClaims(2025);
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ(claims->at(0).state, "approved");
  EXPECT_EQ(claims->at(0).raised_by, "unit_u2");
  EXPECT_EQ(claims->at(0).raised_role, "unit");
  ASSERT_EQ(claims->at(0).opinions.size(), 1u);
  EXPECT_EQ(claims->at(0).opinions[0].expert, "expert1");
  EXPECT_EQ(claims->at(0).adjustment_id, "claim-2025-1");

  // Leadership rating: setup (admin), ratings (leader), close.
  RatingSetup setup;
  setup.year = 2025;
  setup.dimensions = {{"work", "工作实绩", "Work", 0.6}, {"style", "作风", "Style", 0.4}};
  setup.scale_min = 1;
  setup.scale_max = 5;
  setup.levels = {{"principal", "主要领导", "Principal", 0.5}};
  setup.leaders = {{"leader1", "principal", {"U1", "U2"}}};
  EXPECT_EQ(store().Write(leader, [&](WriteTx& tx) { return tx.PutRatingSetup(setup); }).code(),
            Code::kFailedPrecondition);
  ASSERT_TRUE(store().Write(admin, [&](WriteTx& tx) { return tx.PutRatingSetup(setup); }).ok());
  LeaderRating r{2025, "", "U2", {{"work", 4}, {"style", 5}}, ""};
  EXPECT_EQ(store().Write(admin, [&](WriteTx& tx) { return tx.PutLeaderRating(r); }).code(),
            Code::kFailedPrecondition);
  ASSERT_TRUE(store().Write(leader, [&](WriteTx& tx) { return tx.PutLeaderRating(r); }).ok());
  auto ratings = store().ListLeaderRatings(2025);
  ASSERT_EQ(ratings->size(), 1u);
  EXPECT_EQ(ratings->at(0).username, "leader1");
  EXPECT_EQ(ratings->at(0).scores.at("style"), 5);
  ASSERT_TRUE(store().Write(admin, [&](WriteTx& tx) { return tx.CloseRating(2025); }).ok());
  auto loaded = store().LoadRatingSetup(2025);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_TRUE((*loaded)->closed());
  EXPECT_EQ((*loaded)->closed_by, "admin");
  EXPECT_EQ((*loaded)->dimensions.at(1).weight, 0.4);
  EXPECT_EQ((*loaded)->leaders.at(0).unit_ids.size(), 2u);
  EXPECT_EQ(store().Write(leader, [&](WriteTx& tx) { return tx.PutLeaderRating(r); }).code(),
            Code::kFailedPrecondition)
      << "closed";
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 整改 rectification (migration 0014): items with history and evidence, the
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
                           return tx.AttachRectificationEvidence(
                               2025, id, {f.sha256, "进度.pdf", "", 0, "", ""});
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

// 考核项目规范 assessment projects: an application is numbered in order and
// stamped by the store, edited only while applied, decided along the allowed
// moves only (a second decision refused inside the transaction), a repeated
// id refused; none of it bumps the year's data version; every write audited.
TEST_P(StoreConformance, AssessmentProjectsMoveOnlyAlongTheirStatuses) {
  MakeYear(2025, core::Stage::kPublished);
  MakeYear(2026, core::Stage::kMonitoring);
  const int64_t version = Version(2026);
  const Actor lead{"lead_u1", core::Role::kLead};
  auto project = [](const std::string& id, int reports) {
    AssessmentProject p;
    p.year = 2026;
    p.id = id;
    p.name_zh = "安全生产考核";
    p.department_id = "U1";
    p.basis = "安全生产法";
    p.category_ids = {"C"};
    p.assessed_unit_ids = {"U1", "U2"};
    p.frequency = "quarterly";
    p.reports_per_year = reports;
    p.status = "approved";  // ignored: a new project is an application
    return p;
  };
  auto write = [&](const Actor& who, const std::function<Status(WriteTx&)>& fn) {
    return store().Write(who, fn);
  };
  ASSERT_TRUE(
      write(lead, [&](WriteTx& tx) { return tx.AddAssessmentProject(project("P1", 4)); }).ok());
  ASSERT_TRUE(
      write(lead, [&](WriteTx& tx) { return tx.AddAssessmentProject(project("P2", 12)); }).ok());
  EXPECT_EQ(
      write(lead, [&](WriteTx& tx) { return tx.AddAssessmentProject(project("P1", 1)); }).code(),
      Code::kAlreadyExists);
  AssessmentProject absurd = project("P3", 400);
  Status st = write(lead, [&](WriteTx& tx) { return tx.AddAssessmentProject(absurd); });
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "reports_per_year");
  AssessmentProject no_year = project("P4", 1);
  no_year.year = 1999;
  EXPECT_EQ(write(lead, [&](WriteTx& tx) { return tx.AddAssessmentProject(no_year); }).code(),
            Code::kNotFound);

  auto list = store().ListAssessmentProjects(2026);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).id, "P1");
  EXPECT_EQ(list->at(1).id, "P2");
  EXPECT_EQ(list->at(0).status, "applied");
  EXPECT_EQ(list->at(0).applied_by, "lead_u1");
  EXPECT_FALSE(list->at(0).applied_at.empty());
  EXPECT_EQ(list->at(0).assessed_unit_ids, (std::vector<std::string>{"U1", "U2"}));
  EXPECT_EQ(list->at(0).category_ids, (std::vector<std::string>{"C"}));
  EXPECT_EQ(list->at(1).reports_per_year, 12);
  EXPECT_TRUE(store().ListAssessmentProjects(2025)->empty());

  // Edit while applied.
  AssessmentProject edited = project("P1", 2);
  edited.frequency = "semiannual";
  edited.unit_ids = {"U2"};
  edited.category_ids = {};
  edited.assessed_unit_ids = {"U2"};
  ASSERT_TRUE(write(lead, [&](WriteTx& tx) { return tx.EditAssessmentProject(edited); }).ok());
  auto p1 = store().FindAssessmentProject(2026, "P1");
  ASSERT_TRUE(p1.ok() && p1->has_value());
  EXPECT_EQ((*p1)->reports_per_year, 2);
  EXPECT_EQ((*p1)->frequency, "semiannual");
  EXPECT_EQ((*p1)->assessed_unit_ids, (std::vector<std::string>{"U2"}));
  EXPECT_EQ((*p1)->status, "applied");
  EXPECT_FALSE(store().FindAssessmentProject(2026, "NOPE")->has_value());

  // Decisions: applied → merged (with indicators), applied → approved → abolished.
  auto decide = [&](const std::string& id, const std::string& to,
                    std::vector<std::string> merged = {}) {
    return write(kAdmin, [&](WriteTx& tx) {
      return tx.DecideAssessmentProject(2026, id, to, "审核意见", merged);
    });
  };
  ASSERT_TRUE(decide("P1", "merged", {"1.1"}).ok());
  st = decide("P1", "approved");
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);  // decided already
  EXPECT_EQ(st.field(), "status");
  EXPECT_EQ(write(lead, [&](WriteTx& tx) { return tx.EditAssessmentProject(edited); }).code(),
            Code::kFailedPrecondition);                                    // no edit once decided
  EXPECT_EQ(decide("P2", "abolished").code(), Code::kFailedPrecondition);  // not approved yet
  ASSERT_TRUE(decide("P2", "approved").ok());
  ASSERT_TRUE(decide("P2", "abolished").ok());
  EXPECT_EQ(decide("P2", "approved").code(), Code::kFailedPrecondition);
  EXPECT_EQ(decide("NOPE", "approved").code(), Code::kNotFound);

  p1 = store().FindAssessmentProject(2026, "P1");
  EXPECT_EQ((*p1)->status, "merged");
  EXPECT_EQ((*p1)->merged_indicator_ids, (std::vector<std::string>{"1.1"}));
  EXPECT_EQ((*p1)->decided_by, "admin");
  EXPECT_EQ((*p1)->decision_note, "审核意见");
  auto p2 = store().FindAssessmentProject(2026, "P2");
  EXPECT_EQ((*p2)->status, "abolished");
  EXPECT_TRUE((*p2)->merged_indicator_ids.empty());

  EXPECT_EQ(Version(2026), version);  // not scoring data
  auto audit = store().ListAudit(0, 1000);
  ASSERT_TRUE(audit.ok());
  int applies = 0, edits = 0, decides = 0;
  for (const auto& r : *audit) {
    applies += r.action == "project.apply";
    edits += r.action == "project.edit";
    decides += r.action == "project.decide";
  }
  EXPECT_EQ(applies, 2);
  EXPECT_EQ(edits, 1);
  EXPECT_EQ(decides, 3);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 季度通报: bulletins are numbered per year in the order issued, one per
// quarter, frozen (content and its hash as written), and not scoring data (no
// version bump); bad input and the stage change nothing.
TEST_P(StoreConformance, BulletinsAreFrozenNumberedPerYearAndOnePerQuarter) {
  MakeYear(2025, core::Stage::kMonitoring);
  MakeYear(2024, core::Stage::kPublished);
  const int64_t version = Version(2025);
  auto issue = [&](const Actor& who, BulletinRecord& b) {
    return store().Write(who, [&](WriteTx& tx) { return tx.AddBulletin(b); });
  };
  BulletinRecord q1;
  q1.year = 2025;
  q1.quarter = 1;
  q1.number = 1;
  q1.issued_on = "2025-04-20";
  q1.foreword = "各单位要对照问题抓紧整改。";
  q1.content = R"({"quarter":1,"units":[]})";
  ASSERT_TRUE(issue(kAdmin, q1).ok());
  EXPECT_GT(q1.id, 0);
  EXPECT_EQ(q1.issued_by, "admin");
  EXPECT_FALSE(q1.issued_at.empty());
  EXPECT_EQ(q1.content_sha256, Sha256Hex(q1.content));
  BulletinRecord q2 = q1;
  q2.quarter = 2;
  q2.number = 2;
  q2.content = R"({"quarter":2})";
  ASSERT_TRUE(issue(kAdmin, q2).ok());
  EXPECT_EQ(Version(2025), version);  // not scoring data

  auto list = store().ListBulletins(2025);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].number, 1);
  EXPECT_EQ((*list)[0].foreword, "各单位要对照问题抓紧整改。");
  EXPECT_EQ((*list)[1].content, R"({"quarter":2})");
  auto found = store().FindBulletin(q1.id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->quarter, 1);
  EXPECT_EQ((*found)->content_sha256, q1.content_sha256);
  EXPECT_FALSE(store().FindBulletin(999)->has_value());
  EXPECT_TRUE(store().ListBulletins(2024)->empty());

  // Refused, each changing nothing: the same quarter again, a skipped number,
  // a quarter outside 1..4, a bad date, an unknown year, a published year, a
  // role other than the office.
  const int64_t before = AuditCount();
  BulletinRecord again = q1;
  again.number = 3;
  Status s = issue(kAdmin, again);
  EXPECT_EQ(s.code(), Code::kAlreadyExists);
  EXPECT_EQ(s.field(), "quarter");
  BulletinRecord skip = q1;
  skip.quarter = 3;
  skip.number = 5;
  EXPECT_EQ(issue(kAdmin, skip).field(), "number");
  BulletinRecord q5 = q1;
  q5.quarter = 5;
  q5.number = 3;
  EXPECT_EQ(issue(kAdmin, q5).field(), "quarter");
  BulletinRecord bad_date = skip;
  bad_date.number = 3;
  bad_date.issued_on = "2025-02-30";
  EXPECT_EQ(issue(kAdmin, bad_date).field(), "issued_on");
  BulletinRecord unknown = skip;
  unknown.number = 1;
  unknown.year = 1999;
  EXPECT_EQ(issue(kAdmin, unknown).code(), Code::kNotFound);
  BulletinRecord published = skip;
  published.number = 1;
  published.year = 2024;
  EXPECT_EQ(issue(kAdmin, published).code(), Code::kFailedPrecondition);
  BulletinRecord by_lead = skip;
  by_lead.number = 3;
  EXPECT_EQ(issue(kLead, by_lead).code(), Code::kFailedPrecondition);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().ListBulletins(2025)->size(), 2u);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 社会评价: a survey definition round-trips whole; once it left draft its
// questionnaire is frozen while its margins may still change; status moves
// draft → open → closed → open only; refusals change nothing.
TEST_P(StoreConformance, SurveyDefinitionsRoundTripAndFreezeOnceOpen) {
  MakeYear(2025, core::Stage::kMonitoring);
  MakeYear(2024, core::Stage::kPublished);
  namespace sv = core::survey;
  sv::Survey s;
  s.id = "2025-sat";
  s.year = 2025;
  s.title_zh = "2025 年度社会满意度调查";
  s.groups = {{"citizens", "群众", "Citizens", 0.5}, {"firms", "企业", "Enterprises", 0.5}};
  sv::Question district{"district", sv::QuestionKind::kChoice, "您居住在哪个区？"};
  district.options = {{"D01", "东城区", ""}, {"D02", "西城区", ""}};
  district.margin = "district";
  sv::Question rate{"q1", sv::QuestionKind::kScale, "您对本区政府工作满意吗？"};
  rate.required = true;
  rate.unit_from = "district";
  rate.allow_dont_know = true;
  s.questions = {district, rate};
  s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
  s.margins["citizens"]["district"] = {{"D01", 600000}, {"D02", 400000}};
  s.status = sv::SurveyStatus::kOpen;  // ignored: a new survey is a draft
  auto put = [&](const Actor& who, const sv::Survey& v) {
    return store().Write(who, [&](WriteTx& tx) { return tx.PutSurvey(v); });
  };
  auto status = [&](const Actor& who, sv::SurveyStatus st) {
    return store().Write(who, [&](WriteTx& tx) { return tx.SetSurveyStatus("2025-sat", st); });
  };
  ASSERT_TRUE(put(kAdmin, s).ok());
  auto found = store().FindSurvey("2025-sat");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->status, sv::SurveyStatus::kDraft);
  EXPECT_EQ((*found)->title_zh, s.title_zh);
  ASSERT_EQ((*found)->questions.size(), 2u);
  EXPECT_EQ((*found)->questions[1].unit_from, "district");
  EXPECT_TRUE((*found)->questions[1].allow_dont_know);
  EXPECT_EQ((*found)->questions[0].options[1].label_zh, "西城区");
  EXPECT_EQ((*found)->scale_points.at(4), 80);
  EXPECT_EQ((*found)->margins.at("citizens").at("district").at("D02"), 400000);
  EXPECT_EQ((*found)->groups[1].weight, 0.5);
  EXPECT_FALSE(store().FindSurvey("nope")->has_value());
  EXPECT_EQ(store().ListSurveys(2025)->size(), 1u);
  EXPECT_EQ(store().ListSurveys(0)->size(), 1u);
  EXPECT_TRUE(store().ListSurveys(2024)->empty());

  ASSERT_TRUE(status(kAdmin, sv::SurveyStatus::kOpen).ok());
  // Open: margins may change, the questions may not.
  sv::Survey margins = s;
  margins.margins["citizens"]["district"]["D02"] = 450000;
  EXPECT_TRUE(put(kAdmin, margins).ok());
  EXPECT_EQ(store().FindSurvey("2025-sat")->value().status, sv::SurveyStatus::kOpen);
  const int64_t before = AuditCount();
  sv::Survey questions = margins;
  questions.questions[1].scale_max = 7;
  Status frozen = put(kAdmin, questions);
  EXPECT_EQ(frozen.code(), Code::kFailedPrecondition);
  EXPECT_EQ(frozen.field(), "questions");
  EXPECT_EQ(status(kAdmin, sv::SurveyStatus::kDraft).field(), "status");
  EXPECT_EQ(status(kLead, sv::SurveyStatus::kClosed).code(), Code::kFailedPrecondition);
  sv::Survey bad_id = s;
  bad_id.id = "有空格 id";
  EXPECT_EQ(put(kAdmin, bad_id).field(), "id");
  sv::Survey old_year = s;
  old_year.id = "2024-sat";
  old_year.year = 2024;
  EXPECT_EQ(put(kAdmin, old_year).code(), Code::kFailedPrecondition);
  EXPECT_EQ(AuditCount(), before);
  ASSERT_TRUE(status(kAdmin, sv::SurveyStatus::kClosed).ok());
  ASSERT_TRUE(status(kAdmin, sv::SurveyStatus::kOpen).ok());
  EXPECT_EQ(store().FindSurvey("2025-sat")->value().margins.at("citizens").at("district").at("D02"),
            450000);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 社会评价 results: PutSurveyResults replaces a survey's rows whole (one audit
// record with the rows' hash); stage rule scores on the survey's year;
// refusals (bad rows, wrong role, published year) change nothing.
TEST_P(StoreConformance, SurveyResultsReplacedWholeAndAudited) {
  MakeYear(2025, core::Stage::kYearEnd);
  ASSERT_NO_FATAL_FAILURE(PutSurvey("2025-sat"));
  auto put = [&](const Actor& who, const std::vector<SurveyResultRow>& rows) {
    return store().Write(who, [&](WriteTx& tx) { return tx.PutSurveyResults("2025-sat", rows); });
  };
  EXPECT_TRUE(store().ListSurveyResults("2025-sat")->empty());
  SurveyResultRow unit{"D01", "", 120, 7, 81.5, 1.25, 79.0, 83.9, "", 1700000000};
  SurveyResultRow cell{"D01", "citizens", 120, 7, 81.5, 1.25, 79.0, 83.9, "small_sample", 0};
  SurveyResultRow none{"D02", "", 0, 3, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                       "no_answers", 0};
  const int64_t audit0 = AuditCount();
  ASSERT_TRUE(put(kAdmin, {none, cell, unit}).ok());
  EXPECT_EQ(AuditCount(), audit0 + 1);
  auto rows = store().ListSurveyResults("2025-sat");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);  // by unit, then group ('' first)
  EXPECT_EQ((*rows)[0].group_id, "");
  EXPECT_EQ((*rows)[0].n, 120);
  EXPECT_EQ((*rows)[0].n_dont_know, 7);
  EXPECT_DOUBLE_EQ(*(*rows)[0].score, 81.5);
  EXPECT_DOUBLE_EQ(*(*rows)[0].se, 1.25);
  EXPECT_DOUBLE_EQ(*(*rows)[0].ci_low, 79.0);
  EXPECT_DOUBLE_EQ(*(*rows)[0].ci_high, 83.9);
  EXPECT_EQ((*rows)[0].computed_at, 1700000000);
  EXPECT_EQ((*rows)[1].group_id, "citizens");
  EXPECT_EQ((*rows)[1].warning, "small_sample");
  EXPECT_GT((*rows)[1].computed_at, 0);  // 0 = now
  EXPECT_EQ((*rows)[2].unit_id, "D02");
  EXPECT_FALSE((*rows)[2].score.has_value());
  EXPECT_FALSE((*rows)[2].ci_high.has_value());
  auto audit = store().ListAudit(audit0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "survey.results");
  EXPECT_EQ((*audit)[0].entity, "survey:2025-sat");
  EXPECT_NE((*audit)[0].after.find("content_sha256"), std::string::npos);

  // Replaced whole: D02 disappears.
  unit.score = 70;
  ASSERT_TRUE(put(kAdmin, {unit}).ok());
  rows = store().ListSurveyResults("2025-sat");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_DOUBLE_EQ(*(*rows)[0].score, 70);

  // Refusals change nothing.
  const int64_t audit1 = AuditCount();
  SurveyResultRow bad = unit;
  bad.score = 120;
  EXPECT_EQ(put(kAdmin, {bad}).code(), Code::kInvalidArgument);
  EXPECT_EQ(put(kAdmin, {unit, unit}).code(), Code::kInvalidArgument);
  EXPECT_EQ(put(kLead, {cell}).code(), Code::kFailedPrecondition);
  EXPECT_EQ(store()
                .Write(kAdmin, [&](WriteTx& tx) { return tx.PutSurveyResults("nope", {unit}); })
                .code(),
            Code::kNotFound);
  EXPECT_EQ(AuditCount(), audit1);
  rows = store().ListSurveyResults("2025-sat");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_DOUBLE_EQ(*(*rows)[0].score, 70);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 意见建议: topics replace the year's list in order; opinions are added once
// per (response, question) — a second routing skips them —, listed by unit
// (the unit it is about or the lead department), state and survey, found by
// id and updated; an expert's write is refused by the stage rule; every
// write is audited and a refusal changes nothing.
TEST_P(StoreConformance, OpinionsAreAddedOnceRoutedAndUpdated) {
  MakeYear(2025, core::Stage::kMonitoring);
  ASSERT_NO_FATAL_FAILURE(PutSurvey("2025-sat"));

  std::vector<OpinionTopic> topics = {{"business", "营商环境", "Business", {"营商", "审批"}, "U2"},
                                      {"traffic", "交通", "Traffic", {"公交"}, "U1"}};
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutOpinionTopics(2025, topics); }).ok());
  auto listed_topics = store().ListOpinionTopics(2025);
  ASSERT_TRUE(listed_topics.ok());
  ASSERT_EQ(listed_topics->size(), 2u);
  EXPECT_EQ((*listed_topics)[0].id, "business");
  EXPECT_EQ((*listed_topics)[0].keywords, (std::vector<std::string>{"营商", "审批"}));
  EXPECT_EQ((*listed_topics)[1].lead_unit_id, "U1");
  EXPECT_TRUE(store().ListOpinionTopics(2024)->empty());

  auto opinion = [](int64_t response, const std::string& unit, const std::string& lead,
                    const std::string& text) {
    Opinion o;
    o.year = 2025;
    o.survey_id = "2025-sat";
    o.response_id = response;
    o.question_id = "opinion";
    o.unit_id = unit;
    o.topic_id = lead.empty() ? "" : "business";
    o.lead_unit_id = lead;
    o.text = text;
    return o;
  };
  std::vector<Opinion> batch = {opinion(1, "U1", "U2", "审批太慢"), opinion(2, "U2", "", "很好"),
                                opinion(3, "U1", "", "路灯坏了")};
  int64_t added = 0;
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) -> Status {
                           auto r = tx.AddOpinions(batch);
                           if (!r.ok()) return r.status();
                           added = *r;
                           return Status::Ok();
                         })
                  .ok());
  EXPECT_EQ(added, 3);
  ASSERT_GT(batch[0].id, 0);
  const int64_t after_add = AuditCount();
  // Again, with one new: only the new one is added.
  std::vector<Opinion> again = {opinion(1, "U1", "U2", "审批太慢"), opinion(4, "U2", "", "不错")};
  ASSERT_TRUE(store()
                  .Write(kAdmin,
                         [&](WriteTx& tx) -> Status {
                           auto r = tx.AddOpinions(again);
                           if (!r.ok()) return r.status();
                           added = *r;
                           return Status::Ok();
                         })
                  .ok());
  EXPECT_EQ(added, 1);
  EXPECT_EQ(again[0].id, 0);
  EXPECT_GT(again[1].id, batch[2].id);
  EXPECT_EQ(AuditCount(), after_add + 1);

  OpinionFilter all;
  EXPECT_EQ(store().ListOpinions(2025, all)->size(), 4u);
  OpinionFilter u2;
  u2.unit_id = "U2";  // its own two and the one it leads as the topic's department
  auto of_u2 = store().ListOpinions(2025, u2);
  ASSERT_TRUE(of_u2.ok());
  ASSERT_EQ(of_u2->size(), 3u);
  EXPECT_EQ((*of_u2)[0].text, "审批太慢");
  EXPECT_EQ((*of_u2)[0].lead_unit_id, "U2");
  OpinionFilter page;
  page.after_id = batch[0].id;
  page.limit = 2;
  auto paged = store().ListOpinions(2025, page);
  ASSERT_EQ(paged->size(), 2u);
  EXPECT_EQ((*paged)[0].id, batch[1].id);

  Opinion o = store().FindOpinion(batch[0].id)->value_or(Opinion{});
  EXPECT_EQ(o.state, "routed");
  EXPECT_EQ(o.created_at, clock_.NowUnix());
  o.state = "answered";
  o.answer = "已简化审批流程";
  o.answered_by = "lead_u2";
  o.answered_at = 1234;
  ASSERT_TRUE(store().Write(kLead, [&](WriteTx& tx) { return tx.UpdateOpinion(o); }).ok());
  auto found = store().FindOpinion(batch[0].id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->state, "answered");
  EXPECT_EQ((*found)->answer, "已简化审批流程");
  EXPECT_EQ((*found)->answered_at, 1234);
  OpinionFilter answered;
  answered.state = "answered";
  EXPECT_EQ(store().ListOpinions(2025, answered)->size(), 1u);
  EXPECT_FALSE(store().FindOpinion(999)->has_value());

  const int64_t before = AuditCount();
  const Actor expert{"expert", core::Role::kExpert};
  Opinion closed = o;
  closed.state = "closed";
  EXPECT_EQ(store().Write(expert, [&](WriteTx& tx) { return tx.UpdateOpinion(closed); }).code(),
            Code::kFailedPrecondition);
  closed.state = "lost";
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.UpdateOpinion(closed); }).field(),
            "state");
  Opinion unknown = o;
  unknown.id = 999;
  EXPECT_EQ(store().Write(kAdmin, [&](WriteTx& tx) { return tx.UpdateOpinion(unknown); }).code(),
            Code::kNotFound);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().FindOpinion(o.id)->value().state, "answered");
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// 意见建议 note (migration 0018): the office's note is stored apart from the
// answer, read back by FindOpinion and ListOpinions, and replaced by
// UpdateOpinion like the other fields.
TEST_P(StoreConformance, OpinionNoteIsKeptApartFromTheAnswer) {
  MakeYear(2025, core::Stage::kMonitoring);
  ASSERT_NO_FATAL_FAILURE(PutSurvey("2025-sat"));
  std::vector<Opinion> batch(2);
  for (int i = 0; i < 2; ++i) {
    batch[i].year = 2025;
    batch[i].survey_id = "2025-sat";
    batch[i].response_id = i + 1;
    batch[i].question_id = "opinion";
    batch[i].unit_id = i == 0 ? "U1" : "";
    batch[i].text = i == 0 ? "审批太慢" : "不知道找谁";
  }
  ASSERT_TRUE(
      store().Write(kAdmin, [&](WriteTx& tx) { return tx.AddOpinions(batch).status(); }).ok());
  EXPECT_EQ(store().FindOpinion(batch[0].id)->value().note, "");  // new: no note
  Opinion answered = store().FindOpinion(batch[0].id)->value();
  answered.state = "closed";
  answered.answer = "已压缩审批时限";
  answered.answered_by = "unit_u1";
  answered.note = "经核实已办结";
  answered.closed_by = "office";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.UpdateOpinion(answered); }).ok());
  Opinion dismissed = store().FindOpinion(batch[1].id)->value();
  dismissed.state = "dismissed";
  dismissed.note = "内容与政府工作无关";
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.UpdateOpinion(dismissed); }).ok());
  const Opinion a = store().FindOpinion(batch[0].id)->value();
  EXPECT_EQ(a.answer, "已压缩审批时限");
  EXPECT_EQ(a.note, "经核实已办结");
  const Opinion d = store().FindOpinion(batch[1].id)->value();
  EXPECT_EQ(d.state, "dismissed");
  EXPECT_EQ(d.answer, "");
  EXPECT_EQ(d.note, "内容与政府工作无关");
  OpinionFilter f;
  f.state = "dismissed";
  auto listed = store().ListOpinions(2025, f);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].note, "内容与政府工作无关");
  auto audit = store().ListAudit(AuditCount() - 1, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_NE((*audit)[0].after.find("note_sha256"), std::string::npos);
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// Several surveys in a year (migration 0018): SetSatisfactionSources records
// which survey supplied each unit's satisfaction; another survey's units are
// refused (naming `replace`, the units and the survey) and nothing changes,
// unless replace, audited as survey.satisfaction.replace; the same survey
// again and surveys of different units combine; stage rule scores.
TEST_P(StoreConformance, SatisfactionSourcesCombineAndRefuseAnotherSurveysUnits) {
  MakeYear(2025, core::Stage::kYearEnd);
  for (const char* id : {"sat-a", "sat-b"}) ASSERT_NO_FATAL_FAILURE(PutSurvey(id));
  auto set = [&](const Actor& who, const std::string& survey, std::vector<std::string> units,
                 bool replace) {
    return store().Write(
        who, [&](WriteTx& tx) { return tx.SetSatisfactionSources(survey, units, replace); });
  };
  EXPECT_TRUE(store().ListSatisfactionSources(2025)->empty());
  clock_.Set(1760000000);
  ASSERT_TRUE(set(kAdmin, "sat-a", {"U1"}, false).ok());
  ASSERT_TRUE(set(kAdmin, "sat-b", {"U2"}, false).ok());  // different units: combine
  ASSERT_TRUE(set(kAdmin, "sat-a", {"U1"}, false).ok());  // the same survey again
  auto sources = store().ListSatisfactionSources(2025);
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ((*sources)[0].unit_id, "U1");
  EXPECT_EQ((*sources)[0].survey_id, "sat-a");
  EXPECT_EQ((*sources)[0].applied_by, "admin");
  EXPECT_EQ((*sources)[0].applied_at, 1760000000);
  EXPECT_EQ((*sources)[1].unit_id, "U2");
  EXPECT_EQ((*sources)[1].survey_id, "sat-b");

  const int64_t before = AuditCount();
  Status clash = set(kAdmin, "sat-b", {"U1", "U2"}, false);
  EXPECT_EQ(clash.code(), Code::kFailedPrecondition);
  EXPECT_EQ(clash.field(), "replace");
  EXPECT_NE(clash.message().find("U1"), std::string::npos) << clash.message();
  EXPECT_NE(clash.message().find("'sat-a'"), std::string::npos) << clash.message();
  EXPECT_EQ(clash.message().find("U2"), std::string::npos) << clash.message();     // sat-b's own
  EXPECT_EQ(set(kLead, "sat-a", {"U2"}, true).code(), Code::kFailedPrecondition);  // stage rule
  EXPECT_EQ(set(kAdmin, "nope", {"U1"}, false).code(), Code::kNotFound);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().ListSatisfactionSources(2025)->at(0).survey_id, "sat-a");

  ASSERT_TRUE(set(kAdmin, "sat-b", {"U1", "U2"}, true).ok());
  sources = store().ListSatisfactionSources(2025);
  EXPECT_EQ(sources->at(0).survey_id, "sat-b");
  EXPECT_EQ(sources->at(1).survey_id, "sat-b");
  auto audit = store().ListAudit(before, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "survey.satisfaction.replace");
  EXPECT_EQ((*audit)[0].entity, "survey:sat-b");
  EXPECT_EQ((*audit)[0].before, R"({"replaced":{"U1":"sat-a"}})");
  EXPECT_EQ((*audit)[0].after, R"({"units":["U1","U2"],"year":2025})");
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

// Fieldwork counts of a survey without responses: empty, not an error.
TEST_P(StoreConformance, FieldworkCountsOfASurveyWithoutResponses) {
  MakeYear(2025, core::Stage::kMonitoring);
  ASSERT_NO_FATAL_FAILURE(PutSurvey("2025-sat"));
  auto counts = store().CountFieldwork("2025-sat");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_TRUE(counts->groups.empty());
  EXPECT_TRUE(counts->cells.empty());
  EXPECT_TRUE(
      store().ListResponses("2025-sat", core::survey::ResponseStatus::kFlagged, 0, 10)->empty());
}

// 手工录入 (migration 0019): SetManualSatisfactionSource records "manual"
// (who, when) for the unit; over a survey's unit it is refused (naming
// `replace` and the survey, nothing changes) unless replace, audited as
// satisfaction.manual.replace; cleared leaves no source; a survey applied
// over a hand entry is refused naming it "hand-entered" unless replace;
// stage rule scores.
TEST_P(StoreConformance, ManualSatisfactionSourceIsRecordedAndClashesWithSurveys) {
  MakeYear(2025, core::Stage::kYearEnd);
  core::survey::Survey s;
  s.id = "sat-a";
  s.year = 2025;
  s.title_zh = "满意度调查";
  s.groups = {{"citizens", "群众", "", 1.0}};
  ASSERT_TRUE(store().Write(kAdmin, [&](WriteTx& tx) { return tx.PutSurvey(s); }).ok());
  auto manual = [&](const Actor& who, const std::string& unit, bool cleared, bool replace) {
    return store().Write(who, [&](WriteTx& tx) {
      return tx.SetManualSatisfactionSource(2025, unit, cleared, replace);
    });
  };
  auto survey = [&](std::vector<std::string> units, bool replace) {
    return store().Write(
        kAdmin, [&](WriteTx& tx) { return tx.SetSatisfactionSources("sat-a", units, replace); });
  };
  clock_.Set(1760000100);
  ASSERT_TRUE(manual(kAdmin, "U1", false, false).ok());
  auto sources = store().ListSatisfactionSources(2025);
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].unit_id, "U1");
  EXPECT_EQ((*sources)[0].kind, "manual");
  EXPECT_TRUE((*sources)[0].manual());
  EXPECT_EQ((*sources)[0].survey_id, "");
  EXPECT_EQ((*sources)[0].applied_by, "admin");
  EXPECT_EQ((*sources)[0].applied_at, 1760000100);
  auto audit = store().ListAudit(AuditCount() - 1, 10);
  ASSERT_TRUE(audit.ok() && audit->size() == 1u);
  EXPECT_EQ((*audit)[0].action, "satisfaction.manual");
  EXPECT_EQ((*audit)[0].entity, "satisfaction:2025/U1");
  EXPECT_EQ((*audit)[0].after, R"({"source":"manual","unit_id":"U1","year":2025})");

  // A survey over the hand entry: refused naming U1 and hand-entered.
  int64_t before = AuditCount();
  Status clash = survey({"U1", "U2"}, false);
  EXPECT_EQ(clash.code(), Code::kFailedPrecondition);
  EXPECT_EQ(clash.field(), "replace");
  EXPECT_NE(clash.message().find("U1 hand-entered"), std::string::npos) << clash.message();
  EXPECT_NE(clash.message_zh().find("手工录入"), std::string::npos) << clash.message_zh();
  EXPECT_EQ(manual(kLead, "U2", false, true).code(), Code::kFailedPrecondition);  // stage rule
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().ListSatisfactionSources(2025)->size(), 1u);
  ASSERT_TRUE(survey({"U1", "U2"}, true).ok());
  sources = store().ListSatisfactionSources(2025);
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ((*sources)[0].kind, "survey");
  EXPECT_EQ((*sources)[0].survey_id, "sat-a");
  audit = store().ListAudit(before, 10);
  ASSERT_TRUE(audit.ok() && audit->size() == 1u);
  EXPECT_EQ((*audit)[0].before, R"({"replaced":{"U1":"manual"}})");

  // A hand entry over the survey's unit: refused, then with replace.
  before = AuditCount();
  Status over = manual(kAdmin, "U2", false, false);
  EXPECT_EQ(over.code(), Code::kFailedPrecondition);
  EXPECT_EQ(over.field(), "replace");
  EXPECT_NE(over.message().find("'sat-a'"), std::string::npos) << over.message();
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(store().ListSatisfactionSources(2025)->at(1).survey_id, "sat-a");
  clock_.Set(1760000200);
  ASSERT_TRUE(manual(kAdmin, "U2", false, true).ok());
  sources = store().ListSatisfactionSources(2025);
  EXPECT_EQ(sources->at(1).kind, "manual");
  EXPECT_EQ(sources->at(1).applied_at, 1760000200);
  audit = store().ListAudit(before, 10);
  ASSERT_TRUE(audit.ok() && audit->size() == 1u);
  EXPECT_EQ((*audit)[0].action, "satisfaction.manual.replace");
  EXPECT_EQ((*audit)[0].before, R"({"survey_id":"sat-a"})");

  // Cleared: no source; a hand entry clearing a manual one needs no replace.
  ASSERT_TRUE(manual(kAdmin, "U2", true, false).ok());
  sources = store().ListSatisfactionSources(2025);
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].unit_id, "U1");
  auto v = store().VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

}  // namespace govperf::store::testing
