// 问卷设计检查 whether a survey definition is coherent as a whole, before it
// opens: ids well formed and unique, group weights, the scale → points
// mapping, which unit every question is about, margins and quotas against
// the groups and the choice questions that set the raking variables.
//
// Guarantees: pure; the first problem found is returned as InvalidArgument
// naming the field by its JSON path ("questions[2].unit_from",
// "groups[1].weight", "scale_points.3", "margins.citizen.district.D09") with
// an English and a Chinese message. Rules are checked in the order of the
// definition, so the named field is the first bad one a reader meets.
#pragma once

#include <set>
#include <string>

#include "core/status.h"
#include "core/survey/model.h"

namespace govperf::core::survey {

// Limits of one questionnaire (a phone page must stay answerable).
inline constexpr int kMaxQuestions = 200;
inline constexpr int kMaxOptions = 100;
inline constexpr int kMaxTextLength = 5000;
inline constexpr int kMinScalePoints = 2, kMaxScalePoints = 11;

// `unit_ids`: the units of the survey's year (a fixed unit_id, and the option
// ids of a unit_from source question, must be among them).
Status CheckSurvey(const Survey& survey, const std::set<std::string>& unit_ids);

// The id rules, shared with the use cases: group ids [a-z0-9_]{1,32};
// question and option ids [A-Za-z0-9_-]{1,32}.
bool ValidGroupId(const std::string& id);
bool ValidQuestionId(const std::string& id);

}  // namespace govperf::core::survey
