// Workbook routes through App::Handle on the test city: files out with their
// Content-Type and Content-Disposition, files in with every error in
// details.errors, dry runs, and a lead department narrowed to the
// indicators its unit leads (both ways).
#include <gtest/gtest.h>

#include <random>

#include "io/xlsx_read.h"
#include "io/xlsx_write.h"
#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;
using testing::Workbook;

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

TEST(ServerExchange, ExportsAreFilesWithTheirNames) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  Response r = city.Call("GET", "/api/v1/years/2025/scheme/export", "", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(Header(r, "Content-Disposition"), "attachment; filename=\"scheme-2025.xlsx\"");
  auto wb = io::ReadXlsx(r.body, "scheme-2025.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  ASSERT_EQ(wb->sheets.size(), 2u);
  EXPECT_EQ(wb->sheets[0].name, "指标体系");
  EXPECT_EQ(wb->sheets[0].At(2, 0), "经济发展");
  EXPECT_EQ(wb->sheets[0].At(2, 2), "投资完成率");
  EXPECT_EQ(wb->sheets[0].At(3, 0), "经济发展");  // merged down
  EXPECT_EQ(wb->sheets[1].At(1, 2), "1.1.1 投资完成率");
  EXPECT_EQ(wb->sheets[1].At(2, 2), "10");

  r = city.Call("GET", "/api/v1/years/2024/results/export?format=csv", "", admin);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(Header(r, "Content-Disposition"), "attachment; filename=\"results-2024.csv\"");
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF"
                         "2024年度综合绩效考核结果\r\n类别,排名,单位编码",
                         0),
            0u)
      << r.body;

  r = city.Call("GET", "/api/v1/years/2025/scheme/export?format=pdf", "", admin);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "format");
  r = city.Call("GET", "/api/v1/years/2031/scheme/export", "", admin);
  EXPECT_EQ(r.status, 404);

  r = city.Call("GET", "/api/v1/templates/scheme", "", city.TokenFor("unit_d01"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Header(r, "Content-Disposition"), "attachment; filename=\"scheme-template.xlsx\"");
  r = city.Call("GET", "/api/v1/templates/results", "", admin);
  EXPECT_EQ(r.status, 400);
}

TEST(ServerExchange, ALeadDepartmentSeesAndWritesOnlyWhatItLeads) {
  TestCity city;
  const std::string lead = city.TokenFor("lead_b01");  // B01 leads 1.1.1 only
  Response r = city.Call("GET", "/api/v1/years/2025/values/export", "", lead);
  ASSERT_EQ(r.status, 200) << r.body;
  auto wb = io::ReadXlsx(r.body, "values.xlsx");
  ASSERT_TRUE(wb.ok());
  const io::Sheet& s = wb->sheets[0];
  ASSERT_EQ(s.rows.size(), 2u + 4u);  // 1.1.1: D01 and D02 year-end, D01 two months
  for (size_t row = 2; row < s.rows.size(); ++row) EXPECT_EQ(s.At(row, 0), "1.1.1");

  const std::string theirs = Workbook(
      "监测数据", {{"指标编码", "单位编码", "数值"}, {"2.1.1", "B01", io::OutCell::Number(95)}});
  r = city.Call("POST", "/api/v1/years/2025/values/import", theirs, lead);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Body(r)["message"], "sheet '监测数据' C2: indicator 2.1.1 is not led by your unit");

  const std::string mine = Workbook("监测数据", {{"指标编码", "单位编码", "期间", "数值"},
                                                 {"1.1.1", "D02", "2025", io::OutCell::Number(9.5)},
                                                 {"1.1.1", "D02", "3月", "３"}});
  r = city.Call("POST", "/api/v1/years/2025/values/import?dry_run=1", mine, lead);
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Body(r);
  EXPECT_EQ(j["dry_run"], true);
  EXPECT_EQ(j["applied"], false);
  EXPECT_EQ(j["counts"]["value.changed"], 1);
  EXPECT_EQ(j["counts"]["value.added"], 1);
  EXPECT_EQ(j["changes"][0]["key"], "1.1.1/D02/2025");
  EXPECT_EQ(j["changes"][0]["before"], "8");
  EXPECT_EQ(j["changes"][0]["after"], "9.5");
  r = city.Call("POST", "/api/v1/years/2025/values/import", mine, lead);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["applied"], true);
  auto data = city.store().LoadYearData(2025);
  int seen = 0;
  for (const auto& d : data->values) {
    if (d.indicator_id == "1.1.1" && d.unit_id == "D02" && d.period == "2025") {
      EXPECT_EQ(*d.value, 9.5);
      EXPECT_EQ(d.entered_by, "lead_b01");
      ++seen;
    }
    if (d.indicator_id == "1.1.1" && d.unit_id == "D02" && d.period == "2025-03") {
      EXPECT_EQ(*d.value, 3);
      ++seen;
    }
  }
  EXPECT_EQ(seen, 2);
}

TEST(ServerExchange, AFileWithErrorsAnswersEveryErrorAndChangesNothing) {
  TestCity city;
  const std::string admin = city.TokenFor("admin");
  const std::string bad = Workbook("监测数据", {{"标题"},
                                                {"指标编码", "单位名称", "数值"},
                                                {"1.1.1", "东区", "九"},
                                                {"1.1.9", "西区", "1"}});
  const auto before = city.store().DataVersion(2025);
  Response r = city.Call("POST", "/api/v1/years/2025/values/import", bad, admin, "zh-CN");
  ASSERT_EQ(r.status, 400) << r.body;
  Json j = Body(r);
  EXPECT_EQ(j["code"], "invalid_argument");
  EXPECT_EQ(j["message"], "文件中有 2 处错误，未做任何修改");
  ASSERT_EQ(j["details"]["errors"].size(), 2u);
  EXPECT_EQ(j["details"]["errors"][0]["sheet"], "监测数据");
  EXPECT_EQ(j["details"]["errors"][0]["cell"], "C3");
  EXPECT_EQ(j["details"]["errors"][0]["message"], "数值：expected a number, got '九'");
  EXPECT_EQ(j["details"]["errors"][1]["cell"], "A4");
  EXPECT_EQ(j["details"]["errors"][1]["message"], "2025 年度没有末级指标「1.1.9」");
  EXPECT_EQ(*city.store().DataVersion(2025), *before);

  r = city.Call("POST", "/api/v1/org/import", "", admin);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "body");
  r = city.Call("POST", "/api/v1/years/2025/scheme/import", "PK\x03\x04 broken", admin);
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["errors"][0]["message"],
            "upload.xlsx: not an .xlsx workbook (the file is not a zip archive)");
  // A scheme replaced in a monitored year: the stage refuses (409).
  const std::string scheme = Workbook("指标体系", {{"一级指标", "二级指标", "分值", "计分方法"},
                                                   {"经济", "投资", "10", "定性评价法"}});
  r = city.Call("POST", "/api/v1/years/2025/scheme/import", scheme, admin);
  EXPECT_EQ(r.status, 409) << r.body;
  r = city.Call("POST", "/api/v1/years/2026/scheme/import", scheme, admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["year_created"], true);
  EXPECT_EQ(city.store().FindYear(2026)->value().stage, core::Stage::kDraft);
}

// A workbook bigger than the default body limit, uploaded over a real socket:
// the import routes take up to 64 MiB (RouteSpec::max_body).
TEST(ServerExchange, AWorkbookOverOneMebibyteIsUploadedOverTcp) {
  TestCity city;
  testing::LoopbackServer server(city.app());
  // 20,000 leaves with random names and texts: incompressible enough that
  // the workbook is well over 1 MiB.
  std::mt19937 rng(7);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-";
  const auto random_text = [&](size_t n) {
    std::string t;
    for (size_t i = 0; i < n; ++i) t += alphabet[rng() % alphabet.size()];
    return t;
  };
  std::vector<std::vector<io::OutCell>> rows = {
      {"一级指标", "二级指标", "分值", "计分方法", "考核内容"}};
  for (int i = 0; i < 20000; ++i) {
    rows.push_back({"经济", "指标" + std::to_string(i) + random_text(12), io::OutCell::Number(1),
                    "定性评价法", random_text(100)});
  }
  const std::string body = Workbook("指标体系", std::move(rows));
  ASSERT_GT(body.size(), kDefaultBodyLimit);
  const std::string token = city.TokenFor("admin");
  http_test::Client c(server.port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.Send(http_test::Http("POST", "/api/v1/years/2026/scheme/import?dry_run=1",
                                     {{"Authorization", "Bearer " + token}}, body)));
  const http_test::Reply r = c.Read(std::chrono::seconds(60));
  EXPECT_EQ(r.status, 200) << r.body.substr(0, 500);
  if (r.status == 200) {
    const Json j = Json::parse(r.body);
    EXPECT_EQ(j["counts"]["indicator.added"], 20001);
    EXPECT_EQ(j["year_created"], true);
    EXPECT_EQ(j["applied"], false);
  }
  EXPECT_FALSE(city.store().FindYear(2026)->has_value());
  // The same bytes to a route with the default limit: 413.
  http_test::Client d(server.port());
  EXPECT_TRUE(d.Send(http_test::Http("PUT", "/api/v1/years/2026/scheme",
                                     {{"Authorization", "Bearer " + token}}, body)));
  EXPECT_EQ(d.Read(std::chrono::seconds(10)).status, 413);
}

}  // namespace
}  // namespace govperf::server
