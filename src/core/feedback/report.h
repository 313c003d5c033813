// 绩效反馈 the feedback report of one unit for one year: what it scored, where
// it stands, where every point went and why, as plain data. Built by
// app/feedback (from the evaluated results, the scheme and the registry),
// rendered as JSON by the server, as a PDF by io/pdf. No I/O here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace govperf::core {

// Points of one first-level node of the scheme (一级指标, a "dimension") over
// the leaves that apply to the unit. Leaves declared no-data are outside the
// unit's base and count in neither sum.
struct FeedbackDimension {
  std::string id;
  std::string name_zh;
  std::string name_en;
  double earned = 0;
  double points = 0;  // full points
};

// One year of the trend (近三年走势).
struct FeedbackTrendYear {
  int year = 0;
  double total = 0;
  int rank = 0;
  int category_size = 0;
  std::string grade;  // GradeLevel::code
  std::string grade_zh;
  std::string grade_en;
  bool provisional = false;  // the year is not published yet
};

// 失分点: a leaf where the unit earned less than full points, with why.
struct FeedbackLostPoint {
  std::string indicator_id;
  std::string dimension_id;  // its first-level ancestor
  std::string name_zh;
  std::string name_en;
  std::string unit_of_measure;
  double points = 0;
  double earned = 0;
  double lost = 0;
  std::optional<double> target;
  std::optional<double> actual;
  std::string status;   // core::ScoreStatusName: scored | missing
  std::string rule;     // the trace's explanation (English)
  std::string rule_zh;  // the same in Chinese
};

// 加减分与一票否决 as applied after caps (deductions negative).
struct FeedbackAdjustment {
  std::string id;
  std::string kind;  // bonus | deduction | veto
  double points = 0;
  std::string reason_zh;
  std::string reason_en;
};

// An appeal (申诉) against the year's preliminary results and its outcome.
// The unit's appeals of 结果公示, in the order filed.
struct FeedbackAppeal {
  std::string id;
  std::string indicator_id;  // empty: about the whole result
  std::string claim;
  std::string outcome;     // the appeal's state: filed | answered | upheld | rejected
  std::string outcome_zh;  // 待答复 | 已答复 | 申诉成立 | 申诉不成立
  std::string decision;
  std::string decided_at;
};

// A public opinion or suggestion (意见建议) about the unit. Filled once
// opinions are collected; empty until then.
struct FeedbackOpinion {
  std::string id;
  std::string source;  // e.g. 社会评价, 领导点评
  std::string text;
  std::string indicator_id;
};

struct FeedbackReport {
  int year = 0;
  std::string stage;         // core::StageName of the year
  bool provisional = false;  // the year is not published: results may still move

  std::string unit_id;
  std::string unit_name_zh;
  std::string unit_name_en;
  std::string category_id;
  std::string category_name_zh;
  std::string category_name_en;

  double total = 0;  // unrounded composite (shown with FormatScore)
  int rank = 0;
  int category_size = 0;
  std::string grade;  // GradeLevel::code
  std::string grade_zh;
  std::string grade_en;
  double indicator_score = 0;
  double satisfaction = 0;
  double leadership = 0;
  double bonus = 0;
  double deduction = 0;
  bool vetoed = false;
  std::vector<std::string> grade_notes_zh;  // why the grade is not what the score alone gives
  std::vector<std::string> grade_notes_en;

  std::vector<FeedbackDimension> dimensions;    // scheme order
  std::vector<FeedbackTrendYear> trend;         // oldest first, this year last (at most 3)
  std::vector<FeedbackLostPoint> lost_points;   // most points lost first, then scheme order
  std::vector<FeedbackAdjustment> adjustments;  // as applied
  // Sections other work fills: appeals come with 结果公示 (publication and
  // appeals), opinions with the collection of 意见建议. Typed and present so
  // the JSON, the page and the PDF already have their place.
  std::vector<FeedbackAppeal> appeals;
  std::vector<FeedbackOpinion> opinions;
};

// A score as every rendering of the report shows it: two decimals ("87.35").
std::string FormatScore(double v);

}  // namespace govperf::core
