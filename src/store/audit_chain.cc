#include "store/audit_chain.h"

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

}  // namespace

std::string AuditCanonical(const AuditRecord& r) {
  std::string out = "govperf-audit-v1\n";
  for (const std::string* f :
       {&r.prev_hash, &r.at, &r.actor, &r.action, &r.entity, &r.before, &r.after}) {
    AppendField(out, *f);
  }
  return out;
}

std::string AuditHash(const AuditRecord& r) { return Sha256Hex(AuditCanonical(r)); }

std::string FormatIsoUtc(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace govperf::store
