// 设备令牌 device tokens for the public link (扫码/链接). The questionnaire
// page asks for one, keeps it on the device and sends it instead of an
// invitation code; one response per token (the journal enforces it).
//
// A token is stateless: "<expires_at>.<nonce>.<mac>" where mac = hex
// HMAC-SHA256(secret, "govperf-survey-token-v1\n" ‖ survey id ‖ "\n" ‖
// expires_at ‖ "\n" ‖ nonce). Nothing is stored until a response uses it, so
// minting costs no write and a flood of token requests fills no table. The
// survey id is inside the MAC: a token of one survey is forged for another.
//
// The secret lives in a file next to the database ("<db>.survey-key", mode
// 0600), like the audit key and for the same reason: whoever can read a copy
// of the database (a backup, an export) must not be able to mint tokens.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace govperf::app::survey {

inline constexpr int64_t kDefaultTokenTtlSeconds = 7 * 24 * 3600;

struct DeviceToken {
  std::string token;
  int64_t expires_at = 0;  // unix seconds
};

class DeviceTokens {
 public:
  // `secret`: at least 16 bytes (the key file holds 32 random bytes).
  explicit DeviceTokens(std::string secret, int64_t ttl_seconds = kDefaultTokenTtlSeconds)
      : secret_(std::move(secret)), ttl_(ttl_seconds) {}

  DeviceToken Mint(const std::string& survey_id, int64_t now) const;
  // OK, or InvalidArgument naming `token` (malformed, forged, another
  // survey's) / FailedPrecondition naming `token` (expired).
  Status Verify(const std::string& token, const std::string& survey_id, int64_t now) const;
  // hex HMAC-SHA256 of `data` under the secret (also the client address
  // hash: a plain SHA-256 of an IPv4 address is reversed by trying all 2^32).
  std::string Mac(const std::string& data) const;

 private:
  std::string secret_;
  int64_t ttl_;
};

// "<db_path>.survey-key".
std::string TokenKeyPath(const std::string& db_path);
// Reads the 32-byte secret from `path`, creating the file (0600) with a new
// random secret when it does not exist.
Result<std::string> LoadOrCreateTokenSecret(const std::string& path);
// 32 random bytes (tests, and an in-memory server without a key file).
std::string RandomTokenSecret();

}  // namespace govperf::app::survey
