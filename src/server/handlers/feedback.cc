// 绩效反馈 feedback reports and 整改 rectification (docs/api.md "Feedback
// reports (绩效反馈) and rectification (整改)"): parse → app::feedback → DTO.
// Who may read whose report and act on whose items is decided in
// app::feedback (a unit: its own; admin: every unit; leaders read).
#include "server/dto/feedback.h"

#include <cctype>

#include "app/feedback/feedback_of.h"
#include "app/feedback/rectification.h"
#include "app/monitoring/calendar.h"
#include "io/pdf/feedback_pdf.h"
#include "io/scheme_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
// Named (not anonymous): handler files are compiled in unity batches, and
// other handler files have their own helpers of similar names.
namespace feedback_detail {

namespace fb = app::feedback;  // inside this namespace only

std::optional<Response> JsonBody(const Ctx& ctx, Json* out) {
  auto body = io::ParseJson(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (!body.ok() || !body->is_object()) {
    return BadField("body", ctx.T("body: expected a JSON object", "body：应为 JSON 对象"));
  }
  *out = std::move(*body);
  return std::nullopt;
}

// A string field of `j` (absent → nullopt); sets *bad to the error otherwise.
std::optional<std::string> Str(const Ctx& ctx, const Json& j, const std::string& field,
                               const std::string& path, std::optional<Response>* bad) {
  if (!j.contains(field) || j[field].is_null()) return std::nullopt;
  if (!j[field].is_string()) {
    if (!*bad) *bad = BadField(path, ctx.T(path + ": expected a string", path + "：应为字符串"));
    return std::nullopt;
  }
  return j[field].get<std::string>();
}

std::optional<Response> PathItem(const Ctx& ctx, int* year, int64_t* id) {
  if (auto err = PathYear(ctx, year)) return err;
  if (!ParseInt(ctx.params.at("id"), id) || *id <= 0) {
    return BadField("id", ctx.T("id: expected a positive integer", "id：应为正整数"));
  }
  return std::nullopt;
}

std::string QueryOf(const Ctx& ctx, const char* name) {
  auto it = ctx.query.find(name);
  return it == ctx.query.end() ? std::string() : it->second;
}

Json EventJson(const store::RectificationEvent& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor", e.actor},
          {"role", e.role},
          {"action", e.action},
          {"text", e.text},
          {"progress", e.progress ? Json(*e.progress) : Json(nullptr)}};
}

Json ItemJson(const store::RectificationItem& r, const std::string& today) {
  Json history = Json::array();
  for (const auto& e : r.history) history.push_back(EventJson(e));
  Json evidence = Json::array();
  for (const auto& e : r.evidence) {
    evidence.push_back({{"sha256", e.sha256},
                        {"file_name", e.file_name},
                        {"content_type", e.content_type},
                        {"size", e.size},
                        {"added_by", e.added_by},
                        {"added_at", e.added_at}});
  }
  return {{"year", r.year},
          {"id", r.id},
          {"unit_id", r.unit_id},
          {"source", r.source},
          {"indicator_id", r.indicator_id},
          {"opinion_id", r.opinion_id},
          {"problem", r.problem},
          {"measure", r.measure},
          {"owner", r.owner},
          {"deadline", r.deadline},
          {"state", r.state},
          {"progress", r.progress},
          // Open past its deadline on the server's business date (China).
          {"overdue", r.state == "open" && r.deadline < today},
          {"note", r.note},
          {"created_by", r.created_by},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at},
          {"closed_by", r.closed_by},
          {"closed_at", r.closed_at},
          {"history", std::move(history)},
          {"evidence", std::move(evidence)}};
}

std::string TodayText(const Ctx& ctx) {
  return core::monitoring::FormatDate(app::monitoring::TodayInChina(ctx.svc.clock));
}

Response ItemResponse(const Ctx& ctx, const Result<store::RectificationItem>& r, int status = 200) {
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(ItemJson(*r, TodayText(ctx)), status);
}

}  // namespace feedback_detail

Response GetFeedback(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto report = app::feedback::ReportOf(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                        ctx.params.at("unit"));
  if (!report.ok()) return Fail(ctx, report.status());
  return JsonResponse(dto::FeedbackReportJson(*report));
}

// Heavy route (policy.cc): ~20 ms of CPU per report, more under load (docs/design/feedback.md).
Response GetFeedbackPdf(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  const std::string& unit = ctx.params.at("unit");
  auto report = app::feedback::ReportOf(ctx.svc.years, ctx.svc.store, ctx.caller(), year, unit);
  if (!report.ok()) return Fail(ctx, report.status());
  auto pdf = io::pdf::RenderFeedbackPdf(*report);
  if (!pdf.ok()) return Fail(ctx, pdf.status());
  Response r;
  r.content_type = "application/pdf";
  r.body = std::move(*pdf);
  // Unit ids are codes ("D01", CheckId): the name is ASCII, no RFC 5987 needed.
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"feedback-" +
                                                    std::to_string(year) + "-" + unit + ".pdf\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

Response ListRectification(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto items = app::feedback::ListItems(ctx.svc.store, ctx.caller(), year,
                                        feedback_detail::QueryOf(ctx, "unit"));
  if (!items.ok()) return Fail(ctx, items.status());
  const std::string today = feedback_detail::TodayText(ctx);
  Json rows = Json::array();
  for (const auto& it : *items) rows.push_back(feedback_detail::ItemJson(it, today));
  return JsonResponse({{"year", year}, {"today", today}, {"items", std::move(rows)}});
}

Response FileRectificationPlan(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = feedback_detail::JsonBody(ctx, &body)) return *err;
  if (!body.contains("items") || !body["items"].is_array()) {
    return BadField("items", ctx.T("items: expected an array of items", "items：应为整改事项数组"));
  }
  std::vector<app::feedback::NewRectificationItem> items;
  std::optional<Response> bad;
  for (size_t i = 0; i < body["items"].size(); ++i) {
    const Json& j = body["items"][i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (!j.is_object()) return BadField(at, ctx.T(at + ": expected an object", at + "：应为对象"));
    app::feedback::NewRectificationItem n;
    n.source = feedback_detail::Str(ctx, j, "source", at + ".source", &bad).value_or("indicator");
    n.indicator_id =
        feedback_detail::Str(ctx, j, "indicator_id", at + ".indicator_id", &bad).value_or("");
    n.opinion_id =
        feedback_detail::Str(ctx, j, "opinion_id", at + ".opinion_id", &bad).value_or("");
    n.problem = feedback_detail::Str(ctx, j, "problem", at + ".problem", &bad).value_or("");
    n.measure = feedback_detail::Str(ctx, j, "measure", at + ".measure", &bad).value_or("");
    n.owner = feedback_detail::Str(ctx, j, "owner", at + ".owner", &bad).value_or("");
    n.deadline = feedback_detail::Str(ctx, j, "deadline", at + ".deadline", &bad).value_or("");
    if (bad) return *bad;
    items.push_back(std::move(n));
  }
  auto out = app::feedback::FilePlan(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                     ctx.params.at("unit"), items);
  if (!out.ok()) return Fail(ctx, out.status());
  const std::string today = feedback_detail::TodayText(ctx);
  Json rows = Json::array();
  for (const auto& it : *out) rows.push_back(feedback_detail::ItemJson(it, today));
  return JsonResponse({{"year", year}, {"items", std::move(rows)}}, 201);
}

Response GetRectificationItem(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  return feedback_detail::ItemResponse(
      ctx, app::feedback::GetItem(ctx.svc.store, ctx.caller(), year, id));
}

Response EditRectificationItem(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  Json body;
  if (auto err = feedback_detail::JsonBody(ctx, &body)) return *err;
  std::optional<Response> bad;
  app::feedback::ItemEdit edit;
  edit.measure = feedback_detail::Str(ctx, body, "measure", "measure", &bad);
  edit.owner = feedback_detail::Str(ctx, body, "owner", "owner", &bad);
  edit.deadline = feedback_detail::Str(ctx, body, "deadline", "deadline", &bad);
  edit.problem = feedback_detail::Str(ctx, body, "problem", "problem", &bad);
  if (bad) return *bad;
  return feedback_detail::ItemResponse(
      ctx, app::feedback::EditItem(ctx.svc.store, ctx.caller(), year, id, edit));
}

Response ReportRectificationProgress(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  Json body;
  if (auto err = feedback_detail::JsonBody(ctx, &body)) return *err;
  std::optional<Response> bad;
  const std::string text = feedback_detail::Str(ctx, body, "text", "text", &bad).value_or("");
  if (bad) return *bad;
  if (!body.contains("progress") || !body["progress"].is_number_integer()) {
    return BadField("progress",
                    ctx.T("progress: expected an integer 0..100", "progress：应为 0–100 的整数"));
  }
  const int64_t percent = body["progress"].get<int64_t>();
  if (percent < 0 || percent > 100) {
    return BadField("progress",
                    ctx.T("progress: expected an integer 0..100", "progress：应为 0–100 的整数"));
  }
  std::vector<app::feedback::EvidencePick> evidence;
  if (body.contains("evidence")) {
    if (!body["evidence"].is_array()) {
      return BadField("evidence", ctx.T("evidence: expected an array", "evidence：应为数组"));
    }
    for (size_t i = 0; i < body["evidence"].size(); ++i) {
      const Json& j = body["evidence"][i];
      const std::string at = "evidence[" + std::to_string(i) + "]";
      if (!j.is_object())
        return BadField(at, ctx.T(at + ": expected an object", at + "：应为对象"));
      app::feedback::EvidencePick p;
      p.sha256 = feedback_detail::Str(ctx, j, "sha256", at + ".sha256", &bad).value_or("");
      p.file_name = feedback_detail::Str(ctx, j, "file_name", at + ".file_name", &bad).value_or("");
      if (bad) return *bad;
      evidence.push_back(std::move(p));
    }
  }
  return feedback_detail::ItemResponse(
      ctx, app::feedback::ReportProgress(ctx.svc.store, ctx.caller(), year, id, text,
                                         static_cast<int>(percent), evidence));
}

Response AddRectificationEvidence(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  // The body is the file itself; its name comes in ?name=.
  auto ref =
      app::feedback::AddItemEvidence(ctx.svc.store, ctx.caller(), year, id,
                                     feedback_detail::QueryOf(ctx, "name"), ctx.request.body);
  if (!ref.ok()) return Fail(ctx, ref.status());
  return JsonResponse({{"sha256", ref->sha256},
                       {"file_name", ref->file_name},
                       {"content_type", ref->content_type},
                       {"size", ref->size},
                       {"added_by", ref->added_by}},
                      201);
}

Response GetRectificationEvidence(Ctx& ctx) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  auto f = app::feedback::GetItemEvidence(ctx.svc.store, ctx.caller(), year, id,
                                          ctx.params.at("sha256"));
  if (!f.ok()) return Fail(ctx, f.status());
  Response r;
  r.content_type = f->first.content_type;
  r.body = std::move(f->first.content);
  // The stored name is UTF-8: RFC 5987 encoding, plus an ASCII fallback.
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : f->second) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"evidence\"; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

namespace {

// Closing and reopening read the same body ({"note"}) and answer the same way.
using ItemDecision = Result<store::RectificationItem> (*)(store::Store&, const app::Caller&, int,
                                                          int64_t, const std::string&);
Response DecideRectificationItem(Ctx& ctx, ItemDecision decide) {
  int year = 0;
  int64_t id = 0;
  if (auto err = feedback_detail::PathItem(ctx, &year, &id)) return *err;
  Json body;
  if (auto err = feedback_detail::JsonBody(ctx, &body)) return *err;
  std::optional<Response> bad;
  const std::string note = feedback_detail::Str(ctx, body, "note", "note", &bad).value_or("");
  if (bad) return *bad;
  return feedback_detail::ItemResponse(ctx, decide(ctx.svc.store, ctx.caller(), year, id, note));
}

}  // namespace

Response CloseRectificationItem(Ctx& ctx) {
  return DecideRectificationItem(ctx, &app::feedback::CloseItem);
}

Response ReopenRectificationItem(Ctx& ctx) {
  return DecideRectificationItem(ctx, &app::feedback::ReopenItem);
}

Response RectificationClosure(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto rates = app::feedback::ClosureRatesOf(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                             app::monitoring::TodayInChina(ctx.svc.clock));
  if (!rates.ok()) return Fail(ctx, rates.status());
  Json units = Json::array();
  for (const auto& u : rates->units) {
    units.push_back({{"unit_id", u.unit_id},
                     {"name_zh", u.name_zh},
                     {"name_en", u.name_en},
                     {"total", u.total},
                     {"closed", u.closed},
                     {"open", u.open},
                     {"overdue", u.overdue},
                     {"rate", u.rate}});
  }
  return JsonResponse({{"year", rates->year},
                       {"today", rates->today},
                       {"total", rates->total},
                       {"closed", rates->closed},
                       {"rate", rates->rate},
                       {"units", std::move(units)}});
}

}  // namespace govperf::server::handlers
