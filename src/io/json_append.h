// Appending JSON text by hand, byte for byte as nlohmann's dump() writes it,
// for the few places that build canonical JSON (hashed, compared) on a hot
// path without building a JSON value first: the year-data codec and the
// survey journal's batch lines.
#pragma once

#include <string>

namespace govperf::io {

// What a string that is not valid UTF-8 becomes: dump()'s default (throw
// nlohmann's type_error) or its `replace` handler (U+FFFD).
enum class InvalidUtf8 { kThrow, kReplace };

// A JSON string as dump(-1, ' ', false, handler) writes it: plain printable
// ASCII without '"' or '\\' as is (every id, hash and key), anything else
// through nlohmann itself, so the bytes are its bytes.
void AppendJsonString(std::string& out, const std::string& s,
                      InvalidUtf8 invalid = InvalidUtf8::kThrow);

}  // namespace govperf::io
