#include "app/auth.h"

#include <algorithm>
#include <cctype>

#include "app/limits.h"
#include "store/password.h"

namespace govperf::app {
namespace {

constexpr int64_t kSecondsPerHour = 3600;
constexpr size_t kMinPasswordChars = 10;
constexpr size_t kMaxPasswordChars = 128;
constexpr size_t kMaxUsernameChars = 64;  // what a login form may send; users are ≤ 32

Status WrongCredentials() {
  return Status(Code::kUnauthenticated, "wrong username or password").Zh("用户名或密码错误");
}

Status Locked(int64_t seconds, bool account) {
  const std::string s = std::to_string(seconds);
  return Status(Code::kResourceExhausted,
                std::string(account ? "this account" : "this address") +
                    " is locked after repeated failed logins: try again in " + s + " s")
      .Zh(std::string(account ? "该账号" : "该地址") + "多次登录失败已被暂时锁定，请 " + s +
          " 秒后再试")
      .RetryAfter(static_cast<int>(seconds));
}

}  // namespace

int64_t LockSeconds(const LoginPolicy& p, int level) {
  int64_t s = p.base_lock;
  for (int i = 1; i < level && s < p.max_lock; ++i) s *= 2;
  return std::min(s, p.max_lock);
}

int64_t AddressThrottle::RetryAfter(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(address);
  if (it == entries_.end()) return 0;
  const int64_t now = clock_.NowUnix();
  return it->second.locked_until > now ? it->second.locked_until - now : 0;
}

int64_t AddressThrottle::Failure(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = clock_.NowUnix();
  auto it = entries_.find(address);
  if (it == entries_.end()) {
    // Bounded memory: forget the least recently seen address first.
    if (entries_.size() >= policy_.max_addresses && !lru_.empty()) {
      entries_.erase(lru_.back());
      lru_.pop_back();
    }
    lru_.push_front(address);
    it = entries_.emplace(address, Entry{}).first;
    it->second.age = lru_.begin();
    it->second.window_start = now;
  } else {
    lru_.splice(lru_.begin(), lru_, it->second.age);
  }
  Entry& e = it->second;
  if (now - e.window_start > policy_.window) {
    e.failures = 0;
    e.window_start = now;
  }
  if (++e.failures < policy_.address_failures) return 0;
  e.failures = 0;
  e.window_start = now;
  ++e.level;
  const int64_t seconds = LockSeconds(policy_, e.level);
  e.locked_until = now + seconds;
  return seconds;
}

Auth::Auth(store::Store& store, const store::Clock& clock, int session_hours, LoginPolicy policy)
    : store_(store),
      clock_(clock),
      session_hours_(session_hours),
      policy_(policy),
      addresses_(clock, policy) {
  // A hash of a random secret nobody knows, to spend the same time on an
  // unknown user as on a wrong password.
  auto dummy = store::HashPassword(store::NewToken());
  if (dummy.ok()) dummy_hash_ = *dummy;
}

Result<Auth::LoginResult> Auth::Login(const std::string& username, const std::string& password,
                                      const std::string& address) {
  GOVPERF_RETURN_IF_ERROR(CheckText("username", username, kMaxUsernameChars, true));
  if (password.empty()) return Status::Invalid("password: required").Field("password");
  if (password.size() > kMaxPasswordChars * 4) {
    return Status::Invalid("password: too long").Field("password");
  }
  if (!address.empty()) {
    if (int64_t wait = addresses_.RetryAfter(address); wait > 0) return Locked(wait, false);
  }
  auto found = store_.FindUser(username);
  if (!found.ok()) return found.status();
  const int64_t now = clock_.NowUnix();
  if (found->has_value() && (*found)->locked_until > now) {
    return Locked((*found)->locked_until - now, true);
  }
  const bool known = found->has_value() && (*found)->active;
  const bool verified =
      store::VerifyPassword(password, known ? (*found)->password_hash : dummy_hash_);
  const store::Actor actor{username, core::Role::kSystem};
  if (!known || !verified) {
    int64_t address_lock = address.empty() ? 0 : addresses_.Failure(address);
    if (found->has_value()) {
      // Count the failure on the account; lock it at the threshold.
      const store::User& u = **found;
      // The count survives a lock: after it ends, one more failure locks
      // again, twice as long (the count restarts only on success or unlock).
      const int failed = u.failed_logins + 1;
      int level = u.lock_level;
      int64_t until = 0;
      std::string action = "login.failed";
      if (failed >= policy_.account_failures) {
        ++level;
        until = now + LockSeconds(policy_, level);
        action = "login.locked";
      }
      Status st = store_.Write(actor, [&](store::WriteTx& tx) {
        return tx.SetLoginState(u.username, failed, until, level, action);
      });
      if (!st.ok()) return st;
    }
    // This attempt was checked: it is answered as wrong even when it started
    // a lock; the next attempt is refused without a check.
    (void)address_lock;
    return WrongCredentials();
  }
  const store::User& u = **found;
  LoginResult out;
  out.token = store::NewToken();
  out.session.token_hash = store::Sha256Hex(out.token);
  out.session.username = u.username;
  out.session.created_at = now;
  out.session.expires_at = now + session_hours_ * kSecondsPerHour;
  Status st = store_.Write(actor, [&](store::WriteTx& tx) {
    if (u.failed_logins != 0 || u.lock_level != 0 || u.locked_until != 0) {
      GOVPERF_RETURN_IF_ERROR(tx.SetLoginState(u.username, 0, 0, 0, "login.reset"));
    }
    return tx.CreateSession(out.session);
  });
  if (!st.ok()) return st;
  out.user = u;
  out.user.failed_logins = 0;
  out.user.lock_level = 0;
  out.user.locked_until = 0;
  return out;
}

Result<store::User> Auth::Authenticate(const std::string& bearer_token, std::string* token_hash) {
  const Status unauthenticated =
      Status(Code::kUnauthenticated, "not logged in, or the session has expired: log in again")
          .Zh("未登录或登录已过期，请重新登录");
  if (bearer_token.empty()) return unauthenticated;
  const std::string hash = store::Sha256Hex(bearer_token);
  auto session = store_.FindSession(hash);
  if (!session.ok()) return session.status();
  if (!session->has_value()) return unauthenticated;
  if (clock_.NowUnix() >= (*session)->expires_at) return unauthenticated;
  auto user = store_.FindUser((*session)->username);
  if (!user.ok()) return user.status();
  if (!user->has_value() || !(*user)->active) return unauthenticated;
  if (token_hash) *token_hash = hash;
  return **user;
}

Status Auth::Logout(const Caller& caller, const std::string& token_hash) {
  return store_.DeleteSession(caller.actor(), token_hash);
}

Status Auth::ChangeOwnPassword(const Caller& caller, const std::string& old_password,
                               const std::string& new_password) {
  auto user = store_.FindUser(caller.username);
  if (!user.ok()) return user.status();
  if (!user->has_value()) return Status::NotFound("user: unknown user").Field("username");
  if (!store::VerifyPassword(old_password, (*user)->password_hash)) {
    return Status::Invalid("old_password: does not match")
        .Field("old_password")
        .Zh("old_password：原密码不正确");
  }
  GOVPERF_RETURN_IF_ERROR(CheckPasswordPolicy(caller.username, new_password, "new_password"));
  if (new_password == old_password) {
    // A "change" that keeps the password defeats a forced change after a reset.
    return Status::Invalid("new_password: must differ from the old password")
        .Field("new_password")
        .Zh("new_password：新密码不能与原密码相同");
  }
  auto hash = store::HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  store::User u = **user;
  u.password_hash = *hash;
  return store_.PutUser(caller.actor(), u);
}

Status CheckPasswordPolicy(const std::string& username, const std::string& password,
                           const std::string& field) {
  const size_t chars = Utf8Chars(password);
  if (chars < kMinPasswordChars || chars > kMaxPasswordChars) {
    return Status::Invalid(field + ": 10 to 128 characters")
        .Field(field)
        .Zh(field + "：密码长度应为 10–128 个字符");
  }
  bool letter = false, digit = false, other = false;
  for (char ch : password) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      letter = true;
    } else if (std::isdigit(c)) {
      digit = true;
    } else {
      other = true;
    }
  }
  if (static_cast<int>(letter) + static_cast<int>(digit) + static_cast<int>(other) < 2) {
    return Status::Invalid(field + ": use at least two of letters, digits and other characters")
        .Field(field)
        .Zh(field + "：至少包含字母、数字、其他字符中的两类");
  }
  std::string lower_pw = password, lower_user = username;
  std::transform(lower_pw.begin(), lower_pw.end(), lower_pw.begin(), ::tolower);
  std::transform(lower_user.begin(), lower_user.end(), lower_user.begin(), ::tolower);
  if (lower_pw == lower_user) {
    return Status::Invalid(field + ": must not be the username")
        .Field(field)
        .Zh(field + "：不能与用户名相同");
  }
  return Status::Ok();
}

}  // namespace govperf::app
