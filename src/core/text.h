// Text checks shared by the file readers: UTF-8 validity and quoting user
// text inside an error message.
//
// Guarantees: never throws. QuoteForMessage's output is valid UTF-8 without
// control characters whatever the input, so a message built from a binary
// file can be printed to a terminal and put into JSON (nlohmann::json::dump
// throws on invalid UTF-8).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace govperf::core {

// Byte offset of the first byte that does not start or continue a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// invalid), or std::string_view::npos when the whole text is valid.
size_t FirstInvalidUtf8(std::string_view text);

// `text` made safe for a message: at most max_bytes of it (cut at a character
// boundary, "..." appended), control characters and invalid UTF-8 bytes
// written as \xNN.
std::string EscapeForMessage(std::string_view text, size_t max_bytes = 200);

// EscapeForMessage(text, 40) in single quotes: a user's value in a message.
std::string QuoteForMessage(std::string_view text);

}  // namespace govperf::core
