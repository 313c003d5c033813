#include "app/monitoring/reports.h"

#include <algorithm>

#include "app/limits.h"
#include "app/monitoring/inbox.h"
#include "core/period.h"

namespace govperf::app::monitoring {
namespace {

namespace cm = core::monitoring;

struct Context {
  std::shared_ptr<const core::Scheme> scheme;
  const core::Indicator* leaf = nullptr;
  const core::Unit* unit = nullptr;
};

// The year (open for reports), the leaf and the unit of a report, with
// friendly errors before the store's own checks.
Result<Context> Resolve(YearCache& years, int year, const ReportKey& key, bool for_write) {
  const std::string ys = std::to_string(year);
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (for_write && info->stage != core::Stage::kMonitoring &&
      info->stage != core::Stage::kYearEnd) {
    return Status(Code::kFailedPrecondition,
                  "year " + ys + " is in stage " + core::StageName(info->stage) +
                      ": reports are accepted only in monitoring and year_end")
        .Zh(ys + " 年度处于「" + core::StageNameZh(info->stage) +
            "」阶段，仅「日常监测」和「年终考核」阶段可报送监测数据");
  }
  GOVPERF_RETURN_IF_ERROR(CheckId("indicator_id", key.indicator_id));
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", key.unit_id));
  auto p = core::ParsePeriodOfYear(key.period, year, false);
  if (!p.ok()) {
    return Status::Invalid("period: " + p.status().message())
        .Field("period")
        .Zh("period：应为 '" + ys + "'（年终）或 '" + ys + "-MM'（月度），实际为 '" + key.period +
            "'");
  }
  Context c;
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  c.scheme = *scheme;
  bool has_children = false;
  for (const core::Indicator& i : c.scheme->indicators) {
    if (i.id == key.indicator_id) c.leaf = &i;
    if (i.parent_id == key.indicator_id) has_children = true;
  }
  if (!c.leaf || has_children) {
    return Status::NotFound("indicator_id: no leaf indicator '" + key.indicator_id + "' in " + ys)
        .Field("indicator_id")
        .Zh("indicator_id：" + ys + " 年度没有末级指标 '" + key.indicator_id + "'");
  }
  for (const core::Unit& u : c.scheme->units) {
    if (u.id == key.unit_id) c.unit = &u;
  }
  if (!c.unit) {
    return Status::NotFound("unit_id: no unit '" + key.unit_id + "' in " + ys)
        .Field("unit_id")
        .Zh("unit_id：" + ys + " 年度没有单位 '" + key.unit_id + "'");
  }
  if (!IsAssessed(*c.leaf, *c.unit)) {
    return Status::Invalid("unit_id: unit " + key.unit_id + " is not assessed on indicator " +
                           key.indicator_id)
        .Field("unit_id")
        .Zh("unit_id：单位 " + key.unit_id + " 不考核指标 " + key.indicator_id);
  }
  return c;
}

// Who may verify or return: admin; the leaf's lead department, except on its
// own report (利益回避: the office verifies those).
Status MayDecide(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id) {
  if (caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem) return Status::Ok();
  if (caller.role != core::Role::kLead || caller.unit_id.empty() ||
      leaf.lead_unit_id != caller.unit_id) {
    return Status::Denied("indicator " + leaf.id + " is not led by your unit")
        .Zh("指标 " + leaf.id + " 不由本单位牵头考核，不能审核");
  }
  if (unit_id == caller.unit_id) {
    return Status::Denied("conflict of interest: " + unit_id + " leads indicator " + leaf.id +
                          " and is assessed on it; its own reports are verified by the office")
        .Zh("利益回避：本单位既牵头考核指标 " + leaf.id +
            " 又是其评估对象，本单位的报送由绩效办审核");
  }
  return Status::Ok();
}

Result<store::MonitoringReport> Existing(store::Store& store, int year, const ReportKey& key) {
  auto r = store.FindReport(year, key.indicator_id, key.unit_id, key.period);
  if (!r.ok()) return r.status();
  if (!r->has_value()) {
    return Status::NotFound("report: " + key.indicator_id + "/" + key.unit_id + "/" + key.period +
                            " has not been submitted")
        .Field("report")
        .Zh("report：" + key.indicator_id + "/" + key.unit_id + "/" + key.period + " 尚未报送");
  }
  return **r;
}

Result<std::vector<store::User>> Users(store::Store& store) { return store.ListUsers(); }

}  // namespace

bool MayRead(const Caller& caller, const core::Indicator& leaf, const std::string& unit_id) {
  switch (caller.role) {
    case core::Role::kAdmin:
    case core::Role::kLeader:
    case core::Role::kSystem:
      return true;
    case core::Role::kLead:
      return !caller.unit_id.empty() &&
             (leaf.lead_unit_id == caller.unit_id || unit_id == caller.unit_id);
    case core::Role::kUnit:
      return !caller.unit_id.empty() && unit_id == caller.unit_id;
    default:
      return false;
  }
}

Result<store::MonitoringReport> Submit(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportInput& in, const Date& today) {
  auto c = Resolve(years, year, in.key, true);
  if (!c.ok()) return c.status();
  const bool own = (caller.role == core::Role::kUnit || caller.role == core::Role::kLead) &&
                   !caller.unit_id.empty() && caller.unit_id == in.key.unit_id;
  if (!own) {
    return Status::Denied("unit_id: a unit submits only its own reports, not " + in.key.unit_id +
                          "'s")
        .Field("unit_id")
        .Zh("unit_id：只能报送本单位的监测数据，不能报送 " + in.key.unit_id + " 的");
  }
  if (in.no_data && in.value) {
    return Status::Invalid("value: must be null when no_data is true")
        .Field("value")
        .Zh("value：声明无数据（no_data）时必须为 null");
  }
  if (!in.no_data && !in.value) {
    return Status::Invalid("value: a report needs a value or no_data: true")
        .Field("value")
        .Zh("value：须填写数值或声明无数据（no_data）");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("narrative", in.narrative, kMaxTextChars, false, true));
  auto old = store.FindReport(year, in.key.indicator_id, in.key.unit_id, in.key.period);
  if (!old.ok()) return old.status();
  store::MonitoringReport r;
  if (old->has_value()) {
    r = **old;
    if (r.state == store::ReportState::kVerified) {
      return Status(Code::kFailedPrecondition,
                    "report: " + in.key.indicator_id + "/" + in.key.unit_id + "/" + in.key.period +
                        " is already verified; it cannot be submitted again")
          .Field("report")
          .Zh("report：该报送已审核通过，不能重复报送");
    }
    if (r.state == store::ReportState::kReturned) ++r.submissions;  // 重新报送 resubmitted
  } else {
    auto due = DueDateOf(store, year, in.key.period);
    if (!due.ok()) return due.status();
    r.year = year;
    r.indicator_id = in.key.indicator_id;
    r.unit_id = in.key.unit_id;
    r.period = in.key.period;
    r.due_date = cm::FormatDate(*due);
    r.submissions = 1;
  }
  r.state = store::ReportState::kSubmitted;
  r.value = in.no_data ? std::nullopt : in.value;
  r.no_data = in.no_data;
  r.narrative = in.narrative;
  r.submitted_by = caller.username;
  if (auto due = cm::ParseDate(r.due_date); due && today > *due) r.late = true;  // kept once set
  auto users = Users(store);
  if (!users.ok()) return users.status();
  // Who will decide: the lead department, or the office on a lead's own report.
  std::vector<std::string> deciders;
  if (c->leaf->lead_unit_id.empty() || c->leaf->lead_unit_id == in.key.unit_id) {
    deciders = UsersOfRole(*users, core::Role::kAdmin);
  } else {
    for (const store::User& u : *users) {
      if (u.active && u.role == core::Role::kLead && u.unit_id == c->leaf->lead_unit_id) {
        deciders.push_back(u.username);
      }
    }
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutReport(r));
    store::InboxMessage m;
    m.kind = "report.submitted";
    m.year = year;
    m.subject = in.key.Subject();
    m.title_zh = "待审核：" + in.key.unit_id + " 报送了指标 " + in.key.indicator_id + "（" +
                 in.key.period + "）的监测数据";
    m.title_en = "To verify: " + in.key.unit_id + " reported indicator " + in.key.indicator_id +
                 " (" + in.key.period + ")";
    auto sent = Notify(tx, deciders, m);
    return sent.status();
  }));
  auto saved = Existing(store, year, in.key);
  return saved;
}

Result<store::MonitoringReport> Verify(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key) {
  auto c = Resolve(years, year, key, true);
  if (!c.ok()) return c.status();
  GOVPERF_RETURN_IF_ERROR(MayDecide(caller, *c->leaf, key.unit_id));
  auto r = Existing(store, year, key);
  if (!r.ok()) return r.status();
  if (r->state != store::ReportState::kSubmitted) {
    return Status(Code::kFailedPrecondition, std::string("report: is ") +
                                                 store::ReportStateName(r->state) +
                                                 "; only a submitted report can be verified")
        .Field("report")
        .Zh(r->state == store::ReportState::kVerified ? "report：该报送已审核通过"
                                                      : "report：该报送已退回，等待单位重新报送");
  }
  store::MonitoringReport v = *r;
  v.state = store::ReportState::kVerified;
  v.decided_by = caller.username;
  v.return_reason.clear();
  core::Datum d;
  d.indicator_id = key.indicator_id;
  d.unit_id = key.unit_id;
  d.period = key.period;
  d.value = v.value;
  d.no_data = v.no_data;
  d.entered_by = v.submitted_by;
  d.approved_by = caller.username;
  d.note = v.narrative;
  auto users = Users(store);
  if (!users.ok()) return users.status();
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutReport(v));
    // The verified value becomes the year's datum: the values path, so the
    // year's data version moves and scores follow.
    GOVPERF_RETURN_IF_ERROR(tx.PutDatum(year, d));
    store::InboxMessage m;
    m.kind = "report.verified";
    m.year = year;
    m.subject = key.Subject();
    m.title_zh = "已审核通过：指标 " + key.indicator_id + "（" + key.period + "）的监测数据";
    m.title_en = "Verified: your report on indicator " + key.indicator_id + " (" + key.period + ")";
    return Notify(tx, UsersOfUnit(*users, key.unit_id), m).status();
  }));
  return Existing(store, year, key);
}

Result<store::MonitoringReport> Return(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key, const std::string& reason) {
  auto c = Resolve(years, year, key, true);
  if (!c.ok()) return c.status();
  GOVPERF_RETURN_IF_ERROR(MayDecide(caller, *c->leaf, key.unit_id));
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextChars, true, true));
  auto r = Existing(store, year, key);
  if (!r.ok()) return r.status();
  if (r->state != store::ReportState::kSubmitted) {
    return Status(Code::kFailedPrecondition, std::string("report: is ") +
                                                 store::ReportStateName(r->state) +
                                                 "; only a submitted report can be returned")
        .Field("report")
        .Zh("report：只有待审核的报送可以退回");
  }
  store::MonitoringReport v = *r;
  v.state = store::ReportState::kReturned;
  v.decided_by = caller.username;
  v.return_reason = reason;
  auto users = Users(store);
  if (!users.ok()) return users.status();
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutReport(v));
    store::InboxMessage m;
    m.kind = "report.returned";
    m.year = year;
    m.subject = key.Subject();
    m.title_zh =
        "已退回：指标 " + key.indicator_id + "（" + key.period + "）的监测数据，请修改后重新报送";
    m.title_en = "Returned: your report on indicator " + key.indicator_id + " (" + key.period +
                 "); please correct and resubmit";
    m.body_zh = reason;
    m.body_en = reason;
    return Notify(tx, UsersOfUnit(*users, key.unit_id), m).status();
  }));
  return Existing(store, year, key);
}

Result<std::vector<Slot>> List(YearCache& years, store::Store& store, const Caller& caller,
                               int year, const ReportFilter& filter) {
  if (!filter.state.empty() && filter.state != "due" && !store::ParseReportState(filter.state)) {
    return Status::Invalid("state: must be due, submitted, verified or returned").Field("state");
  }
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  std::map<std::string, const core::Indicator*> leaves;
  for (const auto& i : (*scheme)->indicators) leaves[i.id] = &i;
  auto slots = Slots(years, store, year);
  if (!slots.ok()) return slots.status();
  std::vector<Slot> out;
  for (Slot& s : *slots) {
    if (!filter.unit_id.empty() && s.unit_id != filter.unit_id) continue;
    if (!filter.indicator_id.empty() && s.indicator_id != filter.indicator_id) continue;
    if (!filter.state.empty() && s.State() != filter.state) continue;
    auto leaf = leaves.find(s.indicator_id);
    if (leaf == leaves.end() || !MayRead(caller, *leaf->second, s.unit_id)) continue;
    out.push_back(std::move(s));
  }
  return out;
}

Result<store::MonitoringReport> Get(YearCache& years, store::Store& store, const Caller& caller,
                                    int year, const ReportKey& key) {
  auto c = Resolve(years, year, key, false);
  if (!c.ok()) return c.status();
  if (!MayRead(caller, *c->leaf, key.unit_id)) {
    return Status::Denied("report: not yours to read").Zh("无权查看该单位的报送");
  }
  return Existing(store, year, key);
}

}  // namespace govperf::app::monitoring
