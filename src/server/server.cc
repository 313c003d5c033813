// Transport: Boost.Beast + Asio C++20 coroutines. The only Beast code in the
// project; everything it knows about the application is the Handler.
#include "server/server.h"

// clang-format off
#include <utility>  // before Asio: see pch.h
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
// clang-format on

#include <array>
#include <exception>
#include <iostream>
#include <list>
#include <optional>

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

std::string EnvelopeJson(const char* code, const std::string& message) {
  // Static texts only (no quotes to escape), so no JSON library is needed here.
  return std::string(R"({"code":")") + code + R"(","message":")" + message + R"(","details":{}})";
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Handler h) : opt(std::move(o)), handler(std::move(h)) {}

  // One entry per live connection; touched only on the io thread.
  struct Conn {
    beast::tcp_stream* stream;
    bool reading;  // waiting for (the rest of) a request: safe to cancel on stop
  };

  ServerOptions opt;
  Handler handler;
  // Declared before the io_context: coroutine frames destroyed with the
  // io_context unregister themselves from this list.
  std::list<Conn> conns;
  bool stopping = false;
  bool failed = false;
  std::string failure;
  uint16_t bound_port = 0;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  std::optional<asio::signal_set> signals;

  void Log(const std::string& line) {
    if (opt.log) {
      opt.log(line);
    } else {
      std::cerr << "govperf serve: " << line << std::endl;
    }
  }

  void DoStop() {
    if (stopping) return;
    stopping = true;
    beast::error_code ec;
    acceptor.close(ec);
    if (signals) signals->cancel(ec);
    // Idle connections wait in a read: cancel them. Connections busy writing a
    // response finish it (bounded by write_timeout) and then see `stopping`.
    for (Conn& c : conns) {
      if (c.reading) c.stream->cancel();
    }
  }

  asio::awaitable<void> WriteStatic(beast::tcp_stream& stream, http::status status,
                                    const char* code, const std::string& message) {
    http::response<http::string_body> res{status, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::connection, "close");
    res.body() = EnvelopeJson(code, message);
    res.prepare_payload();
    beast::error_code ec;
    stream.expires_after(opt.write_timeout);
    co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
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

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto self = conns.insert(conns.end(), Conn{&stream, true});
    struct Unregister {
      std::list<Conn>& list;
      std::list<Conn>::iterator it;
      ~Unregister() { list.erase(it); }
    } unregister{conns, self};

    beast::flat_buffer buffer;
    beast::error_code ec;
    while (!stopping) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(opt.body_limit);
      self->reading = true;
      stream.expires_after(opt.read_timeout);
      co_await http::async_read(stream, buffer, parser,
                                asio::redirect_error(asio::use_awaitable, ec));
      self->reading = false;
      if (ec == http::error::body_limit) {
        co_await WriteStatic(
            stream, http::status::payload_too_large, "payload_too_large",
            "request body exceeds the limit of " + std::to_string(opt.body_limit) + " bytes");
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
      req.method = std::string(breq.method_string());
      req.target = std::string(breq.target());
      req.authorization = std::string(breq[http::field::authorization]);
      req.accept_language = std::string(breq[http::field::accept_language]);
      req.body = std::move(breq.body());
      Response res = CallHandler(req);

      http::response<http::string_body> bres{static_cast<http::status>(res.status), breq.version()};
      bres.set(http::field::server, "govperf");
      bres.set(http::field::content_type, res.content_type);
      for (const auto& [name, value] : res.headers) bres.set(name, value);
      bres.body() = std::move(res.body);
      const bool keep_alive = breq.keep_alive() && !stopping;
      bres.keep_alive(keep_alive);
      bres.prepare_payload();
      stream.expires_after(opt.write_timeout);
      co_await http::async_write(stream, bres, asio::redirect_error(asio::use_awaitable, ec));
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  asio::awaitable<void> AcceptLoop() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket =
          co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (stopping || ec == asio::error::operation_aborted) co_return;
      if (ec) {
        // Transient (e.g. EMFILE): log, breathe, keep accepting.
        Log("accept failed: " + ec.message());
        asio::steady_timer pause(ioc, std::chrono::milliseconds(100));
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      asio::co_spawn(ioc, Session(std::move(socket)), [this](std::exception_ptr e) {
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
    s.signals.emplace(s.ioc, SIGINT, SIGTERM);
    s.signals->async_wait([&s](const boost::system::error_code& ec, int signo) {
      if (ec) return;
      s.Log("signal " + std::to_string(signo) + ": stopping");
      s.DoStop();
    });
  }
  asio::co_spawn(s.ioc, s.AcceptLoop(), [&s](std::exception_ptr e) {
    if (!e) return;
    // The listener died (STACK-NOTES: never leave the process idle): stop
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
  s.ioc.run();
  if (s.failed) return Status::Internal("listener failed: " + s.failure);
  return Status::Ok();
}

void Server::Stop() {
  Impl* s = impl_.get();
  asio::post(s->ioc, [s] { s->DoStop(); });
}

}  // namespace govperf::server
