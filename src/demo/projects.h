// The demo city's registries of assessment projects (考核项目规范), written
// through the office's use cases (app/assessment_projects).
#pragma once

#include "core/status.h"
#include "demo/story_clock.h"
#include "store/store.h"

namespace govperf::demo {

// For the three years current_year − 2 … current_year: ≈ 17–20 departments'
// projects a year, applied for by their lead departments in January and
// decided by the office; each later year renewed from the one before, with
// lighter frequencies and more projects merged into the comprehensive
// evaluation, so the units' burden falls year on year (Δ < 0 for most); one
// refusal a year, one abolition and two applications still pending in the
// year in progress. REQUIRES: the years exist and the organisation registry
// holds the demo city's units. Leaves the clock where it found it.
Status WriteAssessmentProjects(store::Store& store, StoryClock* clock, int current_year);

}  // namespace govperf::demo
