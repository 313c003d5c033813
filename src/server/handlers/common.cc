#include <limits>

#include "server/handlers/handlers.h"
#include "server/year_cache.h"

namespace govperf::server::handlers {

std::optional<Response> QueryYearOrLatest(Ctx& ctx, int* year) {
  std::optional<int64_t> q;
  constexpr int64_t kMinYear = 1900;
  constexpr int64_t kMaxYear = 9999;
  if (auto err = QueryInt(ctx, "year", kMinYear, kMaxYear, &q)) return err;
  if (q) {
    *year = static_cast<int>(*q);
    return std::nullopt;
  }
  auto latest = ctx.svc.years.LatestYearWithScheme();
  if (!latest.ok()) return Fail(latest.status());
  *year = *latest;
  return std::nullopt;
}

std::optional<core::Unit> FindUnitAnyYear(Ctx& ctx, const std::string& unit_id) {
  if (unit_id.empty()) return std::nullopt;
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return std::nullopt;
  for (auto it = years->rbegin(); it != years->rend(); ++it) {
    auto scheme = ctx.svc.years.Scheme(it->year);
    if (!scheme.ok()) continue;
    for (const core::Unit& u : (*scheme)->units) {
      if (u.id == unit_id) return u;
    }
  }
  return std::nullopt;
}

Response SheetErrorsResponse(Ctx& ctx, const std::vector<io::SheetError>& errors) {
  Json list = Json::array();
  for (const auto& e : errors) {
    list.push_back({{"sheet", e.sheet},
                    {"cell", e.cell},
                    {"message", ctx.zh && !e.message_zh.empty() ? e.message_zh : e.message}});
  }
  const std::string n = std::to_string(errors.size());
  return ErrorResponse(Code::kInvalidArgument,
                       ctx.T(n + " error(s) in the file; nothing was changed",
                             "文件中有 " + n + " 处错误，未做任何修改"),
                       {{"field", "body"}, {"errors", list}});
}

}  // namespace govperf::server::handlers
