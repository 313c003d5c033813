// Indicator health (指标体检): is each indicator doing its job of telling
// units apart, and is the scheme weighted towards results?
//
//  - saturation: share of the units assessed on an indicator that earned full
//    points. A saturated indicator (≥ 80 %) no longer discriminates.
//  - discrimination: standard deviation of the share of points earned across
//    units (0 = every unit the same).
//  - redundancy: the largest Pearson correlation of an indicator's shares with
//    another indicator's, over the units both assess (≥ 0.9 flagged).
//  - balance: per category, the share of points by indicator type
//    (outcome/output/process) and by orientation; the seed asks for result
//    orientation, so a category whose process share exceeds 30 % is warned.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace govperf::core {

inline constexpr double kSaturatedShare = 0.8;
inline constexpr double kWeakDiscrimination = 0.05;
inline constexpr double kRedundantCorrelation = 0.9;
inline constexpr double kProcessShareWarning = 0.3;
inline constexpr int kMinUnitsForCorrelation = 5;

struct IndicatorHealth {
  std::string indicator_id;
  int units = 0;                // units with a scored value
  double saturation = 0;        // share at full points
  double mean_share = 0;        // mean share of points earned
  double discrimination = 0;    // standard deviation of the share
  std::string most_correlated;  // indicator id, empty if none comparable
  double correlation = 0;       // with most_correlated
  bool saturated = false;
  bool weak_discrimination = false;
  bool redundant = false;
};

struct CategoryBalance {
  std::string category_id;
  std::map<std::string, double> by_type;         // "outcome" → share of points
  std::map<std::string, double> by_orientation;  // "result" → share of points (tags overlap)
  bool process_dominated = false;
};

struct HealthReport {
  std::vector<IndicatorHealth> indicators;  // leaves, scheme order
  std::vector<CategoryBalance> categories;
};

HealthReport AnalyzeHealth(const Scheme& scheme, const YearResult& result);

}  // namespace govperf::core
