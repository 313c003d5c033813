// The `govperf method NAME` contract: one JSON object on stdin, one JSON
// object on stdout. This adapter is the only place in src/methods that knows
// JSON; it parses and validates the request, calls the pure numeric function
// and writes the result.
//
// Exit codes: 0 success; 2 invalid input (bad JSON, unknown method, missing or
// malformed field, a method precondition), with one line on `err` naming the
// field; 1 an internal failure (e.g. the LP solver gave up).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace govperf::methods {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitInvalid = 2;

// The method names RunMethod accepts, sorted.
const std::vector<std::string>& MethodNames();

int RunMethod(const std::string& name, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace govperf::methods
