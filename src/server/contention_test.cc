// One client cannot stall the others: the real server with the real App on
// the demo city, on loopback. While ten wrong-password logins (argon2 each)
// and a 1,000-replicate interval estimate (seconds of CPU) are in flight,
// /api/health and a published year's public results keep answering promptly.
//
// "Promptly" has a generous bound (the machine is shared and noisy): what the
// test catches is serialisation — before the threaded transport, every such
// request waited for the estimate to finish (several seconds).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "demo/demo.h"
#include "server/app.h"
#include "server/server.h"
#include "server/test_http_client.h"
#include "store/password.h"
#include "store/store_testing.h"

namespace govperf::server {
namespace {

using SteadyClock = std::chrono::steady_clock;
using Json = nlohmann::json;
using http_test::Client;
using http_test::Http;
using http_test::Reply;

Reply Get(Client& c, const std::string& target, const std::string& token = "",
          std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
  std::vector<std::pair<std::string, std::string>> h;
  if (!token.empty()) h.emplace_back("Authorization", "Bearer " + token);
  return c.Call(Http("GET", target, h), timeout);
}

TEST(ServerContention, HealthAndPublicResultsStayPromptUnderLoginsAndAnEstimate) {
  store::testing::TempDir dir;
  store::testing::FakeClock clock;
  auto opened = store::OpenSqliteStore(dir.File("demo.db"), clock);
  ASSERT_TRUE(opened.ok());
  std::unique_ptr<store::Store> db = std::move(opened).value();
  ASSERT_TRUE(demo::GenerateDemoCity(*db).ok());
  App app(*db, clock);

  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.log = [](const std::string&) {};
  app.ConfigureTransport(options);
  Server server(options, [&app](const Request& r) { return app.Handle(r); });
  ASSERT_TRUE(server.Listen().ok());
  std::thread runner([&] { EXPECT_TRUE(server.Run().ok()); });
  const uint16_t port = server.port();

  // An admin session, made through the store (no argon2 in the test itself).
  const std::string token = store::NewToken();
  ASSERT_TRUE(db->CreateSession({"admin"}, {store::Sha256Hex(token), "admin", clock.NowUnix(),
                                            clock.NowUnix() + 3600})
                  .ok());
  // Warm the public results once (the first build of a year is legitimately slow).
  Client warm(port);
  auto first = Get(warm, "/api/v1/public/results");
  ASSERT_EQ(first.status, 200) << first.body;

  // The load: ten wrong-password logins from ten clients, and one estimate.
  std::atomic<int> wrong_answers{0};
  std::vector<std::thread> attackers;
  for (int i = 0; i < 10; ++i) {
    attackers.emplace_back([&, i] {
      Client c(port);
      const std::string body =
          Json({{"username", i % 2 ? "admin" : "nobody"}, {"password", "wrong"}}).dump();
      auto r =
          c.Call(Http("POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}}, body),
                 std::chrono::milliseconds(30000));
      if (r.status == 401 || r.status == 429 || r.status == 503) ++wrong_answers;
    });
  }
  auto estimate = std::async(std::launch::async, [&] {
    Client c(port);
    return Get(c, "/api/v1/years/2025/analysis/uncertainty?replicates=1000", token,
               std::chrono::milliseconds(120000));
  });

  // Meanwhile: health and public results, one after another, each timed.
  std::chrono::milliseconds worst{0};
  int answered = 0;
  const auto until = SteadyClock::now() + std::chrono::milliseconds(1500);
  Client reader(port);
  // Measure while the estimate runs (at most 1.5 s).
  while (SteadyClock::now() < until &&
         estimate.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    for (const char* path : {"/api/health", "/api/v1/public/results"}) {
      const auto t0 = SteadyClock::now();
      auto r = Get(reader, path);
      const auto took =
          std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t0);
      ASSERT_EQ(r.status, 200) << path << " " << r.body;
      worst = std::max(worst, took);
      ++answered;
    }
  }
  // Light requests were answered while the estimate ran (it takes seconds for
  // the demo city), none of them waiting behind it.
  EXPECT_LT(worst.count(), 500) << "a light request waited behind heavy work";
  EXPECT_GE(answered, 6);

  for (auto& t : attackers) t.join();
  EXPECT_EQ(wrong_answers.load(), 10);
  auto est = estimate.get();
  EXPECT_EQ(est.status, 200) << est.body.substr(0, 200);
  EXPECT_EQ(Json::parse(est.body)["replicates"], 1000);
  server.Stop();
  runner.join();
}

}  // namespace
}  // namespace govperf::server
