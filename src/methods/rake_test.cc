// Raking and its linearisation standard errors against R's survey package.
//
// Reference: survey package, tests/rakecheck.R with saved output
// tests/rakecheck.Rout.save (github.com/cran/survey):
//   dclus1  <- svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc)
//   pop.types   <- data.frame(stype=c("E","H","M"), Freq=c(4421,755,1018))
//   pop.schwide <- data.frame(sch.wide=c("No","Yes"), Freq=c(1072,5122))
//   dclus1r <- rake(dclus1, list(~stype,~sch.wide), list(pop.types, pop.schwide))
//   svymean(~api00, dclus1r)    mean 641.23  SE 23.704
//   svytotal(~enroll, dclus1r)  total 3647300 SE 400603   (5 significant digits;
//   the fully converged calibrate(..., calfun="raking") prints 3647280, SE 400603)
// apiclus1: src/methods/testdata/apiclus1_rake.csv (183 schools, 15 districts
// sampled from 757; pw = 33.846996307373). Sanity checks of the transcription
// against the unraked design: mean api00 644.17, total enroll 3404940.
#include "methods/rake.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace govperf::methods {
namespace {

constexpr double kPw = 33.846996307373;

struct School {
  std::string dnum, stype, schwide;
  double api00, enroll;
};

std::vector<School> LoadApiclus1() {
  std::ifstream f(std::string(GOVPERF_SOURCE_DIR) + "/src/methods/testdata/apiclus1_rake.csv");
  std::vector<School> out;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'd') continue;
    std::stringstream ss(line);
    School s;
    std::string api, enr;
    std::getline(ss, s.dnum, ',');
    std::getline(ss, s.stype, ',');
    std::getline(ss, s.schwide, ',');
    std::getline(ss, api, ',');
    std::getline(ss, enr, ',');
    s.api00 = std::stod(api);
    s.enroll = std::stod(enr);
    out.push_back(s);
  }
  return out;
}

const Margins kApiMargins = {{"stype", {{"E", 4421}, {"H", 755}, {"M", 1018}}},
                             {"sch.wide", {{"No", 1072}, {"Yes", 5122}}}};

std::vector<RakeUnit> Units(const std::vector<School>& schools, bool enroll) {
  std::vector<RakeUnit> units;
  for (const School& s : schools) {
    RakeUnit u;
    u.cells = {{"stype", s.stype}, {"sch.wide", s.schwide}};
    u.weight = kPw;
    u.y = enroll ? s.enroll : s.api00;
    u.cluster = s.dnum;
    units.push_back(u);
  }
  return units;
}

TEST(MethodsRakeTest, TranscribedApiclus1MatchesUnrakedDesign) {
  std::vector<School> s = LoadApiclus1();
  ASSERT_EQ(s.size(), 183u);
  double api = 0, enroll = 0;
  for (const School& x : s) api += x.api00, enroll += x.enroll * kPw;
  EXPECT_NEAR(api / 183, 644.17, 0.005);
  EXPECT_NEAR(enroll, 3404940, 0.5);
}

TEST(MethodsRakeTest, ReproducesRSurveyRakeOnApiclus1) {
  const std::vector<School> schools = LoadApiclus1();
  RakeOptions opt;
  opt.epsilon = 1e-10;
  opt.max_iter = 1000;
  opt.population_clusters = 757;
  Result<RakeResult> api = Rake(Units(schools, false), kApiMargins, opt);
  ASSERT_TRUE(api.ok()) << api.status().message();
  EXPECT_TRUE(api->converged);
  EXPECT_NEAR(api->mean, 641.23, 0.005);
  ASSERT_TRUE(api->se_mean.has_value());
  EXPECT_NEAR(*api->se_mean, 23.704, 0.0005);

  Result<RakeResult> enr = Rake(Units(schools, true), kApiMargins, opt);
  ASSERT_TRUE(enr.ok());
  EXPECT_NEAR(enr->total, 3647280, 0.5);
  EXPECT_NEAR(*enr->se_total, 400603, 0.5);

  // The raked weights hit every margin.
  std::map<std::string, double> sums;
  for (size_t i = 0; i < schools.size(); ++i) {
    sums["stype=" + schools[i].stype] += api->weights[i];
    sums["sch.wide=" + schools[i].schwide] += api->weights[i];
  }
  EXPECT_NEAR(sums["stype=E"], 4421, 1e-6);
  EXPECT_NEAR(sums["stype=H"], 755, 1e-6);
  EXPECT_NEAR(sums["sch.wide=No"], 1072, 1e-6);
}

TEST(MethodsRakeTest, WithoutClustersEachUnitIsItsOwnCluster) {
  // One variable: raking is post-stratification; the linearised SE of the
  // total is then the with-replacement post-stratified formula.
  std::vector<RakeUnit> units;
  const std::vector<std::pair<std::string, double>> data = {
      {"a", 1}, {"a", 3}, {"b", 10}, {"b", 14}, {"b", 12}};
  for (const auto& [lv, y] : data) units.push_back({{{"g", lv}}, 1.0, y, std::nullopt});
  Result<RakeResult> r = Rake(units, {{"g", {{"a", 20}, {"b", 30}}}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->converged);
  EXPECT_NEAR(r->weights[0], 10, 1e-12);
  EXPECT_NEAR(r->weights[2], 10, 1e-12);
  EXPECT_NEAR(r->total, 10 * (1 + 3) + 10 * (10 + 14 + 12), 1e-9);
  // Residuals from group means: a: -1, +1; b: -2, +2, 0; u = w e = 10 e;
  // n/(n-1) sum u^2 = 5/4 * 100 * (1 + 1 + 4 + 4) = 1250.
  EXPECT_NEAR(*r->se_total, std::sqrt(1250.0), 1e-9);
}

TEST(MethodsRakeTest, NotConvergedIsReportedNotAnError) {
  const std::vector<School> schools = LoadApiclus1();
  RakeOptions opt;
  opt.max_iter = 1;
  opt.epsilon = 1e-12;
  Result<RakeResult> r = Rake(Units(schools, false), kApiMargins, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->converged);
  EXPECT_EQ(r->iterations, 1);
}

TEST(MethodsRakeTest, RejectsInconsistentInput) {
  std::vector<RakeUnit> units = {{{{"g", "a"}}, 1.0, std::nullopt, std::nullopt},
                                 {{{"g", "b"}}, 1.0, std::nullopt, std::nullopt}};
  auto msg = [&](const std::vector<RakeUnit>& u, const Margins& m) {
    return Rake(u, m).status().message();
  };
  EXPECT_NE(
      msg(units, {{"g", {{"a", 1}}}}).find("units[1].cells.g is 'b', a level not in margins.g"),
      std::string::npos);
  EXPECT_NE(msg(units, {{"g", {{"a", 1}, {"b", 1}, {"c", 1}}}})
                .find("margins.g.c has a population total but no unit"),
            std::string::npos);
  EXPECT_NE(msg(units, {{"g", {{"a", 1}, {"b", 1}}}, {"h", {{"x", 2}}}})
                .find("units[0].cells has no level"),
            std::string::npos);
  std::vector<RakeUnit> two = units;
  two[0].cells["h"] = "x";
  two[1].cells["h"] = "x";
  EXPECT_NE(
      msg(two, {{"g", {{"a", 1}, {"b", 1}}}, {"h", {{"x", 5}}}}).find("margins totals mismatch"),
      std::string::npos);
  EXPECT_NE(
      msg(units, {{"g", {{"a", 0}, {"b", 1}}}}).find("margins.g.a must be a population total > 0"),
      std::string::npos);
  std::vector<RakeUnit> bad_w = units;
  bad_w[1].weight = 0;
  EXPECT_NE(msg(bad_w, {{"g", {{"a", 1}, {"b", 1}}}}).find("units[1].weight must be > 0"),
            std::string::npos);
  std::vector<RakeUnit> some_cluster = units;
  some_cluster[0].cluster = "c1";
  some_cluster[0].y = 1;
  some_cluster[1].y = 2;
  EXPECT_NE(msg(some_cluster, {{"g", {{"a", 1}, {"b", 1}}}})
                .find("cluster must be given for every unit or for none"),
            std::string::npos);
}

}  // namespace
}  // namespace govperf::methods
