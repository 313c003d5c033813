// The application: Response Handle(const Request&), apart from any socket.
// Routing → authentication (Bearer token → SHA-256 → session → expiry by the
// injected clock → user) → permission check from the policy table → handler.
// Non-API GET paths are served from the built front end.
//
// Thread-safety: Handle() may be called from any number of threads at once.
// Nothing here is serialized: the store guards its connection, the results
// service (app::YearCache), app::Auth and the public-results cache are
// thread-safe, and a request's state lives in its Ctx (docs/design/server.md).
#pragma once

#include <memory>

#include "app/auth.h"
#include "app/survey/collect.h"
#include "server/context.h"
#include "server/http_types.h"
#include "server/public_cache.h"
#include "server/router.h"
#include "server/server.h"
#include "server/static_files.h"
#include "server/year_cache.h"
#include "store/store.h"

namespace govperf::server {

class App {
 public:
  // `store` and `clock` must outlive the App.
  App(store::Store& store, const store::Clock& clock, AppOptions options = {});
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Response Handle(const Request& request);
  // Is this request CPU-heavy (its route says so)? The transport runs heavy
  // requests on its bounded worker pool.
  bool IsHeavy(const Request& request) const;
  // The route's body limit (RouteSpec::max_body), 0 for the default. Cheap:
  // called by the transport for every request before its body is read.
  std::size_t BodyLimit(const Request& request) const;
  // Points the transport's per-request decisions (heavy pool, body limit) at
  // this App's route table. The App must outlive the server.
  void ConfigureTransport(ServerOptions& options) const;

 private:
  Response HandleApi(const Request& request, const std::string& path, const std::string& query);
  // Sets ctx.user for a valid session; Unauthenticated otherwise.
  Status Authenticate(Ctx& ctx);

  AppOptions options_;
  YearCache years_;
  app::Auth auth_;
  PublicCache public_cache_;
  app::AuditVerifier audit_;
  app::survey::Collector survey_collector_;
  Services services_;
  Router router_;
  StaticFiles static_files_;
};

}  // namespace govperf::server
