// 日常监测 reports: a unit's report per (leaf, period) — a value or an
// explicit no-data declaration, a narrative, evidence files — and its states:
//
//   (due) ──submit──▶ submitted ──verify──▶ verified   (the value becomes the year's datum)
//                        │  ▲
//                 return │  │ resubmit
//                        ▼  │
//                      returned
//
// Late is a flag set when a submission comes after the due date. Who: the
// unit (or department) submits its own; the lead department of the leaf
// verifies or returns; where the lead department is itself the assessed
// unit, the office (admin) verifies instead (利益回避 conflict of interest).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/results/year_cache.h"
#include "store/store.h"

namespace govperf::app::monitoring {

struct ReportKey {
  std::string indicator_id;
  std::string unit_id;
  std::string period;
  std::string Subject() const { return "report:" + indicator_id + "/" + unit_id + "/" + period; }
};

struct ReportInput {
  ReportKey key;
  std::optional<double> value;
  bool no_data = false;
  std::string narrative;
};

// May the caller read this report (and its evidence)? The unit itself, the
// lead department of the leaf, admin and leader; not other units, not experts.
bool MayRead(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id);

Result<store::MonitoringReport> Submit(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportInput& in, const Date& today);
Result<store::MonitoringReport> Verify(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key);
Result<store::MonitoringReport> Return(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key, const std::string& reason);

struct ReportFilter {
  std::string unit_id;       // empty: all the caller may read
  std::string indicator_id;  // empty: all
  std::string state;         // empty: all; due | submitted | verified | returned
};
// The slots the caller may read (with their reports), filtered.
Result<std::vector<Slot>> List(YearCache& years, store::Store& store, const Caller& caller,
                               int year, const ReportFilter& filter);
// One report the caller may read (NotFound when not submitted yet).
Result<store::MonitoringReport> Get(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const ReportKey& key);

// Evidence files (PDF, PNG, JPEG, docx/xlsx/pptx, doc/xls) up to this size.
inline constexpr size_t kMaxEvidenceBytes = 10u * 1024u * 1024u;
// The content type of `bytes` judged by content (magic bytes, zip entries,
// OLE2 stream names), or nullopt when it is none of the accepted types.
std::optional<std::string> DetectEvidenceType(const std::string& bytes);
// Attaches a file to the caller's own report (not once verified).
Result<store::EvidenceRef> AddEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key, const std::string& file_name,
                                       const std::string& bytes);
struct EvidenceDownload {
  store::EvidenceFile file;
  std::string file_name;
};
// A file of a report the caller may read.
Result<EvidenceDownload> GetEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, const ReportKey& key, const std::string& sha256);

}  // namespace govperf::app::monitoring
