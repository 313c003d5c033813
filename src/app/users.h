// User administration (用户管理): create, edit, disable, reset password,
// unlock. The route table decides who may call these (users.write); the
// checks here are about the data.
#pragma once

#include <optional>
#include <string>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;  // "admin" | "leader" | "lead" | "unit" | "expert"
  std::string unit_id;
  std::string password;
};

struct UserEdit {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> unit_id;
  std::optional<bool> active;
};

// 3–32 of [a-z0-9_.-], starting with a letter or digit.
Status CheckUsername(const std::string& username);

Result<store::User> CreateUser(store::Store& store, const Caller& caller, const NewUser& in);
Result<store::User> UpdateUser(store::Store& store, const Caller& caller,
                               const std::string& username, const UserEdit& edit);
// Sets a new password and ends the user's sessions, in one transaction.
Status ResetPassword(store::Store& store, const Caller& caller, const std::string& username,
                     const std::string& password);
Status UnlockUser(store::Store& store, const Caller& caller, const std::string& username);

}  // namespace govperf::app
