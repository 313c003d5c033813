#include <limits>

#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {
constexpr int64_t kDefaultLimit = 100;
constexpr int64_t kMaxLimit = 1000;
}  // namespace

// A page of the audit trail plus the verification of the whole hash chain, so
// that the reader sees at once whether the trail can be trusted. The chain is
// walked again only when it has grown since the last walk, or on
// `?verify=full` (app/audit.h).
Response Audit(Ctx& ctx) {
  std::optional<int64_t> after;
  std::optional<int64_t> limit;
  if (auto err = QueryInt(ctx, "after", 0, std::numeric_limits<int64_t>::max() / 10, &after)) {
    return *err;
  }
  if (auto err = QueryInt(ctx, "limit", 1, kMaxLimit, &limit)) return *err;
  auto records =
      ctx.svc.store.ListAudit(after.value_or(0), static_cast<int>(limit.value_or(kDefaultLimit)));
  if (!records.ok()) return Fail(records.status());
  bool full = false;
  if (auto it = ctx.query.find("verify"); it != ctx.query.end()) {
    if (it->second != "full")
      return BadField("verify", ctx.T("verify: only 'full'", "verify：只能为 full"));
    full = true;
  }
  auto outcome = ctx.svc.audit.Verify(ctx.svc.store, full);
  if (!outcome.ok()) return Fail(outcome.status());
  const store::AuditVerification* verification = &outcome->verification;
  Json list = Json::array();
  for (const auto& r : *records) list.push_back(dto::AuditRecordJson(r));
  return JsonResponse({{"records", std::move(list)},
                       {"verification",
                        {{"ok", verification->ok},
                         {"records", verification->records},
                         {"first_bad_id", verification->first_bad_id},
                         {"message", verification->message},
                         {"cached", outcome->cached}}}});
}

}  // namespace govperf::server::handlers
