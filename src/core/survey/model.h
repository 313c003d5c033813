// 社会评价 public satisfaction survey: the plain data every layer shares.
//
// A survey belongs to a year and is answered by respondents of several groups
// (群众 citizens, 企业 enterprises, 人大代表和政协委员 deputies, 服务对象 service
// recipients …), each with a weight in the unit's satisfaction score. Its
// questions are 5-point (any min..max) scales that rate a unit, choice
// questions (who the respondent is: district, age group, sex — the raking
// variables), and free-text opinions (意见建议). A scale question rates a fixed
// unit (`unit_id`) or the unit the respondent chose in a choice question whose
// option ids are unit ids (`unit_from`, e.g. "which district do you live in").
//
// Respondents come with a one-time invitation code (SMS / letter campaign;
// the code carries the group and possibly fixed cells such as the district),
// or through the public link with a per-device token (the public group).
// Every response is kept with a status and a reason, never dropped.
//
// Pure types; rules live next to them (validate.h, quality.h, aggregate.h,
// opinions.h) and the design is in docs/design/survey.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govperf::core::survey {

enum class SurveyStatus { kDraft, kOpen, kClosed };
// "draft" | "open" | "closed"
const char* SurveyStatusName(SurveyStatus s);
std::optional<SurveyStatus> ParseSurveyStatus(const std::string& s);

enum class QuestionKind { kScale, kText, kChoice };
// "scale" | "text" | "choice"
const char* QuestionKindName(QuestionKind k);
std::optional<QuestionKind> ParseQuestionKind(const std::string& s);

struct Option {
  std::string id;  // [A-Za-z0-9_-]{1,32}; a unit id when the question is a unit_from source
  std::string label_zh, label_en;
};

struct Question {
  std::string id;  // [A-Za-z0-9_-]{1,32}, unique in the survey
  QuestionKind kind = QuestionKind::kScale;
  std::string text_zh, text_en;
  bool required = false;
  // scale: integer answers scale_min..scale_max (5-point: 1..5, 5 = 很满意);
  // with allow_dont_know the string "dk" (不了解) is also accepted and kept
  // apart: it counts neither as satisfied nor as dissatisfied.
  int scale_min = 1, scale_max = 5;
  bool allow_dont_know = false;
  // choice: one option id.
  std::vector<Option> options;
  // scale / text: which unit the answer is about (at most one of the two).
  std::string unit_id;    // a fixed unit of the year
  std::string unit_from;  // id of a choice question whose option ids are unit ids
  // choice: the raking variable this answer sets for the respondent
  // ("district", "age", "sex", …); "group" sets the respondent group.
  std::string margin;
  // text: the longest answer accepted, in characters (Unicode code points).
  int max_length = 500;
};

// 调查对象 a respondent group and its weight in a unit's score.
struct Group {
  std::string id;  // [a-z0-9_]{1,32}
  std::string name_zh, name_en;
  double weight = 0;  // > 0; a unit's score renormalises over the groups it has answers from
};

// 配额 a fieldwork quota: how many accepted responses are wanted for one
// level of a variable within a group (e.g. citizens, district D03: 300).
struct Quota {
  std::string group_id;
  std::string variable, level;
  int target = 0;
};

// Population totals for raking, per group: variable → level → total.
using Margins = std::map<std::string, std::map<std::string, double>>;

struct Survey {
  std::string id;  // [A-Za-z0-9_-]{1,40}, e.g. "2026-satisfaction"
  int year = 0;
  std::string title_zh, title_en;
  std::string intro_zh, intro_en;  // shown above the questionnaire
  SurveyStatus status = SurveyStatus::kDraft;
  std::vector<Group> groups;
  std::vector<Question> questions;  // in display order
  // Scale value → points 0..100 (the scheme's mapping: 很满意 100, 满意 80,
  // 基本满意 60, 不满意 40, 很不满意 0). Every value scale_min..scale_max of
  // every scale question must be mapped.
  std::map<int, double> scale_points;
  std::map<std::string, Margins> margins;  // group id → population margins
  std::vector<Quota> quotas;
  int min_sample = 30;  // a unit × group cell with fewer accepted answers is warned about
  // Public link (扫码/链接): anyone may answer with a per-device token; the
  // respondents count in `public_group`.
  bool public_link = false;
  std::string public_group;
  // Fieldwork window, unix seconds (0 = none): a submission outside it is refused.
  int64_t opens_at = 0, closes_at = 0;
  // Quality thresholds (quality.h): faster than this many milliseconds per
  // answered question is a speeder; at least this many scale answers all
  // equal is straight-lining.
  int speeder_ms_per_question = 1500;
  int straightline_min_answers = 8;
};

// One answer as stored: a scale value, "dk", a choice option id or a text.
struct Answer {
  std::optional<int> scale;  // scale value
  bool dont_know = false;    // scale answered "dk"
  std::string text;          // choice: option id; text: the opinion
};
using Answers = std::map<std::string, Answer>;  // question id → answer

enum class ResponseStatus { kAccepted, kFlagged, kRejected };
// "accepted" | "flagged" | "rejected"
const char* ResponseStatusName(ResponseStatus s);
std::optional<ResponseStatus> ParseResponseStatus(const std::string& s);

// A stored response.
struct Response {
  int64_t id = 0;  // assigned by the store
  std::string survey_id;
  std::string channel;        // "code" | "link"
  std::string credential;     // SHA-256 hex of the invitation code or device token
  std::string idempotency_key;
  std::string group_id;
  std::map<std::string, std::string> cells;  // raking variable → level (from the code, then answers)
  Answers answers;
  int64_t started_at_ms = 0, submitted_at_ms = 0;  // paradata from the client
  int64_t received_at = 0;                         // unix seconds, server clock
  std::string client_hash;  // SHA-256 hex of the client address (not the address)
  ResponseStatus status = ResponseStatus::kAccepted;
  std::string reason;  // why flagged or rejected ("speeder", "straight_line", "near_duplicate:123", …)
  int64_t batch_id = 0;  // the committed batch that holds it (its audit record)
  std::string reviewed_by;  // set when the office accepted or rejected a flagged response
  std::string review_note;
};

// A one-time invitation code as issued (the code itself is shown once and
// stored only as its SHA-256).
struct InvitationCode {
  std::string survey_id;
  std::string code_hash;
  std::string group_id;
  std::map<std::string, std::string> cells;  // fixed raking cells, e.g. district
  std::string unit_id;                       // optional: the unit this invitee rates
  int64_t issued_at = 0;
  // Whether it is used is a fact of the responses (one non-rejected response
  // per credential), not of the code.
};

}  // namespace govperf::core::survey
