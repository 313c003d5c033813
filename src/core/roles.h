// Who acts: the roles of govperf's users, as an enum (never a free string
// inside the program; strings only at the edges: store rows, JSON, CLI).
#pragma once

#include <optional>
#include <string_view>

namespace govperf::core {

enum class Role {
  kAdmin,   // 绩效办 performance office: runs the year
  kLeader,  // 领导 city leader: reads everything, rates units
  kLead,  // 牵头考核单位 lead assessing department: reports and verifies indicators it leads
  kUnit,  // 评估对象 assessed unit: sees its own scorecard
  kExpert,     // 专家 expert reviewer / judge (indicator review, innovation claims)
  kAnonymous,  // a citizen without a session: published results only
  kSystem,     // the program itself: generators, migrations, `govperf init`, CLI imports
};

// "admin", "leader", "lead", "unit", "expert", "anonymous", "system".
const char* RoleName(Role r);
std::optional<Role> ParseRole(std::string_view s);
// A role a user account may hold (not anonymous, not system).
bool IsUserRole(Role r);
// Roles whose users belong to a unit (lead departments and assessed units).
inline bool RoleNeedsUnit(Role r) { return r == Role::kLead || r == Role::kUnit; }

}  // namespace govperf::core
