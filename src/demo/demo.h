// The demo city (演示城市): a fictional city shaped like the seed's, generated
// deterministically from a seed so that every run produces the same database.
// Shape: 4 districts/counties, 40 city departments in 4 categories, 4 stationed
// units, a three-level tree of ~100 leaf indicators, monthly data; two
// published years and one in progress (README "Roles and demo logins").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "demo/story_clock.h"
#include "store/store.h"

namespace govperf::demo {

// A login created by the generator, printed by `make demo`.
struct DemoLogin {
  std::string username;
  std::string password;
  core::Role role;      // store::kRole*
  std::string unit_id;  // empty for admin/leader
  std::string description_zh;
  std::string description_en;
};

// The handful of logins worth printing (one or two per role). Every unit has a
// login too; these are the ones the README names.
const std::vector<DemoLogin>& FeaturedLogins();

struct DemoOptions {
  uint64_t seed = 20091;     // same seed → same city, byte for byte in the data
  int current_year = 2026;   // in progress; the two years before are published
  int months_reported = 10;  // monthly data of the current year up to this month
  // When set, the generator moves it to when each step happens (see
  // story_clock.h); the store should have been opened with it.
  StoryClock* clock = nullptr;
  // The SQLite file the store was opened on. When set, each year's public
  // satisfaction survey (社会评价) is run and its responses go in through the
  // response journal, which needs its own connection to that file
  // (surveys.h); the published years' satisfaction scores then come from
  // their surveys. Empty (an in-memory store, or a caller that does not say
  // which file): no surveys, and the satisfaction scores are given by the
  // strength model as an office would enter them (评价录入).
  std::string db_path;
};

// Writes the whole demo city (users, three years of schemes and data) through
// the store. REQUIRES: an empty store (no years); FailedPrecondition otherwise.
Status GenerateDemoCity(store::Store& store, const DemoOptions& options = {});

}  // namespace govperf::demo
