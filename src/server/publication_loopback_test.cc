// 公示, appeals, committee approval and publication over the real transport:
// the office opens 公示 with a window of working days, a unit appeals its own
// score (and is refused on another unit's), the lead department answers, the
// office sees the knock-on effect and upholds (the value changes), approval
// and publication wait for the window, and the public portal then serves the
// certificate and the snapshot whose bytes hash to it.
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"
#include "store/password.h"

namespace govperf::server {
namespace {

class PublicationLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    city_.clock().Set(1772409600);  // 2026-03-02T00:00:00Z, a Monday (08:00 in China)
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  http_test::Reply Call(const std::string& method, const std::string& path, const std::string& user,
                        const std::string& body = "") {
    http_test::Client c(server_->port());
    std::vector<std::pair<std::string, std::string>> headers;
    if (!user.empty()) headers.push_back({"Authorization", "Bearer " + city_.TokenFor(user)});
    EXPECT_TRUE(c.Send(http_test::Http(method, path, headers, body)));
    return c.Read();
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(PublicationLoopback, AppealApproveAndPublishWithACertificate) {
  const std::string y = "/api/v1/years/2025";
  ASSERT_EQ(Call("POST", y + "/transition", "admin", R"({"to":"year_end"})").status, 200);
  // A bad window changes nothing.
  auto bad = Call("POST", y + "/transition", "admin",
                  R"({"to":"preliminary","window_working_days":3,"window_end_date":"2026-03-09"})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(Json::parse(bad.body)["details"]["field"], "working_days");
  auto moved =
      Call("POST", y + "/transition", "admin", R"({"to":"preliminary","window_working_days":3})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto state = Call("GET", y + "/publication", "unit_d01");
  ASSERT_EQ(state.status, 200) << state.body;
  Json st = Json::parse(state.body);
  EXPECT_EQ(st["window"]["start_date"], "2026-03-02");
  EXPECT_EQ(st["window"]["end_date"], "2026-03-05");
  EXPECT_EQ(st["window_open"], true);
  EXPECT_TRUE(st["certificate"].is_null());

  // 申诉: D01 on its own score; not on D02's; a leader cannot appeal.
  const std::string own =
      R"({"kind":"indicator","indicator_id":"1.1.1","claimed_value":10,"reason":"年报数据应为10"})";
  auto filed = Call("POST", y + "/appeals", "unit_d01", own);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const int64_t id = Json::parse(filed.body)["id"];
  EXPECT_EQ(Json::parse(filed.body)["unit_id"], "D01");
  EXPECT_EQ(Json::parse(filed.body)["state"], "filed");
  auto other = Call(
      "POST", y + "/appeals", "unit_d01",
      R"({"unit_id":"D02","kind":"indicator","indicator_id":"1.1.1","claimed_value":10,"reason":"x"})");
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(Json::parse(other.body)["details"]["field"], "unit_id");
  auto unknown =
      Call("POST", y + "/appeals", "unit_d01",
           R"({"kind":"indicator","indicator_id":"9.9","claimed_value":1,"reason":"x"})");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(Json::parse(unknown.body)["details"]["field"], "indicator_id");
  EXPECT_EQ(Call("POST", y + "/appeals", "leader", own).status, 403);
  // Units see their own appeals only.
  EXPECT_EQ(Json::parse(Call("GET", y + "/appeals", "unit_d01").body)["appeals"].size(), 1u);

  // B01 leads 1.1.1 and answers; a unit cannot; the office sees the knock-on.
  const std::string ref = y + "/appeals/" + std::to_string(id);
  EXPECT_EQ(Call("POST", ref + "/answer", "unit_d01", R"({"answer":"x"})").status, 403);
  auto answered = Call("POST", ref + "/answer", "lead_b01", R"({"answer":"核实属实"})");
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(Json::parse(answered.body)["state"], "answered");
  EXPECT_EQ(Call("GET", ref + "/knock-on", "unit_d01").status, 403);
  auto knock = Call("GET", ref + "/knock-on", "admin");
  ASSERT_EQ(knock.status, 200) << knock.body;
  Json k = Json::parse(knock.body);
  EXPECT_GT(k["unit"]["total_after"].get<double>(), k["unit"]["total_before"].get<double>());
  EXPECT_TRUE(k["changes"].is_array());

  // Approval and publication wait for the decision and the window.
  EXPECT_EQ(Call("POST", y + "/transition", "admin", R"({"to":"published"})").status, 409);
  auto decided = Call("POST", ref + "/decide", "admin", R"({"uphold":true,"reason":"证据充分"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(Json::parse(decided.body)["state"], "upheld");
  auto again = Call("POST", ref + "/decide", "admin", R"({"uphold":false,"reason":"改判"})");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(Json::parse(again.body)["details"]["field"], "id");
  // The correction is in the preliminary results: D01's 1.1.1 now 10 of 10.
  auto card = Call("GET", y + "/units/D01/scorecard", "unit_d01");
  ASSERT_EQ(card.status, 200) << card.body;
  EXPECT_NE(card.body.find("\"actual\":10"), std::string::npos);

  const std::string approval = R"({"meeting_date":"2026-03-06","meeting_ref":"绩效委〔2026〕2号"})";
  auto early = Call("POST", y + "/publication/approval", "admin", approval);
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(Call("POST", y + "/publication/approval", "unit_d01", approval).status, 403);
  city_.clock().Set(1772755200);  // 2026-03-06T00:00:00Z: the window has closed
  EXPECT_EQ(Call("POST", y + "/appeals", "unit_d01", own).status, 409);  // too late
  EXPECT_EQ(Call("POST", y + "/transition", "admin", R"({"to":"published"})").status, 409);
  ASSERT_EQ(Call("POST", y + "/publication/approval", "admin", approval).status, 201);
  auto published = Call("POST", y + "/transition", "admin", R"({"to":"published"})");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(Json::parse(published.body)["status"], "published");

  // The public portal: the certificate, and the snapshot whose bytes hash to it.
  auto cert = Call("GET", "/api/v1/public/certificate?year=2025", "");
  ASSERT_EQ(cert.status, 200) << cert.body;
  Json c = Json::parse(cert.body)["certificate"];
  const std::string hash = c["certificate_sha256"];
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_FALSE(c.contains("actor"));
  auto json = Call("GET", "/api/v1/public/download?year=2025&format=json", "");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(store::Sha256Hex(json.body), c["results_sha256"]);
  EXPECT_EQ(Json::parse(json.body)["units"].size(), 4u);
  auto csv = Call("GET", "/api/v1/public/download?year=2025&format=csv", "");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("D01"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/v1/public/download?year=2025&format=pdf", "").status, 400);
  auto years = Json::parse(Call("GET", "/api/v1/public/years", "").body);
  EXPECT_EQ(years["certificates"]["2025"], hash);
  EXPECT_TRUE(years["certificates"]["2024"].is_null());  // published before certificates
  auto results = Json::parse(Call("GET", "/api/v1/public/results?year=2025", "").body);
  EXPECT_EQ(results["certificate"]["certificate_sha256"], hash);
  EXPECT_EQ(Call("GET", "/api/v1/public/certificate?year=2026", "").status, 404);
}

}  // namespace
}  // namespace govperf::server
