#include "app/barometer/bulletins.h"

#include <algorithm>
#include <map>
#include <vector>

#include "app/barometer/inputs.h"
#include "app/limits.h"
#include "io/bulletin_json.h"
#include "io/scheme_json.h"

namespace govperf::app::barometer {

namespace cb = core::barometer;
namespace cm = core::monitoring;

namespace {

Status CheckQuarter(int quarter) {
  if (quarter >= 1 && quarter <= 4) return Status::Ok();
  return Status::Invalid("quarter: must be 1 to 4, got " + std::to_string(quarter))
      .Field("quarter")
      .Zh("quarter：季度须为 1 至 4");
}

Status CheckOffice(const Caller& caller) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem) return Status::Ok();
  return Status::Denied("bulletins: drafts are the office's").Zh("通报草稿仅绩效办可见");
}

cm::Date QuarterEnd(int year, int quarter) { return cm::PeriodEnd({year, quarter * 3}); }

Result<cb::Bulletin> ComputeBulletin(YearCache& years, store::Store& store, int year, int quarter,
                                     const cm::Date& as_of) {
  auto in = LoadMonitoringInputs(years, store, year);
  if (!in.ok()) return in.status();
  const YearView& v = *in->view;
  cb::Bulletin b;
  b.year = year;
  b.quarter = quarter;
  b.as_of = cm::FormatDate(as_of);
  b.quarter_end = cm::FormatDate(QuarterEnd(year, quarter));
  b.green = in->settings.progress_green;
  b.yellow = in->settings.progress_yellow;
  b.red_after_working_days = in->settings.red_after_working_days;
  // Time progress through the quarter's last month, or through the current
  // month while the quarter runs.
  int through = quarter * 3;
  if (as_of.year == year && as_of.month < through) through = as_of.month;
  if (as_of.year < year) through = 0;
  for (const core::Category& c : v.scheme.categories) {
    b.categories.push_back({c.id, c.name_zh, c.name_en, 0, {}});
  }
  std::map<std::string, size_t> index;
  for (const core::Unit& u : v.scheme.units) {
    index[u.id] = b.units.size();
    b.units.push_back({u.id, u.name_zh, u.name_en, u.category_id, {}, 0});
  }
  for (const cb::PairProgress& p : in->pairs) {
    auto it = index.find(p.unit_id);
    if (it == index.end() || through == 0) continue;
    b.units[it->second].tally.Add(cb::ProgressTally(p, year, through, b.green, b.yellow));
  }
  for (const cb::ReportSlot& s : in->slots) {
    auto it = index.find(s.unit_id);
    if (it == index.end() || SlotMonth(s) > quarter * 3) continue;
    b.units[it->second].tally.Add(
        cb::ReportTally(s, as_of, in->calendar, b.red_after_working_days));
  }
  // Units the scheme assesses on nothing are left out.
  std::erase_if(b.units, [](const cb::BulletinUnit& u) {
    return u.tally.indicators() == 0 && u.tally.reports_due == 0;
  });
  cb::RankBulletin(b);
  return b;
}

Result<IssuedBulletin> ParseIssued(store::BulletinRecord record) {
  auto j = io::ParseJson(record.content, "content");
  if (!j.ok()) return j.status();
  auto b = io::BulletinFromJson(*j);
  if (!b.ok()) return b.status();
  return IssuedBulletin{std::move(record), std::move(*b)};
}

Status KnownYear(YearCache& years, int year) {
  if (years.Year(year).ok()) return Status::Ok();
  const std::string ys = std::to_string(year);
  return Status::NotFound("year: unknown year " + ys)
      .Field("year")
      .Zh("year：没有 " + ys + " 年度");
}

}  // namespace

Result<cb::Bulletin> PreviewBulletin(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, int quarter, const cm::Date& today) {
  GOVPERF_RETURN_IF_ERROR(CheckOffice(caller));
  GOVPERF_RETURN_IF_ERROR(CheckQuarter(quarter));
  GOVPERF_RETURN_IF_ERROR(KnownYear(years, year));
  return ComputeBulletin(years, store, year, quarter, today);
}

Result<IssuedBulletin> IssueBulletin(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, int quarter, const std::string& foreword,
                                     const cm::Date& today) {
  GOVPERF_RETURN_IF_ERROR(CheckOffice(caller));
  GOVPERF_RETURN_IF_ERROR(CheckQuarter(quarter));
  GOVPERF_RETURN_IF_ERROR(CheckText("foreword", foreword, kMaxTextChars, false, true));
  GOVPERF_RETURN_IF_ERROR(KnownYear(years, year));
  const cm::Date end = QuarterEnd(year, quarter);
  if (!(today > end)) {
    return Status::Precondition("quarter: " + std::to_string(year) + " Q" +
                                std::to_string(quarter) + " ends on " + cm::FormatDate(end) +
                                "; a bulletin is issued after the quarter (preview it as a draft)")
        .Field("quarter")
        .Zh("quarter：" + std::to_string(year) + " 年第 " + std::to_string(quarter) +
            " 季度尚未结束（" + cm::FormatDate(end) + "），只能预览草稿");
  }
  auto issued = store.ListBulletins(year);
  if (!issued.ok()) return issued.status();
  int last = 0;
  for (const store::BulletinRecord& r : *issued) {
    if (r.quarter == quarter) {
      return Status(Code::kAlreadyExists, "quarter: " + std::to_string(year) + " Q" +
                                              std::to_string(quarter) + " was issued as " +
                                              cb::BulletinNumber(year, r.number))
          .Field("quarter")
          .Zh("quarter：该季度已印发通报 " + cb::BulletinNumber(year, r.number));
    }
    last = std::max(last, r.number);
  }
  auto b = ComputeBulletin(years, store, year, quarter, today);
  if (!b.ok()) return b.status();
  b->draft = false;
  b->number = last + 1;
  b->issued_on = cm::FormatDate(today);
  b->issued_by = caller.username;
  b->foreword = foreword;
  store::BulletinRecord record;
  record.year = year;
  record.quarter = quarter;
  record.number = b->number;
  record.issued_on = b->issued_on;
  record.foreword = foreword;
  record.content = io::BulletinToJson(*b).dump();
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.AddBulletin(record); }));
  return IssuedBulletin{std::move(record), std::move(*b)};
}

Result<std::vector<IssuedBulletin>> ListBulletins(YearCache& years, store::Store& store,
                                                  const Caller& caller, int year) {
  (void)caller;  // every reader the route lets in sees every issued bulletin
  GOVPERF_RETURN_IF_ERROR(KnownYear(years, year));
  auto rows = store.ListBulletins(year);
  if (!rows.ok()) return rows.status();
  std::vector<IssuedBulletin> out;
  for (store::BulletinRecord& r : *rows) {
    auto b = ParseIssued(std::move(r));
    if (!b.ok()) return b.status();
    out.push_back(std::move(*b));
  }
  return out;
}

Result<IssuedBulletin> GetBulletin(store::Store& store, const Caller& caller, int year,
                                   int64_t id) {
  (void)caller;
  auto row = store.FindBulletin(id);
  if (!row.ok()) return row.status();
  if (!row->has_value() || (*row)->year != year) {
    return Status::NotFound("id: no bulletin " + std::to_string(id) + " in " + std::to_string(year))
        .Field("id")
        .Zh("id：没有该通报");
  }
  return ParseIssued(std::move(**row));
}

}  // namespace govperf::app::barometer
