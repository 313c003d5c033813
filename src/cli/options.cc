#include "cli/options.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/number.h"

namespace govperf::cli {

bool PathExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

bool WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

Result<std::string> ReadTextFile(const std::string& path, const std::string& option,
                                 uintmax_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(option + ": file not found: " + path);
  if (fs::is_directory(st)) return Status::Invalid(option + ": " + path + " is a directory");
  const uintmax_t size = fs::is_regular_file(st) ? fs::file_size(path, ec) : 0;
  if (!ec && size > max_bytes) {
    return Status::Invalid(option + ": " + path + " is " + std::to_string(size) +
                           " bytes; at most " + std::to_string(max_bytes));
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound(option + ": cannot open " + path);
  std::string text;
  char buf[1 << 16];
  // Read in chunks up to the limit: a pipe or device has no size to check first.
  while (f.read(buf, sizeof buf) || f.gcount() > 0) {
    text.append(buf, static_cast<size_t>(f.gcount()));
    if (text.size() > max_bytes) {
      return Status::Invalid(option + ": " + path + " is larger than " + std::to_string(max_bytes) +
                             " bytes");
    }
  }
  if (f.bad()) return Status::Invalid(option + ": cannot read " + path);
  return text;
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  return status.code() == Code::kInternal ? kExitFailure : kExitInvalid;
}

CLI::Validator IntegerIn(int64_t min, int64_t max) {
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        Result<int64_t> v = core::ParseIntegerIn(text, min, max);
        return v.ok() ? std::string() : v.status().message();
      },
      "INT in " + range, "IntegerIn");
}

CLI::Validator NumberIn(double min, double max) {
  char range[64];
  std::snprintf(range, sizeof range, "%g..%g", min, max);
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        Result<double> v = core::ParseNumberIn(text, min, max);
        return v.ok() ? std::string() : v.status().message();
      },
      std::string("NUMBER in ") + range, "NumberIn");
}

}  // namespace govperf::cli
