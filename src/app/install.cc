#include "app/install.h"

#include "app/auth.h"
#include "app/caller.h"
#include "app/users.h"
#include "store/password.h"

namespace govperf::app {

Status InitInstallation(store::Store& store, const std::string& admin_username,
                        const std::string& password, const std::string& display_name) {
  GOVPERF_RETURN_IF_ERROR(CheckUsername(admin_username));
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  if (!users->empty()) {
    return Status(Code::kAlreadyExists, "the database already has " +
                                            std::to_string(users->size()) +
                                            " users: it is initialised")
        .Zh("数据库已有用户，已经初始化过");
  }
  NewUser admin;
  admin.username = admin_username;
  admin.display_name = display_name;
  admin.role = "admin";
  admin.password = password;
  return CreateUser(store, Caller::System(), admin).status();
}

}  // namespace govperf::app
