// What the subcommands share: strict numeric options and exit codes.
//
// CLI11 reads numbers its own way: "--year 0x7e9" is 2025, "0b11" is 3 and
// "1e3" fits an int. The validators here run on the option's text before
// CLI11 converts it, so every number on the command line follows
// core/number.h, and the message names the option ("--year: must be an
// integer within 1900..2200, got '99999999999'").
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "core/status.h"

namespace govperf::cli {

// Exit codes of every subcommand (README.md): 0 success; 1 a failure that is
// not the input's fault (I/O, the database, a bug); 2 invalid input or usage —
// a bad option, file, field or row, named in one message on stderr.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitInvalid = 2;

// kExitFailure for Code::kInternal, kExitInvalid for everything a user can
// cause (invalid argument, not found, failed precondition ...).
int ExitCodeFor(const Status& status);

// The most bytes a scheme file may have (docs/scheme-format.md): a city's
// scheme is a few hundred kilobytes.
inline constexpr uintmax_t kMaxSchemeFileBytes = 64u << 20;

// The whole of a text file named by `option` ("--scheme"): NotFound when
// missing, InvalidArgument when a directory or larger than max_bytes; every
// message starts with the option and the path.
Result<std::string> ReadTextFile(const std::string& path, const std::string& option,
                                 uintmax_t max_bytes = kMaxSchemeFileBytes);

// Whether a path exists, without throwing (std::filesystem::exists(path)
// throws on, e.g., a permission error on a parent directory).
bool PathExists(const std::string& path);

// Writes bytes to `path` (replacing it); false when it cannot (a missing
// folder, no right, a full disk).
bool WriteFileBytes(const std::string& path, const std::string& bytes);

// A decimal integer in [min, max] (core::ParseIntegerIn).
CLI::Validator IntegerIn(int64_t min, int64_t max);

// A decimal number in [min, max] (core::ParseNumberIn).
CLI::Validator NumberIn(double min, double max);

}  // namespace govperf::cli
