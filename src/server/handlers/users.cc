#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {

// Password hashes never leave the store layer: UserListItemJson has no field for them.
Response ListUsers(Ctx& ctx) {
  auto users = ctx.svc.store.ListUsers();
  if (!users.ok()) return Fail(users.status());
  Json list = Json::array();
  for (const auto& u : *users) list.push_back(dto::UserListItemJson(u));
  return JsonResponse({{"users", std::move(list)}});
}

}  // namespace govperf::server::handlers
