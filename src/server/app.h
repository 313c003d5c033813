// The application: Response Handle(const Request&), apart from any socket.
// Routing → authentication (Bearer token → SHA-256 → session → expiry by the
// injected clock → user) → permission check from the policy table → handler.
// Non-API GET paths are served from the built front end.
//
// Thread-safety: Handle() may be called from any thread; requests are
// serialized by one mutex because the store (one SQLite connection) and the
// results cache are single-threaded (docs/design/server.md).
#pragma once

#include <memory>
#include <mutex>

#include "server/context.h"
#include "server/http_types.h"
#include "server/router.h"
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

 private:
  Response HandleApi(const Request& request, const std::string& path, const std::string& query);
  // Sets ctx.user for a valid session; Unauthenticated otherwise.
  Status Authenticate(Ctx& ctx);

  AppOptions options_;
  YearCache years_;
  Services services_;
  Router router_;
  StaticFiles static_files_;
  std::mutex mu_;
};

}  // namespace govperf::server
