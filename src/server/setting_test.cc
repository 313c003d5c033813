// Indicator setting (指标设置) through the API, on a real SQLite file: node
// edits, target negotiation with its history and per-role lists, conflict of
// interest, publication, adjustment requests with versions and diffs, duty
// lists — and every wrong-stage or wrong-role attempt refused with nothing saved.
#include <gtest/gtest.h>

#include "io/scheme_json.h"
#include "io/xlsx_write.h"
#include "server/server_test_fixture.h"

namespace govperf::server {
namespace {

using testing::Body;
using testing::TestCity;

// The test city plus 2027 in the setting stage (2025 is being monitored) and
// a lead department user for B02.
class SettingApi : public ::testing::Test {
 protected:
  void SetUp() override {
    const store::Actor sys{"system"};
    ASSERT_TRUE(city_.store().SaveScheme(sys, testing::TinyScheme(kYear)).ok());
    ASSERT_TRUE(city_.store().PutYear(sys, {kYear, core::Stage::kSetting, "", 0}).ok());
    store::User u;
    u.username = "lead_b02";
    u.display_name = "统计局";
    u.role = core::Role::kLead;
    u.unit_id = "B02";
    u.password_hash = testing::PasswordHash();
    ASSERT_TRUE(city_.store().PutUser(sys, u).ok());
    admin_ = city_.TokenFor("admin");
    lead_ = city_.TokenFor("lead_b01");
    lead2_ = city_.TokenFor("lead_b02");
    unit_ = city_.TokenFor("unit_d01");
    expert_ = city_.TokenFor("expert1");
    leader_ = city_.TokenFor("leader");
  }

  Response Call(const std::string& method, const std::string& path, const Json& body,
                const std::string& token) {
    return city_.Call(method, path, body.is_null() ? "" : body.dump(), token);
  }
  std::string Y(const std::string& rest, int year = kYear) {
    return "/api/v1/years/" + std::to_string(year) + rest;
  }
  int64_t AuditHead() { return city_.store().AuditHead()->first; }
  core::Scheme Scheme(int year = kYear) { return *city_.store().LoadScheme(year); }

  static constexpr int kYear = 2027;
  TestCity city_;
  std::string admin_, lead_, lead2_, unit_, expert_, leader_;
};

TEST_F(SettingApi, MethodSpecsDescribeEveryMethodForForms) {
  Response r = Call("GET", "/api/v1/scoring/methods", nullptr, expert_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json b = Body(r);
  ASSERT_EQ(b["methods"].size(), 9u);
  bool found = false;
  for (const Json& m : b["methods"]) {
    if (m["name"] == "completion_ratio") {
      found = true;
      EXPECT_EQ(m["needs_target"], true);
      EXPECT_EQ(m["name_zh"], "完成率法");
      EXPECT_FALSE(m["params"].empty());
      EXPECT_TRUE(m["params"][0].contains("default"));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(b["frequencies"].size(), 4u);
}

TEST_F(SettingApi, NodesAreAddedEditedMovedAndDeletedOneAuditedEditEach) {
  const int64_t audit0 = AuditHead();
  Json leaf = {{"id", "1.1.3"},
               {"parent_id", "1.1"},
               {"name_zh", "项目开工率"},
               {"points", 5},
               {"method", "completion_ratio"},
               {"params", {{"cap", 1.2}}},
               {"lead_unit_id", "B01"},
               {"category_ids", {"C1"}},
               {"unit_of_measure", "%"},
               {"data_source", "市发改委月报"},
               {"frequency", "monthly"},
               {"evidence_rules", "开工许可证扫描件"}};
  Response r = Call("POST", Y("/setting/nodes"), leaf, admin_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["level"], 3);
  EXPECT_EQ(AuditHead(), audit0 + 1);
  auto audit = city_.store().ListAudit(audit0, 1);
  EXPECT_EQ(audit->at(0).action, "indicator.add");
  EXPECT_EQ(audit->at(0).entity, "indicator:2027/1.1.3");
  core::Scheme s = Scheme();
  const core::Indicator* added = nullptr;
  for (const auto& i : s.indicators) {
    if (i.id == "1.1.3") added = &i;
  }
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->data_source, "市发改委月报");
  EXPECT_EQ(added->frequency, "monthly");
  EXPECT_EQ(added->params.at("cap"), 1.2);
  // Placed after its last sibling.
  EXPECT_EQ(s.indicators[4].id, "1.1.3");

  // Errors name the field and change nothing.
  const int64_t audit1 = AuditHead();
  struct Case {
    Json body;
    std::string field;
  };
  const std::vector<Case> bad = {
      {{{"id", "1.1.4"},
        {"parent_id", "1.1"},
        {"name_zh", "x"},
        {"points", 1},
        {"method", "no_such"},
        {"category_ids", {"C1"}}},
       "method"},
      {{{"id", "1.1.4"},
        {"parent_id", "1.1"},
        {"name_zh", "x"},
        {"points", 1},
        {"method", "completion_ratio"},
        {"params", {{"weight", 2}}},
        {"category_ids", {"C1"}}},
       "params.weight"},
      {{{"id", "1.1.4"},
        {"parent_id", "1.1"},
        {"name_zh", "x"},
        {"points", 1},
        {"method", "completion_ratio"},
        {"category_ids", {"C9"}}},
       "category_ids[0]"},
      {{{"id", "1.1.4"},
        {"parent_id", "1.1"},
        {"name_zh", "x"},
        {"points", 1},
        {"method", "completion_ratio"},
        {"category_ids", {"C1"}},
        {"frequency", "daily"}},
       "frequency"},
      {{{"id", "1.1.4"}, {"parent_id", "1.1.1"}, {"name_zh", "x"}}, "parent_id"},
      {{{"id", "1.1.1"}, {"parent_id", "1.1"}, {"name_zh", "x"}}, "id"},
      {{{"id", "1.1.4"},
        {"parent_id", "1.1"},
        {"name_zh", "x"},
        {"points", 0},
        {"method", "completion_ratio"},
        {"category_ids", {"C1"}}},
       "points"},
  };
  for (const Case& c : bad) {
    Response e = Call("POST", Y("/setting/nodes"), c.body, admin_);
    EXPECT_EQ(e.status / 100, 4) << c.body.dump();
    EXPECT_EQ(Body(e)["details"]["field"], c.field) << e.body;
  }
  // Points against a budgeted parent: 1.1 gets 20, its children hold 20.
  ASSERT_EQ(Call("PUT", Y("/setting/nodes/1.1"), {{"points", 20}}, admin_).status, 200);
  Response over = Call("PUT", Y("/setting/nodes/1.1.2"), {{"points", 6}}, admin_);
  EXPECT_EQ(over.status, 400) << over.body;
  EXPECT_EQ(Body(over)["details"]["field"], "points");
  EXPECT_NE(Body(over)["message"].get<std::string>().find("more than its 20"), std::string::npos);
  EXPECT_EQ(AuditHead(), audit1 + 1);  // only the 1.1 edit

  // Edit, move, delete.
  r = Call("PUT", Y("/setting/nodes/1.1.1"), {{"name_zh", "投资完成率（新）"}, {"direction", -1}},
           admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["direction"], -1);
  EXPECT_EQ(city_.store().ListAudit(AuditHead() - 1, 1)->at(0).action, "indicator.edit");
  r = Call("POST", Y("/setting/nodes/1.1.3/move"), {{"parent_id", "2.1"}}, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["parent_id"], "2.1");
  EXPECT_EQ(Scheme().indicators.back().id, "1.1.3");
  EXPECT_EQ(Call("DELETE", Y("/setting/nodes/1.1"), nullptr, admin_).status, 409);  // children
  ASSERT_EQ(Call("DELETE", Y("/setting/nodes/1.1.3"), nullptr, admin_).status, 200);
  EXPECT_EQ(Scheme().indicators.size(), 7u);
}

TEST_F(SettingApi, WrongStageEditsAre409AndSaveNothing) {
  // 2025 is being monitored: no node edits, no target proposals.
  const int64_t audit0 = AuditHead();
  const core::Scheme before = Scheme(2025);
  Response r = Call("PUT", Y("/setting/nodes/1.1.1", 2025), {{"name_zh", "改名"}}, admin_);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(Body(r)["message"].get<std::string>().find("monitoring"), std::string::npos);
  r = Call("POST", Y("/setting/targets/propose", 2025),
           {{"items", {{{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"value", 12}}}}}, lead_);
  EXPECT_EQ(r.status, 409) << r.body;
  r = city_.Call(
      "POST", Y("/setting/targets/propose", 2025),
      Json({{"items", {{{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"value", 12}}}}}).dump(),
      lead_, "zh-CN");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("日常监测"), std::string::npos) << r.body;
  EXPECT_EQ(AuditHead(), audit0);
  EXPECT_EQ(Scheme(2025).indicators[2].name_zh, before.indicators[2].name_zh);
  EXPECT_TRUE(city_.store().ListTargetNegotiations(2025)->empty());
}

TEST_F(SettingApi, TargetsAreNegotiatedStepByStepWithHistoryAndPerRoleLists) {
  // The lead department proposes both districts' targets in one call.
  Json items = {{{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"value", 12}, {"reason", "规划"}},
                {{"indicator_id", "1.1.1"}, {"unit_id", "D02"}, {"value", 11}}};
  Response r = Call("POST", Y("/setting/targets/propose"), {{"items", items}}, lead_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["targets"].size(), 2u);
  // ... but not for an indicator it does not lead (2.1.1 is B02's): nothing saved.
  Json mixed = items;
  mixed.push_back({{"indicator_id", "2.1.1"}, {"unit_id", "B01"}, {"value", 99}});
  r = Call("POST", Y("/setting/targets/propose"), {{"items", mixed}}, lead_);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "items[2].indicator_id");

  // What awaits whom.
  auto awaiting = [&](const std::string& token) {
    Response l = Call("GET", Y("/setting/targets?awaiting=me"), nullptr, token);
    EXPECT_EQ(l.status, 200) << l.body;
    std::vector<std::string> out;
    const Json b = Body(l);  // (a range-for over Body(l)[...] would dangle)
    for (const Json& row : b["targets"]) {
      out.push_back(row["indicator_id"].get<std::string>() + "/" +
                    row["unit_id"].get<std::string>());
    }
    return out;
  };
  EXPECT_EQ(awaiting(unit_), std::vector<std::string>{"1.1.1/D01"});
  EXPECT_TRUE(awaiting(lead_).empty());
  EXPECT_TRUE(awaiting(admin_).empty());

  // A unit reaches only its own targets.
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"}, {"unit_id", "D02"}, {"action", "accept"}}, unit_);
  EXPECT_EQ(r.status, 403) << r.body;
  r = Call("GET", Y("/setting/targets?unit_id=D02"), nullptr, unit_);
  EXPECT_TRUE(Body(r)["targets"].empty()) << r.body;

  // The unit counters (reason required), the lead keeps its own, the unit
  // escalates, the office decides.
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"action", "counter"}, {"value", 10}},
           unit_);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "reason");
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"action", "counter"},
            {"value", 10},
            {"reason", "重大项目延期"}},
           unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "countered");
  EXPECT_EQ(awaiting(lead_), std::vector<std::string>{"1.1.1/D01"});
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"action", "keep"},
            {"reason", "全市目标分解"}},
           lead_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["agreed_value"], 12);
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"action", "escalate"},
            {"reason", "请绩效办裁定"}},
           unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(awaiting(admin_), std::vector<std::string>{"1.1.1/D01"});
  // Only the office decides.
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"action", "decide"},
            {"value", 11},
            {"reason", "x"}},
           lead_);
  EXPECT_EQ(r.status, 403);
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"action", "decide"},
            {"value", 11},
            {"reason", "折中"}},
           admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "decided");
  EXPECT_EQ(Scheme().targets.at({"1.1.1", "D01"}), 11);

  // Every step is history, with who and why.
  r = Call("GET", Y("/setting/targets?indicator_id=1.1.1&unit_id=D01"), nullptr, leader_);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json row = Body(r)["targets"][0];
  ASSERT_EQ(row["history"].size(), 5u);
  std::vector<std::string> actions;
  for (const Json& e : row["history"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"propose", "counter", "keep", "escalate", "decide"}));
  EXPECT_EQ(row["history"][1]["actor"], "unit_d01");
  EXPECT_EQ(row["history"][1]["reason"], "重大项目延期");
  EXPECT_EQ(row["history"][4]["value"], 11);
  // Accepting a settled target is a 409.
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"action", "accept"}}, unit_);
  EXPECT_EQ(r.status, 409);
}

TEST_F(SettingApi, ALeadDepartmentNeverSettlesItsOwnUnitsDispute) {
  // B02 leads 2.1.1 and is assessed on it: its own target's dispute goes to the office.
  Response r =
      Call("POST", Y("/setting/targets/propose"),
           {{"items", {{{"indicator_id", "2.1.1"}, {"unit_id", "B02"}, {"value", 100}}}}}, lead2_);
  ASSERT_EQ(r.status, 200) << r.body;
  store::User u;
  u.username = "unit_b02";
  u.display_name = "统计局";
  u.role = core::Role::kUnit;
  u.unit_id = "B02";
  u.password_hash = testing::PasswordHash();
  ASSERT_TRUE(city_.store().PutUser({"system"}, u).ok());
  const std::string unit_b02 = city_.TokenFor("unit_b02");
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "2.1.1"},
            {"unit_id", "B02"},
            {"action", "counter"},
            {"value", 90},
            {"reason", "人手不足"}},
           unit_b02);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Call("POST", Y("/setting/targets/step"),
           {{"indicator_id", "2.1.1"}, {"unit_id", "B02"}, {"action", "accept_counter"}}, lead2_);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(Body(r)["message"].get<std::string>().find("conflict of interest"), std::string::npos);
  r = Call("GET", Y("/setting/targets?awaiting=me"), nullptr, admin_);
  ASSERT_EQ(Body(r)["targets"].size(), 1u);
  EXPECT_EQ(Body(r)["targets"][0]["awaits"], "admin");
  EXPECT_EQ(Scheme().targets.at({"2.1.1", "B02"}), 100);  // unchanged
}

TEST_F(SettingApi, ExpertsOnlyCommentAndReadTheDraft) {
  Response r = Call("POST", Y("/setting/comments"),
                    {{"indicator_id", "1.1.1"}, {"text", "建议改为增速指标"}}, expert_);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["author"], "expert1");
  r = Call("GET", Y("/setting/comments?indicator_id=1.1.1"), nullptr, admin_);
  ASSERT_EQ(Body(r)["comments"].size(), 1u);
  EXPECT_EQ(Body(r)["comments"][0]["text"], "建议改为增速指标");
  r = Call("GET", Y("/setting/scheme"), nullptr, expert_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["nodes"].size(), 7u);
  // Beyond comments: denied.
  for (const auto& [method, path, body] : std::vector<std::tuple<std::string, std::string, Json>>{
           {"POST",
            Y("/setting/targets/propose"),
            {{"items", {{{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"value", 1}}}}}},
           {"POST",
            Y("/setting/targets/step"),
            {{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"action", "accept"}}},
           {"GET", Y("/setting/targets"), nullptr},
           {"POST", Y("/setting/nodes"), {{"id", "9"}, {"name_zh", "x"}}},
           {"POST", Y("/setting/publish"), Json::object()},
           {"GET", Y("/setting/duties/D01"), nullptr},
       }) {
    Response d = Call(method, path, body, expert_);
    EXPECT_EQ(d.status, 403) << method << " " << path;
  }
  // Units and lead departments do not comment.
  EXPECT_EQ(Call("POST", Y("/setting/comments"), {{"indicator_id", "1.1.1"}, {"text", "x"}}, unit_)
                .status,
            403);
}

TEST_F(SettingApi, PublishingNeedsEveryTargetAgreedThenFreezesTheScheme) {
  // An open proposal keeps the scheme from being published; the message lists it.
  ASSERT_EQ(
      Call("POST", Y("/setting/targets/propose"),
           {{"items", {{{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"value", 12}}}}}, lead_)
          .status,
      200);
  Response r = Call("POST", Y("/setting/publish"), Json::object(), admin_);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "targets");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("1.1.1/D01 (proposed)"), std::string::npos);
  EXPECT_TRUE(city_.store().ListSchemeVersions(kYear)->empty());
  ASSERT_EQ(Call("POST", Y("/setting/targets/step"),
                 {{"indicator_id", "1.1.1"}, {"unit_id", "D01"}, {"action", "accept"}}, unit_)
                .status,
            200);
  const int64_t v0 = *city_.store().DataVersion(kYear);
  r = Call("POST", Y("/setting/publish"), {{"note", "市政府常务会议审定"}}, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["version"], 1);
  EXPECT_GT(*city_.store().DataVersion(kYear), v0);
  // Frozen: node edits, whole-scheme replacement and proposals are 409; nothing changes.
  const int64_t audit0 = AuditHead();
  r = Call("PUT", Y("/setting/nodes/1.1.1"), {{"name_zh", "改名"}}, admin_);
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(Body(r)["message"].get<std::string>().find("adjustment request"), std::string::npos);
  r = city_.Call("PUT", Y("/scheme"), io::SchemeToJson(Scheme()).dump(), admin_);
  EXPECT_EQ(r.status, 409) << r.body;
  r = Call("POST", Y("/setting/targets/propose"),
           {{"items", {{{"indicator_id", "1.1.1"}, {"unit_id", "D02"}, {"value", 12}}}}}, lead_);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(AuditHead(), audit0);
  // Every unit reads the published scheme.
  r = Call("GET", Y("/setting/scheme"), nullptr, unit_);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Body(r)["frozen"], true);
  EXPECT_EQ(Body(r)["editable"], false);
  r = Call("GET", Y("/setting/versions/1"), nullptr, unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["scheme"]["indicators"].size(), 7u);
}

TEST_F(SettingApi, PointBudgetsArePerUnitSoDutyLeavesShareTheirParent) {
  // 职能职责 (10 points): one duty leaf per department, each worth the whole
  // budget for its own unit.
  core::Scheme s = Scheme();
  core::Indicator group;
  group.id = "3";
  group.level = 1;
  group.name_zh = "职能职责";
  group.points = 10;
  s.indicators.push_back(group);
  for (const char* unit : {"B01", "B02"}) {
    core::Indicator duty;
    duty.id = std::string("3.") + (unit[2] == '1' ? "1" : "2");
    duty.parent_id = "3";
    duty.level = 2;
    duty.name_zh = std::string(unit) + " 职能指标";
    duty.points = 10;
    duty.method = "completion_ratio";
    duty.unit_ids = {unit};
    s.indicators.push_back(duty);
    s.targets[{duty.id, unit}] = 5;
  }
  ASSERT_TRUE(city_.store().SaveScheme({"system"}, s).ok());
  // A second duty leaf for B01 overdraws B01's budget (not B02's): refused, named.
  Response r = Call("POST", Y("/setting/nodes"),
                    {{"id", "3.3"},
                     {"parent_id", "3"},
                     {"name_zh", "重复职能"},
                     {"points", 5},
                     {"method", "completion_ratio"},
                     {"unit_ids", {"B01"}}},
                    admin_);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "points");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("unit B01"), std::string::npos) << r.body;
  // As allocated (10 for each department), the scheme publishes.
  r = Call("POST", Y("/setting/publish"), Json::object(), admin_);
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(SettingApi, ASchemeWithoutTargetsIsImportedAndItsTargetsAreNegotiatedBeforePublication) {
  // An office imports its indicators first; targets come by negotiation.
  core::Scheme s = Scheme();
  s.targets.clear();
  Response r = city_.Call("PUT", Y("/scheme"), io::SchemeToJson(s).dump(), admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Scheme().targets.empty());
  r = Call("GET", Y("/setting/targets?indicator_id=1.1.1"), nullptr, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(Body(r)["targets"].empty());
  for (const auto& row : Body(r)["targets"]) EXPECT_EQ(row["state"], "unset") << row.dump();
  // Publication is where every target must be settled.
  r = Call("POST", Y("/setting/publish"), Json::object(), admin_);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(Body(r)["details"]["field"], "targets");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("1.1.1/D01 (unset)"), std::string::npos)
      << r.body;
  EXPECT_TRUE(city_.store().ListSchemeVersions(kYear)->empty());
}

TEST_F(SettingApi, AnApprovedAdjustmentMakesTheNextVersionAndResultsFollowIt) {
  // 2025 is being monitored without a published version: its scheme in
  // force becomes version 1 at the first approval.
  Response r = Call("POST", Y("/setting/change-requests", 2025),
                    {{"kind", "target"},
                     {"indicator_id", "1.1.1"},
                     {"unit_id", "D02"},
                     {"value", 8},
                     {"reason", "台风灾害"},
                     {"evidence", "应急局灾情报告"}},
                    unit_);
  EXPECT_EQ(r.status, 403) << r.body;  // not its own target
  r = Call("POST", Y("/setting/change-requests", 2025),
           {{"kind", "target"},
            {"indicator_id", "1.1.1"},
            {"unit_id", "D01"},
            {"value", 8},
            {"reason", "台风灾害"},
            {"evidence", "应急局灾情报告"}},
           unit_);
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t id = Body(r)["id"];
  EXPECT_EQ(Body(r)["state"], "pending");
  r = Call("POST", Y("/setting/change-requests", 2025),
           {{"kind", "points"}, {"indicator_id", "2.1.1"}, {"points", 12}, {"reason", "x"}}, lead_);
  EXPECT_EQ(r.status, 403) << r.body;  // B01 does not lead 2.1.1
  r = Call("GET", Y("/setting/change-requests?awaiting=me", 2025), nullptr, admin_);
  ASSERT_EQ(Body(r)["change_requests"].size(), 1u);
  // Only the office decides; the unit cannot.
  r = Call("POST", Y("/setting/change-requests/" + std::to_string(id) + "/decide", 2025),
           {{"approve", true}, {"reason", "同意"}}, unit_);
  EXPECT_EQ(r.status, 403);

  const auto before = city_.Call("GET", "/api/v1/years/2025/units/D01/scorecard", "", admin_);
  ASSERT_EQ(before.status, 200);
  const int64_t v0 = *city_.store().DataVersion(2025);
  r = Call("POST", Y("/setting/change-requests/" + std::to_string(id) + "/decide", 2025),
           {{"approve", true}, {"reason", "灾情属实"}}, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "approved");
  EXPECT_EQ(Body(r)["version"], 2);
  EXPECT_GT(*city_.store().DataVersion(2025), v0);
  EXPECT_EQ(Scheme(2025).targets.at({"1.1.1", "D01"}), 8);
  // Deciding twice is a 409.
  r = Call("POST", Y("/setting/change-requests/" + std::to_string(id) + "/decide", 2025),
           {{"approve", false}, {"reason", "x"}}, admin_);
  EXPECT_EQ(r.status, 409);

  r = Call("GET", Y("/setting/versions", 2025), nullptr, unit_);
  ASSERT_EQ(Body(r)["versions"].size(), 2u);
  EXPECT_EQ(Body(r)["versions"][1]["change_request"], id);
  r = Call("GET", Y("/setting/diff?from=1&to=2", 2025), nullptr, leader_);
  ASSERT_EQ(r.status, 200) << r.body;
  Json diff = Body(r);
  EXPECT_TRUE(diff["nodes"]["added"].empty());
  EXPECT_TRUE(diff["nodes"]["changed"].empty());
  ASSERT_EQ(diff["targets"].size(), 1u);
  EXPECT_EQ(diff["targets"][0]["unit_id"], "D01");
  EXPECT_EQ(diff["targets"][0]["from"], 10);
  EXPECT_EQ(diff["targets"][0]["to"], 8);

  // The results use the version in force: D01's 1.1.1 target is now 8.
  const auto after = city_.Call("GET", "/api/v1/years/2025/units/D01/scorecard", "", admin_);
  ASSERT_EQ(after.status, 200);
  const Json card = Body(after);
  int seen = 0;
  for (const Json& ind : card["indicators"]) {
    if (ind["id"] != "1.1.1") continue;
    ++seen;
    EXPECT_EQ(ind["target"], 8);
  }
  EXPECT_EQ(seen, 1);

  // A points adjustment by the lead of 1.1.1, rejected with a reason, changes nothing.
  r = Call("POST", Y("/setting/change-requests", 2025),
           {{"kind", "points"}, {"indicator_id", "1.1.1"}, {"points", 12}, {"reason", "更重要"}},
           lead_);
  ASSERT_EQ(r.status, 201) << r.body;
  r = Call(
      "POST",
      Y("/setting/change-requests/" + std::to_string(Body(r)["id"].get<int>()) + "/decide", 2025),
      {{"approve", false}, {"reason", "年中不调分值"}}, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["state"], "rejected");
  EXPECT_EQ(city_.store().ListSchemeVersions(2025)->size(), 2u);
}

TEST_F(SettingApi, DutyListsImportLinkAndShowWhatNoIndicatorCovers) {
  Response r = city_.Call("PUT", Y("/setting/duties/D01"),
                          "id,title,basis,category\nQ1,重大项目审批,《投资条例》,行政许可\n"
                          "Q2,安全生产检查,《安全生产法》,行政检查\n",
                          admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["items"], 2);
  r = Call("PUT", Y("/setting/duties/D01/links/1.1.1"), {{"item_ids", {"Q1"}}}, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Call("GET", Y("/setting/duties/D01"), nullptr, unit_);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(Body(r)["uncovered"].size(), 1u);
  EXPECT_EQ(Body(r)["uncovered"][0]["id"], "Q2");
  EXPECT_EQ(Body(r)["items"][0]["basis"], "《投资条例》");
  // Another unit's list: denied. A bad row: named, nothing saved.
  EXPECT_EQ(Call("GET", Y("/setting/duties/D02"), nullptr, unit_).status, 403);
  r = Call("PUT", Y("/setting/duties/D01"),
           {{"items", {{{"id", "Q1"}, {"title", "a"}}, {{"id", "Q1"}, {"title", "b"}}}}}, admin_);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "items[1].id");
  // Dropping a linked item is refused.
  r = Call("PUT", Y("/setting/duties/D01"), {{"items", {{{"id", "Q2"}, {"title", "检查"}}}}},
           admin_);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(city_.store().LoadDuties(kYear)->items.size(), 2u);
  // 2.1.1 does not apply to D01.
  r = Call("PUT", Y("/setting/duties/D01/links/2.1.1"), {{"item_ids", {"Q2"}}}, admin_);
  EXPECT_EQ(r.status, 400);
}

TEST_F(SettingApi, DutyListFromTheOfficesWorkbookWithATitleRowAndErrorsByCell) {
  // 权责清单 as offices keep it: a title row, then 序号 / 职权编码 / 职权名称 /
  // 职权类别 / 设定依据 (variants of the headers), a spacer row.
  io::OutSheet sheet;
  sheet.name = "权责清单";
  sheet.title_rows = 1;
  sheet.rows = {{"东城区权责清单（2025年版）"},
                {"序号", "职权编码", "职权名称", "职权类别", "设定依据"},
                {"1", "ＸＫ－001", "重大项目审批", "行政许可", "《投资条例》"},
                {},
                {"2", "JC-002", "安全生产检查", "行政检查", "《安全生产法》"}};
  auto bytes = io::WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok());
  Response r = city_.Call("PUT", Y("/setting/duties/D01"), *bytes, admin_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Body(r)["items"], 2);
  auto duties = city_.store().LoadDuties(kYear);
  ASSERT_TRUE(duties.ok());
  ASSERT_EQ(duties->items.size(), 2u);
  EXPECT_EQ(duties->items[0].id, "XK-001");  // full-width forms made ASCII
  EXPECT_EQ(duties->items[0].category, "行政许可");
  EXPECT_EQ(duties->items[1].basis, "《安全生产法》");
  // A row without its name: the cell is named and nothing changes.
  sheet.rows[4][2] = "";
  bytes = io::WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok());
  r = city_.Call("PUT", Y("/setting/duties/D01"), *bytes, admin_);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Body(r)["details"]["field"], "body");
  EXPECT_NE(Body(r)["message"].get<std::string>().find("C5"), std::string::npos) << r.body;
  EXPECT_EQ(city_.store().LoadDuties(kYear)->items.size(), 2u);
}

}  // namespace
}  // namespace govperf::server
