// The permission matrix: EVERY route × EVERY role, against the table in
// docs/api.md. The expected matrix is written out here by hand on purpose — a
// change to policy.cc must be a deliberate change to this file too — and the
// role → permission table is additionally parsed from docs/api.md itself.
#include "server/policy.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "io/scheme_json.h"
#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;

const std::vector<std::string> kRoles = {"admin", "leader", "lead", "unit", "anonymous"};
const std::set<std::string> kAll = {"admin", "leader", "lead", "unit", "anonymous"};
const std::set<std::string> kLoggedIn = {"admin", "leader", "lead", "unit"};

// docs/api.md, route by route.
const std::map<std::string, std::set<std::string>>& ExpectedMatrix() {
  static const std::map<std::string, std::set<std::string>> kMatrix = {
      {"GET /api/health", kAll},
      {"POST /api/v1/auth/login", kAll},
      {"POST /api/v1/auth/logout", kLoggedIn},
      {"GET /api/v1/me", kLoggedIn},
      {"GET /api/v1/public/years", kAll},    // results.public
      {"GET /api/v1/public/results", kAll},  // results.public
      {"GET /api/v1/years", kLoggedIn},
      {"GET /api/v1/years/{year}/results", {"admin", "leader"}},
      {"GET /api/v1/units", kLoggedIn},
      // scorecard.any, or scorecard.own on the caller's own unit (the request
      // below uses the caller's own unit; other units are tested separately).
      {"GET /api/v1/years/{year}/units/{unit}/scorecard", kLoggedIn},
      {"GET /api/v1/lead/indicators", {"admin", "lead"}},      // lead.read
      {"PUT /api/v1/years/{year}/values", {"admin", "lead"}},  // values.write
      {"GET /api/v1/dashboard", {"admin", "leader"}},
      {"GET /api/v1/audit", {"admin"}},
      {"GET /api/v1/users", {"admin"}},
      // Analysis: results.all ...
      {"GET /api/v1/years/{year}/analysis/uncertainty", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/analysis/health", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/analysis/fairness", {"admin", "leader"}},
      {"POST /api/v1/years/{year}/whatif", {"admin", "leader"}},
      {"GET /api/v1/years/{year}/scheme", {"admin", "leader"}},
      // ... or lead.read (narrowed to led indicators in the handler) ...
      {"GET /api/v1/years/{year}/analysis/anomalies", {"admin", "leader", "lead"}},
      // ... and scheme.write.
      {"PUT /api/v1/years/{year}/scheme", {"admin"}},
  };
  return kMatrix;
}

const std::map<std::string, std::string> kUserOfRole = {
    {"admin", "admin"}, {"leader", "leader"}, {"lead", "lead_b01"}, {"unit", "unit_d01"}};

// A concrete, valid request for a route pattern, as `role` would send it.
Request SampleRequest(const RouteSpec& route, const std::string& role, const std::string& token) {
  std::string path = route.pattern;
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = path.find(from);
    if (at != std::string::npos) path.replace(at, from.size(), to);
  };
  // A scheme may only be replaced in a draft or new year: 2026 does not exist yet.
  const bool put_scheme =
      std::string(route.method) == "PUT" && path.find("/scheme") != std::string::npos;
  replace("{year}", put_scheme ? "2026" : "2025");
  replace("{unit}", role == "lead" ? "B01" : "D01");
  std::string body;
  if (path == "/api/v1/auth/login") {
    body = Json({{"username", role == "anonymous" ? "admin" : kUserOfRole.at(role)},
                 {"password", testing::kPassword}})
               .dump();
  } else if (path == "/api/v1/years/2025/values") {
    body = R"({"indicator_id":"1.1.1","unit_id":"D01","period":"2025","value":9.5})";
  } else if (path == "/api/v1/years/2025/whatif") {
    body = R"({"changes":[{"op":"points","indicator_id":"1.1.1","points":12}]})";
  } else if (put_scheme) {
    body = io::SchemeToJson(testing::TinyScheme(2026)).dump();
  }
  return testing::MakeRequest(route.method, path, body, token);
}

TEST(ServerPolicy, EveryRouteForEveryRoleMatchesTheDocumentedMatrix) {
  TestCity city;
  std::set<std::string> seen;
  for (const RouteSpec& route : Routes()) {
    const std::string key = std::string(route.method) + " " + route.pattern;
    seen.insert(key);
    auto expected = ExpectedMatrix().find(key);
    ASSERT_NE(expected, ExpectedMatrix().end()) << key << " is not in the expected matrix";
    for (const std::string& role : kRoles) {
      SCOPED_TRACE(key + " as " + role);
      const std::string token = role == "anonymous" ? "" : city.TokenFor(kUserOfRole.at(role));
      const Response r = city.app().Handle(SampleRequest(route, role, token));
      if (expected->second.count(role)) {
        EXPECT_EQ(r.status / 100, 2) << r.body;
      } else {
        EXPECT_EQ(r.status, role == "anonymous" ? 401 : 403) << r.body;
        EXPECT_EQ(Body(r)["code"], role == "anonymous" ? "unauthenticated" : "permission_denied");
      }
    }
  }
  EXPECT_EQ(seen.size(), ExpectedMatrix().size()) << "a documented route has no policy entry";
}

TEST(ServerPolicy, OwnScorecardMeansOwnUnitOnly) {
  TestCity city;
  for (const auto& [user, own, other] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"unit_d01", "D01", "D02"},
                                                                      {"lead_b01", "B01", "B02"}}) {
    const std::string token = city.TokenFor(user);
    EXPECT_EQ(city.Call("GET", "/api/v1/years/2024/units/" + own + "/scorecard", "", token).status,
              200);
    EXPECT_EQ(
        city.Call("GET", "/api/v1/years/2024/units/" + other + "/scorecard", "", token).status,
        403);
  }
}

// The role → permission table of docs/api.md, parsed from the document.
std::map<std::string, std::set<std::string>> DocumentedPermissions() {
  std::ifstream in(std::string(GOVPERF_SOURCE_DIR) + "/docs/api.md");
  std::string line;
  std::vector<std::string> roles;
  std::map<std::string, std::set<std::string>> out;
  auto cells = [](const std::string& row) {
    std::vector<std::string> c;
    std::stringstream ss(row);
    std::string cell;
    std::getline(ss, cell, '|');  // before the first '|'
    while (std::getline(ss, cell, '|')) {
      const size_t b = cell.find_first_not_of(' ');
      const size_t e = cell.find_last_not_of(' ');
      c.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
    }
    return c;
  };
  while (std::getline(in, line)) {
    if (line.rfind("| permission |", 0) == 0) {
      for (const auto& c : cells(line)) roles.push_back(c.substr(0, c.find(' ')));
    } else if (!roles.empty() && line.rfind("| `", 0) == 0) {
      const auto c = cells(line);
      const std::string perm = c[0].substr(1, c[0].find('`', 1) - 1);
      for (size_t i = 1; i < c.size() && i < roles.size(); ++i) {
        if (c[i].find("✓") != std::string::npos) out[roles[i]].insert(perm);
      }
    } else if (!roles.empty() && !out.empty() && line.empty()) {
      break;
    }
  }
  return out;
}

TEST(ServerPolicy, RolePermissionTableIsTheOneInApiMd) {
  const auto documented = DocumentedPermissions();
  ASSERT_EQ(documented.size(), 5u) << "could not parse the table in docs/api.md";
  for (const std::string& role : kRoles) {
    std::set<std::string> actual;
    for (Permission p : PermissionsOf(role)) actual.insert(PermissionName(p));
    EXPECT_EQ(actual, documented.at(role)) << role;
  }
  EXPECT_TRUE(PermissionsOf("no-such-role").empty());
}

}  // namespace
}  // namespace govperf::server
