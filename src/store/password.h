// Password hashing with argon2id (libsodium crypto_pwhash_str) and session
// token generation. No home-made crypto.
#pragma once

#include <string>

#include "core/status.h"

namespace govperf::store {

// argon2id, libsodium's interactive limits. Returns the encoded hash string.
Result<std::string> HashPassword(const std::string& password);
// Constant-time verification against an encoded hash.
bool VerifyPassword(const std::string& password, const std::string& encoded_hash);
// 32 random bytes, hex-encoded: a bearer token handed to the client.
std::string NewToken();
// SHA-256 hex of a string (tokens are stored hashed; audit chain hashes).
std::string Sha256Hex(const std::string& data);

}  // namespace govperf::store
