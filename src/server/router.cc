#include "server/router.h"

#include <algorithm>

namespace govperf::server {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {
// "{year}": a parameter segment of a route pattern.
bool IsParam(const std::string& p) { return p.size() > 2 && p.front() == '{' && p.back() == '}'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool PercentDecode(const std::string& in, std::string* out, bool plus_is_space) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = HexValue(in[i + 1]);
      const int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      *out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      *out += ' ';
    } else {
      *out += c;
    }
  }
  return true;
}

Router::Router(const std::vector<RouteSpec>& routes) {
  for (const RouteSpec& r : routes) routes_.push_back({&r, SplitPath(r.pattern)});
}

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  RouteMatch m;
  const std::vector<std::string> segs = SplitPath(path);
  for (const Compiled& c : routes_) {
    if (c.segments.size() != segs.size()) continue;
    // Literal segments first, allocating nothing: most routes fail here, and
    // every request is matched against all of them.
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      ok = IsParam(c.segments[i]) || c.segments[i] == segs[i];
    }
    if (!ok) continue;
    std::map<std::string, std::string> params;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      const std::string& p = c.segments[i];
      if (!IsParam(p)) continue;
      std::string decoded;
      ok = PercentDecode(segs[i], &decoded, false) && !decoded.empty();
      if (ok) params[p.substr(1, p.size() - 2)] = std::move(decoded);
    }
    if (!ok) continue;
    if (method == c.spec->method) {
      m.kind = RouteMatch::Kind::kFound;
      m.route = c.spec;
      m.params = std::move(params);
      return m;
    }
    if (std::find(m.allowed.begin(), m.allowed.end(), c.spec->method) == m.allowed.end()) {
      m.allowed.push_back(c.spec->method);
    }
  }
  m.kind = m.allowed.empty() ? RouteMatch::Kind::kNotFound : RouteMatch::Kind::kMethodNotAllowed;
  return m;
}

}  // namespace govperf::server
