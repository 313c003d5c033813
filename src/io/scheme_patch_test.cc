#include "io/scheme_patch.h"

#include <gtest/gtest.h>

#include "core/evaluate.h"

namespace govperf::io {
namespace {

using nlohmann::json;

// Two categories; C1 has a completion-ratio leaf (with targets) and a
// rank-in-category leaf (without), C2 one completion-ratio leaf.
core::Scheme SmallScheme() {
  core::Scheme s;
  s.year = 2025;
  std::vector<core::GradeLevel> grades = {
      {"excellent", "优秀", "Excellent", 90, 0.3},
      {"good", "良好", "Good", 80, std::nullopt},
      {"qualified", "合格", "Qualified", 0, std::nullopt},
  };
  s.categories = {{"C1", "区县", "Districts", core::UnitKind::kDistrict, {}, grades},
                  {"C2", "部门", "Departments", core::UnitKind::kDepartment, {}, grades}};
  s.units = {{"D01", "东区", "East", "C1", "", core::UnitKind::kDistrict},
             {"D02", "西区", "West", "C1", "", core::UnitKind::kDistrict},
             {"B01", "发改委", "DRC", "C2", "", core::UnitKind::kDepartment}};
  auto node = [](std::string id, std::string parent, int level) {
    core::Indicator i;
    i.id = std::move(id);
    i.parent_id = std::move(parent);
    i.level = level;
    return i;
  };
  auto leaf = [&](std::string id, double points, std::string method, std::string category) {
    core::Indicator i = node(std::move(id), "1.1", 3);
    i.points = points;
    i.method = std::move(method);
    i.category_ids = {std::move(category)};
    return i;
  };
  s.indicators = {
      node("1", "", 1), node("1.1", "1", 2), leaf("1.1.1", 10, "completion_ratio", "C1"),
      leaf("1.1.2", 5, "rank_in_category", "C1"), leaf("1.1.3", 10, "completion_ratio", "C2")};
  s.targets = {{{"1.1.1", "D01"}, 10}, {{"1.1.1", "D02"}, 10}, {{"1.1.3", "B01"}, 100}};
  return s;
}

const core::Indicator& Ind(const core::Scheme& s, const std::string& id) {
  for (const auto& i : s.indicators) {
    if (i.id == id) return i;
  }
  throw std::runtime_error("no indicator " + id);
}

// The error message and the field it names.
std::pair<std::string, std::string> ErrorOf(const json& changes) {
  auto r = ApplySchemeChanges(SmallScheme(), changes);
  if (r.ok()) return {"", "(ok)"};
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  return {FieldOfMessage(r.status().message()), r.status().message()};
}

TEST(IoSchemePatch, EveryOpChangesExactlyWhatItSays) {
  const json changes = json::parse(R"([
    {"op": "weights", "category_id": "C1", "indicator": 0.6, "satisfaction": 0.3, "leadership": 0.1},
    {"op": "points", "indicator_id": "1.1.1", "points": 12.5},
    {"op": "method", "indicator_id": "1.1.2", "method": "tiers",
     "params": {"basis": 1, "tier1_min": 7, "tier1_share": 1, "below_share": 0.4}},
    {"op": "grade", "category_id": "C1", "code": "excellent", "min_score": 92, "max_share": null},
    {"op": "grade", "category_id": "C2", "code": "good", "max_share": 0.5},
    {"op": "caps", "category_id": "C2", "bonus_cap": 2}
  ])");
  auto r = ApplySchemeChanges(SmallScheme(), changes);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const core::Scheme& s = *r;
  EXPECT_TRUE(core::ValidateScheme(s).ok());
  EXPECT_DOUBLE_EQ(s.categories[0].weights.indicator, 0.6);
  EXPECT_DOUBLE_EQ(s.categories[0].weights.satisfaction, 0.3);
  EXPECT_DOUBLE_EQ(s.categories[0].weights.leadership, 0.1);
  EXPECT_DOUBLE_EQ(s.categories[1].weights.indicator, 0.7);  // untouched
  EXPECT_DOUBLE_EQ(Ind(s, "1.1.1").points, 12.5);
  EXPECT_EQ(Ind(s, "1.1.2").method, "tiers");
  EXPECT_EQ(Ind(s, "1.1.2").params,
            (std::map<std::string, double>{
                {"basis", 1}, {"below_share", 0.4}, {"tier1_min", 7}, {"tier1_share", 1}}));
  EXPECT_DOUBLE_EQ(s.categories[0].grades[0].min_score, 92);
  EXPECT_FALSE(s.categories[0].grades[0].max_share.has_value());  // null removes the quota
  EXPECT_EQ(s.categories[1].grades[0].max_share, 0.3);            // other category untouched
  EXPECT_EQ(s.categories[1].grades[1].max_share, 0.5);
  EXPECT_DOUBLE_EQ(s.categories[1].grades[1].min_score, 80);
  EXPECT_DOUBLE_EQ(s.categories[1].bonus_cap, 2);
  EXPECT_DOUBLE_EQ(s.categories[1].deduction_cap, 5);  // default, untouched
}

TEST(IoSchemePatch, ChangesApplyInOrderAndAMethodChangeReplacesItsParams) {
  core::Scheme base = SmallScheme();
  for (auto& i : base.indicators) {
    if (i.id == "1.1.1") i.params = {{"cap", 1.2}};
  }
  auto r = ApplySchemeChanges(base, json::parse(R"([
    {"op": "points", "indicator_id": "1.1.3", "points": 4},
    {"op": "points", "indicator_id": "1.1.3", "points": 6},
    {"op": "method", "indicator_id": "1.1.1", "method": "rank_in_category"}
  ])"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_DOUBLE_EQ(Ind(*r, "1.1.3").points, 6);
  EXPECT_EQ(Ind(*r, "1.1.1").method, "rank_in_category");
  EXPECT_TRUE(Ind(*r, "1.1.1").params.empty());
  // The input is a copy: the caller's scheme is untouched.
  EXPECT_DOUBLE_EQ(Ind(base, "1.1.3").points, 10);
  // No changes: the same scheme back.
  auto same = ApplySchemeChanges(base, json::array());
  ASSERT_TRUE(same.ok());
  EXPECT_DOUBLE_EQ(Ind(*same, "1.1.1").params.at("cap"), 1.2);
}

TEST(IoSchemePatch, EveryErrorNamesTheFieldOfTheChange) {
  struct Case {
    const char* changes;
    const char* field;
    const char* message;
  };
  const std::vector<Case> cases = {
      {R"({"op": "points"})", "changes", "changes: expected an array of changes"},
      {R"([42])", "changes[0]", "changes[0]: expected an object"},
      {R"([{"indicator_id": "1.1.1"}])", "changes[0].op", "changes[0].op: required"},
      {R"([{"op": "rename"}])", "changes[0].op",
       "changes[0].op: unknown op 'rename' (expected weights, points, method, grade or caps)"},
      {R"([{"op": "points", "indicator_id": "1.1.1", "points": 3}, {"op": "nope"}])",
       "changes[1].op", nullptr},
      {R"([{"op": "weights", "category_id": "C9", "indicator": 0.6, "satisfaction": 0.3,
            "leadership": 0.1}])",
       "changes[0].category_id", "changes[0].category_id: no category 'C9' in the scheme"},
      {R"([{"op": "weights", "category_id": "C1", "indicator": 1.6, "satisfaction": 0.3,
            "leadership": 0.1}])",
       "changes[0].indicator", "changes[0].indicator: must be within 0..1, got 1.6"},
      {R"([{"op": "weights", "category_id": "C1", "indicator": 0.6, "satisfaction": 0.3}])",
       "changes[0].leadership", "changes[0].leadership: required"},
      {R"([{"op": "weights", "category_id": "C1", "indicator": 0.7, "satisfaction": 0.3,
            "leadership": 0.1}])",
       "changes[0]",
       "changes[0]: the changed scheme is invalid: categories[0] (C1): weights must be "
       "non-negative and sum to 1 (sum 1.1)"},
      {R"([{"op": "points", "indicator_id": "9.9.9", "points": 3}])", "changes[0].indicator_id",
       "changes[0].indicator_id: no indicator '9.9.9' in the scheme"},
      {R"([{"op": "points", "indicator_id": "1.1", "points": 3}])", "changes[0].indicator_id",
       "changes[0].indicator_id: indicator '1.1' is not a leaf (it has children)"},
      {R"([{"op": "points", "indicator_id": "1.1.1", "points": "5"}])", "changes[0].points",
       "changes[0].points: expected a number"},
      {R"([{"op": "points", "indicator_id": "1.1.1", "points": 0}])", "changes[0].points",
       "changes[0].points: must be positive"},
      {R"([{"op": "points", "indicator_id": "1.1.1", "pionts": 5}])", "changes[0].pionts",
       "changes[0].pionts: unknown field for op 'points'"},
      {R"([{"op": "method", "indicator_id": "1.1.1", "method": "magic"}])", "changes[0].method",
       nullptr},
      {R"([{"op": "method", "indicator_id": "1.1.1", "method": "tiers", "params": {"tier9": 1}}])",
       "changes[0].params.tier9", "changes[0].params.tier9: method tiers has no parameter 'tier9'"},
      {R"([{"op": "method", "indicator_id": "1.1.1", "method": "tiers", "params": [1]}])",
       "changes[0].params", "changes[0].params: expected an object of numbers"},
      // completion_ratio needs a target per unit; 1.1.2's units have none.
      {R"([{"op": "method", "indicator_id": "1.1.2", "method": "completion_ratio"}])",
       "changes[0].method",
       "changes[0].method: the changed scheme is invalid: indicators[3] (1.1.2): method "
       "completion_ratio needs a target for unit D01"},
      {R"([{"op": "grade", "category_id": "C1", "code": "legendary", "min_score": 99}])",
       "changes[0].code", "changes[0].code: category C1 has no grade level 'legendary'"},
      {R"([{"op": "grade", "category_id": "C1", "code": "good", "max_share": 1.5}])",
       "changes[0].max_share", "changes[0].max_share: must be within 0..1, got 1.5"},
      {R"([{"op": "grade", "category_id": "C1", "code": "good"}])", "changes[0].min_score",
       "changes[0].min_score: required (or max_share): nothing to change"},
      // "good" above "excellent": the levels are no longer best first.
      {R"([{"op": "grade", "category_id": "C1", "code": "good", "min_score": 95}])",
       "changes[0].min_score",
       "changes[0].min_score: the changed scheme is invalid: categories[0] (C1).grades[1]: "
       "min_score must not exceed the previous level's"},
      {R"([{"op": "caps", "category_id": "C1", "bonus_cap": -1}])", "changes[0].bonus_cap",
       "changes[0].bonus_cap: must be within 0..∞, got -1"},
      {R"([{"op": "caps", "category_id": "C1"}])", "changes[0].bonus_cap",
       "changes[0].bonus_cap: required (or deduction_cap): nothing to change"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.changes);
    const auto [field, message] = ErrorOf(json::parse(c.changes));
    EXPECT_EQ(field, c.field) << message;
    if (c.message) {
      EXPECT_EQ(message, c.message);
    }
  }
}

TEST(IoSchemePatch, FieldOfMessage) {
  EXPECT_EQ(FieldOfMessage("changes[2].points: must be positive"), "changes[2].points");
  EXPECT_EQ(FieldOfMessage("indicators[7] (1.2.3): unknown parent_id '1.9'"), "indicators[7]");
  EXPECT_EQ(FieldOfMessage("categories[0] (C1).grades[1]: min_score must not exceed"),
            "categories[0].grades[1]");
  EXPECT_EQ(FieldOfMessage("targets (1.1.1, D09): unknown indicator or unit"), "targets");
  EXPECT_EQ(FieldOfMessage("no field here"), "");
  EXPECT_EQ(FieldOfMessage("a sentence with spaces: and a colon"), "");
}

}  // namespace
}  // namespace govperf::io
