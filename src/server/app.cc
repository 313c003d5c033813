#include "server/app.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "server/handlers/handlers.h"
#include "server/policy.h"

namespace govperf::server {
namespace {

constexpr const char* kBearer = "Bearer ";

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// "a=1&b=x%20y" → {a: 1, b: "x y"}; false on a malformed escape.
bool ParseQuery(const std::string& query, std::map<std::string, std::string>* out) {
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string part = query.substr(start, end - start);
    if (!part.empty()) {
      const size_t eq = part.find('=');
      std::string key, value;
      if (!PercentDecode(part.substr(0, eq), &key, true)) return false;
      if (eq != std::string::npos && !PercentDecode(part.substr(eq + 1), &value, true)) {
        return false;
      }
      (*out)[key] = value;
    }
    start = end + 1;
  }
  return true;
}

bool StartsWithZh(const std::string& accept_language) {
  return accept_language.size() >= 2 && std::tolower(accept_language[0]) == 'z' &&
         std::tolower(accept_language[1]) == 'h';
}

}  // namespace

App::App(store::Store& store, const store::Clock& clock, AppOptions options)
    : options_(std::move(options)),
      years_(store),
      auth_(store, clock, options_.session_hours, options_.login_policy),
      survey_collector_(store, options_.survey_journal, clock,
                        {options_.survey_rate_limit, options_.survey_token_secret}),
      services_{store, clock, years_, options_, auth_, public_cache_, audit_, survey_collector_},
      router_(Routes()),
      static_files_(options_.web_dir) {}

App::~App() = default;

bool App::IsHeavy(const Request& request) const {
  const size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  if (!IsApiPath(path)) return false;
  RouteMatch match = router_.Match(request.method, path);
  return match.kind == RouteMatch::Kind::kFound && match.route->heavy;
}

std::size_t App::BodyLimit(const Request& request) const {
  const size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  if (!IsApiPath(path)) return 0;
  RouteMatch match = router_.Match(request.method, path);
  return match.kind == RouteMatch::Kind::kFound ? match.route->max_body : 0;
}

void App::ConfigureTransport(ServerOptions& options) const {
  options.is_heavy = [this](const Request& r) { return IsHeavy(r); };
  options.body_limit_for = [this](const Request& r) { return BodyLimit(r); };
}

Response App::Handle(const Request& request) {
  const size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  const std::string query = q == std::string::npos ? "" : request.target.substr(q + 1);
  if (IsApiPath(path)) return HandleApi(request, path, query);
  if (request.method != "GET") {
    Response r = JsonResponse({{"code", "method_not_allowed"},
                               {"message", "only GET is served outside /api/"},
                               {"details", {{"allowed", {"GET"}}}}},
                              405);
    r.headers.emplace_back("Allow", "GET");
    return r;
  }
  return static_files_.Serve(path);
}

Status App::Authenticate(Ctx& ctx) {
  const std::string& header = ctx.request.authorization;
  std::string token;
  if (header.rfind(kBearer, 0) == 0) token = header.substr(std::strlen(kBearer));
  auto user = auth_.Authenticate(token, &ctx.token_hash);
  if (!user.ok()) {
    Status st = user.status();
    if (st.code() == Code::kUnauthenticated) {
      return Status(Code::kUnauthenticated, ctx.zh ? st.message_zh() : st.message());
    }
    return st;
  }
  ctx.user = std::move(user).value();
  return Status::Ok();
}

Response App::HandleApi(const Request& request, const std::string& path, const std::string& query) {
  Ctx ctx{services_, request};
  ctx.zh = StartsWithZh(request.accept_language);

  RouteMatch match = router_.Match(request.method, path);
  if (match.kind == RouteMatch::Kind::kNotFound) {
    return ErrorResponse(Code::kNotFound, ctx.T("no such API route: ", "没有这个接口：") +
                                              request.method + " " + path);
  }
  if (match.kind == RouteMatch::Kind::kMethodNotAllowed) {
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    Response r = JsonResponse(
        {{"code", "method_not_allowed"},
         {"message",
          ctx.T(request.method + " is not allowed on " + path + " (allowed: " + allow + ")",
                path + " 不支持 " + request.method + "（允许：" + allow + "）")},
         {"details", {{"allowed", match.allowed}}}},
        405);
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  if (!ParseQuery(query, &ctx.query)) {
    return ErrorResponse(
        Code::kInvalidArgument,
        ctx.T("malformed percent-encoding in the query string", "查询字符串的百分号编码有误"));
  }
  ctx.params = std::move(match.params);
  const RouteSpec& route = *match.route;

  // Authentication. A route that anonymous callers may use ignores a bad
  // token (a stale token must not break the public portal); any other route
  // needs a valid session.
  const bool anonymous_allowed =
      route.access == Access::kPublic ||
      (route.access == Access::kPermission &&
       std::any_of(route.any_of.begin(), route.any_of.end(),
                   [](Permission p) { return RoleHas(kRoleAnonymous, p); }));
  if (route.access != Access::kPublic && !request.authorization.empty()) {
    Status st = Authenticate(ctx);
    if (!st.ok() && (st.code() != Code::kUnauthenticated || !anonymous_allowed)) return Fail(st);
  }
  if (!ctx.user && !anonymous_allowed) {
    return ErrorResponse(Code::kUnauthenticated,
                         ctx.T("not logged in, or the session has expired: log in again",
                               "未登录或登录已过期，请重新登录"));
  }
  // Authorization: the role must hold one of the route's permissions.
  if (route.access == Access::kPermission &&
      std::none_of(route.any_of.begin(), route.any_of.end(),
                   [&](Permission p) { return RoleHas(ctx.role(), p); })) {
    std::string needed;
    for (Permission p : route.any_of)
      needed += (needed.empty() ? "" : " | ") + std::string(PermissionName(p));
    return ErrorResponse(
        Code::kPermissionDenied,
        ctx.T(std::string("your role (") + core::RoleName(ctx.role()) + ") lacks the permission " +
                  needed,
              std::string("当前角色（") + core::RoleName(ctx.role()) + "）没有权限 " + needed),
        {{"permission", needed}});
  }
  try {
    return route.handler(ctx);
  } catch (const std::exception& e) {
    // A bug, not the caller's fault: say so without leaking internals.
    return ErrorResponse(Code::kInternal, std::string("internal error: ") + e.what());
  }
}

}  // namespace govperf::server
