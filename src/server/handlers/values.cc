// Writing one value (year-end "YYYY" or monthly "YYYY-MM"): parse → app::PutValue.
#include "app/year_inputs.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response PutValue(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  core::Datum datum;
  datum.indicator_id = body.String("indicator_id");
  datum.unit_id = body.String("unit_id");
  datum.period = body.String("period");
  datum.value = body.NumberOrNull("value");
  datum.no_data = body.Bool("no_data", false);
  datum.note = body.String("note", /*required=*/false);
  if (!body.ok()) return body.error();
  Status st = app::PutValue(ctx.svc.years, ctx.svc.store, ctx.caller(), year, datum);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

}  // namespace govperf::server::handlers
