#include "store/audit_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/number.h"

namespace govperf::store {
namespace {

constexpr const char* kHeader = "govperf-audit-key v1";
constexpr size_t kKeyBytes = 32;

Status Bad(const std::string& path, int line, const std::string& what) {
  return Status::Invalid("audit key " + path + ", line " + std::to_string(line) + ": " + what)
      .Field("audit_key");
}

}  // namespace

std::string AuditKeyPath(const std::string& db_path) { return db_path + ".audit-key"; }

Result<AuditKey> ReadAuditKey(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    if (errno == ENOENT) return Status::NotFound("audit key " + path + ": no such file");
    return Status::Internal("audit key " + path + ": " + std::strerror(errno));
  }
  AuditKey key;
  key.path = path;
  std::string line;
  int n = 0;
  bool has_key = false, has_from = false;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1) {
      if (line != kHeader) return Bad(path, n, std::string("expected '") + kHeader + "'");
      continue;
    }
    if (line.empty()) continue;
    const auto space = line.find(' ');
    const std::string name = line.substr(0, space);
    const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
    if (name == "key") {
      std::array<unsigned char, kKeyBytes> bytes{};
      size_t len = 0;
      if (value.size() != 2 * kKeyBytes ||
          sodium_hex2bin(bytes.data(), bytes.size(), value.data(), value.size(), nullptr, &len,
                         nullptr) != 0 ||
          len != kKeyBytes) {
        return Bad(path, n, "key must be 64 hex digits");
      }
      key.secret.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      has_key = true;
    } else if (name == "keyed-from") {
      auto v = core::ParseInteger(value);
      if (!v.ok() || *v < 1) return Bad(path, n, "keyed-from must be a record id ≥ 1");
      key.keyed_from = *v;
      has_from = true;
    } else {
      return Bad(path, n, "unknown field '" + name + "'");
    }
  }
  if (n == 0) return Bad(path, 1, "empty file");
  if (!has_key) return Bad(path, n, "no key line");
  if (!has_from) return Bad(path, n, "no keyed-from line");
  return key;
}

Result<AuditKey> CreateAuditKey(const std::string& path, int64_t keyed_from, bool replace) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  std::array<unsigned char, kKeyBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 2 * kKeyBytes + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  std::ostringstream text;
  text << kHeader << "\nkey " << hex.data() << "\nkeyed-from " << keyed_from << "\n";
  const std::string body = text.str();
  // Written to a temporary file with owner-only permissions, then renamed:
  // the key never exists on disk with wider permissions or half written.
  const std::string tmp = path + ".tmp";
  ::unlink(tmp.c_str());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Internal("audit key " + tmp + ": " + std::strerror(errno));
  const bool written = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    ::unlink(tmp.c_str());
    return Status::Internal("audit key " + tmp + ": write failed");
  }
  if (!replace && ::access(path.c_str(), F_OK) == 0) {
    ::unlink(tmp.c_str());
    return Status(Code::kFailedPrecondition, "audit key " + path + ": already exists");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Status::Internal("audit key " + path + ": " + std::strerror(errno));
  }
  AuditKey key;
  key.secret.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  key.keyed_from = keyed_from;
  key.path = path;
  key.created = true;
  return key;
}

}  // namespace govperf::store
