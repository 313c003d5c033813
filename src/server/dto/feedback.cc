#include "server/dto/feedback.h"

#include "server/dto/dto.h"

namespace govperf::server::dto {

Json FeedbackReportJson(const core::FeedbackReport& r) {
  Json dimensions = Json::array();
  for (const auto& d : r.dimensions) {
    dimensions.push_back({{"id", d.id},
                          {"name_zh", d.name_zh},
                          {"name_en", d.name_en},
                          {"earned", d.earned},
                          {"points", d.points}});
  }
  Json trend = Json::array();
  for (const auto& t : r.trend) {
    trend.push_back({{"year", t.year},
                     {"total", t.total},
                     {"rank", t.rank},
                     {"category_size", t.category_size},
                     {"grade", t.grade},
                     {"grade_zh", t.grade_zh},
                     {"grade_en", t.grade_en},
                     {"provisional", t.provisional}});
  }
  Json lost = Json::array();
  for (const auto& p : r.lost_points) {
    lost.push_back({{"indicator_id", p.indicator_id},
                    {"dimension_id", p.dimension_id},
                    {"name_zh", p.name_zh},
                    {"name_en", p.name_en},
                    {"unit_of_measure", p.unit_of_measure},
                    {"points", p.points},
                    {"earned", p.earned},
                    {"lost", p.lost},
                    {"target", OptionalNumber(p.target)},
                    {"actual", OptionalNumber(p.actual)},
                    {"status", p.status},
                    {"rule", p.rule},
                    {"rule_zh", p.rule_zh}});
  }
  Json adjustments = Json::array();
  for (const auto& a : r.adjustments) {
    adjustments.push_back({{"id", a.id},
                           {"kind", a.kind},
                           {"points", a.points},
                           {"reason_zh", a.reason_zh},
                           {"reason_en", a.reason_en}});
  }
  Json appeals = Json::array();
  for (const auto& a : r.appeals) {
    appeals.push_back({{"id", a.id},
                       {"indicator_id", a.indicator_id},
                       {"claim", a.claim},
                       {"outcome", a.outcome},
                       {"outcome_zh", a.outcome_zh},
                       {"decision", a.decision},
                       {"decided_at", a.decided_at}});
  }
  Json opinions = Json::array();
  for (const auto& o : r.opinions) {
    opinions.push_back(
        {{"id", o.id}, {"source", o.source}, {"text", o.text}, {"indicator_id", o.indicator_id}});
  }
  return {{"year", r.year},
          {"status", r.stage},
          {"provisional", r.provisional},
          {"unit",
           {{"id", r.unit_id},
            {"name_zh", r.unit_name_zh},
            {"name_en", r.unit_name_en},
            {"category_id", r.category_id},
            {"category_name_zh", r.category_name_zh},
            {"category_name_en", r.category_name_en}}},
          {"summary",
           {{"total", r.total},
            {"total_text", core::FormatScore(r.total)},
            {"rank", r.rank},
            {"category_size", r.category_size},
            {"grade", r.grade},
            {"grade_zh", r.grade_zh},
            {"grade_en", r.grade_en},
            {"indicator_score", r.indicator_score},
            {"satisfaction", r.satisfaction},
            {"leadership", r.leadership},
            {"bonus", r.bonus},
            {"deduction", r.deduction},
            {"vetoed", r.vetoed},
            {"grade_notes_zh", r.grade_notes_zh},
            {"grade_notes_en", r.grade_notes_en}}},
          {"dimensions", std::move(dimensions)},
          {"trend", std::move(trend)},
          {"lost_points", std::move(lost)},
          {"adjustments", std::move(adjustments)},
          {"appeals", std::move(appeals)},
          {"opinions", std::move(opinions)}};
}

}  // namespace govperf::server::dto
