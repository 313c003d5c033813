// A minimal blocking HTTP/1.1 client for transport tests: raw sockets,
// Content-Length framing only. Deliberately not Beast: the tests should not
// share the server's HTTP code.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace govperf::server::http_test {

using Clock = std::chrono::steady_clock;

struct Reply {
  int status = 0;                              // 0: nothing (EOF, timeout)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string head;  // status line and header lines, as received
  bool has(const std::string& name) const { return headers.count(name) > 0; }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// "METHOD target HTTP/1.1" with Host, the given headers and, if not empty, a body.
inline std::string Http(const std::string& method, const std::string& target,
                        const std::vector<std::pair<std::string, std::string>>& headers = {},
                        const std::string& body = "") {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers) req += name + ": " + value + "\r\n";
  if (!body.empty()) req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return req + "\r\n" + body;
}

class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Client() { close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  bool connected() const { return connected_; }

  bool Send(const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one response. `head`: the response to a HEAD (or a 304): no body
  // follows whatever Content-Length says.
  Reply Read(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000),
             bool head = false) {
    Reply r;
    const auto deadline = Clock::now() + timeout;
    size_t header_end;
    while ((header_end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill(deadline)) return r;
    }
    r.head = buf_.substr(0, header_end);
    std::istringstream lines(r.head);
    std::string line;
    std::getline(lines, line);
    r.status = std::stoi(line.substr(9, 3));
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const size_t value = line.find_first_not_of(' ', colon + 1);
      r.headers[name] = value == std::string::npos ? "" : line.substr(value);
    }
    const bool bodyless = head || r.status == 304 || r.status == 204;
    const size_t length =
        bodyless ? 0 : std::stoul(r.has("content-length") ? r.headers["content-length"] : "0");
    while (buf_.size() < header_end + 4 + length) {
      if (!Fill(deadline)) return Reply{};
    }
    r.body = buf_.substr(header_end + 4, length);
    buf_.erase(0, header_end + 4 + length);
    return r;
  }

  // Sends one request and reads its response.
  Reply Call(const std::string& request,
             std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
    if (!Send(request)) return Reply{};
    return Read(timeout, request.rfind("HEAD ", 0) == 0);
  }

  // Bytes received but not yet consumed by Read(), after waiting `wait`.
  std::string Leftover(std::chrono::milliseconds wait) {
    Fill(Clock::now() + wait);
    return buf_;
  }

  // True when the server closes the connection (EOF or reset) within `timeout`.
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
      pollfd p{fd_, POLLIN, 0};
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char tmp[4096];
      const ssize_t n = recv(fd_, tmp, sizeof tmp, 0);
      if (n <= 0) return true;
    }
  }

 private:
  bool Fill(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char tmp[16384];
    const ssize_t n = recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buf_;
};

}  // namespace govperf::server::http_test
