// 绩效反馈 and 整改 over the real transport on loopback: the report as JSON
// and as a PDF (rendered on the heavy pool), who may read whose report, and a
// rectification item from filing to closure and the closure rate.
//
// The test city's 2024 (published): D01 1.1.1 = 9 of target 10 → 9 of 10
// points; 1.1.2 second of two (step 0.5) → 4.5 of 5; (9 + 4.5) / 15 = 90 →
// 0.7 × 90 + 0.2 × 80 + 0.1 × 90 = 88.00, 良好 (优秀 needs 90), first of two
// (D02: 8 + 5 = 13 / 15 → 85.67).
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

class FeedbackLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    city_.clock().Set(1751328000);  // 2025-07-01T00:00:00Z
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  http_test::Reply Call(const std::string& method, const std::string& target,
                        const std::string& user, const std::string& body = "") {
    http_test::Client c(server_->port());
    EXPECT_TRUE(c.Send(http_test::Http(
        method, target, {{"Authorization", "Bearer " + city_.TokenFor(user)}}, body)));
    return c.Read();
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(FeedbackLoopback, AUnitReadsItsOwnReportAsJsonAndPdfAndNoOtherUnits) {
  const http_test::Reply own = Call("GET", "/api/v1/years/2024/feedback/D01", "unit_d01");
  ASSERT_EQ(own.status, 200) << own.body;
  const Json j = Json::parse(own.body);
  EXPECT_EQ(j["unit"]["name_zh"], "东区");
  EXPECT_EQ(j["summary"]["total_text"], "88.00");
  EXPECT_EQ(j["summary"]["grade_zh"], "良好");
  EXPECT_EQ(j["summary"]["rank"], 1);
  EXPECT_EQ(j["summary"]["category_size"], 2);
  ASSERT_EQ(j["lost_points"].size(), 2u);
  EXPECT_EQ(j["lost_points"][0]["indicator_id"], "1.1.1");
  EXPECT_DOUBLE_EQ(j["lost_points"][0]["lost"].get<double>(), 1.0);
  EXPECT_EQ(j["lost_points"][1]["indicator_id"], "1.1.2");
  EXPECT_DOUBLE_EQ(j["lost_points"][1]["lost"].get<double>(), 0.5);
  ASSERT_EQ(j["dimensions"].size(), 1u);  // D01 is assessed on 经济发展 only
  EXPECT_DOUBLE_EQ(j["dimensions"][0]["earned"].get<double>(), 13.5);
  EXPECT_DOUBLE_EQ(j["dimensions"][0]["points"].get<double>(), 15.0);
  EXPECT_TRUE(j["appeals"].is_array() && j["appeals"].empty());

  const http_test::Reply pdf = Call("GET", "/api/v1/years/2024/feedback/D01/pdf", "unit_d01");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_NE(pdf.header("content-disposition").find("feedback-2024-D01.pdf"), std::string::npos);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);

  // Another unit's report, as JSON or PDF: 403, whether it exists or not.
  for (const std::string& url : {std::string("/api/v1/years/2024/feedback/D02"),
                                 std::string("/api/v1/years/2024/feedback/D02/pdf"),
                                 std::string("/api/v1/years/2024/feedback/NOPE")}) {
    const http_test::Reply r = Call("GET", url, "unit_d01");
    EXPECT_EQ(r.status, 403) << url << " " << r.body;
    EXPECT_EQ(Json::parse(r.body)["code"], "permission_denied");
  }
  // A lead department reads no report, not even its own unit's.
  EXPECT_EQ(Call("GET", "/api/v1/years/2024/feedback/B01", "lead_b01").status, 403);
  // The office and leaders read every unit's; an unknown unit is 404.
  EXPECT_EQ(Call("GET", "/api/v1/years/2024/feedback/D02", "leader").status, 200);
  const http_test::Reply missing = Call("GET", "/api/v1/years/2024/feedback/NOPE", "admin");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Json::parse(missing.body)["details"]["field"], "unit");
}

TEST_F(FeedbackLoopback, RectificationFromFilingToClosure) {
  const std::string base = "/api/v1/years/2024/rectification";
  const std::string plan =
      R"({"items":[{"source":"indicator","indicator_id":"1.1.1","measure":"加快项目开工",)"
      R"("owner":"张三","deadline":"2025-06-30"}]})";
  // Another unit's plan: 403; a leaf without lost points: 400 naming it.
  EXPECT_EQ(Call("POST", base + "/units/D02/items", "unit_d01", plan).status, 403);
  const http_test::Reply full = Call(
      "POST", base + "/units/D01/items", "unit_d01",
      R"({"items":[{"indicator_id":"2.1.1","measure":"x","owner":"y","deadline":"2025-06-30"}]})");
  EXPECT_EQ(full.status, 400);
  EXPECT_EQ(Json::parse(full.body)["details"]["field"], "items[0].indicator_id");

  const http_test::Reply filed = Call("POST", base + "/units/D01/items", "unit_d01", plan);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const Json item = Json::parse(filed.body)["items"][0];
  EXPECT_EQ(item["problem"], "投资完成率失 1.00 分");
  EXPECT_EQ(item["state"], "open");
  EXPECT_EQ(item["overdue"], true);  // 2025-06-30 has passed on 2025-07-01 (China)
  const std::string url = base + "/items/" + std::to_string(item["id"].get<int64_t>());

  const http_test::Reply progress =
      Call("POST", url + "/progress", "unit_d01", R"({"text":"已开工 3 个项目","progress":70})");
  ASSERT_EQ(progress.status, 200) << progress.body;
  EXPECT_EQ(Json::parse(progress.body)["progress"], 70);
  EXPECT_EQ(Call("POST", url + "/close", "unit_d01", R"({"note":"完成"})").status, 403);
  const http_test::Reply closed = Call("POST", url + "/close", "admin", R"({"note":"核查属实"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Json::parse(closed.body)["state"], "closed");
  EXPECT_EQ(Json::parse(closed.body)["overdue"], false);

  const http_test::Reply rates = Call("GET", base + "/closure", "leader");
  ASSERT_EQ(rates.status, 200) << rates.body;
  const Json r = Json::parse(rates.body);
  ASSERT_EQ(r["units"].size(), 1u);
  EXPECT_EQ(r["units"][0]["unit_id"], "D01");
  EXPECT_DOUBLE_EQ(r["units"][0]["rate"].get<double>(), 1.0);
  EXPECT_EQ(Call("GET", base + "/closure", "unit_d01").status, 403);

  // 2025 is not published: rectification is refused (409).
  EXPECT_EQ(
      Call("POST", "/api/v1/years/2025/rectification/units/D01/items", "unit_d01", plan).status,
      409);
}

}  // namespace
}  // namespace govperf::server
