// 社会评价 survey design and 意见建议 opinions over the real transport on
// loopback: the office designs, opens and imports margins; the QR code is the
// code of the public link module for module; the poster names the survey;
// invitations land in a real spool file; opinions go routed → answered →
// closed, a unit cannot see another unit's opinion, a lead department
// answers an opinion of its topic; closure rates go public with the year.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/survey/sender.h"
#include "io/qr.h"
#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"
#include "store/store_testing.h"

namespace govperf::server {
namespace {

const char* kDefinition = R"({
  "id": "sat", "year": 2025, "title_zh": "云岭市2025年度群众满意度调查", "title_en": "Satisfaction 2025",
  "groups": [{"id": "citizen", "name_zh": "群众", "weight": 1}],
  "questions": [
    {"id": "district", "kind": "choice", "text_zh": "您住在哪个区？", "margin": "district",
     "options": [{"id": "D01", "label_zh": "东区"}, {"id": "D02", "label_zh": "西区"}]},
    {"id": "q_district", "kind": "scale", "text_zh": "您对所在区的满意程度", "unit_from": "district"},
    {"id": "q_b02", "kind": "scale", "text_zh": "您对统计局的满意程度", "unit_id": "B09"},
    {"id": "opinion", "kind": "text", "text_zh": "您的意见建议", "unit_from": "district"}],
  "scale_points": {"1": 0, "2": 40, "3": 60, "4": 80, "5": 100},
  "public_link": true, "public_group": "citizen"})";

class SurveyDesignLoopback : public ::testing::Test {
 protected:
  static AppOptions Options(const std::string& spool) {
    AppOptions o;
    o.public_url = "https://pj.example.gov.cn";
    o.invitation_sender = std::make_shared<app::survey::FileSender>(spool);
    return o;
  }
  SurveyDesignLoopback() : spool_(spool_dir_.File("invitations.jsonl")), city_(Options(spool_)) {}

  void SetUp() override {
    store::User u;
    u.username = "unit_d02";
    u.display_name = "西区";
    u.role = store::kRoleUnit;
    u.unit_id = "D02";
    u.password_hash = testing::PasswordHash();
    ASSERT_TRUE(city_.store().PutUser({"system"}, u).ok());
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  http_test::Reply Call(const std::string& method, const std::string& target,
                        const std::string& user, const std::string& body = "") {
    http_test::Client c(server_->port());
    std::vector<std::pair<std::string, std::string>> headers;
    if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + city_.TokenFor(user));
    EXPECT_TRUE(c.Send(http_test::Http(method, target, headers, body)));
    return c.Read(std::chrono::milliseconds(30000));
  }
  Json CallJson(const std::string& method, const std::string& target, const std::string& user,
                int status, const std::string& body = "") {
    const http_test::Reply r = Call(method, target, user, body);
    EXPECT_EQ(r.status, status) << method << " " << target << ": " << r.body;
    return r.body.empty() ? Json() : Json::parse(r.body, nullptr, false);
  }
  void CreateAndOpen() {
    CallJson("POST", "/api/v1/surveys", "admin", 201, kDefinition);
    Json fixed = Json::parse(kDefinition);
    fixed["questions"][2]["unit_id"] = "B02";
    CallJson("PUT", "/api/v1/surveys/sat", "admin", 200, fixed.dump());
    CallJson("POST", "/api/v1/surveys/sat/status", "admin", 200, R"({"status": "open"})");
  }
  void AddResponse(const std::string& key, const std::string& answers) {
    const std::string sql =
        "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, group_id, "
        "cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, status, "
        "batch_id) VALUES ('sat', 'link', 'cred-" +
        key + "', '" + key + "', 'citizen', '{}', '" + answers +
        "', 0, 60000, 1767225600, 'x', 'accepted', 1)";
    std::string error;
    ASSERT_EQ(store::testing::RawExec(city_.dir().File("city.db"), sql, &error), 0) << error;
  }

  store::testing::TempDir spool_dir_;
  std::string spool_;
  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(SurveyDesignLoopback, TheOfficeDesignsOpensAndImportsMargins) {
  const Json created = CallJson("POST", "/api/v1/surveys", "admin", 201, kDefinition);
  EXPECT_EQ(created["status"], "draft");
  EXPECT_EQ(created["problem"]["field"], "questions[2].unit_id");  // B09 is no unit of 2025
  const Json refused =
      CallJson("POST", "/api/v1/surveys/sat/status", "admin", 400, R"({"status": "open"})");
  EXPECT_EQ(refused["details"]["field"], "questions[2].unit_id");
  CallJson("POST", "/api/v1/surveys", "admin", 409, kDefinition);
  Json bad = Json::parse(kDefinition);
  bad["questions"][1]["kind"] = "slider";
  bad["id"] = "other";
  EXPECT_EQ(CallJson("POST", "/api/v1/surveys", "admin", 400, bad.dump())["details"]["field"],
            "questions[1].kind");

  Json fixed = Json::parse(kDefinition);
  fixed["questions"][2]["unit_id"] = "B02";
  const Json edited = CallJson("PUT", "/api/v1/surveys/sat", "admin", 200, fixed.dump());
  EXPECT_TRUE(edited["problem"].is_null());
  const Json opened =
      CallJson("POST", "/api/v1/surveys/sat/status", "admin", 200, R"({"status": "open"})");
  EXPECT_EQ(opened["status"], "open");
  // Frozen now: the questions.
  fixed["questions"][1]["scale_max"] = 7;
  EXPECT_EQ(CallJson("PUT", "/api/v1/surveys/sat", "admin", 409, fixed.dump())["details"]["field"],
            "questions");

  const Json list = CallJson("GET", "/api/v1/surveys?year=2025", "leader", 200);
  ASSERT_EQ(list["surveys"].size(), 1u);
  EXPECT_EQ(list["surveys"][0]["status"], "open");
  EXPECT_EQ(list["surveys"][0]["counts"]["accepted"], 0);
  EXPECT_EQ(Call("GET", "/api/v1/surveys/sat", "unit_d01").status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/surveys/sat/status", "leader", R"({"status": "closed"})").status,
            403);

  const Json margins = CallJson(
      "POST", "/api/v1/surveys/sat/margins?filename=m.csv", "admin", 200,
      "调查对象,变量,类别,总体数\ncitizen,district,D01,600000\ncitizen,district,D02,400000\n");
  EXPECT_EQ(margins["rows"], 2);
  EXPECT_EQ(margins["margins"]["citizen"]["district"]["D02"], 400000);
  const Json errors = CallJson("POST", "/api/v1/surveys/sat/margins?filename=m.csv", "admin", 400,
                               "调查对象,变量,类别,总体数\ncitizen,district,D03,5\n");
  ASSERT_EQ(errors["details"]["errors"].size(), 1u);
  EXPECT_EQ(errors["details"]["errors"][0]["cell"], "C2");
  EXPECT_EQ(
      CallJson("GET", "/api/v1/surveys/sat", "admin", 200)["margins"]["citizen"]["district"]["D01"],
      600000);
}

TEST_F(SurveyDesignLoopback, TheQrCodeIsThePublicLinkAndThePosterNamesTheSurvey) {
  CreateAndOpen();
  const http_test::Reply png = Call("GET", "/api/v1/surveys/sat/qr.png?size=1", "admin");
  ASSERT_EQ(png.status, 200) << png.body;
  EXPECT_EQ(png.header("content-type"), "image/png");
  EXPECT_EQ(png.body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  auto want = io::EncodeQr("https://pj.example.gov.cn/s/sat");
  ASSERT_TRUE(want.ok());
  auto drawn = io::QrMatrixFromPng(png.body, 1);
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  EXPECT_EQ(drawn->width, want->width);
  EXPECT_EQ(drawn->dark, want->dark);
  const http_test::Reply big = Call("GET", "/api/v1/surveys/sat/qr.png", "admin");
  ASSERT_EQ(big.status, 200);
  EXPECT_EQ(io::QrMatrixFromPng(big.body, 8)->dark, want->dark);  // 8 px per module by default
  EXPECT_EQ(Call("GET", "/api/v1/surveys/sat/qr.png?size=99", "admin").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/surveys/nope/qr.png", "admin").status, 404);

  const http_test::Reply pdf = Call("GET", "/api/v1/surveys/sat/poster.pdf", "admin");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  ASSERT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  const auto path = spool_dir_.File("poster.pdf");
  std::ofstream(path, std::ios::binary) << pdf.body;
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(
      ::popen(("pdftotext -enc UTF-8 '" + path + "' - 2>/dev/null").c_str(), "r"), ::pclose);
  ASSERT_TRUE(pipe);
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) text.append(buf.data(), n);
  EXPECT_NE(text.find("云岭市2025年度群众满意度调查"), std::string::npos) << text;
  EXPECT_NE(text.find("https://pj.example.gov.cn/s/sat"), std::string::npos) << text;
}

// With `serve --public-url` the codes download's links are absolute — the
// same base as the QR code — so a letter or SMS can carry them as they are;
// the first column stays `code`.
TEST_F(SurveyDesignLoopback, TheCodesDownloadGivesFullLinksWithThePublicUrl) {
  CreateAndOpen();
  const http_test::Reply csv =
      Call("POST", "/api/v1/surveys/sat/codes", "admin", R"({"count": 2, "group_id": "citizen"})");
  ASSERT_EQ(csv.status, 200) << csv.body;
  std::vector<std::string> lines;
  std::istringstream in(csv.body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "code,link");
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string code = lines[i].substr(0, lines[i].find(','));
    EXPECT_EQ(code.size(), 10u);
    EXPECT_EQ(lines[i].substr(lines[i].find(',') + 1),
              "https://pj.example.gov.cn/s/sat?code=" + code);
  }
  // The code works on the public link it was printed with.
  const std::string code = lines[1].substr(0, 10);
  Json answer = {{"code", code},
                 {"idempotency_key", "letter-1"},
                 {"answers", {{"district", "D01"}, {"q_district", 4}}},
                 {"paradata", {{"started_at_ms", 1000}, {"submitted_at_ms", 61000}}}};
  EXPECT_EQ(Call("POST", "/api/v1/s/sat/responses", "", answer.dump()).status, 201);
}

TEST_F(SurveyDesignLoopback, InvitationsGoToTheSpoolWithTheirCodes) {
  CreateAndOpen();
  const Json sent = CallJson("POST", "/api/v1/surveys/sat/invitations", "admin", 200,
                             R"({"group_id": "citizen", "cells": {"district": "D02"},
                                 "recipients": [{"to": "13800000001", "name": "王先生"},
                                                {"to": "13800000002"}]})");
  EXPECT_EQ(sent["issued"], 2);
  EXPECT_EQ(sent["sent"], 2);
  EXPECT_EQ(sent["failed"], 0);
  std::ifstream in(spool_);
  std::vector<Json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["to"], "13800000002");
  const std::string code = lines[0]["code"];
  EXPECT_EQ(lines[0]["link"], "https://pj.example.gov.cn/s/sat?code=" + code);
  EXPECT_NE(lines[0]["text"].get<std::string>().find("王先生"), std::string::npos);
  EXPECT_NE(lines[0]["code"], lines[1]["code"]);
  const Json bad = CallJson("POST", "/api/v1/surveys/sat/invitations", "admin", 400,
                            R"({"group_id": "visitors", "recipients": [{"to": "1"}]})");
  EXPECT_EQ(bad["details"]["field"], "group_id");
  EXPECT_EQ(Call("POST", "/api/v1/surveys/sat/invitations", "leader",
                 R"({"group_id": "citizen", "recipients": [{"to": "1"}]})")
                .status,
            403);
}

TEST_F(SurveyDesignLoopback, OpinionsAreRoutedAnsweredAndClosed) {
  CreateAndOpen();
  CallJson("PUT", "/api/v1/years/2025/opinion-topics", "admin", 200,
           R"({"topics": [{"id": "business", "name_zh": "营商环境", "keywords": ["营商", "审批"],
                           "lead_unit_id": "B01"}]})");
  AddResponse("r1", R"({"district":"D01","q_district":4,"opinion":"审批太慢"})");
  AddResponse("r2", R"({"district":"D02","q_district":5,"opinion":"路灯坏了"})");
  const Json routed = CallJson("POST", "/api/v1/surveys/sat/opinions/route", "admin", 200);
  EXPECT_EQ(routed["added"], 2);
  EXPECT_EQ(CallJson("POST", "/api/v1/surveys/sat/opinions/route", "admin", 200)["added"], 0);

  const Json d01 = CallJson("GET", "/api/v1/years/2025/opinions", "unit_d01", 200);
  ASSERT_EQ(d01["opinions"].size(), 1u);
  const int64_t slow = d01["opinions"][0]["id"].get<int64_t>();
  EXPECT_EQ(d01["opinions"][0]["lead_unit_id"], "B01");
  const Json d02 = CallJson("GET", "/api/v1/years/2025/opinions", "unit_d02", 200);
  ASSERT_EQ(d02["opinions"].size(), 1u);
  const int64_t lamp = d02["opinions"][0]["id"].get<int64_t>();
  // Another unit's opinion: as if it did not exist.
  EXPECT_EQ(Call("GET", "/api/v1/opinions/" + std::to_string(lamp), "unit_d01").status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/opinions/" + std::to_string(lamp) + "/answer", "unit_d01",
                 R"({"answer": "不是我们的"})")
                .status,
            404);
  // The topic's lead department answers D01's opinion.
  const Json answered = CallJson("POST", "/api/v1/opinions/" + std::to_string(slow) + "/answer",
                                 "lead_b01", 200, R"({"answer": "已压缩审批时限"})");
  EXPECT_EQ(answered["state"], "answered");
  EXPECT_EQ(answered["answered_by"], "lead_b01");
  EXPECT_EQ(
      Call("POST", "/api/v1/opinions/" + std::to_string(slow) + "/close", "unit_d01", "{}").status,
      403);
  // Before publication a rectification item cannot be filed: closed with a note.
  EXPECT_EQ(
      CallJson(
          "POST", "/api/v1/opinions/" + std::to_string(slow) + "/close", "admin", 409,
          R"({"rectification": {"measure": "增设窗口", "owner": "张三", "deadline": "2025-12-31"}})")
          ["details"]["field"],
      "rectification");
  const Json closed = CallJson("POST", "/api/v1/opinions/" + std::to_string(slow) + "/close",
                               "admin", 200, R"({"note": "已答复，办结"})");
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_EQ(closed["answer"], "已压缩审批时限");

  const Json summary = CallJson("GET", "/api/v1/years/2025/opinions/summary", "leader", 200);
  ASSERT_EQ(summary["units"].size(), 2u);
  EXPECT_EQ(summary["units"][0]["unit_id"], "D01");
  EXPECT_EQ(summary["units"][0]["closure_rate"], 1.0);
  EXPECT_EQ(summary["units"][1]["closure_rate"], 0.0);
  EXPECT_EQ(summary["closure_rate"], 0.5);
  EXPECT_EQ(Call("GET", "/api/v1/public/years/2025/opinions/summary", "").status, 404);
  ASSERT_TRUE(city_.store()
                  .PutYear({"system", core::Role::kSystem},
                           {2025, core::Stage::kPublished, "2026-03-01T00:00:00Z", 0})
                  .ok());
  const Json pub = CallJson("GET", "/api/v1/public/years/2025/opinions/summary", "", 200);
  EXPECT_EQ(pub["units"].size(), 2u);
  EXPECT_EQ(pub["closed"], 1);
  // Published: now the other one becomes a rectification item of D02.
  const Json rect = CallJson(
      "POST", "/api/v1/opinions/" + std::to_string(lamp) + "/close", "admin", 200,
      R"({"rectification": {"measure": "更换路灯", "owner": "李四", "deadline": "2026-06-30"}})");
  EXPECT_GT(rect["rectification_id"].get<int64_t>(), 0);
  auto item = city_.store().FindRectification(2025, rect["rectification_id"].get<int64_t>());
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ((*item)->unit_id, "D02");
  EXPECT_EQ((*item)->source, "opinion");
}

TEST_F(SurveyDesignLoopback, TheOfficesNoteIsNotTheAnswerAndDismissalTakesAReason) {
  CreateAndOpen();
  AddResponse("r1", R"({"district":"D01","q_district":4,"opinion":"审批太慢"})");
  AddResponse("r2", R"({"district":"D02","q_district":5,"opinion":"路灯坏了"})");
  ASSERT_EQ(CallJson("POST", "/api/v1/surveys/sat/opinions/route", "admin", 200)["added"], 2);
  const int64_t slow =
      CallJson("GET", "/api/v1/years/2025/opinions", "unit_d01", 200)["opinions"][0]["id"]
          .get<int64_t>();
  const int64_t lamp =
      CallJson("GET", "/api/v1/years/2025/opinions", "unit_d02", 200)["opinions"][0]["id"]
          .get<int64_t>();
  const std::string slow_path = "/api/v1/opinions/" + std::to_string(slow);
  const std::string lamp_path = "/api/v1/opinions/" + std::to_string(lamp);

  // Closing an unanswered opinion: the note is required and stays a note.
  EXPECT_EQ(CallJson("POST", slow_path + "/close", "admin", 400, "{}")["details"]["field"], "note");
  const Json closed =
      CallJson("POST", slow_path + "/close", "admin", 200, R"({"note": "已转城管部门处理"})");
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_EQ(closed["note"], "已转城管部门处理");
  EXPECT_EQ(closed["answer"], "");
  EXPECT_EQ(closed["answered_at"], 0);
  // The unit sees the note on its own opinion.
  EXPECT_EQ(CallJson("GET", slow_path, "unit_d01", 200)["note"], "已转城管部门处理");

  // An answered opinion is dismissed with a reason; its answer stays.
  CallJson("POST", lamp_path + "/answer", "unit_d02", 200, R"({"answer": "已报修"})");
  EXPECT_EQ(CallJson("POST", lamp_path + "/dismiss", "admin", 400, "{}")["details"]["field"],
            "reason");
  EXPECT_EQ(CallJson("POST", lamp_path + "/dismiss", "admin", 400,
                     R"({"reason": "　"})")["details"]["field"],
            "reason");
  EXPECT_EQ(Call("POST", lamp_path + "/dismiss", "unit_d02", R"({"reason": "x"})").status, 403);
  const Json dismissed =
      CallJson("POST", lamp_path + "/dismiss", "admin", 200, R"({"reason": "与其他意见重复"})");
  EXPECT_EQ(dismissed["state"], "dismissed");
  EXPECT_EQ(dismissed["note"], "与其他意见重复");
  EXPECT_EQ(dismissed["answer"], "已报修");
  EXPECT_EQ(CallJson("POST", lamp_path + "/dismiss", "admin", 409,
                     R"({"reason": "再次"})")["details"]["field"],
            "state");
  const Json listed = CallJson("GET", "/api/v1/years/2025/opinions?state=dismissed", "leader", 200);
  ASSERT_EQ(listed["opinions"].size(), 1u);
  EXPECT_EQ(listed["opinions"][0]["note"], "与其他意见重复");
}

}  // namespace
}  // namespace govperf::server
