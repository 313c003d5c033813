// Maps (method, path) to a route of the policy table. Patterns are literal
// segments and {name} placeholders that match exactly one non-empty segment.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/policy.h"

namespace govperf::server {

struct RouteMatch {
  enum class Kind { kFound, kNotFound, kMethodNotAllowed };
  Kind kind = Kind::kNotFound;
  const RouteSpec* route = nullptr;           // kFound
  std::map<std::string, std::string> params;  // kFound: placeholder → segment (decoded)
  std::vector<std::string> allowed;           // kMethodNotAllowed: methods of the path
};

class Router {
 public:
  explicit Router(const std::vector<RouteSpec>& routes);
  // `path` without query string, not yet percent-decoded.
  RouteMatch Match(const std::string& method, const std::string& path) const;

 private:
  struct Compiled {
    const RouteSpec* spec;
    std::vector<std::string> segments;  // "{year}" kept as is
  };
  std::vector<Compiled> routes_;
};

// Splits "/a/b/" into {"a", "b"} (empty segments dropped).
std::vector<std::string> SplitPath(const std::string& path);
// Percent-decoding; false on a malformed escape.
bool PercentDecode(const std::string& in, std::string* out, bool plus_is_space);

}  // namespace govperf::server
