#include "server/context.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "server/policy.h"

namespace govperf::server {

core::Role Ctx::role() const { return user ? user->role : core::Role::kAnonymous; }

app::Caller Ctx::caller() const {
  if (!user) return app::Caller{"anonymous", core::Role::kAnonymous, "", request.remote_address};
  return app::Caller::Of(*user, request.remote_address);
}

int HttpStatusOf(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kAlreadyExists:
      return 409;
    case Code::kFailedPrecondition:
      return 409;
    case Code::kInternal:
      return 500;
    case Code::kResourceExhausted:
      return 429;
    case Code::kUnavailable:
      return 503;
  }
  return 500;
}

Response JsonResponse(const Json& body, int status) {
  Response r;
  r.status = status;
  // "replace": a stray invalid UTF-8 byte in stored text must not turn a
  // whole response into an exception.
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response ErrorResponse(Code code, const std::string& message, Json details) {
  Response r = JsonResponse(
      {{"code", CodeName(code)}, {"message", message}, {"details", std::move(details)}},
      HttpStatusOf(code));
  if (code == Code::kUnauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

Response FailIn(const Status& status, bool zh) {
  Json details = Json::object();
  if (!status.field().empty()) details["field"] = status.field();
  if (status.retry_after() > 0) details["retry_after"] = status.retry_after();
  Response r = ErrorResponse(status.ok() ? Code::kInternal : status.code(),
                             zh ? status.message_zh() : status.message(), std::move(details));
  if (status.retry_after() > 0) {
    r.headers.emplace_back("Retry-After", std::to_string(status.retry_after()));
  }
  return r;
}

Response Fail(const Status& status) { return FailIn(status, false); }

Response Fail(const Ctx& ctx, const Status& status) { return FailIn(status, ctx.zh); }

Response BadField(const std::string& field, const std::string& message) {
  return ErrorResponse(Code::kInvalidArgument, message, {{"field", field}});
}

bool ParseInt(std::string_view text, int64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
    if (text.size() == 1) return false;
  }
  int64_t v = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = negative ? -v : v;
  return true;
}

std::optional<Response> QueryInt(const Ctx& ctx, const std::string& name, int64_t min, int64_t max,
                                 std::optional<int64_t>* out) {
  out->reset();
  auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return std::nullopt;
  int64_t v = 0;
  if (!ParseInt(it->second, &v) || v < min || v > max) {
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    return BadField(name,
                    ctx.T(name + ": expected an integer in " + range + ", got '" + it->second + "'",
                          name + "：应为 " + range + " 之间的整数，实际为 '" + it->second + "'"));
  }
  *out = v;
  return std::nullopt;
}

std::optional<Response> QueryOpenInterval(const Ctx& ctx, const std::string& name, double min,
                                          double max, std::optional<double>* out) {
  out->reset();
  auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return std::nullopt;
  const std::string& text = it->second;
  double v = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || end != last || !std::isfinite(v) || !(v > min && v < max)) {
    char range[64];
    std::snprintf(range, sizeof range, "(%g, %g)", min, max);
    return BadField(name, ctx.T(name + ": expected a number in " + range + ", got '" + text + "'",
                                name + "：应为 " + range + " 之间的数，实际为 '" + text + "'"));
  }
  *out = v;
  return std::nullopt;
}

std::optional<Response> QueryFlag(const Ctx& ctx, const std::string& name, bool* out) {
  *out = false;
  auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return std::nullopt;
  if (it->second == "1" || it->second == "true") {
    *out = true;
  } else if (it->second != "0" && it->second != "false") {
    return BadField(name, ctx.T(name + ": expected 1 or 0, got '" + it->second + "'",
                                name + "：应为 1 或 0，实际为 '" + it->second + "'"));
  }
  return std::nullopt;
}

std::optional<Response> PathYear(const Ctx& ctx, int* year) {
  auto it = ctx.params.find("year");
  int64_t v = 0;
  constexpr int64_t kMinYear = 1900;
  constexpr int64_t kMaxYear = 9999;
  if (it == ctx.params.end() || !ParseInt(it->second, &v) || v < kMinYear || v > kMaxYear) {
    const std::string got = it == ctx.params.end() ? "" : it->second;
    return BadField("year", ctx.T("year: expected a four-digit year, got '" + got + "'",
                                  "year：应为四位年份，实际为 '" + got + "'"));
  }
  *year = static_cast<int>(v);
  return std::nullopt;
}

BodyReader::BodyReader(const Ctx& ctx) : ctx_(ctx) {
  try {
    body_ = Json::parse(ctx.request.body);
  } catch (const Json::parse_error& e) {
    // e.what() names the position and what was expected; keep it for the developer.
    error_ = ErrorResponse(
        Code::kInvalidArgument,
        ctx.T("request body is not valid JSON: ", "请求体不是合法的 JSON：") + e.what(),
        {{"byte", e.byte}});
    return;
  } catch (const Json::exception& e) {
    // e.g. a number out of double's range (1e999): nlohmann refuses it with
    // out_of_range, which is the caller's input, not our bug.
    error_ = ErrorResponse(
        Code::kInvalidArgument,
        ctx.T("request body is not acceptable JSON: ", "请求体 JSON 无法接受：") + e.what());
    return;
  }
  if (!body_.is_object()) {
    error_ = ErrorResponse(Code::kInvalidArgument,
                           ctx.T("request body must be a JSON object", "请求体必须是 JSON 对象"));
  }
}

std::string BodyReader::String(const char* field, bool required) {
  if (error_) return "";
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) {
    if (required) {
      error_ =
          BadField(field, ctx_.T(std::string(field) + ": required", std::string(field) + "：必填"));
    }
    return "";
  }
  if (!it->is_string()) {
    error_ = BadField(field, ctx_.T(std::string(field) + ": must be a string",
                                    std::string(field) + "：必须是字符串"));
    return "";
  }
  return it->get<std::string>();
}

std::optional<double> BodyReader::NumberOrNull(const char* field) {
  if (error_) return std::nullopt;
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number() || !std::isfinite(it->get<double>())) {
    error_ = BadField(field, ctx_.T(std::string(field) + ": must be a number or null",
                                    std::string(field) + "：必须是数字或 null"));
    return std::nullopt;
  }
  return it->get<double>();
}

bool BodyReader::Has(const char* field) const {
  return !error_ && body_.find(field) != body_.end();
}

std::optional<std::string> BodyReader::OptString(const char* field) {
  if (error_ || body_.find(field) == body_.end()) return std::nullopt;
  return String(field, /*required=*/false);
}

std::optional<bool> BodyReader::OptBool(const char* field) {
  if (error_ || body_.find(field) == body_.end() || body_.at(field).is_null()) return std::nullopt;
  return Bool(field, false);
}

std::map<std::string, double> BodyReader::NumberMap(const char* field) {
  std::map<std::string, double> out;
  if (error_) return out;
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return out;
  const auto bad = [&] {
    error_ = BadField(field, ctx_.T(std::string(field) + ": must be an object of numbers",
                                    std::string(field) + "：必须是由数字组成的对象"));
  };
  if (!it->is_object()) {
    bad();
    return out;
  }
  for (const auto& [k, v] : it->items()) {
    if (!v.is_number() || !std::isfinite(v.get<double>())) {
      bad();
      return {};
    }
    out[k] = v.get<double>();
  }
  return out;
}

bool BodyReader::Bool(const char* field, bool fallback) {
  if (error_) return fallback;
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) {
    error_ = BadField(field, ctx_.T(std::string(field) + ": must be true or false",
                                    std::string(field) + "：必须是 true 或 false"));
    return fallback;
  }
  return it->get<bool>();
}

}  // namespace govperf::server
