#include "server/handlers/handlers.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {

// Also a liveness check of the store: a database that cannot be read is a 500.
Response Health(Ctx& ctx) {
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  return JsonResponse(
      {{"status", "ok"}, {"version", kVersion}, {"years", static_cast<int>(years->size())}});
}

}  // namespace govperf::server::handlers
