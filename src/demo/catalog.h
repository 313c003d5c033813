// The fixed shape of the demo city 云岭市 (Yunling City, fictional): its
// categories, units and indicator tree as static tables. Numbers that vary by
// seed (strengths, values, adjustments) are drawn in demo.cc; everything here
// is the same for every seed, so the scheme's structure is stable.
#pragma once

#include <string>
#include <vector>

namespace govperf::demo {

struct CategorySpec {
  const char* id;
  const char* name_zh;
  const char* name_en;
  const char* kind;  // core::UnitKind name
  double w_indicator, w_satisfaction, w_leadership;
  double strength_bias;  // shifts the category's units up: some quotas must bind
};

// How a leaf's target scales between units.
enum class Scaling { kNone, kSize, kTourism };

// One leaf indicator's template. Targets are for the base year (two years
// before the current one) and grow by `growth` a year.
struct LeafSpec {
  std::string id;
  std::string parent;
  std::string name_zh;
  std::string name_en;
  double points;
  int direction;  // 1 higher is better, -1 lower
  std::string uom;
  std::string type;  // outcome | output | process
  std::vector<std::string> orientations;
  std::string lead;  // lead unit id
  int method;        // 0 completion_ratio, 1 rank step, 2 rank linear
  double base;       // target of a scale-1 unit in the base year
  Scaling scaling;
  bool cumulative;  // monthly values accumulate over the year (flows)
  int decimals;
  bool at_most_100;  // a percentage or score that cannot exceed 100
  double growth;     // yearly growth of the target
  bool early_final;  // the current year already has its year-end value
};

struct UnitSpec {
  const char* id;
  const char* name_zh;
  const char* name_en;
  const char* category;
  double scale;    // size relative to a mid-size district (districts only)
  double tourism;  // tourism weight (districts only)
  // Its own duty leaf (departments and stationed units): the leaf's id,
  // parent and scope are filled in by the scheme builder.
  LeafSpec duty;
};

// An inner node of the tree (level 1 or 2).
struct GroupSpec {
  const char* id;
  const char* parent;
  const char* name_zh;
  const char* name_en;
  double points;  // per assessed unit, for display
  std::vector<std::string> categories;
};

const std::vector<CategorySpec>& Categories();
const std::vector<UnitSpec>& Units();
const std::vector<GroupSpec>& Groups();
// Shared leaves (district scheme, departments' common and generic duty leaves),
// each with the categories it applies to.
struct SharedLeaf {
  LeafSpec leaf;
  std::vector<std::string> categories;
};
const std::vector<SharedLeaf>& SharedLeaves();
// The level-2 group that holds the duty leaves of a category's units.
const char* DutyGroupOf(const std::string& category_id);

inline constexpr const char* kCityZh = "云岭市";
inline constexpr const char* kCityEn = "Yunling City";

}  // namespace govperf::demo
