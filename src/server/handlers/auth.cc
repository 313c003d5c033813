// Login/logout/me/password: parse → app::Auth → DTO. Tokens are random,
// handed to the client once and stored only as SHA-256.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

Response Login(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string username = body.String("username");
  const std::string password = body.String("password");
  if (!body.ok()) return body.error();
  auto login = ctx.svc.auth.Login(username, password, ctx.request.remote_address);
  if (!login.ok()) return Fail(ctx, login.status());
  auto unit = FindUnitAnyYear(ctx, login->user.unit_id);
  return JsonResponse({{"token", login->token},
                       {"expires_at", login->session.expires_at},
                       {"user", dto::UserJson(login->user, unit ? &*unit : nullptr)}});
}

Response Logout(Ctx& ctx) {
  if (Status st = ctx.svc.auth.Logout(ctx.caller(), ctx.token_hash); !st.ok()) {
    return Fail(ctx, st);
  }
  return JsonResponse({{"ok", true}});
}

Response Me(Ctx& ctx) {
  auto unit = FindUnitAnyYear(ctx, ctx.user->unit_id);
  return JsonResponse(dto::UserJson(*ctx.user, unit ? &*unit : nullptr));
}

Response ChangeOwnPassword(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string old_password = body.String("old_password");
  const std::string new_password = body.String("new_password");
  if (!body.ok()) return body.error();
  Status st = ctx.svc.auth.ChangeOwnPassword(ctx.caller(), old_password, new_password);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

}  // namespace govperf::server::handlers
