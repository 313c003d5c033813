// 社会评价 public routes (no login): the questionnaire, device tokens and
// submissions. parse → app/survey/collect → DTO. A submission is answered
// later (Response::later), from the journal's callback once its batch has
// committed: no thread waits for the disk per submission.
#include "app/survey/collect.h"
#include "io/survey_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace sv = core::survey;

// 5-point labels (很不满意 … 很满意) for the common 1..5 scale; other scales
// show their numbers only.
Json ScaleLabelsZh(const sv::Survey& s) {
  static const char* kFive[] = {"很不满意", "不满意", "基本满意", "满意", "很满意"};
  for (const sv::Question& q : s.questions) {
    if (q.kind == sv::QuestionKind::kScale && (q.scale_min != 1 || q.scale_max != 5)) {
      return Json::object();
    }
  }
  Json j = Json::object();
  for (int i = 1; i <= 5; ++i) j[std::to_string(i)] = kFive[i - 1];
  return j;
}

Json QuestionnaireJson(const sv::Survey& s) {
  Json questions = Json::array();
  for (const sv::Question& q : s.questions) {
    Json options = Json::array();
    for (const sv::Option& o : q.options) {
      options.push_back({{"id", o.id}, {"label_zh", o.label_zh}, {"label_en", o.label_en}});
    }
    questions.push_back({{"id", q.id},
                         {"kind", sv::QuestionKindName(q.kind)},
                         {"text_zh", q.text_zh},
                         {"text_en", q.text_en},
                         {"required", q.required},
                         {"scale_min", q.scale_min},
                         {"scale_max", q.scale_max},
                         {"allow_dont_know", q.allow_dont_know},
                         {"options", std::move(options)},
                         {"max_length", q.max_length},
                         {"unit_id", q.unit_id},
                         {"unit_from", q.unit_from},
                         {"margin", q.margin}});
  }
  Json groups = Json::array();
  for (const sv::Group& g : s.groups) {
    groups.push_back({{"id", g.id}, {"name_zh", g.name_zh}, {"name_en", g.name_en}});
  }
  return {{"survey_id", s.id},
          {"year", s.year},
          {"title_zh", s.title_zh},
          {"title_en", s.title_en},
          {"intro_zh", s.intro_zh},
          {"intro_en", s.intro_en},
          {"status", sv::SurveyStatusName(s.status)},
          {"public_link", s.public_link},
          {"groups", std::move(groups)},
          {"questions", std::move(questions)},
          {"scale_labels_zh", ScaleLabelsZh(s)}};
}

// The error envelope, with `details.reason` for the cases a phone page
// tells apart (code_used, token_used, survey_closed, unknown_code,
// rate_limited).
Response SurveyFail(bool zh, const Status& st) {
  Response r = FailIn(st, zh);
  std::string reason;
  if (st.code() == Code::kFailedPrecondition) {
    if (st.field() == "code") reason = "code_used";
    if (st.field() == "token")
      reason = st.message().find("expired") != std::string::npos ? "token_expired" : "token_used";
    if (st.field() == "survey_id") reason = "survey_closed";
  } else if (st.code() == Code::kNotFound && st.field() == "code") {
    reason = "unknown_code";
  } else if (st.code() == Code::kResourceExhausted) {
    reason = "rate_limited";
  }
  if (reason.empty()) return r;
  Json body = Json::parse(r.body, nullptr, false);
  if (body.is_discarded()) return r;
  body["details"]["reason"] = reason;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

// A JSON value of the answers object, reduced to what core checks.
sv::SubmittedValue ValueOf(const Json& v) {
  sv::SubmittedValue out;
  using K = sv::SubmittedValue::Kind;
  if (v.is_null()) {
    out.kind = K::kNull;
  } else if (v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX)) {
    out.kind = K::kInteger;
    out.integer = v.get<int64_t>();
  } else if (v.is_string()) {
    out.kind = K::kString;
    out.text = v.get<std::string>();
  } else {
    out.kind = K::kOther;
  }
  return out;
}

std::optional<Response> BodyMillis(const Ctx& ctx, const Json& obj, const char* name,
                                   const std::string& path, int64_t* out) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || (it->is_number_unsigned() && it->get<uint64_t>() > INT64_MAX) ||
      it->get<int64_t>() < 0) {
    return BadField(path, ctx.T(path + ": expected a non-negative integer (milliseconds)",
                                path + "：应为非负整数（毫秒）"));
  }
  *out = it->get<int64_t>();
  return std::nullopt;
}

std::optional<Response> BodyString(const Ctx& ctx, const Json& obj, const char* name,
                                   std::string* out) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    return BadField(
        name, ctx.T(std::string(name) + ": expected a string", std::string(name) + "：应为字符串"));
  }
  *out = it->get<std::string>();
  return std::nullopt;
}

}  // namespace

Response SurveyQuestionnaire(Ctx& ctx) {
  auto s = ctx.svc.survey_collector.Questionnaire(ctx.params.at("id"));
  if (!s.ok()) return SurveyFail(ctx.zh, s.status());
  Response r = JsonResponse(QuestionnaireJson(**s));
  return r;
}

Response SurveyDeviceToken(Ctx& ctx) {
  auto t = ctx.svc.survey_collector.MintToken(ctx.params.at("id"), ctx.request.remote_address);
  if (!t.ok()) return SurveyFail(ctx.zh, t.status());
  return JsonResponse({{"token", t->token}, {"expires_at", t->expires_at}}, 201);
}

Response SurveySubmit(Ctx& ctx) {
  Json body;
  try {
    body = Json::parse(ctx.request.body);
  } catch (const Json::exception& e) {
    return ErrorResponse(
        Code::kInvalidArgument,
        ctx.T("request body is not valid JSON: ", "请求体不是合法的 JSON：") + e.what(),
        {{"field", "body"}});
  }
  if (!body.is_object()) {
    return BadField("body", ctx.T("expected a JSON object", "请求体应为 JSON 对象"));
  }
  app::survey::Submission s;
  s.survey_id = ctx.params.at("id");
  s.address = ctx.request.remote_address;
  if (auto e = BodyString(ctx, body, "code", &s.code)) return *e;
  if (auto e = BodyString(ctx, body, "token", &s.token)) return *e;
  if (auto e = BodyString(ctx, body, "idempotency_key", &s.idempotency_key)) return *e;
  auto answers = body.find("answers");
  if (answers == body.end() || !answers->is_object()) {
    return BadField("answers", ctx.T("answers: expected an object {question id: value}",
                                     "answers：应为 {题目编号: 答案} 对象"));
  }
  for (const auto& [id, v] : answers->items()) s.answers.emplace(id, ValueOf(v));
  auto para = body.find("paradata");
  if (para != body.end() && !para->is_null()) {
    if (!para->is_object()) {
      return BadField("paradata", ctx.T("paradata: expected an object", "paradata：应为对象"));
    }
    if (auto e = BodyMillis(ctx, *para, "started_at_ms", "paradata.started_at_ms",
                            &s.paradata.started_at_ms)) {
      return *e;
    }
    if (auto e = BodyMillis(ctx, *para, "submitted_at_ms", "paradata.submitted_at_ms",
                            &s.paradata.submitted_at_ms)) {
      return *e;
    }
  }
  Response later;
  later.later = [&collector = ctx.svc.survey_collector, zh = ctx.zh,
                 s = std::move(s)](Reply reply) mutable {
    collector.SubmitAsync(s, [zh, reply = std::move(reply)](Result<app::survey::SubmitReply> r) {
      if (!r.ok()) {
        reply(SurveyFail(zh, r.status()));
        return;
      }
      reply(JsonResponse(
          {{"response_id", r->response_id}, {"status", sv::ResponseStatusName(r->status)}},
          r->created ? 201 : 200));
    });
  };
  return later;
}

}  // namespace govperf::server::handlers
