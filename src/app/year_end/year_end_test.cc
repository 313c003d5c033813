// The year-end use cases (app/year_end/) against a real SQLite store in a temp
// dir: self-evaluation, lead department scoring with the engine's leaf score
// deciding when a reason is needed, spot checks, claims becoming adjustments,
// and the leadership rating written into the year's leadership scores.
#include <gtest/gtest.h>

#include "app/results/year_cache.h"
#include "app/year_end/claims.h"
#include "app/year_end/lead_scoring.h"
#include "app/year_end/leader_rating.h"
#include "app/year_end/self_evaluation.h"
#include "app/year_end/spot_checks.h"
#include "store/store_testing.h"

namespace govperf::app::year_end {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

const std::string kPdf = "%PDF-1.4\n%%EOF\n";

// Category C (bonus cap 3, deduction cap 5), units U1..U3; leaf 1.1
// (completion ratio, target 10, 10 points) and 1.2 (qualitative, 5 points),
// both led by U1; the year 2025 in year_end; a leader user.
class YearEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("office.db"), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    core::Scheme s;
    s.year = 2025;
    core::Category c;
    c.id = "C";
    c.name_zh = "区县";
    c.kind = core::UnitKind::kDistrict;
    c.bonus_cap = 3;
    c.deduction_cap = 5;
    c.grades = {{"ok", "合格", "OK", 0, std::nullopt}};
    s.categories = {c};
    s.units = {{"U1", "甲", "A", "C", "", core::UnitKind::kDistrict},
               {"U2", "乙", "B", "C", "", core::UnitKind::kDistrict},
               {"U3", "丙", "C", "C", "", core::UnitKind::kDistrict}};
    core::Indicator root;
    root.id = "1";
    root.name_zh = "发展";
    root.points = 15;
    core::Indicator l1;
    l1.id = "1.1";
    l1.parent_id = "1";
    l1.level = 2;
    l1.name_zh = "增速";
    l1.points = 10;
    l1.method = "completion_ratio";
    l1.lead_unit_id = "U1";
    l1.category_ids = {"C"};
    core::Indicator l2 = l1;
    l2.id = "1.2";
    l2.name_zh = "群众工作";
    l2.points = 5;
    l2.method = "qualitative";
    s.indicators = {root, l1, l2};
    for (const char* u : {"U1", "U2", "U3"}) s.targets[{"1.1", u}] = 10;
    const store::Actor sys{"system", core::Role::kSystem};
    ASSERT_TRUE(store_->SaveScheme(sys, s).ok());
    ASSERT_TRUE(store_->PutYear(sys, {2025, core::Stage::kYearEnd, "", 0}).ok());
    for (const auto& [name, role] : std::vector<std::pair<std::string, core::Role>>{
             {"leader1", core::Role::kLeader}, {"leader2", core::Role::kLeader}}) {
      store::User u;
      u.username = name;
      u.display_name = name;
      u.role = role;
      u.password_hash = "x";
      ASSERT_TRUE(store_->PutUser(sys, u).ok());
    }
  }

  const core::Datum* Datum(const std::string& ind, const std::string& unit) {
    data_ = *store_->LoadYearData(2025);
    for (const auto& d : data_.values) {
      if (d.indicator_id == ind && d.unit_id == unit && d.period == "2025") return &d;
    }
    return nullptr;
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<YearCache> years_;
  core::YearData data_;
  YearCache& years() {
    if (!years_) years_ = std::make_unique<YearCache>(*store_);
    return *years_;
  }
  const Caller admin_{"admin", core::Role::kAdmin, "", ""};
  const Caller lead_{"lead_u1", core::Role::kLead, "U1", ""};
  const Caller u2_{"unit_u2", core::Role::kUnit, "U2", ""};
  const Caller u3_{"unit_u3", core::Role::kUnit, "U3", ""};
  const Caller expert_{"expert1", core::Role::kExpert, "", ""};
  const Caller leader1_{"leader1", core::Role::kLeader, "", ""};
  const Caller leader2_{"leader2", core::Role::kLeader, "", ""};
};

TEST_F(YearEnd, AUnitFilesItsOwnSelfEvaluationsUntilTheLeadScores) {
  auto list = List(years(), *store_, u2_, 2025, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->rows.size(), 2u) << "U2's two leaves, nobody else's";
  EXPECT_EQ(list->rows[0].State(), "due");
  EXPECT_EQ(list->rows[0].target, 10);

  auto first = Submit(years(), *store_, u2_, 2025, {"1.1", "U2", 9.0, false, "基本完成"});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->submissions, 1);
  auto again = Submit(years(), *store_, u2_, 2025, {"1.1", "U2", 9.5, false, "补充统计"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->submissions, 2);
  EXPECT_EQ(again->value, 9.5);
  EXPECT_EQ(Datum("1.1", "U2"), nullptr) << "a claim is not the year's value";

  // Another unit's, a missing text, a missing value: refused, named.
  auto other = Submit(years(), *store_, u3_, 2025, {"1.1", "U2", 9.0, false, "x"});
  EXPECT_EQ(other.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(other.status().field(), "unit_id");
  EXPECT_EQ(Submit(years(), *store_, u2_, 2025, {"1.1", "U2", 9.0, false, ""}).status().field(),
            "text");
  EXPECT_EQ(
      Submit(years(), *store_, u2_, 2025, {"1.1", "U2", std::nullopt, false, "x"}).status().field(),
      "value");

  // Evidence by content; a text file is refused.
  auto ev = AddEvidence(years(), *store_, u2_, 2025, "1.1", "U2", "台账.pdf", kPdf);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ(ev->content_type, "application/pdf");
  EXPECT_EQ(
      AddEvidence(years(), *store_, u2_, 2025, "1.1", "U2", "a.pdf", "hello").status().field(),
      "file");
  auto got = GetEvidence(years(), *store_, lead_, 2025, "1.1", "U2", ev->sha256);
  ASSERT_TRUE(got.ok()) << "the lead department reads evidence of the leaves it leads";
  EXPECT_EQ(got->file.content, kPdf);
  EXPECT_EQ(GetEvidence(years(), *store_, u3_, 2025, "1.1", "U2", ev->sha256).status().code(),
            Code::kPermissionDenied);

  // Scored at full points (9.5 of 10 → completion 95 %: below full, needs a reason).
  auto no_reason = Score(years(), *store_, lead_, 2025, {"1.1", "U2", std::nullopt, false, ""});
  EXPECT_EQ(no_reason.status().field(), "reason") << no_reason.status().ToString();
  auto confirmed = Score(years(), *store_, lead_, 2025, {"1.1", "U2", 10.0, false, ""});
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_TRUE(confirmed->scored);
  EXPECT_EQ(confirmed->value, 9.5) << "the unit's claim stays visible";
  EXPECT_EQ(confirmed->scored_value, 10);
  EXPECT_DOUBLE_EQ(*confirmed->earned, 10);
  const core::Datum* d = Datum("1.1", "U2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, 10);
  EXPECT_EQ(d->entered_by, "unit_u2");
  EXPECT_EQ(d->approved_by, "lead_u1");
  // Once scored, the unit cannot resubmit.
  EXPECT_EQ(Submit(years(), *store_, u2_, 2025, {"1.1", "U2", 11.0, false, "x"}).status().code(),
            Code::kFailedPrecondition);
  auto scored = List(years(), *store_, lead_, 2025, {"", "", "scored", true});
  ASSERT_EQ(scored->rows.size(), 1u);
  EXPECT_EQ(scored->rows[0].unit->id, "U2");
}

TEST_F(YearEnd, LeadScoringNeedsReasonsBelowFullPointsAndForGradesAndAvoidsItsOwnUnit) {
  ASSERT_TRUE(Submit(years(), *store_, u3_, 2025, {"1.1", "U3", 8.0, false, "未完成"}).ok());
  // Confirming 8 of target 10: the engine gives 8 of 10 points → reason needed.
  auto bare = Score(years(), *store_, lead_, 2025, {"1.1", "U3", std::nullopt, false, ""});
  EXPECT_EQ(bare.status().field(), "reason");
  EXPECT_EQ(Datum("1.1", "U3"), nullptr) << "nothing saved";
  auto with = Score(years(), *store_, lead_, 2025, {"1.1", "U3", std::nullopt, false, "进度滞后"});
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_DOUBLE_EQ(*with->earned, 8);
  EXPECT_DOUBLE_EQ(*with->points, 10);
  EXPECT_EQ(with->scored_value, 8);
  // Qualitative: a grade, always with a reason; 5 is no grade.
  EXPECT_EQ(Score(years(), *store_, lead_, 2025, {"1.2", "U3", std::nullopt, false, "好"})
                .status()
                .field(),
            "grade");
  EXPECT_EQ(Score(years(), *store_, lead_, 2025, {"1.2", "U3", 1.0, false, ""}).status().field(),
            "reason")
      << "even grade A needs a reason";
  EXPECT_EQ(Score(years(), *store_, lead_, 2025, {"1.2", "U3", 5.0, false, "x"}).status().field(),
            "grade");
  auto grade = Score(years(), *store_, lead_, 2025, {"1.2", "U3", 2.0, false, "较好"});
  ASSERT_TRUE(grade.ok()) << grade.status().ToString();
  EXPECT_DOUBLE_EQ(*grade->earned, 5 * 0.85);
  // U1 leads 1.1 and is assessed on it: its own value is the office's.
  auto own = Score(years(), *store_, lead_, 2025, {"1.1", "U1", 10.0, false, ""});
  EXPECT_EQ(own.status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(Score(years(), *store_, admin_, 2025, {"1.1", "U1", 10.0, false, ""}).ok());
  // A unit does not score.
  EXPECT_EQ(Score(years(), *store_, u2_, 2025, {"1.1", "U2", 10.0, false, ""}).status().code(),
            Code::kPermissionDenied);
  // Not in year_end: refused with the stage.
  ASSERT_TRUE(
      store_->PutYear({"system", core::Role::kSystem}, {2025, core::Stage::kPreliminary, "", 0})
          .ok());
  EXPECT_EQ(Score(years(), *store_, admin_, 2025, {"1.1", "U2", 10.0, false, ""}).status().code(),
            Code::kFailedPrecondition);
}

TEST_F(YearEnd, SpotChecksAreDeterministicAndCorrectionsChangeTheValue) {
  auto scheme = store_->LoadScheme(2025);
  const auto a = DrawSample(*scheme, 20251231, 3);
  const auto b = DrawSample(*scheme, 20251231, 3);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a, b) << "same seed, same sample";
  EXPECT_EQ(DrawSample(*scheme, 7, 6).size(), 6u) << "all six assessed pairs";
  bool differs = false;
  for (uint64_t seed = 1; seed < 20 && !differs; ++seed)
    differs = DrawSample(*scheme, seed, 3) != a;
  EXPECT_TRUE(differs) << "another seed, another sample";

  EXPECT_EQ(DrawSpotCheck(years(), *store_, admin_, 2025, 1, 7).status().field(), "size");
  auto check = DrawSpotCheck(years(), *store_, admin_, 2025, 20251231, 3);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(check->seed, "20251231");
  ASSERT_EQ(check->items.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(check->items[i].indicator_id, a[i].first);
    EXPECT_EQ(check->items[i].unit_id, a[i].second);
  }
  // A correction on a drawn pair: needs a reason; changes the value.
  const auto& pair = check->items[0];
  const bool qualitative = pair.indicator_id == "1.2";
  const double v = qualitative ? 3.0 : 7.0;
  FindingInput f{check->id, pair.indicator_id, pair.unit_id, "corrected", v, ""};
  EXPECT_EQ(RecordFinding(years(), *store_, admin_, 2025, f).status().field(), "reason");
  f.reason = "与台账不符";
  auto rec = RecordFinding(years(), *store_, admin_, 2025, f);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(rec->finding, "corrected");
  const core::Datum* d = Datum(pair.indicator_id, pair.unit_id);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, v);
  EXPECT_EQ(d->approved_by, "admin");
  // A pair not drawn: refused, nothing changed.
  std::string undrawn_unit;
  for (const char* u : {"U1", "U2", "U3"}) {
    bool drawn = false;
    for (const auto& i : check->items) drawn = drawn || (i.indicator_id == "1.1" && i.unit_id == u);
    if (!drawn) undrawn_unit = u;
  }
  ASSERT_FALSE(undrawn_unit.empty());
  auto bad = RecordFinding(years(), *store_, admin_, 2025,
                           {check->id, "1.1", undrawn_unit, "corrected", 1.0, "x"});
  EXPECT_EQ(bad.status().field(), "pair");
  EXPECT_EQ(Datum("1.1", undrawn_unit), nullptr);
  auto confirmed = RecordFinding(years(), *store_, admin_, 2025,
                                 {check->id, check->items[1].indicator_id, check->items[1].unit_id,
                                  "confirmed", std::nullopt, ""});
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  auto checks = store_->ListSpotChecks(2025);
  EXPECT_EQ(checks->at(0).items[1].finding, "confirmed");
}

TEST_F(YearEnd, ClaimsBecomeAdjustmentsWhenTheOfficeApproves) {
  // A unit claims for itself only.
  auto forother =
      RaiseClaim(years(), *store_, u3_, 2025, {"U2", "bonus", "commendation", 1, "", "国家级表彰"});
  EXPECT_EQ(forother.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(forother.status().field(), "unit_id");
  EXPECT_EQ(
      RaiseClaim(years(), *store_, u2_, 2025, {"U2", "deduction", "", 1, "", "x"}).status().code(),
      Code::kPermissionDenied)
      << "units do not raise deductions";
  auto innovation =
      RaiseClaim(years(), *store_, u2_, 2025, {"U2", "bonus", "innovation", 2, "", "改革试点"});
  ASSERT_TRUE(innovation.ok()) << innovation.status().ToString();
  auto commendation =
      RaiseClaim(years(), *store_, u2_, 2025, {"U2", "bonus", "commendation", 2, "", "国家级表彰"});
  ASSERT_TRUE(commendation.ok());
  ASSERT_TRUE(AddClaimEvidence(years(), *store_, u2_, 2025, innovation->id, "方案.pdf", kPdf).ok());
  auto deduction =
      RaiseClaim(years(), *store_, lead_, 2025, {"U3", "deduction", "", 1.5, "", "安全事故"});
  ASSERT_TRUE(deduction.ok()) << deduction.status().ToString();
  EXPECT_EQ(
      RaiseClaim(years(), *store_, lead_, 2025, {"U1", "veto", "", 0, "", "x"}).status().field(),
      "unit_id")
      << "not against itself";
  // Experts: innovation claims only.
  EXPECT_EQ(GiveOpinion(years(), *store_, expert_, 2025, commendation->id, "support", "好")
                .status()
                .field(),
            "claim");
  auto op = GiveOpinion(years(), *store_, expert_, 2025, innovation->id, "support", "可推广");
  ASSERT_TRUE(op.ok()) << op.status().ToString();
  ASSERT_EQ(op->opinions.size(), 1u);
  auto expert_view = ListClaims(years(), *store_, expert_, 2025);
  ASSERT_EQ(expert_view->claims.size(), 1u);
  EXPECT_EQ(expert_view->claims[0].category, "innovation");
  EXPECT_EQ(ListClaims(years(), *store_, u3_, 2025)->claims.size(), 1u) << "the deduction on U3";

  // The office decides: a rejection needs a reason; approvals become adjustments.
  EXPECT_EQ(DecideClaim(years(), *store_, admin_, 2025, deduction->id, false, "").status().field(),
            "reason");
  auto ok1 = DecideClaim(years(), *store_, admin_, 2025, innovation->id, true, "");
  ASSERT_TRUE(ok1.ok()) << ok1.status().ToString();
  EXPECT_TRUE(ok1->warnings.empty());
  auto ok2 = DecideClaim(years(), *store_, admin_, 2025, commendation->id, true, "同意");
  ASSERT_TRUE(ok2.ok());
  ASSERT_EQ(ok2->warnings.size(), 1u) << "4 approved against a cap of 3: warned, not refused";
  EXPECT_NE(ok2->warnings_zh[0].find("上限"), std::string::npos);
  EXPECT_EQ(DecideClaim(years(), *store_, admin_, 2025, innovation->id, false, "x").status().code(),
            Code::kFailedPrecondition)
      << "decided once";
  auto data = store_->LoadYearData(2025);
  ASSERT_EQ(data->adjustments.size(), 2u);
  EXPECT_EQ(data->adjustments[0].id, "claim-" + std::to_string(innovation->id));
  EXPECT_EQ(data->adjustments[0].entered_by, "unit_u2");
  EXPECT_EQ(data->adjustments[0].approved_by, "admin");
  EXPECT_EQ(data->adjustments[0].evidence, "方案.pdf");
  // The engine applies the cap: U2's bonus counts 3, not 4.
  auto view = years().View(2025);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  for (const auto& u : (*view)->result.units) {
    if (u.unit_id == "U2") {
      EXPECT_DOUBLE_EQ(u.bonus, 3);
    }
  }
  auto totals = ListClaims(years(), *store_, admin_, 2025)->totals;
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].unit_id, "U2");
  EXPECT_DOUBLE_EQ(totals[0].bonus_approved, 4);
  EXPECT_DOUBLE_EQ(totals[0].bonus_cap, 3);
  EXPECT_DOUBLE_EQ(totals[1].deduction_pending, 1.5);
}

TEST_F(YearEnd, LeadershipRatingIsAggregatedIntoTheYearsLeadershipScoreOnClose) {
  store::RatingSetup s;
  s.dimensions = {{"work", "工作实绩", "Work", 0.6}, {"style", "作风建设", "Style", 0.3}};
  s.scale_min = 1;
  s.scale_max = 5;
  s.levels = {{"principal", "主要领导", "Principal", 0.5}, {"deputy", "分管领导", "Deputy", 0.3}};
  s.leaders = {{"leader1", "principal", {"U1", "U2"}}, {"leader2", "deputy", {"U2"}}};
  EXPECT_EQ(PutRatingSetup(years(), *store_, admin_, 2025, s).status().field(), "dimensions")
      << "weights sum to 0.9";
  s.dimensions[1].weight = 0.4;
  s.leaders.push_back({"unit_u2", "deputy", {"U1"}});
  EXPECT_EQ(PutRatingSetup(years(), *store_, admin_, 2025, s).status().field(),
            "leaders[2].username");
  s.leaders.pop_back();
  ASSERT_TRUE(PutRatingSetup(years(), *store_, admin_, 2025, s).ok());

  // Out of scale: 400 naming the dimension; a unit not assigned: denied.
  auto out = Rate(years(), *store_, leader2_, 2025, "U2", {{"work", 6}, {"style", 3}});
  EXPECT_EQ(out.status().field(), "scores.work");
  EXPECT_EQ(
      Rate(years(), *store_, leader2_, 2025, "U1", {{"work", 3}, {"style", 3}}).status().code(),
      Code::kPermissionDenied);
  EXPECT_EQ(Rate(years(), *store_, leader2_, 2025, "U2", {{"work", 3}}).status().field(),
            "scores.style");
  ASSERT_TRUE(Rate(years(), *store_, leader1_, 2025, "U2", {{"work", 5}, {"style", 3}}).ok());
  ASSERT_TRUE(Rate(years(), *store_, leader1_, 2025, "U1", {{"work", 4}, {"style", 4}}).ok());
  ASSERT_TRUE(Rate(years(), *store_, leader2_, 2025, "U2", {{"work", 3}, {"style", 1}}).ok());
  // Each leader sees only their own.
  auto mine = ListRatings(*store_, leader2_, 2025, "");
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->at(0).username, "leader2");
  EXPECT_EQ(ListRatings(*store_, leader2_, 2025, "leader1").status().code(),
            Code::kPermissionDenied);
  auto setup_seen = GetRatingSetup(*store_, leader2_, 2025);
  ASSERT_EQ(setup_seen->leaders.size(), 1u);
  EXPECT_EQ(setup_seen->leaders[0].username, "leader2");
  EXPECT_EQ(ListRatings(*store_, admin_, 2025, "")->size(), 3u);
  // The form is frozen once rated.
  store::RatingSetup changed = s;
  changed.scale_max = 10;
  EXPECT_EQ(PutRatingSetup(years(), *store_, admin_, 2025, changed).status().field(), "dimensions");

  // leader1 on U2: 0.6·100 + 0.4·50 = 80; leader2 on U2: 0.6·50 + 0.4·0 = 30;
  // levels 0.5 and 0.3 → (0.5·80 + 0.3·30) / 0.8 = 61.25. U1: only the
  // principal rated → 75.
  auto agg = CloseRating(years(), *store_, admin_, 2025);
  ASSERT_TRUE(agg.ok()) << agg.status().ToString();
  EXPECT_DOUBLE_EQ(agg->at("U2"), 61.25);
  EXPECT_DOUBLE_EQ(agg->at("U1"), 75);
  EXPECT_EQ(agg->count("U3"), 0u);
  auto cs = store_->LoadComponentScores(2025, "U2");
  EXPECT_DOUBLE_EQ(*cs->leadership, 61.25);
  EXPECT_FALSE(store_->LoadComponentScores(2025, "U3")->leadership.has_value());
  EXPECT_EQ(
      Rate(years(), *store_, leader1_, 2025, "U2", {{"work", 5}, {"style", 5}}).status().code(),
      Code::kFailedPrecondition)
      << "closed";
  EXPECT_EQ(CloseRating(years(), *store_, admin_, 2025).status().code(), Code::kFailedPrecondition);
}

}  // namespace
}  // namespace govperf::app::year_end
