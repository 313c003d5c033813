// The HTTP transport: accepts TCP connections and runs one coroutine per
// connection that reads requests (with a read timeout and a body limit), hands
// them to a plain Handler and writes the responses (keep-alive).
//
// Guarantees:
//  1. A client that sends nothing, or an incomplete request, is disconnected
//     after `read_timeout`: a slow client cannot pin a connection forever.
//  2. A body larger than `body_limit` is answered with a 413 envelope and the
//     connection is closed; the body is never buffered beyond the limit.
//  3. Listen() reports a bind failure as a Status; a listener that dies while
//     running stops the server and makes Run() return a non-ok Status.
//  4. Stop() is graceful: the acceptor closes, idle connections are closed,
//     responses being written are finished, heavy requests already running
//     on the pool are finished and written; heavy requests still queued are
//     answered 503 without running the handler. Run() returns after that.
//  5. Every response, including the transport's own 400/413/503, carries the
//     security headers (kSecurityHeaders); a header of the same name set by
//     the handler wins.
//  6. HEAD is answered wherever GET is: the handler sees a GET with
//     `Request::head` set; the client gets the status and headers (with the
//     Content-Length of the GET body) and no body. A 200 whose ETag matches
//     the request's If-None-Match (or `*`) becomes a 304 with no body.
//  7. Requests for which `is_heavy` is true run on a separate pool of
//     `heavy_threads` low-priority threads, never on an I/O thread; at most
//     `heavy_queue_limit` of them are queued or running; one more is answered
//     at once with 503 `unavailable` + Retry-After, without running the handler.
//  8. A handler may answer later (Response::later, a survey submission
//     waiting for its batch's commit): no thread waits; the connection's
//     coroutine resumes when the Reply is called, from any thread. Stop()
//     waits for replies owed. A Reply dropped uncalled answers 500.
//
// Threading: the io_context is run by `io_threads` threads (the one calling
// Run() is one of them). Each connection is a coroutine on its own strand, so
// a connection's requests are handled in order, but different connections'
// handlers run concurrently: the Handler and `is_heavy` must be thread-safe.
// See docs/design/server.md for the model and why.
// Beast/Asio live only in server.cc (pimpl), which keeps compile times down.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"
#include "server/http_types.h"

namespace govperf::server {

inline constexpr std::size_t kDefaultBodyLimit = 1024 * 1024;  // 1 MiB, docs/api.md
inline constexpr std::chrono::milliseconds kDefaultReadTimeout{30'000};

// Added to every response unless the handler sets a header of the same name.
// The CSP fits the built front end (web/): scripts and styles come from our
// own origin, except that Element Plus sets inline style attributes (hence
// style-src 'unsafe-inline'); its CSS embeds one data: image and index.html a
// data: favicon (img-src data:); ECharts draws on a canvas and needs nothing
// more; vue-i18n 11 interprets messages without eval, so no 'unsafe-eval'.
inline constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
     "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
    {"X-Frame-Options", "DENY"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: the OS picks a free port; see Server::port()
  std::chrono::milliseconds read_timeout = kDefaultReadTimeout;
  std::chrono::milliseconds write_timeout = kDefaultReadTimeout;
  std::size_t body_limit = kDefaultBodyLimit;
  // A different limit for some requests (file uploads, workbook imports),
  // decided from the request line before the body is read; empty or 0: use
  // body_limit. Called on an I/O thread for every request, so it must be
  // cheap. The request passed has method and target only (no body yet).
  std::function<std::size_t(const Request&)> body_limit_for;
  // Stop on SIGINT/SIGTERM (the CLI sets this; tests call Stop() instead).
  bool handle_signals = false;
  // Where operational messages go; stderr when empty. Called from several
  // threads, one call at a time (the transport serializes the calls).
  std::function<void(const std::string&)> log;

  // Threads running the io_context: reading, writing and light handlers.
  int io_threads = 2;
  // Which requests are CPU-heavy (argon2 logins, interval estimates ...).
  // Called on an I/O thread for every request, so it must be cheap; empty:
  // nothing is heavy. Heavy requests run on the pool below.
  std::function<bool(const Request&)> is_heavy;
  int heavy_threads = 2;
  // Heavy requests queued or running at most; one more gets a 503 at once.
  std::size_t heavy_queue_limit = 64;
  // How much the pool's threads' nice value is raised above the process's
  // (Linux: per thread; capped at 19). Light requests on the I/O threads then
  // win the CPU over heavy work; see docs/design/server.md. 0: leave it alone.
  int heavy_nice = 10;
  // Retry-After of that 503.
  std::chrono::seconds busy_retry_after{2};
};

using Handler = std::function<Response(const Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. After success, port() is the actual port.
  Status Listen();
  uint16_t port() const;
  // REQUIRES: Listen() succeeded. Serves until Stop() or a signal, on the
  // calling thread plus io_threads - 1 more and the heavy pool, all joined
  // before it returns; returns a non-ok Status when the listener failed.
  // Call it once.
  Status Run();
  // Thread-safe; may be called before, during or after Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace govperf::server
