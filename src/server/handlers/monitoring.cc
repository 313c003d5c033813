// 日常监测 monitoring: reports (submit, verify, return, evidence), the year's
// calendar (settings, node tasks, working days), time progress and the CSV
// import of one leaf's values. parse → app/monitoring → dto/monitoring.
#include "server/dto/monitoring.h"

#include <cctype>
#include <map>

#include "app/monitoring/calendar.h"
#include "app/monitoring/import_csv.h"
#include "app/monitoring/progress.h"
#include "app/monitoring/reports.h"
#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

namespace mon = app::monitoring;

mon::ReportKey PathReport(const Ctx& ctx) {
  auto at = [&](const char* k) {
    auto it = ctx.params.find(k);
    return it == ctx.params.end() ? std::string() : it->second;
  };
  return {at("indicator"), at("unit"), at("period")};
}

std::string Query(const Ctx& ctx, const char* name) {
  auto it = ctx.query.find(name);
  return it == ctx.query.end() ? std::string() : it->second;
}

mon::Date Today(const Ctx& ctx) { return mon::TodayInChina(ctx.svc.clock); }

}  // namespace

Response ListReports(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  mon::ReportFilter f{Query(ctx, "unit"), Query(ctx, "indicator"), Query(ctx, "state")};
  auto slots = mon::List(ctx.svc.years, ctx.svc.store, ctx.caller(), year, f);
  if (!slots.ok()) return Fail(ctx, slots.status());
  Json rows = Json::array();
  std::map<std::string, int> counts;
  for (const auto& s : *slots) {
    rows.push_back(dto::SlotJson(s));
    ++counts[s.State()];
  }
  return JsonResponse({{"year", year},
                       {"today", core::monitoring::FormatDate(Today(ctx))},
                       {"counts", counts},
                       {"reports", std::move(rows)}});
}

Response GetReport(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto r = mon::Get(ctx.svc.years, ctx.svc.store, ctx.caller(), year, PathReport(ctx));
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::ReportJson(*r));
}

Response SubmitReport(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  mon::ReportInput in;
  in.key = PathReport(ctx);
  in.value = body.NumberOrNull("value");
  in.no_data = body.Bool("no_data", false);
  in.narrative = body.String("narrative", /*required=*/false);
  if (!body.ok()) return body.error();
  auto r = mon::Submit(ctx.svc.years, ctx.svc.store, ctx.caller(), year, in, Today(ctx));
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::ReportJson(*r));
}

Response VerifyReport(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto r = mon::Verify(ctx.svc.years, ctx.svc.store, ctx.caller(), year, PathReport(ctx));
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::ReportJson(*r));
}

Response ReturnReport(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  const std::string reason = body.String("reason");
  if (!body.ok()) return body.error();
  auto r = mon::Return(ctx.svc.years, ctx.svc.store, ctx.caller(), year, PathReport(ctx), reason);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(dto::ReportJson(*r));
}

Response AddEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  // The body is the file itself; its name comes in ?name=.
  auto ref = mon::AddEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year, PathReport(ctx),
                              Query(ctx, "name"), ctx.request.body);
  if (!ref.ok()) return Fail(ctx, ref.status());
  return JsonResponse(dto::EvidenceRefJson(*ref), 201);
}

Response GetEvidence(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto f = mon::GetEvidence(ctx.svc.years, ctx.svc.store, ctx.caller(), year, PathReport(ctx),
                            ctx.params["sha256"]);
  if (!f.ok()) return Fail(ctx, f.status());
  Response r;
  r.content_type = f->file.content_type;
  r.body = std::move(f->file.content);
  // The stored name is UTF-8: RFC 5987 encoding, plus an ASCII fallback.
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : f->file_name) {
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

Response GetMonitoringSettings(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  auto m = ctx.svc.store.LoadMonitoringSettings(year);
  if (!m.ok()) return Fail(ctx, m.status());
  return JsonResponse(dto::MonitoringSettingsJson(*m));
}

Response PutMonitoringSettings(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto current = ctx.svc.store.LoadMonitoringSettings(year);
  if (!current.ok()) return Fail(ctx, current.status());
  store::MonitoringSettings m = *current;
  Json body = Json::parse(ctx.request.body, nullptr, false);
  if (!body.is_object()) return BadField("body", "expected a JSON object");
  // Absent fields keep their value.
  try {
    if (body.contains("default_frequency"))
      m.default_frequency = body["default_frequency"].get<std::string>();
    if (body.contains("due_days_after")) m.due_days_after = body["due_days_after"].get<int>();
    if (body.contains("reminder_working_days"))
      m.reminder_working_days = body["reminder_working_days"].get<int>();
    if (body.contains("red_after_working_days"))
      m.red_after_working_days = body["red_after_working_days"].get<int>();
    if (body.contains("progress_green")) m.progress_green = body["progress_green"].get<double>();
    if (body.contains("progress_yellow")) m.progress_yellow = body["progress_yellow"].get<double>();
    if (body.contains("frequencies")) {
      m.frequencies = body["frequencies"].get<std::map<std::string, std::string>>();
    }
  } catch (const Json::exception&) {
    return BadField("body", "a field has the wrong type (frequencies: {leaf id: frequency})");
  }
  auto saved = mon::PutSettings(ctx.svc.store, ctx.caller(), m);
  if (!saved.ok()) return Fail(ctx, saved.status());
  return JsonResponse(dto::MonitoringSettingsJson(*saved));
}

Response ListTasks(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  auto tasks = ctx.svc.store.ListNodeTasks(year);
  if (!tasks.ok()) return Fail(ctx, tasks.status());
  Json rows = Json::array();
  for (const auto& t : *tasks) rows.push_back(dto::NodeTaskJson(t));
  return JsonResponse({{"year", year}, {"tasks", std::move(rows)}});
}

Response PutTask(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  BodyReader body(ctx);
  store::NodeTask t;
  t.id = ctx.params["id"];
  t.name_zh = body.String("name_zh");
  t.name_en = body.String("name_en", false);
  t.stage = body.String("stage", false);
  t.from_role = body.String("from_role", false);
  t.from_unit = body.String("from_unit", false);
  t.due_date = body.String("due_date");
  t.done = body.Bool("done", false);
  if (!body.ok()) return body.error();
  Status st = mon::PutTask(ctx.svc.store, ctx.caller(), year, t);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse(dto::NodeTaskJson(t));
}

Response DeleteTask(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  Status st = mon::DeleteTask(ctx.svc.store, ctx.caller(), year, ctx.params["id"]);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

Response SeedCalendar(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto info = ctx.svc.years.Year(year);
  if (!info.ok()) return Fail(ctx, info.status());
  auto days = mon::SeedCalendarDays(ctx.svc.store, ctx.caller(), year);
  if (!days.ok()) return Fail(ctx, days.status());
  auto tasks = mon::EnsureNodeTasks(ctx.svc.store, ctx.caller(), year);
  if (!tasks.ok()) return Fail(ctx, tasks.status());
  return JsonResponse({{"year", year}, {"days_added", *days}, {"tasks_added", *tasks}});
}

Response ListCalendarDays(Ctx& ctx) {
  auto days = ctx.svc.store.ListCalendarDays();
  if (!days.ok()) return Fail(ctx, days.status());
  const std::string year = Query(ctx, "year");
  Json rows = Json::array();
  for (const auto& d : *days) {
    if (!year.empty() && d.date.rfind(year + "-", 0) != 0) continue;
    rows.push_back(dto::CalendarDayJson(d));
  }
  return JsonResponse({{"days", std::move(rows)}});
}

Response PutCalendarDay(Ctx& ctx) {
  BodyReader body(ctx);
  store::CalendarDay d;
  d.date = ctx.params["date"];
  const std::string kind = body.String("kind");
  d.name_zh = body.String("name_zh", false);
  d.name_en = body.String("name_en", false);
  if (!body.ok()) return body.error();
  if (kind != "holiday" && kind != "workday") {
    return BadField("kind", ctx.T("kind: must be holiday or workday",
                                  "kind：应为 holiday（节假日）或 workday（调休上班）"));
  }
  d.working = kind == "workday";
  Status st = mon::PutCalendarDay(ctx.svc.store, ctx.caller(), d);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse(dto::CalendarDayJson(d));
}

Response DeleteCalendarDay(Ctx& ctx) {
  Status st = mon::DeleteCalendarDay(ctx.svc.store, ctx.caller(), ctx.params["date"]);
  if (!st.ok()) return Fail(ctx, st);
  return JsonResponse({{"ok", true}});
}

Response YearProgress(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto p = mon::TimeProgress(ctx.svc.years, ctx.svc.store, ctx.caller(), year, Today(ctx),
                             Query(ctx, "unit"));
  if (!p.ok()) return Fail(ctx, p.status());
  return JsonResponse(dto::ProgressJson(*p));
}

Response ProgressSummary(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto p = mon::TimeProgress(ctx.svc.years, ctx.svc.store, ctx.caller(), year, Today(ctx), "");
  if (!p.ok()) return Fail(ctx, p.status());
  auto slots = mon::List(ctx.svc.years, ctx.svc.store, ctx.caller(), year, {});
  if (!slots.ok()) return Fail(ctx, slots.status());
  // The leader dashboard: progress counts per unit and overall, and the
  // reports by state (late ones counted apart).
  std::map<std::string, int> reports;
  int late = 0;
  for (const auto& s : *slots) {
    ++reports[s.State()];
    if (s.report && s.report->late) ++late;
  }
  Json units = Json::array();
  for (const auto& u : p->units) units.push_back({{"unit_id", u.unit_id}, {"counts", u.counts}});
  return JsonResponse({{"year", year},
                       {"date", p->date},
                       {"elapsed", p->elapsed},
                       {"totals", p->totals},
                       {"units", std::move(units)},
                       {"reports", reports},
                       {"late_reports", late}});
}

Response ImportValuesCsv(Ctx& ctx) {
  int year = 0;
  if (auto err = PathYear(ctx, &year)) return *err;
  auto r = mon::ImportValuesCsv(ctx.svc.years, ctx.svc.store, ctx.caller(), year,
                                ctx.params["indicator"], ctx.request.body);
  if (!r.ok()) return Fail(ctx, r.status());
  return JsonResponse(
      {{"year", year}, {"indicator_id", ctx.params["indicator"]}, {"rows", r->rows}});
}

}  // namespace govperf::server::handlers
