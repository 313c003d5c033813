#include "app/exchange/exchange.h"

#include "app/exchange/common.h"

namespace govperf::app::exchange {

const char* WhatName(What w) {
  switch (w) {
    case What::kUnits:
      return "units";
    case What::kScheme:
      return "scheme";
    case What::kTargets:
      return "targets";
    case What::kValues:
      return "values";
    case What::kResults:
      return "results";
  }
  return "?";
}

std::optional<What> ParseWhat(std::string_view s) {
  for (What w : {What::kUnits, What::kScheme, What::kTargets, What::kValues, What::kResults}) {
    if (s == WhatName(w)) return w;
  }
  return std::nullopt;
}

std::optional<Format> ParseFormat(std::string_view s) {
  if (s == "xlsx") return Format::kXlsx;
  if (s == "csv") return Format::kCsv;
  return std::nullopt;
}

std::optional<Format> FormatOfName(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ParseFormat(ext);
}

const char* ContentType(Format format) {
  return format == Format::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

Result<ImportReport> Import(YearCache& years, store::Store& store, const Caller& caller, What what,
                            int year, std::string_view bytes, const ImportOptions& options) {
  ImportReport report;
  report.what = what;
  report.year = year;
  report.dry_run = options.dry_run;
  const bool office = caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem;
  if (what == What::kResults) {
    return Status::Invalid("what: results are export only")
        .Field("what")
        .Zh("what：考核结果只能导出");
  }
  if (what != What::kValues && !office) {
    return Status::Denied(std::string("only the performance office imports ") + WhatName(what))
        .Zh("只有绩效办可以导入该类数据");
  }
  auto wb = io::ReadWorkbook(bytes, options.file_name, options.limits);
  if (!wb.ok()) {
    report.errors.push_back(
        {options.file_name, "", wb.status().message(), wb.status().message_zh()});
    return report;
  }
  switch (what) {
    case What::kUnits:
      return ImportUnits(store, caller, *wb, options, std::move(report));
    case What::kScheme:
      return ImportScheme(years, store, caller, year, *wb, options, std::move(report));
    case What::kTargets:
      return ImportTargets(years, store, caller, year, *wb, options, std::move(report));
    case What::kValues:
      return ImportValues(years, store, caller, year, *wb, options, std::move(report));
    case What::kResults:
      break;
  }
  return Status::Internal("import: unhandled kind");
}

}  // namespace govperf::app::exchange
