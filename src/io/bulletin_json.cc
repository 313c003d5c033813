#include "io/bulletin_json.h"

namespace govperf::io {

using nlohmann::json;
namespace cb = core::barometer;

namespace {

json NamedJson(const std::vector<cb::NamedUnit>& list) {
  json out = json::array();
  for (const cb::NamedUnit& n : list) {
    out.push_back({{"unit_id", n.unit_id},
                   {"name_zh", n.name_zh},
                   {"name_en", n.name_en},
                   {"category_id", n.category_id},
                   {"score", n.score},
                   {"reason_zh", n.reason_zh},
                   {"reason_en", n.reason_en}});
  }
  return out;
}

cb::Tally TallyFrom(const json& j) {
  cb::Tally t;
  t.on_track = j.value("on_track", 0);
  t.lagging = j.value("lagging", 0);
  t.red = j.value("red", 0);
  t.no_data = j.value("no_data", 0);
  t.reports_due = j.value("reports_due", 0);
  t.on_time = j.value("on_time", 0);
  t.late = j.value("late", 0);
  t.missing = j.value("missing", 0);
  t.red_cards = j.value("red_cards", 0);
  t.verified = j.value("verified", 0);
  return t;
}

std::vector<cb::NamedUnit> NamedFrom(const json& j) {
  std::vector<cb::NamedUnit> out;
  for (const json& n : j) {
    out.push_back({n.value("unit_id", ""), n.value("name_zh", ""), n.value("name_en", ""),
                   n.value("category_id", ""), n.value("score", 0.0), n.value("reason_zh", ""),
                   n.value("reason_en", "")});
  }
  return out;
}

}  // namespace

json TallyToJson(const cb::Tally& t) {
  return {{"on_track", t.on_track},
          {"lagging", t.lagging},
          {"red", t.red},
          {"no_data", t.no_data},
          {"reports_due", t.reports_due},
          {"on_time", t.on_time},
          {"late", t.late},
          {"missing", t.missing},
          {"red_cards", t.red_cards},
          {"verified", t.verified},
          {"on_track_share", t.on_track_share()},
          {"verified_share", t.verified_share()},
          {"on_time_share", t.on_time_share()}};
}

json BulletinToJson(const cb::Bulletin& b) {
  json cats = json::array();
  for (const cb::BulletinCategory& c : b.categories) {
    cats.push_back({{"category_id", c.category_id},
                    {"name_zh", c.name_zh},
                    {"name_en", c.name_en},
                    {"units", c.units},
                    {"tally", TallyToJson(c.tally)}});
  }
  json units = json::array();
  for (const cb::BulletinUnit& u : b.units) {
    units.push_back({{"unit_id", u.unit_id},
                     {"name_zh", u.name_zh},
                     {"name_en", u.name_en},
                     {"category_id", u.category_id},
                     {"problem_score", u.problem_score},
                     {"tally", TallyToJson(u.tally)}});
  }
  return {{"year", b.year},
          {"quarter", b.quarter},
          {"number", b.number},
          {"number_text", cb::BulletinNumber(b.year, b.number)},
          {"title", cb::BulletinTitle(b)},
          {"draft", b.draft},
          {"as_of", b.as_of},
          {"quarter_end", b.quarter_end},
          {"issued_on", b.issued_on},
          {"issued_by", b.issued_by},
          {"foreword", b.foreword},
          {"thresholds",
           {{"green", b.green},
            {"yellow", b.yellow},
            {"red_after_working_days", b.red_after_working_days}}},
          {"city", TallyToJson(b.city)},
          {"categories", std::move(cats)},
          {"units", std::move(units)},
          {"criticised", NamedJson(b.criticised)},
          {"praised", NamedJson(b.praised)}};
}

Result<cb::Bulletin> BulletinFromJson(const json& j) {
  if (!j.is_object()) return Status::Invalid("content: not a JSON object").Field("content");
  try {
    cb::Bulletin b;
    b.year = j.at("year").get<int>();
    b.quarter = j.at("quarter").get<int>();
    b.number = j.value("number", 0);
    b.draft = j.value("draft", false);
    b.as_of = j.value("as_of", "");
    b.quarter_end = j.value("quarter_end", "");
    b.issued_on = j.value("issued_on", "");
    b.issued_by = j.value("issued_by", "");
    b.foreword = j.value("foreword", "");
    if (j.contains("thresholds")) {
      const json& t = j["thresholds"];
      b.green = t.value("green", 1.0);
      b.yellow = t.value("yellow", 0.8);
      b.red_after_working_days = t.value("red_after_working_days", 5);
    }
    if (j.contains("city")) b.city = TallyFrom(j["city"]);
    for (const json& c : j.value("categories", json::array())) {
      b.categories.push_back({c.value("category_id", ""), c.value("name_zh", ""),
                              c.value("name_en", ""), c.value("units", 0),
                              TallyFrom(c.value("tally", json::object()))});
    }
    for (const json& u : j.value("units", json::array())) {
      b.units.push_back({u.value("unit_id", ""), u.value("name_zh", ""), u.value("name_en", ""),
                         u.value("category_id", ""), TallyFrom(u.value("tally", json::object())),
                         u.value("problem_score", 0.0)});
    }
    b.criticised = NamedFrom(j.value("criticised", json::array()));
    b.praised = NamedFrom(j.value("praised", json::array()));
    return b;
  } catch (const json::exception& e) {
    return Status::Invalid(std::string("content: ") + e.what()).Field("content");
  }
}

}  // namespace govperf::io
