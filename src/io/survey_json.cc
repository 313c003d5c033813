#include "io/survey_json.h"

#include "io/json_obj.h"

namespace govperf::io {
namespace {

using nlohmann::json;
namespace sv = core::survey;

json OptionsToJson(const std::vector<sv::Option>& options) {
  json a = json::array();
  for (const auto& o : options) a.push_back({{"id", o.id}, {"label_zh", o.label_zh}, {"label_en", o.label_en}});
  return a;
}

json QuestionToJson(const sv::Question& q) {
  json j{{"id", q.id},
         {"kind", sv::QuestionKindName(q.kind)},
         {"text_zh", q.text_zh},
         {"text_en", q.text_en},
         {"required", q.required}};
  switch (q.kind) {
    case sv::QuestionKind::kScale:
      j["scale_min"] = q.scale_min;
      j["scale_max"] = q.scale_max;
      j["allow_dont_know"] = q.allow_dont_know;
      break;
    case sv::QuestionKind::kChoice:
      j["options"] = OptionsToJson(q.options);
      if (!q.margin.empty()) j["margin"] = q.margin;
      break;
    case sv::QuestionKind::kText:
      j["max_length"] = q.max_length;
      break;
  }
  if (q.kind != sv::QuestionKind::kChoice) {
    if (!q.unit_id.empty()) j["unit_id"] = q.unit_id;
    if (!q.unit_from.empty()) j["unit_from"] = q.unit_from;
  }
  return j;
}

Status ParseQuestion(const Obj& o, sv::Question& q) {
  GOVPERF_RETURN_IF_ERROR(o.Str("id", q.id, true));
  std::string kind;
  GOVPERF_RETURN_IF_ERROR(o.Str("kind", kind, true));
  auto k = sv::ParseQuestionKind(kind);
  if (!k) {
    return Status::Invalid(o.Where("kind") + ": expected scale, text or choice, got '" + kind + "'")
        .Field(o.Where("kind"));
  }
  q.kind = *k;
  GOVPERF_RETURN_IF_ERROR(o.Str("text_zh", q.text_zh));
  GOVPERF_RETURN_IF_ERROR(o.Str("text_en", q.text_en));
  GOVPERF_RETURN_IF_ERROR(o.Bool("required", q.required));
  GOVPERF_RETURN_IF_ERROR(o.Int("scale_min", q.scale_min));
  GOVPERF_RETURN_IF_ERROR(o.Int("scale_max", q.scale_max));
  GOVPERF_RETURN_IF_ERROR(o.Bool("allow_dont_know", q.allow_dont_know));
  GOVPERF_RETURN_IF_ERROR(o.Each("options", false, [&](const Obj& oo) -> Status {
    sv::Option opt;
    GOVPERF_RETURN_IF_ERROR(oo.Str("id", opt.id, true));
    GOVPERF_RETURN_IF_ERROR(oo.Str("label_zh", opt.label_zh));
    GOVPERF_RETURN_IF_ERROR(oo.Str("label_en", opt.label_en));
    q.options.push_back(std::move(opt));
    return Status::Ok();
  }));
  GOVPERF_RETURN_IF_ERROR(o.Str("unit_id", q.unit_id));
  GOVPERF_RETURN_IF_ERROR(o.Str("unit_from", q.unit_from));
  GOVPERF_RETURN_IF_ERROR(o.Str("margin", q.margin));
  GOVPERF_RETURN_IF_ERROR(o.Int("max_length", q.max_length));
  return Status::Ok();
}

}  // namespace

json SurveyDefinitionToJson(const sv::Survey& s) {
  json groups = json::array();
  for (const auto& g : s.groups) {
    groups.push_back({{"id", g.id}, {"name_zh", g.name_zh}, {"name_en", g.name_en}, {"weight", g.weight}});
  }
  json questions = json::array();
  for (const auto& q : s.questions) questions.push_back(QuestionToJson(q));
  json points = json::object();
  for (const auto& [v, p] : s.scale_points) points[std::to_string(v)] = p;
  json margins = json::object();
  for (const auto& [g, m] : s.margins) margins[g] = m;
  json quotas = json::array();
  for (const auto& q : s.quotas) {
    quotas.push_back({{"group_id", q.group_id}, {"variable", q.variable}, {"level", q.level}, {"target", q.target}});
  }
  return json{{"title_zh", s.title_zh},
              {"title_en", s.title_en},
              {"intro_zh", s.intro_zh},
              {"intro_en", s.intro_en},
              {"groups", groups},
              {"questions", questions},
              {"scale_points", points},
              {"margins", margins},
              {"quotas", quotas},
              {"min_sample", s.min_sample},
              {"public_link", s.public_link},
              {"public_group", s.public_group},
              {"opens_at", s.opens_at},
              {"closes_at", s.closes_at},
              {"speeder_ms_per_question", s.speeder_ms_per_question},
              {"straightline_min_answers", s.straightline_min_answers}};
}

json SurveyToJson(const sv::Survey& s) {
  json j = SurveyDefinitionToJson(s);
  j["id"] = s.id;
  j["year"] = s.year;
  j["status"] = sv::SurveyStatusName(s.status);
  return j;
}

Result<sv::Survey> SurveyFromJson(const json& j, const sv::Survey& base) {
  sv::Survey s = base;
  Obj o(j, "");
  GOVPERF_RETURN_IF_ERROR(o.CheckObject());
  GOVPERF_RETURN_IF_ERROR(o.Str("id", s.id));
  GOVPERF_RETURN_IF_ERROR(o.Int("year", s.year));
  if (o.Has("status")) {
    std::string st;
    GOVPERF_RETURN_IF_ERROR(o.Str("status", st));
    auto p = sv::ParseSurveyStatus(st);
    if (!p) return Status::Invalid("status: expected draft, open or closed").Field("status");
    s.status = *p;
  }
  GOVPERF_RETURN_IF_ERROR(o.Str("title_zh", s.title_zh));
  GOVPERF_RETURN_IF_ERROR(o.Str("title_en", s.title_en));
  GOVPERF_RETURN_IF_ERROR(o.Str("intro_zh", s.intro_zh));
  GOVPERF_RETURN_IF_ERROR(o.Str("intro_en", s.intro_en));
  if (o.Has("groups")) {
    s.groups.clear();
    GOVPERF_RETURN_IF_ERROR(o.Each("groups", false, [&](const Obj& g) -> Status {
      sv::Group gr;
      GOVPERF_RETURN_IF_ERROR(g.Str("id", gr.id, true));
      GOVPERF_RETURN_IF_ERROR(g.Str("name_zh", gr.name_zh));
      GOVPERF_RETURN_IF_ERROR(g.Str("name_en", gr.name_en));
      GOVPERF_RETURN_IF_ERROR(g.Num("weight", gr.weight, true));
      s.groups.push_back(std::move(gr));
      return Status::Ok();
    }));
  }
  if (o.Has("questions")) {
    s.questions.clear();
    GOVPERF_RETURN_IF_ERROR(o.Each("questions", false, [&](const Obj& q) -> Status {
      sv::Question qu;
      GOVPERF_RETURN_IF_ERROR(ParseQuestion(q, qu));
      s.questions.push_back(std::move(qu));
      return Status::Ok();
    }));
  }
  if (o.Has("scale_points")) {
    std::map<std::string, double> raw;
    GOVPERF_RETURN_IF_ERROR(o.NumMap("scale_points", raw));
    s.scale_points.clear();
    for (const auto& [k, v] : raw) {
      int value = 0;
      size_t used = 0;
      const bool digits = !k.empty() && k.size() <= 4 &&
                          k.find_first_not_of("-0123456789") == std::string::npos;
      if (digits) value = std::stoi(k, &used);  // ≤ 4 characters: no overflow
      if (!digits || used != k.size()) {
        return Status::Invalid("scale_points." + k + ": the key must be a scale value such as \"5\"")
            .Field("scale_points");
      }
      s.scale_points[value] = v;
    }
  }
  if (o.Has("margins")) {
    if (!o.At("margins").is_object()) return Status::Invalid("margins: expected an object").Field("margins");
    s.margins.clear();
    for (const auto& [group, vars] : o.At("margins").items()) {
      Obj g(vars, "margins." + group);
      GOVPERF_RETURN_IF_ERROR(g.CheckObject());
      for (const auto& [var, levels] : vars.items()) {
        std::map<std::string, double> totals;
        GOVPERF_RETURN_IF_ERROR(g.NumMap(var, totals));
        s.margins[group][var] = std::move(totals);
      }
    }
  }
  if (o.Has("quotas")) {
    s.quotas.clear();
    GOVPERF_RETURN_IF_ERROR(o.Each("quotas", false, [&](const Obj& q) -> Status {
      sv::Quota qu;
      GOVPERF_RETURN_IF_ERROR(q.Str("group_id", qu.group_id, true));
      GOVPERF_RETURN_IF_ERROR(q.Str("variable", qu.variable, true));
      GOVPERF_RETURN_IF_ERROR(q.Str("level", qu.level, true));
      GOVPERF_RETURN_IF_ERROR(q.Int("target", qu.target, true));
      s.quotas.push_back(std::move(qu));
      return Status::Ok();
    }));
  }
  GOVPERF_RETURN_IF_ERROR(o.Int("min_sample", s.min_sample));
  GOVPERF_RETURN_IF_ERROR(o.Bool("public_link", s.public_link));
  GOVPERF_RETURN_IF_ERROR(o.Str("public_group", s.public_group));
  double opens = static_cast<double>(s.opens_at), closes = static_cast<double>(s.closes_at);
  GOVPERF_RETURN_IF_ERROR(o.Num("opens_at", opens));
  GOVPERF_RETURN_IF_ERROR(o.Num("closes_at", closes));
  if (opens < 0 || closes < 0 || opens > 9e15 || closes > 9e15) {
    return Status::Invalid("opens_at/closes_at: expected unix seconds").Field("opens_at");
  }
  s.opens_at = static_cast<int64_t>(opens);
  s.closes_at = static_cast<int64_t>(closes);
  GOVPERF_RETURN_IF_ERROR(o.Int("speeder_ms_per_question", s.speeder_ms_per_question));
  GOVPERF_RETURN_IF_ERROR(o.Int("straightline_min_answers", s.straightline_min_answers));
  return s;
}

json AnswersToJson(const sv::Answers& answers) {
  json j = json::object();
  for (const auto& [id, a] : answers) {
    if (a.dont_know) {
      j[id] = nullptr;
    } else if (a.scale) {
      j[id] = *a.scale;
    } else {
      j[id] = a.text;
    }
  }
  return j;
}

Result<sv::Answers> AnswersFromJson(const json& j) {
  if (!j.is_object()) return Status::Invalid("answers: expected an object").Field("answers");
  sv::Answers out;
  for (const auto& [id, v] : j.items()) {
    sv::Answer a;
    if (v.is_null()) {
      a.dont_know = true;
    } else if (v.is_number_integer()) {
      const int64_t x = v.get<int64_t>();
      if (x < -1000 || x > 1000) return Status::Invalid("answers." + id + ": out of range").Field("answers." + id);
      a.scale = static_cast<int>(x);
    } else if (v.is_string()) {
      a.text = v.get<std::string>();
    } else {
      return Status::Invalid("answers." + id + ": expected an integer, a string or null")
          .Field("answers." + id);
    }
    out.emplace(id, std::move(a));
  }
  return out;
}

json CellsToJson(const std::map<std::string, std::string>& cells) {
  json j = json::object();
  for (const auto& [k, v] : cells) j[k] = v;
  return j;
}

Result<std::map<std::string, std::string>> CellsFromJson(const json& j) {
  if (!j.is_object()) return Status::Invalid("cells: expected an object").Field("cells");
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string()) return Status::Invalid("cells." + k + ": expected a string").Field("cells." + k);
    out[k] = v.get<std::string>();
  }
  return out;
}

}  // namespace govperf::io
