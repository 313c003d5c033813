// A submitted questionnaire checked against the survey (社会评价 answers), and
// the respondent's cells: pure rules, shared by the public submission path
// and any importer of paper questionnaires.
//
// Guarantees: ValidateAnswers either returns every answer in its stored form
// or the first problem in questionnaire order, as an InvalidArgument whose
// field is "answers.<question id>" (unknown question ids are named too), so a
// phone can point at the question to fix. Nothing is clamped or guessed.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/status.h"
#include "core/survey/model.h"

namespace govperf::core::survey {

// One submitted value before it is checked: the JSON the phone sent, reduced
// to what the rules need (the I/O layer makes these; core reads no JSON).
struct SubmittedValue {
  enum class Kind { kNull, kInteger, kString, kOther };
  Kind kind = Kind::kNull;
  int64_t integer = 0;
  std::string text;
};
using Submitted = std::map<std::string, SubmittedValue>;  // question id → value

// The answers as stored, or an InvalidArgument naming answers.<id>:
//  - scale: an integer scale_min..scale_max, or "dk" (不了解) when allowed;
//  - choice: one of the question's option ids;
//  - text: valid UTF-8 of at most max_length code points (an empty text is
//    no answer);
//  - null: no answer; a required question must be answered;
//  - an id that is not a question of the survey is refused.
Result<Answers> ValidateAnswers(const Survey& survey, const Submitted& submitted);

// Who the respondent counts as for weighting: the group and the raking cells
// (variable → level).
struct RespondentCells {
  std::string group_id;
  std::map<std::string, std::string> cells;
};

// From the invitation code (`code`, nullptr for the public link) and the
// choice answers that carry a `margin`. The code's group and fixed cells win:
// they come from the sampling frame, not from what the respondent ticked. On
// the public link a choice question with margin "group" whose answer is a
// group of the survey sets the group; otherwise the survey's public_group.
RespondentCells CellsOf(const Survey& survey, const Answers& answers, const InvitationCode* code);

// The number of Unicode code points of valid UTF-8 text.
size_t CodePoints(const std::string& utf8);

}  // namespace govperf::core::survey
