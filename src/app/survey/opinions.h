// 意见建议 opinions from the survey's text answers: topics, routing, the
// units' and lead departments' answers, the office's closing (possibly as a
// rectification item 整改), and closure rates per unit.
//
// Guarantees:
// 1. Routing is idempotent: a (response, question) becomes one opinion, ever;
//    only accepted responses count; the unit is the question's unit_id or
//    the unit the respondent chose in its unit_from question (or the cell of
//    that question's raking variable fixed by the invitation code); the
//    topic and lead department come from core::survey::RouteOpinion.
// 2. Who sees what: the office and leaders every opinion; a lead department
//    those about its unit and those of the topics it leads; an assessed unit
//    those about itself. An opinion one may not see is NotFound, as if it did
//    not exist.
// 3. Answering: the unit it is about, or the lead department of its topic,
//    while it is routed or answered (again: replaces), at most
//    kMaxOpinionAnswer characters. Closing, dismissing and re-routing: the
//    office. A closed or dismissed opinion no longer changes.
// 4. The office's words are its note, kept apart from the answer (the reply
//    to the citizen): a dismissal's reason (required; any open opinion,
//    routed, answered or not yet routed to a unit, can be dismissed 不予受理),
//    the note it closes an opinion with (required when nobody answered it).
//    A rectification item (整改) can only be filed for a published year
//    (the stage rule of rectification), so before publication an opinion is
//    closed with a note.
// 5. Every change is one audited store write (stage rule: opinions).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::survey {

inline constexpr int kMaxOpinionAnswer = 2000;  // characters (code points)
inline constexpr int kMaxOpinionNote = 2000;

// The year's topics, in order. Any role with opinions.read.
Result<std::vector<store::OpinionTopic>> ListTopics(store::Store& store, const Caller& caller,
                                                    int year);
// Replaces the year's topics (admin): ids, keywords and names checked, every
// lead_unit_id a unit of the year. Opinions already routed keep their topic.
Status PutTopics(store::Store& store, const Caller& caller, int year,
                 const std::vector<store::OpinionTopic>& topics);

struct RouteReport {
  int64_t responses = 0;  // accepted responses read
  int64_t texts = 0;      // non-empty text answers among them
  int64_t added = 0;      // new opinions
  int64_t unrouted = 0;   // of the new ones, without a unit (the office routes them)
};
// Turns the accepted responses' text answers not yet opinions into routed
// opinions (admin, or the program). Idempotent.
Result<RouteReport> RouteOpinions(store::Store& store, const Caller& caller,
                                  const std::string& survey_id);

struct OpinionQuery {
  std::string survey_id;  // '' = any
  std::string unit_id;    // '' = any (narrowed for leads and units)
  std::string state;      // '' = any
  int64_t after_id = 0;
  int limit = 200;  // 1..1000
};
// A page of the opinions the caller may see, by id.
Result<std::vector<store::Opinion>> ListOpinions(store::Store& store, const Caller& caller,
                                                 int year, const OpinionQuery& query);
Result<store::Opinion> GetOpinion(store::Store& store, const Caller& caller, int64_t id);

// `clock` stamps answered_at / closed_at.
Result<store::Opinion> AnswerOpinion(store::Store& store, const store::Clock& clock,
                                     const Caller& caller, int64_t id, const std::string& answer);

struct RectificationRequest {
  std::string measure, owner, deadline;  // 整改措施, 责任人, YYYY-MM-DD
};
struct CloseRequest {
  std::string note;  // the office's close note (required when the opinion has no answer)
  std::optional<RectificationRequest> rectification;
};
Result<store::Opinion> CloseOpinion(store::Store& store, const store::Clock& clock,
                                    const Caller& caller, int64_t id, const CloseRequest& request);
Result<store::Opinion> DismissOpinion(store::Store& store, const store::Clock& clock,
                                      const Caller& caller, int64_t id, const std::string& reason);
// Re-routes an open opinion (admin): the unit ('' = unknown) must be a unit of
// the year; topic_id '' clears the topic, otherwise one of the year's topics
// whose lead department takes it.
Result<store::Opinion> RerouteOpinion(store::Store& store, const Caller& caller, int64_t id,
                                      const std::string& unit_id, const std::string& topic_id);

struct ClosureRow {
  std::string unit_id;   // '' = not yet routed to a unit
  int64_t total = 0;     // dismissed opinions not counted
  int64_t answered = 0;  // answered at some point (closed ones included)
  int64_t closed = 0;
  std::optional<double> closure_rate;  // closed / total; none without opinions
};
// Per unit, by unit id. The office and leaders every unit; a lead department
// or unit its own row. `public_view`: anyone, every unit, only for a
// published year (NotFound otherwise).
Result<std::vector<ClosureRow>> OpinionSummary(store::Store& store, const Caller& caller, int year,
                                               bool public_view);

}  // namespace govperf::app::survey
