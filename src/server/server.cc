// Transport: Boost.Beast + Asio C++20 coroutines. The only Beast code in the
// project; everything it knows about the application is the Handler.
//
// Threads and what they touch (docs/design/server.md, "Threading model"):
//  - I/O threads run `ioc`. The acceptor, the signal set and DoStop() live on
//    `control` (a strand); each connection's coroutine on a strand of its own.
//  - Heavy-pool threads run `heavy_ctx`: only CallHandler() and the atomic
//    counters; results go back to the connection's strand by asio::post.
//  - Shared state: `conns` (under conns_mu), `stopping` and `heavy_pending`
//    (atomics), log calls (under log_mu). Everything else of a connection is
//    touched only on its strand.
#include "server/server.h"

// clang-format off
#include <utility>  // before Asio: see pch.h
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
// clang-format on

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <limits>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace govperf::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// After a 413 the client may still be sending its body. Closing a socket with
// unread data makes the kernel send RST, which can destroy the 413 before the
// client reads it; so we half-close and discard input for a short while first
// (a "lingering close", as nginx does).
constexpr std::chrono::milliseconds kLingerTime{2000};
constexpr std::size_t kLingerMaxBytes = 16 * 1024 * 1024;

// Static texts only (no quotes to escape), so no JSON library is needed here.
std::string EnvelopeJson(const char* code, const std::string& message,
                         const std::string& details = "{}") {
  return std::string(R"({"code":")") + code + R"(","message":")" + message + R"(","details":)" +
         details + "}";
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 13.1.2: If-None-Match uses the weak comparison, so W/"x" and "x"
// match each other. Entity tags cannot contain commas, so splitting on them is
// exact.
std::string_view Opaque(std::string_view tag) {
  tag = Trim(tag);
  if (tag.size() >= 2 && tag[0] == 'W' && tag[1] == '/') tag.remove_prefix(2);
  return tag;
}

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  const std::string_view want = Opaque(etag);
  if (want.empty()) return false;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    const std::string_view item = Trim(header.substr(0, comma));
    if (item == "*" || Opaque(item) == want) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

// Security headers first; then the handler's, each replacing a default of the
// same name (Beast field names compare case-insensitively).
template <class Fields>
void SetHeaders(Fields& fields, const std::vector<std::pair<std::string, std::string>>& extra) {
  for (const auto& [name, value] : kSecurityHeaders) {
    fields.set(beast::string_view(name.data(), name.size()),
               beast::string_view(value.data(), value.size()));
  }
  for (size_t i = 0; i < extra.size(); ++i) {
    const std::string& name = extra[i].first;
    // Erase the default once, before the first handler header of that name,
    // so a handler may still send a name twice.
    const bool first = std::none_of(extra.begin(), extra.begin() + static_cast<ptrdiff_t>(i),
                                    [&](const auto& h) { return IEquals(h.first, name); });
    if (first) fields.erase(name);
    fields.insert(name, extra[i].second);
  }
}

std::string RemoteAddress(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return "";
  asio::ip::address address = peer.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Handler h) : opt(std::move(o)), handler(std::move(h)) {}

  ~Impl() {
    // Normally Run() has joined everything; this covers a Run() that never ran.
    StopHeavyPool();
  }

  // What DoStop() needs of a live connection. `stream` and `reading` are
  // touched only on the connection's strand (the session sets them; DoStop
  // posts its cancellation there), so they need no lock.
  struct ConnState {
    beast::tcp_stream* stream = nullptr;  // null once the session has ended
    bool reading = true;  // waiting for (the rest of) a request: safe to cancel on stop
  };
  struct Conn {
    std::shared_ptr<ConnState> state;
    asio::any_io_executor strand;
  };

  ServerOptions opt;
  Handler handler;
  std::mutex log_mu;
  // Declared before the io_context: coroutine frames destroyed with the
  // io_context unregister themselves from this list.
  std::mutex conns_mu;
  std::list<Conn> conns;
  std::atomic<bool> stopping{false};
  // Heavy requests admitted and not yet finished (queued + running).
  std::atomic<std::size_t> heavy_pending{0};
  // Written on `control` by the listener's completion handler, read by Run()
  // after every I/O thread has been joined.
  bool failed = false;
  std::string failure;
  uint16_t bound_port = 0;
  asio::io_context ioc{std::max(1, opt.io_threads)};
  asio::strand<asio::io_context::executor_type> control = asio::make_strand(ioc);
  tcp::acceptor acceptor{control};
  std::optional<asio::signal_set> signals;
  // The heavy pool. Declared after `ioc`: jobs still queued here when it is
  // destroyed own coroutine frames whose streams need `ioc` alive.
  asio::io_context heavy_ctx{std::max(1, opt.heavy_threads)};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> heavy_work;
  std::vector<std::thread> heavy_threads;

  void Log(const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mu);
    if (opt.log) {
      opt.log(line);
    } else {
      std::cerr << "govperf serve: " << line << std::endl;
    }
  }

  // On `control`.
  void DoStop() {
    if (stopping.exchange(true)) return;
    beast::error_code ec;
    acceptor.close(ec);
    if (signals) signals->cancel(ec);
    // Idle connections wait in a read: cancel them, on their own strand (a
    // stream is not thread-safe). Connections busy writing a response, or
    // waiting for a heavy result, finish it and then see `stopping`.
    std::lock_guard<std::mutex> lock(conns_mu);
    for (const Conn& c : conns) {
      asio::post(c.strand, [state = c.state] {
        if (state->stream && state->reading) state->stream->cancel();
      });
    }
  }

  void StartHeavyPool() {
    heavy_work.emplace(heavy_ctx.get_executor());
    for (int i = 0; i < std::max(1, opt.heavy_threads); ++i) {
      heavy_threads.emplace_back([this] {
        LowerThisThreadsPriority();
        heavy_ctx.run();
      });
    }
  }

  // Lets the pool run out of jobs and joins it. Jobs still queued run (they
  // answer 503 at once when `stopping`), so no admitted request is lost.
  void StopHeavyPool() {
    heavy_work.reset();
    for (std::thread& t : heavy_threads) t.join();
    heavy_threads.clear();
  }

  // Why: on a 2-core machine two heavy jobs (argon2, bootstrap replicates)
  // would otherwise take half of each core from the I/O threads, and every
  // light request's latency would grow by the scheduler's time slices. With
  // nice 10 the CFS weight is ~110 against 1024 for nice 0, so a light request
  // preempts heavy work almost at once, while heavy work still gets all the
  // CPU the I/O threads leave idle. On Linux setpriority(PRIO_PROCESS, tid)
  // applies to one thread (man 2 setpriority, "BUGS"); raising the nice value
  // needs no privilege.
  void LowerThisThreadsPriority() {
    if (opt.heavy_nice <= 0) return;
#ifdef __linux__
    // Relative to the thread's current value (inherited from the process), so
    // a server started under `nice` keeps the gap and never gains priority.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    if (errno != 0) return;
    const int wanted = std::min(19, current + opt.heavy_nice);
    if (setpriority(PRIO_PROCESS, tid, wanted) != 0) {
      Log("heavy pool: cannot set nice " + std::to_string(wanted) + ": " + std::strerror(errno));
    }
#endif
  }

  Response Unavailable(const std::string& message) const {
    const std::string seconds = std::to_string(opt.busy_retry_after.count());
    Response res;
    res.status = 503;
    res.body = EnvelopeJson("unavailable", message, R"({"retry_after":)" + seconds + "}");
    res.headers.emplace_back("Retry-After", seconds);
    return res;
  }

  Response CallHandler(const Request& req) {
    try {
      return handler(req);
    } catch (const std::exception& e) {
      Log(std::string("handler threw: ") + e.what());
    } catch (...) {
      Log("handler threw a non-standard exception");
    }
    Response res;
    res.status = 500;
    res.body = EnvelopeJson("internal", "internal error");
    return res;
  }

  std::size_t BodyLimitFor(const Request& req) {
    try {
      const std::size_t limit = opt.body_limit_for(req);
      return limit > 0 ? limit : opt.body_limit;
    } catch (const std::exception& e) {
      Log(std::string("body_limit_for threw: ") + e.what());
    } catch (...) {
      Log("body_limit_for threw a non-standard exception");
    }
    return opt.body_limit;
  }

  bool IsHeavy(const Request& req) {
    if (!opt.is_heavy) return false;
    try {
      return opt.is_heavy(req);
    } catch (const std::exception& e) {
      Log(std::string("is_heavy threw: ") + e.what());
    } catch (...) {
      Log("is_heavy threw a non-standard exception");
    }
    return false;
  }

  // Runs the handler on the heavy pool; completes with the Response on the
  // caller's executor (the connection's strand), so the I/O thread is free
  // meanwhile. The work guard keeps Run() from returning while a job is out.
  template <class CompletionToken>
  auto AsyncHeavy(Request req, CompletionToken&& token) {
    return AsyncOn(heavy_ctx, heavy_pending, std::move(req), std::forward<CompletionToken>(token));
  }
  template <class CompletionToken>
  auto AsyncOn(asio::io_context& ctx, std::atomic<std::size_t>& pending, Request req,
               CompletionToken&& token) {
    auto init = [this, &ctx, &pending](auto completion, Request r) {
      auto work = asio::make_work_guard(asio::get_associated_executor(completion, ioc));
      asio::post(ctx, [this, &pending, r = std::move(r), completion = std::move(completion),
                       work = std::move(work)]() mutable {
        Response res =
            stopping ? Unavailable("the server is stopping; try again later") : CallHandler(r);
        pending.fetch_sub(1);
        auto ex = work.get_executor();
        asio::post(ex, [completion = std::move(completion), res = std::move(res)]() mutable {
          completion(std::move(res));
        });
      });
    };
    return asio::async_initiate<CompletionToken, void(Response)>(init, token, std::move(req));
  }

  // A reply owed to a connection (Response::later). `ex` is the
  // connection's strand, tracked as outstanding work so that Run() does not
  // return while the reply is owed.
  struct Owed {
    Owed(Impl* s, asio::any_io_executor e, std::function<void(Response)> r)
        : self(s), ex(std::move(e)), resume(std::move(r)) {}
    Impl* self;
    asio::any_io_executor ex;
    std::function<void(Response)> resume;
    std::atomic<bool> done{false};
    void Deliver(Response res) {
      if (done.exchange(true)) return;
      asio::post(ex, [r = std::move(resume), res = std::move(res)]() mutable { r(std::move(res)); });
    }
    ~Owed() {
      if (done) return;
      self->Log("a handler dropped its reply without answering");
      Response res;
      res.status = 500;
      res.body = EnvelopeJson("internal", "internal error");
      Deliver(std::move(res));
    }
  };

  // Completes with what the handler's Reply is given, on the caller's
  // executor (the connection's strand); nothing waits meanwhile. A Reply
  // destroyed without being called answers 500, so a connection never hangs.
  template <class CompletionToken>
  auto AsyncLater(std::function<void(Reply)> start, CompletionToken&& token) {
    auto init = [this](auto completion, std::function<void(Reply)> start) {
      asio::any_io_executor ex = asio::prefer(
          asio::get_associated_executor(completion, ioc.get_executor()),
          asio::execution::outstanding_work.tracked);
      // std::function needs a copyable target; the completion is move-only.
      auto handler = std::make_shared<decltype(completion)>(std::move(completion));
      auto owed = std::make_shared<Owed>(
          this, std::move(ex), [handler](Response res) { (*handler)(std::move(res)); });
      try {
        start([owed](Response res) { owed->Deliver(std::move(res)); });
      } catch (const std::exception& e) {
        Log(std::string("handler threw: ") + e.what());
      } catch (...) {
        Log("handler threw a non-standard exception");
      }
    };
    return asio::async_initiate<CompletionToken, void(Response)>(init, token, std::move(start));
  }

  asio::awaitable<Response> Dispatch(Request req) {
    Response res;
    if (!IsHeavy(req)) {
      res = CallHandler(req);
    } else {
      // Admission: count first, so that concurrent connections cannot overshoot.
      if (heavy_pending.fetch_add(1) >= opt.heavy_queue_limit) {
        heavy_pending.fetch_sub(1);
        co_return Unavailable("the server is busy; try again later");
      }
      res = co_await AsyncHeavy(std::move(req), asio::use_awaitable);
    }
    if (res.later) {
      std::function<void(Reply)> start = std::move(res.later);
      res = co_await AsyncLater(std::move(start), asio::use_awaitable);
    }
    co_return res;
  }

  asio::awaitable<void> WriteStatic(beast::tcp_stream& stream, http::status status,
                                    const char* code, const std::string& message) {
    http::response<http::string_body> res{status, 11};
    res.set(http::field::server, "govperf");
    res.set(http::field::content_type, "application/json; charset=utf-8");
    SetHeaders(res, {});
    res.set(http::field::connection, "close");
    res.body() = EnvelopeJson(code, message);
    res.prepare_payload();
    beast::error_code ec;
    stream.expires_after(opt.write_timeout);
    co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  // Writes `res` for a request; returns false when the connection is done.
  asio::awaitable<bool> WriteResponse(beast::tcp_stream& stream, Response res, unsigned version,
                                      bool keep_alive, bool head,
                                      const std::string& if_none_match) {
    if (res.status == 200 && !if_none_match.empty()) {
      const auto etag = std::find_if(res.headers.begin(), res.headers.end(),
                                     [](const auto& h) { return IEquals(h.first, "ETag"); });
      if (etag != res.headers.end() && IfNoneMatchHits(if_none_match, etag->second)) {
        // The other headers stay (ETag, Cache-Control ... as RFC 9110 15.4.5
        // asks); the body and what describes it go.
        res.status = 304;
        res.content_type.clear();
      }
    }
    const int s = res.status;
    const bool no_body = s / 100 == 1 || s == 204 || s == 304;
    if (no_body) res.body.clear();  // prepare_payload() throws on a body here

    http::response<http::string_body> bres{static_cast<http::status>(s), version};
    bres.set(http::field::server, "govperf");
    if (!res.content_type.empty()) bres.set(http::field::content_type, res.content_type);
    SetHeaders(bres, res.headers);
    bres.body() = std::move(res.body);
    bres.keep_alive(keep_alive);
    bres.prepare_payload();  // Content-Length of the body, also for HEAD
    beast::error_code ec;
    stream.expires_after(opt.write_timeout);
    if (head) {
      http::response<http::empty_body> hres{std::move(bres.base())};
      co_await http::async_write(stream, hres, asio::redirect_error(asio::use_awaitable, ec));
    } else {
      co_await http::async_write(stream, bres, asio::redirect_error(asio::use_awaitable, ec));
    }
    co_return !ec && keep_alive;
  }

  asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 16 * 1024> sink;
    std::size_t total = 0;
    stream.expires_after(std::min(opt.read_timeout, kLingerTime));
    while (!ec && total < kLingerMaxBytes) {
      total += co_await stream.async_read_some(asio::buffer(sink),
                                               asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  // Runs on the connection's own strand.
  asio::awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    const std::string remote_address = RemoteAddress(stream.socket());
    auto state = std::make_shared<ConnState>();
    state->stream = &stream;
    const asio::any_io_executor strand = co_await asio::this_coro::executor;
    std::list<Conn>::iterator self;
    {
      std::lock_guard<std::mutex> lock(conns_mu);
      self = conns.insert(conns.end(), Conn{state, strand});
    }
    // Destroyed before `stream` (declared after it).
    struct Unregister {
      Impl& impl;
      std::list<Conn>::iterator it;
      ~Unregister() {
        it->state->stream = nullptr;
        std::lock_guard<std::mutex> lock(impl.conns_mu);
        impl.conns.erase(it);
      }
    } unregister{*this, self};

    beast::flat_buffer buffer;
    beast::error_code ec;
    // `stopping` is checked and the read started in one step on the strand,
    // and DoStop() sets it before posting the cancel here: a read can't slip
    // past a Stop().
    while (!stopping) {
      http::request_parser<http::string_body> parser;
      // The header first: the body's limit may depend on the route. Beast
      // checks a Content-Length against the limit while parsing the header,
      // so the header is read without one and the length checked here; the
      // limit set afterwards bounds chunked bodies as they arrive.
      std::size_t limit = opt.body_limit;
      if (opt.body_limit_for) parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      else parser.body_limit(limit);
      state->reading = true;
      stream.expires_after(opt.read_timeout);
      co_await http::async_read_header(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
      if (!ec && opt.body_limit_for) {
        Request line;
        line.method = std::string(parser.get().method_string());
        line.target = std::string(parser.get().target());
        limit = BodyLimitFor(line);
        if (parser.content_length() && *parser.content_length() > limit) {
          ec = http::error::body_limit;
        } else {
          parser.body_limit(limit);
        }
      }
      if (!ec && !parser.is_done()) {
        co_await http::async_read(stream, buffer, parser,
                                  asio::redirect_error(asio::use_awaitable, ec));
      }
      state->reading = false;
      if (ec == http::error::body_limit) {
        co_await WriteStatic(
            stream, http::status::payload_too_large, "payload_too_large",
            "request body exceeds the limit of " + std::to_string(limit) + " bytes");
        co_await LingeringClose(stream);
        co_return;
      }
      if (ec && ec.category() == http::make_error_code(http::error::bad_method).category() &&
          ec != http::error::end_of_stream && ec != http::error::partial_message) {
        // Not HTTP we understand: say so once, then drop the connection.
        co_await WriteStatic(stream, http::status::bad_request, "invalid_argument",
                             "malformed HTTP request: " + ec.message());
        break;
      }
      // end_of_stream (client closed), timeout (guarantee 1), aborted (stop), reset ...
      if (ec) break;

      http::request<http::string_body> breq = parser.release();
      Request req;
      req.head = breq.method() == http::verb::head;
      req.method = req.head ? "GET" : std::string(breq.method_string());
      req.target = std::string(breq.target());
      req.authorization = std::string(breq[http::field::authorization]);
      req.accept_language = std::string(breq[http::field::accept_language]);
      req.if_none_match = std::string(breq[http::field::if_none_match]);
      req.host = std::string(breq[http::field::host]);
      req.remote_address = remote_address;
      req.body = std::move(breq.body());
      const bool head = req.head;
      const std::string if_none_match = req.if_none_match;
      Response res = co_await Dispatch(std::move(req));
      const bool keep_alive = breq.keep_alive() && !stopping;
      if (!co_await WriteResponse(stream, std::move(res), breq.version(), keep_alive, head,
                                  if_none_match)) {
        break;
      }
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // Runs on `control`.
  asio::awaitable<void> AcceptLoop() {
    for (;;) {
      beast::error_code ec;
      // Each connection gets a strand of its own: its coroutine, timers and
      // socket operations are serialized, different connections run in parallel.
      tcp::socket socket = co_await acceptor.async_accept(
          asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
      if (stopping || ec == asio::error::operation_aborted) co_return;
      if (ec) {
        // Transient (e.g. EMFILE): log, breathe, keep accepting.
        Log("accept failed: " + ec.message());
        asio::steady_timer pause(control, std::chrono::milliseconds(100));
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      const auto executor = socket.get_executor();
      asio::co_spawn(executor, Session(std::move(socket)), [this](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& x) {
          Log(std::string("connection ended with an exception: ") + x.what());
        }
      });
    }
  }
};

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

Status Server::Listen() {
  Impl& s = *impl_;
  boost::beast::error_code ec;
  const std::string host = s.opt.host == "localhost" ? "127.0.0.1" : s.opt.host;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) return Status::Invalid("host: not an IP address: " + s.opt.host);
  const tcp::endpoint endpoint{address, s.opt.port};
  const std::string where = s.opt.host + ":" + std::to_string(s.opt.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    s.acceptor.close();
    return {Code::kFailedPrecondition, "cannot listen on " + where + ": " + ec.message()};
  }
  s.bound_port = s.acceptor.local_endpoint().port();
  return Status::Ok();
}

uint16_t Server::port() const { return impl_->bound_port; }

Status Server::Run() {
  Impl& s = *impl_;
  if (!s.acceptor.is_open()) return Status::Internal("Run() before a successful Listen()");
  if (s.opt.handle_signals) {
    s.signals.emplace(s.control, SIGINT, SIGTERM);
    s.signals->async_wait([&s](const boost::system::error_code& ec, int signo) {
      if (ec) return;
      s.Log("signal " + std::to_string(signo) + ": stopping");
      s.DoStop();
    });
  }
  asio::co_spawn(s.control, s.AcceptLoop(), [&s](std::exception_ptr e) {
    if (!e) return;
    // The listener died (never leave the process idle, serving nothing): stop
    // everything and let Run() report it, so the CLI exits non-zero.
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      s.failure = x.what();
    } catch (...) {
      s.failure = "unknown exception";
    }
    s.failed = true;
    s.Log("listener failed: " + s.failure);
    s.ioc.stop();
  });
  s.StartHeavyPool();
  std::vector<std::thread> io;
  for (int i = 1; i < s.opt.io_threads; ++i) io.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (std::thread& t : io) t.join();
  s.StopHeavyPool();
  if (s.failed) return Status::Internal("listener failed: " + s.failure);
  return Status::Ok();
}

void Server::Stop() {
  Impl* s = impl_.get();
  asio::post(s->control, [s] { s->DoStop(); });
}

}  // namespace govperf::server
