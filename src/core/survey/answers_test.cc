#include "core/survey/answers.h"

#include <gtest/gtest.h>

#include "core/survey/quality.h"

namespace govperf::core::survey {
namespace {

using K = SubmittedValue::Kind;

SubmittedValue Int(int64_t v) { return {K::kInteger, v, ""}; }
SubmittedValue Str(std::string s) { return {K::kString, 0, std::move(s)}; }

Survey Questionnaire() {
  Survey s;
  s.id = "2026-sat";
  s.public_link = true;
  s.public_group = "citizens";
  s.groups = {{"citizens", "群众", "Citizens", 0.6}, {"firms", "企业", "Firms", 0.4}};
  Question district;
  district.id = "district";
  district.kind = QuestionKind::kChoice;
  district.required = true;
  district.margin = "district";
  district.options = {{"D01", "东区", ""}, {"D02", "西区", ""}};
  Question who;
  who.id = "who";
  who.kind = QuestionKind::kChoice;
  who.margin = "group";
  who.options = {{"citizens", "群众", ""}, {"firms", "企业", ""}};
  Question q1;
  q1.id = "q1";
  q1.required = true;
  q1.unit_from = "district";
  Question q2;
  q2.id = "q2";
  q2.allow_dont_know = true;
  q2.unit_id = "B01";
  Question text;
  text.id = "opinion";
  text.kind = QuestionKind::kText;
  text.max_length = 5;
  s.questions = {district, who, q1, q2, text};
  s.speeder_ms_per_question = 1000;
  s.straightline_min_answers = 2;
  return s;
}

TEST(SurveyAnswers, ValidAnswersAreStoredInTheirForm) {
  Result<Answers> a = ValidateAnswers(
      Questionnaire(),
      {{"district", Str("D02")}, {"q1", Int(4)}, {"q2", Str("dk")}, {"opinion", Str("路灯坏了")}});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->size(), 4u);
  EXPECT_EQ(a->at("district").text, "D02");
  EXPECT_EQ(a->at("q1").scale, 4);
  EXPECT_TRUE(a->at("q2").dont_know);
  EXPECT_FALSE(a->at("q2").scale.has_value());
  EXPECT_EQ(a->at("opinion").text, "路灯坏了");
}

TEST(SurveyAnswers, EachProblemNamesItsQuestion) {
  const Survey s = Questionnaire();
  const Submitted base{{"district", Str("D01")}, {"q1", Int(3)}};
  struct Case {
    std::string id;
    SubmittedValue value;
    std::string field;
  };
  const Case cases[] = {
      {"q1", Int(6), "answers.q1"},              // out of range
      {"q1", Int(0), "answers.q1"},              // below
      {"q1", Str("dk"), "answers.q1"},           // dk not allowed
      {"q1", Str("3"), "answers.q1"},            // a string
      {"q1", {K::kOther, 0, ""}, "answers.q1"},  // an array or object
      {"q1", {K::kNull, 0, ""}, "answers.q1"},   // required, unanswered
      {"district", Str("D09"), "answers.district"},
      {"district", Int(1), "answers.district"},
      {"opinion", Str("六个字太长了"), "answers.opinion"},  // 6 code points > 5
      {"opinion", Str("\xff\xfe"), "answers.opinion"},
      {"q99", Int(1), "answers.q99"},  // unknown question
  };
  for (const Case& c : cases) {
    Submitted sub = base;
    sub[c.id] = c.value;
    Result<Answers> a = ValidateAnswers(s, sub);
    ASSERT_FALSE(a.ok()) << c.id;
    EXPECT_EQ(a.status().code(), Code::kInvalidArgument);
    EXPECT_EQ(a.status().field(), c.field) << a.status().message();
  }
  Result<Answers> missing = ValidateAnswers(s, {{"district", Str("D01")}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().field(), "answers.q1");
  // Five code points of Chinese (15 bytes) fit max_length 5.
  Submitted five = base;
  five["opinion"] = Str("五个字正好");
  EXPECT_TRUE(ValidateAnswers(s, five).ok());
  // An empty text is no answer (the question is optional).
  Submitted empty = base;
  empty["opinion"] = Str("");
  ASSERT_TRUE(ValidateAnswers(s, empty).ok());
  EXPECT_EQ(ValidateAnswers(s, empty)->count("opinion"), 0u);
}

TEST(SurveyAnswers, CellsComeFromTheCodeThenFromMarginAnswers) {
  const Survey s = Questionnaire();
  Answers a =
      *ValidateAnswers(s, {{"district", Str("D02")}, {"who", Str("firms")}, {"q1", Int(5)}});
  // Public link: the "group" margin sets the group, district the cell.
  RespondentCells pub = CellsOf(s, a, nullptr);
  EXPECT_EQ(pub.group_id, "firms");
  EXPECT_EQ(pub.cells, (std::map<std::string, std::string>{{"district", "D02"}}));
  // Without the group answer: the public group.
  a.erase("who");
  EXPECT_EQ(CellsOf(s, a, nullptr).group_id, "citizens");
  // A code fixes the group and the district whatever was ticked.
  InvitationCode code;
  code.group_id = "citizens";
  code.cells = {{"district", "D01"}, {"age", "35-59"}};
  a["who"].text = "firms";
  RespondentCells coded = CellsOf(s, a, &code);
  EXPECT_EQ(coded.group_id, "citizens");
  EXPECT_EQ(coded.cells,
            (std::map<std::string, std::string>{{"age", "35-59"}, {"district", "D01"}}));
}

TEST(SurveyQuality, SpeederStraightLineAndFingerprint) {
  const Survey s = Questionnaire();  // 1000 ms per question, straight line from 2
  Answers a;
  a["q1"].scale = 5;
  a["q2"].scale = 5;
  a["district"].text = "D01";
  // 3 answers: under 3000 ms is a speeder; equal scale answers straight-line.
  EXPECT_EQ(QualityReasons(s, a, {1000, 3999}),
            (std::vector<std::string>{"speeder", "straight_line"}));
  a["q2"].scale = 4;
  EXPECT_TRUE(QualityReasons(s, a, {1000, 4000}).empty());
  EXPECT_EQ(QualityReasons(s, a, {5000, 4000}), std::vector<std::string>{"speeder"});
  EXPECT_EQ(QualityReasons(s, a, {0, 0}), std::vector<std::string>{"no_paradata"});
  // Don't-know answers are not values.
  a["q2"].scale.reset();
  a["q2"].dont_know = true;
  EXPECT_TRUE(QualityReasons(s, a, {0, 10000}).empty());

  Answers b = a;
  EXPECT_EQ(AnswerFingerprint(a), AnswerFingerprint(b));
  EXPECT_EQ(AnswerFingerprint(a).size(), 16u);
  b["district"].text = "D02";
  EXPECT_NE(AnswerFingerprint(a), AnswerFingerprint(b));
  // The value's kind is part of the fingerprint: scale 1 is not the text "1".
  Answers x, y;
  x["q"].scale = 1;
  y["q"].text = "1";
  EXPECT_NE(AnswerFingerprint(x), AnswerFingerprint(y));
  EXPECT_EQ(JoinReasons({"speeder", "near_duplicate:7"}), "speeder,near_duplicate:7");
}

}  // namespace
}  // namespace govperf::core::survey
