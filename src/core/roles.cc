#include "core/roles.h"

#include <array>
#include <utility>

namespace govperf::core {
namespace {

constexpr std::array<std::pair<Role, const char*>, 7> kNames = {{
    {Role::kAdmin, "admin"},
    {Role::kLeader, "leader"},
    {Role::kLead, "lead"},
    {Role::kUnit, "unit"},
    {Role::kExpert, "expert"},
    {Role::kAnonymous, "anonymous"},
    {Role::kSystem, "system"},
}};

}  // namespace

const char* RoleName(Role r) {
  for (const auto& [role, name] : kNames) {
    if (role == r) return name;
  }
  return "?";
}

std::optional<Role> ParseRole(std::string_view s) {
  for (const auto& [role, name] : kNames) {
    if (s == name) return role;
  }
  return std::nullopt;
}

bool IsUserRole(Role r) { return r != Role::kAnonymous && r != Role::kSystem; }

}  // namespace govperf::core
