// Password hashing with argon2id (libsodium crypto_pwhash_str) and session
// token generation. No home-made crypto.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

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

// SHA-256 over a byte stream fed in pieces: Sha256Hex(a + b) equals
// Sha256 s; s.Update(a); s.Update(b); s.HexDigest(). Lets a content hash
// cover gigabytes of canonical text without holding it (store/codec.h).
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Ends the stream; the object must not be updated afterwards.
  std::string HexDigest();

 private:
  // libsodium's crypto_hash_sha256_state (104 bytes), kept opaque here.
  alignas(8) std::array<unsigned char, 128> state_{};
};

}  // namespace govperf::store
