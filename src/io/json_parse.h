// Parsing JSON text a user gave (a scheme file, a request body, a method's
// stdin) so that nothing in it can end the process: nlohmann's exceptions
// (syntax errors, invalid UTF-8, "1e999" overflowing a double) and sizes
// beyond the given limits become InvalidArgument naming the JSON path where
// the parse stopped, e.g.
//   "scheme.json: indicators[0].points: number overflow parsing '1e999'"
//   "stdin: matrix[0]: more than 50 elements (ahp takes at most 50 criteria)"
//
// Guarantees: never throws; the message is valid UTF-8 without control
// characters (it may end up in a JSON error body); a limit is enforced while
// parsing, so an oversized input is refused before it is all in memory.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/status.h"

namespace govperf::io {

struct JsonLimits {
  size_t max_depth = 64;          // nesting of arrays and objects
  size_t max_elements = 1000000;  // elements of any one array or members of one object
  size_t max_values = 10000000;   // values in the whole document
  std::string note;               // appended to a limit message, e.g. "(ahp: ...)"
};

// `what` names the source ("scheme.json", "body", "stdin") in messages.
Result<nlohmann::json> ParseJsonText(std::string_view text, const std::string& what,
                                     const JsonLimits& limits = {});
// Reads the stream only as far as needed: a limit stops reading at once.
Result<nlohmann::json> ParseJsonStream(std::istream& in, const std::string& what,
                                       const JsonLimits& limits = {});

}  // namespace govperf::io
