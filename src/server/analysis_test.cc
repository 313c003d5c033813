// The analysis endpoints (docs/api.md "Analysis"): uncertainty intervals,
// what-if, indicator health, anomalies, scheme download/upload — over the tiny
// hand-made city of server_test_fixture.h (numbers computed by hand) and, for
// anomalies, the demo city.
#include <gtest/gtest.h>

#include "demo/demo.h"
#include "io/scheme_json.h"
#include "methods/uncertainty.h"
#include "server/server_test_fixture.h"
#include "store/scoring_input.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::FindRow;
using testing::kEps;
using testing::TestCity;

// The generated demo city behind a real App, for tests that need its size.
struct DemoCity {
  DemoCity() {
    auto opened = store::OpenSqliteStore(dir.File("demo.db"), clock);
    if (!opened.ok()) return;
    db = std::move(opened).value();
    if (!demo::GenerateDemoCity(*db).ok()) return;
    app = std::make_unique<App>(*db, clock);
    ready = true;
  }
  // A fresh session token for a demo user.
  std::string Token(const std::string& user) {
    const std::string t = store::NewToken();
    EXPECT_TRUE(db->CreateSession(
                      {user}, {store::Sha256Hex(t), user, clock.NowUnix(), clock.NowUnix() + 3600})
                    .ok());
    return t;
  }
  store::testing::TempDir dir;
  store::testing::FakeClock clock;
  std::unique_ptr<store::Store> db;
  std::unique_ptr<App> app;
  bool ready = false;
};

const Json* FindBy(const Json& list, const char* key, const std::string& id) {
  for (const auto& x : list) {
    if (x[key] == id) return &x;
  }
  return nullptr;
}

void ExpectBadField(const Response& r, const std::string& field) {
  EXPECT_EQ(r.status, 400) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j.value("code", ""), "invalid_argument") << r.body;
  EXPECT_EQ(j["details"].value("field", ""), field) << r.body;
}

size_t AuditCount(TestCity& city) {
  auto records = city.store().ListAudit(0, 100000);
  return records.ok() ? records->size() : 0;
}

// ------------------------------------------------------------ uncertainty ----

TEST(ServerAnalysis, UncertaintyWithoutDeclaredErrorsIsThePointResult) {
  TestCity city;
  const std::string leader = city.TokenFor("leader");
  const Response r = city.Call("GET", "/api/v1/years/2025/analysis/uncertainty", "", leader);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["replicates"], 200);
  EXPECT_NEAR(j["level"].get<double>(), 0.9, kEps);
  ASSERT_EQ(j["units"].size(), 4u);
  // No satisfaction_se and no measurement_error in the tiny city: every
  // replicate is the point result, so the intervals collapse onto it.
  const Json* d01 = FindBy(j["units"], "unit_id", "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_EQ((*d01)["category_id"], "C1");
  EXPECT_NEAR((*d01)["total"].get<double>(), 88, kEps);
  EXPECT_NEAR((*d01)["total_lower"].get<double>(), 88, kEps);
  EXPECT_NEAR((*d01)["total_upper"].get<double>(), 88, kEps);
  EXPECT_EQ((*d01)["rank"], 1);
  EXPECT_NEAR((*d01)["rank_lower"].get<double>(), 1, kEps);
  EXPECT_NEAR((*d01)["rank_upper"].get<double>(), 1, kEps);
  EXPECT_EQ((*d01)["grade"], "good");
  EXPECT_EQ((*d01)["grade_share"], Json({{"good", 1.0}}));
  EXPECT_EQ((*d01)["flagged"], false);
  EXPECT_EQ((*d01)["reason"], "");
}

TEST(ServerAnalysis, UncertaintyMatchesTheMethodWithTheYearsOptionsAndIsCachedUntilAWrite) {
  TestCity city;
  // Survey sampling error on satisfaction makes the intervals non-trivial.
  auto data = city.store().LoadYearData(2025);
  ASSERT_TRUE(data.ok());
  data->satisfaction_se = {{"D01", 4}, {"D02", 4}, {"B01", 3}, {"B02", 3}};
  ASSERT_TRUE(city.store().SaveYearData({"system"}, 2025, *data).ok());
  const std::string admin = city.TokenFor("admin");

  const Response r = city.Call(
      "GET", "/api/v1/years/2025/analysis/uncertainty?replicates=50&level=0.8", "", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["replicates"], 50);
  EXPECT_NEAR(j["level"].get<double>(), 0.8, kEps);

  // The same numbers as calling the method directly with the year's
  // evaluation options (2025 is in progress: provisional).
  auto scheme = city.store().LoadScheme(2025);
  ASSERT_TRUE(scheme.ok());
  methods::UncertaintyOptions options;
  options.replicates = 50;
  options.level = 0.8;
  options.evaluate.provisional = true;
  auto scoring = store::LoadYearDataForScoring(city.store(), 2025);  // what the server scores
  ASSERT_TRUE(scoring.ok());
  auto expected = methods::EstimateUncertainty(*scheme, *scoring, options);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  ASSERT_EQ(j["units"].size(), expected->size());
  bool some_width = false;
  for (const auto& u : *expected) {
    SCOPED_TRACE(u.unit_id);
    const Json* row = FindBy(j["units"], "unit_id", u.unit_id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ((*row)["total_lower"].get<double>(), u.total_lower);
    EXPECT_EQ((*row)["total_upper"].get<double>(), u.total_upper);
    EXPECT_EQ((*row)["rank_lower"].get<double>(), u.rank_lower);
    EXPECT_EQ((*row)["rank_upper"].get<double>(), u.rank_upper);
    EXPECT_EQ((*row)["flagged"], u.flagged);
    EXPECT_EQ((*row)["reason"], u.reason);
    EXPECT_EQ((*row)["reason_zh"], u.reason_zh);
    EXPECT_LE(u.total_lower, u.total);
    EXPECT_GE(u.total_upper, u.total);
    some_width = some_width || u.total_upper - u.total_lower > 0.5;
  }
  EXPECT_TRUE(some_width) << r.body;
  // The same request gives the same answer.
  EXPECT_EQ(
      city.Call("GET", "/api/v1/years/2025/analysis/uncertainty?replicates=50&level=0.8", "", admin)
          .body,
      r.body);

  // A write to the year drops the cached intervals with the year's view:
  // D01's 1.1.1 at 10 → indicator 14.5/15 → total 0.7·96.667 + 25.
  ASSERT_EQ(
      city.Call("PUT", "/api/v1/years/2025/values",
                R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":10})", admin)
          .status,
      200);
  const Json after = Body(city.Call(
      "GET", "/api/v1/years/2025/analysis/uncertainty?replicates=50&level=0.8", "", admin));
  const Json* d01 = FindBy(after["units"], "unit_id", "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_NEAR((*d01)["total"].get<double>(), 0.7 * 14.5 / 15 * 100 + 25, kEps);
}

TEST(ServerAnalysis, UncertaintyParametersAreValidated) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const std::string base = "/api/v1/years/2025/analysis/uncertainty";
  ExpectBadField(city.Call("GET", base + "?replicates=19", "", admin), "replicates");
  ExpectBadField(city.Call("GET", base + "?replicates=1001", "", admin), "replicates");
  ExpectBadField(city.Call("GET", base + "?replicates=many", "", admin), "replicates");
  ExpectBadField(city.Call("GET", base + "?level=1", "", admin), "level");
  ExpectBadField(city.Call("GET", base + "?level=0", "", admin), "level");
  ExpectBadField(city.Call("GET", base + "?level=0.9x", "", admin), "level");
  ExpectBadField(city.Call("GET", base + "?level=nan", "", admin), "level");
  ExpectBadField(city.Call("GET", "/api/v1/years/20x5/analysis/uncertainty", "", admin), "year");
  EXPECT_EQ(city.Call("GET", "/api/v1/years/2030/analysis/uncertainty", "", admin).status, 404);
}

TEST(ServerAnalysis, ResultsCarryIntervalsOnRequest) {
  TestCity city;
  const std::string leader = city.TokenFor("leader");
  const Json plain = Body(city.Call("GET", "/api/v1/years/2025/results", "", leader));
  EXPECT_FALSE(FindRow(plain, "D01")->contains("interval"));

  const Response r = city.Call("GET", "/api/v1/years/2025/results?intervals=1", "", leader);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json with = Body(r);
  const Json* d01 = FindRow(with, "D01");
  ASSERT_NE(d01, nullptr);
  ASSERT_TRUE(d01->contains("interval")) << r.body;
  EXPECT_EQ((*d01)["interval"], Json({{"total_lower", 88.0},
                                      {"total_upper", 88.0},
                                      {"rank_lower", 1.0},
                                      {"rank_upper", 1.0},
                                      {"flagged", false},
                                      {"reason", ""},
                                      {"reason_zh", ""}}))
      << r.body;

  // Public portal: published years only, anonymous callers too.
  const Response pub = city.Call("GET", "/api/v1/public/results?year=2024&intervals=1");
  ASSERT_EQ(pub.status, 200) << pub.body;
  const Json pub_json = Body(pub);
  for (const char* unit : {"D01", "D02", "B01", "B02"}) {
    const Json* row = FindRow(pub_json, unit);
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->contains("interval")) << unit;
  }
  EXPECT_EQ(city.Call("GET", "/api/v1/public/results?year=2025&intervals=1").status, 404);
  ExpectBadField(city.Call("GET", "/api/v1/public/results?intervals=yes"), "intervals");
  ExpectBadField(city.Call("GET", "/api/v1/years/2025/results?intervals=2", "", leader),
                 "intervals");
}

// ----------------------------------------------------------------- what-if ----

TEST(ServerAnalysis, WhatIfWeightsChangeMovesARankAndStoresNothing) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const size_t audit_before = AuditCount(city);
  // C1 composite on satisfaction and leadership only: D01 and D02 both score
  // 0.5·80 + 0.5·90 = 85 and tie, sharing rank 1; D02 was 2nd with
  // 0.7·13/15·100 + 0.2·80 + 0.1·90 = 85.667. D01 stays rank 1, good.
  const Response r = city.Call("POST", "/api/v1/years/2025/whatif",
                               R"({"changes": [{"op": "weights", "category_id": "C1",
                                   "indicator": 0, "satisfaction": 0.5, "leadership": 0.5}]})",
                               admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["changed"], 1);
  EXPECT_EQ(j["units_total"], 4);
  ASSERT_EQ(j["changes"].size(), 1u);
  const Json& c = j["changes"][0];
  EXPECT_EQ(c["unit_id"], "D02");
  EXPECT_EQ(c["name_zh"], "西区");
  EXPECT_EQ(c["name_en"], "West District");
  EXPECT_EQ(c["category_id"], "C1");
  EXPECT_NEAR(c["total_before"].get<double>(), 0.7 * 13 / 15 * 100 + 25, kEps);
  EXPECT_NEAR(c["total_after"].get<double>(), 85, kEps);
  EXPECT_EQ(c["rank_before"], 2);
  EXPECT_EQ(c["rank_after"], 1);
  EXPECT_EQ(c["grade_before"], "good");
  EXPECT_EQ(c["grade_after"], "good");
  EXPECT_EQ(c["reasons"],
            Json({"total 85.6667 → 85",
                  "category weights (indicator/satisfaction/leadership) 0.7/0.2/0.1 → 0/0.5/0.5"}))
      << c.dump();
  EXPECT_EQ(c["reasons_zh"],
            Json({"总分 85.6667 → 85", "类别权重（指标/满意度/领导评价）0.7/0.2/0.1 → 0/0.5/0.5"}))
      << c.dump();
  EXPECT_EQ(c["indicators"], Json::array());  // no indicator's points moved
  // `after` is a full Results document under the changed scheme.
  const Json& after = j["after"];
  EXPECT_EQ(after["status"], "monitoring");
  EXPECT_NEAR(after["categories"][0]["weights"]["indicator"].get<double>(), 0, kEps);
  EXPECT_NEAR(FindRow(after, "D01")->at("total").get<double>(), 85, kEps);
  EXPECT_EQ(FindRow(after, "D01")->at("rank"), 1);
  EXPECT_NEAR(FindRow(after, "B02")->at("total").get<double>(), 95, kEps);  // C2 untouched

  // Nothing was written, and the year's own results are unchanged.
  EXPECT_EQ(AuditCount(city), audit_before);
  const Json stored = Body(city.Call("GET", "/api/v1/years/2025/results", "", admin));
  EXPECT_NEAR(FindRow(stored, "D02")->at("total").get<double>(), 0.7 * 13 / 15 * 100 + 25, kEps);
  EXPECT_EQ(FindRow(stored, "D02")->at("rank"), 2);
}

TEST(ServerAnalysis, WhatIfPointsChangeSwapsRanksAndNamesTheIndicator) {
  TestCity city;
  const std::string leader = city.TokenFor("leader");
  // 1.1.1 (completion) at 2 points instead of 10; 1.1.2 (rank) keeps 5:
  //   D01: 0.9·2 + 4.5 = 6.3 of 7 = 90 %     → 0.7·90 + 25     = 88 (unchanged, was rank 1)
  //   D02: 0.8·2 + 5   = 6.6 of 7 = 94.286 % → 0.7·94.286 + 25 = 91 (was 85.667, rank 2)
  // D02 overtakes D01 and, at 91 and rank 1 (quota floor(0.5·2) = 1), is excellent.
  const Response r =
      city.Call("POST", "/api/v1/years/2025/whatif",
                R"({"changes": [{"op": "points", "indicator_id": "1.1.1", "points": 2}]})", leader);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["changed"], 2);
  ASSERT_EQ(j["changes"].size(), 2u) << r.body;
  // In the order of the new results: category, then rank.
  const Json& d02 = j["changes"][0];
  const Json& d01 = j["changes"][1];
  EXPECT_EQ(d02["unit_id"], "D02");
  EXPECT_EQ(d02["rank_before"], 2);
  EXPECT_EQ(d02["rank_after"], 1);
  EXPECT_NEAR(d02["total_before"].get<double>(), 0.7 * 13 / 15 * 100 + 25, kEps);
  EXPECT_NEAR(d02["total_after"].get<double>(), 91, kEps);
  EXPECT_EQ(d02["grade_before"], "good");
  EXPECT_EQ(d02["grade_after"], "excellent");
  ASSERT_EQ(d02["indicators"].size(), 1u) << d02.dump();
  EXPECT_EQ(d02["indicators"][0]["indicator_id"], "1.1.1");
  EXPECT_NEAR(d02["indicators"][0]["earned_before"].get<double>(), 8, kEps);
  EXPECT_NEAR(d02["indicators"][0]["earned_after"].get<double>(), 1.6, kEps);

  EXPECT_EQ(d01["unit_id"], "D01");
  EXPECT_EQ(d01["rank_before"], 1);
  EXPECT_EQ(d01["rank_after"], 2);
  EXPECT_NEAR(d01["total_before"].get<double>(), 88, kEps);
  EXPECT_NEAR(d01["total_after"].get<double>(), 88, kEps);
  EXPECT_EQ(d01["grade_after"], "good");
  ASSERT_EQ(d01["indicators"].size(), 1u) << d01.dump();
  const Json& delta = d01["indicators"][0];
  EXPECT_EQ(delta["indicator_id"], "1.1.1");
  EXPECT_EQ(delta["name_zh"], "投资完成率");
  EXPECT_EQ(delta["name_en"], "Investment completion");
  EXPECT_NEAR(delta["earned_before"].get<double>(), 9, kEps);
  EXPECT_NEAR(delta["earned_after"].get<double>(), 1.8, kEps);
  EXPECT_FALSE(delta["rule_before"].get<std::string>().empty());
  EXPECT_FALSE(delta["rule_after"].get<std::string>().empty());
}

TEST(ServerAnalysis, WhatIfGradeThresholdMovesAGrade) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  // "good" from 86 in C1: D02 (85.667) falls to qualified; D01 (88) stays good.
  const Response r = city.Call(
      "POST", "/api/v1/years/2025/whatif",
      R"({"changes": [{"op": "grade", "category_id": "C1", "code": "good", "min_score": 86}]})",
      admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  ASSERT_EQ(j["changes"].size(), 1u) << r.body;
  const Json& c = j["changes"][0];
  EXPECT_EQ(c["unit_id"], "D02");
  EXPECT_EQ(c["rank_before"], 2);
  EXPECT_EQ(c["rank_after"], 2);
  EXPECT_EQ(c["grade_before"], "good");
  EXPECT_EQ(c["grade_after"], "qualified");
  EXPECT_NEAR(c["total_after"].get<double>(), c["total_before"].get<double>(), kEps);
  EXPECT_EQ(FindRow(j["after"], "D01")->at("grade"), "good");
}

TEST(ServerAnalysis, WhatIfAcceptsAWholeSchemeFile) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Json exported = Body(city.Call("GET", "/api/v1/years/2025/scheme", "", admin));
  Json scheme = exported;
  scheme["categories"][0]["weights"] = {
      {"indicator", 0}, {"satisfaction", 0.5}, {"leadership", 0.5}};
  const Response r =
      city.Call("POST", "/api/v1/years/2025/whatif", Json({{"scheme", scheme}}).dump(), admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["changed"], 1);
  EXPECT_EQ(Body(r)["changes"][0]["unit_id"], "D02");

  Json wrong_year = exported;
  wrong_year["year"] = 2024;
  ExpectBadField(
      city.Call("POST", "/api/v1/years/2025/whatif", Json({{"scheme", wrong_year}}).dump(), admin),
      "scheme.year");
  Json bad_points = exported;
  bad_points["indicators"][2]["points"] = "ten";
  ExpectBadField(
      city.Call("POST", "/api/v1/years/2025/whatif", Json({{"scheme", bad_points}}).dump(), admin),
      "scheme.indicators[2].points");
  Json bad_parent = exported;
  bad_parent["indicators"][2]["parent_id"] = "9.9";
  ExpectBadField(
      city.Call("POST", "/api/v1/years/2025/whatif", Json({{"scheme", bad_parent}}).dump(), admin),
      "scheme.indicators[2]");
}

TEST(ServerAnalysis, WhatIfErrorsNameTheChange) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const size_t audit_before = AuditCount(city);
  const std::string path = "/api/v1/years/2025/whatif";
  ExpectBadField(city.Call("POST", path, R"({"changes": [{"op": "explode"}]})", admin),
                 "changes[0].op");
  const Response msg = city.Call("POST", path, R"({"changes": [{"op": "explode"}]})", admin);
  EXPECT_NE(Body(msg)["message"].get<std::string>().find("changes[0].op"), std::string::npos);
  ExpectBadField(city.Call("POST", path,
                           R"({"changes": [{"op": "points", "indicator_id": "1.1.1", "points": 3},
                                {"op": "points", "indicator_id": "7.7.7", "points": 3}]})",
                           admin),
                 "changes[1].indicator_id");
  ExpectBadField(city.Call("POST", path,
                           R"({"changes": [{"op": "weights", "category_id": "C1", "indicator": 0.5,
                                            "satisfaction": 0.2, "leadership": 0.1}]})",
                           admin),
                 "changes[0]");
  ExpectBadField(city.Call("POST", path, R"({"changes": {}})", admin), "changes");
  ExpectBadField(city.Call("POST", path, R"({})", admin), "changes");
  ExpectBadField(city.Call("POST", path, R"({"changes": [], "scheme": {}})", admin), "changes");
  ExpectBadField(city.Call("POST", path, R"({"scheme": 5})", admin), "scheme");
  EXPECT_EQ(city.Call("POST", path, "not json", admin).status, 400);
  EXPECT_EQ(city.Call("POST", "/api/v1/years/2030/whatif", R"({"changes": []})", admin).status,
            404);
  EXPECT_EQ(AuditCount(city), audit_before);
}

// ------------------------------------------------------------------ health ----

TEST(ServerAnalysis, HealthNamesEveryLeafWithItsNumbers) {
  TestCity city;
  const std::string leader = city.TokenFor("leader");
  const Response r = city.Call("GET", "/api/v1/years/2025/analysis/health", "", leader);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["year"], 2025);
  ASSERT_EQ(j["indicators"].size(), 3u);
  // 1.1.1: D01 9/10, D02 8/10 → mean 0.85, population sd 0.05, none full.
  const Json* i111 = FindBy(j["indicators"], "indicator_id", "1.1.1");
  ASSERT_NE(i111, nullptr);
  EXPECT_EQ((*i111)["name_zh"], "投资完成率");
  EXPECT_EQ((*i111)["name_en"], "Investment completion");
  EXPECT_EQ((*i111)["type"], "outcome");
  EXPECT_NEAR((*i111)["points"].get<double>(), 10, kEps);
  EXPECT_EQ((*i111)["units"], 2);
  EXPECT_NEAR((*i111)["saturation"].get<double>(), 0, kEps);
  EXPECT_NEAR((*i111)["mean_share"].get<double>(), 0.85, kEps);
  EXPECT_NEAR((*i111)["discrimination"].get<double>(), 0.05, kEps);
  EXPECT_EQ((*i111)["most_correlated"], "");  // fewer than 5 units in common
  EXPECT_EQ((*i111)["saturated"], false);
  EXPECT_EQ((*i111)["redundant"], false);
  // 2.1.1: B01 90/100, B02 100/100 → half saturated.
  const Json* i211 = FindBy(j["indicators"], "indicator_id", "2.1.1");
  ASSERT_NE(i211, nullptr);
  EXPECT_NEAR((*i211)["saturation"].get<double>(), 0.5, kEps);
  ASSERT_EQ(j["categories"].size(), 2u);
  EXPECT_EQ(j["categories"][0]["category_id"], "C1");
  EXPECT_EQ(j["categories"][0]["name_zh"], "区县");
  EXPECT_NEAR(j["categories"][0]["by_type"]["outcome"].get<double>(), 1, kEps);
  EXPECT_EQ(j["categories"][0]["process_dominated"], false);
}

// --------------------------------------------------------------- anomalies ----

TEST(ServerAnalysis, AnomaliesTinyCityHasNoneAndLeadsAreNarrowed) {
  TestCity city;
  for (const char* user : {"admin", "leader", "lead_b01"}) {
    const Response r =
        city.Call("GET", "/api/v1/years/2025/analysis/anomalies", "", city.TokenFor(user));
    ASSERT_EQ(r.status, 200) << user << r.body;
    EXPECT_EQ(Body(r), Json({{"year", 2025}, {"flags", Json::array()}})) << user;
  }
  EXPECT_EQ(
      city.Call("GET", "/api/v1/years/2030/analysis/anomalies", "", city.TokenFor("admin")).status,
      404);
}

TEST(ServerAnalysis, AnomaliesOnTheDemoCityAreNamedAndALeadSeesOnlyItsIndicators) {
  DemoCity city;
  ASSERT_TRUE(city.ready);
  store::Store& st = *city.db;
  App& app = *city.app;
  auto token = [&](const std::string& user) { return city.Token(user); };
  auto years = st.ListYears();
  ASSERT_TRUE(years.ok() && !years->empty());
  const int year = years->back().year;
  const std::string path = "/api/v1/years/" + std::to_string(year) + "/analysis/anomalies";
  const Response all = app.Handle(testing::MakeRequest("GET", path, "", token("admin")));
  ASSERT_EQ(all.status, 200) << all.body;
  const Json flags = Body(all)["flags"];
  ASSERT_FALSE(flags.empty()) << "the demo city should trip at least one flag";
  for (const auto& f : flags) {
    SCOPED_TRACE(f.dump());
    EXPECT_FALSE(f["unit_name_zh"].get<std::string>().empty());
    EXPECT_FALSE(f["message"].get<std::string>().empty());
    EXPECT_FALSE(f["message_zh"].get<std::string>().empty());
    if (!f["indicator_id"].get<std::string>().empty()) {
      EXPECT_FALSE(f["indicator_name_zh"].get<std::string>().empty());
    }
  }
  // A lead user: exactly the flags of indicators its unit leads.
  auto scheme = st.LoadScheme(year);
  ASSERT_TRUE(scheme.ok());
  auto users = st.ListUsers();
  ASSERT_TRUE(users.ok());
  std::map<std::string, std::string> lead_of;  // indicator → lead unit
  for (const auto& i : scheme->indicators) lead_of[i.id] = i.lead_unit_id;
  int leads_checked = 0;
  for (const auto& u : *users) {
    if (u.role != store::kRoleLead || leads_checked >= 3) continue;
    size_t expected = 0;
    for (const auto& f : flags) {
      const std::string ind = f["indicator_id"];
      if (!ind.empty() && lead_of[ind] == u.unit_id) ++expected;
    }
    const Response mine = app.Handle(testing::MakeRequest("GET", path, "", token(u.username)));
    ASSERT_EQ(mine.status, 200) << mine.body;
    const Json got = Body(mine)["flags"];
    EXPECT_EQ(got.size(), expected) << u.username;
    for (const auto& f : got) EXPECT_EQ(lead_of[f["indicator_id"]], u.unit_id);
    ++leads_checked;
  }
  EXPECT_GT(leads_checked, 0);
}

// Fairness: DEA efficiency of the demo city's budget and staff beside the
// score; every unit with inputs gets an efficiency in (0, 1], each category's
// best is 1, and a leader may read it while a unit may not.
TEST(ServerAnalysis, FairnessOnTheDemoCityGivesEfficienciesPerCategory) {
  DemoCity city;
  ASSERT_TRUE(city.ready);
  store::Store& st = *city.db;
  App& app = *city.app;
  auto token = [&](const std::string& user) { return city.Token(user); };
  const std::string path = "/api/v1/years/2025/analysis/fairness";
  const Response r = app.Handle(testing::MakeRequest("GET", path, "", token("leader")));
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["inputs"], Json({"budget", "staff"}));
  ASSERT_EQ(j["units"].size(), 48u);
  std::map<std::string, double> best;
  for (const auto& u : j["units"]) {
    SCOPED_TRACE(u.dump());
    ASSERT_TRUE(u["efficiency"].is_number());
    const double e = u["efficiency"];
    EXPECT_GT(e, 0);
    EXPECT_LE(e, 1 + 1e-9);
    EXPECT_GE(u["efficiency_rank"].get<int>(), 1);
    EXPECT_FALSE(u["name_zh"].get<std::string>().empty());
    best[u["category_id"]] = std::max(best[u["category_id"]], e);
  }
  EXPECT_EQ(best.size(), 6u);
  for (const auto& [c, e] : best) EXPECT_NEAR(e, 1.0, 1e-6) << c;
  EXPECT_EQ(app.Handle(testing::MakeRequest("GET", path, "", token("unit_d01"))).status, 403);
}

// ------------------------------------------------------------------ scheme ----

TEST(ServerAnalysis, SchemeExportImportRoundTripsIntoANewDraftYear) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Response got = city.Call("GET", "/api/v1/years/2025/scheme", "", admin);
  ASSERT_EQ(got.status, 200) << got.body;
  bool attachment = false;
  for (const auto& [name, value] : got.headers) {
    if (name == "Content-Disposition") {
      EXPECT_EQ(value, "attachment; filename=\"scheme-2025.json\"");
      attachment = true;
    }
  }
  EXPECT_TRUE(attachment);
  Json file = Body(got);
  EXPECT_EQ(file["format"], "govperf-scheme");
  file["year"] = 2027;

  const size_t audit_before = AuditCount(city);
  const Response put = city.Call("PUT", "/api/v1/years/2027/scheme", file.dump(), admin);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Body(put), Json({{"ok", true}, {"indicators", 3}, {"units", 4}}));  // leaves
  EXPECT_EQ(AuditCount(city), audit_before + 1);                                // one audited write

  auto original = city.store().LoadScheme(2025);
  auto copy = city.store().LoadScheme(2027);
  ASSERT_TRUE(original.ok() && copy.ok());
  original->year = 2027;
  EXPECT_EQ(io::SchemeToJson(*copy), io::SchemeToJson(*original));
  const Json years = Body(city.Call("GET", "/api/v1/years", "", admin));
  EXPECT_EQ(years["years"].back()["year"], 2027);
  EXPECT_EQ(years["years"].back()["status"], "draft");
  EXPECT_EQ(years["years"].back()["published_at"], "");
  // A draft may be replaced again; its results are visible to results.all.
  file["categories"][0]["bonus_cap"] = 2;
  ASSERT_EQ(city.Call("PUT", "/api/v1/years/2027/scheme", file.dump(), admin).status, 200);
  EXPECT_EQ(
      Body(city.Call("GET", "/api/v1/years/2027/scheme", "", admin))["categories"][0]["bonus_cap"],
      2.0);
}

TEST(ServerAnalysis, SchemeImportRefusesNonDraftYearsBrokenFilesAndOtherRoles) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Json file = Body(city.Call("GET", "/api/v1/years/2025/scheme", "", admin));
  const size_t audit_before = AuditCount(city);

  // Published and in-progress years: 409.
  Json y2024 = file;
  y2024["year"] = 2024;
  const Response published = city.Call("PUT", "/api/v1/years/2024/scheme", y2024.dump(), admin);
  EXPECT_EQ(published.status, 409) << published.body;
  EXPECT_EQ(Body(published)["code"], "failed_precondition");
  EXPECT_EQ(city.Call("PUT", "/api/v1/years/2025/scheme", file.dump(), admin).status, 409);

  // Year of the file ≠ year of the path.
  ExpectBadField(city.Call("PUT", "/api/v1/years/2026/scheme", file.dump(), admin), "year");
  // Broken files name the row / field.
  Json bad = file;
  bad["year"] = 2026;
  bad["indicators"][2]["parent_id"] = "9.9";
  const Response row = city.Call("PUT", "/api/v1/years/2026/scheme", bad.dump(), admin);
  ExpectBadField(row, "indicators[2]");
  EXPECT_NE(
      Body(row)["message"].get<std::string>().find("indicators[2] (1.1.1): unknown parent_id"),
      std::string::npos)
      << row.body;
  bad = file;
  bad["year"] = 2026;
  bad["units"][1]["category_id"] = 7;
  ExpectBadField(city.Call("PUT", "/api/v1/years/2026/scheme", bad.dump(), admin),
                 "units[1].category_id");
  ExpectBadField(city.Call("PUT", "/api/v1/years/2026/scheme", "[1, 2", admin), "body");
  ExpectBadField(city.Call("PUT", "/api/v1/years/2026/scheme", "[]", admin), "scheme");

  // Other roles: 403 (unit, leader, lead), 401 anonymous.
  Json y2026 = file;
  y2026["year"] = 2026;
  for (const char* user : {"leader", "lead_b01", "unit_d01"}) {
    const Response r =
        city.Call("PUT", "/api/v1/years/2026/scheme", y2026.dump(), city.TokenFor(user));
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_EQ(Body(r)["details"]["permission"], "scheme.write") << user;
  }
  EXPECT_EQ(city.Call("PUT", "/api/v1/years/2026/scheme", y2026.dump()).status, 401);
  // Nothing was written by any of these (sessions aside).
  auto records = city.store().ListAudit(0, 100000);
  ASSERT_TRUE(records.ok());
  for (size_t i = audit_before; i < records->size(); ++i) {
    EXPECT_NE((*records)[i].action, "scheme.save") << (*records)[i].entity;
  }
  EXPECT_EQ(Body(city.Call("GET", "/api/v1/years", "", admin))["years"].size(), 2u);
}

}  // namespace
}  // namespace govperf::server
