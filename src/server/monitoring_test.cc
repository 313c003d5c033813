// 日常监测 monitoring through the HTTP API (App::Handle on a real SQLite
// store): the report state machine with its denials, evidence files checked
// by content and served only to those concerned, the inbox, the calendar,
// `remind` idempotence, time progress and the CSV import.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/monitoring/calendar.h"
#include "app/monitoring/reports.h"
#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;
namespace cm = core::monitoring;

int64_t UnixOf(const std::string& date, int hour_utc = 2) {
  return cm::DaysFromCivil(*cm::ParseDate(date)) * 86400 + hour_utc * 3600;
}

void AddUser(TestCity& city, const std::string& name, core::Role role, const std::string& unit) {
  store::User u;
  u.username = name;
  u.display_name = name;
  u.role = role;
  u.unit_id = unit;
  u.password_hash = testing::PasswordHash();
  ASSERT_TRUE(city.store().PutUser({"system"}, u).ok());
}

// A stored-entry ZIP holding `names` (enough for the content check, which
// reads the central directory).
std::string Zip(const std::vector<std::string>& names) {
  auto le = [](std::string& s, uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  std::string out, central;
  for (const std::string& n : names) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    le(out, 0x04034b50, 4);
    le(out, 20, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0, 2);
    le(out, 0, 4), le(out, 1, 4), le(out, 1, 4);
    le(out, static_cast<uint32_t>(n.size()), 2), le(out, 0, 2);
    out += n + "x";
    le(central, 0x02014b50, 4);
    le(central, 20, 2), le(central, 20, 2), le(central, 0, 2), le(central, 0, 2);
    le(central, 0, 2), le(central, 0, 2), le(central, 0, 4), le(central, 1, 4), le(central, 1, 4);
    le(central, static_cast<uint32_t>(n.size()), 2), le(central, 0, 2), le(central, 0, 2);
    le(central, 0, 2), le(central, 0, 2), le(central, 0, 4), le(central, offset, 4);
    central += n;
  }
  const uint32_t cd_at = static_cast<uint32_t>(out.size());
  out += central;
  le(out, 0x06054b50, 4);
  le(out, 0, 2), le(out, 0, 2);
  le(out, static_cast<uint32_t>(names.size()), 2), le(out, static_cast<uint32_t>(names.size()), 2);
  le(out, static_cast<uint32_t>(central.size()), 4), le(out, cd_at, 4), le(out, 0, 2);
  return out;
}

class Monitoring : public ::testing::Test {
 protected:
  void SetUp() override {
    AddUser(city, "unit_d02", core::Role::kUnit, "D02");
    AddUser(city, "lead_b02", core::Role::kLead, "B02");
    SetDate("2025-04-01");  // China: 2025-04-01 10:00
  }
  // Moves the clock and signs everyone in again (sessions last 8 hours).
  void SetDate(const std::string& date) {
    city.clock().Set(UnixOf(date));
    for (const char* u :
         {"admin", "leader", "lead_b01", "lead_b02", "unit_d01", "unit_d02", "expert1"}) {
      tokens[u] = city.TokenFor(u);
    }
  }
  Response Call(const std::string& user, const std::string& method, const std::string& target,
                const std::string& body = "") {
    return city.Call(method, target, body, tokens.at(user));
  }
  std::optional<store::MonitoringReport> Stored(const std::string& ind, const std::string& unit,
                                                const std::string& period, int year = 2025) {
    auto r = city.store().FindReport(year, ind, unit, period);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::nullopt;
  }
  std::optional<double> Datum(const std::string& ind, const std::string& unit,
                              const std::string& period) {
    auto d = city.store().LoadYearData(2025);
    for (const auto& x : d->values) {
      if (x.indicator_id == ind && x.unit_id == unit && x.period == period) return x.value;
    }
    return std::nullopt;
  }
  int64_t Unread(const std::string& user) {
    return Body(Call(user, "GET", "/api/v1/inbox"))["unread"].get<int64_t>();
  }

  TestCity city;
  std::map<std::string, std::string> tokens;
  const std::string d01 = "/api/v1/years/2025/reports/1.1.1/D01/2025-03";
};

TEST_F(Monitoring, SubmitReturnResubmitVerifyAndTheValueBecomesTheDatum) {
  Response r = Call("unit_d01", "PUT", d01, R"({"value": 3.2, "narrative": "一季度完成"})");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Body(r);
  EXPECT_EQ(j["state"], "submitted");
  EXPECT_EQ(j["due_date"], "2025-04-10");  // 10 days after 2025-03-31, a Thursday
  EXPECT_EQ(j["late"], false);
  EXPECT_EQ(j["submissions"], 1);
  EXPECT_EQ(Unread("lead_b01"), 1);  // the lead department has one to verify

  r = Call("lead_b01", "POST", d01 + "/return", R"({"reason": "缺少佐证材料"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "returned");
  EXPECT_EQ(Body(r)["return_reason"], "缺少佐证材料");
  Json inbox = Body(Call("unit_d01", "GET", "/api/v1/inbox?unread=1"));
  ASSERT_EQ(inbox["messages"].size(), 1u);
  EXPECT_EQ(inbox["messages"][0]["kind"], "report.returned");
  EXPECT_EQ(inbox["messages"][0]["body_zh"], "缺少佐证材料");

  // A returned report cannot be verified before it is resubmitted.
  EXPECT_EQ(Call("lead_b01", "POST", d01 + "/verify").status, 409);

  SetDate("2025-04-11");  // after the due date: late, kept as a flag
  r = Call("unit_d01", "PUT", d01, R"({"value": 3.5, "narrative": "已补充"})");
  ASSERT_EQ(r.status, 200) << r.body;
  j = Body(r);
  EXPECT_EQ(j["state"], "submitted");
  EXPECT_EQ(j["submissions"], 2);
  EXPECT_EQ(j["resubmitted"], true);
  EXPECT_EQ(j["late"], true);

  const int64_t version = *city.store().DataVersion(2025);
  EXPECT_FALSE(Datum("1.1.1", "D01", "2025-03"));
  r = Call("lead_b01", "POST", d01 + "/verify");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "verified");
  EXPECT_EQ(Body(r)["decided_by"], "lead_b01");
  EXPECT_EQ(Datum("1.1.1", "D01", "2025-03"), 3.5);
  EXPECT_GT(*city.store().DataVersion(2025), version);  // scores follow
  auto data = city.store().LoadYearData(2025);
  for (const auto& d : data->values) {
    if (d.period == "2025-03") {
      EXPECT_EQ(d.entered_by, "unit_d01");
      EXPECT_EQ(d.approved_by, "lead_b01");
    }
  }
  inbox = Body(Call("unit_d01", "GET", "/api/v1/inbox?unread=1"));
  EXPECT_EQ(inbox["messages"][0]["kind"], "report.verified");

  // Submitting a verified report again: 409, nothing changes.
  r = Call("unit_d01", "PUT", d01, R"({"value": 9})");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "report");
  EXPECT_EQ(Stored("1.1.1", "D01", "2025-03")->value, 3.5);
  EXPECT_EQ(Call("lead_b01", "POST", d01 + "/verify").status, 409);
}

TEST_F(Monitoring, DenialsChangeNothing) {
  // A unit writing another unit's report.
  Response r =
      Call("unit_d01", "PUT", "/api/v1/years/2025/reports/1.1.1/D02/2025-03", R"({"value": 1})");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_FALSE(Stored("1.1.1", "D02", "2025-03"));
  // Neither a value nor a no-data declaration; both at once.
  EXPECT_EQ(Body(Call("unit_d01", "PUT", d01, R"({"narrative": "x"})"))["details"]["field"],
            "value");
  EXPECT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 1, "no_data": true})").status, 400);
  EXPECT_FALSE(Stored("1.1.1", "D01", "2025-03"));
  // An explicit no-data declaration is a report.
  r = Call("unit_d01", "PUT", d01,
           R"({"value": null, "no_data": true, "narrative": "统计口径调整"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["no_data"], true);
  EXPECT_TRUE(Body(r)["value"].is_null());

  // A lead department verifying an indicator it does not lead (2.1.1 is B02's).
  ASSERT_EQ(
      Call("lead_b01", "PUT", "/api/v1/years/2025/reports/2.1.1/B01/2025-03", R"({"value": 80})")
          .status,
      200);
  r = Call("lead_b01", "POST", "/api/v1/years/2025/reports/2.1.1/B01/2025-03/verify");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(Stored("2.1.1", "B01", "2025-03")->state, store::ReportState::kSubmitted);

  // Reporting in a draft year.
  ASSERT_TRUE(city.store().SaveScheme({"system"}, testing::TinyScheme(2026)).ok());
  r = Call("unit_d01", "PUT", "/api/v1/years/2026/reports/1.1.1/D01/2026-03", R"({"value": 1})");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(Body(r)["message"].get<std::string>().find("draft"), std::string::npos);
  EXPECT_FALSE(Stored("1.1.1", "D01", "2026-03", 2026));
  // A unit not assessed on the leaf, a bad period.
  EXPECT_EQ(
      Call("unit_d01", "PUT", "/api/v1/years/2025/reports/2.1.1/D01/2025-03", R"({"value": 1})")
          .status,
      400);
  EXPECT_EQ(Body(Call("unit_d01", "PUT", "/api/v1/years/2025/reports/1.1.1/D01/2025-13",
                      R"({"value": 1})"))["details"]["field"],
            "period");
}

TEST_F(Monitoring, ALeadDepartmentsOwnReportIsVerifiedByTheOffice) {
  // B02 leads 2.1.1 and is assessed on it (利益回避).
  const std::string b02 = "/api/v1/years/2025/reports/2.1.1/B02/2025-03";
  ASSERT_EQ(Call("lead_b02", "PUT", b02, R"({"value": 97})").status, 200);
  EXPECT_EQ(Unread("admin"), 1);  // the office is asked, not B02 itself
  EXPECT_EQ(Unread("lead_b02"), 0);
  Response r = Call("lead_b02", "POST", b02 + "/verify");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(Body(r)["message"].get<std::string>().find("conflict of interest"), std::string::npos);
  EXPECT_EQ(Call("lead_b02", "POST", b02 + "/return", R"({"reason": "x"})").status, 403);
  EXPECT_EQ(Stored("2.1.1", "B02", "2025-03")->state, store::ReportState::kSubmitted);
  r = Call("admin", "POST", b02 + "/verify");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["decided_by"], "admin");
  EXPECT_EQ(Datum("2.1.1", "B02", "2025-03"), 97);
  // B02 still verifies the other department's report on its indicator.
  ASSERT_EQ(
      Call("lead_b01", "PUT", "/api/v1/years/2025/reports/2.1.1/B01/2025-03", R"({"value": 80})")
          .status,
      200);
  EXPECT_EQ(Call("lead_b02", "POST", "/api/v1/years/2025/reports/2.1.1/B01/2025-03/verify").status,
            200);
}

TEST_F(Monitoring, EvidenceIsCheckedByContentStoredOnceAndServedOnlyToThoseConcerned) {
  ASSERT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 3})").status, 200);
  const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";
  Response r = Call("unit_d01", "POST", d01 + "/evidence?name=%E8%AF%B4%E6%98%8E.pdf", pdf);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string sha = Body(r)["sha256"];
  EXPECT_EQ(sha.size(), 64u);
  EXPECT_EQ(Body(r)["content_type"], "application/pdf");
  EXPECT_EQ(Body(r)["name"], "说明.pdf");
  // The same bytes again: the same hash, still one attachment.
  EXPECT_EQ(Body(Call("unit_d01", "POST", d01 + "/evidence?name=again.pdf", pdf))["sha256"], sha);
  EXPECT_EQ(Stored("1.1.1", "D01", "2025-03")->evidence.size(), 1u);

  // Types by content, not by name.
  r = Call("unit_d01", "POST", d01 + "/evidence?name=fake.pdf", "just text, not a PDF");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "file");
  const std::string docx = Zip({"[Content_Types].xml", "word/document.xml"});
  r = Call("unit_d01", "POST", d01 + "/evidence?name=report.bin", docx);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["content_type"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(Body(Call("unit_d01", "POST", d01 + "/evidence?name=x.xlsx",
                      Zip({"[Content_Types].xml", "xl/workbook.xml"})))["content_type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(Call("unit_d01", "POST", d01 + "/evidence?name=x.docx", Zip({"readme.txt"})).status,
            400);
  EXPECT_EQ(Call("unit_d01", "POST", d01 + "/evidence?name=a.png",
                 std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))
                .status,
            201);
  std::string ole("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
  ole += std::string(64, '\0') + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
  EXPECT_EQ(Body(Call("unit_d01", "POST", d01 + "/evidence?name=old.xls", ole))["content_type"],
            "application/vnd.ms-excel");
  // Too big.
  EXPECT_EQ(Call("unit_d01", "POST", d01 + "/evidence?name=big.pdf",
                 "%PDF-" + std::string(app::monitoring::kMaxEvidenceBytes, 'x'))
                .status,
            400);
  // Only the reporting unit attaches.
  EXPECT_EQ(Call("lead_b01", "POST", d01 + "/evidence?name=x.pdf", pdf).status, 403);

  const std::string url = d01 + "/evidence/" + sha;
  for (const char* who : {"unit_d01", "lead_b01", "admin", "leader"}) {
    r = Call(who, "GET", url);
    EXPECT_EQ(r.status, 200) << who << r.body;
    EXPECT_EQ(r.body, pdf) << who;
    EXPECT_EQ(r.content_type, "application/pdf");
  }
  for (const char* who : {"unit_d02", "lead_b02", "expert1"}) {
    r = Call(who, "GET", url);
    EXPECT_EQ(r.status, 403) << who << r.body;
    EXPECT_EQ(r.body.find("%PDF"), std::string::npos);
  }
  EXPECT_EQ(city.Call("GET", url).status, 401);
  // The hash alone opens nothing: not through another report.
  ASSERT_EQ(
      Call("unit_d02", "PUT", "/api/v1/years/2025/reports/1.1.1/D02/2025-03", R"({"value": 2})")
          .status,
      200);
  EXPECT_EQ(Call("unit_d02", "GET", "/api/v1/years/2025/reports/1.1.1/D02/2025-03/evidence/" + sha)
                .status,
            404);
  // Reports of other units are not listed or readable.
  EXPECT_EQ(Call("unit_d02", "GET", d01).status, 403);
  Json list = Body(Call("unit_d02", "GET", "/api/v1/years/2025/reports?unit=D01"));
  EXPECT_TRUE(list["reports"].empty());
  list = Body(Call("unit_d02", "GET", "/api/v1/years/2025/reports"));
  ASSERT_FALSE(list["reports"].empty());
  for (const auto& s : list["reports"]) EXPECT_EQ(s["unit_id"], "D02");
  EXPECT_EQ(Call("expert1", "GET", "/api/v1/years/2025/reports").status, 403);
}

TEST_F(Monitoring, ReportListShowsDueSlotsByFrequency) {
  Json list = Body(Call("unit_d01", "GET", "/api/v1/years/2025/reports?indicator=1.1.1"));
  ASSERT_EQ(list["reports"].size(), 4u);  // quarterly by default
  EXPECT_EQ(list["reports"][0]["period"], "2025-03");
  EXPECT_EQ(list["reports"][0]["state"], "due");
  EXPECT_EQ(list["reports"][3]["due_date"], "2026-01-12");  // 2026-01-10 is a Saturday
  Response r = Call("admin", "PUT", "/api/v1/years/2025/monitoring/settings",
                    R"({"frequencies": {"1.1.1": "monthly"}, "due_days_after": 5})");
  ASSERT_EQ(r.status, 200) << r.body;
  list = Body(Call("unit_d01", "GET", "/api/v1/years/2025/reports?indicator=1.1.1"));
  EXPECT_EQ(list["reports"].size(), 12u);
  EXPECT_EQ(list["counts"]["due"], 12);
  r = Call("admin", "PUT", "/api/v1/years/2025/monitoring/settings",
           R"({"frequencies": {"1.1.1": "weekly"}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "frequencies");
  r = Call("admin", "PUT", "/api/v1/years/2025/monitoring/settings",
           R"({"frequencies": {"1.1": "monthly"}})");
  EXPECT_EQ(r.status, 400) << "1.1 is not a leaf";
  EXPECT_EQ(Body(Call("admin", "GET", "/api/v1/years/2025/monitoring/settings"))["due_days_after"],
            5);
}

TEST_F(Monitoring, ALeafsOwnFrequencyAppliesUnlessTheSettingsNameOne) {
  // The frequency set on the leaf in 指标设置 (the scheme) decides its periods…
  auto scheme = city.store().LoadScheme(2025);
  ASSERT_TRUE(scheme.ok());
  for (auto& i : scheme->indicators) {
    if (i.id == "1.1.1") i.frequency = "monthly";
  }
  ASSERT_TRUE(city.store().SaveScheme({"system"}, *scheme).ok());
  Json list = Body(Call("unit_d01", "GET", "/api/v1/years/2025/reports?indicator=1.1.1"));
  ASSERT_EQ(list["reports"].size(), 12u);
  EXPECT_EQ(list["reports"][0]["period"], "2025-01");
  EXPECT_EQ(list["reports"][0]["due_date"], "2025-02-10");  // 10 days after 01-31, a Monday
  // …and the year's monitoring settings override it for that leaf.
  ASSERT_EQ(Call("admin", "PUT", "/api/v1/years/2025/monitoring/settings",
                 R"({"frequencies": {"1.1.1": "half_yearly"}})")
                .status,
            200);
  list = Body(Call("unit_d01", "GET", "/api/v1/years/2025/reports?indicator=1.1.1"));
  ASSERT_EQ(list["reports"].size(), 2u);
  EXPECT_EQ(list["reports"][0]["period"], "2025-06");
  EXPECT_EQ(list["reports"][1]["period"], "2025-12");
}

TEST_F(Monitoring, InboxUnreadCountAndMarkRead) {
  ASSERT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 3})").status, 200);
  ASSERT_EQ(Call("lead_b01", "POST", d01 + "/return", R"({"reason": "一"})").status, 200);
  ASSERT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 3})").status, 200);
  ASSERT_EQ(Call("lead_b01", "POST", d01 + "/return", R"({"reason": "二"})").status, 200);
  Json inbox = Body(Call("unit_d01", "GET", "/api/v1/inbox"));
  EXPECT_EQ(inbox["unread"], 2);
  ASSERT_EQ(inbox["messages"].size(), 2u);
  EXPECT_EQ(inbox["messages"][0]["body_zh"], "二");  // newest first
  const int64_t id = inbox["messages"][1]["id"];
  Response r = Call("unit_d01", "POST", "/api/v1/inbox/read", Json({{"id", id}}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["unread"], 1);
  // Someone else's message: not found, nothing marked.
  EXPECT_EQ(Call("unit_d02", "POST", "/api/v1/inbox/read", Json({{"id", id}}).dump()).status, 404);
  EXPECT_EQ(Call("unit_d01", "POST", "/api/v1/inbox/read", R"({"id": "x"})").status, 400);
  EXPECT_EQ(Body(Call("unit_d01", "POST", "/api/v1/inbox/read", R"({"id": 0})"))["unread"], 0);
  EXPECT_EQ(Body(Call("expert1", "GET", "/api/v1/inbox"))["unread"], 0);
}

TEST_F(Monitoring, CalendarSeedTasksAndRemindIsIdempotent) {
  Response r = Call("admin", "POST", "/api/v1/years/2025/calendar/seed");
  ASSERT_EQ(r.status, 200) << r.body;
  int days_2025 = 0;
  for (const auto& d : app::monitoring::BuiltInCalendarDays()) {
    if (d.date.rfind("2025-", 0) == 0) ++days_2025;
  }
  EXPECT_EQ(Body(r)["days_added"], days_2025);
  EXPECT_EQ(Body(r)["tasks_added"], 8);
  EXPECT_EQ(Body(Call("admin", "POST", "/api/v1/years/2025/calendar/seed"))["days_added"], 0);
  Json tasks = Body(Call("unit_d01", "GET", "/api/v1/years/2025/tasks"));
  ASSERT_EQ(tasks["tasks"].size(), 8u);
  EXPECT_EQ(tasks["tasks"][0]["id"], "targets");
  Json days = Body(Call("unit_d01", "GET", "/api/v1/calendar/days?year=2025"));
  EXPECT_EQ(days["days"].size(), static_cast<size_t>(days_2025));
  // The admin edits tasks and days; others may not.
  EXPECT_EQ(
      Call(
          "admin", "PUT", "/api/v1/years/2025/tasks/targets",
          R"({"name_zh": "报送年度目标", "from_role": "unit", "due_date": "2025-01-31", "done": true})")
          .status,
      200);
  EXPECT_EQ(Body(Call("admin", "PUT", "/api/v1/years/2025/tasks/x",
                      R"({"name_zh": "x", "due_date": "2025-02-30"})"))["details"]["field"],
            "due_date");
  EXPECT_EQ(Call("unit_d01", "PUT", "/api/v1/years/2025/tasks/x",
                 R"({"name_zh": "x", "due_date": "2025-02-03"})")
                .status,
            403);
  EXPECT_EQ(Call("admin", "PUT", "/api/v1/calendar/days/2025-04-14",
                 R"({"kind": "holiday", "name_zh": "测试假日"})")
                .status,
            200);
  EXPECT_EQ(Call("admin", "DELETE", "/api/v1/calendar/days/2025-04-14").status, 200);

  // 2025-04-14 (Mon): the first quarter's reports (due Thu 2025-04-10) are 2
  // working days late → yellow cards; D01's report was submitted in time.
  ASSERT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 3})").status, 200);
  app::YearCache years(city.store());
  auto run = app::monitoring::Remind(years, city.store(), app::Caller::System(),
                                     *cm::ParseDate("2025-04-14"));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  std::map<std::string, std::string> level;
  for (const auto& l : run->lines) level[l.subject] = l.level;
  EXPECT_EQ(level.count("report:1.1.1/D01/2025-03"), 0u);
  EXPECT_EQ(level["report:1.1.1/D02/2025-03"], "yellow");
  EXPECT_EQ(level["report:2.1.1/B02/2025-03"], "yellow");
  EXPECT_EQ(level["task:target-review"], "red");  // due 2025-02-28
  EXPECT_EQ(level.count("task:targets"), 0u);     // done
  EXPECT_GT(run->escalations_added, 0);
  EXPECT_GT(run->messages_added, 0);
  const int64_t unread = Unread("unit_d02");
  EXPECT_GE(unread, 1);
  auto again = app::monitoring::Remind(years, city.store(), app::Caller::System(),
                                       *cm::ParseDate("2025-04-14"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->escalations_added, 0);
  EXPECT_EQ(again->messages_added, 0);
  EXPECT_EQ(again->lines.size(), run->lines.size());
  EXPECT_EQ(Unread("unit_d02"), unread);
  // A week later the yellow card turns red: one new record for that level.
  auto later = app::monitoring::Remind(years, city.store(), app::Caller::System(),
                                       *cm::ParseDate("2025-04-21"));
  ASSERT_TRUE(later.ok());
  for (const auto& l : later->lines) level[l.subject] = l.level;
  EXPECT_EQ(level["report:1.1.1/D02/2025-03"], "red");
  auto recorded = city.store().ListEscalations(2025);
  int d02 = 0;
  for (const auto& e : *recorded) d02 += e.subject == "report:1.1.1/D02/2025-03";
  EXPECT_EQ(d02, 2);  // yellow, then red
}

TEST_F(Monitoring, TimeProgressByRoleAndTheLeaderSummary) {
  // D01's monthly 1.1.1 values: 2025-02 = 2.5 of a target of 10.
  Json p = Body(Call("unit_d01", "GET", "/api/v1/years/2025/progress"));
  ASSERT_EQ(p["rows"].size(), 2u);  // 1.1.1 and 1.1.2 for D01 only
  for (const auto& row : p["rows"]) {
    EXPECT_EQ(row["unit_id"], "D01");
    if (row["indicator_id"] == "1.1.1") {
      EXPECT_EQ(row["value"], 2.5);
      EXPECT_EQ(row["period"], "2025-02");
      EXPECT_DOUBLE_EQ(row["completion"].get<double>(), 0.25);
      EXPECT_EQ(row["status"], "red");
    }
  }
  ASSERT_EQ(Call("unit_d01", "PUT", d01, R"({"value": 9.5})").status, 200);
  ASSERT_EQ(Call("lead_b01", "POST", d01 + "/verify").status, 200);
  p = Body(Call("unit_d01", "GET", "/api/v1/years/2025/progress"));
  for (const auto& row : p["rows"]) {
    if (row["indicator_id"] == "1.1.1") {
      EXPECT_EQ(row["status"], "yellow");  // 0.95
    }
  }
  EXPECT_EQ(Call("unit_d01", "GET", "/api/v1/years/2025/progress?unit=D02").status, 403);
  // The lead department: its indicators for every unit, and its own unit.
  p = Body(Call("lead_b01", "GET", "/api/v1/years/2025/progress"));
  std::set<std::string> seen;
  for (const auto& row : p["rows"]) {
    seen.insert(row["indicator_id"].get<std::string>() + "/" + row["unit_id"].get<std::string>());
  }
  EXPECT_EQ(seen, (std::set<std::string>{"1.1.1/D01", "1.1.1/D02", "2.1.1/B01"}));
  Json s = Body(Call("leader", "GET", "/api/v1/years/2025/progress/summary"));
  EXPECT_EQ(s["units"].size(), 4u);
  EXPECT_EQ(s["reports"]["verified"], 1);
  EXPECT_EQ(Call("unit_d01", "GET", "/api/v1/years/2025/progress/summary").status, 403);
}

TEST_F(Monitoring, CsvImportIsAllOrNothingAndNamesEveryBadRow) {
  const std::string url = "/api/v1/years/2025/indicators/1.1.1/values.csv";
  Response r = Call("lead_b01", "POST", url,
                    "unit_id,period,value,note\nD01,2025-06,5,半年\nD02,2025-06,4,\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["rows"], 2);
  EXPECT_EQ(Datum("1.1.1", "D02", "2025-06"), 4);
  r = Call("lead_b01", "POST", url, "unit_id,period,value\nD01,2025-07,6\nD09,2025-07,1\n");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Body(r)["message"].get<std::string>().find("row 2 (line 3): unit_id"),
            std::string::npos)
      << r.body;
  EXPECT_FALSE(Datum("1.1.1", "D01", "2025-07"));  // nothing saved
  r = Call("lead_b01", "POST", url, "unit_id,period,value\nD01,2025-13,6\n");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("row 1 (line 2): period"),
            std::string::npos);
  r = Call("lead_b01", "POST", url, "unit_id,period,value\nD01,2025-08,abc\n");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("row 1 (line 2): value"), std::string::npos);
  EXPECT_EQ(Call("lead_b01", "POST", "/api/v1/years/2025/indicators/2.1.1/values.csv",
                 "unit_id,period,value\nB01,2025-06,5\n")
                .status,
            403);
}

}  // namespace
}  // namespace govperf::server
