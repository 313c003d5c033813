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
//     responses being written are finished.
// Threading: one io_context run by the thread that calls Run(); the Handler is
// called on that thread (see docs/design/server.md for why).
// Beast/Asio live only in server.cc (pimpl), which keeps compile times down.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "server/http_types.h"

namespace govperf::server {

inline constexpr std::size_t kDefaultBodyLimit = 1024 * 1024;  // 1 MiB, docs/api.md
inline constexpr std::chrono::milliseconds kDefaultReadTimeout{30'000};

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: the OS picks a free port; see Server::port()
  std::chrono::milliseconds read_timeout = kDefaultReadTimeout;
  std::chrono::milliseconds write_timeout = kDefaultReadTimeout;
  std::size_t body_limit = kDefaultBodyLimit;
  // Stop on SIGINT/SIGTERM (the CLI sets this; tests call Stop() instead).
  bool handle_signals = false;
  // Where operational messages go; stderr when empty.
  std::function<void(const std::string&)> log;
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
  // REQUIRES: Listen() succeeded. Serves until Stop() or a signal; returns a
  // non-ok Status when the listener failed.
  Status Run();
  // Thread-safe; may be called before, during or after Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace govperf::server
