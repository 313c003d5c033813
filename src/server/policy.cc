// The policy as data (docs/api.md "Roles and permissions"). Changing who may
// do what is an edit of these two tables, and policy_test.cc must be updated
// with it: the test holds its own copy of the documented matrix on purpose.
#include "server/policy.h"

#include <algorithm>
#include <map>

#include "server/handlers/handlers.h"
#include "store/store.h"

namespace govperf::server {

const char* PermissionName(Permission p) {
  switch (p) {
    case Permission::kResultsPublic:
      return "results.public";
    case Permission::kResultsAll:
      return "results.all";
    case Permission::kScorecardAny:
      return "scorecard.any";
    case Permission::kScorecardOwn:
      return "scorecard.own";
    case Permission::kLeadRead:
      return "lead.read";
    case Permission::kValuesWrite:
      return "values.write";
    case Permission::kDashboardRead:
      return "dashboard.read";
    case Permission::kAuditRead:
      return "audit.read";
    case Permission::kUsersRead:
      return "users.read";
    case Permission::kSchemeWrite:
      return "scheme.write";
  }
  return "?";
}

const std::vector<Permission>& PermissionsOf(const std::string& role) {
  using P = Permission;
  static const std::map<std::string, std::vector<Permission>> kTable = {
      {store::kRoleAdmin,
       {P::kResultsPublic, P::kResultsAll, P::kScorecardAny, P::kLeadRead, P::kValuesWrite,
        P::kDashboardRead, P::kAuditRead, P::kUsersRead, P::kSchemeWrite}},
      {store::kRoleLeader,
       {P::kResultsPublic, P::kResultsAll, P::kScorecardAny, P::kDashboardRead}},
      {store::kRoleLead, {P::kResultsPublic, P::kScorecardOwn, P::kLeadRead, P::kValuesWrite}},
      {store::kRoleUnit, {P::kResultsPublic, P::kScorecardOwn}},
      {kRoleAnonymous, {P::kResultsPublic}},
  };
  static const std::vector<Permission> kNone;
  auto it = kTable.find(role);
  return it == kTable.end() ? kNone : it->second;
}

bool RoleHas(const std::string& role, Permission p) {
  const auto& perms = PermissionsOf(role);
  return std::find(perms.begin(), perms.end(), p) != perms.end();
}

const std::vector<RouteSpec>& Routes() {
  using A = Access;
  using P = Permission;
  namespace h = handlers;
  static const std::vector<RouteSpec> kRoutes = {
      {"GET", "/api/health", A::kPublic, {}, h::Health},
      {"POST", "/api/v1/auth/login", A::kPublic, {}, h::Login},
      {"POST", "/api/v1/auth/logout", A::kAuthenticated, {}, h::Logout},
      {"GET", "/api/v1/me", A::kAuthenticated, {}, h::Me},
      {"GET", "/api/v1/public/years", A::kPermission, {P::kResultsPublic}, h::PublicYears},
      {"GET", "/api/v1/public/results", A::kPermission, {P::kResultsPublic}, h::PublicResults},
      // Years and their status are not secret; every signed-in role needs them
      // to choose a year (a unit follows its own year in progress).
      {"GET", "/api/v1/years", A::kAuthenticated, {}, h::ListYears},
      {"GET", "/api/v1/years/{year}/results", A::kPermission, {P::kResultsAll}, h::YearResults},
      {"GET", "/api/v1/units", A::kAuthenticated, {}, h::ListUnits},
      // scorecard.own is narrowed to the caller's unit inside the handler.
      {"GET",
       "/api/v1/years/{year}/units/{unit}/scorecard",
       A::kPermission,
       {P::kScorecardAny, P::kScorecardOwn},
       h::Scorecard},
      {"GET", "/api/v1/lead/indicators", A::kPermission, {P::kLeadRead}, h::LeadIndicators},
      // values.write is narrowed to led indicators (except for admin) in the handler.
      {"PUT", "/api/v1/years/{year}/values", A::kPermission, {P::kValuesWrite}, h::PutValue},
      {"GET", "/api/v1/dashboard", A::kPermission, {P::kDashboardRead}, h::Dashboard},
      {"GET", "/api/v1/audit", A::kPermission, {P::kAuditRead}, h::Audit},
      {"GET", "/api/v1/users", A::kPermission, {P::kUsersRead}, h::ListUsers},
      // Analysis (docs/api.md "Analysis"): read-only, nothing is stored.
      {"GET",
       "/api/v1/years/{year}/analysis/uncertainty",
       A::kPermission,
       {P::kResultsAll},
       h::Uncertainty},
      {"GET",
       "/api/v1/years/{year}/analysis/health",
       A::kPermission,
       {P::kResultsAll},
       h::IndicatorHealth},
      {"GET",
       "/api/v1/years/{year}/analysis/fairness",
       A::kPermission,
       {P::kResultsAll},
       h::Fairness},
      // lead.read is narrowed to indicators the caller's unit leads in the handler.
      {"GET",
       "/api/v1/years/{year}/analysis/anomalies",
       A::kPermission,
       {P::kResultsAll, P::kLeadRead},
       h::Anomalies},
      {"POST", "/api/v1/years/{year}/whatif", A::kPermission, {P::kResultsAll}, h::WhatIf},
      {"GET", "/api/v1/years/{year}/scheme", A::kPermission, {P::kResultsAll}, h::GetScheme},
      // Only a draft (or new) year; checked in the handler (409 otherwise).
      {"PUT", "/api/v1/years/{year}/scheme", A::kPermission, {P::kSchemeWrite}, h::PutScheme},
  };
  return kRoutes;
}

}  // namespace govperf::server
