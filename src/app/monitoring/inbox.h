// 站内消息 the per-user inbox: what is due, returned, decided, escalated.
// Messages are written by the use cases (reports returned, verified,
// submitted) and the escalation run, never by users.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::monitoring {

Result<std::vector<store::InboxMessage>> Inbox(store::Store& store, const Caller& caller,
                                               bool unread_only, int limit);
Result<int64_t> Unread(store::Store& store, const Caller& caller);
// id 0: every message of the caller.
Status MarkRead(store::Store& store, const Caller& caller, int64_t id);

// The users a message about `unit_id` goes to: active unit and lead users of
// that unit.
std::vector<std::string> UsersOfUnit(const std::vector<store::User>& users,
                                     const std::string& unit_id);
// Active users of a role.
std::vector<std::string> UsersOfRole(const std::vector<store::User>& users, core::Role role);
// Adds one message per user inside `tx`; counts those newly added.
Result<int> Notify(store::WriteTx& tx, const std::vector<std::string>& usernames,
                   store::InboxMessage m);

}  // namespace govperf::app::monitoring
