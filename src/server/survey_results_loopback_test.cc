// 社会评价 results over the real transport on loopback.
//
// The test city's 2025 (monitoring) gets survey 2025-sat: citizens (weight 1,
// not raked) say which district they live in and rate it. Accepted answers,
// inserted with plain SQL as the response journal leaves them: D01 5 and 4
// (100, 80 → 90), D02 3 (60) and one 不了解; a rejected D02 1 does not count.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

class SurveyResultsLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace sv = core::survey;
    sv::Survey s;
    s.id = "2025-sat";
    s.year = 2025;
    s.title_zh = "2025 年度社会满意度调查";
    s.title_en = "2025 satisfaction survey";
    s.groups = {{"citizens", "群众", "Citizens", 1}};
    sv::Question district;
    district.id = "district";
    district.kind = sv::QuestionKind::kChoice;
    district.text_zh = "您居住在哪个区？";
    district.options = {{"D01", "东区", ""}, {"D02", "西区", ""}};
    sv::Question area;
    area.id = "q_area";
    area.kind = sv::QuestionKind::kScale;
    area.text_zh = "您对本区政府工作满意吗？";
    area.unit_from = "district";
    area.allow_dont_know = true;
    s.questions = {district, area};
    s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    s.min_sample = 2;
    ASSERT_TRUE(city_.store()
                    .Write({"system"},
                           [&](store::WriteTx& tx) -> Status {
                             GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                             return tx.SetSurveyStatus(s.id, sv::SurveyStatus::kOpen);
                           })
                    .ok());
    Insert(R"({"district":"D01","q_area":5})", "accepted");
    Insert(R"({"district":"D01","q_area":4})", "accepted");
    Insert(R"({"district":"D02","q_area":3})", "accepted");
    Insert(R"({"district":"D02","q_area":null})", "accepted");
    Insert(R"({"district":"D02","q_area":1})", "rejected");

    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  // The fieldwork ends (as the office's close does).
  Status CloseFieldwork() {
    return city_.store().Write({"system"}, [](store::WriteTx& tx) {
      return tx.SetSurveyStatus("2025-sat", core::survey::SurveyStatus::kClosed);
    });
  }

  void Insert(const std::string& answers, const std::string& status,
              const std::string& survey = "2025-sat", const std::string& group = "citizens") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(city_.dir().File("city.db").c_str(), &db), SQLITE_OK);
    const std::string n = std::to_string(++inserted_);
    const std::string sql =
        "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, "
        "group_id, cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, "
        "status, batch_id) VALUES ('" +
        survey + "', 'link', 'cred-" + n + "', 'key-" + n + "', '" + group + "', '{}', '" +
        answers + "', 0, 60000, 1700000000, 'h', '" + status + "', 1)";
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_free(err);
    sqlite3_close(db);
  }

  // `user` empty: anonymous.
  Json CallJson(const std::string& method, const std::string& target, const std::string& user,
                int status, const std::string& body = "") {
    http_test::Client c(server_->port());
    std::vector<std::pair<std::string, std::string>> headers;
    if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + city_.TokenFor(user));
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    EXPECT_TRUE(c.Send(http_test::Http(method, target, headers, body)));
    const http_test::Reply r = c.Read(std::chrono::milliseconds(30000));
    EXPECT_EQ(r.status, status) << method << " " << target << " as " << user << ": " << r.body;
    return r.body.empty() ? Json() : Json::parse(r.body, nullptr, false);
  }

  static const Json* UnitOf(const Json& units, const std::string& id) {
    for (const Json& u : units)
      if (u["unit_id"] == id) return &u;
    return nullptr;
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
  int inserted_ = 0;
};

TEST_F(SurveyResultsLoopback, ComputedNowForTheOfficeAndLeadersWithReplicatesLimitedByRole) {
  const Json r = CallJson("GET", "/api/v1/surveys/2025-sat/results", "leader", 200);
  EXPECT_EQ(r["survey_id"], "2025-sat");
  EXPECT_EQ(r["replicates"], 1000);
  EXPECT_EQ(r["respondents"], 4);
  const Json* d01 = UnitOf(r["units"], "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_DOUBLE_EQ((*d01)["score"].get<double>(), 90);
  EXPECT_EQ((*d01)["n"], 2);
  EXPECT_GT((*d01)["se"].get<double>(), 0);
  EXPECT_LE((*d01)["ci_low"].get<double>(), 90);
  EXPECT_GE((*d01)["ci_high"].get<double>(), 90);
  ASSERT_EQ((*d01)["groups"].size(), 1u);
  EXPECT_EQ((*d01)["groups"][0]["group_id"], "citizens");
  const Json* d02 = UnitOf(r["units"], "D02");
  ASSERT_NE(d02, nullptr);
  EXPECT_DOUBLE_EQ((*d02)["score"].get<double>(), 60);
  EXPECT_EQ((*d02)["n_dont_know"], 1);
  EXPECT_EQ((*d02)["warning"], "small_sample");
  const Json* b01 = UnitOf(r["units"], "B01");
  ASSERT_NE(b01, nullptr);
  EXPECT_TRUE((*b01)["score"].is_null());
  EXPECT_EQ((*b01)["warning"], "no_answers");

  // Leaders up to 500 replicates, the office up to 1,000.
  const Json too_many =
      CallJson("GET", "/api/v1/surveys/2025-sat/results?replicates=1000", "leader", 400);
  EXPECT_EQ(too_many["details"]["field"], "replicates");
  EXPECT_EQ(CallJson("GET", "/api/v1/surveys/2025-sat/results?replicates=500", "leader",
                     200)["replicates"],
            500);
  EXPECT_EQ(CallJson("GET", "/api/v1/surveys/2025-sat/results?replicates=1000", "admin",
                     200)["replicates"],
            1000);
  CallJson("GET", "/api/v1/surveys/2025-sat/results", "unit_d01", 403);
  CallJson("GET", "/api/v1/surveys/2025-sat/results", "", 401);
  CallJson("GET", "/api/v1/surveys/nope/results", "admin", 404);
}

TEST_F(SurveyResultsLoopback, ApplyFeedsTheYearsScoresAndTheSatisfactionPages) {
  // Fieldwork still open: refused, nothing applied.
  const Json open = CallJson("POST", "/api/v1/surveys/2025-sat/apply", "admin", 409);
  EXPECT_EQ(open["details"]["field"], "survey_id");
  EXPECT_TRUE(CallJson("GET", "/api/v1/years/2025/satisfaction", "admin", 200)["surveys"].empty());
  ASSERT_TRUE(CloseFieldwork().ok());
  CallJson("POST", "/api/v1/surveys/2025-sat/apply", "leader", 403);
  const Json applied = CallJson("POST", "/api/v1/surveys/2025-sat/apply", "admin", 200);
  EXPECT_EQ(applied["units_written"], 2);

  // The year's inputs and results carry the new satisfaction (leadership kept).
  const Json inputs = CallJson("GET", "/api/v1/years/2025/inputs", "admin", 200);
  const Json* d01 = UnitOf(inputs["units"], "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_DOUBLE_EQ((*d01)["satisfaction"].get<double>(), 90);
  EXPECT_GT((*d01)["satisfaction_se"].get<double>(), 0);
  EXPECT_DOUBLE_EQ((*d01)["leadership"].get<double>(), 90);
  const Json* b01 = UnitOf(inputs["units"], "B01");
  EXPECT_DOUBLE_EQ((*b01)["satisfaction"].get<double>(), 80);  // no answers: unchanged

  // The applied rows: every unit for the office and leaders, one's own unit otherwise.
  const Json all = CallJson("GET", "/api/v1/years/2025/satisfaction", "leader", 200);
  ASSERT_EQ(all["surveys"].size(), 1u);
  EXPECT_EQ(all["surveys"][0]["title_en"], "2025 satisfaction survey");
  EXPECT_EQ(all["surveys"][0]["units"].size(), 4u);
  const Json own = CallJson("GET", "/api/v1/years/2025/satisfaction", "unit_d01", 200);
  ASSERT_EQ(own["surveys"][0]["units"].size(), 1u);
  EXPECT_EQ(own["surveys"][0]["units"][0]["unit_id"], "D01");
  EXPECT_DOUBLE_EQ(own["surveys"][0]["units"][0]["score"].get<double>(), 90);
  const Json lead = CallJson("GET", "/api/v1/years/2025/satisfaction", "lead_b01", 200);
  ASSERT_EQ(lead["surveys"][0]["units"].size(), 1u);
  EXPECT_EQ(lead["surveys"][0]["units"][0]["unit_id"], "B01");
  CallJson("GET", "/api/v1/years/2025/satisfaction", "expert1", 403);

  // Public only once the year is published; before, like an unknown year.
  CallJson("GET", "/api/v1/public/years/2025/satisfaction", "", 404);
  ASSERT_TRUE(city_.store()
                  .PutYear({"system"}, {2025, core::Stage::kPublished, "2026-03-01T00:00:00Z", 0})
                  .ok());
  const Json pub = CallJson("GET", "/api/v1/public/years/2025/satisfaction", "", 200);
  ASSERT_EQ(pub["surveys"].size(), 1u);
  const Json* pd01 = UnitOf(pub["surveys"][0]["units"], "D01");
  ASSERT_NE(pd01, nullptr);
  EXPECT_DOUBLE_EQ((*pd01)["score"].get<double>(), 90);
  EXPECT_EQ((*pd01)["n"], 2);
  CallJson("GET", "/api/v1/public/years/2099/satisfaction", "", 404);
}

// Two surveys in 2025: 2025-sat rates D01 and D02; 2025-d01 (enterprises)
// rates D01 again (3, 5 → 60, 100 → 80). Applying the second is refused with
// 409 naming D01 and 2025-sat unless {"replace": true}; the satisfaction GET
// says which survey supplied each unit.
TEST_F(SurveyResultsLoopback, ASecondSurveyOfTheSameUnitsIsRefusedUnlessReplace) {
  namespace sv = core::survey;
  sv::Survey s;
  s.id = "2025-d01";
  s.year = 2025;
  s.title_zh = "东区企业满意度调查";
  s.groups = {{"firms", "企业", "Enterprises", 1}};
  sv::Question q;
  q.id = "q";
  q.kind = sv::QuestionKind::kScale;
  q.text_zh = "您对东区营商环境满意吗？";
  q.unit_id = "D01";
  s.questions = {q};
  s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
  ASSERT_TRUE(
      city_.store()
          .Write({"system"},
                 [&](store::WriteTx& tx) -> Status {
                   GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                   GOVPERF_RETURN_IF_ERROR(tx.SetSurveyStatus(s.id, sv::SurveyStatus::kOpen));
                   GOVPERF_RETURN_IF_ERROR(tx.SetSurveyStatus(s.id, sv::SurveyStatus::kClosed));
                   return tx.SetSurveyStatus("2025-sat", sv::SurveyStatus::kClosed);
                 })
          .ok());
  Insert(R"({"q":3})", "accepted", "2025-d01", "firms");
  Insert(R"({"q":5})", "accepted", "2025-d01", "firms");
  ASSERT_EQ(CallJson("POST", "/api/v1/surveys/2025-sat/apply", "admin", 200)["units_written"], 2);

  const Json refused = CallJson("POST", "/api/v1/surveys/2025-d01/apply", "admin", 409);
  EXPECT_EQ(refused["details"]["field"], "replace");
  const std::string message = refused["message"].get<std::string>();
  EXPECT_NE(message.find("D01"), std::string::npos) << message;
  EXPECT_NE(message.find("2025-sat"), std::string::npos) << message;
  CallJson("POST", "/api/v1/surveys/2025-d01/apply", "admin", 400, R"({"replace": "yes"})");
  Json inputs = CallJson("GET", "/api/v1/years/2025/inputs", "admin", 200);
  EXPECT_DOUBLE_EQ((*UnitOf(inputs["units"], "D01"))["satisfaction"].get<double>(), 90);

  const Json replaced =
      CallJson("POST", "/api/v1/surveys/2025-d01/apply", "admin", 200, R"({"replace": true})");
  EXPECT_EQ(replaced["units_written"], 1);
  EXPECT_EQ(replaced["replaced"], Json::parse(R"({"D01": "2025-sat"})"));
  inputs = CallJson("GET", "/api/v1/years/2025/inputs", "admin", 200);
  EXPECT_DOUBLE_EQ((*UnitOf(inputs["units"], "D01"))["satisfaction"].get<double>(), 80);
  EXPECT_DOUBLE_EQ((*UnitOf(inputs["units"], "D02"))["satisfaction"].get<double>(), 60);
  // Re-applying the same survey: allowed.
  EXPECT_EQ(CallJson("POST", "/api/v1/surveys/2025-d01/apply", "admin", 200)["replaced"],
            Json::object());

  const Json all = CallJson("GET", "/api/v1/years/2025/satisfaction", "admin", 200);
  EXPECT_EQ(all["sources"], Json::parse(R"({"D01": "2025-d01", "D02": "2025-sat"})"));
  ASSERT_EQ(all["surveys"].size(), 2u);
  for (const Json& survey : all["surveys"]) {
    const Json* d01 = UnitOf(survey["units"], "D01");
    ASSERT_NE(d01, nullptr);
    EXPECT_EQ((*d01)["supplies_satisfaction"], survey["survey_id"] == "2025-d01");
  }
  const Json own = CallJson("GET", "/api/v1/years/2025/satisfaction", "unit_d01", 200);
  EXPECT_EQ(own["sources"], Json::parse(R"({"D01": "2025-d01"})"));
}

// 手工录入 over HTTP: the office types B01's satisfaction in (source
// "manual"); applying 2025-sat over D01/D02 works, then typing over D01 (the
// survey's) is 409 naming `replace` unless the request says so; the
// satisfaction GET shows "manual" with who and when (the public one only
// the source).
TEST_F(SurveyResultsLoopback, HandEnteredSatisfactionIsASourceOverHttp) {
  ASSERT_TRUE(CloseFieldwork().ok());
  const Json typed = CallJson("PUT", "/api/v1/years/2025/scores", "admin", 200,
                              R"({"unit_id": "B01", "satisfaction": 77.5})");
  EXPECT_DOUBLE_EQ(typed["satisfaction"].get<double>(), 77.5);
  EXPECT_EQ(CallJson("POST", "/api/v1/surveys/2025-sat/apply", "admin", 200)["units_written"], 2);
  const Json refused = CallJson("PUT", "/api/v1/years/2025/scores", "admin", 409,
                                R"({"unit_id": "D01", "satisfaction": 95})");
  EXPECT_EQ(refused["details"]["field"], "replace");
  EXPECT_NE(refused["message"].get<std::string>().find("2025-sat"), std::string::npos);
  Json inputs = CallJson("GET", "/api/v1/years/2025/inputs", "admin", 200);
  EXPECT_DOUBLE_EQ((*UnitOf(inputs["units"], "D01"))["satisfaction"].get<double>(), 90);
  CallJson("PUT", "/api/v1/years/2025/scores", "admin", 400,
           R"({"unit_id": "D01", "satisfaction": 95, "replace": "yes"})");
  // The leadership score alone is no hand entry of satisfaction.
  CallJson("PUT", "/api/v1/years/2025/scores", "admin", 200,
           R"({"unit_id": "D02", "leadership": 70})");

  Json all = CallJson("GET", "/api/v1/years/2025/satisfaction", "admin", 200);
  EXPECT_EQ(all["sources"],
            Json::parse(R"({"B01": "manual", "D01": "2025-sat", "D02": "2025-sat"})"));
  ASSERT_TRUE(all["manual"].contains("B01"));
  EXPECT_EQ(all["manual"]["B01"]["entered_by"], "admin");
  EXPECT_GT(all["manual"]["B01"]["entered_at"].get<int64_t>(), 0);

  CallJson("PUT", "/api/v1/years/2025/scores", "admin", 200,
           R"({"unit_id": "D01", "satisfaction": 95, "replace": true})");
  inputs = CallJson("GET", "/api/v1/years/2025/inputs", "admin", 200);
  EXPECT_DOUBLE_EQ((*UnitOf(inputs["units"], "D01"))["satisfaction"].get<double>(), 95);
  all = CallJson("GET", "/api/v1/years/2025/satisfaction", "admin", 200);
  EXPECT_EQ(all["sources"]["D01"], "manual");
  const Json* d01 = UnitOf(all["surveys"][0]["units"], "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_EQ((*d01)["supplies_satisfaction"], false);
  const Json own = CallJson("GET", "/api/v1/years/2025/satisfaction", "unit_d01", 200);
  EXPECT_EQ(own["sources"], Json::parse(R"({"D01": "manual"})"));
  EXPECT_EQ(own["manual"].size(), 1u);

  ASSERT_TRUE(city_.store()
                  .PutYear({"system"}, {2025, core::Stage::kPublished, "2026-03-01T00:00:00Z", 0})
                  .ok());
  const Json pub = CallJson("GET", "/api/v1/public/years/2025/satisfaction", "", 200);
  EXPECT_EQ(pub["sources"]["B01"], "manual");
  EXPECT_FALSE(pub.contains("manual"));
}

}  // namespace
}  // namespace govperf::server
