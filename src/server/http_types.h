// Plain request/response values exchanged between the transport (server.cc,
// the only Beast code) and the application (App::Handle). Keeping Beast out of
// this header means handlers, tests and the CLI compile without Beast/Asio and
// that request handling is a plain function, testable without sockets.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace govperf::server {

struct Request {
  std::string method;           // "GET", "PUT" ... as sent
  std::string target;           // raw request target: path and optional "?query"
  std::string authorization;    // Authorization header, as sent
  std::string accept_language;  // Accept-Language header, as sent
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace govperf::server
