// 站内消息 the caller's inbox: messages written by the use cases and the
// escalation run; read and mark read.
#include "app/monitoring/inbox.h"

#include "server/dto/monitoring.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response GetInbox(Ctx& ctx) {
  bool unread_only = false;
  if (auto err = QueryFlag(ctx, "unread", &unread_only)) return *err;
  std::optional<int64_t> limit;
  if (auto err = QueryInt(ctx, "limit", 1, 500, &limit)) return *err;
  auto msgs = app::monitoring::Inbox(ctx.svc.store, ctx.caller(), unread_only,
                                     static_cast<int>(limit.value_or(50)));
  if (!msgs.ok()) return Fail(ctx, msgs.status());
  auto unread = app::monitoring::Unread(ctx.svc.store, ctx.caller());
  if (!unread.ok()) return Fail(ctx, unread.status());
  Json rows = Json::array();
  for (const auto& m : *msgs) rows.push_back(dto::InboxMessageJson(m));
  return JsonResponse({{"unread", *unread}, {"messages", std::move(rows)}});
}

Response MarkInboxRead(Ctx& ctx) {
  Json body = Json::parse(ctx.request.body, nullptr, false);
  if (!body.is_object() || !body.contains("id") || !body["id"].is_number_integer()) {
    return BadField("id", ctx.T("id: a message id, or 0 for all", "id：消息编号，0 表示全部"));
  }
  Status st = app::monitoring::MarkRead(ctx.svc.store, ctx.caller(), body["id"].get<int64_t>());
  if (!st.ok()) return Fail(ctx, st);
  auto unread = app::monitoring::Unread(ctx.svc.store, ctx.caller());
  if (!unread.ok()) return Fail(ctx, unread.status());
  return JsonResponse({{"unread", *unread}});
}

}  // namespace govperf::server::handlers
