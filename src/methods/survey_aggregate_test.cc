// Survey aggregation on hand-worked cases: exact weighted means, raking to
// the margins, group combination, bootstrap SE against sd/√n, determinism
// whatever the thread count, warnings, invariances and refusals.
#include "methods/survey_aggregate.h"

#include <gtest/gtest.h>

#include <cmath>

namespace govperf::methods {
namespace {

AggregateRespondent Resp(int group, std::vector<std::string> cells,
                         std::vector<UnitAnswer> answers) {
  AggregateRespondent r;
  r.group = group;
  r.cells = std::move(cells);
  r.answers = std::move(answers);
  return r;
}
UnitAnswer Pts(int unit, double p) { return {unit, p, 0}; }
UnitAnswer Dk(int unit) { return {unit, std::nullopt, 1}; }

bool Has(const std::vector<std::string>& ws, const std::string& w) {
  return std::find(ws.begin(), ws.end(), w) != ws.end();
}

AggregateOptions Opts(int replicates = 200) {
  AggregateOptions o;
  o.replicates = replicates;
  o.seed = 42;
  o.min_sample = 3;
  return o;
}

TEST(SurveyAggregate, UnrakedWeightedMeanDontKnowAndNoAnswers) {
  AggregateInput in;
  in.groups = {{"citizens", 1, {}}};
  in.units = {"D01", "D02", "D03"};
  in.respondents = {Resp(0, {}, {Pts(0, 100), Pts(1, 60)}), Resp(0, {}, {Pts(0, 80), Dk(1)}),
                    Resp(0, {}, {Pts(0, 60)})};
  auto r = AggregateSurvey(in, Opts());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->units.size(), 3u);
  EXPECT_DOUBLE_EQ(*r->units[0].score, 80);
  EXPECT_EQ(r->units[0].n, 3);
  EXPECT_TRUE(r->units[0].warnings.empty());
  EXPECT_DOUBLE_EQ(*r->units[1].score, 60);
  EXPECT_EQ(r->units[1].n, 1);
  EXPECT_EQ(r->units[1].n_dont_know, 1);
  EXPECT_TRUE(Has(r->units[1].warnings, "small_sample"));
  EXPECT_DOUBLE_EQ(*r->units[1].se, 0);  // one answer: every replicate is 60
  EXPECT_FALSE(r->units[2].score.has_value());
  EXPECT_TRUE(Has(r->units[2].warnings, "no_answers"));
  ASSERT_EQ(r->cells.size(), 2u);  // D03 has no cell at all
  EXPECT_EQ(r->cells[1].unit, 1);
  // The interval of unit 0 stays within the observed points.
  EXPECT_GE(*r->units[0].ci_low, 60);
  EXPECT_LE(*r->units[0].ci_high, 100);
  EXPECT_LT(*r->units[0].ci_low, 80);
  EXPECT_GT(*r->units[0].ci_high, 80);
}

TEST(SurveyAggregate, RakingReproducesMarginsAndWeightsTheMean) {
  // sex f 40, m 60 in the population; the sample has 3 f (all 0 points) and
  // 2 m (all 100): raked, each m weighs 30 and each f 13.33, so the score is
  // 60 (the unweighted mean would be 40).
  AggregateInput in;
  in.groups = {{"citizens", 1, {{"sex", {{"f", 40}, {"m", 60}}}}}};
  in.units = {"U"};
  in.variables = {"sex"};
  for (int i = 0; i < 3; ++i) in.respondents.push_back(Resp(0, {"f"}, {Pts(0, 0)}));
  for (int i = 0; i < 2; ++i) in.respondents.push_back(Resp(0, {"m"}, {Pts(0, 100)}));
  auto r = AggregateSurvey(in, Opts());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->groups[0].raked);
  EXPECT_TRUE(r->groups[0].converged);
  EXPECT_NEAR(r->weights[0], 40.0 / 3, 1e-9);
  EXPECT_NEAR(r->weights[4], 30, 1e-9);
  EXPECT_NEAR(*r->units[0].score, 60, 1e-9);
}

TEST(SurveyAggregate, TwoVariablesRakeToBothMargins) {
  AggregateInput in;
  in.groups = {{"g", 1, {{"age", {{"young", 30}, {"old", 70}}}, {"sex", {{"f", 50}, {"m", 50}}}}}};
  in.units = {"U"};
  in.variables = {"sex", "age"};  // any order: matched by name
  const std::vector<std::pair<std::string, std::string>> people = {
      {"f", "young"}, {"f", "young"}, {"f", "old"}, {"m", "young"},
      {"m", "old"},   {"m", "old"},   {"m", "old"}};
  for (const auto& [s, a] : people) in.respondents.push_back(Resp(0, {s, a}, {Pts(0, 50)}));
  auto r = AggregateSurvey(in, Opts());
  ASSERT_TRUE(r.ok()) << r.status().message();
  double f = 0, young = 0;
  for (size_t i = 0; i < people.size(); ++i) {
    if (people[i].first == "f") f += r->weights[i];
    if (people[i].second == "young") young += r->weights[i];
  }
  EXPECT_NEAR(f, 50, 1e-3);
  EXPECT_NEAR(young, 30, 1e-3);
  EXPECT_DOUBLE_EQ(*r->units[0].score, 50);
}

TEST(SurveyAggregate, MissingCellKeepsMeanWeightEmptyLevelDropped) {
  AggregateInput in;
  in.groups = {{"g", 1, {{"district", {{"A", 50}, {"B", 30}, {"C", 20}}}}}};
  in.units = {"U"};
  in.variables = {"district"};
  in.respondents = {Resp(0, {"A"}, {Pts(0, 100)}), Resp(0, {"A"}, {Pts(0, 100)}),
                    Resp(0, {"B"}, {Pts(0, 0)}), Resp(0, {""}, {Pts(0, 40)}),
                    Resp(0, {"Z"}, {Pts(0, 40)})};
  auto r = AggregateSurvey(in, Opts());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const AggregateGroupRake& g = r->groups[0];
  EXPECT_TRUE(g.raked);
  EXPECT_EQ(g.unraked_cells, 2);  // "" and a level not in the margins
  ASSERT_EQ(g.empty_levels.size(), 1u);
  EXPECT_EQ(g.empty_levels[0], "district.C");
  // C dropped, A and B rescaled to 100: A 62.5 (31.25 each), B 37.5.
  EXPECT_NEAR(r->weights[0], 31.25, 1e-9);
  EXPECT_NEAR(r->weights[2], 37.5, 1e-9);
  // The unraked keep the mean raked weight: 100 / 3.
  EXPECT_NEAR(r->weights[3], 100.0 / 3, 1e-9);
  EXPECT_NEAR(r->weights[4], 100.0 / 3, 1e-9);
  const double expect = (62.5 * 100 + 37.5 * 0 + 2 * (100.0 / 3) * 40) / (100 + 200.0 / 3);
  EXPECT_NEAR(*r->units[0].score, expect, 1e-9);
}

TEST(SurveyAggregate, GroupsCombinedWithRenormalisedWeights) {
  AggregateInput in;
  in.groups = {{"citizens", 0.5, {}}, {"firms", 0.25, {}}, {"deputies", 0.25, {}}};
  in.units = {"U1", "U2"};
  in.respondents = {Resp(0, {}, {Pts(0, 80), Pts(1, 100)}), Resp(1, {}, {Pts(0, 40)}),
                    Resp(1, {}, {Pts(0, 40)})};
  auto r = AggregateSurvey(in, Opts());
  ASSERT_TRUE(r.ok()) << r.status().message();
  // U1: citizens 80 (0.5), firms 40 (0.25), no deputies → (40 + 10) / 0.75.
  EXPECT_NEAR(*r->units[0].score, 200.0 / 3, 1e-12);
  EXPECT_EQ(r->units[0].n, 3);
  // U2: citizens only.
  EXPECT_DOUBLE_EQ(*r->units[1].score, 100);
  ASSERT_EQ(r->cells.size(), 3u);
  EXPECT_EQ(r->cells[0].group, 0);
  EXPECT_EQ(r->cells[1].group, 1);
  EXPECT_DOUBLE_EQ(*r->cells[1].estimate.score, 40);
}

// n = 2000 equally weighted answers, half 0 and half 100: sd 50, so the
// bootstrap SE of the mean is about 50 / √2000 = 1.118 and the 95 % interval
// about ±1.96 SE.
TEST(SurveyAggregate, BootstrapSeMatchesSdOverRootN) {
  AggregateInput in;
  in.groups = {{"g", 1, {}}};
  in.units = {"U"};
  for (int i = 0; i < 2000; ++i) in.respondents.push_back(Resp(0, {}, {Pts(0, i % 2 ? 100 : 0)}));
  auto r = AggregateSurvey(in, Opts(1000));
  ASSERT_TRUE(r.ok());
  const double se = 50.0 * std::sqrt(2000.0 / 1999) / std::sqrt(2000.0);
  EXPECT_NEAR(*r->units[0].se, se, 0.08 * se);
  EXPECT_NEAR(*r->units[0].ci_low, 50 - 1.96 * se, 0.3);
  EXPECT_NEAR(*r->units[0].ci_high, 50 + 1.96 * se, 0.3);
}

// A unit's replicates combine its groups': with independent cells its SE is
// about √Σ (W_g/ΣW)² SE_g².
TEST(SurveyAggregate, UnitSeCombinesGroups) {
  AggregateInput in;
  in.groups = {{"a", 3, {}}, {"b", 1, {}}};
  in.units = {"U"};
  for (int i = 0; i < 400; ++i) in.respondents.push_back(Resp(0, {}, {Pts(0, i % 2 ? 100 : 60)}));
  for (int i = 0; i < 100; ++i) in.respondents.push_back(Resp(1, {}, {Pts(0, i % 2 ? 80 : 0)}));
  auto r = AggregateSurvey(in, Opts(2000));
  ASSERT_TRUE(r.ok());
  const double sa = *r->cells[0].estimate.se, sb = *r->cells[1].estimate.se;
  EXPECT_NEAR(sa, 20.0 / std::sqrt(400.0), 0.1 * 20.0 / std::sqrt(400.0));
  EXPECT_NEAR(sb, 40.0 / std::sqrt(100.0), 0.1 * 40.0 / std::sqrt(100.0));
  const double expect = std::sqrt(0.75 * 0.75 * sa * sa + 0.25 * 0.25 * sb * sb);
  EXPECT_NEAR(*r->units[0].se, expect, 0.1 * expect);
  EXPECT_DOUBLE_EQ(*r->units[0].score, 0.75 * 80 + 0.25 * 40);
}

TEST(SurveyAggregate, DeterministicWhateverTheThreadCount) {
  AggregateInput in;
  in.groups = {{"a", 1, {{"sex", {{"f", 1}, {"m", 1}}}}}, {"b", 2, {}}};
  in.units = {"U1", "U2", "U3"};
  in.variables = {"sex"};
  for (int i = 0; i < 300; ++i) {
    in.respondents.push_back(Resp(i % 2, {i % 3 ? "f" : "m"},
                                  {Pts(i % 3, (i * 37) % 101), Pts((i + 1) % 3, (i * 11) % 101)}));
  }
  AggregateOptions one = Opts(), two = Opts(), other = Opts();
  one.threads = 1;
  two.threads = 2;
  other.seed = 43;
  auto a = AggregateSurvey(in, one), b = AggregateSurvey(in, two), c = AggregateSurvey(in, other);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  bool differs = false;
  for (size_t u = 0; u < 3; ++u) {
    EXPECT_EQ(*a->units[u].se, *b->units[u].se);
    EXPECT_EQ(*a->units[u].ci_low, *b->units[u].ci_low);
    EXPECT_EQ(*a->units[u].ci_high, *b->units[u].ci_high);
    EXPECT_EQ(*a->units[u].score, *c->units[u].score);  // the seed moves only the intervals
    differs = differs || *a->units[u].se != *c->units[u].se;
  }
  EXPECT_TRUE(differs);
}

TEST(SurveyAggregate, Invariances) {
  AggregateInput in;
  in.groups = {{"a", 2, {{"sex", {{"f", 40}, {"m", 60}}}}}, {"b", 1, {}}};
  in.units = {"U1", "U2"};
  in.variables = {"sex"};
  for (int i = 0; i < 60; ++i) {
    in.respondents.push_back(
        Resp(i % 3 == 0 ? 1 : 0, {i % 4 ? "f" : "m"}, {Pts(i % 2, (i * 13) % 101)}));
  }
  auto base = AggregateSurvey(in, Opts());
  ASSERT_TRUE(base.ok());
  // Group weights scaled, margins scaled, respondents reversed: the same scores.
  AggregateInput scaled = in;
  for (auto& g : scaled.groups) g.weight *= 7;
  for (auto& [var, lv] : scaled.groups[0].margins)
    for (auto& [l, t] : lv) t *= 1000;
  AggregateInput reversed = in;
  std::reverse(reversed.respondents.begin(), reversed.respondents.end());
  auto s = AggregateSurvey(scaled, Opts()), rv = AggregateSurvey(reversed, Opts());
  ASSERT_TRUE(s.ok() && rv.ok());
  for (size_t u = 0; u < 2; ++u) {
    EXPECT_NEAR(*s->units[u].score, *base->units[u].score, 1e-9);
    EXPECT_NEAR(*rv->units[u].score, *base->units[u].score, 1e-9);
    EXPECT_NEAR(*s->units[u].se, *base->units[u].se, 1e-9);  // same draws, same weights up to scale
  }
  // Adding a constant to every point moves scores and intervals by it.
  AggregateInput shifted = in;
  for (auto& r : shifted.respondents)
    for (auto& a : r.answers) *a.points = *a.points * 0.5 + 10;
  auto sh = AggregateSurvey(shifted, Opts());
  ASSERT_TRUE(sh.ok());
  for (size_t u = 0; u < 2; ++u) {
    EXPECT_NEAR(*sh->units[u].score, *base->units[u].score * 0.5 + 10, 1e-9);
    EXPECT_NEAR(*sh->units[u].se, *base->units[u].se * 0.5, 1e-9);
    EXPECT_NEAR(*sh->units[u].ci_low, *base->units[u].ci_low * 0.5 + 10, 1e-9);
  }
}

TEST(SurveyAggregate, RakeNotConvergedIsWarned) {
  AggregateInput in;
  in.groups = {{"g", 1, {{"age", {{"young", 30}, {"old", 70}}}, {"sex", {{"f", 50}, {"m", 50}}}}}};
  in.units = {"U"};
  in.variables = {"sex", "age"};
  const std::vector<std::pair<std::string, std::string>> people = {
      {"f", "young"}, {"f", "young"}, {"f", "young"}, {"f", "old"}, {"m", "old"}};
  for (const auto& [s, a] : people) in.respondents.push_back(Resp(0, {s, a}, {Pts(0, 50)}));
  AggregateOptions o = Opts();
  o.rake.max_iter = 1;
  auto r = AggregateSurvey(in, o);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->groups[0].converged);
  EXPECT_TRUE(Has(r->cells[0].estimate.warnings, "rake_not_converged"));
  EXPECT_TRUE(Has(r->units[0].warnings, "rake_not_converged"));
}

TEST(SurveyAggregate, RefusalsNameTheField) {
  AggregateInput in;
  in.groups = {{"g", 1, {}}};
  in.units = {"U"};
  in.respondents = {Resp(0, {}, {Pts(0, 50)}), Resp(3, {}, {Pts(0, 50)})};
  auto r = AggregateSurvey(in, Opts());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "respondents[1].group");
  in.respondents[1].group = 0;
  in.respondents[1].answers[0].unit = 5;
  EXPECT_EQ(AggregateSurvey(in, Opts()).status().field(), "respondents[1].answers");
  in.respondents[1].answers[0].unit = 0;
  in.groups[0].weight = 0;
  EXPECT_EQ(AggregateSurvey(in, Opts()).status().field(), "groups[0].weight");
  in.groups[0].weight = 1;
  AggregateOptions o = Opts();
  o.replicates = 5;
  EXPECT_EQ(AggregateSurvey(in, o).status().field(), "replicates");
}

}  // namespace
}  // namespace govperf::methods
