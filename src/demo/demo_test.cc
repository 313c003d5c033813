// Tests of the demo city: its shape, determinism, and that the core accepts
// and evaluates what it generates.
#include "demo/demo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "app/feedback/rectification.h"
#include "app/publication/appeals.h"
#include "app/publication/verify.h"
#include "app/result_use.h"
#include "app/results/year_cache.h"
#include "app/survey/design.h"
#include "app/survey/opinions.h"
#include "app/survey/review.h"
#include "app/year_end/claims.h"
#include "app/year_end/leader_rating.h"
#include "app/year_end/self_evaluation.h"
#include "core/evaluate.h"
#include "core/monitoring/calendar.h"
#include "demo/demo_test_city.h"
#include "io/survey_json.h"
#include "store/codec.h"
#include "store/password.h"
#include "store/scoring_input.h"
#include "store/store_testing.h"

namespace govperf::demo {
namespace {

using store::testing::TempDir;

constexpr int kYear = 2026;

std::unique_ptr<store::Store> Open(const std::string& path) {
  auto s = store::OpenSqliteStore(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

std::set<std::string> Parents(const core::Scheme& s) {
  std::set<std::string> p;
  for (const auto& i : s.indicators) p.insert(i.parent_id);
  return p;
}

bool Applies(const core::Indicator& ind, const core::Unit& u) {
  if (!ind.unit_ids.empty()) {
    return std::find(ind.unit_ids.begin(), ind.unit_ids.end(), u.id) != ind.unit_ids.end();
  }
  return std::find(ind.category_ids.begin(), ind.category_ids.end(), u.category_id) !=
         ind.category_ids.end();
}

// One generated city shared by the read-only tests (generation takes ~1 s).
class DemoCityTest : public testing::GeneratedDemoCityTest<testing::Surveys::kWithout> {};

TEST_F(DemoCityTest, HasThreeYearsWithStatuses) {
  auto years = store_->ListYears();
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 3u);
  EXPECT_EQ((*years)[0].year, kYear - 2);
  EXPECT_EQ((*years)[0].stage, core::Stage::kPublished);
  EXPECT_FALSE((*years)[0].published_at.empty());
  EXPECT_EQ((*years)[1].stage, core::Stage::kPublished);
  EXPECT_EQ((*years)[2].year, kYear);
  EXPECT_EQ((*years)[2].stage, core::Stage::kMonitoring);
  EXPECT_TRUE((*years)[2].published_at.empty());
}

TEST_F(DemoCityTest, HasTheShapeOfTheSeedCity) {
  auto s = store_->LoadScheme(kYear);
  ASSERT_TRUE(s.ok());
  std::map<core::UnitKind, int> kinds;
  for (const auto& u : s->units) ++kinds[u.kind];
  EXPECT_EQ(kinds[core::UnitKind::kDistrict], 4);
  EXPECT_GE(kinds[core::UnitKind::kDepartment], 35);
  EXPECT_LE(kinds[core::UnitKind::kDepartment], 45);
  EXPECT_GE(kinds[core::UnitKind::kStationed], 3);
  EXPECT_LE(kinds[core::UnitKind::kStationed], 4);
  const auto parents = Parents(*s);
  int leaves = 0;
  std::set<int> levels;
  for (const auto& i : s->indicators) {
    levels.insert(i.level);
    if (parents.count(i.id)) continue;
    ++leaves;
    SCOPED_TRACE(i.id);
    EXPECT_EQ(i.level, 3);
    EXPECT_TRUE(i.method == "completion_ratio" || i.method == "rank_in_category") << i.method;
    EXPECT_FALSE(i.lead_unit_id.empty());
    EXPECT_FALSE(i.orientations.empty());
    EXPECT_FALSE(i.unit_of_measure.empty());
    EXPECT_FALSE(i.name_en.empty());
  }
  EXPECT_GE(leaves, 90);
  EXPECT_LE(leaves, 120);
  EXPECT_EQ(levels, (std::set<int>{1, 2, 3}));
}

TEST_F(DemoCityTest, LeafPointsSumTo100ForEveryUnitEveryYear) {
  for (int year : {kYear - 2, kYear - 1, kYear}) {
    auto s = store_->LoadScheme(year);
    ASSERT_TRUE(s.ok());
    const auto parents = Parents(*s);
    for (const auto& u : s->units) {
      double sum = 0;
      for (const auto& i : s->indicators) {
        if (!parents.count(i.id) && Applies(i, u)) sum += i.points;
      }
      EXPECT_DOUBLE_EQ(sum, 100) << year << " " << u.id;
    }
  }
}

TEST_F(DemoCityTest, DataCoversEveryLeafAndUnitWithDeliberateGaps) {
  auto s = store_->LoadScheme(kYear - 1);
  auto d = store_->LoadYearData(kYear - 1);
  ASSERT_TRUE(s.ok() && d.ok());
  const auto parents = Parents(*s);
  std::map<std::pair<std::string, std::string>, int> monthly;
  int year_end = 0, no_data = 0;
  for (const auto& v : d->values) {
    if (v.period.size() == 7) ++monthly[{v.indicator_id, v.unit_id}];
    if (v.period == std::to_string(kYear - 1)) {
      ++year_end;
      no_data += v.no_data ? 1 : 0;
    }
    // A lead department's entry, or a unit's self-evaluation (自评) its lead
    // department confirmed in year_end.
    EXPECT_TRUE(v.entered_by.rfind("lead_", 0) == 0 || v.entered_by.rfind("unit_", 0) == 0)
        << v.entered_by;
  }
  int pairs = 0;
  for (const auto& i : s->indicators) {
    if (parents.count(i.id)) continue;
    for (const auto& u : s->units) pairs += Applies(i, u) ? 1 : 0;
  }
  EXPECT_EQ(no_data, 1);
  EXPECT_EQ(year_end, pairs - 1);  // one pair not reported
  EXPECT_EQ(d->satisfaction.size(), s->units.size());
  EXPECT_EQ(d->leadership.size(), s->units.size());
  for (const auto& [u, v] : d->satisfaction) EXPECT_TRUE(v >= 60 && v <= 98) << u << " " << v;
  for (const auto& [u, v] : d->leadership) EXPECT_TRUE(v >= 70 && v <= 98) << u << " " << v;
  EXPECT_FALSE(d->adjustments.empty());

  auto cur = store_->LoadYearData(kYear);
  ASSERT_TRUE(cur.ok());
  std::set<std::string> periods;
  int cur_year_end = 0;
  for (const auto& v : cur->values) {
    periods.insert(v.period);
    cur_year_end += v.period == std::to_string(kYear) ? 1 : 0;
  }
  EXPECT_EQ(periods.count(std::to_string(kYear) + "-10"), 1u);
  EXPECT_EQ(periods.count(std::to_string(kYear) + "-11"), 0u);
  EXPECT_GT(cur_year_end, 0);
  EXPECT_LT(cur_year_end, pairs / 10);
}

TEST_F(DemoCityTest, OneVetoInAnEarlierYear) {
  int vetoes = 0;
  for (int year : {kYear - 2, kYear - 1, kYear}) {
    auto data = store_->LoadYearData(year);  // held: a range-for over a temporary's member dangles
    ASSERT_TRUE(data.ok());
    for (const auto& a : data->adjustments) {
      if (a.kind == core::AdjustmentKind::kVeto) {
        ++vetoes;
        EXPECT_LT(year, kYear);
        EXPECT_EQ(a.veto_effect, core::VetoEffect::kCapQualified);
      }
      EXPECT_FALSE(a.reason_zh.empty());
      // A claim's reason is the claimant's own words (reason_zh only).
      if (a.id.rfind("claim-", 0) != 0) EXPECT_FALSE(a.reason_en.empty());
      EXPECT_FALSE(a.approved_by.empty());
    }
  }
  EXPECT_EQ(vetoes, 1);
}

TEST_F(DemoCityTest, FeaturedLoginsWork) {
  ASSERT_EQ(FeaturedLogins().size(), 5u);
  std::set<std::string> roles;
  for (const auto& login : FeaturedLogins()) {
    SCOPED_TRACE(login.username);
    auto u = store_->FindUser(login.username);
    ASSERT_TRUE(u.ok() && u->has_value());
    EXPECT_EQ((*u)->role, login.role);
    EXPECT_EQ((*u)->unit_id, login.unit_id);
    EXPECT_TRUE(store::VerifyPassword(login.password, (*u)->password_hash));
    roles.insert(core::RoleName(login.role));
  }
  EXPECT_EQ(roles.size(), 5u);  // admin, leader, unit, lead, expert
  auto users = store_->ListUsers();
  ASSERT_TRUE(users.ok());
  int unit_users = 0;
  for (const auto& u : *users) unit_users += u.role == store::kRoleUnit ? 1 : 0;
  EXPECT_EQ(unit_users, static_cast<int>(store_->LoadScheme(kYear)->units.size()));
}

TEST_F(DemoCityTest, AuditChainVerifies) {
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  EXPECT_GT(v->records, 50);
}

TEST_F(DemoCityTest, CoreValidatesAndEvaluatesEveryYear) {
  bool quota_binds = false;
  bool veto_shows = false;
  for (int year : {kYear - 2, kYear - 1, kYear}) {
    SCOPED_TRACE(year);
    auto s = store_->LoadScheme(year);
    auto d = store_->LoadYearData(year);
    ASSERT_TRUE(s.ok() && d.ok());
    Status valid = core::ValidateScheme(*s);
    ASSERT_TRUE(valid.ok()) << valid.ToString();
    auto r = core::Evaluate(*s, *d);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->units.size(), s->units.size());
    std::map<std::string, int> size, above90;
    for (const auto& u : r->units) {
      ++size[u.category_id];
      if (u.total >= 90) ++above90[u.category_id];
      if (u.vetoed) veto_shows = true;
      EXPECT_TRUE(u.total > 0 && u.total <= 103) << u.unit_id << " " << u.total;
    }
    if (year < kYear) {
      for (const auto& [cat, n] : size) {
        if (above90[cat] > static_cast<int>(0.3 * n)) quota_binds = true;
      }
    }
  }
  EXPECT_TRUE(quota_binds) << "no category has more units above 90 than its 30 % quota";
  EXPECT_TRUE(veto_shows);
}

TEST(DemoCity, SameSeedSameCityOtherSeedOtherCity) {
  TempDir dir;
  auto a = Open(dir.File("a.db"));
  auto b = Open(dir.File("b.db"));
  auto c = Open(dir.File("c.db"));
  ASSERT_TRUE(a && b && c);
  // a and b run their surveys (the journal on their files); c, of another
  // seed, has none (no file named): given satisfaction scores.
  DemoOptions in_a, in_b, other;
  in_a.db_path = dir.File("a.db");
  in_b.db_path = dir.File("b.db");
  other.seed = 7;
  ASSERT_TRUE(GenerateDemoCity(*a, in_a).ok());
  ASSERT_TRUE(GenerateDemoCity(*b, in_b).ok());
  ASSERT_TRUE(GenerateDemoCity(*c, other).ok());
  // The surveys' responses, ids included, and their results are the same
  // (not the credentials: invitation codes are random secrets by design).
  for (const char* survey : {"sat-2024", "sat-2025", "sat-2026-demo"}) {
    SCOPED_TRACE(survey);
    std::vector<std::string> ra, rb;
    auto rows = [&](store::Store& st, std::vector<std::string>& out) {
      ASSERT_TRUE(st.ForEachResponse(survey, [&](const core::survey::Response& r) {
                      out.push_back(std::to_string(r.id) + "|" + r.idempotency_key + "|" +
                                    core::survey::ResponseStatusName(r.status) + "|" + r.reason +
                                    "|" + std::to_string(r.received_at) + "|" + r.group_id + "|" +
                                    io::AnswersToJson(r.answers).dump());
                      return Status::Ok();
                    }).ok());
    };
    rows(*a, ra);
    rows(*b, rb);
    EXPECT_GT(ra.size(), 250u);
    EXPECT_EQ(ra, rb);
    auto res_a = a->ListSurveyResults(survey);
    auto res_b = b->ListSurveyResults(survey);
    ASSERT_TRUE(res_a.ok() && res_b.ok());
    ASSERT_EQ(res_a->size(), res_b->size());
    for (size_t i = 0; i < res_a->size(); ++i) {
      EXPECT_EQ((*res_a)[i].score, (*res_b)[i].score);
      EXPECT_EQ((*res_a)[i].se, (*res_b)[i].se);
    }
  }
  EXPECT_TRUE(c->ListSurveys(0)->empty());
  EXPECT_EQ(c->LoadYearData(kYear - 1)->satisfaction.size(),
            c->LoadScheme(kYear - 1)->units.size());
  for (int year : {kYear - 2, kYear - 1, kYear}) {
    SCOPED_TRACE(year);
    const auto sa = store::SchemeContentHash(*a->LoadScheme(year));
    const auto da = store::YearDataContentHash(*a->LoadYearData(year));
    EXPECT_EQ(sa, store::SchemeContentHash(*b->LoadScheme(year)));
    EXPECT_EQ(da, store::YearDataContentHash(*b->LoadYearData(year)));
    EXPECT_NE(da, store::YearDataContentHash(*c->LoadYearData(year)));
  }
  Status again = GenerateDemoCity(*a);
  EXPECT_EQ(again.code(), Code::kFailedPrecondition);
}

TEST(DemoCity, RejectsBadOptions) {
  TempDir dir;
  auto s = Open(dir.File("x.db"));
  ASSERT_TRUE(s);
  DemoOptions o;
  o.months_reported = 13;
  EXPECT_EQ(GenerateDemoCity(*s, o).code(), Code::kInvalidArgument);
  EXPECT_TRUE(s->ListYears()->empty());
}

}  // namespace
}  // namespace govperf::demo

namespace govperf::demo {
namespace {

// Scoring input from the store: the year's data plus last year's year-end
// values (period YYYY-1) and nothing else of last year; the first year has none.
TEST_F(DemoCityTest, ScoringInputCarriesLastYearsYearEndValues) {
  auto plain = store_->LoadYearData(2025);
  auto with = store::LoadYearDataForScoring(*store_, 2025);
  ASSERT_TRUE(plain.ok() && with.ok());
  size_t previous = 0;
  for (const auto& d : with->values) {
    EXPECT_TRUE(d.period.rfind("2025", 0) == 0 || d.period == "2024") << d.period;
    previous += d.period == "2024";
  }
  EXPECT_GT(previous, 600u);  // 48 units × their ~15–40 leaves
  EXPECT_EQ(with->values.size(), plain->values.size() + previous);
  auto first = store::LoadYearDataForScoring(*store_, 2024);
  ASSERT_TRUE(first.ok());
  for (const auto& d : first->values) EXPECT_EQ(d.period.rfind("2024", 0), 0u) << d.period;
  // The engine ignores last year's values unless a method reads them.
  auto scheme = store_->LoadScheme(2025);
  ASSERT_TRUE(scheme.ok());
  auto a = core::Evaluate(*scheme, *plain), b = core::Evaluate(*scheme, *with);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < a->units.size(); ++i) EXPECT_EQ(a->units[i].total, b->units[i].total);
}

}  // namespace
}  // namespace govperf::demo

namespace govperf::demo {
namespace {

std::optional<store::MonitoringReport> Report(store::Store& st, const std::string& ind,
                                              const std::string& unit, const std::string& period) {
  auto r = st.FindReport(kYear, ind, unit, period);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : std::nullopt;
}

TEST_F(DemoCityTest, YearInProgressWasNegotiatedPublishedAndAdjustedThroughTheUseCases) {
  // 目标协商 on 1.1.1 (led by 统计局 B03) for the four districts.
  auto neg = store_->ListTargetNegotiations(kYear);
  ASSERT_TRUE(neg.ok());
  std::map<std::string, store::TargetNegotiation> by_unit;
  for (const auto& n : *neg) {
    if (n.indicator_id == "1.1.1") by_unit[n.unit_id] = n;
  }
  ASSERT_EQ(by_unit.size(), 4u);
  EXPECT_EQ(by_unit["D01"].state, "agreed");  // the unit's counter, accepted by the lead
  EXPECT_EQ(by_unit["D01"].agreed_value, by_unit["D01"].unit_value);
  EXPECT_EQ(by_unit["D02"].state, "agreed");  // the lead's proposal, accepted
  EXPECT_EQ(by_unit["D02"].agreed_value, by_unit["D02"].lead_value);
  EXPECT_EQ(by_unit["D03"].state, "decided");  // kept, escalated, decided by the office
  ASSERT_FALSE(by_unit["D03"].history.empty());
  EXPECT_EQ(by_unit["D03"].history.back().actor, "admin");
  EXPECT_EQ(by_unit["D03"].history.back().action, "decide");

  // Published (version 1), then one approved adjustment (version 2).
  auto versions = store_->ListSchemeVersions(kYear);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ((*versions)[0].at.substr(0, 10), std::to_string(kYear) + "-02-05");
  auto changes = store_->ListChangeRequests(kYear);
  ASSERT_TRUE(changes.ok());
  std::map<std::string, int> states;
  for (const auto& c : *changes) ++states[c.state];
  EXPECT_EQ(states["approved"], 1);
  EXPECT_EQ(states["rejected"], 1);
  EXPECT_EQ(states["pending"], 1);
  for (const auto& c : *changes) {
    if (c.state == "approved") EXPECT_EQ(c.version, 2);
  }
}

TEST_F(DemoCityTest, YearInProgressHasReportsInEveryStateWithTheirStories) {
  const std::string q3 = std::to_string(kYear) + "-09";
  const std::string q2 = std::to_string(kYear) + "-06";
  auto awaiting = Report(*store_, "1.1.1", "D01", q3);
  ASSERT_TRUE(awaiting);
  EXPECT_EQ(awaiting->state, store::ReportState::kSubmitted);
  ASSERT_EQ(awaiting->evidence.size(), 1u);
  EXPECT_FALSE(awaiting->late);
  // Times are the story's: submitted two days before the due date in October.
  EXPECT_EQ(awaiting->submitted_at.substr(0, 7), std::to_string(kYear) + "-10");

  auto returned = Report(*store_, "1.1.3", "D01", q3);
  ASSERT_TRUE(returned);
  EXPECT_EQ(returned->state, store::ReportState::kReturned);
  EXPECT_NE(returned->return_reason.find("统计部门盖章"), std::string::npos);
  EXPECT_EQ(returned->decided_by, "lead_b03");

  auto resubmitted = Report(*store_, "2.1.1", "D02", q3);
  ASSERT_TRUE(resubmitted);
  EXPECT_EQ(resubmitted->state, store::ReportState::kSubmitted);
  EXPECT_EQ(resubmitted->submissions, 2);

  EXPECT_FALSE(Report(*store_, "1.1.4", "D03", q3)) << "missing: a red card";
  auto late = Report(*store_, "1.1.5", "D02", q2);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->state, store::ReportState::kVerified);
  EXPECT_TRUE(late->late);

  // Every verified report's value is the year's datum of its period, and a
  // lead department's own report awaits the office (利益回避).
  auto reports = store_->ListReports(kYear);
  auto data = store_->LoadYearData(kYear);
  ASSERT_TRUE(reports.ok() && data.ok());
  std::map<std::tuple<std::string, std::string, std::string>, std::optional<double>> values;
  for (const auto& d : data->values) values[{d.indicator_id, d.unit_id, d.period}] = d.value;
  auto scheme = store_->LoadScheme(kYear);
  ASSERT_TRUE(scheme.ok());
  std::map<std::string, std::string> lead_of;
  for (const auto& i : scheme->indicators) lead_of[i.id] = i.lead_unit_id;
  size_t verified = 0, own_awaiting = 0;
  for (const auto& r : *reports) {
    if (r.state == store::ReportState::kVerified) {
      ++verified;
      const auto datum = values[{r.indicator_id, r.unit_id, r.period}];
      EXPECT_EQ(r.value, datum) << r.indicator_id << "/" << r.unit_id << "/" << r.period;
      EXPECT_FALSE(r.decided_by.empty());
    }
    if (r.state == store::ReportState::kSubmitted && lead_of[r.indicator_id] == r.unit_id &&
        r.period == q3) {
      ++own_awaiting;
    }
  }
  EXPECT_GT(verified, 500u);
  EXPECT_GE(own_awaiting, 1u);
}

TEST_F(DemoCityTest, YearInProgressHasCardsAndMessages) {
  auto esc = store_->ListEscalations(kYear);
  ASSERT_TRUE(esc.ok());
  std::set<std::string> levels;
  bool red_d03 = false;
  for (const auto& e : *esc) {
    levels.insert(e.level);
    if (e.level == "red" && e.subject == "report:1.1.4/D03/" + std::to_string(kYear) + "-09") {
      red_d03 = true;
    }
  }
  EXPECT_TRUE(levels.count("yellow")) << "a monthly report missing two days after its due date";
  EXPECT_TRUE(red_d03);
  auto inbox = store_->ListInbox("unit_d01", false, 100);
  ASSERT_TRUE(inbox.ok());
  bool returned = false;
  for (const auto& m : *inbox) returned = returned || m.kind == "report.returned";
  EXPECT_TRUE(returned);
  auto lead_inbox = store_->ListInbox("lead_b03", false, 100);
  ASSERT_TRUE(lead_inbox.ok());
  EXPECT_FALSE(lead_inbox->empty());
}

// The past years went through year-end assessment, 公示 with appeals,
// publication, rectification and result use by the use cases
// (past_year.h), and their certificates still verify.
TEST_F(DemoCityTest, PastYearsWentThroughYearEndAppealsRectificationAndResultUse) {
  const app::Caller admin{"admin", core::Role::kAdmin, "", ""};
  app::YearCache years(*store_);
  for (int year : {kYear - 2, kYear - 1}) {
    SCOPED_TRACE(year);
    auto self = app::year_end::List(years, *store_, admin, year, {});
    ASSERT_TRUE(self.ok()) << self.status().ToString();
    int scored = 0;
    for (const auto& row : self->rows) scored += row.State() == "scored" ? 1 : 0;
    EXPECT_EQ(scored, 23) << "the four districts on 1.1.x and three departments' duty leaves";

    auto claims = app::year_end::ListClaims(years, *store_, admin, year);
    ASSERT_TRUE(claims.ok());
    std::map<std::string, int> states;
    bool veto = false, opinion = false;
    for (const auto& c : claims->claims) {
      ++states[c.kind + "/" + c.state];
      if (c.kind == "veto") {
        veto = true;
        EXPECT_EQ(c.raised_by, "lead_b25");
        EXPECT_EQ(c.state, "approved");
      }
      if (c.kind == "deduction") EXPECT_EQ(c.raised_by, "lead_b10");
      opinion = opinion || !c.opinions.empty();
    }
    EXPECT_EQ(states["bonus/approved"], 2);
    EXPECT_EQ(states["bonus/rejected"], 1);
    EXPECT_EQ(states["deduction/approved"], 1);
    EXPECT_EQ(veto, year == kYear - 2) << "one veto, in the earlier year";
    EXPECT_TRUE(opinion) << "an expert's opinion on the innovation claim";

    auto setup = app::year_end::GetRatingSetup(*store_, admin, year);
    ASSERT_TRUE(setup.ok());
    EXPECT_TRUE(setup->closed());
    EXPECT_EQ(setup->leaders.size(), 3u);

    auto appeals = app::publication::ListAppeals(years, *store_, admin, year);
    ASSERT_TRUE(appeals.ok());
    ASSERT_EQ(appeals->size(), 2u);
    EXPECT_EQ((*appeals)[0].state, "upheld");
    EXPECT_EQ((*appeals)[0].unit_id, "D03");
    EXPECT_EQ((*appeals)[1].state, "rejected");
    EXPECT_EQ((*appeals)[1].kind, "adjustment");

    // Story today of the year in progress (mid-November): the later year has
    // open items and exactly one overdue; the earlier year is all closed.
    auto rates = app::feedback::ClosureRatesOf(years, *store_, admin, year, {kYear, 11, 13});
    ASSERT_TRUE(rates.ok()) << rates.status().ToString();
    EXPECT_EQ(rates->units.size(), 5u);
    EXPECT_EQ(rates->total, 10);
    int overdue = 0;
    for (const auto& u : rates->units) overdue += u.overdue;
    if (year == kYear - 2) {
      EXPECT_EQ(rates->closed, 10);
      EXPECT_EQ(overdue, 0);
    } else {
      EXPECT_EQ(rates->closed, 5);
      EXPECT_EQ(overdue, 1);
    }

    auto use = app::GetResultUse(years, *store_, admin, year);
    ASSERT_TRUE(use.ok());
    EXPECT_TRUE(use->published);
    EXPECT_EQ(use->rules.size(), 4u);
    for (const auto& row : use->rows) {
      ASSERT_FALSE(row.records.empty()) << row.unit_id;
      EXPECT_EQ(row.records[0].kind, "bonus");
      EXPECT_EQ(row.records[0].reference, "云绩办〔" + std::to_string(year + 1) + "〕21号");
      EXPECT_EQ(row.records[0].coefficient, row.suggested->bonus_coefficient);
    }

    auto verified = app::publication::VerifyPublication(*store_, year);
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->ok) << verified->summary;
  }
}

// ---- 社会评价: the surveys the demo city ran (surveys.h) ----

namespace sv = core::survey;

// The demo as `govperf demo` writes it: the store's file named, so the
// surveys run through the response journal. Generation takes longer than
// without surveys (one journal commit per response; about a fifth more on
// the shared 2-core machine), and every test of a fixture regenerates it
// under ctest, so the survey facts are checked in a few tests of their own;
// the other tests above use the city without surveys.
class DemoSurveyCityTest
    : public testing::GeneratedDemoCityTest<testing::Surveys::kThroughTheJournal> {};

std::map<std::string, int64_t> ByStatusAndReason(store::Store& st, const std::string& survey) {
  std::map<std::string, int64_t> out;
  EXPECT_TRUE(st.ForEachResponse(survey, [&](const sv::Response& r) {
                  std::string reason = r.reason;
                  if (reason.rfind("near_duplicate", 0) == 0) reason = "near_duplicate";
                  ++out[std::string(sv::ResponseStatusName(r.status)) + "/" + reason];
                  return Status::Ok();
                }).ok());
  return out;
}

void EachYearHasItsSurveyDefinedLikeAnOffices(store::Store* store_) {
  const app::Caller admin{"admin", core::Role::kAdmin, "", ""};
  auto rows = app::survey::ListSurveys(*store_, admin, 0);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].survey.id, "sat-2024");
  EXPECT_EQ((*rows)[0].survey.status, sv::SurveyStatus::kClosed);
  EXPECT_EQ((*rows)[1].survey.id, "sat-2025");
  EXPECT_EQ((*rows)[1].survey.status, sv::SurveyStatus::kClosed);
  EXPECT_EQ((*rows)[2].survey.id, "sat-2026-demo");
  EXPECT_EQ((*rows)[2].survey.status, sv::SurveyStatus::kOpen);
  for (const auto& row : *rows) {
    const sv::Survey& s = row.survey;
    SCOPED_TRACE(s.id);
    ASSERT_EQ(s.groups.size(), 4u);
    std::map<std::string, double> weights;
    for (const auto& g : s.groups) weights[g.id] = g.weight;
    EXPECT_EQ(weights,
              (std::map<std::string, double>{
                  {"citizen", 0.5}, {"enterprise", 0.2}, {"deputy", 0.2}, {"service", 0.1}}));
    // district, sex, age; the district's rating; 44 city bodies; two opinions.
    EXPECT_EQ(s.questions.size(), 4u + 44u + 3u);
    int scales = 0, texts = 0, dont_know = 0;
    for (const auto& q : s.questions) {
      scales += q.kind == sv::QuestionKind::kScale ? 1 : 0;
      texts += q.kind == sv::QuestionKind::kText ? 1 : 0;
      dont_know += q.allow_dont_know ? 1 : 0;
    }
    EXPECT_EQ(scales, 45);
    EXPECT_EQ(texts, 2);
    EXPECT_EQ(dont_know, 45);
    ASSERT_EQ(s.margins.size(), 4u);
    for (const auto& [group, m] : s.margins) {
      EXPECT_EQ(m.size(), 3u) << group;  // district, sex, age
      EXPECT_EQ(m.at("district").size(), 4u);
      EXPECT_EQ(m.at("age").size(), 4u);
    }
    EXPECT_EQ(s.margins.at("citizen").at("district").at("D01"), 680360);
    EXPECT_EQ(s.quotas.size(), 16u);
    EXPECT_TRUE(s.public_link);
    EXPECT_EQ(s.public_group, "citizen");
    EXPECT_GT(s.closes_at, s.opens_at);
  }
}

void SurveyResponsesCameThroughTheJournalAndTheFlaggedWereReviewed(store::Store* store_) {
  // Counts by status and quality reason, as generated for seed 20091.
  const std::map<std::string, std::map<std::string, int64_t>> expected = {
      {"sat-2024",
       {{"accepted/", 690},
        {"accepted/speeder", 3},
        {"rejected/near_duplicate", 1},
        {"rejected/speeder", 9},
        {"rejected/straight_line", 11}}},
      {"sat-2025",
       {{"accepted/", 709},
        {"accepted/speeder", 2},
        {"rejected/near_duplicate", 2},
        {"rejected/speeder", 11},
        {"rejected/straight_line", 16}}},
      {"sat-2026-demo",
       {{"accepted/", 282},
        {"flagged/near_duplicate", 1},
        {"flagged/speeder", 4},
        {"flagged/straight_line", 1},
        {"rejected/straight_line", 2}}},
  };
  int64_t all = 0;
  for (const auto& [survey, counts] : expected) {
    SCOPED_TRACE(survey);
    EXPECT_EQ(ByStatusAndReason(*store_, survey), counts);
    int64_t channel_code = 0, channel_link = 0, reviewed = 0, flagged_left = 0;
    ASSERT_TRUE(store_
                    ->ForEachResponse(survey,
                                      [&](const sv::Response& r) {
                                        ++all;
                                        (r.channel == "code" ? channel_code : channel_link) += 1;
                                        EXPECT_GT(r.batch_id, 0);
                                        if (r.reason.empty()) {
                                          EXPECT_TRUE(r.reviewed_by.empty());
                                        } else if (r.status == sv::ResponseStatus::kFlagged) {
                                          ++flagged_left;
                                        } else {
                                          // Every decided flag was the office's, with its note.
                                          EXPECT_EQ(r.reviewed_by, "admin");
                                          EXPECT_FALSE(r.review_note.empty());
                                          ++reviewed;
                                        }
                                        return Status::Ok();
                                      })
                    .ok());
    EXPECT_GT(channel_code, 4 * channel_link);
    EXPECT_GT(channel_link, 40);
    EXPECT_EQ(flagged_left > 0, survey == "sat-2026-demo");
    EXPECT_GT(reviewed, 0);
  }
  // One journal batch and one `survey.batch` audit record per response: the
  // demo's respondents answer one after the other.
  int64_t batches = 0, reviews = 0;
  for (int64_t after = 0;;) {
    auto page = store_->ListAudit(after, 5000);
    ASSERT_TRUE(page.ok());
    if (page->empty()) break;
    after = page->back().id;
    for (const auto& a : *page) {
      batches += a.action == "survey.batch" ? 1 : 0;
      reviews += a.action == "survey.review" ? 1 : 0;
    }
  }
  EXPECT_EQ(batches, all);
  EXPECT_EQ(reviews, 24 + 31 + 2);
}

void PublishedSatisfactionComesFromTheRakedSurveys(store::Store* store_) {
  for (int year : {kYear - 2, kYear - 1}) {
    SCOPED_TRACE(year);
    auto results = store_->ListSurveyResults("sat-" + std::to_string(year));
    ASSERT_TRUE(results.ok());
    std::map<std::string, store::SurveyResultRow> unit_rows;
    for (const auto& r : *results) {
      if (r.group_id.empty()) unit_rows[r.unit_id] = r;
    }
    auto scheme = store_->LoadScheme(year);
    auto data = store_->LoadYearData(year);
    ASSERT_TRUE(scheme.ok() && data.ok());
    ASSERT_EQ(unit_rows.size(), scheme->units.size());
    std::vector<double> sat, lead;
    for (const auto& u : scheme->units) {
      SCOPED_TRACE(u.id);
      const auto& row = unit_rows.at(u.id);
      ASSERT_TRUE(row.score && row.se);
      EXPECT_GE(row.n, 50) << "every unit rated by enough respondents";
      EXPECT_EQ(data->satisfaction.at(u.id), *row.score);
      EXPECT_EQ(data->satisfaction_se.at(u.id), *row.se);
      EXPECT_GT(*row.se, 0.3);
      EXPECT_LT(*row.se, 4.0);
      EXPECT_GT(*row.score, 50);
      EXPECT_LT(*row.score, 97);
      sat.push_back(*row.score);
      lead.push_back(data->leadership.at(u.id));
    }
    // The story holds: satisfaction and the leadership rating follow the
    // same strengths, so they agree (Pearson r).
    const double n = static_cast<double>(sat.size());
    double ms = 0, ml = 0;
    for (size_t i = 0; i < sat.size(); ++i) ms += sat[i] / n, ml += lead[i] / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < sat.size(); ++i) {
      sxy += (sat[i] - ms) * (lead[i] - ml);
      sxx += (sat[i] - ms) * (sat[i] - ms);
      syy += (lead[i] - ml) * (lead[i] - ml);
    }
    EXPECT_GT(sxy / std::sqrt(sxx * syy), 0.6);
  }
  // The year in progress scores provisionally with last year's survey.
  auto last = store_->LoadYearData(kYear - 1);
  auto now = store_->LoadYearData(kYear);
  ASSERT_TRUE(last.ok() && now.ok());
  EXPECT_EQ(now->satisfaction, last->satisfaction);
  EXPECT_EQ(now->satisfaction_se, last->satisfaction_se);
  EXPECT_EQ(now->satisfaction.size(), 48u);
}

void OpinionsWereRoutedAnsweredAndMostlyClosed(store::Store* store_) {
  const app::Caller anyone{"", core::Role::kAnonymous, "", ""};
  std::map<int, std::pair<int64_t, int64_t>> closure;  // year → (closed, total)
  for (int year : {kYear - 2, kYear - 1}) {
    SCOPED_TRACE(year);
    auto rows = app::survey::OpinionSummary(*store_, anyone, year, /*public_view=*/true);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    int units = 0;
    for (const auto& r : *rows) {
      closure[year].first += r.closed;
      closure[year].second += r.total;
      units += r.unit_id.empty() ? 0 : 1;
    }
    EXPECT_GE(units, 20) << "districts and many city bodies have opinions";
  }
  EXPECT_EQ(closure[kYear - 2], std::make_pair(int64_t{91}, int64_t{106}));
  EXPECT_EQ(closure[kYear - 1], std::make_pair(int64_t{65}, int64_t{96}));
  // The year in progress: fieldwork under way, nothing routed yet.
  const app::Caller admin{"admin", core::Role::kAdmin, "", ""};
  auto now = app::survey::ListOpinions(*store_, admin, kYear, {});
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(now->empty());
}

void YearInProgressHasFieldworkUnderWay(store::Store* store_) {
  const app::Caller admin{"admin", core::Role::kAdmin, "", ""};
  auto f = app::survey::FieldworkProgress(*store_, admin, "sat-2026-demo");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->status, "open");
  EXPECT_EQ(f->accepted, 282);
  EXPECT_EQ(f->flagged, 6);
  EXPECT_EQ(f->rejected, 2);
  ASSERT_EQ(f->quotas.size(), 16u);
  int met = 0, under_way = 0;
  for (const auto& q : f->quotas) {
    EXPECT_GT(q.accepted, 0) << q.group_id << " " << q.level;
    (q.accepted >= q.target ? met : under_way) += 1;
  }
  EXPECT_EQ(met, 0);
  EXPECT_EQ(under_way, 16);
  auto s = store_->FindSurvey("sat-2026-demo");
  ASSERT_TRUE(s.ok() && s->has_value());
  // The window runs around the story's today (mid-November).
  const int64_t today = core::monitoring::DaysFromCivil({kYear, 11, 13}) * 86400;
  EXPECT_LT((*s)->opens_at, today);
  EXPECT_GT((*s)->closes_at, today);
}

TEST_F(DemoSurveyCityTest, PastYearsRanTheirSurveysAndPublishedTheirResults) {
  EachYearHasItsSurveyDefinedLikeAnOffices(store_);
  SurveyResponsesCameThroughTheJournalAndTheFlaggedWereReviewed(store_);
  PublishedSatisfactionComesFromTheRakedSurveys(store_);
  for (int year : {kYear - 2, kYear - 1}) {
    auto verified = app::publication::VerifyPublication(*store_, year);
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->ok) << verified->summary;
  }
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
}

TEST_F(DemoSurveyCityTest, OpinionsWereRoutedAnsweredAndMostlyClosed) {
  OpinionsWereRoutedAnsweredAndMostlyClosed(store_);
}

TEST_F(DemoSurveyCityTest, YearInProgressHasFieldworkUnderWay) {
  YearInProgressHasFieldworkUnderWay(store_);
}

}  // namespace
}  // namespace govperf::demo
