// 年终考核 year-end assessment over the real HTTP transport on loopback: the
// roles doing the assessment end to end, and the denials (a unit scoring, a
// lead department rating, a leader reading another's ratings, a claim by a
// unit for another unit, an out-of-scale rating, a missing reason).
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

const std::string kPdf = "%PDF-1.4\n%%EOF\n";

class YearEndLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    const store::Actor sys{"system"};
    ASSERT_TRUE(city_.store().PutYear(sys, {2025, core::Stage::kYearEnd, "", 0}).ok());
    for (const auto& [name, role, unit] :
         std::vector<std::tuple<std::string, core::Role, std::string>>{
             {"leader2", core::Role::kLeader, ""}, {"unit_d02", core::Role::kUnit, "D02"}}) {
      store::User u;
      u.username = name;
      u.display_name = name;
      u.role = role;
      u.unit_id = unit;
      u.password_hash = testing::PasswordHash();
      ASSERT_TRUE(city_.store().PutUser(sys, u).ok());
    }
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  struct Reply {
    int status = 0;
    Json body;
  };
  Reply Call(const std::string& user, const std::string& method, const std::string& path,
             const std::string& body = "") {
    http_test::Client c(server_->port());
    EXPECT_TRUE(
        c.Send(http_test::Http(method, "/api/v1/years/2025/year-end" + path,
                               {{"Authorization", "Bearer " + city_.TokenFor(user)}}, body)));
    const http_test::Reply r = c.Read();
    return {r.status, Json::parse(r.body, nullptr, false)};
  }
  static std::string Field(const Reply& r) {
    return r.body.contains("details") ? r.body["details"].value("field", "") : "";
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(YearEndLoopback, SelfEvaluationThenLeadScoringWithReasonsAndDenials) {
  // The unit sees its own leaves only (D01: 1.1.1 and 1.1.2).
  Reply list = Call("unit_d01", "GET", "/self-evaluations");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.body["rows"].size(), 2u);
  EXPECT_EQ(list.body["rows"][0]["state"], "due");
  EXPECT_EQ(list.body["rows"][0]["target"], 10);

  Reply put =
      Call("unit_d01", "PUT", "/self-evaluations/1.1.1/D01", R"({"value":8,"text":"完成八成"})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.body["submissions"], 1);
  // Another unit's self-evaluation: 403 naming unit_id.
  Reply other = Call("unit_d02", "PUT", "/self-evaluations/1.1.1/D01", R"({"value":9,"text":"x"})");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(Field(other), "unit_id");
  Reply ev = Call("unit_d01", "POST", "/self-evaluations/1.1.1/D01/evidence?name=台账.pdf", kPdf);
  ASSERT_EQ(ev.status, 201) << ev.body;

  // A unit does not score (permission); the lead department of 1.1.1 (B01)
  // must give a reason for 8 of target 10 (the engine: 8 of 10 points).
  EXPECT_EQ(Call("unit_d01", "POST", "/self-evaluations/1.1.1/D01/score", R"({"value":10})").status,
            403);
  Reply bare = Call("lead_b01", "POST", "/self-evaluations/1.1.1/D01/score", "{}");
  EXPECT_EQ(bare.status, 400) << bare.body;
  EXPECT_EQ(Field(bare), "reason");
  Reply scored = Call("lead_b01", "POST", "/self-evaluations/1.1.1/D01/score",
                      R"({"reason":"进度滞后，按实际完成计分"})");
  ASSERT_EQ(scored.status, 200) << scored.body;
  EXPECT_EQ(scored.body["value"], 8);
  EXPECT_EQ(scored.body["scored_value"], 8);
  EXPECT_DOUBLE_EQ(scored.body["earned"].get<double>(), 8);
  // The value is the year's: D01's scorecard shows it, approved by lead_b01.
  const Response card =
      city_.Call("GET", "/api/v1/years/2025/units/D01/scorecard", "", city_.TokenFor("admin"));
  ASSERT_EQ(card.status, 200);
  EXPECT_NE(card.body.find("lead_b01"), std::string::npos);
  // 站内消息: the lead department heard of the submission, the unit of the score.
  auto lead_inbox = city_.store().ListInbox("lead_b01", false, 50);
  ASSERT_TRUE(lead_inbox.ok());
  ASSERT_FALSE(lead_inbox->empty());
  EXPECT_EQ(lead_inbox->front().kind, "self_evaluation.submitted");
  auto unit_inbox = city_.store().ListInbox("unit_d01", false, 50);
  ASSERT_FALSE(unit_inbox->empty());
  EXPECT_EQ(unit_inbox->front().kind, "self_evaluation.scored");
  EXPECT_EQ(unit_inbox->front().body_zh, "进度滞后，按实际完成计分");
  // Once scored, the unit cannot resubmit (409 naming the row).
  Reply late = Call("unit_d01", "PUT", "/self-evaluations/1.1.1/D01", R"({"value":10,"text":"x"})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(Field(late), "self_evaluation");
  // The lead's scoring list: led leaves only.
  Reply led = Call("lead_b01", "GET", "/self-evaluations?led=1&state=scored");
  ASSERT_EQ(led.status, 200);
  ASSERT_EQ(led.body["rows"].size(), 1u);
  EXPECT_EQ(led.body["rows"][0]["self_evaluation"]["reason"], "进度滞后，按实际完成计分");
}

TEST_F(YearEndLoopback, ClaimsAreRaisedOpinedAndDecidedIntoAdjustments) {
  Reply forother = Call(
      "unit_d01", "POST", "/claims",
      R"({"unit_id":"D02","kind":"bonus","category":"commendation","points":1,"reason":"表彰"})");
  EXPECT_EQ(forother.status, 403);
  EXPECT_EQ(Field(forother), "unit_id");
  Reply c = Call(
      "unit_d01", "POST", "/claims",
      R"({"unit_id":"D01","kind":"bonus","category":"innovation","points":2.5,"reason":"改革试点"})");
  ASSERT_EQ(c.status, 201) << c.body;
  const std::string id = std::to_string(c.body["id"].get<int>());
  EXPECT_EQ(Call("unit_d01", "POST", "/claims/" + id + "/evidence?name=方案.pdf", kPdf).status,
            201);
  Reply noreason =
      Call("lead_b01", "POST", "/claims", R"({"unit_id":"D02","kind":"deduction","points":1})");
  EXPECT_EQ(noreason.status, 400);
  EXPECT_EQ(Field(noreason), "reason");
  Reply op = Call("expert1", "POST", "/claims/" + id + "/opinion",
                  R"({"opinion":"support","text":"具有推广价值"})");
  ASSERT_EQ(op.status, 200) << op.body;
  // D02 does not see D01's claim.
  Reply d02 = Call("unit_d02", "GET", "/claims");
  ASSERT_EQ(d02.status, 200);
  EXPECT_EQ(d02.body["claims"].size(), 0u);
  Reply decided = Call("admin", "POST", "/claims/" + id + "/decide", R"({"approve":true})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.body["claim"]["state"], "approved");
  EXPECT_EQ(decided.body["claim"]["adjustment_id"], "claim-" + id);
  auto inbox = city_.store().ListInbox("unit_d01", false, 50);
  ASSERT_FALSE(inbox->empty());
  EXPECT_EQ(inbox->front().kind, "claim.approved");
  auto data = city_.store().LoadYearData(2025);
  bool found = false;
  for (const auto& a : data->adjustments) {
    if (a.id != "claim-" + id) continue;
    found = true;
    EXPECT_EQ(a.points, 2.5);
    EXPECT_EQ(a.entered_by, "unit_d01");
    EXPECT_EQ(a.approved_by, "admin");
  }
  EXPECT_TRUE(found);
  Reply totals = Call("admin", "GET", "/claims");
  ASSERT_EQ(totals.body["totals"].size(), 1u);
  EXPECT_EQ(totals.body["totals"][0]["bonus_approved"], 2.5);
}

TEST_F(YearEndLoopback, LeadersRateOnlyTheirUnitsAndOnlySeeTheirOwnRatings) {
  const std::string setup =
      R"({"dimensions":[{"id":"work","name_zh":"工作实绩","weight":0.7},)"
      R"({"id":"style","name_zh":"作风建设","weight":0.3}],"scale_min":0,"scale_max":100,)"
      R"("levels":[{"id":"principal","name_zh":"主要领导","weight":0.5},)"
      R"({"id":"deputy","name_zh":"分管领导","weight":0.3}],)"
      R"("leaders":[{"username":"leader","level":"principal","unit_ids":["D01"]},)"
      R"({"username":"leader2","level":"deputy","unit_ids":["D01","D02"]}]})";
  Reply put = Call("admin", "PUT", "/rating/setup", setup);
  ASSERT_EQ(put.status, 200) << put.body;
  // A lead department does not rate (permission); a unit not assigned is refused.
  EXPECT_EQ(
      Call("lead_b01", "PUT", "/rating/ratings/D01", R"({"scores":{"work":90,"style":80}})").status,
      403);
  Reply notmine =
      Call("leader", "PUT", "/rating/ratings/D02", R"({"scores":{"work":90,"style":80}})");
  EXPECT_EQ(notmine.status, 403);
  EXPECT_EQ(Field(notmine), "unit_id");
  Reply outofscale =
      Call("leader", "PUT", "/rating/ratings/D01", R"({"scores":{"work":90,"style":120}})");
  EXPECT_EQ(outofscale.status, 400);
  EXPECT_EQ(Field(outofscale), "scores.style");
  ASSERT_EQ(
      Call("leader", "PUT", "/rating/ratings/D01", R"({"scores":{"work":90,"style":80}})").status,
      200);
  ASSERT_EQ(
      Call("leader2", "PUT", "/rating/ratings/D01", R"({"scores":{"work":70,"style":60}})").status,
      200);
  // leader2 sees its own only, and not leader's (403 naming leader).
  Reply mine = Call("leader2", "GET", "/rating/ratings");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body["ratings"].size(), 1u);
  EXPECT_EQ(mine.body["ratings"][0]["username"], "leader2");
  EXPECT_FALSE(mine.body.contains("aggregate"));
  Reply theirs = Call("leader2", "GET", "/rating/ratings?leader=leader");
  EXPECT_EQ(theirs.status, 403);
  EXPECT_EQ(Field(theirs), "leader");
  Reply form = Call("leader2", "GET", "/rating/setup");
  ASSERT_EQ(form.status, 200);
  ASSERT_EQ(form.body["leaders"].size(), 1u);
  EXPECT_EQ(form.body["leaders"][0]["username"], "leader2");
  // Close: leader 0.7·90 + 0.3·80 = 87 (principal), leader2 0.7·70 + 0.3·60 = 67
  // (deputy) → (0.5·87 + 0.3·67) / 0.8 = 79.5.
  Reply closed = Call("admin", "POST", "/rating/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_DOUBLE_EQ(closed.body["leadership"]["D01"].get<double>(), 79.5);
  auto scores = city_.store().LoadComponentScores(2025, "D01");
  EXPECT_DOUBLE_EQ(*scores->leadership, 79.5);
  EXPECT_EQ(
      Call("leader", "PUT", "/rating/ratings/D01", R"({"scores":{"work":10,"style":10}})").status,
      409);
}

TEST_F(YearEndLoopback, SpotChecksDrawTheSameSampleForTheSameSeed) {
  Reply a = Call("admin", "POST", "/spot-checks", R"({"size":3,"seed":"20251231"})");
  ASSERT_EQ(a.status, 201) << a.body;
  Reply b = Call("admin", "POST", "/spot-checks", R"({"size":3,"seed":"20251231"})");
  ASSERT_EQ(b.status, 201);
  EXPECT_EQ(a.body["items"], b.body["items"]);
  EXPECT_EQ(a.body["seed"], "20251231");
  EXPECT_EQ(Field(Call("admin", "POST", "/spot-checks", R"({"size":99})")), "size");
  EXPECT_EQ(Call("lead_b01", "POST", "/spot-checks", R"({"size":1})").status, 403);
  const Json item = a.body["items"][0];
  const std::string id = std::to_string(a.body["id"].get<int>());
  Json finding = {{"indicator_id", item["indicator_id"]},
                  {"unit_id", item["unit_id"]},
                  {"finding", "corrected"},
                  {"value", 4}};
  Reply noreason = Call("admin", "POST", "/spot-checks/" + id + "/findings", finding.dump());
  EXPECT_EQ(noreason.status, 400);
  EXPECT_EQ(Field(noreason), "reason");
  finding["reason"] = "与原始台账不符";
  Reply ok = Call("admin", "POST", "/spot-checks/" + id + "/findings", finding.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.body["finding"], "corrected");
  Reply listed = Call("admin", "GET", "/spot-checks");
  ASSERT_EQ(listed.body["checks"].size(), 2u);
  EXPECT_EQ(listed.body["checks"][0]["items"][0]["checked_by"], "admin");
}

}  // namespace
}  // namespace govperf::server
