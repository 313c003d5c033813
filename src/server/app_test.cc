// Router/handler level: the App over a real SQLite store (no sockets).
#include <gtest/gtest.h>

#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::FindRow;
using testing::kEps;
using testing::TestCity;

const Json* FindById(const Json& list, const std::string& id, const char* key = "id") {
  for (const auto& x : list) {
    if (x[key] == id) return &x;
  }
  return nullptr;
}

void ExpectEnvelope(const Response& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  const Json j = Body(r);
  ASSERT_TRUE(j.is_object()) << r.body;
  EXPECT_EQ(j.value("code", ""), code) << r.body;
  EXPECT_TRUE(j.contains("message") && j["message"].is_string()) << r.body;
  EXPECT_TRUE(j.contains("details") && j["details"].is_object()) << r.body;
}

TEST(ServerApi, HealthReportsVersionAndYears) {
  TestCity city;
  const Response r = city.Call("GET", "/api/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Body(r), Json({{"status", "ok"}, {"version", "0.1.0"}, {"years", 2}}));
}

TEST(ServerApi, LoginWithArgon2AndSameMessageForUnknownUserAndWrongPassword) {
  TestCity city;
  const Response ok =
      city.Call("POST", "/api/v1/auth/login",
                Json({{"username", "unit_d01"}, {"password", testing::kPassword}}).dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  const Json j = Body(ok);
  EXPECT_EQ(j["expires_at"], city.clock().NowUnix() + 8 * 3600);
  EXPECT_EQ(j["user"]["username"], "unit_d01");
  EXPECT_EQ(j["user"]["role"], "unit");
  EXPECT_EQ(j["user"]["unit_id"], "D01");
  EXPECT_EQ(j["user"]["unit_name_zh"], "东区");
  EXPECT_EQ(j["user"]["unit_name_en"], "East District");
  EXPECT_EQ(j["user"]["permissions"],
            Json({"results.public", "scorecard.own", "setting.read", "setting.negotiate",
                  "reports.read", "reports.submit", "yearend.read", "yearend.self", "feedback.own",
                  "rectification.write", "bulletins.read", "opinions.read", "opinions.answer"}));

  const Response me = city.Call("GET", "/api/v1/me", "", j["token"].get<std::string>());
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Body(me), j["user"]);

  const Response wrong = city.Call("POST", "/api/v1/auth/login",
                                   Json({{"username", "unit_d01"}, {"password", "x"}}).dump());
  const Response unknown = city.Call("POST", "/api/v1/auth/login",
                                     Json({{"username", "nobody"}, {"password", "x"}}).dump());
  ExpectEnvelope(wrong, 401, "unauthenticated");
  ExpectEnvelope(unknown, 401, "unauthenticated");
  EXPECT_EQ(Body(wrong)["message"], Body(unknown)["message"]);

  const Response missing = city.Call("POST", "/api/v1/auth/login", R"({"username": "a"})");
  ExpectEnvelope(missing, 400, "invalid_argument");
  EXPECT_NE(Body(missing)["message"].get<std::string>().find("password"), std::string::npos);
}

TEST(ServerApi, LogoutInvalidatesTheToken) {
  TestCity city;
  const std::string token = city.TokenFor("admin");
  ASSERT_EQ(city.Call("GET", "/api/v1/me", "", token).status, 200);
  const Response out = city.Call("POST", "/api/v1/auth/logout", "", token);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(Body(out), Json({{"ok", true}}));
  ExpectEnvelope(city.Call("GET", "/api/v1/me", "", token), 401, "unauthenticated");
}

TEST(ServerApi, ExpiredSessionIsUnauthenticated) {
  TestCity city;
  const std::string token = city.TokenFor("admin");
  city.clock().Advance(8 * 3600 - 1);
  ASSERT_EQ(city.Call("GET", "/api/v1/users", "", token).status, 200);
  city.clock().Advance(1);
  const Response r = city.Call("GET", "/api/v1/users", "", token);
  ExpectEnvelope(r, 401, "unauthenticated");
  ExpectEnvelope(city.Call("GET", "/api/v1/users", "", "not-a-token"), 401, "unauthenticated");
  ExpectEnvelope(city.Call("GET", "/api/v1/users"), 401, "unauthenticated");
}

TEST(ServerApi, PublicResultsShowOnlyPublishedYears) {
  TestCity city;
  EXPECT_EQ(Body(city.Call("GET", "/api/v1/public/years")),
            Json({{"years", {2024}}, {"certificates", {{"2024", nullptr}}}}));

  const Response latest = city.Call("GET", "/api/v1/public/results");
  ASSERT_EQ(latest.status, 200) << latest.body;
  const Json j = Body(latest);
  EXPECT_EQ(j["year"], 2024);
  EXPECT_EQ(j["status"], "published");
  ASSERT_EQ(j["grades"].size(), 4u);
  EXPECT_EQ(j["grades"][0],
            Json({{"code", "excellent"}, {"name_zh", "优秀"}, {"name_en", "Excellent"}}));
  ASSERT_EQ(j["categories"].size(), 2u);
  EXPECT_EQ(j["categories"][0]["id"], "C1");
  EXPECT_EQ(j["categories"][0]["kind"], "district");
  EXPECT_NEAR(j["categories"][0]["weights"]["indicator"].get<double>(), 0.7, kEps);

  ExpectEnvelope(city.Call("GET", "/api/v1/public/results?year=2025"), 404, "not_found");
  ExpectEnvelope(city.Call("GET", "/api/v1/public/results?year=2030"), 404, "not_found");
  const Response bad = city.Call("GET", "/api/v1/public/results?year=abc");
  ExpectEnvelope(bad, 400, "invalid_argument");
  EXPECT_EQ(Body(bad)["details"]["field"], "year");
  // A stale token does not break the public portal.
  EXPECT_EQ(city.Call("GET", "/api/v1/public/results", "", "stale").status, 200);
}

// D01: 1.1.1 9/10 → 9 of 10; 1.1.2 rank 2 of 2 (step 0.5) → 4.5 of 5;
//      indicator 13.5/15 = 90; total 0.7·90 + 0.2·80 + 0.1·90 = 88 → good.
// D02: 8 + 5 = 13/15 → 86.667; total 60.667 + 16 + 9 = 85.667 → good, rank 2.
TEST(ServerApi, YearResultsCarryTheEvaluatedNumbers) {
  TestCity city;
  const std::string token = city.TokenFor("leader");
  const Response r = city.Call("GET", "/api/v1/years/2025/results", "", token);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["status"], "monitoring");
  const Json& units = j["categories"][0]["units"];
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0]["unit_id"], "D01");
  EXPECT_EQ(units[0]["name_en"], "East District");
  EXPECT_NEAR(units[0]["indicator_score"].get<double>(), 90, kEps);
  EXPECT_NEAR(units[0]["satisfaction"].get<double>(), 80, kEps);
  EXPECT_NEAR(units[0]["leadership"].get<double>(), 90, kEps);
  EXPECT_NEAR(units[0]["total"].get<double>(), 88, kEps);
  EXPECT_EQ(units[0]["rank"], 1);
  EXPECT_EQ(units[0]["grade"], "good");
  EXPECT_EQ(units[0]["vetoed"], false);
  EXPECT_EQ(units[1]["unit_id"], "D02");
  EXPECT_NEAR(units[1]["total"].get<double>(), 0.7 * 13 / 15 * 100 + 25, kEps);
  EXPECT_EQ(units[1]["rank"], 2);

  const Response years = city.Call("GET", "/api/v1/years", "", token);
  Json listed = Body(years)["years"];
  for (Json& y : listed) {
    // Versions count writes; the transitions are the stage table's (tested as data).
    EXPECT_GT(y["data_version"].get<int>(), 0);
    EXPECT_TRUE(y["has_scheme"].get<bool>());
    y.erase("data_version");
    y.erase("has_scheme");
    y.erase("transitions");
  }
  EXPECT_EQ(
      listed,
      Json::parse(R"([{"year":2024,"status":"published","published_at":"2025-03-01T00:00:00Z"},
                            {"year":2025,"status":"monitoring","published_at":""}])"));
  EXPECT_EQ(Body(years)["years"][1]["transitions"],
            Json::parse(R"([{"to":"year_end","allowed":false}])"));  // a leader may not move it
  ExpectEnvelope(city.Call("GET", "/api/v1/years/2030/results", "", token), 404, "not_found");
  const Response bad = city.Call("GET", "/api/v1/years/20x5/results", "", token);
  ExpectEnvelope(bad, 400, "invalid_argument");
  EXPECT_EQ(Body(bad)["details"]["field"], "year");
}

TEST(ServerApi, UnitSeesItsOwnScorecardButNotAnothers) {
  TestCity city;
  const std::string token = city.TokenFor("unit_d01");
  const Response r = city.Call("GET", "/api/v1/years/2025/units/D01/scorecard", "", token);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Body(r);
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["status"], "monitoring");
  EXPECT_EQ(j["unit"]["category_name_en"], "Districts");
  EXPECT_EQ(j["result"]["category_size"], 2);
  EXPECT_NEAR(j["result"]["total"].get<double>(), 88, kEps);
  ASSERT_EQ(j["indicators"].size(), 2u);  // only the leaves of C1
  const Json& i111 = j["indicators"][0];
  EXPECT_EQ(i111["id"], "1.1.1");
  EXPECT_EQ(i111["parent_id"], "1.1");
  EXPECT_EQ(i111["level"], 3);
  EXPECT_EQ(i111["method"], "completion_ratio");
  EXPECT_EQ(i111["type"], "outcome");
  EXPECT_EQ(i111["direction"], 1);
  EXPECT_EQ(i111["lead_unit_id"], "B01");
  EXPECT_EQ(i111["lead_unit_name_zh"], "发展改革委");
  EXPECT_NEAR(i111["target"].get<double>(), 10, kEps);
  EXPECT_NEAR(i111["actual"].get<double>(), 9, kEps);
  EXPECT_NEAR(i111["earned"].get<double>(), 9, kEps);
  EXPECT_NEAR(i111["lost"].get<double>(), 1, kEps);
  EXPECT_EQ(i111["status"], "scored");
  EXPECT_NE(i111["rule"].get<std::string>().find("completion"), std::string::npos);
  EXPECT_EQ(i111["entered_by"], "system");
  EXPECT_EQ(i111["monthly"], Json::parse(R"([{"period":"2025-01","value":1.0},
                                             {"period":"2025-02","value":2.5}])"));
  EXPECT_NEAR(j["indicators"][1]["earned"].get<double>(), 4.5, kEps);
  // Tree: level 1 and 2 nodes that hold the unit's leaves, with sums.
  ASSERT_EQ(j["tree"].size(), 2u);
  EXPECT_EQ(j["tree"][0]["id"], "1");
  EXPECT_NEAR(j["tree"][0]["points"].get<double>(), 15, kEps);
  EXPECT_NEAR(j["tree"][0]["earned"].get<double>(), 13.5, kEps);
  EXPECT_EQ(j["tree"][1]["id"], "1.1");
  EXPECT_TRUE(j["adjustments"].empty());

  // Its own data in an unpublished year is fine; another unit's is not.
  const Response other = city.Call("GET", "/api/v1/years/2025/units/D02/scorecard", "", token);
  ExpectEnvelope(other, 403, "permission_denied");
  ExpectEnvelope(city.Call("GET", "/api/v1/years/2024/units/B01/scorecard", "", token), 403,
                 "permission_denied");
  // The admin reads any unit; an unknown unit or year is 404.
  const std::string admin = city.TokenFor("admin");
  EXPECT_EQ(city.Call("GET", "/api/v1/years/2025/units/D02/scorecard", "", admin).status, 200);
  ExpectEnvelope(city.Call("GET", "/api/v1/years/2025/units/X99/scorecard", "", admin), 404,
                 "not_found");
  ExpectEnvelope(city.Call("GET", "/api/v1/years/2031/units/D01/scorecard", "", admin), 404,
                 "not_found");
}

TEST(ServerApi, LeadWritesALedIndicatorAndEverythingFollows) {
  TestCity city;
  const std::string lead = city.TokenFor("lead_b01");
  const std::string admin = city.TokenFor("admin");
  // Warm the cache first so that the test proves invalidation.
  ASSERT_EQ(city.Call("GET", "/api/v1/years/2025/results", "", admin).status, 200);

  const Response put = city.Call(
      "PUT", "/api/v1/years/2025/values",
      R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":10,"no_data":false,
          "note":"checked against the ledger"})",
      lead);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Body(put), Json({{"ok", true}}));

  // Scorecard: the new value, full points, who entered it.
  const Json card = Body(city.Call("GET", "/api/v1/years/2025/units/D01/scorecard", "", admin));
  const Json* i111 = FindById(card["indicators"], "1.1.1");
  ASSERT_NE(i111, nullptr);
  EXPECT_NEAR((*i111)["actual"].get<double>(), 10, kEps);
  EXPECT_NEAR((*i111)["earned"].get<double>(), 10, kEps);
  EXPECT_EQ((*i111)["entered_by"], "lead_b01");
  // Results: indicator 14.5/15 → total 0.7·96.667 + 25 = 92.667 → excellent.
  const Json results = Body(city.Call("GET", "/api/v1/years/2025/results", "", admin));
  const Json* d01 = FindRow(results, "D01");
  ASSERT_NE(d01, nullptr);
  EXPECT_NEAR((*d01)["total"].get<double>(), 0.7 * 14.5 / 15 * 100 + 25, kEps);
  EXPECT_EQ((*d01)["grade"], "excellent");
  // Lead view shows the value.
  const Json led = Body(city.Call("GET", "/api/v1/lead/indicators?year=2025", "", lead));
  ASSERT_EQ(led["indicators"].size(), 1u);
  EXPECT_EQ(led["indicators"][0]["id"], "1.1.1");
  const Json* v = FindById(led["indicators"][0]["values"], "D01", "unit_id");
  ASSERT_NE(v, nullptr);
  EXPECT_NEAR((*v)["actual"].get<double>(), 10, kEps);
  EXPECT_NEAR((*v)["target"].get<double>(), 10, kEps);
  EXPECT_EQ((*v)["entered_by"], "lead_b01");

  // Audit: the write, with before and after.
  const Json audit = Body(city.Call("GET", "/api/v1/audit?limit=1000", "", admin));
  EXPECT_EQ(audit["verification"]["ok"], true);
  const Json* rec = nullptr;
  for (const auto& r : audit["records"]) {
    if (r["action"] == "datum.put") rec = &r;
  }
  ASSERT_NE(rec, nullptr) << audit.dump();
  EXPECT_EQ((*rec)["actor"], "lead_b01");
  EXPECT_NEAR((*rec)["before"]["value"].get<double>(), 9, kEps) << rec->dump();
  EXPECT_NEAR((*rec)["after"]["value"].get<double>(), 10, kEps) << rec->dump();

  // An indicator B01 does not lead.
  const Response denied =
      city.Call("PUT", "/api/v1/years/2025/values",
                R"({"indicator_id":"1.1.2","unit_id":"D01","period":"2025","value":6})", lead);
  ExpectEnvelope(denied, 403, "permission_denied");
  // The admin may write any indicator; a monthly value too.
  EXPECT_EQ(
      city.Call("PUT", "/api/v1/years/2025/values",
                R"({"indicator_id":"1.1.2","unit_id":"D01","period":"2025-03","value":6})", admin)
          .status,
      200);
}

TEST(ServerApi, WritesAreValidatedAndNameTheField) {
  TestCity city;
  const std::string lead = city.TokenFor("lead_b01");
  auto put = [&](int year, const std::string& body) {
    return city.Call("PUT", "/api/v1/years/" + std::to_string(year) + "/values", body, lead);
  };
  const Response published =
      put(2024, R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2024","value":1})");
  ExpectEnvelope(published, 409, "failed_precondition");

  for (const char* period : {"2025-13", "2024", "2025-1", "25", ""}) {
    const Response r =
        put(2025,
            Json({{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"period", period}, {"value", 1}})
                .dump());
    ExpectEnvelope(r, 400, "invalid_argument");
    EXPECT_NE(Body(r)["message"].get<std::string>().find("period"), std::string::npos) << r.body;
    EXPECT_EQ(Body(r)["details"]["field"], "period") << period;
  }
  const Response bad_value =
      put(2025, R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":"ten"})");
  ExpectEnvelope(bad_value, 400, "invalid_argument");
  EXPECT_EQ(Body(bad_value)["details"]["field"], "value");
  const Response conflict = put(
      2025, R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":1,"no_data":true})");
  EXPECT_EQ(Body(conflict)["details"]["field"], "value");

  const Response malformed = put(2025, R"({"indicator_id": "1.1.1",)");
  ExpectEnvelope(malformed, 400, "invalid_argument");
  EXPECT_NE(Body(malformed)["message"].get<std::string>().find("JSON"), std::string::npos);
  ExpectEnvelope(put(2025, "[1,2]"), 400, "invalid_argument");

  ExpectEnvelope(put(2030, R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2030"})"), 404,
                 "not_found");
  const Response no_ind =
      put(2025, R"({"indicator_id":"9.9.9","unit_id":"D01","period":"2025","value":1})");
  ExpectEnvelope(no_ind, 404, "not_found");
  EXPECT_EQ(Body(no_ind)["details"]["field"], "indicator_id");
  ExpectEnvelope(put(2025, R"({"indicator_id":"1.1","unit_id":"D01","period":"2025"})"), 404,
                 "not_found");  // not a leaf
  ExpectEnvelope(put(2025, R"({"indicator_id":"1.1.1","unit_id":"Z9","period":"2025"})"), 404,
                 "not_found");
  // B01 leads 1.1.1, but B02 is not assessed on it.
  const Response not_assessed =
      put(2025, R"({"indicator_id":"1.1.1","unit_id":"B02","period":"2025","value":1})");
  ExpectEnvelope(not_assessed, 400, "invalid_argument");
  EXPECT_EQ(Body(not_assessed)["details"]["field"], "unit_id");
  // Nothing of the above changed anything: still the seeded 9.
  const Json led = Body(city.Call("GET", "/api/v1/lead/indicators?year=2025", "", lead));
  EXPECT_NEAR(led["indicators"][0]["values"][0]["actual"].get<double>(), 9, kEps);
  // no_data declaration clears the value.
  ASSERT_EQ(put(2025, R"({"indicator_id":"1.1.1","unit_id":"D02","period":"2025","value":null,
                          "no_data":true})")
                .status,
            200);
  const Json led2 = Body(city.Call("GET", "/api/v1/lead/indicators?year=2025", "", lead));
  EXPECT_EQ(led2["indicators"][0]["values"][1]["no_data"], true);
  EXPECT_TRUE(led2["indicators"][0]["values"][1]["actual"].is_null());
}

TEST(ServerApi, RoutingErrorsUseTheEnvelope) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Response unknown = city.Call("GET", "/api/v1/nope", "", admin);
  ExpectEnvelope(unknown, 404, "not_found");
  ExpectEnvelope(city.Call("GET", "/api/v2/years"), 404, "not_found");
  const Response wrong = city.Call("DELETE", "/api/v1/years", "", admin);
  ExpectEnvelope(wrong, 405, "method_not_allowed");
  EXPECT_EQ(Body(wrong)["details"]["allowed"], Json({"GET", "POST"}));
  bool has_allow = false;
  for (const auto& [k, v] : wrong.headers) has_allow |= k == "Allow" && v == "GET, POST";
  EXPECT_TRUE(has_allow);
  ExpectEnvelope(city.Call("GET", "/api/v1/auth/login"), 405, "method_not_allowed");
  ExpectEnvelope(city.Call("GET", "/api/v1/audit?limit=0", "", admin), 400, "invalid_argument");
  ExpectEnvelope(city.Call("GET", "/api/v1/audit?limit=%zz", "", admin), 400, "invalid_argument");
}

TEST(ServerApi, MessagesFollowAcceptLanguage) {
  TestCity city;
  const Response zh = city.Call("GET", "/api/v1/users", "", "", "zh-CN,zh;q=0.9");
  ExpectEnvelope(zh, 401, "unauthenticated");
  EXPECT_EQ(Body(zh)["message"], "未登录或登录已过期，请重新登录");
  const Response en = city.Call("GET", "/api/v1/users", "", "", "en-US");
  EXPECT_NE(Body(en)["message"].get<std::string>().find("not logged in"), std::string::npos);
}

TEST(ServerApi, UnitsDashboardUsersAndAudit) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Json units = Body(city.Call("GET", "/api/v1/units", "", admin));
  ASSERT_EQ(units["units"].size(), 4u);
  EXPECT_EQ(units["units"][0], Json({{"id", "D01"},
                                     {"name_zh", "东区"},
                                     {"name_en", "East District"},
                                     {"category_id", "C1"},
                                     {"kind", "district"},
                                     {"parent_id", ""}}));
  EXPECT_EQ(units["categories"][1]["kind"], "department");

  const Response dash = city.Call("GET", "/api/v1/dashboard?year=2025", "", admin);
  ASSERT_EQ(dash.status, 200) << dash.body;
  const Json d = Body(dash);
  EXPECT_EQ(d["year"], 2025);
  const Json& c1 = d["categories"][0];
  EXPECT_EQ(c1["size"], 2);
  EXPECT_EQ(c1["grade_counts"],
            Json({{"excellent", 0}, {"good", 2}, {"qualified", 0}, {"unqualified", 0}}));
  EXPECT_NEAR(c1["mean_total"].get<double>(), (88 + 0.7 * 13 / 15 * 100 + 25) / 2, kEps);
  EXPECT_EQ(c1["top"][0]["unit_id"], "D01");
  EXPECT_EQ(c1["bottom"].back()["unit_id"], "D02");
  // Monthly monitoring through February: 6 (leaf, unit) pairs × 2 months; 2 reported.
  EXPECT_EQ(d["reporting"], Json({{"expected", 12}, {"reported", 2}, {"through", "2025-02"}}));
  // Default year: the latest.
  EXPECT_EQ(Body(city.Call("GET", "/api/v1/dashboard", "", admin))["year"], 2025);

  const Response users = city.Call("GET", "/api/v1/users", "", admin);
  ASSERT_EQ(users.status, 200);
  EXPECT_EQ(users.body.find("argon2"), std::string::npos);
  EXPECT_EQ(users.body.find("password"), std::string::npos);
  EXPECT_EQ(Body(users)["users"].size(), 5u);

  const Json audit = Body(city.Call("GET", "/api/v1/audit?after=0&limit=2", "", admin));
  ASSERT_EQ(audit["records"].size(), 2u);
  EXPECT_EQ(audit["records"][0]["id"], 1);
  EXPECT_EQ(audit["records"][0]["actor"], "system");
  EXPECT_EQ(audit["verification"]["ok"], true);
  EXPECT_GT(audit["verification"]["records"].get<int>(), 10);
  EXPECT_EQ(audit["verification"]["cached"], false);
  // The same head: the walk is reused; a forced walk, or a new record, walks again.
  const Json again = Body(city.Call("GET", "/api/v1/audit?limit=1", "", admin));
  EXPECT_EQ(again["verification"]["cached"], true);
  EXPECT_EQ(again["verification"]["records"], audit["verification"]["records"]);
  const Json forced = Body(city.Call("GET", "/api/v1/audit?limit=1&verify=full", "", admin));
  EXPECT_EQ(forced["verification"]["cached"], false);
  EXPECT_EQ(city.Call("GET", "/api/v1/audit?verify=sometimes", "", admin).status, 400);
  // Tampering is found by a forced walk even while the head is unchanged.
  ASSERT_EQ(store::testing::RawExec(city.dir().File("city.db"),
                                    "UPDATE audit_log SET actor = 'mallory' WHERE id = 2"),
            0);
  const Json tampered = Body(city.Call("GET", "/api/v1/audit?limit=1&verify=full", "", admin));
  EXPECT_EQ(tampered["verification"]["ok"], false);
  EXPECT_EQ(tampered["verification"]["first_bad_id"], 2);
}

// Invariant 2 of year_cache.h: a write by someone else (another process, the
// CLI) into the same store is seen on the next request.
TEST(ServerApi, CachedResultsSeeWritesMadeOutsideTheServer) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const Json before = Body(city.Call("GET", "/api/v1/years/2025/results", "", admin));
  EXPECT_NEAR((*FindRow(before, "D02"))["indicator_score"].get<double>(), 13.0 / 15 * 100, kEps);
  core::Datum d{"1.1.1", "D02", "2025", 10.0, false, "importer", "", ""};
  ASSERT_TRUE(city.store().PutDatum({"importer"}, 2025, d).ok());
  const Json after = Body(city.Call("GET", "/api/v1/years/2025/results", "", admin));
  EXPECT_NEAR((*FindRow(after, "D02"))["indicator_score"].get<double>(), 100, kEps);
}

}  // namespace
}  // namespace govperf::server
