// Rank and grade the units of one category (分类排名与评定等次).
//
// Rank: by unrounded total, descending; totals within kScoreEpsilon are equal
// and share the best rank (1, 2, 2, 4).
// Grade: units are visited in the tie-rule order — total desc, then indicator
// score desc, then satisfaction desc, then unit id asc — and each gets the
// first level (best first) whose min_score it reaches and whose quota
// (floor(max_share × category size)) still has room; a full quota pushes the
// unit down one level at a time. A veto caps the level (see VetoEffect). So at
// a quota boundary, equal totals are separated by the secondary keys: the
// outcome is deterministic and documented (docs/scoring.md).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace govperf::core {

inline constexpr double kScoreEpsilon = 1e-9;

struct GradeInput {
  std::string unit_id;
  double total = 0;
  double indicator_score = 0;
  double satisfaction = 0;
  bool vetoed = false;
  VetoEffect veto_effect = VetoEffect::kCapQualified;
};

struct GradeOutput {
  int rank = 0;
  std::string grade;  // GradeLevel::code
  std::vector<std::string> notes;
  std::vector<std::string> notes_zh;
};

// REQUIRES: levels non-empty, ordered best first. Outputs are in input order.
std::vector<GradeOutput> RankAndGrade(const std::vector<GradeInput>& units,
                                      const std::vector<GradeLevel>& levels);

}  // namespace govperf::core
