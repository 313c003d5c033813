#include "app/users.h"

#include "app/auth.h"
#include "app/limits.h"
#include "store/password.h"

namespace govperf::app {
namespace {

constexpr size_t kMinUsername = 3;
constexpr size_t kMaxUsername = 32;

Result<core::Role> RoleOf(const std::string& text) {
  auto role = core::ParseRole(text);
  if (!role || !core::IsUserRole(*role)) {
    return Status::Invalid("role: must be admin, leader, lead, unit or expert, not '" + text + "'")
        .Field("role")
        .Zh("role：角色应为 admin、leader、lead、unit 或 expert");
  }
  return *role;
}

// lead and unit users belong to an active registry unit; others to none.
Status CheckUnitFor(store::Store& store, core::Role role, const std::string& unit_id) {
  if (!core::RoleNeedsUnit(role)) {
    if (!unit_id.empty()) {
      return Status::Invalid(std::string("unit_id: must be empty for role ") + core::RoleName(role))
          .Field("unit_id")
          .Zh("unit_id：该角色不属于任何单位");
    }
    return Status::Ok();
  }
  if (unit_id.empty()) {
    return Status::Invalid(std::string("unit_id: required for role ") + core::RoleName(role))
        .Field("unit_id")
        .Zh("unit_id：该角色必须选择所属单位");
  }
  auto org = store.LoadOrg();
  if (!org.ok()) return org.status();
  for (const auto& u : org->units) {
    if (u.id == unit_id) {
      if (u.retired) {
        return Status::Invalid("unit_id: unit '" + unit_id + "' is retired")
            .Field("unit_id")
            .Zh("unit_id：单位 '" + unit_id + "' 已撤销");
      }
      return Status::Ok();
    }
  }
  return Status::Invalid("unit_id: unknown unit '" + unit_id + "'")
      .Field("unit_id")
      .Zh("unit_id：没有单位 '" + unit_id + "'");
}

Result<store::User> Existing(store::Store& store, const std::string& username) {
  auto u = store.FindUser(username);
  if (!u.ok()) return u.status();
  if (!u->has_value()) {
    return Status::NotFound("username: unknown user '" + username + "'")
        .Field("username")
        .Zh("username：没有用户 '" + username + "'");
  }
  return **u;
}

}  // namespace

Status CheckUsername(const std::string& username) {
  bool ok = username.size() >= kMinUsername && username.size() <= kMaxUsername;
  for (size_t i = 0; ok && i < username.size(); ++i) {
    const char c = username[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    ok = alnum || (i > 0 && (c == '_' || c == '-' || c == '.'));
  }
  if (!ok) {
    return Status::Invalid(
               "username: 3 to 32 of a-z, 0-9, '_', '-', '.', starting with a letter "
               "or digit")
        .Field("username")
        .Zh("username：用户名应为 3–32 个小写字母、数字或 _ - .，以字母或数字开头");
  }
  return Status::Ok();
}

Result<store::User> CreateUser(store::Store& store, const Caller& caller, const NewUser& in) {
  GOVPERF_RETURN_IF_ERROR(CheckUsername(in.username));
  GOVPERF_RETURN_IF_ERROR(CheckText("display_name", in.display_name, kMaxNameChars, true));
  auto role = RoleOf(in.role);
  if (!role.ok()) return role.status();
  GOVPERF_RETURN_IF_ERROR(CheckUnitFor(store, *role, in.unit_id));
  GOVPERF_RETURN_IF_ERROR(CheckPasswordPolicy(in.username, in.password));
  auto existing = store.FindUser(in.username);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    return Status(Code::kAlreadyExists, "username: '" + in.username + "' already exists")
        .Field("username")
        .Zh("username：用户 '" + in.username + "' 已存在");
  }
  auto hash = store::HashPassword(in.password);
  if (!hash.ok()) return hash.status();
  store::User u;
  u.username = in.username;
  u.display_name = in.display_name;
  u.role = *role;
  u.unit_id = in.unit_id;
  u.password_hash = *hash;
  GOVPERF_RETURN_IF_ERROR(store.PutUser(caller.actor(), u));
  return u;
}

Result<store::User> UpdateUser(store::Store& store, const Caller& caller,
                               const std::string& username, const UserEdit& edit) {
  auto found = Existing(store, username);
  if (!found.ok()) return found.status();
  store::User u = *found;
  if (edit.display_name) {
    GOVPERF_RETURN_IF_ERROR(CheckText("display_name", *edit.display_name, kMaxNameChars, true));
    u.display_name = *edit.display_name;
  }
  if (edit.role) {
    auto role = RoleOf(*edit.role);
    if (!role.ok()) return role.status();
    u.role = *role;
  }
  if (edit.unit_id) u.unit_id = *edit.unit_id;
  if (!core::RoleNeedsUnit(u.role) && edit.role && !edit.unit_id) u.unit_id.clear();
  GOVPERF_RETURN_IF_ERROR(CheckUnitFor(store, u.role, u.unit_id));
  if (edit.active) u.active = *edit.active;
  // The office must not lock itself out by accident.
  if (username == caller.username && (!u.active || u.role != core::Role::kAdmin) &&
      caller.role == core::Role::kAdmin) {
    return Status(Code::kFailedPrecondition, "an admin cannot disable or demote themself")
        .Field(u.active ? "role" : "active")
        .Zh("管理员不能停用自己或取消自己的管理员角色");
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutUser(u));
    // A disabled user's sessions end at once.
    if (!u.active) GOVPERF_RETURN_IF_ERROR(tx.DeleteSessionsOf(u.username));
    return Status::Ok();
  }));
  return u;
}

Status ResetPassword(store::Store& store, const Caller& caller, const std::string& username,
                     const std::string& password) {
  auto found = Existing(store, username);
  if (!found.ok()) return found.status();
  GOVPERF_RETURN_IF_ERROR(CheckPasswordPolicy(username, password));
  auto hash = store::HashPassword(password);
  if (!hash.ok()) return hash.status();
  store::User u = *found;
  u.password_hash = *hash;
  return store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutUser(u));
    return tx.DeleteSessionsOf(username);
  });
}

Status UnlockUser(store::Store& store, const Caller& caller, const std::string& username) {
  auto found = Existing(store, username);
  if (!found.ok()) return found.status();
  return store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.SetLoginState(username, 0, 0, 0, "user.unlock");
  });
}

}  // namespace govperf::app
