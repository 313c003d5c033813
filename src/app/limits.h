// Limits on what callers may send, checked before any work: text lengths (in
// characters, not bytes), id syntax, list sizes. Every check names the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace govperf::app {

inline constexpr size_t kMaxNameChars = 100;   // names, display names, titles
inline constexpr size_t kMaxTextChars = 2000;  // reasons, notes, evidence descriptions
inline constexpr size_t kMaxIdChars = 32;      // ids of units, categories, adjustments
inline constexpr size_t kMaxListItems = 1000;  // items in one request's list

// Characters (code points) of UTF-8 text; nullopt-like SIZE_MAX when the
// text is not valid UTF-8.
size_t Utf8Chars(std::string_view text);

// `value` is valid UTF-8 with no control characters (line breaks and tabs
// allowed when `multiline`), at most `max_chars` characters, and not empty
// when `required`.
Status CheckText(std::string_view field, const std::string& value, size_t max_chars, bool required,
                 bool multiline = false);
// 1..32 of [A-Za-z0-9_.-]: ids used in URLs, files and the audit trail.
Status CheckId(std::string_view field, const std::string& value);

}  // namespace govperf::app
