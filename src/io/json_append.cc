#include "io/json_append.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace govperf::io {

void AppendJsonString(std::string& out, const std::string& s, InvalidUtf8 invalid) {
  const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
  });
  if (plain) {
    out += '"';
    out += s;
    out += '"';
    return;
  }
  out += nlohmann::json(s).dump(-1, ' ', false,
                                invalid == InvalidUtf8::kReplace
                                    ? nlohmann::json::error_handler_t::replace
                                    : nlohmann::json::error_handler_t::strict);
}

}  // namespace govperf::io
