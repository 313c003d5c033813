// Excel in and out (docs/api.md "Workbooks"): parse → app::exchange → file
// or report. Exports answer the file with its Content-Type and a
// Content-Disposition naming it; imports take the file as the request body
// (`?dry_run=1` reports without changing anything, `?default_method=` for
// sheets without 计分方法, `?filename=` names the file in messages and tells
// CSV from xlsx when the bytes do not). A file with errors answers 400 with
// every error in details.errors ({sheet, cell, message}); nothing changes.
#include "app/exchange/exchange.h"

#include "server/handlers/handlers.h"

namespace govperf::server::handlers {
namespace {

using app::exchange::What;

std::optional<Response> ReadFormat(const Ctx& ctx, app::exchange::Format* format) {
  auto it = ctx.query.find("format");
  if (it == ctx.query.end()) return std::nullopt;
  auto f = app::exchange::ParseFormat(it->second);
  if (!f)
    return BadField("format", ctx.T("format: must be xlsx or csv", "format：应为 xlsx 或 csv"));
  *format = *f;
  return std::nullopt;
}

Response FileResponse(const app::exchange::ExportedFile& f) {
  Response r;
  r.content_type = f.content_type;
  r.body = f.bytes;
  // The names are ASCII ("scheme-2025.xlsx"): no RFC 5987 encoding needed.
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f.file_name + "\"");
  return r;
}

Response ExportOf(Ctx& ctx, What what) {
  int year = 0;
  if (what != What::kUnits) {
    if (auto err = PathYear(ctx, &year)) return *err;
  }
  app::exchange::Format format = app::exchange::Format::kXlsx;
  if (auto err = ReadFormat(ctx, &format)) return *err;
  auto file = app::exchange::Export(ctx.svc.years, ctx.svc.store, ctx.caller(), what, year, format);
  if (!file.ok()) return Fail(ctx, file.status());
  return FileResponse(*file);
}

Json ReportJson(const Ctx& ctx, const app::exchange::ImportReport& r) {
  Json changes = Json::array();
  for (const auto& c : r.changes) {
    changes.push_back({{"op", c.op},
                       {"entity", c.entity},
                       {"key", c.key},
                       {"before", c.before},
                       {"after", c.after}});
  }
  return {{"ok", true},           {"what", app::exchange::WhatName(r.what)},
          {"year", r.year},       {"dry_run", r.dry_run},
          {"applied", r.applied}, {"year_created", r.year_created},
          {"counts", r.counts},   {"total_changes", r.total_changes},
          {"changes", changes},   {"notes", ctx.zh ? r.notes_zh : r.notes}};
}

Response ImportOf(Ctx& ctx, What what) {
  int year = 0;
  if (what != What::kUnits) {
    if (auto err = PathYear(ctx, &year)) return *err;
  }
  app::exchange::ImportOptions options;
  if (auto err = QueryFlag(ctx, "dry_run", &options.dry_run)) return *err;
  if (auto it = ctx.query.find("default_method"); it != ctx.query.end()) {
    options.default_method = it->second;
  }
  if (auto it = ctx.query.find("filename"); it != ctx.query.end() && !it->second.empty()) {
    options.file_name = it->second.substr(0, 200);
  }
  if (ctx.request.body.empty()) {
    return BadField("body", ctx.T("body: send the .xlsx or .csv file as the request body",
                                  "body：请将 .xlsx 或 .csv 文件作为请求体上传"));
  }
  auto report = app::exchange::Import(ctx.svc.years, ctx.svc.store, ctx.caller(), what, year,
                                      ctx.request.body, options);
  if (!report.ok()) return Fail(ctx, report.status());
  if (!report->errors.empty()) return SheetErrorsResponse(ctx, report->errors);
  return JsonResponse(ReportJson(ctx, *report));
}

}  // namespace

Response ExportUnits(Ctx& ctx) { return ExportOf(ctx, What::kUnits); }
Response ExportScheme(Ctx& ctx) { return ExportOf(ctx, What::kScheme); }
Response ExportTargets(Ctx& ctx) { return ExportOf(ctx, What::kTargets); }
Response ExportValues(Ctx& ctx) { return ExportOf(ctx, What::kValues); }
Response ExportResults(Ctx& ctx) { return ExportOf(ctx, What::kResults); }
Response ImportUnits(Ctx& ctx) { return ImportOf(ctx, What::kUnits); }
Response ImportScheme(Ctx& ctx) { return ImportOf(ctx, What::kScheme); }
Response ImportTargets(Ctx& ctx) { return ImportOf(ctx, What::kTargets); }
Response ImportValues(Ctx& ctx) { return ImportOf(ctx, What::kValues); }

Response ExportTemplate(Ctx& ctx) {
  auto what = app::exchange::ParseWhat(ctx.params["what"]);
  if (!what || *what == What::kResults) {
    return BadField("what", ctx.T("what: must be units, scheme, targets or values",
                                  "what：应为 units、scheme、targets 或 values"));
  }
  app::exchange::Format format = app::exchange::Format::kXlsx;
  if (auto err = ReadFormat(ctx, &format)) return *err;
  auto file = app::exchange::Template(*what, format);
  if (!file.ok()) return Fail(ctx, file.status());
  return FileResponse(*file);
}

}  // namespace govperf::server::handlers
