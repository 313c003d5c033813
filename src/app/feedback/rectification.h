// 整改 rectification: from its feedback report a unit files a plan of items,
// each tied to a lost point (an indicator of the report) or an opinion (意见
// 建议) of the report, with owner (责任人), deadline and measure (整改措施);
// it reports progress with evidence (monitoring evidence reused by SHA-256,
// or a new upload); the office (admin) closes or reopens items with a note;
// the closure rate per unit is the admin's and leaders' view. Overdue items
// escalate in the `govperf remind` run (rectification_remind.h).
//
// Who: a unit acts on its own items only; admin on every unit's (and alone
// closes or reopens); leaders read. The store checks the stage (published
// years only: docs/design/workflow.md) inside the write transaction.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::feedback {

struct NewRectificationItem {
  std::string source;  // indicator | opinion
  std::string indicator_id;
  std::string opinion_id;
  std::string problem;  // optional: defaults to the lost point or opinion it is about
  std::string measure;
  std::string owner;
  std::string deadline;  // YYYY-MM-DD
};

// Files items for `unit_id` (all or nothing: an error names items[i].field).
// An indicator item must be one of the report's lost points; an opinion item
// one of its opinions. Returns the items as stored.
Result<std::vector<store::RectificationItem>> FilePlan(
    YearCache& years, store::Store& store, const Caller& caller, int year,
    const std::string& unit_id, const std::vector<NewRectificationItem>& items);

// The items the caller may read: a unit its own (unit_filter ignored), admin
// and leaders every unit's or those of unit_filter.
Result<std::vector<store::RectificationItem>> ListItems(store::Store& store, const Caller& caller,
                                                        int year, const std::string& unit_filter);
Result<store::RectificationItem> GetItem(store::Store& store, const Caller& caller, int year,
                                         int64_t id);

// Changes the measure, owner or deadline of an open item (the unit or admin).
struct ItemEdit {
  std::optional<std::string> measure, owner, deadline, problem;
};
Result<store::RectificationItem> EditItem(store::Store& store, const Caller& caller, int year,
                                          int64_t id, const ItemEdit& edit);

// A progress report on an open item (the unit or admin): text, percent done
// (0..100, not below the last report), and evidence: SHA-256s of files the
// unit attached to its monitoring reports of the year or to this item.
struct EvidencePick {
  std::string sha256;
  std::string file_name;  // empty: the name it had where it was attached
};
Result<store::RectificationItem> ReportProgress(store::Store& store, const Caller& caller, int year,
                                                int64_t id, const std::string& text, int percent,
                                                const std::vector<EvidencePick>& evidence);

// Uploads a new evidence file onto an item (the unit or admin): the same
// types and 10 MiB limit as monitoring evidence, stored once by SHA-256.
Result<store::RectificationEvidence> AddItemEvidence(store::Store& store, const Caller& caller,
                                                     int year, int64_t id,
                                                     const std::string& file_name,
                                                     const std::string& bytes);
// A file of an item the caller may read.
Result<std::pair<store::EvidenceFile, std::string>> GetItemEvidence(store::Store& store,
                                                                    const Caller& caller, int year,
                                                                    int64_t id,
                                                                    const std::string& sha256);

// The office closes (整改完成) or reopens an item; a note is required.
Result<store::RectificationItem> CloseItem(store::Store& store, const Caller& caller, int year,
                                           int64_t id, const std::string& note);
Result<store::RectificationItem> ReopenItem(store::Store& store, const Caller& caller, int year,
                                            int64_t id, const std::string& note);

// 整改完成率 per unit that has items: closed ÷ all; overdue = open past its
// deadline on `today`.
struct ClosureRate {
  std::string unit_id;
  std::string name_zh;
  std::string name_en;
  int total = 0;
  int closed = 0;
  int open = 0;
  int overdue = 0;
  double rate = 0;  // closed / total, 0..1
};
struct ClosureRates {
  int year = 0;
  std::string today;
  std::vector<ClosureRate> units;  // lowest rate first, then unit id
  int total = 0;
  int closed = 0;
  double rate = 0;  // over every item of the year
};
// admin and leaders only.
Result<ClosureRates> ClosureRatesOf(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const core::monitoring::Date& today);

}  // namespace govperf::app::feedback
