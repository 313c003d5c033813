#include "store/audit_chain.h"

#include <sodium.h>

#include <array>
#include <ctime>

#include "store/password.h"

namespace govperf::store {
namespace {

void AppendField(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\n';
}

std::string Canonical(const AuditRecord& r, const char* version) {
  std::string out = version;
  for (const std::string* f :
       {&r.prev_hash, &r.at, &r.actor, &r.action, &r.entity, &r.before, &r.after}) {
    AppendField(out, *f);
  }
  return out;
}

}  // namespace

std::string AuditCanonical(const AuditRecord& r) { return Canonical(r, "govperf-audit-v1\n"); }

std::string AuditHash(const AuditRecord& r) { return Sha256Hex(AuditCanonical(r)); }

std::string AuditHash(const AuditRecord& r, const AuditKey& key) {
  if (!key.Covers(r.id)) return AuditHash(r);
  const std::string text = Canonical(r, "govperf-audit-v2\n");
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.secret.data()),
                              key.secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  crypto_auth_hmacsha256_final(&st, mac.data());
  std::array<char, 2 * crypto_auth_hmacsha256_BYTES + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return hex.data();
}

std::string FormatIsoUtc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace govperf::store
