#include "demo/year_in_progress.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "app/caller.h"
#include "app/monitoring/calendar.h"
#include "app/monitoring/reports.h"
#include "app/results/year_cache.h"
#include "app/setting/change_requests.h"
#include "app/setting/comments.h"
#include "app/setting/targets.h"
#include "app/setting/versions.h"
#include "app/years.h"
#include "core/period.h"
#include "demo/naming.h"
#include "demo/rng.h"
#include "store/audit_chain.h"

namespace govperf::demo {
namespace {

namespace cm = core::monitoring;
namespace mon = app::monitoring;
namespace stg = app::setting;

app::Caller Admin() { return {"admin", core::Role::kAdmin, "", ""}; }
app::Caller UnitOf(const std::string& id) { return {UnitLogin(id), core::Role::kUnit, id, ""}; }
app::Caller LeadOf(const std::string& id) { return {LeadLogin(id), core::Role::kLead, id, ""}; }

// A one-page PDF, enough for the evidence checks (by content) and a viewer.
std::string EvidencePdf(const std::string& title) {
  return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
         "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
         "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
         "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
         "4 0 obj<</Length 60>>stream\nBT /F1 14 Tf 60 780 Td (" +
         title +
         ") Tj ET\nendstream endobj\n"
         "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
         "trailer<</Root 1 0 R>>\n%%EOF\n";
}

// What happens to one featured report (the rest are submitted before their
// due date and verified soon after).
enum class Story {
  kAwaitingLead,  // submitted with an evidence file; in the lead's queue
  kReturned,      // returned with a reason; the unit has not resubmitted yet
  kResubmitted,   // returned, corrected and resubmitted; awaiting the lead
  kMissing,       // never submitted: a yellow or red card
  kLateVerified,  // submitted after the due date, verified
};
struct FeaturedReport {
  const char* indicator;
  const char* unit;
  int quarters_back;  // 0: the latest period already due; 1: the one before…
  Story story;
  const char* narrative;
  const char* reason;  // the lead department's return reason
};
constexpr FeaturedReport kFeatured[] = {
    {"1.1.1", "D01", 0, Story::kAwaitingLead,
     "前三季度地区生产总值增速与上半年基本持平，重点项目投产拉动明显，附区统计局季度快报。", ""},
    {"1.1.3", "D01", 0, Story::kReturned, "固定资产投资增速按区发改局台账填报。",
     "与统计局季度快报数据不一致，请核对口径后重新报送，并附统计部门盖章报表。"},
    {"2.1.1", "D02", 0, Story::kResubmitted, "城镇居民人均可支配收入增速（住户调查季度数据）。",
     "缺少佐证材料，请上传住户调查季度数据表。"},
    {"1.1.4", "D03", 0, Story::kMissing, "", ""},
    {"1.1.5", "D02", 1, Story::kLateVerified, "社会消费品零售总额增速（限上单位快报）。", ""},
};

struct Key {
  std::string indicator, unit, period;
  auto operator<=>(const Key&) const = default;
};

Status Fail(const std::string& what, const Status& s) {
  return Status(s.code(), "demo year in progress: " + what + ": " + s.ToString());
}

}  // namespace

cm::Date StoryToday(store::Store& store, const YearInProgress& plan) {
  cm::WorkCalendar cal;
  if (auto loaded = mon::LoadWorkCalendar(store); loaded.ok()) cal = *loaded;
  int due_days = 10;
  if (auto s = store.LoadMonitoringSettings(plan.year); s.ok()) due_days = s->due_days_after;
  cm::Date d = cm::DueDate({plan.year, plan.months}, due_days, cal);
  for (int n = 0; n < 2;) {
    d = cm::AddDays(d, 1);
    if (cal.IsWorkingDay(d)) ++n;
  }
  return d;
}

Status WriteYearInProgress(store::Store& st, StoryClock* clock, const YearInProgress& plan) {
  const int y = plan.year;
  const std::string ys = std::to_string(y);
  auto at = [&](const cm::Date& d, int hour, int minute = 0) {
    if (clock != nullptr) clock->SetChina(d, hour, minute);
  };
  const app::Caller admin = Admin();
  const app::Caller system = app::Caller::System();

  auto scheme = st.LoadScheme(y);
  if (!scheme.ok()) return Fail("scheme", scheme.status());

  // ---- 指标设置: targets negotiated on GDP growth (1.1.1, led by 统计局 B03) ----
  const std::string neg_leaf = "1.1.1";
  const std::string neg_lead = "B03";
  std::vector<std::string> neg_units;
  for (const auto& [k, v] : scheme->targets) {
    if (k.first == neg_leaf) neg_units.push_back(k.second);
  }
  std::sort(neg_units.begin(), neg_units.end());
  if (neg_units.size() >= 3) {
    auto target = [&](const std::string& u) { return scheme->targets.at({neg_leaf, u}); };
    at({y, 1, 15}, 9, 30);
    std::vector<stg::TargetProposal> proposals;
    for (const std::string& u : neg_units) {
      proposals.push_back({neg_leaf, u, Round(target(u) + 0.5, 1),
                           "按全市地区生产总值增长目标分解，并考虑各区县基数"});
    }
    if (auto r = stg::ProposeTargets(st, LeadOf(neg_lead), y, proposals); !r.ok()) {
      return Fail("propose targets", r.status());
    }
    // The first unit counters and the lead accepts; the third counters, the
    // lead keeps its figure, the unit escalates and the office decides; the
    // others accept.
    for (size_t i = 0; i < neg_units.size(); ++i) {
      const std::string& u = neg_units[i];
      at({y, 1, 18}, 10 + static_cast<int>(i));
      stg::TargetStep step{neg_leaf, u, "accept", std::nullopt, ""};
      if (i == 0) {
        step = {neg_leaf, u, "counter", target(u),
                "受两个重点项目投产推迟至下半年影响，建议维持上年实际增速水平"};
      } else if (i == 2) {
        step = {neg_leaf, u, "counter", Round(target(u) - 0.3, 1),
                "县域工业基础薄弱，农业占比高，建议适当下调"};
      }
      if (auto r = stg::TakeTargetStep(st, UnitOf(u), y, step); !r.ok()) {
        return Fail("target step of " + u, r.status());
      }
    }
    at({y, 1, 22}, 15);
    if (auto r = stg::TakeTargetStep(st, LeadOf(neg_lead), y,
                                     {neg_leaf, neg_units[0], "accept_counter", std::nullopt,
                                      "理由充分，同意按单位意见确定"});
        !r.ok()) {
      return Fail("accept counter", r.status());
    }
    if (auto r = stg::TakeTargetStep(
            st, LeadOf(neg_lead), y,
            {neg_leaf, neg_units[2], "keep", std::nullopt, "全市目标分解要求，维持原建议目标"});
        !r.ok()) {
      return Fail("keep", r.status());
    }
    at({y, 1, 24}, 11);
    if (auto r = stg::TakeTargetStep(st, UnitOf(neg_units[2]), y,
                                     {neg_leaf, neg_units[2], "escalate", std::nullopt,
                                      "与牵头单位意见不一致，提请绩效办裁定"});
        !r.ok()) {
      return Fail("escalate", r.status());
    }
    at({y, 1, 28}, 16);
    if (auto r = stg::TakeTargetStep(
            st, admin, y,
            {neg_leaf, neg_units[2], "decide", Round(target(neg_units[2]) + 0.2, 1),
             "综合牵头单位与县意见，折中确定"});
        !r.ok()) {
      return Fail("decide", r.status());
    }
  }
  // 专家意见 on two indicators.
  at({y, 1, 20}, 14);
  if (auto r = stg::AddComment(st, {"expert", core::Role::kExpert, "", ""}, y, "1.1.1",
                               "增速类指标宜同时参考基数，建议对基数较高的城区设置梯度目标。");
      !r.ok()) {
    return Fail("comment", r.status());
  }
  if (auto r = stg::AddComment(st, {"expert", core::Role::kExpert, "", ""}, y, "2.1.4",
                               "调查失业率为逆向指标，评分方法与数据来源口径已核对，无异议。");
      !r.ok()) {
    return Fail("comment", r.status());
  }
  // Published in February, then monitoring starts.
  at({y, 2, 5}, 10);
  if (auto r = stg::PublishScheme(st, admin, y, ys + "年度综合绩效考评方案（正式印发）"); !r.ok()) {
    return Fail("publish", r.status());
  }
  at({y, 2, 6}, 9);
  if (auto r = app::MoveYear(st, admin, y, "monitoring"); !r.ok()) {
    return Fail("to monitoring", r.status());
  }
  for (int year : {y, y + 1}) {
    if (auto r = mon::SeedCalendarDays(st, system, year); !r.ok()) {
      return Fail("calendar", r.status());
    }
  }
  if (auto r = mon::EnsureNodeTasks(st, system, y); !r.ok()) return Fail("tasks", r.status());

  const cm::Date today = StoryToday(st, plan);
  // Node tasks already past are done.
  if (auto tasks = st.ListNodeTasks(y); tasks.ok()) {
    for (store::NodeTask t : *tasks) {
      auto due = cm::ParseDate(t.due_date);
      if (!due || !(*due < today)) continue;
      t.done = true;
      if (auto s = mon::PutTask(st, admin, y, t); !s.ok()) return Fail("task", s);
    }
  }

  // ---- 日常监测 ----
  app::YearCache cache(st);
  auto slots = mon::Slots(cache, st, y);
  if (!slots.ok()) return Fail("slots", slots.status());
  auto data = st.LoadYearData(y);
  if (!data.ok()) return Fail("data", data.status());
  std::map<Key, const core::Datum*> values;
  for (const core::Datum& d : data->values) values[{d.indicator_id, d.unit_id, d.period}] = &d;
  std::map<Key, const mon::Slot*> slot_of;
  for (const mon::Slot& s : *slots) slot_of[{s.indicator_id, s.unit_id, s.period}] = &s;

  auto month_of = [](const std::string& period) {
    auto p = core::ParsePeriod(period);
    return p ? p->month : 0;
  };
  // The featured reports' periods: the latest quarter already due, and back.
  std::map<Key, const FeaturedReport*> featured;
  int latest_quarter = 0;
  for (const mon::Slot& s : *slots) {
    const int m = month_of(s.period);
    if (m % 3 == 0 && m <= plan.months && s.due < today)
      latest_quarter = std::max(latest_quarter, m);
  }
  for (const FeaturedReport& f : kFeatured) {
    const int m = latest_quarter - 3 * f.quarters_back;
    if (m <= 0) continue;
    char period[16];
    std::snprintf(period, sizeof period, "%04d-%02d", y, m);
    featured[{f.indicator, f.unit, period}] = &f;
  }
  // A lead department's own report (利益回避): the first such slot of the
  // latest quarter awaits the office; a monthly flow of a county is missing
  // in the latest month (a yellow card).
  std::optional<Key> office_awaits, missing_month;
  for (const mon::Slot& s : *slots) {
    const int m = month_of(s.period);
    if (!office_awaits && m == latest_quarter && s.unit_id == s.lead_unit_id) {
      office_awaits = Key{s.indicator_id, s.unit_id, s.period};
    }
    if (!missing_month && m == plan.months && plan.months % 3 != 0 && s.unit_id == "D04") {
      missing_month = Key{s.indicator_id, s.unit_id, s.period};
    }
  }

  // Every other report already due: submitted a few days before its due
  // date, verified a few days after (in one transaction; the clock moves per
  // report). The latest month's reports are submitted, not verified yet.
  Status bulk = st.Write({"system", core::Role::kSystem}, [&](store::WriteTx& tx) {
    for (const mon::Slot& s : *slots) {
      const Key k{s.indicator_id, s.unit_id, s.period};
      const int m = month_of(s.period);
      if (m == 0 || m > plan.months || !(s.due < today) || s.report) continue;
      if (featured.count(k) || k == office_awaits || k == missing_month) continue;
      auto v = values.find(k);
      Rng r(plan.seed, "report/" + ys + "/" + k.indicator + "/" + k.unit + "/" + k.period);
      store::MonitoringReport rep;
      rep.year = y;
      rep.indicator_id = k.indicator;
      rep.unit_id = k.unit;
      rep.period = k.period;
      rep.due_date = cm::FormatDate(s.due);
      rep.submissions = 1;
      rep.submitted_by = UnitLogin(k.unit);
      if (v != values.end() && v->second->value) {
        rep.value = v->second->value;
      } else {
        rep.no_data = true;
        rep.narrative = "本期无统计数据（按规定申报无数据）";
      }
      rep.state = store::ReportState::kSubmitted;
      at(cm::AddDays(s.due, -(1 + r.Index(6))), 9 + r.Index(8), r.Index(60));
      GOVPERF_RETURN_IF_ERROR(tx.PutReport(rep));
      // The store stamps submitted_at on a submission; a decision keeps it.
      rep.submitted_at =
          store::FormatIsoUtc(clock != nullptr ? clock->NowUnix() : store::SystemClock().NowUnix());
      if (m == plan.months) continue;  // the latest month: awaiting verification
      const bool office = s.lead_unit_id.empty() || s.lead_unit_id == k.unit;
      rep.state = store::ReportState::kVerified;
      rep.decided_by = office ? "admin" : LeadLogin(s.lead_unit_id);
      at(cm::AddDays(s.due, 1 + r.Index(3)), 10 + r.Index(7), r.Index(60));
      GOVPERF_RETURN_IF_ERROR(tx.PutReport(rep));
    }
    return Status::Ok();
  });
  if (!bulk.ok()) return Fail("reports", bulk);

  // The featured stories, through the use cases.
  auto value_of = [&](const Key& k) -> std::optional<double> {
    auto v = values.find(k);
    return v != values.end() ? v->second->value : std::nullopt;
  };
  for (const auto& [k, f] : featured) {
    auto found = slot_of.find(k);
    if (found == slot_of.end() || f->story == Story::kMissing) continue;
    const mon::Slot* slot = found->second;
    const mon::ReportKey key{k.indicator, k.unit, k.period};
    const app::Caller unit = UnitOf(k.unit);
    const app::Caller lead = LeadOf(slot->lead_unit_id);
    std::optional<double> value = value_of(k);
    if (!value) continue;
    cm::Date when = cm::AddDays(slot->due, f->story == Story::kLateVerified ? 4 : -2);
    at(when, 16, 20);
    mon::ReportInput in{key, value, false, f->narrative};
    if (f->story == Story::kReturned) in.value = Round(*value * 1.12, 1);  // a different 口径
    if (auto r = mon::Submit(cache, st, unit, y, in, when); !r.ok()) {
      return Fail("submit " + key.Subject(), r.status());
    }
    if (f->story == Story::kAwaitingLead) {
      if (auto r = mon::AddEvidence(cache, st, unit, y, key, "季度统计快报.pdf",
                                    EvidencePdf("Quarterly statistical bulletin " + k.period));
          !r.ok()) {
        return Fail("evidence", r.status());
      }
    }
    if (f->story == Story::kReturned || f->story == Story::kResubmitted) {
      at(cm::AddDays(slot->due, 1), 11, 5);
      if (auto r = mon::Return(cache, st, lead, y, key, f->reason); !r.ok()) {
        return Fail("return " + key.Subject(), r.status());
      }
    }
    if (f->story == Story::kResubmitted) {
      const cm::Date again = cm::AddDays(slot->due, 3);
      at(again, 9, 40);
      in.narrative = std::string(f->narrative) + " 已按要求补充住户调查季度数据表。";
      if (auto r = mon::Submit(cache, st, unit, y, in, again); !r.ok()) {
        return Fail("resubmit " + key.Subject(), r.status());
      }
      if (auto r = mon::AddEvidence(cache, st, unit, y, key, "住户调查季度数据表.pdf",
                                    EvidencePdf("Household survey " + k.period));
          !r.ok()) {
        return Fail("evidence", r.status());
      }
    }
    if (f->story == Story::kLateVerified) {
      at(cm::AddDays(slot->due, 6), 10, 15);
      if (auto r = mon::Verify(cache, st, lead, y, key); !r.ok()) {
        return Fail("verify " + key.Subject(), r.status());
      }
    }
  }
  if (office_awaits) {
    const mon::ReportKey key{office_awaits->indicator, office_awaits->unit, office_awaits->period};
    const cm::Date due = slot_of.at(*office_awaits)->due;
    if (auto v = value_of(*office_awaits)) {
      at(cm::AddDays(due, -1), 15, 0);
      mon::ReportInput in{key, v, false, "本单位既牵头又是评估对象，按规定由绩效办审核。"};
      if (auto r = mon::Submit(cache, st, LeadOf(key.unit_id), y, in, cm::AddDays(due, -1));
          !r.ok()) {
        return Fail("submit own " + key.Subject(), r.status());
      }
    }
  }

  // ---- 调整程序: one approved (version 2), one rejected, one pending ----
  auto target_of = [&](const std::string& leaf, const std::string& unit) -> std::optional<double> {
    auto s = st.LoadScheme(y);
    if (!s.ok()) return std::nullopt;
    auto it = s->targets.find({leaf, unit});
    if (it == s->targets.end()) return std::nullopt;
    return it->second;
  };
  struct Request {
    const char* leaf;
    const char* unit;
    double factor;
    const char* reason;
    const char* evidence;
    int decision;  // 1 approve, -1 reject, 0 pending
    const char* decision_reason;
    cm::Date asked, decided;
  };
  const Request requests[] = {
      {"1.2.1",
       "D02",
       0.92,
       "7—9月景区道路施工封闭，游客接待能力下降，申请调减旅游接待人次目标",
       "区文旅局情况说明、道路施工许可文件",
       1,
       "情况属实，影响可量化，同意调减",
       {y, 8, 20},
       {y, 9, 2}},
      {"1.1.4",
       "D04",
       0.9,
       "主要工业企业技改停产，申请调减规上工业增加值增速目标",
       "企业停产技改说明",
       -1,
       "技改属企业正常经营安排，目标已经协商确定，不予调整",
       {y, 9, 10},
       {y, 9, 18}},
      {"1.1.3",
       "D03",
       0.85,
       "两个重点项目用地报批延后，固定资产投资增速目标难以完成",
       "自然资源局用地报批进度说明",
       0,
       "",
       {cm::AddDays(today, -3)},
       {}},
  };
  for (const Request& q : requests) {
    auto t = target_of(q.leaf, q.unit);
    if (!t) continue;
    at(q.asked, 10, 30);
    stg::ChangeRequestInput in;
    in.kind = "target";
    in.indicator_id = q.leaf;
    in.unit_id = q.unit;
    in.value = Round(*t * q.factor, 1);
    in.reason = q.reason;
    in.evidence = q.evidence;
    auto made = stg::RequestChange(st, UnitOf(q.unit), y, in);
    if (!made.ok()) return Fail("change request", made.status());
    if (q.decision == 0) continue;
    at(q.decided, 15, 0);
    if (auto r = stg::DecideChange(st, admin, y, made->id, q.decision > 0, q.decision_reason);
        !r.ok()) {
      return Fail("decide change", r.status());
    }
  }

  // ---- the reminder run of "today": yellow and red cards in the inboxes ----
  at(today, 8, 30);
  if (auto r = mon::Remind(cache, st, system, today); !r.ok()) return Fail("remind", r.status());
  at(today, 17, 30);
  return Status::Ok();
}

}  // namespace govperf::demo
