// 季度通报 quarterly bulletins: list, the office's draft preview (JSON, PDF),
// issuing, one issued bulletin as JSON or PDF. parse → app/barometer → DTO.
#include "app/barometer/bulletins.h"

#include "app/monitoring/calendar.h"
#include "io/bulletin_json.h"
#include "io/pdf/bulletin_pdf.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

Json IssuedJson(const app::barometer::IssuedBulletin& b, bool with_content) {
  Json j = {{"id", b.record.id},
            {"year", b.record.year},
            {"quarter", b.record.quarter},
            {"number", b.record.number},
            {"number_text", core::barometer::BulletinNumber(b.record.year, b.record.number)},
            {"title", core::barometer::BulletinTitle(b.bulletin)},
            {"issued_on", b.record.issued_on},
            {"issued_by", b.record.issued_by},
            {"issued_at", b.record.issued_at},
            {"content_sha256", b.record.content_sha256}};
  if (with_content) j["content"] = io::BulletinToJson(b.bulletin);
  return j;
}

Response PdfResponse(std::string bytes, const std::string& name) {
  Response r;
  r.content_type = "application/pdf";
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

// ?quarter=N, required, 1..4 (400 naming `quarter` otherwise).
std::optional<Response> QueryQuarter(Ctx& ctx, int* quarter) {
  std::optional<int64_t> q;
  if (auto err = QueryInt(ctx, "quarter", 1, 4, &q)) return err;
  if (!q) {
    return BadField("quarter", ctx.T("quarter: required, 1 to 4", "quarter：必填，1 至 4"));
  }
  *quarter = static_cast<int>(*q);
  return std::nullopt;
}

}  // namespace

Response ListBulletins(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto list = app::barometer::ListBulletins(ctx.svc.years, ctx.svc.store, ctx.caller(), year);
  if (!list.ok()) return Fail(ctx, list.status());
  Json rows = Json::array();
  for (const auto& b : *list) rows.push_back(IssuedJson(b, false));
  return JsonResponse({{"year", year}, {"bulletins", std::move(rows)}});
}

Response PreviewBulletin(Ctx& ctx) {
  int year = 0, quarter = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  if (auto err = QueryQuarter(ctx, &quarter)) return *err;
  auto b = app::barometer::PreviewBulletin(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                           quarter, app::monitoring::TodayInChina(ctx.svc.clock));
  if (!b.ok()) return Fail(ctx, b.status());
  return JsonResponse(io::BulletinToJson(*b));
}

Response PreviewBulletinPdf(Ctx& ctx) {
  int year = 0, quarter = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  if (auto err = QueryQuarter(ctx, &quarter)) return *err;
  auto b = app::barometer::PreviewBulletin(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                           quarter, app::monitoring::TodayInChina(ctx.svc.clock));
  if (!b.ok()) return Fail(ctx, b.status());
  auto pdf = io::pdf::RenderBulletinPdf(*b);
  if (!pdf.ok()) return Fail(ctx, pdf.status());
  return PdfResponse(std::move(*pdf), "bulletin-" + std::to_string(year) + "-Q" +
                                          std::to_string(quarter) + "-draft.pdf");
}

Response IssueBulletin(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const std::optional<double> quarter = body.NumberOrNull("quarter");
  const std::string foreword = body.String("foreword", false);
  if (!body.ok()) return body.error();
  if (!quarter || *quarter != static_cast<int>(*quarter)) {
    return BadField("quarter", ctx.T("quarter: required, 1 to 4", "quarter：必填，1 至 4"));
  }
  auto b = app::barometer::IssueBulletin(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                         static_cast<int>(*quarter), foreword,
                                         app::monitoring::TodayInChina(ctx.svc.clock));
  if (!b.ok()) return Fail(ctx, b.status());
  return JsonResponse(IssuedJson(*b, true), 201);
}

Response GetBulletin(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  std::string id_text = ctx.params.at("id");
  const bool pdf = id_text.size() > 4 && id_text.ends_with(".pdf");
  if (pdf) id_text.resize(id_text.size() - 4);
  int64_t id = 0;
  if (!ParseInt(id_text, &id) || id <= 0) {
    return BadField("id", ctx.T("id: expected a bulletin number id (or id.pdf)",
                                "id：应为通报编号（或 编号.pdf）"));
  }
  auto b = app::barometer::GetBulletin(ctx.svc.store, ctx.caller(), year, id);
  if (!b.ok()) return Fail(ctx, b.status());
  if (!pdf) return JsonResponse(IssuedJson(*b, true));
  auto bytes = io::pdf::RenderBulletinPdf(b->bulletin);
  if (!bytes.ok()) return Fail(ctx, bytes.status());
  return PdfResponse(std::move(*bytes), "bulletin-" + std::to_string(year) + "-" +
                                            std::to_string(b->record.number) + ".pdf");
}

}  // namespace govperf::server::handlers
