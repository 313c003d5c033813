// DTOs of 日常监测 monitoring: reports and their slots, evidence refs, inbox
// messages, node tasks, calendar days, settings, progress, remind lines.
#pragma once

#include <nlohmann/json.hpp>

#include "app/monitoring/calendar.h"
#include "app/monitoring/progress.h"
#include "store/store.h"

namespace govperf::server::dto {

using Json = nlohmann::json;

Json EvidenceRefJson(const store::EvidenceRef& e);
Json ReportJson(const store::MonitoringReport& r);
// A slot: indicator_id, unit_id, lead_unit_id, period, due_date, state, report (or null).
Json SlotJson(const app::monitoring::Slot& s);
Json InboxMessageJson(const store::InboxMessage& m);
Json NodeTaskJson(const store::NodeTask& t);
Json CalendarDayJson(const store::CalendarDay& d);
Json MonitoringSettingsJson(const store::MonitoringSettings& m);
Json ProgressJson(const app::monitoring::Progress& p);
Json RemindLineJson(const app::monitoring::RemindLine& l);

}  // namespace govperf::server::dto
