// 年终考核 year-end assessment: self-evaluations and their scoring, spot
// checks, bonus / deduction / veto claims, the leadership rating.
// parse → app/year_end → dto/year_end.
#include "server/dto/year_end.h"

#include <cctype>
#include <map>
#include <random>

#include "app/year_end/claims.h"
#include "app/year_end/lead_scoring.h"
#include "app/year_end/leader_rating.h"
#include "app/year_end/self_evaluation.h"
#include "app/year_end/spot_checks.h"
#include "server/dto/monitoring.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace ye = app::year_end;

std::string Param(const Ctx& ctx, const char* k) {
  auto it = ctx.params.find(k);
  return it == ctx.params.end() ? std::string() : it->second;
}

std::string Query(const Ctx& ctx, const char* name) {
  auto it = ctx.query.find(name);
  return it == ctx.query.end() ? std::string() : it->second;
}

std::optional<Response> PathId(const Ctx& ctx, int64_t* id) {
  if (!ParseInt(Param(ctx, "id"), id) || *id < 1) return BadField("id", "a positive integer");
  return std::nullopt;
}

// A stored file as a download (same headers as monitoring evidence).
Response FileResponse(app::monitoring::EvidenceDownload f) {
  Response r;
  r.content_type = f.file.content_type;
  r.body = std::move(f.file.content);
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : f.file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"evidence\"; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

// ---- 自评 and 牵头单位评分 ----

Response ListSelfEvaluations(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  bool led = false;
  if (auto err = QueryFlag(ctx, "led", &led)) return *err;
  ye::SelfEvaluationFilter f{Query(ctx, "unit"), Query(ctx, "indicator"), Query(ctx, "state"), led};
  auto list = ye::List(ctx.svc.years, ctx.svc.store, ctx.caller(), year, f);
  if (!list.ok()) return Fail(ctx, list.status());
  Json rows = Json::array();
  std::map<std::string, int> counts;
  for (const auto& r : list->rows) {
    rows.push_back(dto::SelfEvaluationRowJson(r));
    ++counts[r.State()];
  }
  auto info = ctx.svc.years.Year(year);
  return JsonResponse({{"year", year},
                       {"stage", info.ok() ? core::StageName(info->stage) : ""},
                       {"counts", counts},
                       {"rows", std::move(rows)}});
}

Response SubmitSelfEvaluation(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  ye::SelfEvaluationInput in;
  in.indicator_id = Param(ctx, "indicator");
  in.unit_id = Param(ctx, "unit");
  in.value = body.NumberOrNull("value");
  in.no_data = body.Bool("no_data", false);
  in.text = body.String("text", /*required=*/false);
  if (!body.ok()) return body.error();
  auto r = ye::Submit(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::SelfEvaluationJson(*r));
}

Response AddSelfEvaluationEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto ref =
      ye::AddEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year, Param(ctx, "indicator"),
                      Param(ctx, "unit"), Query(ctx, "name"), ctx.request.body);
  if (!ref.ok()) return Fail(ctx, ref.status());
  return JsonResponse(dto::EvidenceRefJson(*ref), 201);
}

Response GetSelfEvaluationEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto f = ye::GetEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                           Param(ctx, "indicator"), Param(ctx, "unit"), Param(ctx, "sha256"));
  if (!f.ok()) return Fail(ctx, f.status());
  return FileResponse(std::move(*f));
}

Response ScoreSelfEvaluation(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  ye::ScoreInput in;
  in.indicator_id = Param(ctx, "indicator");
  in.unit_id = Param(ctx, "unit");
  // A qualitative leaf's grade (1 = A .. 4 = D) is its value.
  in.value = body.Has("grade") ? body.NumberOrNull("grade") : body.NumberOrNull("value");
  in.no_data = body.Bool("no_data", false);
  in.reason = body.String("reason", /*required=*/false);
  if (!body.ok()) return body.error();
  auto r = ye::Score(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::SelfEvaluationJson(*r));
}

// ---- 抽查 ----

Response ListSpotChecks(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  auto checks = ctx.svc.store.ListSpotChecks(year);
  if (!checks.ok()) return Fail(ctx, checks.status());
  Json out = Json::array();
  for (const auto& c : *checks) out.push_back(dto::SpotCheckJson(c));
  return JsonResponse({{"year", year}, {"checks", out}});
}

Response DrawSpotCheck(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const auto size = body.NumberOrNull("size");
  // The seed is decimal text (a 64-bit number does not fit a JSON double);
  // absent: drawn here, and recorded either way.
  const auto seed_text = body.OptString("seed");
  if (!body.ok()) return body.error();
  if (!size || *size != static_cast<int>(*size)) return BadField("size", "an integer");
  uint64_t seed = 0;
  if (seed_text && !seed_text->empty()) {
    if (seed_text->size() > 20 || seed_text->find_first_not_of("0123456789") != std::string::npos) {
      return BadField("seed", "decimal digits (a 64-bit number)");
    }
    try {
      seed = std::stoull(*seed_text);
    } catch (...) {
      return BadField("seed", "decimal digits (a 64-bit number)");
    }
  } else {
    std::random_device rd;
    seed = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  }
  auto c = ye::DrawSpotCheck(ctx.svc.years, ctx.svc.store, ctx.caller(), year, seed,
                             static_cast<int>(*size));
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse(dto::SpotCheckJson(*c), 201);
}

Response RecordSpotFinding(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  ye::FindingInput in;
  in.check_id = id;
  in.indicator_id = body.String("indicator_id");
  in.unit_id = body.String("unit_id");
  in.finding = body.String("finding");
  in.value = body.NumberOrNull("value");
  in.reason = body.String("reason", false);
  if (!body.ok()) return body.error();
  auto r = ye::RecordFinding(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::SpotCheckItemJson(*r));
}

// ---- 加减分与否决 ----

Response ListClaims(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto l = ye::ListClaims(ctx.svc.years, ctx.svc.store, ctx.caller(), year);
  if (!l.ok()) return Fail(ctx, l.status());
  Json claims = Json::array(), totals = Json::array();
  for (const auto& c : l->claims) claims.push_back(dto::ClaimJson(c));
  for (const auto& t : l->totals) totals.push_back(dto::ClaimTotalsJson(t));
  return JsonResponse({{"year", year}, {"claims", claims}, {"totals", totals}});
}

Response RaiseClaim(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  ye::ClaimInput in;
  in.unit_id = body.String("unit_id");
  in.kind = body.String("kind");
  in.category = body.String("category", false);
  in.points = body.NumberOrNull("points").value_or(0);
  in.veto_effect = body.String("veto_effect", false);
  in.reason = body.String("reason", false);
  if (!body.ok()) return body.error();
  auto c = ye::RaiseClaim(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse(dto::ClaimJson(*c), 201);
}

Response AddClaimEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathId(ctx, &id)) return *err;
  auto ref = ye::AddClaimEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id,
                                  Query(ctx, "name"), ctx.request.body);
  if (!ref.ok()) return Fail(ctx, ref.status());
  return JsonResponse(dto::EvidenceRefJson(*ref), 201);
}

Response GetClaimEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathId(ctx, &id)) return *err;
  auto f = ye::GetClaimEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id,
                                Param(ctx, "sha256"));
  if (!f.ok()) return Fail(ctx, f.status());
  return FileResponse(std::move(*f));
}

Response ClaimOpinion(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const std::string opinion = body.String("opinion");
  const std::string text = body.String("text", false);
  if (!body.ok()) return body.error();
  auto c = ye::GiveOpinion(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id, opinion, text);
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse(dto::ClaimJson(*c));
}

Response DecideClaim(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathId(ctx, &id)) return *err;
  BodyReader body(ctx);
  const auto approve = body.OptBool("approve");
  const std::string reason = body.String("reason", false);
  if (!body.ok()) return body.error();
  if (!approve) return BadField("approve", "true or false");
  auto d = ye::DecideClaim(ctx.svc.years, ctx.svc.store, ctx.caller(), year, id, *approve, reason);
  if (!d.ok()) return Fail(ctx, d.status());
  return JsonResponse({{"claim", dto::ClaimJson(d->claim)},
                       {"warnings", d->warnings},
                       {"warnings_zh", d->warnings_zh}});
}

// ---- 领导评价 ----

Response GetRatingSetup(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto s = ye::GetRatingSetup(ctx.svc.store, ctx.caller(), year);
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse(dto::RatingSetupJson(*s));
}

Response PutRatingSetup(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body = Json::parse(ctx.request.body, nullptr, false);
  if (!body.is_object()) return BadField("body", "expected a JSON object");
  store::RatingSetup in;
  try {
    in = dto::RatingSetupFromJson(body);
  } catch (const Json::exception&) {
    return BadField("body",
                    "dimensions [{id, name_zh, weight}], levels [{id, name_zh, weight}], leaders "
                    "[{username, level, unit_ids}], scale_min, scale_max");
  }
  auto s = ye::PutRatingSetup(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in);
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse(dto::RatingSetupJson(*s));
}

Response ListLeaderRatings(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto r = ye::ListRatings(ctx.svc.store, ctx.caller(), year, Query(ctx, "leader"));
  if (!r.ok()) return Fail(ctx, r.status());
  Json out = Json::array();
  for (const auto& x : *r) out.push_back(dto::LeaderRatingJson(x));
  Json body = {{"year", year}, {"ratings", out}};
  // The office previews the aggregate before closing.
  if (ctx.caller().role == core::Role::kAdmin) {
    auto setup = ctx.svc.store.LoadRatingSetup(year);
    if (setup.ok() && setup->has_value()) body["aggregate"] = ye::AggregateRatings(**setup, *r);
  }
  return JsonResponse(body);
}

Response PutLeaderRating(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const auto scores = body.NumberMap("scores");
  if (!body.ok()) return body.error();
  auto r = ye::Rate(ctx.svc.years, ctx.svc.store, ctx.caller(), year, Param(ctx, "unit"), scores);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::LeaderRatingJson(*r));
}

Response CloseLeaderRating(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto agg = ye::CloseRating(ctx.svc.years, ctx.svc.store, ctx.caller(), year);
  if (!agg.ok()) return Fail(ctx, agg.status());
  return JsonResponse({{"year", year}, {"leadership", *agg}});
}

}  // namespace govperf::server::handlers
