// 公示, committee approval and publication (app/publication/): the year's
// publication state for every signed-in role, the committee's approval
// (years.write), and on the public portal each published year's certificate
// and its results as open data (CSV, JSON, xlsx) — from the snapshot.
#include "app/exchange/exchange.h"
#include "app/monitoring/calendar.h"
#include "app/publication/approval.h"
#include "app/publication/publish.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace pub = app::publication;
namespace cm = core::monitoring;

cm::Date PubToday(const Ctx& ctx) { return app::monitoring::TodayInChina(ctx.svc.clock); }

Json PubWindowJson(const store::PublicityWindow& w) {
  return {{"seq", w.seq},
          {"start_date", w.start_date},
          {"end_date", w.end_date},
          {"working_days", w.working_days},
          {"at", w.at},
          {"actor", w.actor}};
}

Json PubApprovalJson(const store::CommitteeApproval& a) {
  return {{"window_seq", a.window_seq},
          {"meeting_date", a.meeting_date},
          {"meeting_ref", a.meeting_ref},
          {"note", a.note},
          {"at", a.at},
          {"actor", a.actor}};
}

// The published year asked for (?year=), or the latest; an unpublished year
// answers like an unknown one (the portal's rule).
std::optional<Response> PubPublishedYear(Ctx& ctx, int* out) {
  std::optional<int64_t> requested;
  if (auto err = QueryInt(ctx, "year", 1900, 9999, &requested)) return *err;
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  std::optional<int> year;
  for (const auto& y : *years) {
    if (!y.published()) continue;
    if (!requested || y.year == *requested) year = y.year;
  }
  if (!year) {
    const std::string which = requested ? std::to_string(*requested) : "";
    return ErrorResponse(
        Code::kNotFound,
        requested ? ctx.T("no published results for year " + which, which + " 年度没有已公布的结果")
                  : ctx.T("no year has been published yet", "尚无已公布的年度"),
        {{"field", "year"}});
  }
  *out = *year;
  return std::nullopt;
}

}  // namespace

Json CertificateJson(const store::Publication& p, bool with_actor) {
  Json j = {{"year", p.year},
            {"published_at", p.at},
            {"certificate_sha256", p.certificate_sha256},
            {"data_version", p.data_version},
            {"data_sha256", p.data_sha256},
            {"previous_data_sha256", p.previous_data_sha256},
            {"scheme_sha256", p.scheme_sha256},
            {"scheme_version", p.scheme_version},
            {"engine_version", p.engine_version},
            {"results_sha256", p.results_sha256},
            {"audit_head_id", p.audit_head_id},
            {"audit_head_hash", p.audit_head_hash}};
  if (with_actor) j["actor"] = p.actor;
  return j;
}

Response PublicationState(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto s = pub::StateOf(ctx.svc.store, year, PubToday(ctx));
  if (!s.ok()) return Fail(ctx, s.status());
  Json out = {
      {"year", year},
      {"status", core::StageName(s->info.stage)},
      {"today", cm::FormatDate(PubToday(ctx))},
      {"window", s->window ? PubWindowJson(*s->window) : Json(nullptr)},
      {"window_open", s->window_open},
      {"approval", s->approval ? PubApprovalJson(*s->approval) : Json(nullptr)},
      {"certificate", s->publication ? CertificateJson(*s->publication, true) : Json(nullptr)}};
  return JsonResponse(out);
}

Response RecordApproval(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  pub::ApprovalInput in;
  in.meeting_date = body.String("meeting_date");
  in.meeting_ref = body.String("meeting_ref");
  in.note = body.String("note", false);
  if (!body.ok()) return body.error();
  auto a = pub::RecordApproval(ctx.svc.store, ctx.caller(), year, in, PubToday(ctx));
  if (!a.ok()) return Fail(ctx, a.status());
  return JsonResponse(PubApprovalJson(*a), 201);
}

Response PublicCertificate(Ctx& ctx) {
  int year = 0;
  if (auto err = PubPublishedYear(ctx, &year)) return *err;
  auto p = ctx.svc.store.FindPublication(year, false);
  if (!p.ok()) return Fail(ctx, p.status());
  // null: the year was published before certificates existed.
  return JsonResponse(
      {{"year", year},
       {"certificate", p->has_value() ? CertificateJson(**p, false) : Json(nullptr)}});
}

Response PublicDownload(Ctx& ctx) {
  int year = 0;
  if (auto err = PubPublishedYear(ctx, &year)) return *err;
  const auto it = ctx.query.find("format");
  const std::string format = it == ctx.query.end() ? "json" : it->second;
  if (format == "json") {
    // The snapshot's own bytes: their SHA-256 is the certificate's results_sha256.
    auto p = ctx.svc.store.FindPublication(year, true);
    if (!p.ok()) return Fail(ctx, p.status());
    Response r;
    r.content_type = "application/json; charset=utf-8";
    if (p->has_value()) {
      r.body = (*p)->results;
    } else {
      auto view = ctx.svc.years.View(year);
      if (!view.ok()) return Fail(ctx, view.status());
      r.body = dto::ResultsJson(**view).dump();
    }
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"results-" + std::to_string(year) + ".json\"");
    return r;
  }
  auto f = app::exchange::ParseFormat(format);
  if (!f) {
    return BadField("format",
                    ctx.T("format: must be csv, json or xlsx", "format：应为 csv、json 或 xlsx"));
  }
  // Served from the results service, which serves a published year from its snapshot.
  auto file = app::exchange::Export(ctx.svc.years, ctx.svc.store, ctx.caller(),
                                    app::exchange::What::kResults, year, *f);
  if (!file.ok()) return Fail(ctx, file.status());
  Response r;
  r.content_type = file->content_type;
  r.body = file->bytes;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  return r;
}

}  // namespace govperf::server::handlers
