// Who asks a use case to act: the signed-in user (or the program itself), and
// the role the stage table and data-dependent checks are applied to.
#pragma once

#include <string>

#include "core/roles.h"
#include "store/store.h"

namespace govperf::app {

struct Caller {
  std::string username;  // "system" for the program itself
  core::Role role = core::Role::kSystem;
  std::string unit_id;  // a lead department's or assessed unit's own unit
  std::string address;  // client address (login throttling), empty when not from the network

  store::Actor actor() const { return store::Actor{username, role}; }
  static Caller System() { return Caller{"system", core::Role::kSystem, "", ""}; }
  static Caller Of(const store::User& u, std::string address = "") {
    return Caller{u.username, u.role, u.unit_id, std::move(address)};
  }
};

}  // namespace govperf::app
