// The domain model of one evaluation year: who is assessed (units in
// categories), with what (a three-level indicator tree with targets), and what
// was observed (data values, other subjects' scores, bonus/deduction/veto).
//
// Plain data only: no I/O, no JSON, no SQL. Ids are short stable strings
// (codes such as "D01" or "1.2.3") so that every layer, file format and URL can
// use them unchanged.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govperf::core {

// 评估对象的类别 kind of assessed unit.
enum class UnitKind {
  kDistrict,    // 区县 district / county government
  kDepartment,  // 市直单位 city department
  kStationed,   // 驻市单位 unit stationed by a higher authority
};
const char* UnitKindName(UnitKind k);  // "district" ...
std::optional<UnitKind> ParseUnitKind(const std::string& s);

// 指标方向: is a higher or a lower value better?
enum class Direction { kHigherBetter = 1, kLowerBetter = -1 };

// 指标类型: the seed asks schemes to favour results over process.
enum class IndicatorType { kOutcome, kOutput, kProcess };
const char* IndicatorTypeName(IndicatorType t);  // "outcome" ...
std::optional<IndicatorType> ParseIndicatorType(const std::string& s);

// 主体权重: weights of the assessing subjects in a category's composite (三位一体).
// They sum to 1.
struct ComponentWeights {
  double indicator = 0.7;     // 指标评估
  double satisfaction = 0.2;  // 社会满意度评价
  double leadership = 0.1;    // 领导评价
};

// One grade level (评估等次). A unit gets the first level (best first) whose
// min_score it reaches and whose quota still has room.
struct GradeLevel {
  std::string code;     // stable id, e.g. "excellent"
  std::string name_zh;  // 优秀
  std::string name_en;  // Excellent
  double min_score = 0;
  // Largest share of the category that may hold this level (e.g. 0.3 = 30 %);
  // the allowed count is floor(share × category size). nullopt = no quota.
  std::optional<double> max_share;
};

struct Category {
  std::string id;
  std::string name_zh;
  std::string name_en;
  UnitKind kind = UnitKind::kDepartment;
  ComponentWeights weights;
  std::vector<GradeLevel> grades;  // best first; the last should have min_score 0
  double bonus_cap = 3;            // 加分上限
  double deduction_cap = 5;        // 减分上限
};

struct Unit {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::string category_id;
  std::string parent_id;  // empty at the top of the hierarchy
  UnitKind kind = UnitKind::kDepartment;
};

// A node of the three-level indicator tree (一级/二级/三级指标). Only leaves
// (nodes without children) are scored; the points of inner nodes are the sum
// of their leaves and are kept for display.
struct Indicator {
  std::string id;         // e.g. "1.2.3"
  std::string parent_id;  // empty for level 1
  int level = 1;          // 1, 2 or 3
  std::string name_zh;
  std::string name_en;
  double points = 0;  // 分值 of a leaf
  Direction direction = Direction::kHigherBetter;
  std::string unit_of_measure;  // e.g. "%", "亿元", "人"
  std::string method;           // scoring method name, see scoring/registry.h
  std::string formula;          // method "formula": a muParser expression (docs/scoring.md)
  std::map<std::string, double> params;  // method parameters
  std::string lead_unit_id;              // 牵头考核单位 (a unit id), may be empty
  IndicatorType type = IndicatorType::kOutcome;
  std::vector<std::string> orientations;  // 价值导向 tags, e.g. "result", "citizen"
  // 累计值: monthly values accumulate towards the year-end value (a flow such
  // as revenue), rather than being a level to date (a rate, a ratio).
  bool cumulative = false;
  // Declared measurement error of reported values, as a relative standard
  // deviation (0.02 = values are known to about ±2 %); 0 = exact. Used for
  // score and rank intervals (methods/uncertainty.h).
  double measurement_error = 0;
  // Set with the scheme (指标设置), for those who report and verify the value:
  std::string content;         // 考核内容: what is assessed, in the office's words
  std::string criteria;        // 评分标准: how points are given, as the office states it
  std::string data_source;     // 数据来源, e.g. "市统计局月报"
  std::string frequency;       // 报送频次: monthly | quarterly | half_yearly | yearly, or empty
  std::string evidence_rules;  // 佐证材料要求
  // Which units are assessed on this indicator: all units of these categories
  // (共性指标 common indicator) ...
  std::vector<std::string> category_ids;
  // ... or, when non-empty, exactly these units (个性/职能指标 duty indicator).
  std::vector<std::string> unit_ids;
};

using UnitIndicatorKey = std::pair<std::string, std::string>;  // (indicator_id, unit_id)

// The yearly scheme (年度考核方案): versioned data, never code.
struct Scheme {
  int year = 0;
  std::vector<Category> categories;
  std::vector<Unit> units;
  std::vector<Indicator> indicators;
  std::map<UnitIndicatorKey, double> targets;  // 目标值 per (indicator, unit)
};

// One reported value. period is "YYYY" for the year-end value that is scored
// and "YYYY-MM" for monthly monitoring (cumulative year to date). A year's
// data may also carry the previous year's year-end values (period "YYYY-1"),
// which methods comparing with last year (水平+进位) read.
struct Datum {
  std::string indicator_id;
  std::string unit_id;
  std::string period;
  std::optional<double> value;  // nullopt with no_data=false: not reported
  bool no_data = false;         // declared "no data" (e.g. not applicable this year)
  std::string entered_by;       // username
  std::string approved_by;      // username of the verifying lead department, may be empty
  std::string note;
};

enum class AdjustmentKind {
  kBonus,      // 加分
  kDeduction,  // 减分
  kVeto,       // 一票否决
};
const char* AdjustmentKindName(AdjustmentKind k);
std::optional<AdjustmentKind> ParseAdjustmentKind(const std::string& s);

// 一票否决 effect on the grade.
enum class VetoEffect {
  kCapQualified,  // cannot be better than the second-to-last level (合格)
  kFixLowest,     // fixed at the last level (不合格)
};

struct Adjustment {
  std::string id;
  std::string unit_id;
  AdjustmentKind kind = AdjustmentKind::kBonus;
  double points = 0;  // positive for both bonus and deduction; ignored for veto
  VetoEffect veto_effect = VetoEffect::kCapQualified;
  std::string reason_zh;
  std::string reason_en;
  std::string evidence;
  std::string entered_by;
  std::string approved_by;
};

// Everything observed in one year, apart from the scheme.
struct YearData {
  std::vector<Datum> values;
  std::map<std::string, double> satisfaction;  // unit id → 0..100 (社会满意度)
  std::map<std::string, double> leadership;    // unit id → 0..100 (领导评价)
  // Standard error of each unit's satisfaction score from survey sampling
  // (抽样误差), on the same 0..100 scale; absent = not known.
  std::map<std::string, double> satisfaction_se;
  // 投入 resources of each unit (e.g. "budget" in 万元, "staff" in persons):
  // the inputs of the fairness view (DEA efficiency beside raw scores).
  std::map<std::string, std::map<std::string, double>> inputs;
  std::vector<Adjustment> adjustments;
};

}  // namespace govperf::core
