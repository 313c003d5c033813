// 公示, committee approval and publication against a real SQLite file: the
// window from the working-day calendar, the refusals before approval, the
// snapshot and certificate written with the stage move, a published year
// served from its snapshot, and verify-result catching an edited value.
#include <gtest/gtest.h>

#include "app/org.h"
#include "app/publication/appeals.h"
#include "app/publication/approval.h"
#include "app/publication/publish.h"
#include "app/publication/verify.h"
#include "app/publication/window.h"
#include "app/results/year_cache.h"
#include "app/year_end/claims.h"
#include "app/years.h"
#include "io/result_json.h"
#include "io/scheme_json.h"
#include "store/codec.h"
#include "store/password.h"
#include "store/store_testing.h"

namespace govperf::app::publication {
namespace {

using store::testing::FakeClock;
using store::testing::RawExec;
using store::testing::TempDir;

class Publication : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(path(), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    ASSERT_TRUE(CreateCategory(*store_, admin_, {"D", "区县", "Districts", "district", {}}).ok());
    for (const char* id : {"D01", "D02", "D03"}) {
      UnitInput u;
      u.id = id;
      u.name_zh = std::string("区") + id;
      u.category_id = "D";
      u.kind = "district";
      ASSERT_TRUE(CreateUnit(*store_, admin_, u).ok());
    }
    ASSERT_TRUE(OpenYear(*store_, admin_, 2026, std::nullopt).ok());
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
    ASSERT_TRUE(ImportScheme(*store_, admin_, 2026, *scheme).ok());
    for (const char* to : {"setting", "monitoring"}) {
      ASSERT_TRUE(MoveYear(*store_, admin_, 2026, to).ok()) << to;
    }
    const std::map<std::string, double> values = {{"D01", 100}, {"D02", 90}, {"D03", 80}};
    for (const auto& [unit, v] : values) {
      for (const char* ind : {"1.1", "1.2"}) {
        core::Datum d;
        d.indicator_id = ind;
        d.unit_id = unit;
        d.period = "2026";
        d.value = v;
        ASSERT_TRUE(store_->PutDatum(admin_.actor(), 2026, d).ok());
      }
    }
    ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "year_end").ok());
  }

  std::string path() const { return dir_.File("office.db"); }
  Result<store::YearInfo> Move(const std::string& to, Date today, WindowRequest w = {}) {
    return MoveYear(*store_, admin_, 2026, to, MoveOptions{today, w});
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  Caller admin_{"admin", core::Role::kAdmin, "", ""};
};

// 公示 waits for the year-end assessment: a pending claim, then a pair with
// no year-end value, each refused naming what to do and changing nothing; a
// missing value may be accepted knowingly (it scores as missing).
TEST_F(Publication, PublicityWaitsForTheYearEndAssessmentToBeFinished) {
  YearCache years(*store_);
  auto claim = year_end::RaiseClaim(years, *store_, admin_, 2026,
                                    {"D02", "bonus", "commendation", 1, "", "获省级表彰"});
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  auto refused = Move("preliminary", {2027, 3, 1});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(refused.status().field(), "claims");
  EXPECT_NE(refused.status().message().find("1 bonus/deduction/veto claim(s)"), std::string::npos)
      << refused.status().message();
  ASSERT_TRUE(
      year_end::DecideClaim(years, *store_, admin_, 2026, claim->id, false, "市级表彰").ok());

  core::Datum cleared;
  cleared.indicator_id = "1.2";
  cleared.unit_id = "D03";
  cleared.period = "2026";
  ASSERT_TRUE(store_->PutDatum(admin_.actor(), 2026, cleared).ok());
  auto missing = Move("preliminary", {2027, 3, 1});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "values");
  EXPECT_NE(missing.status().message().find("1 assessed indicator/unit pair(s) of 2026 have no "
                                            "year-end value (e.g. 1.2/D03)"),
            std::string::npos)
      << missing.status().message();
  EXPECT_EQ(store_->FindYear(2026).value()->stage, core::Stage::kYearEnd);
  EXPECT_TRUE(store_->ListPublicityWindows(2026).value().empty());

  WindowRequest accept;
  accept.accept_missing_values = true;
  auto moved = Move("preliminary", {2027, 3, 1}, accept);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->stage, core::Stage::kPreliminary);
}

TEST_F(Publication, TheWindowCountsWorkingDaysAndPublishingWaitsForTheCommittee) {
  // Monday 1 March 2027 + 5 working days → Monday 8 March.
  ASSERT_TRUE(Move("preliminary", {2027, 3, 1}, {5, ""}).ok());
  auto window = LatestWindow(*store_, 2026);
  ASSERT_TRUE(window.ok() && window->has_value());
  EXPECT_EQ((*window)->start_date, "2027-03-01");
  EXPECT_EQ((*window)->end_date, "2027-03-08");
  EXPECT_EQ((*window)->working_days, 5);
  EXPECT_EQ((*window)->actor, "admin");

  // While the window is open: no approval, no publication.
  auto early =
      RecordApproval(*store_, admin_, 2026, {"2027-03-05", "绩效委〔2027〕1号", ""}, {2027, 3, 5});
  EXPECT_EQ(early.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(early.status().field(), "meeting_date");
  auto open = Move("published", {2027, 3, 5});
  EXPECT_EQ(open.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(open.status().message().find("open until 2027-03-08"), std::string::npos);
  // After it, still not without the committee.
  auto unapproved = Move("published", {2027, 3, 9});
  EXPECT_EQ(unapproved.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(unapproved.status().field(), "to");
  EXPECT_NE(unapproved.status().message().find("committee"), std::string::npos);
  auto info = store_->FindYear(2026);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ((*info)->stage, core::Stage::kPreliminary);
  auto none = store_->FindPublication(2026, false);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  // Bad approvals name the field and change nothing.
  EXPECT_EQ(
      RecordApproval(*store_, admin_, 2026, {"2027-03-09", "", ""}, {2027, 3, 9}).status().field(),
      "meeting_ref");
  EXPECT_EQ(
      RecordApproval(*store_, admin_, 2026, {"9 March", "x", ""}, {2027, 3, 9}).status().field(),
      "meeting_date");
  auto approved = RecordApproval(*store_, admin_, 2026,
                                 {"2027-03-09", "绩效委〔2027〕1号", "一致通过"}, {2027, 3, 9});
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->window_seq, 1);
  EXPECT_EQ(approved->meeting_ref, "绩效委〔2027〕1号");
  EXPECT_EQ(RecordApproval(*store_, admin_, 2026, {"2027-03-09", "again", ""}, {2027, 3, 9})
                .status()
                .code(),
            Code::kFailedPrecondition);

  // Publishing writes the snapshot and the certificate with the stage move.
  auto published = Move("published", {2027, 3, 10});
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_EQ(published->stage, core::Stage::kPublished);
  auto pub = store_->FindPublication(2026, true);
  ASSERT_TRUE(pub.ok() && pub->has_value());
  const store::Publication& p = **pub;
  EXPECT_EQ(p.engine_version, core::kEngineVersion);
  EXPECT_EQ(p.actor, "admin");
  EXPECT_EQ(p.certificate_sha256.size(), 64u);
  EXPECT_EQ(p.certificate_sha256, store::CertificateHash(p));
  EXPECT_EQ(p.results_sha256, store::Sha256Hex(p.results));
  auto data = store_->LoadYearData(2026);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(p.data_sha256, store::YearDataContentHash(*data));
  EXPECT_EQ(p.previous_data_sha256, "");  // no 2025
  EXPECT_GT(p.audit_head_id, 0);
  // The snapshot is the final evaluation: D01 full marks, ranked first.
  auto snap = io::ResultsFromSnapshot(nlohmann::json::parse(p.results));
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ(snap->units.size(), 3u);
  EXPECT_EQ(snap->units[0].unit_id, "D01");
  EXPECT_EQ(snap->units[0].rank, 1);
  EXPECT_DOUBLE_EQ(snap->units[0].indicator_score, 100);
  EXPECT_EQ(snap->units[2].unit_id, "D03");
  EXPECT_DOUBLE_EQ(snap->units[2].indicator_score, 80);
  ASSERT_EQ(snap->units[2].indicators.size(), 2u);
  EXPECT_DOUBLE_EQ(snap->units[2].indicators[0].earned, 8);
  // Canonical: the text round-trips to itself.
  EXPECT_EQ(io::ResultsSnapshotText(*snap, core::kEngineVersion), p.results);

  auto ok = VerifyPublication(*store_, 2026);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(ok->ok) << ok->summary;
  EXPECT_NE(ok->summary.find("3 units match"), std::string::npos);
}

TEST_F(Publication, APublishedYearIsServedFromItsSnapshotAndVerifyCatchesAnEditedValue) {
  ASSERT_TRUE(Move("preliminary", {2027, 3, 1}, {std::nullopt, "2027-03-03"}).ok());
  ASSERT_TRUE(
      RecordApproval(*store_, admin_, 2026, {"2027-03-04", "绩效委〔2027〕2号", ""}, {2027, 3, 4})
          .ok());
  ASSERT_TRUE(Move("published", {2027, 3, 4}).ok());
  YearCache cache(*store_, std::chrono::milliseconds(0));  // edits behind the store's back
  auto before = cache.View(2026);
  ASSERT_TRUE(before.ok());
  const double d03_total = (*before)->unit_results.at("D03")->total;

  // Someone edits a stored value of the published year behind the store's back.
  std::string err;
  ASSERT_EQ(RawExec(path(),
                    "UPDATE data_values SET value = 85 WHERE year = 2026 AND unit_id = 'D03' AND "
                    "indicator_id = '1.1'; UPDATE years SET data_version = data_version + 1 "
                    "WHERE year = 2026",
                    &err),
            0)
      << err;
  // The results service still serves the snapshot: published rankings never move.
  auto after = cache.View(2026);
  ASSERT_TRUE(after.ok());
  EXPECT_NE((*after).get(), (*before).get());  // rebuilt (the version moved) …
  EXPECT_DOUBLE_EQ((*after)->unit_results.at("D03")->total, d03_total);  // … from the snapshot
  EXPECT_DOUBLE_EQ((*after)->unit_results.at("D03")->indicators[0].earned, 8);

  auto v = VerifyPublication(*store_, 2026);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->summary.rfind("unit D03: total ", 0), 0u) << v->summary;
  EXPECT_NE(v->summary.find("(snapshot) ≠ "), std::string::npos);
  bool digest = false;
  for (const auto& m : v->problems) digest |= m.rfind("data digest changed", 0) == 0;
  EXPECT_TRUE(digest);

  // The record itself is insert-only, in the database too.
  EXPECT_NE(RawExec(path(), "UPDATE publications SET results = '{}' WHERE year = 2026"), 0);
  EXPECT_NE(RawExec(path(), "DELETE FROM publications WHERE year = 2026"), 0);
}

TEST_F(Publication, TheWindowRequestIsCheckedAndNothingIsSavedOnABadOne) {
  auto both = Move("preliminary", {2027, 3, 1}, {3, "2027-03-05"});
  EXPECT_EQ(both.status().field(), "working_days");
  auto past = Move("preliminary", {2027, 3, 1}, {std::nullopt, "2027-02-27"});
  EXPECT_EQ(past.status().field(), "end_date");
  auto zero = Move("preliminary", {2027, 3, 1}, {0, ""});
  EXPECT_EQ(zero.status().field(), "working_days");
  auto info = store_->FindYear(2026);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ((*info)->stage, core::Stage::kYearEnd);
  auto windows = store_->ListPublicityWindows(2026);
  ASSERT_TRUE(windows.ok());
  EXPECT_TRUE(windows->empty());
  // A unit cannot move the year, and an approval outside 公示 is refused.
  Caller unit{"unit_d01", core::Role::kUnit, "D01", ""};
  EXPECT_EQ(
      MoveYear(*store_, unit, 2026, "preliminary", MoveOptions{{2027, 3, 1}, {}}).status().code(),
      Code::kFailedPrecondition);
  EXPECT_EQ(
      RecordApproval(*store_, admin_, 2026, {"2027-03-04", "x", ""}, {2027, 3, 4}).status().field(),
      "year");
}

TEST_F(Publication, AnUpheldAppealShowsItsKnockOnAndCorrectsTheValue) {
  ASSERT_TRUE(Move("preliminary", {2027, 3, 1}, {5, ""}).ok());  // open until 03-08
  YearCache cache(*store_);
  const Date today{2027, 3, 2};
  Caller d03{"unit_d03", core::Role::kUnit, "D03", ""};
  Caller d01{"unit_d01", core::Role::kUnit, "D01", ""};
  AppealInput in;
  in.unit_id = "D03";
  in.kind = "indicator";
  in.indicator_id = "1.1";
  in.claimed_value = 100;
  in.reason = "年报口径有误";
  // Refusals name the field and save nothing.
  auto other = FileAppeal(cache, *store_, d01, 2026, in, today);
  EXPECT_EQ(other.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(other.status().field(), "unit_id");
  AppealInput wrong = in;
  wrong.indicator_id = "9.9";
  EXPECT_EQ(FileAppeal(cache, *store_, d03, 2026, wrong, today).status().field(), "indicator_id");
  wrong.indicator_id = "1";  // not a leaf
  EXPECT_EQ(FileAppeal(cache, *store_, d03, 2026, wrong, today).status().code(), Code::kNotFound);
  wrong = in;
  wrong.claimed_value.reset();
  EXPECT_EQ(FileAppeal(cache, *store_, d03, 2026, wrong, today).status().field(), "claimed_value");
  wrong = in;
  wrong.kind = "adjustment";
  wrong.adjustment_id = "nope";
  EXPECT_EQ(FileAppeal(cache, *store_, d03, 2026, wrong, today).status().field(), "adjustment_id");
  auto late = FileAppeal(cache, *store_, d03, 2026, in, {2027, 3, 9});
  EXPECT_EQ(late.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(late.status().field(), "year");
  EXPECT_TRUE(store_->ListAppeals(2026)->empty());

  auto filed = FileAppeal(cache, *store_, d03, 2026, in, today);
  ASSERT_TRUE(filed.ok()) << filed.status().ToString();
  EXPECT_EQ(filed->id, 1);
  // D01 leads 1.1 and answers; D03 cannot.
  Caller lead{"lead_d01", core::Role::kLead, "D01", ""};
  EXPECT_EQ(AnswerAppeal(cache, *store_, d03, 2026, 1, "x").status().code(),
            Code::kPermissionDenied);
  ASSERT_TRUE(AnswerAppeal(cache, *store_, lead, 2026, 1, "经核实属实").ok());
  // The knock-on: D03 (80, 80 → 100, 80) climbs from 3rd to share 2nd with D02.
  auto k = KnockOnOf(cache, *store_, 2026, 1);
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->rank_before, 3);
  EXPECT_EQ(k->rank_after, 2);
  EXPECT_GT(k->total_after, k->total_before);
  bool d03_listed = false;
  for (const auto& c : k->changes) d03_listed |= c.unit_id == "D03" && c.rank_after == 2;
  EXPECT_TRUE(d03_listed);
  // Nothing is written by looking.
  EXPECT_EQ((*cache.View(2026))->unit_results.at("D03")->rank, 3);

  // A second, undecided appeal holds up publication.
  in.indicator_id = "1.2";
  ASSERT_TRUE(FileAppeal(cache, *store_, d03, 2026, in, today).ok());
  EXPECT_EQ(DecideAppeal(cache, *store_, lead, 2026, 1, true, "x").status().code(),
            Code::kPermissionDenied);
  auto upheld = DecideAppeal(cache, *store_, admin_, 2026, 1, true, "证据充分");
  ASSERT_TRUE(upheld.ok()) << upheld.status().ToString();
  EXPECT_EQ(upheld->state, "upheld");
  auto second = DecideAppeal(cache, *store_, admin_, 2026, 1, false, "改判");
  EXPECT_EQ(second.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(second.status().field(), "id");
  // The correction is in the year's data and its preliminary results.
  auto view = cache.View(2026);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ((*view)->unit_results.at("D03")->rank, 2);
  EXPECT_DOUBLE_EQ((*view)->unit_results.at("D03")->indicators[0].earned, 10);
  const core::Datum* datum = (*view)->YearEnd("1.1", "D03");
  ASSERT_NE(datum, nullptr);
  EXPECT_DOUBLE_EQ(*datum->value, 100);
  EXPECT_EQ(datum->approved_by, "admin");

  auto held =
      RecordApproval(*store_, admin_, 2026, {"2027-03-09", "绩效委〔2027〕1号", ""}, {2027, 3, 9});
  EXPECT_EQ(held.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(held.status().message().find("1 appeal(s)"), std::string::npos);
  ASSERT_TRUE(DecideAppeal(cache, *store_, admin_, 2026, 2, false, "无依据").ok());
  ASSERT_TRUE(
      RecordApproval(*store_, admin_, 2026, {"2027-03-09", "绩效委〔2027〕1号", ""}, {2027, 3, 9})
          .ok());
  ASSERT_TRUE(Move("published", {2027, 3, 10}).ok());
  auto snap = PublishedResult(*store_, 2026);
  ASSERT_TRUE(snap.ok() && snap->has_value());
  for (const auto& u : (*snap)->units) {
    if (u.unit_id == "D03") EXPECT_EQ(u.rank, 2);
  }
}

}  // namespace
}  // namespace govperf::app::publication
