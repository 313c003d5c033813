#include <limits>

#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {
constexpr int64_t kDefaultLimit = 100;
constexpr int64_t kMaxLimit = 1000;
}  // namespace

// A page of the audit trail plus a verification of the whole hash chain, so
// that the reader sees at once whether the trail can be trusted.
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
  auto verification = ctx.svc.store.VerifyAudit();
  if (!verification.ok()) return Fail(verification.status());
  Json list = Json::array();
  for (const auto& r : *records) list.push_back(dto::AuditRecordJson(r));
  return JsonResponse({{"records", std::move(list)},
                       {"verification",
                        {{"ok", verification->ok},
                         {"records", verification->records},
                         {"first_bad_id", verification->first_bad_id},
                         {"message", verification->message}}}});
}

}  // namespace govperf::server::handlers
