// Excel in and out (数据交换): the office's own workbooks (or CSV files) read
// and written as they lay them out — units and categories, the indicator
// scheme with its targets, per-unit targets, period values, and results
// (export only) — plus an empty, correctly headed template of each. Called
// by the CLI (`govperf import|export`) and the HTTP handlers alike.
//
// Import guarantees:
//  1. All or nothing: every change of one import is written in one
//     Store::Write; a file with any error changes nothing.
//  2. Every error is reported, not only the first, each naming the sheet
//     and the cell or column in Excel coordinates ("D17") with the reason.
//  3. A dry run goes through exactly the same checks and writes, inside the
//     same transaction, and then rolls it back: what it reports is what the
//     import would do, and nothing changes.
//  4. Stage rules apply (core/workflow): the store checks them inside the
//     transaction; a scheme imported into a year that does not exist yet
//     opens it as a draft (app::ImportScheme).
// Layouts and header names: docs/excel.md; header synonyms as data in
// io/sheet_headers.cc.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "io/sheet.h"
#include "io/sheet_table.h"
#include "store/store.h"

namespace govperf::app::exchange {

enum class What { kUnits, kScheme, kTargets, kValues, kResults };
const char* WhatName(What w);  // "units", "scheme", "targets", "values", "results"
std::optional<What> ParseWhat(std::string_view s);

enum class Format { kXlsx, kCsv };
// From a file name's extension (".xlsx", ".csv"); nullopt otherwise.
std::optional<Format> FormatOfName(std::string_view file_name);
std::optional<Format> ParseFormat(std::string_view s);  // "xlsx" | "csv"

struct ImportOptions {
  bool dry_run = false;
  // The scoring method of indicators whose sheet has no 计分方法 column or
  // leaves the cell empty: a method code or Chinese name (core/scoring).
  std::string default_method;
  std::string file_name = "upload.xlsx";  // names the file in messages
  io::SheetLimits limits;
};

// One change an import makes (or would make, in a dry run).
struct ImportChange {
  std::string op;      // added | changed | removed
  std::string entity;  // category | unit | indicator | target | value
  std::string key;     // "D01", "1.1.1", "1.1.1/D01", "1.1.1/D01/2025-03"
  std::string before;  // short text of the old state; empty when added
  std::string after;   // short text of the new state; empty when removed
};

inline constexpr size_t kMaxListedChanges = 2000;

struct ImportReport {
  What what = What::kUnits;
  int year = 0;
  bool dry_run = false;
  bool applied = false;       // the changes were committed
  bool year_created = false;  // a scheme import opened the year as a draft
  // "<entity>.<op>" → count, e.g. "unit.added": 3; every change is counted.
  std::map<std::string, size_t> counts;
  // The changes, at most kMaxListedChanges of them (counts has them all).
  std::vector<ImportChange> changes;
  size_t total_changes = 0;
  // Non-empty: the file was refused and nothing changed.
  std::vector<io::SheetError> errors;
  // Remarks that are not errors (e.g. columns read but not kept).
  std::vector<std::string> notes;
  std::vector<std::string> notes_zh;

  void Add(ImportChange c);
};

// Reads `bytes` (an .xlsx workbook or a UTF-8 CSV file) as `what` for `year`
// (ignored for units) and applies it, or only reports it with dry_run. File
// errors are in the report (ok Result, errors non-empty); a Status is
// returned for what is not the file's fault or not about one cell: the
// stage refuses the write (kFailedPrecondition), a lead department imports
// values of an indicator it does not lead (kPermissionDenied), the year or
// its scheme is unknown (kNotFound), the store fails.
Result<ImportReport> Import(YearCache& years, store::Store& store, const Caller& caller, What what,
                            int year, std::string_view bytes, const ImportOptions& options);

struct ExportedFile {
  std::string bytes;
  std::string file_name;  // e.g. "scheme-2025.xlsx"
  std::string content_type;
};

// The year's (for units: the registry's) content as a workbook an office can
// edit and import again. A lead department's values export holds only the
// indicators its unit leads.
Result<ExportedFile> Export(YearCache& years, store::Store& store, const Caller& caller, What what,
                            int year, Format format);

// An empty workbook with the title and header rows of `what` (results has
// none: it is export only).
Result<ExportedFile> Template(What what, Format format);

// "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" or
// "text/csv; charset=utf-8".
const char* ContentType(Format format);

}  // namespace govperf::app::exchange
