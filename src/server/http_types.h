// Plain request/response values exchanged between the transport (server.cc,
// the only Beast code) and the application (App::Handle). Keeping Beast out of
// this header means handlers, tests and the CLI compile without Beast/Asio and
// that request handling is a plain function, testable without sockets.
#pragma once

#include <functional>
#include <future>
#include <string>
#include <utility>
#include <vector>

namespace govperf::server {

struct Request {
  std::string method;           // "GET", "PUT" ... as sent; "GET" for a HEAD request
  std::string target;           // raw request target: path and optional "?query"
  std::string authorization;    // Authorization header, as sent
  std::string accept_language;  // Accept-Language header, as sent
  std::string body;
  // The client sent HEAD. The transport hands it to the handler as a GET (so
  // HEAD works wherever GET does) and drops the body of the response; a
  // handler may use this to skip producing an expensive body.
  bool head = false;
  // If-None-Match header, as sent. The transport answers 304 itself when the
  // handler's response carries a matching ETag; handlers may read it to skip work.
  std::string if_none_match;
  // The peer's IP address as text ("127.0.0.1", "::1"; an IPv4-mapped IPv6
  // address is given as IPv4), e.g. for login throttling by address. No
  // proxy headers are consulted: the server is meant to face clients directly.
  std::string remote_address;
  // Host header, as sent: the base of public links (survey QR codes) when
  // the server was given no --public-url.
  std::string host;
};

struct Response;
// Delivers a Response made after the handler returned. Call it exactly once,
// from any thread.
using Reply = std::function<void(Response)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // Extra headers. One with the same name (case-insensitive) as a header the
  // transport adds by default (the security headers, see server.h) replaces it.
  std::vector<std::pair<std::string, std::string>> headers;
  // Set by a handler that answers later without holding a thread (a survey
  // submission waiting for its batch's commit): the transport calls it once,
  // on the I/O thread, with a Reply, and writes what that Reply is given;
  // the other fields of this Response are ignored. A Reply dropped without
  // being called answers 500.
  std::function<void(Reply)> later;
};

// For callers without a transport (tests, in-process use): waits for a
// Response's later reply, if it has one.
inline Response Settled(Response r) {
  if (!r.later) return r;
  std::promise<Response> p;
  std::future<Response> f = p.get_future();
  std::function<void(Reply)> start = std::move(r.later);
  start([&p](Response res) { p.set_value(std::move(res)); });
  return f.get();
}

}  // namespace govperf::server
