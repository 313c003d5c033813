#include "server/dto/year_end.h"

#include "server/dto/monitoring.h"

namespace govperf::server::dto {
namespace {
Json Opt(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
}  // namespace

Json SelfEvaluationJson(const store::SelfEvaluation& e) {
  Json evidence = Json::array();
  for (const auto& r : e.evidence) evidence.push_back(EvidenceRefJson(r));
  return {{"indicator_id", e.indicator_id},
          {"unit_id", e.unit_id},
          {"value", Opt(e.value)},
          {"no_data", e.no_data},
          {"text", e.text},
          {"submissions", e.submissions},
          {"submitted_by", e.submitted_by},
          {"submitted_at", e.submitted_at},
          {"scored", e.scored},
          {"scored_value", Opt(e.scored_value)},
          {"scored_no_data", e.scored_no_data},
          {"reason", e.reason},
          {"earned", Opt(e.earned)},
          {"points", Opt(e.points)},
          {"scored_by", e.scored_by},
          {"scored_at", e.scored_at},
          {"evidence", evidence}};
}

Json SelfEvaluationRowJson(const app::year_end::SelfEvaluationRow& r) {
  return {{"indicator_id", r.leaf->id},
          {"indicator_name_zh", r.leaf->name_zh},
          {"indicator_name_en", r.leaf->name_en},
          {"points", r.leaf->points},
          {"method", r.leaf->method},
          {"unit_of_measure", r.leaf->unit_of_measure},
          {"lead_unit_id", r.leaf->lead_unit_id},
          {"unit_id", r.unit->id},
          {"unit_name_zh", r.unit->name_zh},
          {"unit_name_en", r.unit->name_en},
          {"target", Opt(r.target)},
          {"state", r.State()},
          {"office_scores", r.office_scores},
          {"self_evaluation", r.filed ? SelfEvaluationJson(*r.filed) : Json(nullptr)}};
}

Json SpotCheckItemJson(const store::SpotCheckItem& i) {
  return {{"indicator_id", i.indicator_id}, {"unit_id", i.unit_id}, {"finding", i.finding},
          {"value", Opt(i.value)},          {"reason", i.reason},   {"checked_by", i.checked_by},
          {"checked_at", i.checked_at}};
}

Json SpotCheckJson(const store::SpotCheck& c) {
  Json items = Json::array();
  for (const auto& i : c.items) items.push_back(SpotCheckItemJson(i));
  return {{"id", c.id},
          {"seed", c.seed},
          {"size", c.size},
          {"drawn_by", c.drawn_by},
          {"drawn_at", c.drawn_at},
          {"items", items}};
}

Json ClaimJson(const store::Claim& c) {
  Json opinions = Json::array(), evidence = Json::array();
  for (const auto& o : c.opinions) {
    opinions.push_back(
        {{"expert", o.expert}, {"opinion", o.opinion}, {"text", o.text}, {"at", o.at}});
  }
  for (const auto& r : c.evidence) evidence.push_back(EvidenceRefJson(r));
  return {{"id", c.id},
          {"unit_id", c.unit_id},
          {"kind", c.kind},
          {"category", c.category},
          {"points", c.points},
          {"veto_effect", c.veto_effect},
          {"reason", c.reason},
          {"raised_by", c.raised_by},
          {"raised_role", c.raised_role},
          {"raised_unit", c.raised_unit},
          {"raised_at", c.raised_at},
          {"state", c.state},
          {"decided_by", c.decided_by},
          {"decided_at", c.decided_at},
          {"decision", c.decision},
          {"adjustment_id", c.adjustment_id},
          {"opinions", opinions},
          {"evidence", evidence}};
}

Json ClaimTotalsJson(const app::year_end::ClaimTotals& t) {
  return {{"unit_id", t.unit_id},
          {"bonus_approved", t.bonus_approved},
          {"bonus_pending", t.bonus_pending},
          {"bonus_cap", t.bonus_cap},
          {"deduction_approved", t.deduction_approved},
          {"deduction_pending", t.deduction_pending},
          {"deduction_cap", t.deduction_cap},
          {"warnings", t.warnings},
          {"warnings_zh", t.warnings_zh}};
}

Json RatingSetupJson(const store::RatingSetup& s) {
  Json dims = Json::array(), levels = Json::array(), leaders = Json::array();
  for (const auto& d : s.dimensions) {
    dims.push_back(
        {{"id", d.id}, {"name_zh", d.name_zh}, {"name_en", d.name_en}, {"weight", d.weight}});
  }
  for (const auto& l : s.levels) {
    levels.push_back(
        {{"id", l.id}, {"name_zh", l.name_zh}, {"name_en", l.name_en}, {"weight", l.weight}});
  }
  for (const auto& a : s.leaders) {
    leaders.push_back({{"username", a.username}, {"level", a.level}, {"unit_ids", a.unit_ids}});
  }
  return {{"year", s.year},           {"dimensions", dims},       {"scale_min", s.scale_min},
          {"scale_max", s.scale_max}, {"levels", levels},         {"leaders", leaders},
          {"closed", s.closed()},     {"closed_by", s.closed_by}, {"closed_at", s.closed_at}};
}

store::RatingSetup RatingSetupFromJson(const Json& body) {
  store::RatingSetup s;
  for (const auto& d : body.at("dimensions")) {
    s.dimensions.push_back({d.at("id").get<std::string>(), d.at("name_zh").get<std::string>(),
                            d.value("name_en", std::string()), d.at("weight").get<double>()});
  }
  s.scale_min = body.value("scale_min", 0.0);
  s.scale_max = body.value("scale_max", 100.0);
  for (const auto& l : body.at("levels")) {
    s.levels.push_back({l.at("id").get<std::string>(), l.at("name_zh").get<std::string>(),
                        l.value("name_en", std::string()), l.at("weight").get<double>()});
  }
  if (body.contains("leaders")) {
    for (const auto& a : body.at("leaders")) {
      s.leaders.push_back({a.at("username").get<std::string>(), a.at("level").get<std::string>(),
                           a.value("unit_ids", std::vector<std::string>())});
    }
  }
  return s;
}

Json LeaderRatingJson(const store::LeaderRating& r) {
  return {{"username", r.username}, {"unit_id", r.unit_id}, {"scores", r.scores}, {"at", r.at}};
}

}  // namespace govperf::server::dto
