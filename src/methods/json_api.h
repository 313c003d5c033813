// The `govperf method NAME` contract: one JSON object on stdin, one JSON
// object on stdout. This adapter is the only place in src/methods that knows
// JSON; it parses and validates the request, calls the pure numeric function
// and writes the result.
//
// Exit codes: 0 success; 2 invalid input (bad JSON, unknown method, missing or
// malformed field, a method precondition), with one line on `err` naming the
// field; 1 an internal failure (e.g. the LP solver gave up).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace govperf::methods {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitInvalid = 2;

// Input size limits (docs/methods.md §Limits), checked before any work.
// AHP matrices are n × n with n ≤ 20: the largest random-index table
// (donegan-dodd) ends at 20, so consistency cannot be judged beyond.
inline constexpr size_t kMaxAhpCriteria = 20;
inline constexpr size_t kMaxTableRows = 10000;          // entropy/normalize/topsis rows
inline constexpr size_t kMaxTableColumns = 1000;        // ... and columns
inline constexpr size_t kMaxTableCells = 1000000;       // ... rows × columns
inline constexpr size_t kMaxDeaUnits = 1000;            // DEA: one LP per unit over all units
inline constexpr size_t kMaxDeaMeasures = 50;           // DEA inputs, and outputs
inline constexpr size_t kMaxRakeUnits = 50000;          // rake: respondents
inline constexpr size_t kMaxRakeVariables = 20;         // rake: margin variables
inline constexpr size_t kMaxRakeLevels = 1000;          // rake: levels per variable
inline constexpr long long kMaxRakeIterations = 10000;  // rake: max_iter
inline constexpr size_t kMaxInputValues = 2000000;      // JSON values in one request

// The method names RunMethod accepts, sorted.
const std::vector<std::string>& MethodNames();

int RunMethod(const std::string& name, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace govperf::methods
