// Login/logout/me. Tokens are random (store::NewToken), handed to the client
// once and stored only as SHA-256 (a leaked database does not leak sessions).
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"
#include "store/password.h"

namespace govperf::server::handlers {
namespace {
constexpr int64_t kSecondsPerHour = 3600;
}  // namespace

Response Login(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string username = body.String("username");
  const std::string password = body.String("password");
  if (!body.ok()) return body.error();

  auto user = ctx.svc.store.FindUser(username);
  if (!user.ok()) return Fail(user.status());
  // Unknown user and wrong password get the same message and (by verifying
  // against a dummy hash) about the same time: no username probing.
  const bool known = user->has_value() && (*user)->active;
  const bool verified =
      store::VerifyPassword(password, known ? (*user)->password_hash : ctx.svc.dummy_hash);
  if (!known || !verified) {
    return ErrorResponse(Code::kUnauthenticated,
                         ctx.T("wrong username or password", "用户名或密码错误"));
  }
  const store::User& u = **user;
  const std::string token = store::NewToken();
  store::Session session;
  session.token_hash = store::Sha256Hex(token);
  session.username = u.username;
  session.created_at = ctx.svc.clock.NowUnix();
  session.expires_at = session.created_at + ctx.svc.options.session_hours * kSecondsPerHour;
  if (Status st = ctx.svc.store.CreateSession({u.username}, session); !st.ok()) return Fail(st);
  auto unit = FindUnitAnyYear(ctx, u.unit_id);
  return JsonResponse({{"token", token},
                       {"expires_at", session.expires_at},
                       {"user", dto::UserJson(u, unit ? &*unit : nullptr)}});
}

Response Logout(Ctx& ctx) {
  if (Status st = ctx.svc.store.DeleteSession({ctx.user->username}, ctx.token_hash); !st.ok()) {
    return Fail(st);
  }
  return JsonResponse({{"ok", true}});
}

Response Me(Ctx& ctx) {
  auto unit = FindUnitAnyYear(ctx, ctx.user->unit_id);
  return JsonResponse(dto::UserJson(*ctx.user, unit ? &*unit : nullptr));
}

}  // namespace govperf::server::handlers
