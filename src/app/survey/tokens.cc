#include "app/survey/tokens.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace govperf::app::survey {
namespace {

constexpr char kTokenDomain[] = "govperf-survey-token-v1\n";
constexpr char kKeyHeader[] = "govperf-survey-key v1";

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

bool IsHex(const std::string& s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status BadToken(const std::string& why, const std::string& zh) {
  return Status::Invalid("token: " + why).Field("token").Zh("token：" + zh);
}

}  // namespace

std::string DeviceTokens::Mac(const std::string& data) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret_.data()),
                              secret_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return Hex(mac, sizeof mac);
}

DeviceToken DeviceTokens::Mint(const std::string& survey_id, int64_t now) const {
  unsigned char nonce[16];
  randombytes_buf(nonce, sizeof nonce);
  const std::string n = Hex(nonce, sizeof nonce);
  const int64_t expires = now + ttl_;
  const std::string e = std::to_string(expires);
  return {e + "." + n + "." + Mac(kTokenDomain + survey_id + "\n" + e + "\n" + n), expires};
}

Status DeviceTokens::Verify(const std::string& token, const std::string& survey_id,
                            int64_t now) const {
  const size_t a = token.find('.');
  const size_t b = a == std::string::npos ? a : token.find('.', a + 1);
  if (token.size() > 200 || b == std::string::npos) {
    return BadToken("malformed device token", "设备令牌格式有误");
  }
  const std::string e = token.substr(0, a), n = token.substr(a + 1, b - a - 1),
                    mac = token.substr(b + 1);
  if (e.empty() || e.size() > 12 || e.find_first_not_of("0123456789") != std::string::npos ||
      n.size() != 32 || !IsHex(n) || mac.size() != 64 || !IsHex(mac)) {
    return BadToken("malformed device token", "设备令牌格式有误");
  }
  const std::string want = Mac(kTokenDomain + survey_id + "\n" + e + "\n" + n);
  if (sodium_memcmp(want.data(), mac.data(), want.size()) != 0) {
    return BadToken("not a token of this survey (forged or altered)", "设备令牌无效");
  }
  if (std::stoll(e) < now) {
    return Status(Code::kFailedPrecondition,
                  "token: the device token has expired: ask for a new one")
        .Field("token")
        .Zh("token：设备令牌已过期，请刷新页面");
  }
  return Status::Ok();
}

std::string TokenKeyPath(const std::string& db_path) { return db_path + ".survey-key"; }

std::string RandomTokenSecret() {
  std::string s(32, '\0');
  randombytes_buf(s.data(), s.size());
  return s;
}

Result<std::string> LoadOrCreateTokenSecret(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    const std::string secret = RandomTokenSecret();
    const std::string text =
        std::string(kKeyHeader) + "\nkey " +
        Hex(reinterpret_cast<const unsigned char*>(secret.data()), secret.size()) + "\n";
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      if (errno == EEXIST) return LoadOrCreateTokenSecret(path);  // another process made it
      return Status::Internal("survey key " + path + ": " + std::strerror(errno));
    }
    const bool ok =
        write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
    close(fd);
    if (!ok) return Status::Internal("survey key " + path + ": write failed");
    return secret;
  }
  std::string header, word, hex;
  std::getline(in, header);
  in >> word >> hex;
  if (header != kKeyHeader || word != "key" || hex.size() != 64 || !IsHex(hex)) {
    return Status::Invalid("survey key " + path + ": expected '" + kKeyHeader +
                           "' and a line 'key <64 hex digits>'")
        .Field("survey_key");
  }
  std::string secret(32, '\0');
  size_t len = 0;
  sodium_hex2bin(reinterpret_cast<unsigned char*>(secret.data()), secret.size(), hex.data(),
                 hex.size(), nullptr, &len, nullptr);
  return secret;
}

}  // namespace govperf::app::survey
