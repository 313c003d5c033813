// 社会评价 office routes of collection: the review queue, issuing invitation
// codes as CSV, fieldwork progress. parse → app/survey → DTO.
#include "app/survey/codes.h"
#include "app/survey/review.h"
#include "io/survey_json.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace sv = core::survey;

Json ResponseJson(const sv::Response& r) {
  return {{"id", r.id},
          {"channel", r.channel},
          {"group_id", r.group_id},
          {"cells", io::CellsToJson(r.cells)},
          {"answers", io::AnswersToJson(r.answers)},
          {"started_at_ms", r.started_at_ms},
          {"submitted_at_ms", r.submitted_at_ms},
          {"received_at", r.received_at},
          {"client_hash", r.client_hash},
          {"status", sv::ResponseStatusName(r.status)},
          {"reason", r.reason},
          {"batch_id", r.batch_id},
          {"reviewed_by", r.reviewed_by},
          {"review_note", r.review_note}};
}

}  // namespace

Response ListSurveyResponses(Ctx& ctx) {
  std::optional<sv::ResponseStatus> status;
  if (auto it = ctx.query.find("status"); it != ctx.query.end() && !it->second.empty()) {
    status = sv::ParseResponseStatus(it->second);
    if (!status) {
      return BadField("status", ctx.T("status: accepted, flagged or rejected",
                                      "status：应为 accepted、flagged 或 rejected"));
    }
  }
  std::optional<int64_t> after, limit;
  if (auto e = QueryInt(ctx, "after", 0, INT64_MAX / 2, &after)) return *e;
  if (auto e = QueryInt(ctx, "limit", 1, app::survey::kMaxResponsePage, &limit)) return *e;
  auto rows = app::survey::ListResponses(ctx.svc.store, ctx.caller(), ctx.params.at("id"), status,
                                         after.value_or(0), static_cast<int>(limit.value_or(100)));
  if (!rows.ok()) return Fail(ctx, rows.status());
  Json list = Json::array();
  for (const sv::Response& r : *rows) list.push_back(ResponseJson(r));
  const int64_t next = rows->empty() ? 0 : rows->back().id;
  return JsonResponse(
      {{"survey_id", ctx.params.at("id")}, {"responses", std::move(list)}, {"next_after", next}});
}

Response ReviewSurveyResponse(Ctx& ctx) {
  int64_t rid = 0;
  if (!ParseInt(ctx.params.at("rid"), &rid) || rid <= 0) {
    return BadField("rid", ctx.T("rid: expected a response id", "rid：应为答卷编号"));
  }
  BodyReader body(ctx);
  const std::string status_text = body.String("status");
  const std::string note = body.OptString("note").value_or("");
  if (!body.ok()) return body.error();
  auto status = sv::ParseResponseStatus(status_text);
  if (!status) {
    return BadField("status",
                    ctx.T("status: accepted or rejected", "status：应为 accepted 或 rejected"));
  }
  Status st = app::survey::ReviewResponse(ctx.svc.store, ctx.caller(), ctx.params.at("id"), rid,
                                          *status, note);
  if (!st.ok()) return Fail(ctx, st);
  auto rows = ctx.svc.store.ListResponses(ctx.params.at("id"), std::nullopt, rid - 1, 1);
  if (!rows.ok()) return Fail(ctx, rows.status());
  if (rows->empty() || rows->front().id != rid) return JsonResponse({{"id", rid}});
  return JsonResponse(ResponseJson(rows->front()));
}

Response IssueSurveyCodes(Ctx& ctx) {
  Json body = Json::parse(ctx.request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return BadField("body", ctx.T("request body: expected a JSON object", "请求体应为 JSON 对象"));
  }
  app::survey::CodeRequest req;
  req.survey_id = ctx.params.at("id");
  if (!body.contains("count") || !body["count"].is_number_integer()) {
    return BadField("count", ctx.T("count: an integer is required", "count：必填整数"));
  }
  const int64_t count = body["count"].get<int64_t>();
  req.count = count > INT32_MAX || count < INT32_MIN ? -1 : static_cast<int>(count);
  if (body.contains("group_id")) {
    if (!body["group_id"].is_string()) return BadField("group_id", "group_id: expected a string");
    req.group_id = body["group_id"].get<std::string>();
  }
  if (body.contains("unit_id")) {
    if (!body["unit_id"].is_string()) return BadField("unit_id", "unit_id: expected a string");
    req.unit_id = body["unit_id"].get<std::string>();
  }
  if (body.contains("cells") && !body["cells"].is_null()) {
    auto cells = io::CellsFromJson(body["cells"]);
    if (!cells.ok()) return Fail(ctx, cells.status());
    req.cells = std::move(*cells);
  }
  if (req.group_id.empty()) {
    // The survey's first group, as `govperf survey codes` does.
    auto s = ctx.svc.store.FindSurvey(req.survey_id);
    if (!s.ok()) return Fail(ctx, s.status());
    if (s->has_value() && !(*s)->groups.empty()) req.group_id = (*s)->groups.front().id;
  }
  auto codes = app::survey::IssueCodes(ctx.svc.store, ctx.caller(), req);
  if (!codes.ok()) return Fail(ctx, codes.status());
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  // Absolute links with `serve --public-url` (what a letter or SMS needs; the
  // same base as the QR code and poster), relative without: the request's
  // Host header may be an internal name, not the address citizens reach.
  r.body = app::survey::CodesCsv(*codes, req.survey_id, ctx.svc.options.public_url);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"codes-" + req.survey_id + ".csv\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response SurveyFieldwork(Ctx& ctx) {
  auto f = app::survey::FieldworkProgress(ctx.svc.store, ctx.caller(), ctx.params.at("id"));
  if (!f.ok()) return Fail(ctx, f.status());
  Json groups = Json::array();
  for (const auto& g : f->groups) {
    groups.push_back({{"group_id", g.group_id},
                      {"accepted", g.accepted},
                      {"flagged", g.flagged},
                      {"rejected", g.rejected}});
  }
  Json quotas = Json::array();
  for (const auto& q : f->quotas) {
    quotas.push_back(
        {{"group_id", q.group_id},
         {"variable", q.variable},
         {"level", q.level},
         {"target", q.target},
         {"accepted", q.accepted},
         {"progress", q.target > 0 ? static_cast<double>(q.accepted) / q.target : 0.0}});
  }
  Json cells = Json::array();
  for (const auto& c : f->cells) {
    cells.push_back({{"group_id", c.group_id},
                     {"variable", c.variable},
                     {"level", c.level},
                     {"accepted", c.accepted}});
  }
  return JsonResponse(
      {{"survey_id", f->survey_id},
       {"status", f->status},
       {"counts", {{"accepted", f->accepted}, {"flagged", f->flagged}, {"rejected", f->rejected}}},
       {"groups", std::move(groups)},
       {"quotas", std::move(quotas)},
       {"cells", std::move(cells)}});
}

}  // namespace govperf::server::handlers
