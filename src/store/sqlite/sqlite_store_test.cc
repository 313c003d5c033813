// Tests of the SQLite store against real database files in a temp directory.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <cmath>
#include <map>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "io/scheme_json.h"
#include "store/audit_chain.h"
#include "store/audit_key.h"
#include "store/audit_replay.h"
#include "store/password.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace govperf::store {
namespace {

using testing::FakeClock;
using testing::RawExec;
using testing::RawQuery;
using testing::TempDir;

const Actor kAdmin{"admin"};

std::unique_ptr<Store> MustOpen(const std::string& path, const Clock& clock) {
  Result<std::unique_ptr<Store>> s = OpenSqliteStore(path, clock);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

int64_t AuditCount(Store& s) {
  Result<AuditVerification> v = s.VerifyAudit();
  EXPECT_TRUE(v.ok());
  return v.ok() ? v->records : -1;
}

// A small scheme that exercises every field, including optional ones.
core::Scheme SampleScheme(int year) {
  core::Scheme s;
  s.year = year;
  core::Category c1{"C1", "区县", "Districts", core::UnitKind::kDistrict, {0.7, 0.2, 0.1}, {},
                    3,    5};
  c1.grades = {{"excellent", "优秀", "Excellent", 90, 0.3},
               {"good", "良好", "Good", 80, std::nullopt},
               {"qualified", "合格", "Qualified", 60, std::nullopt},
               {"unqualified", "不合格", "Unqualified", 0, std::nullopt}};
  core::Category c2{"C2",
                    "综合经济部门",
                    "Economic departments",
                    core::UnitKind::kDepartment,
                    {0.8, 0.15, 0.05},
                    {},
                    2.5,
                    4};
  c2.grades = {{"a", "甲", "A", 85.5, 0.25}, {"b", "乙", "B", 0, std::nullopt}};
  s.categories = {c1, c2};
  s.units = {{"D01", "望川区", "Wangchuan District", "C1", "", core::UnitKind::kDistrict},
             {"D02", "栖云山区", "Qiyunshan District", "C1", "", core::UnitKind::kDistrict},
             {"B01", "发展和改革委员会", "Development and Reform Commission", "C2", "",
              core::UnitKind::kDepartment}};
  core::Indicator l1;
  l1.id = "1";
  l1.level = 1;
  l1.name_zh = "经济发展";
  l1.name_en = "Economy";
  l1.points = 30;
  l1.category_ids = {"C1"};
  core::Indicator leaf;
  leaf.id = "1.1";
  leaf.parent_id = "1";
  leaf.level = 2;
  leaf.name_zh = "地区生产总值增速";
  leaf.name_en = "GDP growth";
  leaf.points = 30;
  leaf.direction = core::Direction::kLowerBetter;
  leaf.unit_of_measure = "%";
  leaf.method = "completion_ratio";
  leaf.params = {{"floor", 0.1}, {"cap", 1.0 / 3.0}};
  leaf.lead_unit_id = "B01";
  leaf.type = core::IndicatorType::kOutput;
  leaf.orientations = {"result", "strategic"};
  leaf.category_ids = {"C1"};
  core::Indicator duty;
  duty.id = "2";
  duty.level = 1;
  duty.name_zh = "职能目标";
  duty.name_en = "Duty";
  duty.points = 100;
  duty.method = "rank_in_category";
  duty.params = {{"mode", 1}, {"min_share", 0.6}};
  duty.type = core::IndicatorType::kProcess;
  duty.unit_ids = {"B01"};
  duty.cumulative = true;
  duty.measurement_error = 0.02;
  duty.formula = "min(x / 100, 1)";
  s.indicators = {l1, leaf, duty};
  s.targets = {{{"1.1", "D01"}, 7.5}, {{"1.1", "D02"}, 0.1 + 0.2}, {{"2", "B01"}, 100}};
  return s;
}

core::YearData SampleData(int year) {
  const std::string y = std::to_string(year);
  core::YearData d;
  d.values = {{"1.1", "D01", y + "-01", 0.6, false, "lead_b01", "", "一月"},
              {"1.1", "D01", y, 7.1, false, "lead_b01", "admin", "year end"},
              {"1.1", "D02", y, std::nullopt, true, "lead_b01", "", "not applicable"},
              {"1.1", "D02", y + "-02", std::nullopt, false, "", "", ""},
              {"2", "B01", y, 1e-17, false, "lead_b01", "", ""}};
  d.satisfaction = {{"D01", 85.25}, {"D02", 60}};
  d.leadership = {{"D01", 90}, {"B01", 77.7}};
  d.satisfaction_se = {{"D01", 1.75}};
  d.inputs = {{"D01", {{"budget", 12000}, {"staff", 310}}}};
  core::Adjustment bonus{"A1",
                         "D01",
                         core::AdjustmentKind::kBonus,
                         0.5,
                         core::VetoEffect::kCapQualified,
                         "省级表彰",
                         "Provincial commendation",
                         "doc-1",
                         "admin",
                         "leader"};
  core::Adjustment veto{"A2",
                        "D02",
                        core::AdjustmentKind::kVeto,
                        0,
                        core::VetoEffect::kFixLowest,
                        "重大安全事故",
                        "Major accident",
                        "",
                        "admin",
                        "leader"};
  d.adjustments = {bonus, veto};
  return d;
}

void ExpectSchemeEq(const core::Scheme& a, const core::Scheme& b) {
  EXPECT_EQ(a.year, b.year);
  ASSERT_EQ(a.categories.size(), b.categories.size());
  for (size_t i = 0; i < a.categories.size(); ++i) {
    const auto& x = a.categories[i];
    const auto& y = b.categories[i];
    SCOPED_TRACE("category " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name_zh, y.name_zh);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.weights.indicator, y.weights.indicator);
    EXPECT_EQ(x.weights.satisfaction, y.weights.satisfaction);
    EXPECT_EQ(x.weights.leadership, y.weights.leadership);
    EXPECT_EQ(x.bonus_cap, y.bonus_cap);
    EXPECT_EQ(x.deduction_cap, y.deduction_cap);
    ASSERT_EQ(x.grades.size(), y.grades.size());
    for (size_t g = 0; g < x.grades.size(); ++g) {
      EXPECT_EQ(x.grades[g].code, y.grades[g].code);
      EXPECT_EQ(x.grades[g].name_zh, y.grades[g].name_zh);
      EXPECT_EQ(x.grades[g].name_en, y.grades[g].name_en);
      EXPECT_EQ(x.grades[g].min_score, y.grades[g].min_score);
      EXPECT_EQ(x.grades[g].max_share, y.grades[g].max_share);
    }
  }
  ASSERT_EQ(a.units.size(), b.units.size());
  for (size_t i = 0; i < a.units.size(); ++i) {
    const auto& x = a.units[i];
    const auto& y = b.units[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name_zh, y.name_zh);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.category_id, y.category_id);
    EXPECT_EQ(x.parent_id, y.parent_id);
    EXPECT_EQ(x.kind, y.kind);
  }
  ASSERT_EQ(a.indicators.size(), b.indicators.size());
  for (size_t i = 0; i < a.indicators.size(); ++i) {
    const auto& x = a.indicators[i];
    const auto& y = b.indicators[i];
    SCOPED_TRACE("indicator " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.parent_id, y.parent_id);
    EXPECT_EQ(x.level, y.level);
    EXPECT_EQ(x.name_zh, y.name_zh);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.points, y.points);
    EXPECT_EQ(x.direction, y.direction);
    EXPECT_EQ(x.unit_of_measure, y.unit_of_measure);
    EXPECT_EQ(x.method, y.method);
    EXPECT_EQ(x.params, y.params);
    EXPECT_EQ(x.lead_unit_id, y.lead_unit_id);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.orientations, y.orientations);
    EXPECT_EQ(x.category_ids, y.category_ids);
    EXPECT_EQ(x.unit_ids, y.unit_ids);
    EXPECT_EQ(x.cumulative, y.cumulative);
    EXPECT_EQ(x.measurement_error, y.measurement_error);
    EXPECT_EQ(x.formula, y.formula);
  }
  EXPECT_EQ(a.targets, b.targets);
}

void ExpectDatumEq(const core::Datum& x, const core::Datum& y) {
  EXPECT_EQ(x.indicator_id, y.indicator_id);
  EXPECT_EQ(x.unit_id, y.unit_id);
  EXPECT_EQ(x.period, y.period);
  EXPECT_EQ(x.value, y.value);
  EXPECT_EQ(x.no_data, y.no_data);
  EXPECT_EQ(x.entered_by, y.entered_by);
  EXPECT_EQ(x.approved_by, y.approved_by);
  EXPECT_EQ(x.note, y.note);
}

void ExpectYearDataEq(const core::YearData& a, const core::YearData& b) {
  ASSERT_EQ(a.values.size(), b.values.size());
  for (size_t i = 0; i < a.values.size(); ++i) ExpectDatumEq(a.values[i], b.values[i]);
  EXPECT_EQ(a.satisfaction, b.satisfaction);
  EXPECT_EQ(a.leadership, b.leadership);
  EXPECT_EQ(a.satisfaction_se, b.satisfaction_se);
  EXPECT_EQ(a.inputs, b.inputs);
  ASSERT_EQ(a.adjustments.size(), b.adjustments.size());
  for (size_t i = 0; i < a.adjustments.size(); ++i) {
    const auto& x = a.adjustments[i];
    const auto& y = b.adjustments[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.unit_id, y.unit_id);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.points, y.points);
    EXPECT_EQ(x.veto_effect, y.veto_effect);
    EXPECT_EQ(x.reason_zh, y.reason_zh);
    EXPECT_EQ(x.reason_en, y.reason_en);
    EXPECT_EQ(x.evidence, y.evidence);
    EXPECT_EQ(x.entered_by, y.entered_by);
    EXPECT_EQ(x.approved_by, y.approved_by);
  }
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("govperf.db");
    store_ = MustOpen(path_, clock_);
    ASSERT_NE(store_, nullptr);
  }
  // A year with the sample scheme saved.
  void SeedYear(int year) {
    ASSERT_TRUE(store_->PutYear(kAdmin, {year, core::Stage::kMonitoring, "", 0}).ok());
    Status st = store_->SaveScheme(kAdmin, SampleScheme(year));
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  TempDir dir_;
  FakeClock clock_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, OpensInWalModeWithMigrationsAppliedOnce) {
  EXPECT_EQ(RawQuery(path_, "PRAGMA journal_mode"), "wal");
  // Every migration the binary knows, once (the count follows the files).
  const std::string all = std::to_string(sqlite::Migrations().size());
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM schema_version"), all);
  EXPECT_EQ(RawQuery(path_, "SELECT name FROM schema_version WHERE version = 1"), "0001_init.sql");
  EXPECT_EQ(RawQuery(path_, "SELECT name FROM schema_version WHERE version = 2"),
            "0002_indicator_cumulative.sql");
  SeedYear(2025);
  store_.reset();
  // Reopening applies nothing again and keeps the data.
  store_ = MustOpen(path_, clock_);
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM schema_version"), all);
  EXPECT_TRUE(store_->LoadScheme(2025).ok());
  // A second store on the same file at the same time works too (WAL).
  auto other = MustOpen(path_, clock_);
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->PutYear(kAdmin, {2026, core::Stage::kDraft, "", 0}).ok());
  EXPECT_EQ(store_->ListYears()->size(), 2u);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromTheFuture) {
  store_.reset();
  ASSERT_EQ(RawExec(path_, "INSERT INTO schema_version VALUES (999, 'x', 'now')"), SQLITE_OK);
  Result<std::unique_ptr<Store>> s = OpenSqliteStore(path_, clock_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("999"), std::string::npos);
}

TEST_F(SqliteStoreTest, UsersRoundTripAndAuditNeverHoldsHashes) {
  User u{"unit_d01", "望川区", kRoleUnit, "D01", "$argon2id$secret-hash", true};
  ASSERT_TRUE(store_->PutUser(kAdmin, u).ok());
  auto found = store_->FindUser("unit_d01");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->display_name, "望川区");
  EXPECT_EQ((*found)->role, core::Role::kUnit);
  EXPECT_EQ((*found)->unit_id, "D01");
  EXPECT_EQ((*found)->password_hash, "$argon2id$secret-hash");
  EXPECT_TRUE((*found)->active);
  EXPECT_FALSE(store_->FindUser("nobody")->has_value());

  u.active = false;
  u.password_hash = "$argon2id$other-hash";
  ASSERT_TRUE(store_->PutUser(kAdmin, u).ok());
  EXPECT_FALSE((*store_->FindUser("unit_d01"))->active);
  EXPECT_EQ(store_->ListUsers()->size(), 1u);

  auto audit = store_->ListAudit(0, 100);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  for (const auto& r : *audit) {
    EXPECT_EQ(r.action, "user.put");
    EXPECT_EQ(r.entity, "user:unit_d01");
    EXPECT_EQ(r.actor, "admin");
    EXPECT_EQ(r.before.find("hash"), std::string::npos) << r.before;
    EXPECT_EQ(r.after.find("secret"), std::string::npos) << r.after;
    EXPECT_EQ(r.after.find("other-hash"), std::string::npos) << r.after;
  }
  EXPECT_EQ((*audit)[0].before, "");
  EXPECT_NE((*audit)[1].after.find("\"password_changed\":true"), std::string::npos);
  EXPECT_EQ((*audit)[0].at, "2026-01-01T00:00:00Z");
}

TEST_F(SqliteStoreTest, PutUserRejectsBadInput) {
  EXPECT_EQ(store_->PutUser(kAdmin, {"", "x", kRoleAdmin, "", "h", true}).code(),
            Code::kInvalidArgument);
  Status st = store_->PutUser(kAdmin, {"x", "x", core::Role::kSystem, "", "h", true});
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_NE(st.message().find("role"), std::string::npos);
  EXPECT_EQ(store_->PutUser(kAdmin, {"x", "x", kRoleLead, "", "h", true}).code(),
            Code::kInvalidArgument);
  EXPECT_EQ(AuditCount(*store_), 0);
}

TEST_F(SqliteStoreTest, SessionsExpireByTheInjectedClock) {
  ASSERT_TRUE(store_->PutUser(kAdmin, {"admin", "绩效办", kRoleAdmin, "", "h", true}).ok());
  const std::string token = NewToken();
  const std::string token_hash = Sha256Hex(token);
  const int64_t now = clock_.NowUnix();
  ASSERT_TRUE(store_->CreateSession({"admin"}, {token_hash, "admin", now, now + 100}).ok());

  auto s = store_->FindSession(token_hash);
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->username, "admin");
  EXPECT_EQ((*s)->expires_at, now + 100);
  clock_.Advance(99);
  EXPECT_TRUE(store_->FindSession(token_hash)->has_value());
  clock_.Advance(1);
  EXPECT_FALSE(store_->FindSession(token_hash)->has_value());
  // The row is gone after the next login purges expired sessions.
  ASSERT_TRUE(
      store_->CreateSession({"admin"}, {Sha256Hex("t2"), "admin", now + 100, now + 200}).ok());
  EXPECT_EQ(RawQuery(path_, "SELECT COUNT(*) FROM sessions"), "1");

  EXPECT_EQ(store_->CreateSession({"x"}, {"h3", "nobody", now, now + 1}).code(), Code::kNotFound);
  EXPECT_EQ(store_->CreateSession({"x"}, {"h4", "admin", now, now}).code(), Code::kInvalidArgument);
}

TEST_F(SqliteStoreTest, LoginAndLogoutAreAuditedWithoutTheToken) {
  ASSERT_TRUE(store_->PutUser(kAdmin, {"admin", "绩效办", kRoleAdmin, "", "h", true}).ok());
  const std::string token_hash = Sha256Hex(NewToken());
  const int64_t now = clock_.NowUnix();
  ASSERT_TRUE(store_->CreateSession({"admin"}, {token_hash, "admin", now, now + 100}).ok());
  ASSERT_TRUE(store_->DeleteSession({"admin"}, token_hash).ok());
  EXPECT_FALSE(store_->FindSession(token_hash)->has_value());
  EXPECT_EQ(store_->DeleteSession({"admin"}, token_hash).code(), Code::kNotFound);

  auto audit = store_->ListAudit(1, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "login");
  EXPECT_EQ((*audit)[1].action, "logout");
  for (const auto& r : *audit) {
    EXPECT_EQ(r.entity, "user:admin");
    EXPECT_EQ(r.before.find(token_hash), std::string::npos);
    EXPECT_EQ(r.after.find(token_hash), std::string::npos);
  }
}

TEST_F(SqliteStoreTest, YearsListAscendingAndPublishingStamps) {
  ASSERT_TRUE(store_->PutYear(kAdmin, {2026, core::Stage::kMonitoring, "", 0}).ok());
  ASSERT_TRUE(
      store_->PutYear(kAdmin, {2024, core::Stage::kPublished, "2025-03-01T00:00:00Z", 0}).ok());
  ASSERT_TRUE(store_->PutYear(kAdmin, {2025, core::Stage::kPublished, "", 0}).ok());
  auto years = store_->ListYears();
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 3u);
  EXPECT_EQ((*years)[0].year, 2024);
  EXPECT_EQ((*years)[0].published_at, "2025-03-01T00:00:00Z");
  EXPECT_EQ((*years)[1].published_at, "2026-01-01T00:00:00Z");  // stamped by the clock
  EXPECT_EQ((*years)[2].stage, core::Stage::kMonitoring);
  EXPECT_EQ(store_->PutYear(kAdmin, {99999, core::Stage::kDraft, "", 0}).code(),
            Code::kInvalidArgument);
  EXPECT_EQ(store_->PutYear(kAdmin, {2027, core::Stage::kDraft, "2026-01-01T00:00:00Z", 0}).code(),
            Code::kInvalidArgument);
  EXPECT_EQ(AuditCount(*store_), 3);
}

TEST_F(SqliteStoreTest, SchemeRoundTripsFieldByField) {
  SeedYear(2025);
  auto loaded = store_->LoadScheme(2025);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ExpectSchemeEq(SampleScheme(2025), *loaded);
  EXPECT_EQ(store_->LoadScheme(2024).status().code(), Code::kNotFound);
}

TEST_F(SqliteStoreTest, SaveSchemeCreatesADraftYearAndReplacesWhole) {
  ASSERT_TRUE(store_->SaveScheme(kAdmin, SampleScheme(2027)).ok());
  auto years = store_->ListYears();
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].stage, core::Stage::kDraft);

  core::Scheme smaller = SampleScheme(2027);
  smaller.units.pop_back();  // B01
  smaller.indicators.pop_back();
  smaller.targets.erase({"2", "B01"});
  smaller.categories[0].grades.pop_back();
  ASSERT_TRUE(store_->SaveScheme(kAdmin, smaller).ok());
  ExpectSchemeEq(smaller, *store_->LoadScheme(2027));

  auto audit = store_->ListAudit(0, 10);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "scheme.save");
  EXPECT_EQ((*audit)[1].entity, "scheme:2027");
  auto before = nlohmann::json::parse((*audit)[1].before);
  auto after = nlohmann::json::parse((*audit)[1].after);
  EXPECT_EQ(before["units"], 3);
  EXPECT_EQ(after["units"], 2);
  EXPECT_EQ(after["leaves"], 1);
  EXPECT_EQ(after["sha256"].get<std::string>().size(), 64u);
}

TEST_F(SqliteStoreTest, SaveSchemeRejectsBadShapeAndOrphaningData) {
  core::Scheme bad = SampleScheme(2025);
  bad.targets[{"1.1", "D99"}] = 1;
  Status st = store_->SaveScheme(kAdmin, bad);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_NE(st.message().find("D99"), std::string::npos);
  bad = SampleScheme(2025);
  bad.units[1].category_id = "C9";
  EXPECT_EQ(store_->SaveScheme(kAdmin, bad).code(), Code::kInvalidArgument);
  EXPECT_EQ(AuditCount(*store_), 0);

  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  const int64_t n = AuditCount(*store_);
  core::Scheme without_d02 = SampleScheme(2025);
  without_d02.units.erase(without_d02.units.begin() + 1);
  without_d02.targets.erase({"1.1", "D02"});
  st = store_->SaveScheme(kAdmin, without_d02);
  EXPECT_EQ(st.code(), Code::kFailedPrecondition) << st.ToString();
  EXPECT_NE(st.message().find("D02"), std::string::npos);
  EXPECT_EQ(AuditCount(*store_), n);
  ExpectSchemeEq(SampleScheme(2025), *store_->LoadScheme(2025));
}

TEST_F(SqliteStoreTest, YearDataRoundTripsFieldByField) {
  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  auto loaded = store_->LoadYearData(2025);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ExpectYearDataEq(SampleData(2025), *loaded);
  EXPECT_EQ(store_->LoadYearData(2019).status().code(), Code::kNotFound);
  auto audit = store_->ListAudit(0, 100);
  EXPECT_EQ(audit->back().action, "year_data.save");
  EXPECT_EQ(nlohmann::json::parse(audit->back().after)["values"], 5);
}

// The before-image of a whole-data save is hashed from the stored rows as
// they are read; it must name the same content as the after-image of the save
// that stored them (the document hash, as records written before streaming did).
TEST_F(SqliteStoreTest, YearDataSaveAuditHashesMatchAcrossSavesAndTheChainVerifies) {
  SeedYear(2025);
  const core::YearData first = SampleData(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, first).ok());
  core::YearData second = first;
  second.values.front().value = 42;
  second.values.back().note = "第二次";
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, second).ok());
  auto audit = store_->ListAudit(0, 100);
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 2u);
  const AuditRecord& a = (*audit)[audit->size() - 2];
  const AuditRecord& b = audit->back();
  ASSERT_EQ(a.action, "year_data.save");
  ASSERT_EQ(b.action, "year_data.save");
  EXPECT_EQ(a.before, "");  // nothing stored yet
  const auto a_after = nlohmann::json::parse(a.after);
  const auto b_before = nlohmann::json::parse(b.before);
  const auto b_after = nlohmann::json::parse(b.after);
  EXPECT_EQ(a_after, b_before);
  EXPECT_EQ(a_after["sha256"], Sha256Hex(io::YearDataToJson(first).dump()));
  EXPECT_EQ(b_after["sha256"], Sha256Hex(io::YearDataToJson(second).dump()));
  EXPECT_NE(b_after["sha256"], b_before["sha256"]);
  EXPECT_EQ(b_before["values"], first.values.size());
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
}

TEST_F(SqliteStoreTest, FailedSaveYearDataLeavesOldDataAndNoAudit) {
  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  const int64_t n = AuditCount(*store_);
  core::YearData bad = SampleData(2025);
  bad.values.front().value = 1;  // a change that must not land
  bad.values.push_back({"1.1", "D77", "2025", 1.0, false, "", "", ""});
  Status st = store_->SaveYearData(kAdmin, 2025, bad);
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_NE(st.message().find("values[5].unit_id"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("D77"), std::string::npos);
  ExpectYearDataEq(SampleData(2025), *store_->LoadYearData(2025));
  EXPECT_EQ(AuditCount(*store_), n);

  bad = SampleData(2025);
  bad.values.push_back(bad.values.front());
  EXPECT_EQ(store_->SaveYearData(kAdmin, 2025, bad).code(), Code::kInvalidArgument);
  bad = SampleData(2025);
  bad.satisfaction["D01"] = 101;
  EXPECT_EQ(store_->SaveYearData(kAdmin, 2025, bad).code(), Code::kInvalidArgument);
  bad = SampleData(2025);
  bad.adjustments[1].unit_id = "ZZ";
  EXPECT_EQ(store_->SaveYearData(kAdmin, 2025, bad).code(), Code::kNotFound);
  EXPECT_EQ(AuditCount(*store_), n);
  ExpectYearDataEq(SampleData(2025), *store_->LoadYearData(2025));
}

TEST_F(SqliteStoreTest, PutDatumInsertsUpdatesAndAuditsBeforeAfter) {
  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  core::Datum d{"1.1", "D01", "2025", 7.4, false, "lead_b01", "", "revised"};
  clock_.Advance(60);
  ASSERT_TRUE(store_->PutDatum({"lead_b01"}, 2025, d).ok());
  core::Datum fresh{"1.1", "D02", "2025-03", 0.9, false, "lead_b01", "", ""};
  ASSERT_TRUE(store_->PutDatum({"lead_b01"}, 2025, fresh).ok());

  auto data = store_->LoadYearData(2025);
  ASSERT_TRUE(data.ok());
  ASSERT_EQ(data->values.size(), 6u);
  ExpectDatumEq(data->values[1], d);      // updated in place, order kept
  ExpectDatumEq(data->values[5], fresh);  // appended

  auto audit = store_->ListAudit(0, 100);
  const auto& upd = (*audit)[audit->size() - 2];
  EXPECT_EQ(upd.action, "datum.put");
  EXPECT_EQ(upd.actor, "lead_b01");
  EXPECT_EQ(upd.entity, "datum:2025/1.1/D01/2025");
  EXPECT_EQ(upd.at, "2026-01-01T00:01:00Z");
  EXPECT_EQ(nlohmann::json::parse(upd.before)["value"], 7.1);
  EXPECT_EQ(nlohmann::json::parse(upd.after)["value"], 7.4);
  EXPECT_EQ(nlohmann::json::parse(upd.after)["note"], "revised");
  EXPECT_EQ(audit->back().before, "");
}

TEST_F(SqliteStoreTest, PutDatumRejectsUnknownsAndBadPeriodsChangingNothing) {
  SeedYear(2025);
  const int64_t n = AuditCount(*store_);
  auto put = [&](int year, core::Datum d) { return store_->PutDatum(kAdmin, year, d); };
  Status st = put(2031, {"1.1", "D01", "2031", 1.0});
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_NE(st.message().find("2031"), std::string::npos);
  st = put(2025, {"9.9", "D01", "2025", 1.0});
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_NE(st.message().find("'9.9'"), std::string::npos) << st.message();
  st = put(2025, {"1.1", "X1", "2025", 1.0});
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_NE(st.message().find("'X1'"), std::string::npos);
  for (const char* period : {"2024", "2025-13", "2025-00", "2025-1", "2024-05", "25", "", "2025-0a",
                             "2025/03", "2025-03-01"}) {
    st = put(2025, {"1.1", "D01", period, 1.0});
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << period;
    EXPECT_EQ(st.message().rfind("period", 0), 0u) << st.message();
  }
  EXPECT_EQ(put(2025, {"1", "D01", "2025", 1.0}).code(), Code::kInvalidArgument);    // not a leaf
  EXPECT_EQ(put(2025, {"1.1", "B01", "2025", 1.0}).code(), Code::kInvalidArgument);  // n/a
  EXPECT_EQ(put(2025, {"1.1", "D01", "2025", 1.0, true}).code(), Code::kInvalidArgument);
  EXPECT_EQ(put(2025, {"1.1", "D01", "2025", std::nan("")}).code(), Code::kInvalidArgument);
  EXPECT_EQ(AuditCount(*store_), n);
  EXPECT_TRUE(store_->LoadYearData(2025)->values.empty());
  EXPECT_TRUE(put(2025, {"1.1", "D01", "2025-12", 1.0}).ok());
  EXPECT_TRUE(put(2025, {"1.1", "D01", "2025-01", std::nullopt, true}).ok());
}

TEST_F(SqliteStoreTest, AuditChainVerifiesAndPagesInOrder) {
  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  for (int m = 1; m <= 5; ++m) {
    char period[8];
    std::snprintf(period, sizeof period, "2025-%02d", m);
    ASSERT_TRUE(store_->PutDatum(kAdmin, 2025, {"1.1", "D01", period, m * 1.0}).ok());
  }
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  EXPECT_EQ(v->records, 8);
  EXPECT_EQ(v->first_bad_id, 0);

  auto page1 = store_->ListAudit(0, 3);
  auto page2 = store_->ListAudit(3, 100);
  ASSERT_EQ(page1->size(), 3u);
  ASSERT_EQ(page2->size(), 5u);
  EXPECT_EQ((*page1)[0].prev_hash, kGenesisHash);
  EXPECT_EQ((*page2)[0].id, 4);
  EXPECT_EQ((*page2)[0].prev_hash, (*page1)[2].hash);
  // The chain is keyed from its first record: the key file next to the
  // database gives the hashes, plain SHA-256 does not.
  auto key = ReadAuditKey(AuditKeyPath(path_));
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->keyed_from, 1);
  EXPECT_EQ(v->keyed_from, 1);
  EXPECT_EQ(v->head_id, 8);
  EXPECT_EQ(v->head_hash, (*page2)[4].hash);
  for (const auto& r : *page2) {
    EXPECT_EQ(AuditHash(r, *key), r.hash);
    EXPECT_NE(AuditHash(r), r.hash);
  }
}

TEST_F(SqliteStoreTest, TamperingWithTheAuditLogIsFound) {
  SeedYear(2025);
  ASSERT_TRUE(store_->SaveYearData(kAdmin, 2025, SampleData(2025)).ok());
  ASSERT_TRUE(store_->PutDatum(kAdmin, 2025, {"1.1", "D01", "2025", 9.9}).ok());
  ASSERT_TRUE(store_->VerifyAudit()->ok);

  // Rewrite history: who changed the value.
  ASSERT_EQ(RawExec(path_, "UPDATE audit_log SET actor = 'someone_else' WHERE id = 4"), SQLITE_OK);
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_id, 4);
  EXPECT_NE(v->message.find("hash"), std::string::npos);
  ASSERT_EQ(RawExec(path_, "UPDATE audit_log SET actor = 'admin' WHERE id = 4"), SQLITE_OK);
  EXPECT_TRUE(store_->VerifyAudit()->ok);

  // Recomputing one record's hash (even with the key) is not enough: the
  // next record's prev_hash breaks.
  auto recs = store_->ListAudit(0, 10);
  AuditRecord r = (*recs)[1];
  r.after = R"({"forged":true})";
  const std::string forged = AuditHash(r, *ReadAuditKey(AuditKeyPath(path_)));
  ASSERT_EQ(RawExec(path_, "UPDATE audit_log SET after_json = '{\"forged\":true}', hash = '" +
                               forged + "' WHERE id = 2"),
            SQLITE_OK);
  v = store_->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_id, 3);

  // Deleting a record in the middle is found at the gap.
  TempDir other;
  const std::string p2 = other.File("b.db");
  auto s2 = MustOpen(p2, clock_);
  for (int y : {2021, 2022, 2023})
    ASSERT_TRUE(s2->PutYear(kAdmin, {y, core::Stage::kDraft, "", 0}).ok());
  ASSERT_EQ(RawExec(p2, "DELETE FROM audit_log WHERE id = 2"), SQLITE_OK);
  v = s2->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_id, 3);
}

// Without the key, rewriting a record and recomputing every later hash (all
// one needed against a plain SHA-256 chain) is found at the edited record.
TEST_F(SqliteStoreTest, RewritingTheChainWithoutTheKeyIsFound) {
  SeedYear(2025);
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(store_->PutDatum(kAdmin, 2025, {"1.1", "D01", "2025", 1.0 + i}).ok());
  }
  auto before = store_->VerifyAudit();
  ASSERT_TRUE(before->ok);
  const std::string anchor = before->head_hash;  // as a certificate or the log would carry it
  EXPECT_EQ(*store_->FindAuditHash(anchor), std::optional<int64_t>(before->head_id));

  auto recs = *store_->ListAudit(0, 100);
  std::string prev = kGenesisHash;
  for (size_t i = 0; i < recs.size(); ++i) {
    AuditRecord r = recs[i];
    r.prev_hash = prev;
    if (i == 2) r.actor = "someone_else";
    r.hash = AuditHash(r);  // plain SHA-256: what an attacker without the key can compute
    ASSERT_EQ(RawExec(path_, "UPDATE audit_log SET actor = '" + r.actor + "', prev_hash = '" +
                                 r.prev_hash + "', hash = '" + r.hash +
                                 "' WHERE id = " + std::to_string(r.id)),
              SQLITE_OK);
    prev = r.hash;
  }
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_id, 1);  // the very first rewritten hash lacks the key
  EXPECT_NE(v->message.find("keyed hash"), std::string::npos) << v->message;
  EXPECT_FALSE(store_->FindAuditHash(anchor)->has_value());  // the anchored head is gone
}

// A database whose key file is lost gets a new key from the next record on,
// and that record says so. The records written under the lost key can no
// longer be proven: verification says so instead of passing them.
TEST_F(SqliteStoreTest, ALostKeyFileStartsANewKeyAndSaysSo) {
  SeedYear(2025);
  const int64_t head = store_->VerifyAudit()->head_id;
  store_.reset();
  ASSERT_EQ(std::remove(AuditKeyPath(path_).c_str()), 0);
  store_ = MustOpen(path_, clock_);
  auto key = ReadAuditKey(AuditKeyPath(path_));
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->keyed_from, head + 1);
  auto v = store_->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_id, 1);
  EXPECT_NE(v->message.find("predate the current audit key"), std::string::npos) << v->message;
  EXPECT_EQ(v->keyed_from, head + 1);
  auto last = store_->ListAudit(head, 10);
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ((*last)[0].action, "audit.rekey");
  struct stat st {};
  ASSERT_EQ(::stat(AuditKeyPath(path_).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

// Rows changed behind the store's back (an UPDATE on the file) no longer
// match their last audited state: the replay names each row and field.
TEST_F(SqliteStoreTest, ReplayNamesRowsChangedBehindTheStoresBack) {
  SeedYear(2025);
  User u{"unit_d01", "望川区", kRoleUnit, "D01", "$argon2id$h", true};
  ASSERT_TRUE(store_->PutUser(kAdmin, u).ok());
  ASSERT_TRUE(store_->PutDatum(kAdmin, 2025, {"1.1", "D01", "2025", 9.5}).ok());
  ASSERT_TRUE(store_->PutDatum(kAdmin, 2025, {"1.1", "D02", "2025", 7.0}).ok());
  auto clean = ReplayAudit(*store_);
  ASSERT_TRUE(clean.ok()) << clean.status().ToString();
  EXPECT_TRUE(clean->differences.empty());
  EXPECT_GE(clean->rows, 5);  // the user, the year, two values, the scheme

  ASSERT_EQ(RawExec(path_, "UPDATE users SET role = 'admin' WHERE username = 'unit_d01'"),
            SQLITE_OK);
  ASSERT_EQ(RawExec(path_, "UPDATE data_values SET value = 10 WHERE unit_id = 'D02' AND "
                           "indicator_id = '1.1' AND period = '2025'"),
            SQLITE_OK);
  ASSERT_EQ(RawExec(path_, "UPDATE years SET status = 'published' WHERE year = 2025"), SQLITE_OK);
  auto r = ReplayAudit(*store_);
  ASSERT_TRUE(r.ok());
  std::map<std::string, ReplayDifference> by;
  for (const auto& d : r->differences) by[d.entity + " " + d.field] = d;
  ASSERT_EQ(by.size(), 3u) << r->differences.size();
  EXPECT_EQ(by.at("user:unit_d01 role").audited, "\"unit\"");
  EXPECT_EQ(by.at("user:unit_d01 role").current, "\"admin\"");
  EXPECT_EQ(by.at("datum:2025/1.1/D02/2025 value").audited, "7.0");
  EXPECT_EQ(by.at("datum:2025/1.1/D02/2025 value").current, "10.0");
  EXPECT_EQ(by.at("year:2025 status").current, "\"published\"");
  // The chain itself is intact: only the replay sees these edits.
  EXPECT_TRUE(store_->VerifyAudit()->ok);
}

TEST_F(SqliteStoreTest, ConcurrentWritersFromTwoConnectionsKeepTheChain) {
  SeedYear(2025);
  auto other = MustOpen(path_, clock_);
  ASSERT_NE(other, nullptr);
  constexpr int kWrites = 25;
  auto writer = [](Store* s, const char* unit) {
    for (int i = 0; i < kWrites; ++i) {
      Status st = s->PutDatum({"w"}, 2025, {"1.1", unit, "2025", i * 1.0});
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
  };
  std::thread a(writer, store_.get(), "D01");
  std::thread b(writer, other.get(), "D02");
  a.join();
  b.join();
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  EXPECT_EQ(v->records, 2 + 2 * kWrites);
}

TEST(StoreAuditHash, CanonicalFormIsLengthPrefixed) {
  AuditRecord a;
  a.prev_hash = "p";
  a.at = "t";
  a.actor = "ab";
  a.action = "c";
  AuditRecord b = a;
  b.actor = "a";
  b.action = "bc";  // same concatenation without lengths
  EXPECT_NE(AuditCanonical(a), AuditCanonical(b));
  EXPECT_NE(AuditHash(a), AuditHash(b));
  EXPECT_EQ(AuditCanonical(a), "govperf-audit-v1\n1:p\n1:t\n2:ab\n1:c\n0:\n0:\n0:\n");
}

// Migration 0019 on a database left at 0018 with rows shaped as the code
// before 0018 wrote them: a dismissal's reason and an unanswered opinion's
// close note were stored as the answer (answered_by = closed_by, answered_at
// = closed_at). They move to the note; a unit's answer, an opinion already
// with a note and open opinions stay as they are; a survey-supplied
// satisfaction source survives the table's rebuild as kind "survey".
TEST(SqliteMigrationTest, Migration0019MovesOldOfficeWordsToTheNoteAndKeepsSources) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    auto exec = [&](const std::string& sql) {
      const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
      EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << sql.substr(0, 200);
      sqlite3_free(err);
      err = nullptr;
    };
    exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const sqlite::Migration& m : sqlite::Migrations()) {
      if (m.version > 18) break;
      exec(m.sql);
      exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) + ", '" + m.name +
           "', 'then')");
    }
    exec("INSERT INTO years (year, status) VALUES (2025, 'monitoring')");
    exec(
        "INSERT INTO surveys (id, year, title_zh, status, definition, content_sha256, "
        "created_by, updated_at) VALUES ('sat', 2025, '满意度调查', 'closed', '{}', 'x', "
        "'office', 1)");
    const std::string cols =
        "INSERT INTO survey_opinions (id, year, survey_id, response_id, question_id, unit_id, "
        "text, state, answer, answered_by, answered_at, closed_by, closed_at, note, created_at) "
        "VALUES ";
    // 1: dismissed before 0018 — the reason in the answer.
    exec(cols +
         "(1, 2025, 'sat', 1, 'q', 'D01', '广告', 'dismissed', '与政府工作无关', "
         "'office', 100, 'office', 100, '', 50)");
    // 2: closed unanswered before 0018 — the close note in the answer.
    exec(cols +
         "(2, 2025, 'sat', 2, 'q', 'D01', '路灯坏了', 'closed', '已转交城管局', "
         "'office', 200, 'office', 200, '', 50)");
    // 3: a unit's answer, then closed: the answer stays.
    exec(cols +
         "(3, 2025, 'sat', 3, 'q', 'D01', '垃圾清运', 'closed', '已增加清运班次', "
         "'unit_d01', 150, 'office', 300, '', 50)");
    // 4: dismissed after 0018 with a note, an answer kept: untouched.
    exec(cols +
         "(4, 2025, 'sat', 4, 'q', 'D01', '重复', 'dismissed', '已答复', "
         "'unit_d01', 160, 'office', 310, '与第 3 条重复', 50)");
    // 5: answered, still open: untouched.
    exec(cols +
         "(5, 2025, 'sat', 5, 'q', 'D01', '停车难', 'answered', '正在规划', "
         "'unit_d01', 170, '', 0, '', 50)");
    exec("INSERT INTO survey_satisfaction_sources VALUES (2025, 'D01', 'sat', 'office', 400)");
    sqlite3_close(db);
  }
  FakeClock clock;
  auto store = MustOpen(path, clock);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(RawQuery(path, "SELECT MAX(version) FROM schema_version"),
            std::to_string(sqlite::Migrations().back().version));
  auto opinion = [&](int64_t id) {
    auto o = store->FindOpinion(id);
    EXPECT_TRUE(o.ok() && o->has_value());
    return o.ok() && o->has_value() ? **o : Opinion{};
  };
  const Opinion o1 = opinion(1), o2 = opinion(2), o3 = opinion(3), o4 = opinion(4), o5 = opinion(5);
  EXPECT_EQ(o1.note, "与政府工作无关");
  EXPECT_EQ(o1.answer, "");
  EXPECT_EQ(o1.answered_by, "");
  EXPECT_EQ(o1.answered_at, 0);
  EXPECT_EQ(o1.closed_by, "office");
  EXPECT_EQ(o1.closed_at, 100);
  EXPECT_EQ(o2.note, "已转交城管局");
  EXPECT_EQ(o2.answer, "");
  EXPECT_EQ(o2.state, "closed");
  EXPECT_EQ(o3.answer, "已增加清运班次");
  EXPECT_EQ(o3.answered_by, "unit_d01");
  EXPECT_EQ(o3.note, "");
  EXPECT_EQ(o4.answer, "已答复");
  EXPECT_EQ(o4.note, "与第 3 条重复");
  EXPECT_EQ(o5.answer, "正在规划");
  EXPECT_EQ(o5.note, "");
  auto sources = store->ListSatisfactionSources(2025);
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].unit_id, "D01");
  EXPECT_EQ((*sources)[0].survey_id, "sat");
  EXPECT_EQ((*sources)[0].kind, "survey");
  EXPECT_EQ((*sources)[0].applied_by, "office");
  EXPECT_EQ((*sources)[0].applied_at, 400);
  // The rebuilt table keeps its rules: a manual row has no survey.
  EXPECT_NE(RawExec(path,
                    "INSERT INTO survey_satisfaction_sources VALUES (2025, 'D02', "
                    "'manual', 'sat', 'office', 1)"),
            SQLITE_OK);
  EXPECT_EQ(RawExec(path,
                    "INSERT INTO survey_satisfaction_sources VALUES (2025, 'D02', "
                    "'manual', NULL, 'office', 1)"),
            SQLITE_OK);
}

}  // namespace
}  // namespace govperf::store
