// Starting an installation from nothing (`govperf init`).
#pragma once

#include <string>

#include "store/store.h"

namespace govperf::app {

// Creates the first admin of an empty installation. Refused (kAlreadyExists)
// when the database already has users; the password must pass the policy.
Status InitInstallation(store::Store& store, const std::string& admin_username,
                        const std::string& password, const std::string& display_name);

}  // namespace govperf::app
