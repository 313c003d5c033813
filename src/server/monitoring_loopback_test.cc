// An evidence upload over the real transport: bigger than the default 1 MiB
// body limit (the route's max_body raises it), stored and served back byte
// for byte. (The transport's 413 beyond a route's limit is tested with the
// transport.)
#include <gtest/gtest.h>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

TEST(MonitoringLoopback, EvidenceBiggerThanTheDefaultBodyLimitUploadsAndDownloads) {
  testing::TestCity city;
  city.clock().Set(1743465600);  // 2025-04-01T00:00:00Z
  testing::LoopbackServer server(city.app());

  const std::string token = city.TokenFor("unit_d01");
  const std::string auth = "Bearer " + token;
  const std::string report = "/api/v1/years/2025/reports/1.1.1/D01/2025-03";
  {
    http_test::Client c(server.port());
    ASSERT_TRUE(
        c.Send(http_test::Http("PUT", report, {{"Authorization", auth}}, R"({"value":3})")));
    EXPECT_EQ(c.Read().status, 200);
  }
  std::string pdf = "%PDF-1.7\n";
  pdf += std::string(3 * 1024 * 1024, 'z');  // 3 MiB: over the 1 MiB default
  std::string sha;
  {
    http_test::Client c(server.port());
    ASSERT_TRUE(c.Send(http_test::Http("POST", report + "/evidence?name=scan.pdf",
                                       {{"Authorization", auth}}, pdf)));
    const http_test::Reply r = c.Read();
    ASSERT_EQ(r.status, 201) << r.body;
    sha = Json::parse(r.body)["sha256"];
  }
  {
    http_test::Client c(server.port());
    ASSERT_TRUE(
        c.Send(http_test::Http("GET", report + "/evidence/" + sha, {{"Authorization", auth}})));
    const http_test::Reply r = c.Read();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_TRUE(r.body == pdf) << r.body.size();
  }
}

}  // namespace
}  // namespace govperf::server
