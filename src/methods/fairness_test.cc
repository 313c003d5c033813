#include "methods/fairness.h"

#include <gtest/gtest.h>

namespace govperf::methods {
namespace {

// Three units scoring 90, 80, 60 with budgets 100, 50, 60 (one input):
// score per budget 0.9, 1.6, 1.0 → CRS efficiency = ratio / best ratio:
// 0.5625, 1, 0.625. The top scorer is the least efficient.
TEST(Fairness, EfficiencyIsScorePerResourceRelativeToTheBestInCategory) {
  core::Scheme s;
  s.year = 2025;
  s.categories = {{"C1", "", "", core::UnitKind::kDepartment, {}, {}, 3, 5},
                  {"C2", "", "", core::UnitKind::kDepartment, {}, {}, 3, 5}};
  core::YearResult r;
  auto row = [&](const char* u, const char* c, double total, int rank) {
    core::UnitResult x;
    x.unit_id = u;
    x.category_id = c;
    x.total = total;
    x.rank = rank;
    r.units.push_back(x);
  };
  row("A", "C1", 90, 1);
  row("B", "C1", 80, 2);
  row("C", "C1", 60, 3);
  row("Z", "C2", 70, 1);  // alone in its category
  core::YearData d;
  d.inputs = {{"A", {{"budget", 100}}},
              {"B", {{"budget", 50}}},
              {"C", {{"budget", 60}}},
              {"Z", {{"budget", 10}}}};
  auto f = AnalyzeFairness(s, d, r);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->input_names, std::vector<std::string>{"budget"});
  ASSERT_EQ(f->units.size(), 4u);
  EXPECT_NEAR(*f->units[0].efficiency, 0.5625, 1e-6);
  EXPECT_NEAR(*f->units[1].efficiency, 1.0, 1e-6);
  EXPECT_NEAR(*f->units[2].efficiency, 0.625, 1e-6);
  EXPECT_EQ(f->units[0].efficiency_rank, 3);
  EXPECT_EQ(f->units[1].efficiency_rank, 1);
  EXPECT_EQ(f->units[0].benchmarks, std::vector<std::string>{"B"});
  EXPECT_FALSE(f->units[3].efficiency.has_value());
  ASSERT_EQ(f->notes.size(), 1u);
  EXPECT_NE(f->notes[0].find("C2"), std::string::npos);
}

TEST(Fairness, NoInputsGivesANoteNotAnError) {
  core::Scheme s;
  core::YearResult r;
  core::YearData d;
  auto f = AnalyzeFairness(s, d, r);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->input_names.empty());
  EXPECT_EQ(f->notes.size(), 1u);
}

}  // namespace
}  // namespace govperf::methods
