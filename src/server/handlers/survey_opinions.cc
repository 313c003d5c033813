// 意见建议 opinions (docs/api.md "Surveys — design", opinions): topics,
// routing, the list one may see, answering, the office's closing,
// dismissal and re-routing, closure rates (public for a published year).
// parse → app/survey/opinions → DTO.
#include "app/survey/opinions.h"
#include "io/json_parse.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

Json OpinionJson(const store::Opinion& o) {
  return {{"id", o.id},
          {"year", o.year},
          {"survey_id", o.survey_id},
          {"response_id", o.response_id},
          {"question_id", o.question_id},
          {"unit_id", o.unit_id},
          {"topic_id", o.topic_id},
          {"lead_unit_id", o.lead_unit_id},
          {"text", o.text},
          {"state", o.state},
          {"answer", o.answer},
          {"answered_by", o.answered_by},
          {"answered_at", o.answered_at},
          {"note", o.note},
          {"rectification_id", o.rectification_id},
          {"closed_by", o.closed_by},
          {"closed_at", o.closed_at},
          {"created_at", o.created_at}};
}

Json TopicJson(const store::OpinionTopic& t) {
  return {{"id", t.id},
          {"name_zh", t.name_zh},
          {"name_en", t.name_en},
          {"keywords", t.keywords},
          {"lead_unit_id", t.lead_unit_id}};
}

std::optional<Response> OpinionPathId(const Ctx& ctx, int64_t* id) {
  if (!ParseInt(ctx.params.at("id"), id) || *id <= 0) {
    return BadField("id", ctx.T("id: expected an opinion number", "id：应为意见建议编号"));
  }
  return std::nullopt;
}

Response OpinionReply(Ctx& ctx, const Result<store::Opinion>& o) {
  if (!o.ok()) return Fail(ctx, o.status());
  return JsonResponse(OpinionJson(*o));
}

Response SummaryReply(Ctx& ctx, bool public_view) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  const app::Caller caller =
      public_view ? app::Caller{"anonymous", core::Role::kAnonymous, "", ""} : ctx.caller();
  auto rows = app::survey::OpinionSummary(ctx.svc.store, caller, year, public_view);
  if (!rows.ok()) return Fail(ctx, rows.status());
  Json units = Json::array();
  int64_t total = 0, closed = 0;
  for (const auto& r : *rows) {
    total += r.total;
    closed += r.closed;
    units.push_back({{"unit_id", r.unit_id},
                     {"total", r.total},
                     {"answered", r.answered},
                     {"closed", r.closed},
                     {"closure_rate", r.closure_rate ? Json(*r.closure_rate) : Json(nullptr)}});
  }
  return JsonResponse(
      {{"year", year},
       {"units", std::move(units)},
       {"total", total},
       {"closed", closed},
       {"closure_rate", total > 0 ? Json(static_cast<double>(closed) / total) : Json(nullptr)}});
}

}  // namespace

Response ListOpinionTopics(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto topics = app::survey::ListTopics(ctx.svc.store, ctx.caller(), year);
  if (!topics.ok()) return Fail(ctx, topics.status());
  Json rows = Json::array();
  for (const auto& t : *topics) rows.push_back(TopicJson(t));
  return JsonResponse({{"year", year}, {"topics", std::move(rows)}});
}

Response PutOpinionTopics(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto body = io::ParseJsonText(ctx.request.body, "body");
  if (!body.ok()) return Fail(ctx, body.status());
  if (!body->is_object() || !body->contains("topics") || !(*body)["topics"].is_array()) {
    return BadField("topics", ctx.T("topics: required, a list", "topics：必填，为列表"));
  }
  std::vector<store::OpinionTopic> topics;
  const Json& list = (*body)["topics"];
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& t = list[i];
    const std::string at = "topics[" + std::to_string(i) + "]";
    auto str = [&](const char* key, std::string* out) {
      if (!t.contains(key) || t[key].is_null()) return true;
      if (!t[key].is_string()) return false;
      *out = t[key].get<std::string>();
      return true;
    };
    store::OpinionTopic topic;
    bool ok = t.is_object() && str("id", &topic.id) && str("name_zh", &topic.name_zh) &&
              str("name_en", &topic.name_en) && str("lead_unit_id", &topic.lead_unit_id);
    if (ok && t.contains("keywords")) {
      ok = t["keywords"].is_array();
      for (const Json& k : ok ? t["keywords"] : Json::array()) {
        if (!k.is_string()) ok = false;
        if (ok) topic.keywords.push_back(k.get<std::string>());
      }
    }
    if (!ok) {
      return BadField(at, ctx.T(at + ": expected {\"id\", \"name_zh\", \"name_en\", \"keywords\": "
                                     "[strings], \"lead_unit_id\"}",
                                at + "：格式应为 {\"id\", \"name_zh\", \"name_en\", \"keywords\": "
                                     "[字符串], \"lead_unit_id\"}"));
    }
    topics.push_back(std::move(topic));
  }
  Status st = app::survey::PutTopics(ctx.svc.store, ctx.caller(), year, topics);
  if (!st.ok()) return Fail(ctx, st);
  return ListOpinionTopics(ctx);
}

Response RouteSurveyOpinions(Ctx& ctx) {
  auto report = app::survey::RouteOpinions(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!report.ok()) return Fail(ctx, report.status());
  return JsonResponse({{"responses", report->responses},
                       {"texts", report->texts},
                       {"added", report->added},
                       {"unrouted", report->unrouted}});
}

Response ListOpinions(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  app::survey::OpinionQuery q;
  if (auto it = ctx.query.find("unit"); it != ctx.query.end()) q.unit_id = it->second;
  if (auto it = ctx.query.find("state"); it != ctx.query.end()) q.state = it->second;
  if (auto it = ctx.query.find("survey"); it != ctx.query.end()) q.survey_id = it->second;
  std::optional<int64_t> after, limit;
  if (auto err = QueryInt(ctx, "after", 0, INT64_MAX, &after)) return *err;
  if (auto err = QueryInt(ctx, "limit", 1, 1000, &limit)) return *err;
  q.after_id = after.value_or(0);
  q.limit = static_cast<int>(limit.value_or(200));
  auto list = app::survey::ListOpinions(ctx.svc.store, ctx.caller(), year, q);
  if (!list.ok()) return Fail(ctx, list.status());
  Json rows = Json::array();
  for (const auto& o : *list) rows.push_back(OpinionJson(o));
  return JsonResponse({{"year", year}, {"opinions", std::move(rows)}});
}

Response GetOpinion(Ctx& ctx) {
  int64_t id = 0;
  if (auto err = OpinionPathId(ctx, &id)) return *err;
  return OpinionReply(ctx, app::survey::GetOpinion(ctx.svc.store, ctx.caller(), id));
}

Response AnswerOpinion(Ctx& ctx) {
  int64_t id = 0;
  if (auto err = OpinionPathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::string answer = body.String("answer");
  if (!body.ok()) return body.error();
  return OpinionReply(
      ctx, app::survey::AnswerOpinion(ctx.svc.store, ctx.svc.clock, ctx.caller(), id, answer));
}

Response CloseOpinion(Ctx& ctx) {
  int64_t id = 0;
  if (auto err = OpinionPathId(ctx, &id)) return *err;
  auto body = io::ParseJsonText(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (!body.ok()) return Fail(ctx, body.status());
  app::survey::CloseRequest req;
  const Json& b = *body;
  if (!b.is_object()) return BadField("body", ctx.T("body: expected an object", "body：应为对象"));
  if (b.contains("note") && !b["note"].is_null()) {
    if (!b["note"].is_string())
      return BadField("note", ctx.T("note: must be a string", "note：必须是字符串"));
    req.note = b["note"].get<std::string>();
  }
  if (b.contains("rectification") && !b["rectification"].is_null()) {
    const Json& r = b["rectification"];
    app::survey::RectificationRequest rect;
    for (auto [key, out] : {std::pair<const char*, std::string*>{"measure", &rect.measure},
                            {"owner", &rect.owner},
                            {"deadline", &rect.deadline}}) {
      if (!r.is_object() || !r.contains(key) || !r[key].is_string()) {
        const std::string f = std::string("rectification.") + key;
        return BadField(f, ctx.T(f + ": required, a string", f + "：必填"));
      }
      *out = r[key].get<std::string>();
    }
    req.rectification = rect;
  }
  return OpinionReply(
      ctx, app::survey::CloseOpinion(ctx.svc.store, ctx.svc.clock, ctx.caller(), id, req));
}

Response DismissOpinion(Ctx& ctx) {
  int64_t id = 0;
  if (auto err = OpinionPathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::string reason = body.String("reason");
  if (!body.ok()) return body.error();
  return OpinionReply(
      ctx, app::survey::DismissOpinion(ctx.svc.store, ctx.svc.clock, ctx.caller(), id, reason));
}

Response RerouteOpinion(Ctx& ctx) {
  int64_t id = 0;
  if (auto err = OpinionPathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::string unit = body.String("unit_id", false);
  const std::string topic = body.String("topic_id", false);
  if (!body.ok()) return body.error();
  return OpinionReply(ctx,
                      app::survey::RerouteOpinion(ctx.svc.store, ctx.caller(), id, unit, topic));
}

Response OpinionSummary(Ctx& ctx) { return SummaryReply(ctx, false); }
Response PublicOpinionSummary(Ctx& ctx) { return SummaryReply(ctx, true); }

}  // namespace govperf::server::handlers
