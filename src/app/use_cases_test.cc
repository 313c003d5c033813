// The use cases against a real SQLite store in a temp dir: starting from
// nothing, login throttling, the registry's hold on schemes, stage moves,
// limits, and the results service under concurrent callers.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "app/auth.h"
#include "app/install.h"
#include "app/org.h"
#include "app/results/year_cache.h"
#include "app/users.h"
#include "app/year_inputs.h"
#include "app/years.h"
#include "store/store_testing.h"

namespace govperf::app {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

constexpr const char* kGoodPassword = "Init-admin-2026!";

class UseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("office.db"), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    ASSERT_TRUE(InitInstallation(*store_, "admin", kGoodPassword, "绩效办").ok());
    admin_ = Caller{"admin", core::Role::kAdmin, "", "10.0.0.1"};
  }

  // Category D with units D01..D03; year 2026 opened empty with a two-leaf scheme imported.
  void OfficeWithYear() {
    ASSERT_TRUE(CreateCategory(*store_, admin_, {"D", "区县", "Districts", "district", {}}).ok());
    for (const char* id : {"D01", "D02", "D03"}) {
      UnitInput u;
      u.id = id;
      u.name_zh = std::string("区") + id;
      u.category_id = "D";
      u.kind = "district";
      ASSERT_TRUE(CreateUnit(*store_, admin_, u).ok());
    }
    auto opened = OpenYear(*store_, admin_, 2026, std::nullopt);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    EXPECT_EQ(opened->units, 3u);
    EXPECT_EQ(opened->leaves, 0u);
    auto scheme = store_->LoadScheme(2026);
    ASSERT_TRUE(scheme.ok());
    core::Indicator root;
    root.id = "1";
    root.name_zh = "发展";
    root.points = 20;
    scheme->indicators.push_back(root);
    for (const char* id : {"1.1", "1.2"}) {
      core::Indicator leaf;
      leaf.id = id;
      leaf.parent_id = "1";
      leaf.level = 2;
      leaf.name_zh = id;
      leaf.points = 10;
      leaf.method = "completion_ratio";
      leaf.lead_unit_id = "D01";
      leaf.category_ids = {"D"};
      scheme->indicators.push_back(leaf);
      for (const char* u : {"D01", "D02", "D03"}) scheme->targets[{id, u}] = 100;
    }
    auto imported = ImportScheme(*store_, admin_, 2026, *scheme);
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    EXPECT_EQ(imported->leaves, 2u);
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  Caller admin_;
};

TEST_F(UseCases, InitMakesOneAdminOnceAndRefusesWeakPasswords) {
  auto admin = store_->FindUser("admin");
  ASSERT_TRUE(admin.ok() && admin->has_value());
  EXPECT_EQ((*admin)->role, core::Role::kAdmin);
  Status again = InitInstallation(*store_, "admin2", kGoodPassword, "x");
  EXPECT_EQ(again.code(), Code::kAlreadyExists);

  TempDir other;
  auto fresh = store::OpenSqliteStore(other.File("new.db"), clock_);
  ASSERT_TRUE(fresh.ok());
  for (const char* weak : {"short1!", "onlyletterslong", "12345678901"}) {
    Status st = InitInstallation(**fresh, "admin", weak, "x");
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << weak;
    EXPECT_EQ(st.field(), "password") << weak;
  }
  EXPECT_EQ(InitInstallation(**fresh, "Admin!", kGoodPassword, "x").field(), "username");
  EXPECT_TRUE((*fresh)->ListUsers()->empty());
}

TEST_F(UseCases, LoginThrottlingLocksAnAccountThenTheAdminLiftsIt) {
  Auth auth(*store_, clock_, 8);
  for (int i = 0; i < 5; ++i) {
    auto r = auth.Login("admin", "wrong-password-1", "10.0.0.9");
    EXPECT_EQ(r.status().code(), Code::kUnauthenticated) << "attempt " << i + 1;
  }
  // Locked now: even the right password is refused without being checked.
  auto locked = auth.Login("admin", kGoodPassword, "10.0.0.9");
  EXPECT_EQ(locked.status().code(), Code::kResourceExhausted);
  EXPECT_EQ(locked.status().retry_after(), 30);
  auto u = store_->FindUser("admin");
  EXPECT_EQ((*u)->failed_logins, 5);
  EXPECT_EQ((*u)->locked_until, clock_.NowUnix() + 30);
  // After the lock, one more failure locks again, twice as long.
  clock_.Advance(31);
  EXPECT_EQ(auth.Login("admin", "wrong-password-1", "10.0.0.9").status().code(),
            Code::kUnauthenticated);
  EXPECT_EQ(auth.Login("admin", kGoodPassword, "10.0.0.9").status().retry_after(), 60);
  // The admin (here: another admin) lifts it; the right password works and resets.
  ASSERT_TRUE(UnlockUser(*store_, admin_, "admin").ok());
  auto ok = auth.Login("admin", kGoodPassword, "10.0.0.9");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*store_->FindUser("admin"))->failed_logins, 0);
  // The failures are audited, never with the password.
  auto audit = store_->ListAudit(0, 1000);
  int failed = 0;
  for (const auto& r : *audit) {
    if (r.action == "login.failed" || r.action == "login.locked") ++failed;
    EXPECT_EQ(r.after.find("wrong-password"), std::string::npos);
  }
  EXPECT_EQ(failed, 6);
}

TEST_F(UseCases, ChangingOwnPasswordNeedsTheOldOneAndANewOne) {
  Auth auth(*store_, clock_, 8);
  const std::string before = (*store_->FindUser("admin"))->password_hash;
  Status wrong_old = auth.ChangeOwnPassword(admin_, "not-the-password-1", "Brand-new-2026!");
  EXPECT_EQ(wrong_old.field(), "old_password");
  Status same = auth.ChangeOwnPassword(admin_, kGoodPassword, kGoodPassword);
  EXPECT_EQ(same.code(), Code::kInvalidArgument);
  EXPECT_EQ(same.field(), "new_password");
  EXPECT_EQ((*store_->FindUser("admin"))->password_hash, before);  // nothing changed
  ASSERT_TRUE(auth.ChangeOwnPassword(admin_, kGoodPassword, "Brand-new-2026!").ok());
  EXPECT_TRUE(auth.Login("admin", "Brand-new-2026!", "10.0.0.1").ok());
}

TEST_F(UseCases, LoginThrottlingPerAddressCoversUnknownUsers) {
  LoginPolicy policy;
  policy.address_failures = 4;
  Auth auth(*store_, clock_, 8, policy);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(auth.Login("nobody" + std::to_string(i), "x", "10.0.0.7").status().code(),
              Code::kUnauthenticated);
  }
  EXPECT_EQ(auth.Login("admin", kGoodPassword, "10.0.0.7").status().code(),
            Code::kResourceExhausted);
  // Another address is not affected.
  EXPECT_TRUE(auth.Login("admin", kGoodPassword, "10.0.0.8").ok());
}

TEST_F(UseCases, SchemesNameOnlyRegistryUnitsAndStagesMoveByTheTable) {
  OfficeWithYear();
  auto scheme = store_->LoadScheme(2026);
  ASSERT_TRUE(scheme.ok());
  scheme->units.push_back({"X9", "外来", "", "D", "", core::UnitKind::kDistrict});
  for (const char* id : {"1.1", "1.2"}) scheme->targets[{id, "X9"}] = 100;
  auto refused = ImportScheme(*store_, admin_, 2026, *scheme);
  EXPECT_EQ(refused.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "units[3].id");
  // draft → monitoring skips a stage; a leader may not move years at all.
  EXPECT_EQ(MoveYear(*store_, admin_, 2026, "monitoring").status().code(),
            Code::kFailedPrecondition);
  Caller leader{"leader", core::Role::kLeader, "", ""};
  EXPECT_EQ(MoveYear(*store_, leader, 2026, "setting").status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(MoveYear(*store_, admin_, 2026, "nowhere").status().field(), "to");
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "setting").ok());
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "monitoring").ok());
  // Monitoring: the scheme is frozen; the lead department of 1.1 enters values.
  EXPECT_EQ(ImportScheme(*store_, admin_, 2026, *store_->LoadScheme(2026)).status().code(),
            Code::kFailedPrecondition);
  YearCache years(*store_);
  Caller lead{"lead_d01", core::Role::kLead, "D01", ""};
  core::Datum d;
  d.indicator_id = "1.1";
  d.unit_id = "D02";
  d.period = "2026";
  d.value = 90;
  EXPECT_TRUE(PutValue(years, *store_, lead, 2026, d).ok());
  Caller other{"lead_d02", core::Role::kLead, "D02", ""};
  EXPECT_EQ(PutValue(years, *store_, other, 2026, d).code(), Code::kPermissionDenied);
  d.note = std::string(1'000'000, 'x');
  Status long_note = PutValue(years, *store_, lead, 2026, d);
  EXPECT_EQ(long_note.field(), "note");
  d.note.clear();
  d.period = "2026-xy";
  EXPECT_EQ(PutValue(years, *store_, lead, 2026, d).field(), "period");
}

TEST_F(UseCases, ANewYearCopiesTheSchemeAsTheRegistryNowIs) {
  OfficeWithYear();
  UnitInput rename;
  rename.id = "D02";
  rename.name_zh = "新区";
  rename.note = "更名";
  ASSERT_TRUE(UpdateUnit(*store_, admin_, rename).ok());
  ASSERT_TRUE(MergeUnit(*store_, admin_, "D03", "D01", "合并").ok());
  auto org = store_->LoadOrg();
  std::set<std::string> kinds;
  for (const auto& c : org->changes) kinds.insert(c.kind);
  EXPECT_EQ(kinds, (std::set<std::string>{"create", "rename", "merge"}));
  auto opened = OpenYear(*store_, admin_, 2027, 2026);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->units, 2u);
  EXPECT_EQ(opened->leaves, 2u);
  auto next = store_->LoadScheme(2027);
  EXPECT_EQ(next->units[1].name_zh, "新区");
  EXPECT_EQ(next->targets.count({"1.1", "D03"}), 0u);
  EXPECT_EQ(OpenYear(*store_, admin_, 2027, std::nullopt).status().code(), Code::kAlreadyExists);
  EXPECT_EQ(OpenYear(*store_, admin_, 1999, std::nullopt).status().field(), "year");
}

TEST_F(UseCases, ScoresAndBonusItemsFlowIntoResultsAndTheCacheFollowsVersions) {
  OfficeWithYear();
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "setting").ok());
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "monitoring").ok());
  YearCache years(*store_);
  for (const char* u : {"D01", "D02", "D03"}) {
    for (const char* ind : {"1.1", "1.2"}) {
      core::Datum d;
      d.indicator_id = ind;
      d.unit_id = u;
      d.period = "2026";
      d.value = std::string(u) == "D01" ? 100 : 80;
      ASSERT_TRUE(PutValue(years, *store_, admin_, 2026, d).ok());
    }
    ScoresPatch p;
    p.unit_id = u;
    p.satisfaction = {true, 90.0};
    p.leadership = {true, 90.0};
    ASSERT_TRUE(PutScores(*store_, admin_, 2026, p).ok());
  }
  // Many threads ask at once: one build, one shared view.
  std::vector<std::shared_ptr<const YearView>> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = *years.View(2026); });
  }
  for (auto& t : threads) t.join();
  for (const auto& v : seen) EXPECT_EQ(v.get(), seen[0].get());
  const double d02_before = seen[0]->unit_results.at("D02")->total;
  // A bonus item for D02: a new version, a new view with the bonus in the total.
  AdjustmentInput bonus{"D02", "bonus", 2, "", "省级表彰", "", "文件"};
  auto added = AddAdjustment(*store_, admin_, 2026, bonus);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->approved_by, "admin");
  auto after = years.View(2026);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->get(), seen[0].get());
  EXPECT_NEAR((*after)->unit_results.at("D02")->total, d02_before + 2, 1e-9);
  // Refused inputs name the field and change nothing.
  AdjustmentInput bad = bonus;
  bad.points = 0;
  EXPECT_EQ(AddAdjustment(*store_, admin_, 2026, bad).status().field(), "points");
  bad = bonus;
  bad.reason_zh = "";
  EXPECT_EQ(AddAdjustment(*store_, admin_, 2026, bad).status().field(), "reason_zh");
  EXPECT_EQ(years.View(2026)->get(), after->get());
  EXPECT_TRUE(DeleteAdjustment(*store_, admin_, 2026, added->id).ok());
  EXPECT_NEAR((*years.View(2026))->unit_results.at("D02")->total, d02_before, 1e-9);
}

}  // namespace
}  // namespace govperf::app
