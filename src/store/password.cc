// argon2id and SHA-256 via libsodium. sodium_init() is called before every
// use: it is thread-safe and idempotent, so no global initialisation order is
// needed.
#include "store/password.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

namespace govperf::store {
namespace {

void EnsureSodium() {
  // Returns 0 on first success, 1 when already initialised, -1 on failure; a
  // failure means no usable randomness, after which nothing here is safe.
  static const int kInit = sodium_init();
  if (kInit < 0) std::abort();
}

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();  // the terminating NUL written by sodium_bin2hex
  return out;
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("password hashing failed (out of memory)");
  }
  return std::string(out.data());
}

bool VerifyPassword(const std::string& password, const std::string& encoded_hash) {
  EnsureSodium();
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  // crypto_pwhash_str_verify needs a NUL-terminated buffer of the encoded hash.
  std::array<char, crypto_pwhash_STRBYTES> buf{};
  encoded_hash.copy(buf.data(), encoded_hash.size());
  return crypto_pwhash_str_verify(buf.data(), password.data(), password.size()) == 0;
}

std::string NewToken() {
  EnsureSodium();
  constexpr size_t kTokenBytes = 32;
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string Sha256Hex(const std::string& data) {
  EnsureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  return Hex(digest.data(), digest.size());
}

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::state_ is too small");

Sha256::Sha256() {
  EnsureSodium();
  crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(state_.data()));
}

void Sha256::Update(std::string_view bytes) {
  crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(state_.data()),
                            reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Sha256::HexDigest() {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(state_.data()),
                           digest.data());
  return Hex(digest.data(), digest.size());
}

}  // namespace govperf::store
