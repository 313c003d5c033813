#include "app/limits.h"

#include <cstdint>
#include <limits>
#include <string>

namespace govperf::app {

size_t Utf8Chars(std::string_view s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) return std::numeric_limits<size_t>::max();
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) {
        return std::numeric_limits<size_t>::max();
      }
    }
    i += len;
    ++chars;
  }
  return chars;
}

Status CheckText(std::string_view field, const std::string& value, size_t max_chars, bool required,
                 bool multiline) {
  const std::string f(field);
  if (required && value.empty()) {
    return Status::Invalid(f + ": required").Field(f).Zh(f + "：必填");
  }
  const size_t chars = Utf8Chars(value);
  if (chars == std::numeric_limits<size_t>::max()) {
    return Status::Invalid(f + ": not valid UTF-8 text").Field(f).Zh(f + "：不是有效的 UTF-8 文本");
  }
  if (chars > max_chars) {
    return Status::Invalid(f + ": at most " + std::to_string(max_chars) + " characters, got " +
                           std::to_string(chars))
        .Field(f)
        .Zh(f + "：最多 " + std::to_string(max_chars) + " 个字符，实际 " + std::to_string(chars));
  }
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    const bool allowed_break = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7F) && !allowed_break) {
      return Status::Invalid(f + ": contains a control character")
          .Field(f)
          .Zh(f + "：含有控制字符");
    }
  }
  return Status::Ok();
}

Status CheckId(std::string_view field, const std::string& value) {
  const std::string f(field);
  bool ok = !value.empty() && value.size() <= kMaxIdChars;
  for (char c : value) {
    ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.');
  }
  if (!ok) {
    return Status::Invalid(f + ": 1 to 32 of letters, digits, '_', '-', '.'")
        .Field(f)
        .Zh(f + "：应为 1–32 个字母、数字或 _ - .");
  }
  return Status::Ok();
}

}  // namespace govperf::app
