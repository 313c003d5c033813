// 社会评价 collection over the real transport on loopback: the public
// questionnaire, submissions with codes and device tokens (201, replay 200,
// 409 used, 404/409 survey states, 400 naming the question, 413, 429), the
// review queue, codes as CSV and fieldwork progress. Submissions are
// answered later (Response::later), after their batch's commit.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "app/survey/codes.h"
#include "server/server.h"
#include "server/server_test_fixture.h"
#include "server/test_http_client.h"
#include "store/store_testing.h"

namespace govperf::server {
namespace {

namespace sv = core::survey;

sv::Survey TestSurvey(const std::string& id, bool public_link) {
  sv::Survey s;
  s.id = id;
  s.year = 2025;
  s.title_zh = "2025 年度群众满意度调查";
  s.title_en = "2025 satisfaction survey";
  s.groups = {{"citizens", "群众", "Citizens", 0.7}, {"firms", "企业", "Enterprises", 0.3}};
  sv::Question district{"district", sv::QuestionKind::kChoice, "您居住在哪个区？"};
  district.required = true;
  district.margin = "district";
  district.options = {{"D01", "东区", "East"}, {"D02", "西区", "West"}};
  sv::Question q1{"q1", sv::QuestionKind::kScale, "您对本区政府工作满意吗？"};
  q1.required = true;
  q1.unit_from = "district";
  sv::Question q2{"q2", sv::QuestionKind::kScale, "您对发展改革委满意吗？"};
  q2.unit_id = "B01";
  q2.allow_dont_know = true;
  sv::Question opinion{"opinion", sv::QuestionKind::kText, "意见建议"};
  opinion.max_length = 20;
  s.questions = {district, q1, q2, opinion};
  s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
  s.quotas = {{"citizens", "district", "D01", 4}, {"citizens", "district", "D02", 2}};
  s.public_link = public_link;
  s.public_group = "citizens";
  s.speeder_ms_per_question = 1000;
  return s;
}

class SurveyLoopback : public ::testing::Test {
 protected:
  explicit SurveyLoopback(int rate_limit = 0)
      : city_([rate_limit] {
          AppOptions o;
          o.survey_rate_limit = rate_limit;
          return o;
        }()) {}

  void SetUp() override {
    Put(TestSurvey("sat", true), sv::SurveyStatus::kOpen);
    Put(TestSurvey("draft", true), sv::SurveyStatus::kDraft);
    Put(TestSurvey("coded", false), sv::SurveyStatus::kOpen);
    server_ = std::make_unique<testing::LoopbackServer>(city_.app());
  }
  void TearDown() override { server_.reset(); }

  void Put(const sv::Survey& s, sv::SurveyStatus status) {
    ASSERT_TRUE(city_.store()
                    .Write({"system"},
                           [&](store::WriteTx& tx) -> Status {
                             GOVPERF_RETURN_IF_ERROR(tx.PutSurvey(s));
                             if (status == sv::SurveyStatus::kDraft) return Status::Ok();
                             return tx.SetSurveyStatus(s.id, status);
                           })
                    .ok());
  }
  void SetStatus(const std::string& id, sv::SurveyStatus status) {
    ASSERT_TRUE(
        city_.store()
            .Write({"system"}, [&](store::WriteTx& tx) { return tx.SetSurveyStatus(id, status); })
            .ok());
  }
  std::vector<std::string> Codes(const std::string& survey, int n,
                                 std::map<std::string, std::string> cells = {}) {
    auto c = app::survey::IssueCodes(city_.store(), app::Caller::System(),
                                     {survey, n, "citizens", std::move(cells), ""});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : std::vector<std::string>{};
  }

  http_test::Reply Raw(const std::string& method, const std::string& target,
                       const std::string& body = "", const std::string& user = "") {
    http_test::Client c(server_->port());
    std::vector<std::pair<std::string, std::string>> headers;
    if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + city_.TokenFor(user));
    EXPECT_TRUE(c.Send(http_test::Http(method, target, headers, body)));
    return c.Read();
  }
  // A clean submission (slow enough, varied answers) with `credential`.
  static Json Answer(const std::string& cred_field, const std::string& cred, const std::string& key,
                     Json answers = nullptr) {
    if (answers.is_null()) answers = {{"district", "D01"}, {"q1", 4}, {"q2", 5}};
    return {{cred_field, cred},
            {"idempotency_key", key},
            {"answers", answers},
            {"paradata", {{"started_at_ms", 1700000000000}, {"submitted_at_ms", 1700000060000}}}};
  }
  http_test::Reply Submit(const std::string& survey, const Json& body) {
    return Raw("POST", "/api/v1/s/" + survey + "/responses", body.dump());
  }

  testing::TestCity city_;
  std::unique_ptr<testing::LoopbackServer> server_;
};

TEST_F(SurveyLoopback, QuestionnaireIsPublicAndHidesDrafts) {
  const http_test::Reply r = Raw("GET", "/api/v1/s/sat");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = Json::parse(r.body);
  EXPECT_EQ(j["survey_id"], "sat");
  EXPECT_EQ(j["title_zh"], "2025 年度群众满意度调查");
  EXPECT_EQ(j["status"], "open");
  EXPECT_EQ(j["public_link"], true);
  ASSERT_EQ(j["questions"].size(), 4u);
  EXPECT_EQ(j["questions"][0]["kind"], "choice");
  EXPECT_EQ(j["questions"][0]["options"][1]["id"], "D02");
  EXPECT_EQ(j["questions"][0]["options"][1]["label_zh"], "西区");
  EXPECT_EQ(j["questions"][1]["kind"], "scale");
  EXPECT_EQ(j["questions"][1]["scale_min"], 1);
  EXPECT_EQ(j["questions"][1]["scale_max"], 5);
  EXPECT_EQ(j["questions"][1]["required"], true);
  EXPECT_EQ(j["questions"][2]["allow_dont_know"], true);
  EXPECT_EQ(j["questions"][3]["max_length"], 20);
  EXPECT_EQ(j["scale_labels_zh"]["5"], "很满意");
  EXPECT_EQ(Raw("GET", "/api/v1/s/draft").status, 404);
  const http_test::Reply unknown = Raw("GET", "/api/v1/s/nope");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json::parse(unknown.body)["details"]["field"], "survey_id");
}

TEST_F(SurveyLoopback, CodeSubmissionIsCreatedReplayedAndThenRefused) {
  const auto codes = Codes("sat", 2, {{"district", "D02"}});
  const http_test::Reply first = Submit("sat", Answer("code", codes[0], "k-1"));
  ASSERT_EQ(first.status, 201) << first.body;
  const Json f = Json::parse(first.body);
  EXPECT_EQ(f["status"], "accepted");
  const int64_t id = f["response_id"].get<int64_t>();
  // The same key again (a retry after a lost answer): 200, the same id.
  const http_test::Reply again = Submit("sat", Answer("code", codes[0], "k-1"));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json::parse(again.body)["response_id"], id);
  // The code with another key: 409 code_used.
  const http_test::Reply used = Submit("sat", Answer("code", codes[0], "k-2"));
  ASSERT_EQ(used.status, 409) << used.body;
  EXPECT_EQ(Json::parse(used.body)["details"]["field"], "code");
  EXPECT_EQ(Json::parse(used.body)["details"]["reason"], "code_used");
  // Typed in lower case with a dash: the same code.
  std::string typed = codes[1];
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  typed.insert(5, "-");
  ASSERT_EQ(Submit("sat", Answer("code", typed, "k-3")).status, 201);
  const http_test::Reply bad = Submit("sat", Answer("code", "ZZZZZZZZZZ", "k-4"));
  EXPECT_EQ(bad.status, 404);
  EXPECT_EQ(Json::parse(bad.body)["details"]["reason"], "unknown_code");
  // Stored once, with the code's cells (district D02 from the code wins over the answer D01).
  auto rows = city_.store().ListResponses("sat", std::nullopt, 0, 10);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].id, id);
  EXPECT_EQ((*rows)[0].cells.at("district"), "D02");
  EXPECT_EQ((*rows)[0].group_id, "citizens");
  EXPECT_EQ((*rows)[0].channel, "code");
  EXPECT_EQ((*rows)[0].answers.at("q1").scale, 4);
  EXPECT_EQ((*rows)[0].started_at_ms, 1700000000000);
  EXPECT_EQ((*rows)[0].client_hash.size(), 64u);
  EXPECT_NE((*rows)[0].client_hash, store::Sha256Hex("127.0.0.1"));  // keyed, not reversible
  auto audit = city_.store().VerifyAudit();
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->ok) << audit->message;
}

TEST_F(SurveyLoopback, UnknownDraftAndClosedSurveys) {
  const auto codes = Codes("sat", 2);
  EXPECT_EQ(Submit("nope", Answer("code", codes[0], "a")).status, 404);
  EXPECT_EQ(Submit("draft", Answer("code", codes[0], "a")).status, 404);
  ASSERT_EQ(Submit("sat", Answer("code", codes[1], "before")).status, 201);
  SetStatus("sat", sv::SurveyStatus::kClosed);
  // A retry of a response accepted before closing still gets its answer.
  EXPECT_EQ(Submit("sat", Answer("code", codes[1], "before")).status, 200);
  // The questionnaire still reads (status closed); submissions: 409 survey_closed
  // (the collector's cache may still say open: the journal refuses it then).
  const http_test::Reply closed = Submit("sat", Answer("code", codes[0], "a"));
  EXPECT_EQ(closed.status, 409) << closed.body;
  EXPECT_EQ(Json::parse(closed.body)["details"]["reason"], "survey_closed");
  EXPECT_EQ(Json::parse(closed.body)["details"]["field"], "survey_id");
  EXPECT_EQ(city_.store().CountResponses("sat")->accepted, 1);
  city_.clock().Advance(10);  // past the questionnaire cache
  EXPECT_EQ(Json::parse(Raw("GET", "/api/v1/s/sat").body)["status"], "closed");
  EXPECT_EQ(Raw("POST", "/api/v1/s/sat/token").status, 409);
}

// After the fieldwork window a retry of a response accepted inside it still
// gets its 200 with the same id (the journal answers replays first); a new
// response gets 409 saying the window closed, and nothing is written.
TEST_F(SurveyLoopback, ARetryAfterTheWindowClosedStillGetsItsAnswer) {
  sv::Survey w = TestSurvey("win", true);
  w.closes_at = city_.clock().NowUnix() + 3600;
  Put(w, sv::SurveyStatus::kOpen);
  const auto codes = Codes("win", 2);
  const http_test::Reply first = Submit("win", Answer("code", codes[0], "w-1"));
  ASSERT_EQ(first.status, 201) << first.body;
  const int64_t id = Json::parse(first.body)["response_id"].get<int64_t>();
  city_.clock().Advance(3601);
  const http_test::Reply retry = Submit("win", Answer("code", codes[0], "w-1"));
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(Json::parse(retry.body)["response_id"], id);
  const http_test::Reply late = Submit("win", Answer("code", codes[1], "w-2"));
  ASSERT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(Json::parse(late.body)["details"]["reason"], "survey_closed");
  EXPECT_NE(Json::parse(late.body)["message"].get<std::string>().find("window"), std::string::npos);
  const auto n = city_.store().CountResponses("win");
  EXPECT_EQ(n->accepted + n->flagged + n->rejected, 1);
}

TEST_F(SurveyLoopback, BadAnswersAreNamedAndNothingIsStored) {
  const auto codes = Codes("sat", 1);
  struct Case {
    Json answers;
    std::string field;
  };
  const Case cases[] = {
      {{{"district", "D01"}, {"q1", 6}}, "answers.q1"},             // out of range
      {{{"district", "D01"}, {"q1", 0}}, "answers.q1"},             // below
      {{{"district", "D01"}, {"q1", 4.5}}, "answers.q1"},           // not an integer
      {{{"district", "D01"}, {"q1", "dk"}}, "answers.q1"},          // dk not allowed there
      {{{"district", "D01"}}, "answers.q1"},                        // required, missing
      {{{"district", "D09"}, {"q1", 3}}, "answers.district"},       // no such option
      {{{"district", "D01"}, {"q1", 3}, {"q7", 1}}, "answers.q7"},  // unknown question
      {{{"district", "D01"}, {"q1", 3}, {"opinion", std::string(21, 'x')}}, "answers.opinion"},
      {{{"district", "D01"}, {"q1", 3}, {"opinion", "二十一个字二十一个字二十一个字二十一个字多"}},
       "answers.opinion"},
  };
  for (const Case& c : cases) {
    const http_test::Reply r = Submit("sat", Answer("code", codes[0], "bad", c.answers));
    ASSERT_EQ(r.status, 400) << c.answers.dump() << " " << r.body;
    EXPECT_EQ(Json::parse(r.body)["details"]["field"], c.field) << r.body;
  }
  // Twenty Chinese characters fit max_length 20; dk is fine on q2.
  const http_test::Reply ok =
      Submit("sat", Answer("code", codes[0], "good",
                           {{"district", "D01"},
                            {"q1", 3},
                            {"q2", "dk"},
                            {"opinion", "二十个字二十个字二十个字二十个字二十个字"}}));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_TRUE(
      city_.store().ListResponses("sat", std::nullopt, 0, 5)->front().answers.at("q2").dont_know);
  // Malformed JSON, a body that is not an object, missing answers, bad paradata.
  const http_test::Reply malformed = Raw("POST", "/api/v1/s/sat/responses", "{\"code\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(Json::parse(malformed.body)["details"]["field"], "body");
  EXPECT_EQ(Raw("POST", "/api/v1/s/sat/responses", "[1]").status, 400);
  const http_test::Reply no_answers =
      Raw("POST", "/api/v1/s/sat/responses", R"({"code":"X","idempotency_key":"k"})");
  EXPECT_EQ(Json::parse(no_answers.body)["details"]["field"], "answers");
  Json para = Answer("code", codes[0], "p");
  para["paradata"]["started_at_ms"] = "soon";
  EXPECT_EQ(Json::parse(Submit("sat", para).body)["details"]["field"], "paradata.started_at_ms");
  Json nokey = Answer("code", codes[0], "");
  EXPECT_EQ(Json::parse(Submit("sat", nokey).body)["details"]["field"], "idempotency_key");
  Json nocred = Answer("code", "", "x");
  EXPECT_EQ(Json::parse(Submit("sat", nocred).body)["details"]["field"], "code");
  // Over the route's 64 KiB: 413 before the body is read.
  Json huge = Answer("code", codes[0], "huge");
  huge["answers"]["opinion"] = std::string(70 * 1024, 'x');
  EXPECT_EQ(Submit("sat", huge).status, 413);
  EXPECT_EQ(city_.store().CountResponses("sat")->accepted, 1);
}

TEST_F(SurveyLoopback, DeviceTokensAnswerOnceAndForgedOrExpiredAreRefused) {
  const http_test::Reply t = Raw("POST", "/api/v1/s/sat/token");
  ASSERT_EQ(t.status, 201) << t.body;
  const std::string token = Json::parse(t.body)["token"];
  EXPECT_EQ(Json::parse(t.body)["expires_at"].get<int64_t>(),
            city_.clock().NowUnix() + 7 * 24 * 3600);
  // A firm answering on the public link: the "group" margin is absent here,
  // so the public group; the district cell from the answer.
  const http_test::Reply r =
      Submit("sat", Answer("token", token, "t-1", {{"district", "D02"}, {"q1", 2}, {"q2", 3}}));
  ASSERT_EQ(r.status, 201) << r.body;
  auto rows = city_.store().ListResponses("sat", std::nullopt, 0, 10);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].channel, "link");
  EXPECT_EQ((*rows)[0].credential, store::Sha256Hex(token));
  EXPECT_EQ((*rows)[0].group_id, "citizens");
  EXPECT_EQ((*rows)[0].cells.at("district"), "D02");
  const http_test::Reply used = Submit("sat", Answer("token", token, "t-2"));
  EXPECT_EQ(used.status, 409);
  EXPECT_EQ(Json::parse(used.body)["details"]["reason"], "token_used");
  // Forged: one digit of the MAC changed; another survey's token; garbage.
  std::string forged = token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  for (const std::string& bad : {forged, std::string("1.2.3"), std::string("not-a-token")}) {
    const http_test::Reply f = Submit("sat", Answer("token", bad, "f-" + bad));
    EXPECT_EQ(f.status, 400) << f.body;
    EXPECT_EQ(Json::parse(f.body)["details"]["field"], "token");
  }
  // A survey without a public link mints no token.
  EXPECT_EQ(Raw("POST", "/api/v1/s/coded/token").status, 409);
  // Expired: a fresh token used after its week.
  const std::string fresh = Json::parse(Raw("POST", "/api/v1/s/sat/token").body)["token"];
  city_.clock().Advance(7 * 24 * 3600 + 1);
  const http_test::Reply expired = Submit("sat", Answer("token", fresh, "e-1"));
  EXPECT_EQ(expired.status, 409) << expired.body;
  EXPECT_EQ(Json::parse(expired.body)["details"]["field"], "token");
  EXPECT_EQ(Json::parse(expired.body)["details"]["reason"], "token_expired");
  EXPECT_EQ(city_.store().CountResponses("sat")->accepted, 1);
}

TEST_F(SurveyLoopback, ConcurrentSubmissionsAreAnsweredOnceEachAfterCommit) {
  constexpr int kThreads = 12, kEach = 15;
  const auto codes = Codes("sat", kThreads * kEach);
  std::atomic<int> created{0};
  std::mutex mu;
  std::set<int64_t> ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i;
        const http_test::Reply r = Submit("sat", Answer("code", codes[n], "c-" + std::to_string(n),
                                                        {{"district", n % 2 ? "D01" : "D02"},
                                                         {"q1", 1 + n % 5},
                                                         {"q2", 1 + (n / 5) % 5}}));
        if (r.status == 201) {
          ++created;
          std::lock_guard<std::mutex> lock(mu);
          ids.insert(Json::parse(r.body)["response_id"].get<int64_t>());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(created.load(), kThreads * kEach);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * kEach));
  auto n = city_.store().CountResponses("sat");
  EXPECT_EQ(n->accepted + n->flagged, kThreads * kEach);
  // Fewer batches than responses: submissions were committed together.
  const std::string path = city_.dir().File("city.db");
  EXPECT_LT(std::stoll(store::testing::RawQuery(path, "SELECT COUNT(*) FROM survey_batches")),
            kThreads * kEach);
  EXPECT_TRUE(city_.store().VerifyAudit()->ok);
}

TEST_F(SurveyLoopback, ReviewQueueAcceptsAndRejectsFlaggedResponses) {
  const auto codes = Codes("sat", 3);
  // A speeder (2 s for 3 answers at 1 s each is fine; 1 s is not) and no paradata.
  Json fast = Answer("code", codes[0], "fast");
  fast["paradata"]["submitted_at_ms"] = 1700000001000;
  ASSERT_EQ(Json::parse(Submit("sat", fast).body)["status"], "flagged");
  Json none = Answer("code", codes[1], "none", {{"district", "D02"}, {"q1", 1}});
  none.erase("paradata");
  ASSERT_EQ(Json::parse(Submit("sat", none).body)["status"], "flagged");
  // Other answers: the same answers from the same address would be a near-duplicate.
  ASSERT_EQ(Json::parse(Submit("sat", Answer("code", codes[2], "fine",
                                             {{"district", "D02"}, {"q1", 5}, {"q2", 2}}))
                            .body)["status"],
            "accepted");

  const http_test::Reply queue =
      Raw("GET", "/api/v1/surveys/sat/responses?status=flagged", "", "admin");
  ASSERT_EQ(queue.status, 200) << queue.body;
  const Json q = Json::parse(queue.body);
  ASSERT_EQ(q["responses"].size(), 2u);
  EXPECT_EQ(q["responses"][0]["reason"], "speeder");
  EXPECT_EQ(q["responses"][1]["reason"], "no_paradata");
  const int64_t a = q["responses"][0]["id"], b = q["responses"][1]["id"];
  // The leader reads the queue, but only the office decides.
  EXPECT_EQ(Raw("GET", "/api/v1/surveys/sat/responses?status=flagged", "", "leader").status, 200);
  const std::string review_a = "/api/v1/surveys/sat/responses/" + std::to_string(a) + "/review";
  EXPECT_EQ(Raw("POST", review_a, R"({"status":"accepted"})", "leader").status, 403);
  EXPECT_EQ(Raw("POST", review_a, R"({"status":"accepted"})").status, 401);
  const http_test::Reply ok =
      Raw("POST", review_a, R"({"status":"accepted","note":"电话核实"})", "admin");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json::parse(ok.body)["status"], "accepted");
  EXPECT_EQ(Json::parse(ok.body)["reviewed_by"], "admin");
  EXPECT_EQ(Json::parse(ok.body)["review_note"], "电话核实");
  const http_test::Reply twice = Raw("POST", review_a, R"({"status":"rejected"})", "admin");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Json::parse(twice.body)["details"]["field"], "status");
  const std::string review_b = "/api/v1/surveys/sat/responses/" + std::to_string(b) + "/review";
  EXPECT_EQ(
      Json::parse(Raw("POST", review_b, R"({"status":"maybe"})", "admin").body)["details"]["field"],
      "status");
  ASSERT_EQ(Raw("POST", review_b, R"({"status":"rejected","note":"无计时"})", "admin").status, 200);
  EXPECT_EQ(
      Raw("POST", "/api/v1/surveys/sat/responses/9999/review", R"({"status":"rejected"})", "admin")
          .status,
      404);
  auto n = city_.store().CountResponses("sat");
  EXPECT_EQ(n->accepted, 2);
  EXPECT_EQ(n->flagged, 0);
  EXPECT_EQ(n->rejected, 1);
  // Paging: after the first id, one at a time.
  const Json page = Json::parse(
      Raw("GET", "/api/v1/surveys/sat/responses?after=" + std::to_string(a) + "&limit=1", "",
          "admin")
          .body);
  ASSERT_EQ(page["responses"].size(), 1u);
  EXPECT_EQ(page["responses"][0]["id"], b);
  EXPECT_EQ(Raw("GET", "/api/v1/surveys/sat/responses?limit=0", "", "admin").status, 400);
}

TEST_F(SurveyLoopback, CodesAsCsvAndFieldworkProgress) {
  const http_test::Reply csv =
      Raw("POST", "/api/v1/surveys/sat/codes",
          R"({"count":3,"group_id":"citizens","cells":{"district":"D01"}})", "admin");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  std::vector<std::string> lines;
  std::istringstream in(csv.body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "code,link");
  const std::string code = lines[1].substr(0, lines[1].find(','));
  EXPECT_EQ(code.size(), 10u);
  EXPECT_EQ(lines[1].substr(lines[1].find(',') + 1), "/s/sat?code=" + code);
  EXPECT_EQ(Raw("POST", "/api/v1/surveys/sat/codes", R"({"count":0})", "admin").status, 400);
  EXPECT_EQ(Raw("POST", "/api/v1/surveys/sat/codes", R"({"count":1})", "leader").status, 403);
  // Two accepted in D01 (from the codes), one flagged.
  for (int i = 1; i <= 2; ++i) {
    const std::string c = lines[i].substr(0, lines[i].find(','));
    ASSERT_EQ(
        Submit("sat", Answer("code", c, "fw-" + c, {{"district", "D02"}, {"q1", i}, {"q2", 3}}))
            .status,
        201);
  }
  Json none = Answer("code", lines[3].substr(0, 10), "fw-none");
  none.erase("paradata");
  ASSERT_EQ(Submit("sat", none).status, 201);
  const http_test::Reply fw = Raw("GET", "/api/v1/surveys/sat/fieldwork", "", "leader");
  ASSERT_EQ(fw.status, 200) << fw.body;
  const Json f = Json::parse(fw.body);
  EXPECT_EQ(f["counts"]["accepted"], 2);
  EXPECT_EQ(f["counts"]["flagged"], 1);
  EXPECT_EQ(f["counts"]["rejected"], 0);
  ASSERT_EQ(f["groups"].size(), 2u);
  EXPECT_EQ(f["groups"][0]["group_id"], "citizens");
  EXPECT_EQ(f["groups"][0]["accepted"], 2);
  EXPECT_EQ(f["groups"][1]["accepted"], 0);
  ASSERT_EQ(f["quotas"].size(), 2u);
  EXPECT_EQ(f["quotas"][0]["level"], "D01");
  EXPECT_EQ(f["quotas"][0]["target"], 4);
  EXPECT_EQ(f["quotas"][0]["accepted"], 2);
  EXPECT_DOUBLE_EQ(f["quotas"][0]["progress"].get<double>(), 0.5);
  EXPECT_EQ(f["quotas"][1]["accepted"], 0);
  EXPECT_EQ(Raw("GET", "/api/v1/surveys/nope/fieldwork", "", "admin").status, 404);
  EXPECT_EQ(Raw("GET", "/api/v1/surveys/sat/fieldwork", "", "unit_d01").status, 403);
}

TEST_F(SurveyLoopback, SameAnswersFromTheSameAddressAreFlaggedAsNearDuplicates) {
  const auto codes = Codes("sat", 2);
  const http_test::Reply a = Submit("sat", Answer("code", codes[0], "d-1"));
  ASSERT_EQ(Json::parse(a.body)["status"], "accepted") << a.body;
  const http_test::Reply b = Submit("sat", Answer("code", codes[1], "d-2"));
  ASSERT_EQ(Json::parse(b.body)["status"], "flagged") << b.body;
  auto rows = city_.store().ListResponses("sat", sv::ResponseStatus::kFlagged, 0, 10);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].reason,
            "near_duplicate:" + std::to_string(Json::parse(a.body)["response_id"].get<int64_t>()));
}

class SurveyRateLimited : public SurveyLoopback {
 protected:
  SurveyRateLimited() : SurveyLoopback(3) {}
};

TEST_F(SurveyRateLimited, AFloodFromOneAddressGets429WithRetryAfter) {
  const auto codes = Codes("sat", 5);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Submit("sat", Answer("code", codes[i], "r-" + std::to_string(i),
                                   {{"district", "D01"}, {"q1", 1 + i}}))
                  .status,
              201);
  }
  const http_test::Reply r = Submit("sat", Answer("code", codes[3], "r-3"));
  ASSERT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(Json::parse(r.body)["code"], "too_many_requests");
  EXPECT_EQ(Json::parse(r.body)["details"]["reason"], "rate_limited");
  const int retry = std::stoi(r.header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 60);
  // Token minting has its own budget, also 3 a minute.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Raw("POST", "/api/v1/s/sat/token").status, 201);
  EXPECT_EQ(Raw("POST", "/api/v1/s/sat/token").status, 429);
  // The next minute: allowed again.
  city_.clock().Advance(60);
  EXPECT_EQ(Submit("sat", Answer("code", codes[3], "r-3", {{"district", "D02"}, {"q1", 1}})).status,
            201);
  EXPECT_EQ(city_.store().CountResponses("sat")->accepted, 4);
}

}  // namespace
}  // namespace govperf::server
