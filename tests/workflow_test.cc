// Checks the stage table (core/workflow) against the data files in
// tests/workflow/: transitions with their roles, and the full matrix of
// (stage × write kind × role). Both directions are checked, so the file is the
// specification a reviewer reads and the table cannot drift from it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/roles.h"
#include "core/workflow/stage.h"

namespace govperf {
namespace {

namespace fs = std::filesystem;
using core::Role;
using core::Stage;
using core::YearWrite;
using nlohmann::json;

const std::vector<Role> kUserRoles = {Role::kAdmin, Role::kLeader, Role::kLead,
                                      Role::kUnit,  Role::kExpert, Role::kAnonymous};
const std::vector<YearWrite> kWrites = {
    YearWrite::kScheme, YearWrite::kValues, YearWrite::kScores, YearWrite::kAdjustments,
    YearWrite::kInputs, YearWrite::kTargets, YearWrite::kReview, YearWrite::kSchemeVersions,
    YearWrite::kChangeRequests, YearWrite::kDuties, YearWrite::kReports, YearWrite::kAppeals,
    YearWrite::kPublication,
    // 年终考核 year-end assessment
    YearWrite::kSelfEvaluation, YearWrite::kLeadScoring, YearWrite::kSpotChecks, YearWrite::kClaims,
    YearWrite::kRatingSetup, YearWrite::kRatings, YearWrite::kRectification, YearWrite::kBulletins,
    // 社会评价 surveys and 意见建议 opinions
    YearWrite::kSurveys, YearWrite::kOpinions};

std::vector<fs::path> Files() {
  std::vector<fs::path> out;
  for (const auto& e :
       fs::directory_iterator(fs::path(GOVPERF_SOURCE_DIR) / "tests" / "workflow")) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

json Read(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream s;
  s << f.rdbuf();
  return json::parse(s.str());
}

Stage StageOf(const json& j) {
  auto s = core::ParseStage(j.get<std::string>());
  EXPECT_TRUE(s.has_value()) << "unknown stage " << j;
  return s.value_or(Stage::kDraft);
}

std::set<Role> RolesOf(const json& j) {
  std::set<Role> out;
  for (const auto& r : j) {
    auto role = core::ParseRole(r.get<std::string>());
    EXPECT_TRUE(role.has_value()) << "unknown role " << r;
    if (role) out.insert(*role);
  }
  return out;
}

TEST(Workflow, HasDataFiles) { ASSERT_FALSE(Files().empty()); }

TEST(Workflow, TransitionsMatchDataFiles) {
  for (const fs::path& file : Files()) {
    SCOPED_TRACE(file.string());
    const json spec = Read(file);
    std::set<std::pair<Stage, Stage>> listed;
    for (const json& t : spec.at("transitions")) {
      const Stage from = StageOf(t.at("from"));
      const Stage to = StageOf(t.at("to"));
      listed.insert({from, to});
      const core::Transition* found = core::FindTransition(from, to);
      ASSERT_NE(found, nullptr) << t.dump();
      EXPECT_EQ(found->needs_scheme, t.at("needs_scheme").get<bool>()) << t.dump();
      const std::set<Role> roles = RolesOf(t.at("roles"));
      for (Role r : kUserRoles) {
        EXPECT_EQ(core::MayTransition(from, to, r), roles.count(r) == 1)
            << t.dump() << " role " << core::RoleName(r);
      }
      EXPECT_TRUE(core::MayTransition(from, to, Role::kSystem));
    }
    // Nothing in the table beyond the file, and no move between unlisted stages.
    for (const core::Transition& t : core::Transitions()) {
      EXPECT_EQ(listed.count({t.from, t.to}), 1u)
          << core::StageName(t.from) << " → " << core::StageName(t.to) << " is not in the file";
    }
    for (Stage a : core::AllStages()) {
      for (Stage b : core::AllStages()) {
        if (!listed.count({a, b})) {
          EXPECT_FALSE(core::MayTransition(a, b, Role::kAdmin));
          EXPECT_FALSE(core::MayTransition(a, b, Role::kSystem));
        }
      }
    }
  }
}

TEST(Workflow, WritesMatchDataFiles) {
  for (const fs::path& file : Files()) {
    SCOPED_TRACE(file.string());
    const json spec = Read(file);
    ASSERT_EQ(spec.at("writes").size(), core::AllStages().size()) << "every stage must be listed";
    for (auto& [stage_name, writes] : spec.at("writes").items()) {
      const Stage stage = StageOf(json(stage_name));
      ASSERT_EQ(writes.size(), kWrites.size()) << stage_name << ": every write kind must be listed";
      for (auto& [write_name, roles_json] : writes.items()) {
        auto w = core::ParseYearWrite(write_name);
        ASSERT_TRUE(w.has_value()) << write_name;
        const std::set<Role> roles = RolesOf(roles_json);
        for (Role r : kUserRoles) {
          EXPECT_EQ(core::StageAllows(stage, *w, r), roles.count(r) == 1)
              << stage_name << " / " << write_name << " / " << core::RoleName(r);
        }
        // The program writes in every stage but published, where only
        // rectification (整改) and opinions (意见建议) — not scoring data — are open.
        EXPECT_EQ(core::StageAllows(stage, *w, Role::kSystem),
                  stage != Stage::kPublished || *w == YearWrite::kRectification ||
                      *w == YearWrite::kOpinions);
      }
    }
  }
}

TEST(Workflow, NamesRoundTrip) {
  for (Stage s : core::AllStages()) EXPECT_EQ(core::ParseStage(core::StageName(s)), s);
  for (YearWrite w : kWrites) EXPECT_EQ(core::ParseYearWrite(core::YearWriteName(w)), w);
  for (Role r : kUserRoles) EXPECT_EQ(core::ParseRole(core::RoleName(r)), r);
  EXPECT_FALSE(core::ParseStage("in_progress").has_value());
  EXPECT_FALSE(core::ParseRole("Admin").has_value());
}

}  // namespace
}  // namespace govperf
