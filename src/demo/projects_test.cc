// The demo city's registries of assessment projects: their size and mix per
// year, written through the use cases, and a burden that falls year on year.
#include "app/assessment_projects/projects.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "demo/demo.h"
#include "demo/demo_test_city.h"
#include "store/store_testing.h"

namespace govperf::demo {
namespace {

class DemoProjectsTest : public testing::GeneratedDemoCityTest<testing::Surveys::kWithout> {
 protected:
  static std::map<std::string, int> StatusCounts(int year) {
    std::map<std::string, int> out;
    auto list = store_->ListAssessmentProjects(year);
    EXPECT_TRUE(list.ok());
    for (const auto& p : *list) out[p.status] += 1;
    return out;
  }
};

constexpr int kCurrent = 2026;

TEST_F(DemoProjectsTest, EachYearHasARealisticRegistry) {
  for (int year = kCurrent - 2; year <= kCurrent; ++year) {
    SCOPED_TRACE(year);
    auto list = store_->ListAssessmentProjects(year);
    ASSERT_TRUE(list.ok());
    EXPECT_GE(list->size(), 12u);
    EXPECT_LE(list->size(), 20u);
    const auto counts = StatusCounts(year);
    EXPECT_GE(counts.count("merged") ? counts.at("merged") : 0, 1);
    EXPECT_EQ(counts.count("refused") ? counts.at("refused") : 0, 1);
    std::set<std::string> departments;
    for (const auto& p : *list) departments.insert(p.department_id);
    EXPECT_GE(departments.size(), 12u);
  }
  // The year in progress: two applications still pending, one abolished.
  const auto now = StatusCounts(kCurrent);
  EXPECT_EQ(now.at("applied"), 2);
  EXPECT_EQ(now.at("abolished"), 1);
  // Renewal keeps the id and was applied for by the department's lead login.
  auto safety = store_->FindAssessmentProject(kCurrent, "AQ-01");
  ASSERT_TRUE(safety.ok() && safety->has_value());
  EXPECT_EQ((*safety)->status, "approved");
  EXPECT_EQ((*safety)->frequency, "quarterly");  // monthly the years before
  EXPECT_EQ((*safety)->reports_per_year, 4);
  auto before = store_->FindAssessmentProject(kCurrent - 1, "AQ-01");
  ASSERT_TRUE(before.ok() && before->has_value());
  EXPECT_EQ((*before)->reports_per_year, 12);
}

TEST_F(DemoProjectsTest, TheBurdenFallsForMostUnits) {
  auto b = app::projects::GetBurden(*store_, app::Caller::System(), kCurrent);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_FALSE(b->units.empty());
  EXPECT_TRUE(b->has_previous);
  int lighter = 0;
  for (const auto& row : b->units) lighter += row.burden.delta_reports < 0;
  EXPECT_GT(lighter * 2, static_cast<int>(b->units.size())) << lighter << " of " << b->units.size();
  EXPECT_LT(b->city.delta_reports, 0);
  EXPECT_LT(b->city.delta_projects, 0);
  EXPECT_GT(b->city.merged, 0);
  // A district bears more than a department: it is assessed by nearly all.
  EXPECT_EQ(b->units.front().name_zh.empty(), false);
  EXPECT_EQ(b->units.front().category_id, "C1");
  auto v = store_->VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

}  // namespace
}  // namespace govperf::demo
