// Serves the built front end (web/dist) for non-API GET requests.
//
// Guarantees:
//  1. Only regular files under the root are ever read: the path is
//     percent-decoded first, any "." / ".." segment, backslash or NUL is
//     rejected (400), and the resolved canonical path must still lie under the
//     canonical root (symlinks out of the root are refused too).
//  2. A path without a file falls back to index.html (client-side routing),
//     except under /assets/ where a missing file is a real 404 (a missing
//     script must not be answered with HTML).
//  3. Without a built front end every path gets a small HTML page saying so
//     (200 at "/", 404 elsewhere).
//  4. /s/{survey_id} (the phone questionnaire linked from SMS and QR codes)
//     falls back to survey.html, a separate small page, not index.html.
#pragma once

#include <string>

#include "server/http_types.h"

namespace govperf::server {

// Content-Type for a file name by extension; application/octet-stream if unknown.
std::string ContentTypeFor(const std::string& filename);

class StaticFiles {
 public:
  // `root` may be empty or missing (guarantee 3).
  explicit StaticFiles(std::string root);
  // `raw_path`: the request path, without query, not yet decoded.
  Response Serve(const std::string& raw_path) const;

 private:
  std::string root_;  // canonical, or empty when there is no front end
};

}  // namespace govperf::server
