// 社会评价 the office's survey design (docs/api.md "Surveys — design"):
// definitions, status, margins import, the public link's QR code and poster,
// invitations. parse → app/survey → DTO.
#include "app/survey/design.h"
#include "app/survey/invitations.h"
#include "io/json_parse.h"
#include "io/pdf/survey_poster.h"
#include "io/qr.h"
#include "io/survey_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace sv = core::survey;

Json DesignCountsJson(const store::ResponseCounts& c) {
  return {{"accepted", c.accepted}, {"flagged", c.flagged}, {"rejected", c.rejected}};
}

// The first problem that keeps the survey from opening, or null.
Json DesignProblemJson(const Ctx& ctx, const Status& st) {
  if (st.ok()) return nullptr;
  return {{"field", st.field()}, {"message", ctx.zh ? st.message_zh() : st.message()}};
}

Json DesignSurveyJson(Ctx& ctx, const sv::Survey& s) {
  Json j = io::SurveyToJson(s);
  j["problem"] = DesignProblemJson(ctx, app::survey::Problem(ctx.svc.store, s));
  auto counts = ctx.svc.store.CountResponses(s.id);
  j["counts"] = DesignCountsJson(counts.ok() ? *counts : store::ResponseCounts{});
  return j;
}

// The survey in the body (io/survey_json.h); 400 naming the JSON path.
std::optional<Response> DesignReadSurveyBody(Ctx& ctx, const sv::Survey& base, sv::Survey* out) {
  auto body = io::ParseJsonText(ctx.request.body, "body");
  if (!body.ok()) return Fail(ctx, body.status());
  if (!body->is_object()) {
    return BadField("body", ctx.T("body: expected a survey object", "body：应为调查定义对象"));
  }
  auto s = io::SurveyFromJson(*body, base);
  if (!s.ok()) {
    Status st = s.status();
    if (st.field().empty()) st.Field("body");
    return Fail(ctx, st);
  }
  *out = std::move(*s);
  return std::nullopt;
}

// The base of public links: --public-url, else http://<Host>.
std::optional<Response> DesignPublicBase(const Ctx& ctx, std::string* base) {
  if (!ctx.svc.options.public_url.empty()) {
    *base = ctx.svc.options.public_url;
  } else if (!ctx.request.host.empty() &&
             ctx.request.host.find_first_of(" /\\\"'<>") == std::string::npos) {
    *base = "http://" + ctx.request.host;
  } else {
    return Fail(ctx, Status::Precondition("public_url: the server's public address is not known "
                                          "(govperf serve --public-url)")
                         .Field("public_url")
                         .Zh("public_url：未配置对外访问地址（govperf serve --public-url）"));
  }
  while (!base->empty() && base->back() == '/') base->pop_back();
  return std::nullopt;
}

}  // namespace

Response ListSurveys(Ctx& ctx) {
  std::optional<int64_t> year;
  if (auto err = QueryInt(ctx, "year", 0, 9999, &year)) return *err;
  auto list =
      app::survey::ListSurveys(ctx.svc.store, ctx.caller(), static_cast<int>(year.value_or(0)));
  if (!list.ok()) return Fail(ctx, list.status());
  Json rows = Json::array();
  for (const auto& r : *list) {
    rows.push_back(
        {{"id", r.survey.id},
         {"year", r.survey.year},
         {"status", sv::SurveyStatusName(r.survey.status)},
         {"title_zh", r.survey.title_zh},
         {"title_en", r.survey.title_en},
         {"public_link", r.survey.public_link},
         {"questions", r.survey.questions.size()},
         {"counts", DesignCountsJson(r.counts)},
         {"problem", DesignProblemJson(ctx, app::survey::Problem(ctx.svc.store, r.survey))}});
  }
  return JsonResponse({{"year", year.value_or(0)}, {"surveys", std::move(rows)}});
}

Response CreateSurvey(Ctx& ctx) {
  sv::Survey s;
  if (auto err = DesignReadSurveyBody(ctx, {}, &s)) return *err;
  auto created = app::survey::CreateSurvey(ctx.svc.store, ctx.caller(), std::move(s));
  if (!created.ok()) return Fail(ctx, created.status());
  return JsonResponse(DesignSurveyJson(ctx, *created), 201);
}

Response GetSurvey(Ctx& ctx) {
  auto s = app::survey::GetSurvey(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse(DesignSurveyJson(ctx, *s));
}

Response PutSurvey(Ctx& ctx) {
  auto old = app::survey::GetSurvey(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!old.ok()) return Fail(ctx, old.status());
  // The body replaces the definition: only id, year and status are kept.
  sv::Survey base;
  base.id = old->id;
  base.year = old->year;
  base.status = old->status;
  sv::Survey s;
  if (auto err = DesignReadSurveyBody(ctx, base, &s)) return *err;
  if (s.id != old->id) {
    return BadField(
        "id", ctx.T("id: the body's id must be the path's", "id：请求体中的编号须与路径一致"));
  }
  auto edited = app::survey::EditSurvey(ctx.svc.store, ctx.caller(), std::move(s));
  if (!edited.ok()) return Fail(ctx, edited.status());
  return JsonResponse(DesignSurveyJson(ctx, *edited));
}

Response SetSurveyStatus(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string status = body.String("status");
  if (!body.ok()) return body.error();
  auto st = sv::ParseSurveyStatus(status);
  if (!st || *st == sv::SurveyStatus::kDraft) {
    return BadField("status", ctx.T("status: open or closed", "status：应为 open 或 closed"));
  }
  auto s = app::survey::SetStatus(ctx.svc.store, ctx.caller(), ctx.params.at("id"), *st);
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse(DesignSurveyJson(ctx, *s));
}

Response ImportSurveyMargins(Ctx& ctx) {
  if (ctx.request.body.empty()) {
    return BadField("body", ctx.T("body: send the .xlsx or .csv file as the request body",
                                  "body：请将 .xlsx 或 .csv 文件作为请求体上传"));
  }
  std::string name = "margins";
  if (auto it = ctx.query.find("filename"); it != ctx.query.end() && !it->second.empty()) {
    name = it->second.substr(0, 200);
  }
  auto report = app::survey::ImportMargins(ctx.svc.store, ctx.caller(), ctx.params.at("id"),
                                           ctx.request.body, name);
  if (!report.ok()) return Fail(ctx, report.status());
  if (!report->errors.empty()) return SheetErrorsResponse(ctx, report->errors);
  auto s = app::survey::GetSurvey(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse({{"ok", true},
                       {"rows", report->rows},
                       {"groups", report->groups},
                       {"margins", io::SurveyToJson(*s)["margins"]}});
}

Response SurveyQrPng(Ctx& ctx) {
  auto s = app::survey::GetSurvey(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!s.ok()) return Fail(ctx, s.status());
  std::optional<int64_t> size;
  if (auto err = QueryInt(ctx, "size", 1, 32, &size)) return *err;
  std::string base;
  if (auto err = DesignPublicBase(ctx, &base)) return *err;
  auto qr = io::EncodeQr(app::survey::SurveyLink(base, s->id));
  if (!qr.ok()) return Fail(ctx, qr.status());
  auto png = io::QrPng(*qr, static_cast<int>(size.value_or(8)));
  if (!png.ok()) return Fail(ctx, png.status());
  Response r;
  r.content_type = "image/png";
  r.body = std::move(*png);
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"survey-" + s->id + ".png\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

Response SurveyPosterPdf(Ctx& ctx) {
  auto s = app::survey::GetSurvey(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!s.ok()) return Fail(ctx, s.status());
  std::string base;
  if (auto err = DesignPublicBase(ctx, &base)) return *err;
  io::pdf::PosterContent c{s->title_zh, s->title_en, s->intro_zh,
                           app::survey::SurveyLink(base, s->id)};
  auto pdf = io::pdf::RenderSurveyPoster(c);
  if (!pdf.ok()) return Fail(ctx, pdf.status());
  Response r;
  r.content_type = "application/pdf";
  r.body = std::move(*pdf);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"survey-" + s->id + "-poster.pdf\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

Response SendSurveyInvitations(Ctx& ctx) {
  if (!ctx.svc.options.invitation_sender) {
    return Fail(ctx, Status(Code::kUnavailable, "invitations: this server has no sender configured")
                         .Zh("invitations：服务器未配置邀请发送方式"));
  }
  auto body = io::ParseJsonText(ctx.request.body, "body");
  if (!body.ok()) return Fail(ctx, body.status());
  app::survey::InvitationRequest req;
  req.survey_id = ctx.params.at("id");
  const Json& b = *body;
  if (!b.is_object() || !b.contains("group_id") || !b["group_id"].is_string()) {
    return BadField("group_id", ctx.T("group_id: required, a string", "group_id：必填"));
  }
  req.group_id = b["group_id"].get<std::string>();
  if (b.contains("cells") && !b["cells"].is_null()) {
    auto cells = io::CellsFromJson(b["cells"]);
    if (!cells.ok()) return Fail(ctx, Status(cells.status()).Field("cells"));
    req.cells = std::move(*cells);
  }
  if (!b.contains("recipients") || !b["recipients"].is_array()) {
    return BadField("recipients", ctx.T("recipients: required, a list of {\"to\", \"name\"}",
                                        "recipients：必填，为 {\"to\", \"name\"} 列表"));
  }
  if (b["recipients"].size() > static_cast<size_t>(app::survey::kMaxRecipients)) {
    return BadField("recipients", ctx.T("recipients: at most 10000", "recipients：最多 10000 人"));
  }
  for (size_t i = 0; i < b["recipients"].size(); ++i) {
    const Json& r = b["recipients"][i];
    const std::string at = "recipients[" + std::to_string(i) + "]";
    if (!r.is_object() || !r.contains("to") || !r["to"].is_string() ||
        (r.contains("name") && !r["name"].is_string() && !r["name"].is_null())) {
      return BadField(at, ctx.T(at + ": expected {\"to\": string, \"name\": string}",
                                at + "：应为 {\"to\": 字符串, \"name\": 字符串}"));
    }
    req.recipients.push_back(
        {r["to"], r.contains("name") && r["name"].is_string() ? r["name"].get<std::string>() : ""});
  }
  std::string base;
  if (auto err = DesignPublicBase(ctx, &base)) return *err;
  auto report = app::survey::SendInvitations(ctx.svc.store, *ctx.svc.options.invitation_sender,
                                             ctx.caller(), req, base);
  if (!report.ok()) return Fail(ctx, report.status());
  return JsonResponse({{"issued", report->issued},
                       {"sent", report->sent},
                       {"failed", report->failed},
                       {"failures", report->failures}});
}

}  // namespace govperf::server::handlers
