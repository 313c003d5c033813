// Precompiled header of the server library (see CMakeLists.txt). <utility>
// must come before Asio: Boost 1.74's awaitable.hpp uses std::exchange without
// including it, which g++ 12 rejects.
#pragma once

// clang-format off
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>
// clang-format on
