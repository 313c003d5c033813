// The real server on 127.0.0.1, port 0, in a thread; a raw blocking socket
// client (deliberately not Beast: the test should not share the server's HTTP
// code). Read timeout is shortened so the timeout test runs in well under a second.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kTestReadTimeout{400};

// The raw socket client shared with the transport tests.
using Conn = http_test::Client;
using http_test::Reply;

std::string Get(const std::string& target, const std::string& token = "") {
  std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  return req + "\r\n";
}

std::string Post(const std::string& target, const std::string& body) {
  return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// A TestCity whose App is served by a real Server on an ephemeral port, with a
// small built front end in web/.
class ServerLoopback : public ::testing::Test {
 protected:
  void SetUp() override {
    web_ = scratch_.File("web");
    std::filesystem::create_directories(web_ + "/assets");
    std::ofstream(web_ + "/index.html") << "<!doctype html><title>govperf</title>";
    std::ofstream(web_ + "/survey.html") << "<!doctype html><title>survey</title>";
    std::ofstream(web_ + "/assets/app-1a2b.js") << "console.log('hi')";
    std::ofstream(web_ + "/assets/logo.svg") << "<svg/>";
    std::ofstream(scratch_.File("secret.txt")) << "top secret";
    AppOptions app_options;
    app_options.web_dir = web_;
    city_ = std::make_unique<testing::TestCity>(app_options);
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.read_timeout = kTestReadTimeout;
    options.log = [](const std::string&) {};
    city_->app().ConfigureTransport(options);
    server_ = std::make_unique<Server>(options,
                                       [this](const Request& r) { return city_->app().Handle(r); });
    ASSERT_TRUE(server_->Listen().ok());
    ASSERT_NE(server_->port(), 0);
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  }

  store::testing::TempDir scratch_;
  std::string web_;
  std::unique_ptr<testing::TestCity> city_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_;
};

TEST_F(ServerLoopback, HealthOverTcp) {
  Conn c(server_->port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.Send(Get("/api/health")));
  Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "application/json; charset=utf-8");
  EXPECT_EQ(Json::parse(r.body)["status"], "ok");
}

TEST_F(ServerLoopback, LoginThenAuthorizedCallsOnOneKeepAliveConnection) {
  Conn c(server_->port());
  ASSERT_TRUE(c.Send(Post("/api/v1/auth/login",
                          Json({{"username", "admin"}, {"password", testing::kPassword}}).dump())));
  const Reply login = c.Read();
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string token = Json::parse(login.body)["token"];
  ASSERT_TRUE(c.Send(Get("/api/v1/users", token)));
  const Reply users = c.Read();
  EXPECT_EQ(users.status, 200) << users.body;
  EXPECT_EQ(Json::parse(users.body)["users"].size(), 5u);
  // Pipelined: two requests in one write, two responses in order.
  ASSERT_TRUE(c.Send(Get("/api/v1/me", token) + Get("/api/v1/me")));
  EXPECT_EQ(c.Read().status, 200);
  const Reply anon = c.Read();
  EXPECT_EQ(anon.status, 401);
  EXPECT_EQ(Json::parse(anon.body)["code"], "unauthenticated");
}

TEST_F(ServerLoopback, BodyOverTheLimitIs413) {
  Conn c(server_->port());
  const std::string big(kDefaultBodyLimit + 1, 'x');
  ASSERT_TRUE(c.Send(Post("/api/v1/auth/login", big)));
  const Reply r = c.Read();
  EXPECT_EQ(r.status, 413);
  const Json j = Json::parse(r.body);
  EXPECT_EQ(j["code"], "payload_too_large");
  EXPECT_TRUE(j["details"].is_object());
  EXPECT_TRUE(c.ClosedWithin(std::chrono::milliseconds(3000)));
  // Exactly at the limit is fine (and then a 400: it is not JSON).
  Conn d(server_->port());
  ASSERT_TRUE(d.Send(Post("/api/v1/auth/login", std::string(kDefaultBodyLimit, 'x'))));
  EXPECT_EQ(d.Read().status, 400);
}

TEST_F(ServerLoopback, IncompleteRequestIsClosedAfterTheReadTimeout) {
  Conn c(server_->port());
  const auto start = Clock::now();
  ASSERT_TRUE(c.Send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));  // no blank line
  EXPECT_TRUE(c.ClosedWithin(std::chrono::milliseconds(5000)));
  const auto waited = Clock::now() - start;
  EXPECT_GE(waited, kTestReadTimeout - std::chrono::milliseconds(50));
  EXPECT_LT(waited, kTestReadTimeout + std::chrono::milliseconds(2000));
  // An idle keep-alive connection is closed the same way; the server still serves others.
  Conn idle(server_->port());
  EXPECT_TRUE(idle.ClosedWithin(std::chrono::milliseconds(5000)));
  Conn fresh(server_->port());
  ASSERT_TRUE(fresh.Send(Get("/api/health")));
  EXPECT_EQ(fresh.Read().status, 200);
}

TEST_F(ServerLoopback, StaticFilesAndNoTraversal) {
  Conn c(server_->port());
  ASSERT_TRUE(c.Send(Get("/")));
  Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<!doctype html><title>govperf</title>");

  ASSERT_TRUE(c.Send(Get("/assets/app-1a2b.js")));
  r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=31536000, immutable");
  ASSERT_TRUE(c.Send(Get("/assets/logo.svg")));
  EXPECT_EQ(c.Read().headers["content-type"], "image/svg+xml");
  // Client-side route: index.html. Missing asset: a real 404.
  ASSERT_TRUE(c.Send(Get("/units/D01/scorecard?year=2025")));
  r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>govperf</title>");
  ASSERT_TRUE(c.Send(Get("/assets/missing.js")));
  EXPECT_EQ(c.Read().status, 404);
  // The phone questionnaire is its own page, with the same CSP as the app.
  ASSERT_TRUE(c.Send(Get("/s/2026-satisfaction?code=AB12-CD34")));
  r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>survey</title>");
  EXPECT_EQ(r.headers["cache-control"], "no-cache");
  EXPECT_NE(r.headers["content-security-policy"].find("script-src 'self'"), std::string::npos);
  ASSERT_TRUE(c.Send(Get("/survey.html")));
  EXPECT_EQ(c.Read().body, "<!doctype html><title>survey</title>");
  // Only /s/{id} itself: deeper paths and /s alone stay with the office app.
  ASSERT_TRUE(c.Send(Get("/s/a/b")));
  EXPECT_EQ(c.Read().body, "<!doctype html><title>govperf</title>");
  ASSERT_TRUE(c.Send(Get("/s")));
  EXPECT_EQ(c.Read().body, "<!doctype html><title>govperf</title>");

  for (const char* evil :
       {"/../etc/passwd", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
        "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt"}) {
    SCOPED_TRACE(evil);
    Conn e(server_->port());
    ASSERT_TRUE(e.Send(Get(evil)));
    const Reply bad = e.Read();
    EXPECT_TRUE(bad.status == 400 || bad.status == 404) << bad.status;
    EXPECT_EQ(bad.body.find("top secret"), std::string::npos);
    EXPECT_EQ(bad.body.find("root:"), std::string::npos);
  }
}

TEST_F(ServerLoopback, StopIsGracefulAndRunReturns) {
  Conn idle(server_->port());
  ASSERT_TRUE(idle.Send(Get("/api/health")));
  EXPECT_EQ(idle.Read().status, 200);
  server_->Stop();
  thread_.join();  // Run() returned although a keep-alive connection was open
  EXPECT_TRUE(idle.ClosedWithin(std::chrono::milliseconds(1000)));
  Conn refused(server_->port());
  EXPECT_FALSE(refused.connected());
}

TEST(ServerListen, BindFailureIsAStatusNotAHang) {
  ServerOptions first;
  first.port = 0;
  Server a(first, [](const Request&) { return Response{}; });
  ASSERT_TRUE(a.Listen().ok());
  ServerOptions second;
  second.port = a.port();
  second.log = [](const std::string&) {};
  Server b(second, [](const Request&) { return Response{}; });
  const Status st = b.Listen();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("cannot listen"), std::string::npos) << st.message();
  EXPECT_FALSE(b.Run().ok());  // never idles
  ServerOptions bad_host;
  bad_host.host = "not a host";
  EXPECT_EQ(Server(bad_host, nullptr).Listen().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace govperf::server
