// 质量控制 per-response quality rules of a survey (docs/design/survey.md
// "Quality and anti-fraud"). Pure: the near-duplicate rule needs recent
// responses, which the use case keeps; here is only the fingerprint it compares.
//
// A rule hit does not refuse a response: it is stored `flagged` with the
// reasons, and the office's review queue accepts or rejects it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/survey/model.h"

namespace govperf::core::survey {

// Timing paradata as the phone reported it (milliseconds since the epoch;
// both 0 when the client sent none).
struct Paradata {
  int64_t started_at_ms = 0;
  int64_t submitted_at_ms = 0;
};

// The rules' hits, in a fixed order: "no_paradata" (no timing sent),
// "speeder" (submitted before it started, or faster than
// speeder_ms_per_question × answered questions), "straight_line" (at least
// straightline_min_answers scale answers, all the same value; don't-know
// answers are not values). Empty: clean.
std::vector<std::string> QualityReasons(const Survey& survey, const Answers& answers,
                                        const Paradata& paradata);

// The answers' fingerprint for the near-duplicate rule: 16 hex digits of a
// 64-bit FNV-1a hash over a canonical form (question id, kind of value,
// value; in id order). Equal answers give equal fingerprints; different
// ones collide with negligible probability among a survey's responses.
std::string AnswerFingerprint(const Answers& answers);

// "speeder,straight_line" — reasons as stored in survey_responses.reason.
std::string JoinReasons(const std::vector<std::string>& reasons);

}  // namespace govperf::core::survey
