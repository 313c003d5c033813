// Logging in and out, sessions, passwords — with throttling.
//
// Throttling (login attempts cost an argon2 hash, ~70 ms of CPU, and guess
// passwords): per account, `account_failures` failed logins in a row lock the
// account; per client address, `address_failures` failures within `window`
// seconds lock the address. A lock refuses further attempts without checking
// the password (kResourceExhausted with retry_after) and lasts base_lock,
// then twice as long each time it recurs (up to max_lock). Account state is
// stored (the admin sees and lifts it); address state is in memory
// (bounded), since an address has no row to live in and a restart forgetting
// it costs an attacker one more round at most.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app {

struct LoginPolicy {
  int account_failures = 5;
  int address_failures = 20;
  int64_t window = 15 * 60;  // seconds
  int64_t base_lock = 30;    // seconds
  int64_t max_lock = 3600;   // seconds
  size_t max_addresses = 10000;
};

// The lock length after `level` locks in a row (level ≥ 1).
int64_t LockSeconds(const LoginPolicy& p, int level);

// Per-address failure counts, in memory. Thread-safe.
class AddressThrottle {
 public:
  AddressThrottle(const store::Clock& clock, LoginPolicy policy) : clock_(clock), policy_(policy) {}
  // Seconds until `address` may try again; 0 when it may now.
  int64_t RetryAfter(const std::string& address);
  // Records a failure; returns the seconds of the lock it started (0 if none).
  int64_t Failure(const std::string& address);

 private:
  struct Entry {
    int failures = 0;
    int64_t window_start = 0;
    int64_t locked_until = 0;
    int level = 0;
    std::list<std::string>::iterator age;  // position in lru_
  };
  const store::Clock& clock_;
  LoginPolicy policy_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recently touched first; bounded by max_addresses
};

// Long-lived state of authentication: shared by all requests.
class Auth {
 public:
  Auth(store::Store& store, const store::Clock& clock, int session_hours, LoginPolicy policy = {});

  struct LoginResult {
    std::string token;  // handed to the client once; stored only as SHA-256
    store::Session session;
    store::User user;
  };
  // Unknown user and wrong password give the same error and take the same
  // time (a dummy hash is verified), so usernames cannot be probed.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& address);
  // The active user of an unexpired session; kUnauthenticated otherwise.
  Result<store::User> Authenticate(const std::string& bearer_token, std::string* token_hash);
  Status Logout(const Caller& caller, const std::string& token_hash);
  Status ChangeOwnPassword(const Caller& caller, const std::string& old_password,
                           const std::string& new_password);

  const LoginPolicy& policy() const { return policy_; }

 private:
  store::Store& store_;
  const store::Clock& clock_;
  int session_hours_;
  LoginPolicy policy_;
  AddressThrottle addresses_;
  std::string dummy_hash_;
};

// 10–128 characters, at least two of: letters, digits, other characters; not
// the username. The message says which rule failed (field "password").
Status CheckPasswordPolicy(const std::string& username, const std::string& password,
                           const std::string& field = "password");

}  // namespace govperf::app
