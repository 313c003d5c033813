#include "server/dto/monitoring.h"

namespace govperf::server::dto {
namespace {

Json Num(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Json EvidenceRefJson(const store::EvidenceRef& e) {
  return {{"sha256", e.sha256}, {"name", e.file_name},    {"content_type", e.content_type},
          {"size", e.size},     {"added_by", e.added_by}, {"added_at", e.added_at}};
}

Json ReportJson(const store::MonitoringReport& r) {
  Json evidence = Json::array();
  for (const auto& e : r.evidence) evidence.push_back(EvidenceRefJson(e));
  return {{"year", r.year},
          {"indicator_id", r.indicator_id},
          {"unit_id", r.unit_id},
          {"period", r.period},
          {"state", store::ReportStateName(r.state)},
          {"value", Num(r.value)},
          {"no_data", r.no_data},
          {"narrative", r.narrative},
          {"due_date", r.due_date},
          {"late", r.late},
          {"submissions", r.submissions},
          {"resubmitted", r.submissions > 1},
          {"submitted_by", r.submitted_by},
          {"submitted_at", r.submitted_at},
          {"decided_by", r.decided_by},
          {"decided_at", r.decided_at},
          {"return_reason", r.return_reason},
          {"evidence", std::move(evidence)}};
}

Json SlotJson(const app::monitoring::Slot& s) {
  return {{"indicator_id", s.indicator_id},
          {"unit_id", s.unit_id},
          {"lead_unit_id", s.lead_unit_id},
          {"period", s.period},
          {"due_date", core::monitoring::FormatDate(s.due)},
          {"state", s.State()},
          {"report", s.report ? ReportJson(*s.report) : Json(nullptr)}};
}

Json InboxMessageJson(const store::InboxMessage& m) {
  return {{"id", m.id},
          {"at", m.at},
          {"kind", m.kind},
          {"year", m.year},
          {"subject", m.subject},
          {"title_zh", m.title_zh},
          {"title_en", m.title_en},
          {"body_zh", m.body_zh},
          {"body_en", m.body_en},
          {"read", !m.read_at.empty()},
          {"read_at", m.read_at}};
}

Json NodeTaskJson(const store::NodeTask& t) {
  return {{"id", t.id},
          {"name_zh", t.name_zh},
          {"name_en", t.name_en},
          {"stage", t.stage},
          {"from_role", t.from_role},
          {"from_unit", t.from_unit},
          {"due_date", t.due_date},
          {"done", t.done}};
}

Json CalendarDayJson(const store::CalendarDay& d) {
  return {{"date", d.date},
          {"kind", d.working ? "workday" : "holiday"},
          {"name_zh", d.name_zh},
          {"name_en", d.name_en}};
}

Json MonitoringSettingsJson(const store::MonitoringSettings& m) {
  return {{"year", m.year},
          {"default_frequency", m.default_frequency},
          {"due_days_after", m.due_days_after},
          {"reminder_working_days", m.reminder_working_days},
          {"red_after_working_days", m.red_after_working_days},
          {"progress_green", m.progress_green},
          {"progress_yellow", m.progress_yellow},
          {"frequencies", m.frequencies}};
}

Json ProgressJson(const app::monitoring::Progress& p) {
  Json rows = Json::array();
  for (const auto& r : p.rows) {
    rows.push_back({{"unit_id", r.unit_id},
                    {"indicator_id", r.indicator_id},
                    {"lead_unit_id", r.lead_unit_id},
                    {"target", Num(r.target)},
                    {"value", Num(r.value)},
                    {"period", r.period},
                    {"completion", Num(r.completion)},
                    {"ratio", Num(r.ratio)},
                    {"status", r.status}});
  }
  Json units = Json::array();
  for (const auto& u : p.units) units.push_back({{"unit_id", u.unit_id}, {"counts", u.counts}});
  return {{"year", p.year},         {"date", p.date},
          {"elapsed", p.elapsed},   {"thresholds", {{"green", p.green}, {"yellow", p.yellow}}},
          {"totals", p.totals},     {"units", std::move(units)},
          {"rows", std::move(rows)}};
}

Json RemindLineJson(const app::monitoring::RemindLine& l) {
  Json j = {{"year", l.year},         {"kind", l.kind},      {"subject", l.subject},
            {"due_date", l.due_date}, {"level", l.level},    {"working_days", l.working_days},
            {"recorded", l.recorded}, {"unit_id", l.unit_id}};
  if (l.kind == "report") {
    j["indicator_id"] = l.indicator_id;
    j["period"] = l.period;
  } else if (l.kind == "rectification") {  // 整改 (app/feedback/rectification_remind.h)
    j["item_id"] = l.task_id;
    j["indicator_id"] = l.indicator_id;
    j["name_zh"] = l.name_zh;
  } else {
    j["task_id"] = l.task_id;
    j["from_role"] = l.from_role;
    j["name_zh"] = l.name_zh;
  }
  return j;
}

}  // namespace govperf::server::dto
