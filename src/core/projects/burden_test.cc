#include "core/projects/burden.h"

#include <gtest/gtest.h>

namespace govperf::core::projects {
namespace {

BurdenProject BurdenP(std::string id, std::string status, int reports,
                      std::vector<std::string> units) {
  return {std::move(id), std::move(status), reports, std::move(units)};
}

const UnitBurden& BurdenRow(const Burden& b, const std::string& unit) {
  for (const auto& r : b.units) {
    if (r.unit_id == unit) return r;
  }
  ADD_FAILURE() << "no row for " << unit;
  static const UnitBurden kNone;
  return kNone;
}

TEST(ProjectBurden, OnlyApprovedProjectsAreABurdenMergedOnesCountApart) {
  const std::vector<BurdenProject> now = {
      BurdenP("SAFE", "approved", 4, {"D01", "D02"}),
      BurdenP("RIVER", "approved", 12, {"D01"}),
      BurdenP("PARTY", "merged", 2, {"D01", "D02"}),
      BurdenP("NEW", "applied", 6, {"D01"}),    // not decided: nothing
      BurdenP("DUP", "refused", 6, {"D02"}),    // refused: nothing
      BurdenP("OLD", "abolished", 6, {"D02"}),  // abolished: nothing
  };
  const Burden b = ComputeBurden(now, {});
  ASSERT_EQ(b.units.size(), 2u);
  // Heaviest first: D01 16 reports, D02 4.
  EXPECT_EQ(b.units[0].unit_id, "D01");
  EXPECT_EQ(b.units[0].projects, 2);
  EXPECT_EQ(b.units[0].reports, 16);
  EXPECT_EQ(b.units[0].merged, 1);
  EXPECT_EQ(b.units[0].project_ids, (std::vector<std::string>{"SAFE", "RIVER"}));
  EXPECT_EQ(b.units[0].merged_ids, (std::vector<std::string>{"PARTY"}));
  EXPECT_EQ(b.units[1].unit_id, "D02");
  EXPECT_EQ(b.units[1].projects, 1);
  EXPECT_EQ(b.units[1].reports, 4);
  EXPECT_EQ(b.units[1].merged, 1);
  EXPECT_EQ(b.city.projects, 2);
  EXPECT_EQ(b.city.merged, 1);
  EXPECT_EQ(b.city.assessments, 3);
  EXPECT_EQ(b.city.reports, 20);
  // No previous year: the change is the whole burden.
  EXPECT_EQ(b.units[0].delta_reports, 16);
  EXPECT_EQ(b.city.delta_projects, 2);
}

TEST(ProjectBurden, ChangeAgainstThePreviousYearBySameUnitId) {
  const std::vector<BurdenProject> before = {
      BurdenP("SAFE", "approved", 12, {"D01", "D02", "B01"}),
      BurdenP("RIVER", "approved", 12, {"D01"}),
      BurdenP("GONE", "approved", 4, {"B02"}),
  };
  const std::vector<BurdenProject> now = {
      BurdenP("SAFE", "approved", 4, {"D01", "D02"}),  // quarterly now, B01 no longer assessed
      BurdenP("RIVER", "merged", 12, {"D01"}),         // merged into the comprehensive evaluation
  };
  const Burden b = ComputeBurden(now, before);
  ASSERT_EQ(b.units.size(), 4u);  // B02 only last year still shows
  const UnitBurden& d01 = BurdenRow(b, "D01");
  EXPECT_EQ(d01.projects, 1);
  EXPECT_EQ(d01.reports, 4);
  EXPECT_EQ(d01.merged, 1);
  EXPECT_EQ(d01.previous_projects, 2);
  EXPECT_EQ(d01.previous_reports, 24);
  EXPECT_EQ(d01.delta_projects, -1);
  EXPECT_EQ(d01.delta_reports, -20);
  const UnitBurden& b02 = BurdenRow(b, "B02");
  EXPECT_EQ(b02.projects, 0);
  EXPECT_EQ(b02.delta_reports, -4);
  const UnitBurden& b01 = BurdenRow(b, "B01");
  EXPECT_EQ(b01.delta_projects, -1);
  EXPECT_EQ(b01.delta_reports, -12);
  EXPECT_EQ(b.city.projects, 1);
  EXPECT_EQ(b.city.previous_projects, 3);
  EXPECT_EQ(b.city.delta_projects, -2);
  EXPECT_EQ(b.city.assessments, 2);
  EXPECT_EQ(b.city.previous_assessments, 5);
  EXPECT_EQ(b.city.reports, 8);
  EXPECT_EQ(b.city.previous_reports, 12 * 3 + 12 + 4);
  EXPECT_EQ(b.city.delta_reports, 8 - 52);
}

TEST(ProjectBurden, ARepeatedUnitCountsOnceAndTiesSortByProjectsThenId) {
  const std::vector<BurdenProject> now = {
      BurdenP("A", "approved", 2, {"U2", "U2", "U1"}),
      BurdenP("B", "approved", 0, {"U3"}),
      BurdenP("C", "approved", 2, {"U3"}),
  };
  const Burden b = ComputeBurden(now, {});
  ASSERT_EQ(b.units.size(), 3u);
  EXPECT_EQ(b.units[0].unit_id, "U3");  // 2 reports, 2 projects
  EXPECT_EQ(b.units[1].unit_id, "U1");  // 2 reports, 1 project, id before U2
  EXPECT_EQ(b.units[2].unit_id, "U2");
  EXPECT_EQ(b.units[2].reports, 2);
  EXPECT_EQ(b.city.assessments, 4);
}

TEST(ProjectBurden, NothingInForceIsAnEmptyTable) {
  const Burden b =
      ComputeBurden({BurdenP("X", "applied", 4, {"U1"})}, {BurdenP("Y", "refused", 4, {"U1"})});
  EXPECT_TRUE(b.units.empty());
  EXPECT_EQ(b.city.projects, 0);
  EXPECT_EQ(b.city.reports, 0);
}

}  // namespace
}  // namespace govperf::core::projects
