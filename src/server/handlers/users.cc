// Users (用户管理): parse → app/users → DTO. Password hashes never leave the
// store layer: UserListItemJson has no field for them.
#include "app/users.h"

#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response ListUsers(Ctx& ctx) {
  auto users = ctx.svc.store.ListUsers();
  if (!users.ok()) return Fail(ctx, users.status());
  Json list = Json::array();
  for (const auto& u : *users) list.push_back(dto::UserListItemJson(u));
  return JsonResponse({{"users", std::move(list)}});
}

Response CreateUser(Ctx& ctx) {
  BodyReader body(ctx);
  app::NewUser in;
  in.username = body.String("username");
  in.display_name = body.String("display_name");
  in.role = body.String("role");
  in.unit_id = body.String("unit_id", false);
  in.password = body.String("password");
  if (!body.ok()) return body.error();
  auto user = app::CreateUser(ctx.svc.store, ctx.caller(), in);
  if (!user.ok()) return Fail(ctx, user.status());
  return JsonResponse(dto::UserListItemJson(*user), 201);
}

Response UpdateUser(Ctx& ctx) {
  BodyReader body(ctx);
  app::UserEdit edit;
  edit.display_name = body.OptString("display_name");
  edit.role = body.OptString("role");
  edit.unit_id = body.OptString("unit_id");
  edit.active = body.OptBool("active");
  if (!body.ok()) return body.error();
  auto user = app::UpdateUser(ctx.svc.store, ctx.caller(), ctx.params.at("username"), edit);
  if (!user.ok()) return Fail(ctx, user.status());
  return JsonResponse(dto::UserListItemJson(*user));
}

Response ResetPassword(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string password = body.String("password");
  if (!body.ok()) return body.error();
  Status st = app::ResetPassword(ctx.svc.store, ctx.caller(), ctx.params.at("username"), password);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

Response UnlockUser(Ctx& ctx) {
  Status st = app::UnlockUser(ctx.svc.store, ctx.caller(), ctx.params.at("username"));
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

}  // namespace govperf::server::handlers
