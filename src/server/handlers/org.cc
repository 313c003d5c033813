// The organisation registry (机构管理): parse → app/org → DTO.
#include "app/org.h"

#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

app::UnitInput ReadUnit(BodyReader& body, std::string id) {
  app::UnitInput in;
  in.id = std::move(id);
  in.name_zh = body.OptString("name_zh");
  in.name_en = body.OptString("name_en");
  in.category_id = body.OptString("category_id");
  in.parent_id = body.OptString("parent_id");
  in.kind = body.OptString("kind");
  in.retired = body.OptBool("retired");
  in.note = body.String("note", false);
  return in;
}

}  // namespace

Response GetOrg(Ctx& ctx) {
  auto org = ctx.svc.store.LoadOrg();
  if (!org.ok()) return Fail(ctx, org.status());
  Json cats = Json::array(), units = Json::array(), changes = Json::array();
  for (const auto& c : org->categories) cats.push_back(dto::OrgCategoryJson(c));
  for (const auto& u : org->units) units.push_back(dto::OrgUnitJson(u));
  for (const auto& c : org->changes) {
    const auto embedded = [](const std::string& text) {
      if (text.empty()) return Json(nullptr);
      Json j = Json::parse(text, nullptr, false);
      return j.is_discarded() ? Json(text) : j;
    };
    changes.push_back({{"id", c.id},
                       {"at", c.at},
                       {"actor", c.actor},
                       {"kind", c.kind},
                       {"unit_id", c.unit_id},
                       {"into", c.into},
                       {"before", embedded(c.before)},
                       {"after", embedded(c.after)},
                       {"note", c.note}});
  }
  return JsonResponse({{"categories", std::move(cats)},
                       {"units", std::move(units)},
                       {"changes", std::move(changes)}});
}

Response CreateCategory(Ctx& ctx) {
  BodyReader body(ctx);
  app::CategoryInput in;
  in.id = body.String("id");
  in.name_zh = body.String("name_zh");
  in.name_en = body.String("name_en", false);
  in.kind = body.String("kind");
  if (!body.ok()) return body.error();
  auto c = app::CreateCategory(ctx.svc.store, ctx.caller(), in);
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse(dto::OrgCategoryJson(*c), 201);
}

Response UpdateCategory(Ctx& ctx) {
  BodyReader body(ctx);
  app::CategoryInput in;
  in.id = ctx.params.at("id");
  in.name_zh = body.String("name_zh", false);
  in.name_en = body.String("name_en", false);
  in.kind = body.String("kind", false);
  in.retired = body.OptBool("retired");
  if (!body.ok()) return body.error();
  auto c = app::UpdateCategory(ctx.svc.store, ctx.caller(), in);
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse(dto::OrgCategoryJson(*c));
}

Response CreateOrgUnit(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string id = body.String("id");
  app::UnitInput in = ReadUnit(body, id);
  if (body.ok() && !in.name_zh) body.String("name_zh");  // required: names the field
  if (body.ok() && !in.category_id) body.String("category_id");
  if (body.ok() && !in.kind) body.String("kind");
  if (!body.ok()) return body.error();
  auto u = app::CreateUnit(ctx.svc.store, ctx.caller(), in);
  if (!u.ok()) return Fail(ctx, u.status());
  return JsonResponse(dto::OrgUnitJson(*u), 201);
}

Response UpdateOrgUnit(Ctx& ctx) {
  BodyReader body(ctx);
  app::UnitInput in = ReadUnit(body, ctx.params.at("id"));
  if (!body.ok()) return body.error();
  auto u = app::UpdateUnit(ctx.svc.store, ctx.caller(), in);
  if (!u.ok()) return Fail(ctx, u.status());
  return JsonResponse(dto::OrgUnitJson(*u));
}

Response MergeOrgUnit(Ctx& ctx) {
  BodyReader body(ctx);
  const std::string into = body.String("into");
  const std::string note = body.String("note", false);
  if (!body.ok()) return body.error();
  auto u = app::MergeUnit(ctx.svc.store, ctx.caller(), ctx.params.at("id"), into, note);
  if (!u.ok()) return Fail(ctx, u.status());
  return JsonResponse(dto::OrgUnitJson(*u));
}

}  // namespace govperf::server::handlers
