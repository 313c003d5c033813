// What a handler gets (Ctx) and the helpers every handler uses to answer:
// JSON responses, the error envelope {code, message, details}, request-body
// and query parsing that name the offending field.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "app/audit.h"
#include "app/auth.h"
#include "app/caller.h"
#include "app/survey/sender.h"
#include "core/status.h"
#include "server/http_types.h"
#include "store/store.h"
#include "store/survey_journal.h"

namespace govperf::server {

using Json = nlohmann::json;

inline constexpr int kDefaultSessionHours = 8;
inline constexpr const char* kVersion = "0.1.0";

struct AppOptions {
  int session_hours = kDefaultSessionHours;  // lifetime of a login token
  app::LoginPolicy login_policy;             // throttling of failed logins
  std::string web_dir;  // built front end (web/dist); empty or missing: placeholder page
  // 社会评价: the scheme and host public survey links start with
  // ("https://pj.example.gov.cn"; serve --public-url). Empty: taken from the
  // request's Host header as http://HOST.
  std::string public_url;
  // Where survey invitations go (serve --invitation-spool): the built-in file
  // sender, or an installation's own. Null: invitations are refused (503).
  std::shared_ptr<app::survey::Sender> invitation_sender;
  // 社会评价 collection (app/survey/collect.h): the response journal (not
  // owned; null: public submissions answer 503), the device-token secret
  // (empty: random per process) and the per-address limit per minute (0: off).
  store::SurveyJournal* survey_journal = nullptr;
  std::string survey_token_secret;
  int survey_rate_limit = 0;
};

}  // namespace govperf::server
namespace govperf::app {
class YearCache;
}
namespace govperf::app::survey {
class Collector;
}
namespace govperf::server {
using app::YearCache;
class PublicCache;

// Long-lived services shared by all requests (owned by App). Each is
// thread-safe: requests run on several threads at once.
struct Services {
  store::Store& store;
  const store::Clock& clock;
  YearCache& years;
  const AppOptions& options;
  app::Auth& auth;
  PublicCache& public_cache;
  app::AuditVerifier& audit;
  app::survey::Collector& survey_collector;
};

struct Ctx {
  Ctx(Services& services, const Request& req) : svc(services), request(req) {}

  Services& svc;
  const Request& request;
  std::map<std::string, std::string> query;   // decoded
  std::map<std::string, std::string> params;  // decoded path placeholders
  std::optional<store::User> user;            // set when a valid session was presented
  std::string token_hash;                     // of that session
  bool zh = false;                            // Accept-Language: zh*

  // The caller's role; Role::kAnonymous without a session.
  core::Role role() const;
  // The caller for use cases (REQUIRES: user, or an anonymous caller is meant).
  app::Caller caller() const;
  // The message in the caller's language.
  std::string T(std::string_view en, std::string_view zh_text) const {
    return std::string(zh ? zh_text : en);
  }
};

int HttpStatusOf(Code code);
Response JsonResponse(const Json& body, int status = 200);
Response ErrorResponse(Code code, const std::string& message, Json details = Json::object());
// The envelope for a Status (e.g. one returned by the store or a use case):
// details.field when the status names one, Retry-After when it has one.
Response Fail(const Status& status);
// The same, with the message in the caller's language.
Response Fail(const Ctx& ctx, const Status& status);
// The same in the caller's language, for a reply made after the handler
// returned (Response::later), when the Ctx is gone.
Response FailIn(const Status& status, bool zh);
// 400 invalid_argument naming `field` in the message and in details.field.
Response BadField(const std::string& field, const std::string& message);

// Parses a decimal integer (optional leading '-'); false on anything else.
bool ParseInt(std::string_view text, int64_t* out);

// Reads an optional integer query parameter in [min, max]. Returns an error
// Response (400 naming the parameter) when present but malformed.
std::optional<Response> QueryInt(const Ctx& ctx, const std::string& name, int64_t min, int64_t max,
                                 std::optional<int64_t>* out);
// Reads an optional number query parameter strictly inside (min, max)
// (exclusive bounds). 400 naming the parameter when present but malformed.
std::optional<Response> QueryOpenInterval(const Ctx& ctx, const std::string& name, double min,
                                          double max, std::optional<double>* out);
// Reads an optional 0/1 flag ("1"/"true" or "0"/"false"); 400 naming it otherwise.
std::optional<Response> QueryFlag(const Ctx& ctx, const std::string& name, bool* out);
// Parses the {year} path placeholder (400 naming `year` when malformed).
std::optional<Response> PathYear(const Ctx& ctx, int* year);

// Reads the fields of a JSON object body; remembers the first problem.
class BodyReader {
 public:
  explicit BodyReader(const Ctx& ctx);
  // Required string; "" after an error.
  std::string String(const char* field, bool required = true);
  // A number or null; absent → nullopt.
  std::optional<double> NumberOrNull(const char* field);
  bool Bool(const char* field, bool fallback);
  // Is the field present (null included)?
  bool Has(const char* field) const;
  // Absent → nullopt; otherwise as String(field, false).
  std::optional<std::string> OptString(const char* field);
  // Absent or null → nullopt.
  std::optional<bool> OptBool(const char* field);
  // An object of finite numbers ({"budget": 1200}); absent or null → empty.
  std::map<std::string, double> NumberMap(const char* field);
  bool ok() const { return !error_.has_value(); }
  // REQUIRES: !ok()
  Response error() const { return *error_; }

 private:
  const Ctx& ctx_;
  Json body_;
  std::optional<Response> error_;
};

}  // namespace govperf::server
