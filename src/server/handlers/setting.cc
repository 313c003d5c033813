// Indicator setting (指标设置, docs/api.md "Indicator setting"): the scoring
// method specs, node edits of the scheme, target negotiation, expert
// comments, publication and versions, adjustment requests, and the
// power-and-responsibility list. parse → app/setting → JSON.
#include <set>

#include "app/setting/change_requests.h"
#include "app/setting/comments.h"
#include "app/setting/common.h"
#include "app/setting/duties.h"
#include "app/setting/nodes.h"
#include "app/setting/targets.h"
#include "app/setting/versions.h"
#include "core/scoring/registry.h"
#include "io/scheme_json.h"
#include "server/dto/dto.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace st = app::setting;

// The request body as a JSON object (400 naming `body` otherwise).
std::optional<Response> ObjectBody(const Ctx& ctx, Json* out) {
  auto body = io::ParseJson(ctx.request.body.empty() ? "{}" : ctx.request.body, "body");
  if (!body.ok() || !body->is_object()) {
    return BadField("body", ctx.T("body: expected a JSON object", "body：应为 JSON 对象"));
  }
  *out = std::move(body).value();
  return std::nullopt;
}

// Typed optional fields of a JSON object; the first type error is kept.
class Fields {
 public:
  Fields(const Ctx& ctx, const Json& j) : ctx_(ctx), j_(j) {}
  std::optional<std::string> Str(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_string()) return Err(k, "a string", "字符串"), std::nullopt;
    return j_[k].get<std::string>();
  }
  std::string StrOr(const char* k) { return Str(k).value_or(""); }
  std::optional<double> Num(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_number()) return Err(k, "a number", "数值"), std::nullopt;
    return j_[k].get<double>();
  }
  std::optional<int> Int(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_number_integer()) return Err(k, "an integer", "整数"), std::nullopt;
    return j_[k].get<int>();
  }
  std::optional<bool> Bool(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_boolean()) return Err(k, "true or false", "true 或 false"), std::nullopt;
    return j_[k].get<bool>();
  }
  std::optional<std::vector<std::string>> Strings(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_array()) return Err(k, "an array of strings", "字符串数组"), std::nullopt;
    std::vector<std::string> out;
    for (const auto& v : j_[k]) {
      if (!v.is_string()) return Err(k, "an array of strings", "字符串数组"), std::nullopt;
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  std::optional<std::map<std::string, double>> NumMap(const char* k) {
    if (!j_.contains(k) || j_[k].is_null()) return std::nullopt;
    if (!j_[k].is_object()) return Err(k, "an object of numbers", "数值对象"), std::nullopt;
    std::map<std::string, double> out;
    for (const auto& [name, v] : j_[k].items()) {
      if (!v.is_number()) {
        Err((std::string(k) + "." + name).c_str(), "a number", "数值");
        return std::nullopt;
      }
      out[name] = v.get<double>();
    }
    return out;
  }
  bool ok() const { return !error_.has_value(); }
  Response error() const { return *error_; }

 private:
  void Err(const char* k, const char* en, const char* zh) {
    if (error_) return;
    error_ =
        BadField(k, ctx_.T(std::string(k) + ": expected " + en, std::string(k) + "：应为" + zh));
  }
  const Ctx& ctx_;
  const Json& j_;
  std::optional<Response> error_;
};

st::NodeFields ReadNode(Fields& f) {
  st::NodeFields n;
  n.id = f.Str("id");
  n.parent_id = f.Str("parent_id");
  n.name_zh = f.Str("name_zh");
  n.name_en = f.Str("name_en");
  n.unit_of_measure = f.Str("unit_of_measure");
  n.method = f.Str("method");
  n.formula = f.Str("formula");
  n.lead_unit_id = f.Str("lead_unit_id");
  n.type = f.Str("type");
  n.data_source = f.Str("data_source");
  n.frequency = f.Str("frequency");
  n.evidence_rules = f.Str("evidence_rules");
  n.content = f.Str("content");
  n.criteria = f.Str("criteria");
  n.points = f.Num("points");
  n.measurement_error = f.Num("measurement_error");
  n.direction = f.Int("direction");
  n.params = f.NumMap("params");
  n.orientations = f.Strings("orientations");
  n.category_ids = f.Strings("category_ids");
  n.unit_ids = f.Strings("unit_ids");
  n.cumulative = f.Bool("cumulative");
  return n;
}

Json EventJson(const store::TargetEvent& e) {
  return {{"seq", e.seq},      {"at", e.at},         {"actor", e.actor},
          {"role", e.role},    {"action", e.action}, {"value", dto::OptionalNumber(e.value)},
          {"reason", e.reason}};
}

Json NegotiationJson(const store::TargetNegotiation& n) {
  Json history = Json::array();
  for (const auto& e : n.history) history.push_back(EventJson(e));
  return {{"indicator_id", n.indicator_id},
          {"unit_id", n.unit_id},
          {"state", n.state},
          {"lead_value", dto::OptionalNumber(n.lead_value)},
          {"unit_value", dto::OptionalNumber(n.unit_value)},
          {"agreed_value", dto::OptionalNumber(n.agreed_value)},
          {"updated_at", n.updated_at},
          {"history", std::move(history)}};
}

Json VersionJson(const store::SchemeVersion& v) {
  return {{"year", v.year},
          {"version", v.version},
          {"at", v.at},
          {"actor", v.actor},
          {"note", v.note},
          {"change_request", v.change_request},
          {"sha256", v.content_sha256}};
}

Json RequestJson(const store::ChangeRequest& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"indicator_id", r.indicator_id},
          {"unit_id", r.unit_id},
          {"change", Json::parse(r.change, nullptr, false)},
          {"reason", r.reason},
          {"evidence", r.evidence},
          {"state", r.state},
          {"requested_by", r.requested_by},
          {"requested_role", r.requested_role},
          {"requested_unit", r.requested_unit},
          {"requested_at", r.requested_at},
          {"decided_by", r.decided_by},
          {"decided_at", r.decided_at},
          {"decision", r.decision},
          {"version", r.version}};
}

Json DutyJson(const store::DutyItem& d) {
  return {{"id", d.id}, {"title", d.title}, {"basis", d.basis}, {"category", d.category}};
}

std::optional<Response> PathInt(const Ctx& ctx, const char* name, int64_t* out) {
  if (!ParseInt(ctx.params.at(name), out) || *out < 1) {
    return BadField(name, ctx.T(std::string(name) + ": expected a positive integer",
                                std::string(name) + "：应为正整数"));
  }
  return std::nullopt;
}

}  // namespace

Response ScoringMethods(Ctx& ctx) {
  (void)ctx;
  Json methods = Json::array();
  for (const auto& m : core::scoring::Methods()) {
    Json params = Json::array();
    for (const auto& p : m.params) {
      params.push_back({{"name", p.name}, {"default", p.default_value}, {"doc", p.doc}});
    }
    methods.push_back({{"name", m.name},
                       {"name_zh", m.name_zh},
                       {"needs_target", m.needs_target},
                       {"uses_formula", std::string(m.name) == "formula"},
                       {"params", std::move(params)}});
  }
  return JsonResponse({{"methods", std::move(methods)},
                       {"frequencies", st::Frequencies()},
                       {"types", {"outcome", "output", "process"}},
                       {"directions", {1, -1}}});
}

Response SettingScheme(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = st::LoadYear(ctx.svc.store, year);
  if (!info.ok()) return Fail(ctx, info.status());
  // The office drafts alone; units and lead departments read from setting on.
  if (core::RoleNeedsUnit(ctx.role()) && info->stage == core::Stage::kDraft) {
    return Fail(ctx, Status::Denied("the scheme of a draft year is not open to units yet")
                         .Zh("草稿阶段的方案尚未向各单位开放"));
  }
  auto scheme = ctx.svc.store.LoadScheme(year);
  if (!scheme.ok()) return Fail(ctx, scheme.status());
  auto last = st::LastVersion(ctx.svc.store, year);
  if (!last.ok()) return Fail(ctx, last.status());
  Json nodes = Json::array();
  for (const auto& i : scheme->indicators) {
    nodes.push_back(st::NodeToJson(i, st::IsLeaf(*scheme, i.id)));
  }
  Json units = Json::array();
  for (const auto& u : scheme->units) {
    units.push_back({{"id", u.id},
                     {"name_zh", u.name_zh},
                     {"name_en", u.name_en},
                     {"category_id", u.category_id}});
  }
  Json categories = Json::array();
  for (const auto& c : scheme->categories) {
    categories.push_back({{"id", c.id}, {"name_zh", c.name_zh}, {"name_en", c.name_en}});
  }
  const bool editable =
      (info->stage == core::Stage::kDraft || info->stage == core::Stage::kSetting) && *last == 0;
  return JsonResponse({{"year", year},
                       {"status", core::StageName(info->stage)},
                       {"version", *last},
                       {"frozen", *last > 0},
                       {"editable", editable},
                       {"point_mismatches", st::PointMismatches(*scheme)},
                       {"nodes", std::move(nodes)},
                       {"units", std::move(units)},
                       {"categories", std::move(categories)}});
}

Response AddNode(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  auto fields = ReadNode(f);
  if (!f.ok()) return f.error();
  auto n = st::AddNode(ctx.svc.store, ctx.caller(), year, fields);
  if (!n.ok()) return Fail(ctx, n.status());
  return JsonResponse(st::NodeToJson(*n, !n->method.empty()), 201);
}

Response EditNode(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  auto fields = ReadNode(f);
  if (!f.ok()) return f.error();
  auto n = st::EditNode(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"), fields);
  if (!n.ok()) return Fail(ctx, n.status());
  return JsonResponse(st::NodeToJson(*n, !n->method.empty()));
}

Response MoveNode(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  const std::string parent = f.StrOr("parent_id");
  if (!f.ok()) return f.error();
  auto n = st::MoveNode(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"), parent);
  if (!n.ok()) return Fail(ctx, n.status());
  return JsonResponse(st::NodeToJson(*n, !n->method.empty()));
}

Response DeleteNode(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Status s = st::DeleteNode(ctx.svc.store, ctx.caller(), year, ctx.params.at("id"));
  if (!s.ok()) return Fail(ctx, s);
  return JsonResponse({{"ok", true}});
}

Response ListTargets(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  st::TargetFilter filter;
  if (auto it = ctx.query.find("indicator_id"); it != ctx.query.end())
    filter.indicator_id = it->second;
  if (auto it = ctx.query.find("unit_id"); it != ctx.query.end()) filter.unit_id = it->second;
  if (auto it = ctx.query.find("awaiting"); it != ctx.query.end()) {
    if (it->second != "me") {
      return BadField("awaiting", ctx.T("awaiting: only 'me'", "awaiting：只能为 me"));
    }
    filter.awaiting_me = true;
  }
  auto rows = st::ListTargets(ctx.svc.store, ctx.caller(), year, filter);
  if (!rows.ok()) return Fail(ctx, rows.status());
  Json out = Json::array();
  for (const auto& r : *rows) {
    Json row = NegotiationJson(r.negotiation);
    row["indicator_name_zh"] = r.indicator_name_zh;
    row["indicator_name_en"] = r.indicator_name_en;
    row["lead_unit_id"] = r.lead_unit_id;
    row["target"] = dto::OptionalNumber(r.scheme_target);
    row["awaits"] = r.awaits;
    row["awaiting_me"] = r.awaiting_me;
    out.push_back(std::move(row));
  }
  return JsonResponse({{"year", year}, {"targets", std::move(out)}});
}

Response ProposeTargets(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  if (!body.contains("items") || !body["items"].is_array()) {
    return BadField("items",
                    ctx.T("items: expected an array of proposals", "items：应为目标值提议数组"));
  }
  std::vector<st::TargetProposal> items;
  for (size_t i = 0; i < body["items"].size(); ++i) {
    const Json& j = body["items"][i];
    if (!j.is_object()) {
      const std::string f = "items[" + std::to_string(i) + "]";
      return BadField(f, ctx.T(f + ": expected an object", f + "：应为对象"));
    }
    Fields f(ctx, j);
    st::TargetProposal p{f.StrOr("indicator_id"), f.StrOr("unit_id"), f.Num("value"),
                         f.StrOr("reason")};
    if (!f.ok()) return f.error();
    items.push_back(std::move(p));
  }
  auto out = st::ProposeTargets(ctx.svc.store, ctx.caller(), year, items);
  if (!out.ok()) return Fail(ctx, out.status());
  Json rows = Json::array();
  for (const auto& n : *out) rows.push_back(NegotiationJson(n));
  return JsonResponse({{"targets", std::move(rows)}});
}

Response TargetStep(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  st::TargetStep step{f.StrOr("indicator_id"), f.StrOr("unit_id"), f.StrOr("action"),
                      f.Num("value"), f.StrOr("reason")};
  if (!f.ok()) return f.error();
  auto n = st::TakeTargetStep(ctx.svc.store, ctx.caller(), year, step);
  if (!n.ok()) return Fail(ctx, n.status());
  return JsonResponse(NegotiationJson(*n));
}

Response ListComments(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  std::string indicator;
  if (auto it = ctx.query.find("indicator_id"); it != ctx.query.end()) indicator = it->second;
  auto list = st::ListComments(ctx.svc.store, year, indicator);
  if (!list.ok()) return Fail(ctx, list.status());
  Json out = Json::array();
  for (const auto& c : *list) {
    out.push_back({{"id", c.id},
                   {"indicator_id", c.indicator_id},
                   {"at", c.at},
                   {"author", c.author},
                   {"role", c.role},
                   {"text", c.text}});
  }
  return JsonResponse({{"year", year}, {"comments", std::move(out)}});
}

Response AddComment(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  const std::string indicator = f.StrOr("indicator_id");
  const std::string text = f.StrOr("text");
  if (!f.ok()) return f.error();
  auto c = st::AddComment(ctx.svc.store, ctx.caller(), year, indicator, text);
  if (!c.ok()) return Fail(ctx, c.status());
  return JsonResponse({{"id", c->id},
                       {"indicator_id", c->indicator_id},
                       {"at", c->at},
                       {"author", c->author},
                       {"role", c->role},
                       {"text", c->text}},
                      201);
}

Response PublishScheme(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  const std::string note = f.StrOr("note");
  if (!f.ok()) return f.error();
  auto v = st::PublishScheme(ctx.svc.store, ctx.caller(), year, note);
  if (!v.ok()) return Fail(ctx, v.status());
  return JsonResponse(VersionJson(*v));
}

Response ListVersions(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto list = st::ListVersions(ctx.svc.store, year);
  if (!list.ok()) return Fail(ctx, list.status());
  Json out = Json::array();
  for (const auto& v : *list) out.push_back(VersionJson(v));
  return JsonResponse({{"year", year}, {"versions", std::move(out)}});
}

Response GetVersion(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t version = 0;
  if (auto err = PathInt(ctx, "version", &version)) return *err;
  auto s = st::LoadVersion(ctx.svc.store, year, static_cast<int>(version));
  if (!s.ok()) return Fail(ctx, s.status());
  return JsonResponse({{"year", year}, {"version", version}, {"scheme", io::SchemeToJson(*s)}});
}

Response DiffVersions(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  std::optional<int64_t> from, to;
  constexpr int64_t kMaxVersion = 1000000;
  if (auto err = QueryInt(ctx, "from", 1, kMaxVersion, &from)) return *err;
  if (auto err = QueryInt(ctx, "to", 1, kMaxVersion, &to)) return *err;
  if (!from) return BadField("from", ctx.T("from: required", "from：必填"));
  auto a = st::LoadVersion(ctx.svc.store, year, static_cast<int>(*from));
  if (!a.ok()) return Fail(ctx, Status(a.status()).Field("from"));
  // Without `to`: against the scheme in force.
  auto b = to ? st::LoadVersion(ctx.svc.store, year, static_cast<int>(*to))
              : ctx.svc.store.LoadScheme(year);
  if (!b.ok()) return Fail(ctx, Status(b.status()).Field("to"));
  Json diff = st::DiffSchemes(*a, *b);
  diff["year"] = year;
  diff["from"] = *from;
  diff["to"] = to ? Json(*to) : Json("current");
  return JsonResponse(diff);
}

Response ListChangeRequests(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  bool awaiting = false;
  if (auto it = ctx.query.find("awaiting"); it != ctx.query.end()) {
    if (it->second != "me") {
      return BadField("awaiting", ctx.T("awaiting: only 'me'", "awaiting：只能为 me"));
    }
    awaiting = true;
  }
  auto list = st::ListChanges(ctx.svc.store, ctx.caller(), year, awaiting);
  if (!list.ok()) return Fail(ctx, list.status());
  Json out = Json::array();
  for (const auto& r : *list) out.push_back(RequestJson(r));
  return JsonResponse({{"year", year}, {"change_requests", std::move(out)}});
}

Response AddChangeRequest(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  st::ChangeRequestInput in;
  in.kind = f.StrOr("kind");
  in.indicator_id = f.StrOr("indicator_id");
  in.unit_id = f.StrOr("unit_id");
  in.value = f.Num("value");
  in.points = f.Num("points");
  in.method = f.Str("method");
  in.params = f.NumMap("params");
  in.category_ids = f.Strings("category_ids");
  in.unit_ids = f.Strings("unit_ids");
  in.reason = f.StrOr("reason");
  in.evidence = f.StrOr("evidence");
  if (!f.ok()) return f.error();
  auto r = st::RequestChange(ctx.svc.store, ctx.caller(), year, in);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(RequestJson(*r), 201);
}

Response DecideChangeRequest(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  int64_t id = 0;
  if (auto err = PathInt(ctx, "id", &id)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  const std::optional<bool> approve = f.Bool("approve");
  const std::string reason = f.StrOr("reason");
  if (!f.ok()) return f.error();
  if (!approve)
    return BadField("approve", ctx.T("approve: required (true or false)", "approve：必填"));
  auto r = st::DecideChange(ctx.svc.store, ctx.caller(), year, id, *approve, reason);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(RequestJson(*r));
}

Response GetDuties(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  const std::string unit = ctx.params.at("unit");
  auto d = st::LoadUnitDuties(ctx.svc.store, ctx.caller(), year, unit);
  if (!d.ok()) return Fail(ctx, d.status());
  Json items = Json::array(), uncovered = Json::array(), links = Json::array();
  for (const auto& i : d->items) items.push_back(DutyJson(i));
  for (const auto& i : d->uncovered) uncovered.push_back(DutyJson(i));
  for (const auto& l : d->links) {
    links.push_back({{"item_id", l.item_id}, {"indicator_id", l.indicator_id}});
  }
  return JsonResponse({{"year", year},
                       {"unit_id", unit},
                       {"items", std::move(items)},
                       {"links", std::move(links)},
                       {"uncovered", std::move(uncovered)}});
}

Response PutDuties(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  const std::string unit = ctx.params.at("unit");
  std::vector<store::DutyItem> items;
  // A JSON object body, or the office's sheet: .xlsx or CSV text (anything
  // not starting with '{').
  const std::string& b = ctx.request.body;
  const size_t first = b.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && b[first] != '{') {
    auto parsed = st::ParseDutiesSheet(ctx.request.body, unit);
    if (!parsed.ok()) return Fail(ctx, parsed.status());
    items = std::move(parsed).value();
  } else {
    Json body;
    if (auto err = ObjectBody(ctx, &body)) return *err;
    if (!body.contains("items") || !body["items"].is_array()) {
      return BadField("items",
                      ctx.T("items: expected an array of duty items", "items：应为权责事项数组"));
    }
    for (size_t i = 0; i < body["items"].size(); ++i) {
      const Json& j = body["items"][i];
      const std::string row = "items[" + std::to_string(i) + "]";
      if (!j.is_object())
        return BadField(row, ctx.T(row + ": expected an object", row + "：应为对象"));
      Fields f(ctx, j);
      items.push_back(
          {unit, f.StrOr("id"), f.StrOr("title"), f.StrOr("basis"), f.StrOr("category")});
      if (!f.ok()) return f.error();
    }
  }
  auto n = st::ImportDuties(ctx.svc.store, ctx.caller(), year, unit, std::move(items));
  if (!n.ok()) return Fail(ctx, n.status());
  return JsonResponse({{"ok", true}, {"unit_id", unit}, {"items", *n}});
}

Response PutDutyLinks(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Json body;
  if (auto err = ObjectBody(ctx, &body)) return *err;
  Fields f(ctx, body);
  const auto ids = f.Strings("item_ids");
  if (!f.ok()) return f.error();
  if (!ids) return BadField("item_ids", ctx.T("item_ids: required", "item_ids：必填"));
  Status s = st::LinkDuties(ctx.svc.store, ctx.caller(), year, ctx.params.at("unit"),
                            ctx.params.at("indicator"), *ids);
  if (!s.ok()) return Fail(ctx, s);
  return JsonResponse({{"ok", true}, {"item_ids", *ids}});
}

}  // namespace govperf::server::handlers
