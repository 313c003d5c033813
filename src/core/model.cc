#include "core/model.h"

#include "core/result.h"

namespace govperf::core {

const char* UnitKindName(UnitKind k) {
  switch (k) {
    case UnitKind::kDistrict:
      return "district";
    case UnitKind::kDepartment:
      return "department";
    case UnitKind::kStationed:
      return "stationed";
  }
  return "department";
}

std::optional<UnitKind> ParseUnitKind(const std::string& s) {
  if (s == "district") return UnitKind::kDistrict;
  if (s == "department") return UnitKind::kDepartment;
  if (s == "stationed") return UnitKind::kStationed;
  return std::nullopt;
}

const char* IndicatorTypeName(IndicatorType t) {
  switch (t) {
    case IndicatorType::kOutcome:
      return "outcome";
    case IndicatorType::kOutput:
      return "output";
    case IndicatorType::kProcess:
      return "process";
  }
  return "outcome";
}

std::optional<IndicatorType> ParseIndicatorType(const std::string& s) {
  if (s == "outcome") return IndicatorType::kOutcome;
  if (s == "output") return IndicatorType::kOutput;
  if (s == "process") return IndicatorType::kProcess;
  return std::nullopt;
}

const char* AdjustmentKindName(AdjustmentKind k) {
  switch (k) {
    case AdjustmentKind::kBonus:
      return "bonus";
    case AdjustmentKind::kDeduction:
      return "deduction";
    case AdjustmentKind::kVeto:
      return "veto";
  }
  return "bonus";
}

std::optional<AdjustmentKind> ParseAdjustmentKind(const std::string& s) {
  if (s == "bonus") return AdjustmentKind::kBonus;
  if (s == "deduction") return AdjustmentKind::kDeduction;
  if (s == "veto") return AdjustmentKind::kVeto;
  return std::nullopt;
}

const char* ScoreStatusName(ScoreStatus s) {
  switch (s) {
    case ScoreStatus::kScored:
      return "scored";
    case ScoreStatus::kMissing:
      return "missing";
    case ScoreStatus::kNoData:
      return "no_data";
  }
  return "scored";
}

}  // namespace govperf::core
