// The public portal (公开评估 / 数据公开): published years only. An unpublished
// year answers exactly like an unknown one, so the portal does not reveal
// which years are being assessed.
//
// A published year's results are served from a prebuilt response with an
// ETag (server/public_cache.h): rendering the JSON of a city costs far more
// than sending it, and the public page is what a whole city opens at once.
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"
#include "server/public_cache.h"

namespace govperf::server::handlers {
namespace {

bool EtagMatches(const std::string& if_none_match, const std::string& etag) {
  return if_none_match == "*" || if_none_match.find(etag) != std::string::npos;
}

Response FromEntry(const Ctx& ctx, const PublicCache::Entry& e) {
  Response r;
  if (EtagMatches(ctx.request.if_none_match, e.etag)) {
    r.status = 304;
  } else {
    r.status = 200;
    r.body = e.body;
  }
  r.headers.emplace_back("ETag", e.etag);
  // Cached, but revalidated each time: a correction to a published year
  // (rare, audited) must reach readers at once.
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace

Response PublicYears(Ctx& ctx) {
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  Json list = Json::array();
  // Each published year's certificate hash (发布证书), null for a year
  // published before certificates existed.
  Json certificates = Json::object();
  for (const auto& y : *years) {
    if (!y.published()) continue;
    list.push_back(y.year);
    auto p = ctx.svc.store.FindPublication(y.year, false);
    if (!p.ok()) return Fail(p.status());
    certificates[std::to_string(y.year)] =
        p->has_value() ? Json((*p)->certificate_sha256) : Json(nullptr);
  }
  return JsonResponse({{"years", std::move(list)}, {"certificates", std::move(certificates)}});
}

Response PublicResults(Ctx& ctx) {
  std::optional<int64_t> requested;
  if (auto err = QueryInt(ctx, "year", 1900, 9999, &requested)) return *err;
  auto years = ctx.svc.years.Years();
  if (!years.ok()) return Fail(years.status());
  std::optional<int> year;
  for (const auto& y : *years) {
    if (!y.published()) continue;
    if (!requested || y.year == *requested) year = y.year;  // ascending: last one wins
  }
  if (!year) {
    const std::string which = requested ? std::to_string(*requested) : "";
    return ErrorResponse(
        Code::kNotFound,
        requested ? ctx.T("no published results for year " + which, which + " 年度没有已公布的结果")
                  : ctx.T("no year has been published yet", "尚无已公布的年度"),
        {{"field", "year"}});
  }
  auto view = ctx.svc.years.View(*year);
  if (!view.ok()) return Fail(view.status());
  const bool plain = ctx.query.count("intervals") == 0;
  if (plain) {
    if (auto hit = ctx.svc.public_cache.Find(*year, (*view)->versions)) return FromEntry(ctx, *hit);
  }
  Json results = dto::ResultsJson(**view);
  auto certificate = ctx.svc.store.FindPublication(*year, false);
  if (!certificate.ok()) return Fail(certificate.status());
  results["certificate"] =
      certificate->has_value() ? CertificateJson(**certificate, false) : Json(nullptr);
  if (auto err = MaybeAddIntervals(ctx, **view, results)) return *err;
  if (!plain) return JsonResponse(results);
  Response rendered = JsonResponse(results);
  auto entry = ctx.svc.public_cache.Put(*year, (*view)->versions, std::move(rendered.body));
  return FromEntry(ctx, *entry);
}

}  // namespace govperf::server::handlers
