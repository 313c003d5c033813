// 晴雨表 and 季度通报 over the real transport on loopback.
//
// The test city plus a published 2023 in which D02 scored 1.1.1 = 10 (15 of
// 15 points → 0.7 × 100 + 0.2 × 80 + 0.1 × 90 = 95.00, 优秀) and D01 88.00
// (良好); in 2024 D02 falls to 85.67 (良好): one mover, down one level.
// 2025 is in monitoring with no report stored: every quarterly report whose
// due date has passed is missing, and by May red-carded.
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"
#include "store/password.h"

namespace govperf::server {
namespace {

constexpr int64_t kMay1st2025 = 1746057600;  // 2025-05-01T00:00:00Z

class BarometerLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    const store::Actor sys{"system"};
    ASSERT_TRUE(city_.store().SaveScheme(sys, testing::TinyScheme(2023)).ok());
    core::YearData d = testing::TinyData(2023);
    for (core::Datum& x : d.values) {
      if (x.indicator_id == "1.1.1" && x.unit_id == "D02" && x.period == "2023") x.value = 10;
    }
    ASSERT_TRUE(city_.store().SaveYearData(sys, 2023, d).ok());
    ASSERT_TRUE(city_.store()
                    .PutYear(sys, {2023, core::Stage::kPublished, "2024-03-01T00:00:00Z", 0})
                    .ok());
    city_.clock().Set(kMay1st2025);
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  http_test::Reply Call(const std::string& method, const std::string& target,
                        const std::string& user, const std::string& body = "") {
    http_test::Client c(server_->port());
    EXPECT_TRUE(c.Send(http_test::Http(
        method, target, {{"Authorization", "Bearer " + city_.TokenFor(user)}}, body)));
    // Generous: a PDF is drawn on the heavy pool, and the font lookup of the
    // first one in a process is slow on a loaded machine.
    return c.Read(std::chrono::milliseconds(30000));
  }
  Json CallJson(const std::string& method, const std::string& target, const std::string& user,
                int status, const std::string& body = "") {
    const http_test::Reply r = Call(method, target, user, body);
    EXPECT_EQ(r.status, status) << method << " " << target << ": " << r.body;
    return r.body.empty() ? Json() : Json::parse(r.body, nullptr, false);
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(BarometerLoopback, TheLeaderSeesTheYearsTrendWithTheProvisionalYearAndTheMovers) {
  const Json t = CallJson("GET", "/api/v1/barometer", "leader", 200);
  ASSERT_EQ(t["years"].size(), 3u);
  EXPECT_EQ(t["years"][0]["year"], 2023);
  EXPECT_FALSE(t["years"][0]["provisional"].get<bool>());
  EXPECT_EQ(t["years"][2]["year"], 2025);
  EXPECT_TRUE(t["years"][2]["provisional"].get<bool>());
  const Json& c1 = t["years"][1]["categories"][0];
  EXPECT_EQ(c1["category_id"], "C1");
  EXPECT_NEAR(c1["spread"]["mean"].get<double>(), (88.0 + 85.0 + 2.0 / 3) / 2, 1e-6);
  EXPECT_NEAR(c1["spread"]["max"].get<double>(), 88.0, 1e-6);
  EXPECT_EQ(c1["grades"]["good"], 2);
  EXPECT_EQ(c1["grades"]["excellent"], 0);
  EXPECT_EQ(t["years"][0]["categories"][0]["grades"]["excellent"], 1);
  EXPECT_EQ(t["movers_from"], 2023);
  EXPECT_EQ(t["movers_to"], 2024);
  ASSERT_EQ(t["movers"].size(), 1u);
  EXPECT_EQ(t["movers"][0]["unit_id"], "D02");
  EXPECT_EQ(t["movers"][0]["name_zh"], "西区");
  EXPECT_EQ(t["movers"][0]["from_grade_zh"], "优秀");
  EXPECT_EQ(t["movers"][0]["to_grade_zh"], "良好");
  EXPECT_EQ(t["movers"][0]["levels"], -1);
  EXPECT_NEAR(t["movers"][0]["from_total"].get<double>(), 95.0, 1e-6);
  // A range: 2024 only, so no movers.
  const Json one = CallJson("GET", "/api/v1/barometer?from=2024&to=2024", "admin", 200);
  ASSERT_EQ(one["years"].size(), 1u);
  EXPECT_TRUE(one["movers_from"].is_null());
  // Bad range, and the roles without barometer.read.
  EXPECT_EQ(
      CallJson("GET", "/api/v1/barometer?from=2025&to=2024", "admin", 400)["details"]["field"],
      "from");
  EXPECT_EQ(CallJson("GET", "/api/v1/barometer?from=abc", "admin", 400)["details"]["field"],
            "from");
  EXPECT_EQ(Call("GET", "/api/v1/barometer", "unit_d01").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/barometer", "lead_b01").status, 403);
}

TEST_F(BarometerLoopback, MonthsCountProgressAndReportsAsOfToday) {
  const Json m = CallJson("GET", "/api/v1/years/2025/barometer/months", "leader", 200);
  EXPECT_EQ(m["as_of"], "2025-05-01");
  EXPECT_TRUE(m["provisional"].get<bool>());
  ASSERT_EQ(m["months"].size(), 5u);  // January to May
  // January: D01's 1.1.1 at 1 of 10 is red; the five other pairs have no value or target.
  EXPECT_EQ(m["months"][0]["city"]["red"], 1);
  EXPECT_EQ(m["months"][0]["city"]["no_data"], 5);
  EXPECT_EQ(m["months"][0]["categories"]["C1"]["red"], 1);
  EXPECT_EQ(m["months"][0]["categories"]["C2"]["no_data"], 2);
  EXPECT_EQ(m["months"][0]["city"]["reports_due"], 0);
  // March: the first quarter's six reports were due in April, none came: missing, red-carded.
  EXPECT_EQ(m["months"][2]["city"]["reports_due"], 6);
  EXPECT_EQ(m["months"][2]["city"]["missing"], 6);
  EXPECT_EQ(m["months"][2]["city"]["red_cards"], 6);
  EXPECT_EQ(m["months"][2]["categories"]["C2"]["missing"], 2);
  EXPECT_EQ(m["months"][3]["city"]["reports_due"], 0);
  EXPECT_EQ(
      CallJson("GET", "/api/v1/years/2031/barometer/months", "admin", 404)["details"]["field"],
      "year");
  EXPECT_EQ(Call("GET", "/api/v1/years/2025/barometer/months", "unit_d01").status, 403);
}

TEST_F(BarometerLoopback, TheOfficeIssuesAFrozenBulletinThatEveryUnitReads) {
  // Bad input first: nothing is saved.
  EXPECT_EQ(CallJson("POST", "/api/v1/years/2025/bulletins", "admin", 400,
                     R"({"quarter":5})")["details"]["field"],
            "quarter");
  EXPECT_EQ(
      CallJson("POST", "/api/v1/years/2025/bulletins", "admin", 400, R"({})")["details"]["field"],
      "quarter");
  EXPECT_EQ(CallJson("POST", "/api/v1/years/2031/bulletins", "admin", 404,
                     R"({"quarter":1})")["details"]["field"],
            "year");
  const Json running =
      CallJson("POST", "/api/v1/years/2025/bulletins", "admin", 409, R"({"quarter":2})");
  EXPECT_EQ(running["code"], "failed_precondition");
  EXPECT_EQ(running["details"]["field"], "quarter");
  EXPECT_EQ(
      CallJson(
          "POST", "/api/v1/years/2025/bulletins", "admin", 400,
          Json({{"quarter", 1}, {"foreword", std::string(2001, 'x')}}).dump())["details"]["field"],
      "foreword");
  EXPECT_EQ(CallJson("GET", "/api/v1/years/2025/bulletins/preview?quarter=0", "admin",
                     400)["details"]["field"],
            "quarter");
  EXPECT_TRUE(
      CallJson("GET", "/api/v1/years/2025/bulletins", "unit_d01", 200)["bulletins"].empty());

  // The running quarter can be previewed, as a draft.
  const Json draft =
      CallJson("GET", "/api/v1/years/2025/bulletins/preview?quarter=2", "admin", 200);
  EXPECT_TRUE(draft["draft"].get<bool>());
  EXPECT_EQ(draft["number"], 0);
  EXPECT_EQ(Call("GET", "/api/v1/years/2025/bulletins/preview?quarter=1", "unit_d01").status, 403);

  // Q1: D01 has 1.1.1 red (2.5 of 10) and two red-carded missing reports:
  // 3 × 2 + 2 × 2 + 1 = 11, the worst; D02 2 × 3 + 2 × 2 = 10; B01 and B02 5 each.
  const Json issued = CallJson("POST", "/api/v1/years/2025/bulletins", "admin", 201,
                               R"({"quarter":1,"foreword":"请各单位限期补报。"})");
  EXPECT_EQ(issued["number"], 1);
  EXPECT_EQ(issued["number_text"], "〔2025〕第1期");
  EXPECT_EQ(issued["issued_on"], "2025-05-01");
  EXPECT_EQ(issued["issued_by"], "admin");
  const Json& c = issued["content"];
  EXPECT_FALSE(c["draft"].get<bool>());
  EXPECT_EQ(c["foreword"], "请各单位限期补报。");
  EXPECT_EQ(c["city"]["reports_due"], 6);
  EXPECT_EQ(c["city"]["missing"], 6);
  ASSERT_EQ(c["criticised"].size(), 3u);
  EXPECT_EQ(c["criticised"][0]["unit_id"], "D01");
  EXPECT_DOUBLE_EQ(c["criticised"][0]["score"].get<double>(), 11);
  EXPECT_EQ(c["criticised"][1]["unit_id"], "D02");
  EXPECT_EQ(c["criticised"][2]["unit_id"], "B01");
  EXPECT_TRUE(c["praised"].empty());
  auto stored = city_.store().ListBulletins(2025);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(issued["content_sha256"], store::Sha256Hex((*stored)[0].content));
  const int64_t id = issued["id"].get<int64_t>();

  // Twice for one quarter: refused.
  EXPECT_EQ(
      CallJson("POST", "/api/v1/years/2025/bulletins", "admin", 409, R"({"quarter":1})")["code"],
      "already_exists");

  // Frozen: D01's March value moves to the target; the preview follows, the
  // issued bulletin does not.
  core::Datum v;
  v.indicator_id = "1.1.1";
  v.unit_id = "D01";
  v.period = "2025-03";
  v.value = 10;
  ASSERT_TRUE(city_.store().PutDatum({"admin", core::Role::kAdmin}, 2025, v).ok());
  const Json now = CallJson("GET", "/api/v1/years/2025/bulletins/preview?quarter=1", "admin", 200);
  EXPECT_EQ(now["units"][0]["tally"]["on_track"], 1);
  const std::string path = "/api/v1/years/2025/bulletins/" + std::to_string(id);
  const Json again = CallJson("GET", path, "unit_d01", 200);
  EXPECT_EQ(again["content"]["units"][0]["tally"]["red"], 1);
  EXPECT_EQ(again["content_sha256"], issued["content_sha256"]);

  // Every unit and lead department reads it, and its PDF.
  const Json list = CallJson("GET", "/api/v1/years/2025/bulletins", "lead_b01", 200);
  ASSERT_EQ(list["bulletins"].size(), 1u);
  EXPECT_EQ(list["bulletins"][0]["title"], "〔2025〕第1期 季度绩效监测通报（2025年第一季度）");
  const http_test::Reply pdf = Call("GET", path + ".pdf", "unit_d01");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(Call("GET", "/api/v1/years/2025/bulletins/999", "unit_d01").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/years/2024/bulletins/" + std::to_string(id), "admin").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/years/2025/bulletins/x.pdf", "admin").status, 400);
  EXPECT_EQ(Call("GET", path, "expert1").status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/years/2025/bulletins", "unit_d01", R"({"quarter":1})").status,
            403);
  // Audited.
  auto audit = city_.store().ListAudit(0, 500);
  ASSERT_TRUE(audit.ok());
  int issues = 0;
  for (const auto& a : *audit) issues += a.action == "bulletin.issue";
  EXPECT_EQ(issues, 1);
}

}  // namespace
}  // namespace govperf::server
