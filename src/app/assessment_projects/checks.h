// What the registry's use cases share (internal to app/assessment_projects):
// validating an application against the organisation registry and resolving
// its assessed units, and the permission checks that depend on the data.
#pragma once

#include <string>

#include "app/assessment_projects/projects.h"

namespace govperf::app::projects::detail {

// The year must exist (NotFound naming `year`).
Status CheckYear(store::Store& store, int year);
// Fills every field of `out` but id, year and the store's stamps from `in`,
// checked against `org`: texts, an active department, known categories and
// active units (at least one assessed unit after resolution), frequency and
// reports a year.
Status CheckAndResolve(const store::Org& org, const ProjectInput& in,
                       store::AssessmentProject* out);
// A lead department acts only for its own department (PermissionDenied naming
// department_id); other roles with the permission for any.
Status CheckOwnDepartment(const Caller& caller, const std::string& department_id);
// 400 naming `field`, with the Chinese text.
Status BadProjectField(const std::string& field, const std::string& en, const std::string& zh);

}  // namespace govperf::app::projects::detail
