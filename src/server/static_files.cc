#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "server/context.h"
#include "server/router.h"

namespace govperf::server {
namespace fs = std::filesystem;

namespace {

constexpr const char* kNotBuiltPage =
    "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    "<link rel=\"icon\" href=\"data:,\"><title>govperf</title></head><body>"
    "<h1>govperf</h1><p>前端尚未构建。The web front end is not built: run "
    "<code>make web</code> (or <code>npm run build</code> in <code>web/</code>) and start "
    "<code>govperf serve --web web/dist</code>.</p><p>API: <a href=\"/api/health\">"
    "/api/health</a></p></body></html>";

Response HtmlPage(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

std::string ContentTypeFor(const std::string& filename) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  const std::string ext = fs::path(filename).extension().string();
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  root_ = fs::canonical(root, ec).string();
  if (ec) root_.clear();
}

Response StaticFiles::Serve(const std::string& raw_path) const {
  std::string path;
  if (!PercentDecode(raw_path, &path, false)) {
    return ErrorResponse(Code::kInvalidArgument, "malformed percent-encoding in path");
  }
  const std::vector<std::string> segments = SplitPath(path);
  for (const std::string& s : segments) {
    if (s == "." || s == ".." || s.find('\\') != std::string::npos ||
        s.find('\0') != std::string::npos) {
      return ErrorResponse(Code::kInvalidArgument, "path may not contain '.' or '..' segments");
    }
  }
  if (root_.empty()) {
    return HtmlPage(segments.empty() ? 200 : 404, kNotBuiltPage);
  }
  fs::path file = root_;
  for (const std::string& s : segments) file /= s;
  std::error_code ec;
  if (fs::is_directory(file, ec)) file /= "index.html";
  bool found = fs::is_regular_file(file, ec);
  if (found) {
    // Guarantee 1: the canonical path must stay inside the root.
    const std::string canonical = fs::canonical(file, ec).string();
    if (ec || canonical.compare(0, root_.size(), root_) != 0 ||
        (canonical.size() > root_.size() && canonical[root_.size()] != '/')) {
      return ErrorResponse(Code::kNotFound, "not found");
    }
  }
  const bool is_asset = !segments.empty() && segments.front() == "assets";
  if (!found) {
    if (is_asset) return ErrorResponse(Code::kNotFound, "no such file: " + path);
    // Guarantee 4: /s/{survey_id} is the phone questionnaire, its own small
    // page (survey.html) rather than the office app.
    const bool is_survey = segments.size() == 2 && segments.front() == "s";
    file = fs::path(root_) / (is_survey ? "survey.html" : "index.html");  // guarantee 2
  }
  Response r;
  if (!ReadFile(file, &r.body)) {
    return ErrorResponse(Code::kNotFound, "no such file: " + path);
  }
  r.content_type = ContentTypeFor(file.filename().string());
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  // Vite puts content hashes in asset names: cache them for good; everything
  // else (index.html) must be revalidated so a new build shows up at once.
  r.headers.emplace_back("Cache-Control",
                         is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace govperf::server
