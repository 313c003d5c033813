// The transport alone: a real Server on 127.0.0.1, port 0, real sockets, and a
// plain fake Handler (no App), so these tests pin down what server.h promises
// (threads, heavy pool and its limit, security headers, HEAD, ETag/304,
// remote address, stop) independently of the application.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "server/server.h"
#include "server/test_http_client.h"

namespace govperf::server {
namespace {

using namespace std::chrono_literals;
using http_test::Client;
using http_test::Clock;
using http_test::Http;
using http_test::Reply;
using Json = nlohmann::json;

int QueryMs(const std::string& target) {
  const size_t at = target.find("ms=");
  return at == std::string::npos ? 0 : std::stoi(target.substr(at + 3));
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

long Ms(Clock::duration d) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

// The fake application. Heavy paths: /slow (sleeps ?ms=), /spin (burns CPU
// for ?ms=), /gate (waits until the test opens the gate), /nice (reports its
// thread's nice value). Light paths: /fast, /prio (as /nice), /block (sleeps ?ms= on the I/O
// thread), /echo (what the transport handed over, in X-Seen), /etag, /csp,
// /throw; answered later (Response::later): /later (its Reply is kept until
// the test calls ReleaseLater, which answers from the test's thread), /drop
// (its Reply is dropped uncalled); anything else is a 404.
class TransportTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.read_timeout = 2000ms;
    options.log = [](const std::string&) {};
    options.is_heavy = [this](const Request& r) {
      const bool heavy = StartsWith(r.target, "/slow") || StartsWith(r.target, "/spin") ||
                         StartsWith(r.target, "/gate") || StartsWith(r.target, "/nice");
      if (heavy) ++heavy_seen_;
      return heavy;
    };
    server_ = std::make_unique<Server>(options, [this](const Request& r) { return Handle(r); });
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] {
      run_status_ = server_->Run();
      run_returned_ = true;
    });
  }

  void TearDown() override {
    OpenGate();
    ReleaseLater();
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  }

  Response Handle(const Request& r) {
    Response res;
    res.content_type = "text/plain";
    if (StartsWith(r.target, "/fast")) {
      res.body = "fast";
    } else if (StartsWith(r.target, "/upload")) {
      res.body = std::to_string(r.body.size());
    } else if (StartsWith(r.target, "/slow") || StartsWith(r.target, "/block")) {
      std::this_thread::sleep_for(std::chrono::milliseconds(QueryMs(r.target)));
      if (StartsWith(r.target, "/slow")) ++slow_done_;
      res.body = "slept";
    } else if (StartsWith(r.target, "/spin")) {
      const auto until = Clock::now() + std::chrono::milliseconds(QueryMs(r.target));
      volatile unsigned long sink = 0;
      while (Clock::now() < until) {
        for (int i = 0; i < 1000; ++i) sink = sink + static_cast<unsigned long>(i);
      }
      res.body = "spun";
    } else if (StartsWith(r.target, "/gate")) {
      ++gate_started_;
      std::unique_lock<std::mutex> lock(gate_mu_);
      gate_cv_.wait(lock, [this] { return gate_open_; });
      res.body = "passed";
    } else if (StartsWith(r.target, "/nice") || StartsWith(r.target, "/prio")) {
      errno = 0;
      res.body = std::to_string(getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))));
    } else if (StartsWith(r.target, "/echo")) {
      res.body = "echo body";
      res.headers.emplace_back("X-Seen", r.method + "|" + (r.head ? "head" : "") + "|" +
                                             r.remote_address + "|" + r.if_none_match);
    } else if (StartsWith(r.target, "/etag")) {
      res.body = "tagged";
      res.headers.emplace_back("ETag", "\"v1\"");
      res.headers.emplace_back("Cache-Control", "no-cache");
    } else if (StartsWith(r.target, "/csp")) {
      res.body = "own csp";
      res.headers.emplace_back("content-security-policy", "default-src 'none'");
    } else if (StartsWith(r.target, "/throw")) {
      throw std::runtime_error("boom");
    } else if (StartsWith(r.target, "/later")) {
      const std::string target = r.target;
      res.later = [this, target](server::Reply reply) {
        std::lock_guard<std::mutex> lock(later_mu_);
        later_.emplace_back(target, std::move(reply));
      };
    } else if (StartsWith(r.target, "/drop")) {
      res.later = [](server::Reply) {};
    } else {
      res.status = 404;
      res.content_type = "application/json; charset=utf-8";
      res.body = R"({"code":"not_found","message":"no such thing","details":{}})";
    }
    return res;
  }

  // Answers every kept /later request ("later:" + its target), from this
  // thread; returns how many.
  int ReleaseLater() {
    std::vector<std::pair<std::string, server::Reply>> owed;
    {
      std::lock_guard<std::mutex> lock(later_mu_);
      owed.swap(later_);
    }
    for (auto& [target, reply] : owed) {
      Response res;
      res.content_type = "text/plain";
      res.body = "later:" + target;
      reply(std::move(res));
    }
    return static_cast<int>(owed.size());
  }
  int LaterKept() {
    std::lock_guard<std::mutex> lock(later_mu_);
    return static_cast<int>(later_.size());
  }

  void OpenGate() {
    {
      std::lock_guard<std::mutex> lock(gate_mu_);
      gate_open_ = true;
    }
    gate_cv_.notify_all();
  }

  // Waits (bounded) until `pred` holds.
  template <class Pred>
  static bool WaitFor(Pred pred, std::chrono::milliseconds timeout = 5000ms) {
    const auto deadline = Clock::now() + timeout;
    while (!pred()) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(2ms);
    }
    return true;
  }

  uint16_t port() const { return server_->port(); }

  static void ExpectSecurityHeaders(const Reply& r) {
    SCOPED_TRACE("status " + std::to_string(r.status));
    EXPECT_EQ(r.header("content-security-policy"),
              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    EXPECT_EQ(r.header("x-frame-options"), "DENY");
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_;
  std::atomic<bool> run_returned_{false};
  std::atomic<int> heavy_seen_{0};
  std::atomic<int> gate_started_{0};
  std::atomic<int> slow_done_{0};
  std::mutex gate_mu_;
  std::condition_variable gate_cv_;
  bool gate_open_ = false;
  std::mutex later_mu_;
  std::vector<std::pair<std::string, server::Reply>> later_;
};

// Light requests, on a keep-alive connection and on fresh ones, each within
// `limit` while heavy requests occupy the pool.
void ExpectLightRequestsPrompt(uint16_t port, std::chrono::milliseconds limit) {
  Client keep(port);
  ASSERT_TRUE(keep.connected());
  for (int i = 0; i < 10; ++i) {
    SCOPED_TRACE(i);
    const auto start = Clock::now();
    if (i % 2 == 0) {
      const Reply r = keep.Call(Http("GET", "/fast"));
      EXPECT_EQ(r.status, 200);
    } else {
      Client fresh(port);
      const Reply r = fresh.Call(Http("GET", "/fast"));
      EXPECT_EQ(r.status, 200);
    }
    EXPECT_LT(Ms(Clock::now() - start), limit.count());
  }
}

TEST_F(TransportTest, LightRequestsArePromptWhileHeavyRequestsWaitOnThePool) {
  ServerOptions o;
  o.io_threads = 2;
  o.heavy_threads = 2;
  Start(o);
  // 4 heavy requests of 300 ms on a pool of 2: ~600 ms of heavy work. Were
  // they run on the I/O threads, both would be blocked and the light requests
  // below would wait for hundreds of ms.
  std::vector<std::unique_ptr<Client>> heavy;
  const auto sent = Clock::now();
  for (int i = 0; i < 4; ++i) {
    heavy.push_back(std::make_unique<Client>(port()));
    ASSERT_TRUE(heavy.back()->Send(Http("GET", "/slow?ms=300")));
  }
  ASSERT_TRUE(WaitFor([&] { return heavy_seen_ == 4; }));
  ExpectLightRequestsPrompt(port(), 100ms);
  // The light requests really overlapped the heavy work.
  EXPECT_LT(slow_done_, 4);
  for (auto& c : heavy) {
    const Reply r = c->Read();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "slept");
  }
  // 4 jobs of 300 ms on 2 threads: two rounds.
  EXPECT_GE(Ms(Clock::now() - sent), 550);
}

TEST_F(TransportTest, CpuBoundHeavyWorkDoesNotStarveLightRequests) {
  ServerOptions o;
  o.io_threads = 2;
  o.heavy_threads = 2;
  Start(o);
  // Two threads burning CPU on a machine that may have only two cores: the
  // pool's nice value is what keeps the I/O threads responsive. The margin is
  // wider than above: the machine is shared and this one is about the CPU.
  std::vector<std::unique_ptr<Client>> heavy;
  for (int i = 0; i < 4; ++i) {
    heavy.push_back(std::make_unique<Client>(port()));
    ASSERT_TRUE(heavy.back()->Send(Http("GET", "/spin?ms=300")));
  }
  ASSERT_TRUE(WaitFor([&] { return heavy_seen_ == 4; }));
  ExpectLightRequestsPrompt(port(), 250ms);
  for (auto& c : heavy) EXPECT_EQ(c->Read().status, 200);
}

TEST_F(TransportTest, HeavyPoolThreadsRunAtALowerPriority) {
  ServerOptions o;
  o.heavy_nice = 10;
  Start(o);
  Client c(port());
  // /prio reports the I/O thread's nice value, /nice (heavy) the pool's.
  const Reply io = c.Call(Http("GET", "/prio"));
  const Reply pool = c.Call(Http("GET", "/nice"));
  ASSERT_EQ(io.status, 200);
  ASSERT_EQ(pool.status, 200);
  EXPECT_EQ(std::stoi(pool.body), std::min(19, std::stoi(io.body) + 10))
      << "io " << io.body << ", pool " << pool.body;
}

TEST_F(TransportTest, BeyondTheQueueLimitIs503WithRetryAfterAndTheHandlerDoesNotRun) {
  ServerOptions o;
  o.heavy_threads = 1;
  o.heavy_queue_limit = 2;
  o.busy_retry_after = std::chrono::seconds(3);
  Start(o);
  Client running(port()), queued(port()), refused(port());
  ASSERT_TRUE(running.Send(Http("GET", "/gate")));
  ASSERT_TRUE(WaitFor([&] { return gate_started_ == 1; }));
  ASSERT_TRUE(queued.Send(Http("GET", "/gate")));
  ASSERT_TRUE(WaitFor([&] { return heavy_seen_ == 2; }));
  std::this_thread::sleep_for(50ms);  // is_heavy returned; let admission finish

  const auto start = Clock::now();
  const Reply r = refused.Call(Http("GET", "/gate"));
  EXPECT_LT(Ms(Clock::now() - start), 1000);  // at once, not after the queue
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.header("retry-after"), "3");
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  const Json j = Json::parse(r.body);
  EXPECT_EQ(j["code"], "unavailable");
  EXPECT_TRUE(j["message"].is_string());
  EXPECT_EQ(j["details"]["retry_after"], 3);
  ExpectSecurityHeaders(r);
  EXPECT_EQ(gate_started_, 1);  // the refused request never reached the handler
  // The refused connection stays usable; light requests are not limited.
  EXPECT_EQ(refused.Call(Http("GET", "/fast")).status, 200);

  OpenGate();
  EXPECT_EQ(running.Read().status, 200);
  EXPECT_EQ(queued.Read().status, 200);
  // Finished requests free their places.
  EXPECT_EQ(refused.Call(Http("GET", "/gate")).status, 200);
  EXPECT_EQ(gate_started_, 3);
}

TEST_F(TransportTest, BodyLimitPerRequestLine) {
  // /upload may send 8 KiB, everything else 1 KiB; the choice is made from the
  // request line, before any of the body is read.
  ServerOptions o;
  o.body_limit = 1024;
  o.body_limit_for = [](const Request& r) -> std::size_t {
    return r.method == "POST" && StartsWith(r.target, "/upload") ? 8192 : 0;
  };
  Start(o);
  {
    Client c(port());
    const Reply big = c.Call(
        Http("POST", "/upload?x=1", {{"Content-Type", "text/plain"}}, std::string(6000, 'x')));
    EXPECT_EQ(big.status, 200);
    EXPECT_EQ(big.body, "6000");
    // Same connection, a request without a body still works.
    EXPECT_EQ(c.Call(Http("GET", "/fast")).status, 200);
  }
  {
    Client c(port());
    const Reply too_big = c.Call(
        Http("POST", "/upload", {{"Content-Type", "text/plain"}}, std::string(9000, 'x')));
    EXPECT_EQ(too_big.status, 413);
    EXPECT_NE(too_big.body.find("8192"), std::string::npos) << too_big.body;
  }
  {
    Client c(port());
    const Reply other =
        c.Call(Http("POST", "/fast", {{"Content-Type", "text/plain"}}, std::string(2048, 'x')));
    EXPECT_EQ(other.status, 413);
    EXPECT_NE(other.body.find("1024"), std::string::npos) << other.body;
  }
}

TEST_F(TransportTest, SecurityHeadersOnEveryResponse) {
  ServerOptions o;
  o.body_limit = 1024;
  o.heavy_queue_limit = 0;  // every heavy request is refused
  Start(o);
  {
    Client c(port());
    const Reply ok = c.Call(Http("GET", "/fast"));
    EXPECT_EQ(ok.status, 200);
    ExpectSecurityHeaders(ok);
    const Reply missing = c.Call(Http("GET", "/nope"));
    EXPECT_EQ(missing.status, 404);
    ExpectSecurityHeaders(missing);
    const Reply error = c.Call(Http("GET", "/throw"));
    EXPECT_EQ(error.status, 500);
    EXPECT_EQ(Json::parse(error.body)["code"], "internal");
    ExpectSecurityHeaders(error);
    const Reply busy = c.Call(Http("GET", "/slow?ms=1"));
    EXPECT_EQ(busy.status, 503);
    ExpectSecurityHeaders(busy);
  }
  {
    Client c(port());
    const Reply too_big =
        c.Call(Http("POST", "/fast", {{"Content-Type", "text/plain"}}, std::string(2048, 'x')));
    EXPECT_EQ(too_big.status, 413);
    EXPECT_EQ(Json::parse(too_big.body)["code"], "payload_too_large");
    ExpectSecurityHeaders(too_big);
  }
  {
    Client c(port());
    const Reply bad = c.Call("NOT HTTP AT ALL\r\n\r\n");
    EXPECT_EQ(bad.status, 400);
    ExpectSecurityHeaders(bad);
  }
  {
    // The handler's own header wins, and is the only one of its name.
    Client c(port());
    const Reply own = c.Call(Http("GET", "/csp"));
    EXPECT_EQ(own.status, 200);
    EXPECT_EQ(own.header("content-security-policy"), "default-src 'none'");
    std::string lower = own.head;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    size_t count = 0;
    for (size_t at = 0; (at = lower.find("content-security-policy:", at)) != std::string::npos;
         ++at) {
      ++count;
    }
    EXPECT_EQ(count, 1u) << own.head;
    EXPECT_EQ(own.header("x-frame-options"), "DENY");
  }
}

TEST_F(TransportTest, HeadGivesStatusHeadersAndLengthButNoBody) {
  Start();
  Client c(port());
  const Reply get = c.Call(Http("GET", "/echo"));
  ASSERT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "echo body");
  EXPECT_EQ(get.header("x-seen"), "GET||127.0.0.1|");

  const Reply head = c.Call(Http("HEAD", "/echo"));
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.header("content-type"), "text/plain");
  EXPECT_EQ(head.header("x-seen"), "GET|head|127.0.0.1|");  // handed over as a GET
  ExpectSecurityHeaders(head);
  EXPECT_EQ(c.Leftover(200ms), "");  // no body bytes followed
  // Framing intact: the connection goes on.
  EXPECT_EQ(c.Call(Http("GET", "/fast")).body, "fast");
  // HEAD of an error and of a heavy request.
  const Reply missing = c.Call(Http("HEAD", "/nope"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.header("content-length"), "0");
  const Reply heavy = c.Call(Http("HEAD", "/slow?ms=5"));
  EXPECT_EQ(heavy.status, 200);
  EXPECT_EQ(heavy.header("content-length"), "5");
  EXPECT_EQ(c.Leftover(100ms), "");
  EXPECT_EQ(c.Call(Http("GET", "/fast")).body, "fast");
}

TEST_F(TransportTest, MatchingIfNoneMatchGives304) {
  Start();
  Client c(port());
  const Reply full = c.Call(Http("GET", "/etag"));
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.header("etag"), "\"v1\"");
  EXPECT_EQ(full.body, "tagged");

  for (const char* tags : {"\"v1\"", "W/\"v1\"", "\"a\", \"v1\"", "\"a\",W/\"v1\" ", "*"}) {
    SCOPED_TRACE(tags);
    const Reply r = c.Call(Http("GET", "/etag", {{"If-None-Match", tags}}));
    EXPECT_EQ(r.status, 304);
    EXPECT_EQ(r.header("etag"), "\"v1\"");
    EXPECT_EQ(r.header("cache-control"), "no-cache");
    EXPECT_FALSE(r.has("content-type"));
    EXPECT_EQ(r.header("content-length"), r.has("content-length") ? "0" : "");
    EXPECT_EQ(r.body, "");
    ExpectSecurityHeaders(r);
  }
  EXPECT_EQ(c.Leftover(100ms), "");
  const Reply other = c.Call(Http("GET", "/etag", {{"If-None-Match", "\"v2\""}}));
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, "tagged");
  const Reply head = c.Call(Http("HEAD", "/etag", {{"If-None-Match", "\"v1\""}}));
  EXPECT_EQ(head.status, 304);
  // No ETag in the response: never a 304, even for `*`.
  EXPECT_EQ(c.Call(Http("GET", "/fast", {{"If-None-Match", "*"}})).status, 200);
  // The handler sees the header too.
  EXPECT_EQ(c.Call(Http("GET", "/echo", {{"If-None-Match", "\"x\""}})).header("x-seen"),
            "GET||127.0.0.1|\"x\"");
}

TEST_F(TransportTest, RemoteAddressIsTheClientsIp) {
  Start();
  Client c(port());
  const Reply r = c.Call(Http("GET", "/echo"));
  EXPECT_EQ(r.header("x-seen"), "GET||127.0.0.1|");
}

TEST_F(TransportTest, IoThreadsServeConnectionsInParallel) {
  ServerOptions o;
  o.io_threads = 2;
  Start(o);
  // A slow light handler holds one I/O thread; the other serves everyone else.
  Client blocked(port());
  ASSERT_TRUE(blocked.Send(Http("GET", "/block?ms=500")));
  std::this_thread::sleep_for(50ms);
  const auto start = Clock::now();
  Client c(port());
  EXPECT_EQ(c.Call(Http("GET", "/fast")).status, 200);
  EXPECT_LT(Ms(Clock::now() - start), 250);
  EXPECT_EQ(blocked.Read().status, 200);
}

TEST_F(TransportTest, ManyConcurrentKeepAliveClients) {
  ServerOptions o;
  o.io_threads = 2;
  o.heavy_threads = 2;
  Start(o);
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      Client c(port());
      for (int i = 0; i < 50; ++i) {
        const char* target = (i + t) % 10 == 0 ? "/slow?ms=1" : (i % 3 ? "/fast" : "/echo");
        if (c.Call(Http(i % 4 == 0 ? "HEAD" : "GET", target)).status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok, 8 * 50);
}

TEST_F(TransportTest, StopWithHeavyWorkInFlightFinishesItAndReturns) {
  ServerOptions o;
  o.heavy_threads = 1;
  Start(o);
  Client running(port()), queued1(port()), queued2(port()), idle(port());
  ASSERT_TRUE(running.Send(Http("GET", "/slow?ms=300")));
  ASSERT_TRUE(queued1.Send(Http("GET", "/slow?ms=300")));
  ASSERT_TRUE(queued2.Send(Http("GET", "/slow?ms=300")));
  ASSERT_TRUE(WaitFor([&] { return heavy_seen_ == 3; }));
  std::this_thread::sleep_for(50ms);
  const auto start = Clock::now();
  server_->Stop();
  ASSERT_TRUE(WaitFor([&] { return run_returned_.load(); }, 5000ms));
  // The running job finished (~300 ms); the queued ones were not run.
  EXPECT_LT(Ms(Clock::now() - start), 3000);
  thread_.join();
  // Which of the three reached the single worker first depends on the I/O
  // threads' scheduling: exactly one ran (200, then close), the others were
  // refused without running (503).
  int ran = 0, refused = 0;
  for (Client* c : {&running, &queued1, &queued2}) {
    const Reply r = c->Read();
    if (r.status == 200) {
      ++ran;
      EXPECT_EQ(r.header("connection"), "close");
    } else {
      EXPECT_EQ(r.status, 503);
      EXPECT_EQ(Json::parse(r.body)["code"], "unavailable");
      ++refused;
    }
  }
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(refused, 2);
  EXPECT_TRUE(idle.ClosedWithin(1000ms));
  EXPECT_TRUE(running.ClosedWithin(1000ms));
}

// Response::later: requests waiting for their reply hold no thread — one I/O
// thread serves /fast at once while 64 replies are owed — and each answer
// reaches its own connection, whichever thread gives it.
TEST_F(TransportTest, LaterRepliesHoldNoThreadAndReachTheirConnections) {
  ServerOptions o;
  o.io_threads = 1;
  Start(o);
  constexpr int kWaiting = 64;
  std::vector<std::unique_ptr<Client>> waiting;
  for (int i = 0; i < kWaiting; ++i) {
    waiting.push_back(std::make_unique<Client>(port()));
    ASSERT_TRUE(waiting.back()->Send(Http("POST", "/later?i=" + std::to_string(i))));
  }
  ASSERT_TRUE(WaitFor([&] { return LaterKept() == kWaiting; }));
  Client c(port());
  const auto start = Clock::now();
  const Reply fast = c.Call(Http("GET", "/fast"));
  EXPECT_EQ(fast.status, 200);
  EXPECT_LT(Ms(Clock::now() - start), 1000);
  EXPECT_EQ(ReleaseLater(), kWaiting);
  for (int i = 0; i < kWaiting; ++i) {
    const Reply r = waiting[static_cast<size_t>(i)]->Read();
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "later:/later?i=" + std::to_string(i));
    ExpectSecurityHeaders(r);
  }
  // The connection stays usable (keep-alive) after a later reply.
  ASSERT_TRUE(waiting[0]->Send(Http("GET", "/fast")));
  EXPECT_EQ(waiting[0]->Read().body, "fast");
}

TEST_F(TransportTest, ALaterReplyDroppedUncalledAnswers500) {
  Start();
  Client c(port());
  const Reply r = c.Call(Http("POST", "/drop"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Json::parse(r.body)["code"], "internal");
}

TEST_F(TransportTest, StopWaitsForRepliesOwedAndWritesThem) {
  Start();
  Client owed(port());
  ASSERT_TRUE(owed.Send(Http("POST", "/later?owed")));
  ASSERT_TRUE(WaitFor([&] { return LaterKept() == 1; }));
  server_->Stop();
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(run_returned_.load());  // a reply is still owed
  EXPECT_EQ(ReleaseLater(), 1);
  ASSERT_TRUE(WaitFor([&] { return run_returned_.load(); }, 5000ms));
  const Reply r = owed.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "later:/later?owed");
  EXPECT_EQ(r.header("connection"), "close");
}

TEST_F(TransportTest, StopBeforeRunReturnsAtOnce) {
  ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.io_threads = 3;
  Server s(o, [](const Request&) { return Response{}; });
  ASSERT_TRUE(s.Listen().ok());
  s.Stop();
  EXPECT_TRUE(s.Run().ok());
}

}  // namespace
}  // namespace govperf::server
