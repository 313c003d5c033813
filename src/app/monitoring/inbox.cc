#include "app/monitoring/inbox.h"

namespace govperf::app::monitoring {

Result<std::vector<store::InboxMessage>> Inbox(store::Store& store, const Caller& caller,
                                               bool unread_only, int limit) {
  return store.ListInbox(caller.username, unread_only, limit);
}

Result<int64_t> Unread(store::Store& store, const Caller& caller) {
  return store.UnreadCount(caller.username);
}

Status MarkRead(store::Store& store, const Caller& caller, int64_t id) {
  if (id < 0) return Status::Invalid("id: must be a message id or 0 for all").Field("id");
  return store.Write(caller.actor(),
                     [&](store::WriteTx& tx) { return tx.MarkInboxRead(caller.username, id); });
}

std::vector<std::string> UsersOfUnit(const std::vector<store::User>& users,
                                     const std::string& unit_id) {
  std::vector<std::string> out;
  for (const store::User& u : users) {
    if (u.active && !unit_id.empty() && u.unit_id == unit_id &&
        (u.role == core::Role::kUnit || u.role == core::Role::kLead)) {
      out.push_back(u.username);
    }
  }
  return out;
}

std::vector<std::string> UsersOfRole(const std::vector<store::User>& users, core::Role role) {
  std::vector<std::string> out;
  for (const store::User& u : users) {
    if (u.active && u.role == role) out.push_back(u.username);
  }
  return out;
}

Result<int> Notify(store::WriteTx& tx, const std::vector<std::string>& usernames,
                   store::InboxMessage m) {
  int added = 0;
  for (const std::string& u : usernames) {
    m.username = u;
    auto r = tx.AddInboxMessage(m);
    if (!r.ok()) return r.status();
    if (*r) ++added;
  }
  return added;
}

}  // namespace govperf::app::monitoring
