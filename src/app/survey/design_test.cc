// Survey design use cases against a real SQLite store: a draft is saved as
// it is, opening runs the whole definition check, a survey that left draft
// keeps its questionnaire, and the margins import names every bad row and
// changes nothing, or replaces the margins of the groups in the file.
#include "app/survey/design.h"

#include <gtest/gtest.h>

#include "app/survey/survey_test_city.h"

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;
using testing::SurveyCity;
using testing::SurveyCityDefinition;

class Design : public SurveyCity {};

TEST_F(Design, DraftOpensOnlyWhenCoherentAndKeepsItsQuestionnaireAfter) {
  sv::Survey s = SurveyCityDefinition(2026);
  s.questions[2].unit_id = "B99";  // not a unit of 2026
  auto created = CreateSurvey(*store_, admin_, s);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->status, sv::SurveyStatus::kDraft);
  EXPECT_EQ(Problem(*store_, *created).field(), "questions[2].unit_id");
  EXPECT_EQ(CreateSurvey(*store_, admin_, s).status().code(), Code::kAlreadyExists);

  auto refused = SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kOpen);
  EXPECT_EQ(refused.status().field(), "questions[2].unit_id");
  EXPECT_EQ(GetSurvey(*store_, leader_, "sat")->status, sv::SurveyStatus::kDraft);

  s.questions[2].unit_id = "B02";
  ASSERT_TRUE(EditSurvey(*store_, admin_, s).ok());
  auto opened = SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kOpen);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->status, sv::SurveyStatus::kOpen);

  // Frozen: the questionnaire; still open to change: min_sample, quotas.
  sv::Survey edit = *opened;
  edit.questions[1].scale_max = 7;
  EXPECT_EQ(EditSurvey(*store_, admin_, edit).status().code(), Code::kFailedPrecondition);
  edit = *opened;
  edit.min_sample = 50;
  edit.quotas = {{"citizen", "district", "D01", 200}};
  auto edited = EditSurvey(*store_, admin_, edit);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(edited->min_sample, 50);
  EXPECT_EQ(edited->status, sv::SurveyStatus::kOpen);
  // A live survey stays coherent.
  edit.quotas = {{"visitors", "district", "D01", 200}};
  EXPECT_EQ(EditSurvey(*store_, admin_, edit).status().field(), "quotas[0].group_id");

  ASSERT_TRUE(SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kClosed).ok());
  EXPECT_EQ(SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kClosed).status().code(),
            Code::kFailedPrecondition);
  auto list = ListSurveys(*store_, leader_, 2026);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].survey.status, sv::SurveyStatus::kClosed);
  EXPECT_EQ((*list)[0].counts.accepted, 0);
}

TEST_F(Design, OnlyTheOfficeWritesAndLeadersRead) {
  const sv::Survey s = SurveyCityDefinition(2026);
  EXPECT_EQ(CreateSurvey(*store_, leader_, s).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(CreateSurvey(*store_, unit_d01_, s).status().code(), Code::kPermissionDenied);
  ASSERT_TRUE(CreateSurvey(*store_, admin_, s).ok());
  EXPECT_EQ(ListSurveys(*store_, unit_d01_, 2026).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(GetSurvey(*store_, lead_b01_, "sat").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(SetStatus(*store_, leader_, "sat", sv::SurveyStatus::kOpen).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(GetSurvey(*store_, admin_, "nope").status().code(), Code::kNotFound);
  sv::Survey other = s;
  other.id = "other";
  other.year = 2031;
  EXPECT_EQ(CreateSurvey(*store_, admin_, other).status().field(), "year");
}

TEST_F(Design, MarginsImportReplacesTheGroupsInTheFile) {
  sv::Survey s = SurveyCityDefinition(2026);
  s.margins["enterprise"]["size"] = {{"small", 900}, {"large", 100}};
  s.margins["citizen"]["sex"] = {{"m", 1}, {"f", 1}};
  ASSERT_TRUE(CreateSurvey(*store_, admin_, s).ok());
  const std::string csv =
      "全市人口结构,,,\n"
      "调查对象,变量,类别,总体数\n"
      "citizen,district,D01,\"120,000\"\n"
      "citizen,district,D02,80000\n"
      ",,,\n"
      "citizen,age,18-39,90000\n"
      "citizen,age,40+,110000\n";
  auto report = ImportMargins(*store_, admin_, "sat", csv, "margins.csv");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_TRUE(report->errors.empty()) << report->errors[0].ToString();
  EXPECT_EQ(report->rows, 4u);
  EXPECT_EQ(report->groups, std::vector<std::string>{"citizen"});
  auto got = GetSurvey(*store_, admin_, "sat");
  ASSERT_TRUE(got.ok());
  const sv::Margins& citizen = got->margins.at("citizen");
  EXPECT_EQ(citizen.size(), 2u);  // sex is gone: the group was replaced
  EXPECT_DOUBLE_EQ(citizen.at("district").at("D01"), 120000);
  EXPECT_DOUBLE_EQ(citizen.at("age").at("40+"), 110000);
  EXPECT_DOUBLE_EQ(got->margins.at("enterprise").at("size").at("small"), 900);
}

TEST_F(Design, MarginsImportNamesEveryBadRowAndChangesNothing) {
  ASSERT_TRUE(CreateSurvey(*store_, admin_, SurveyCityDefinition(2026)).ok());
  const int64_t before = AuditCount();
  const std::string csv =
      "group,variable,level,total\n"
      "citizen,district,D01,100\n"
      "visitors,district,D01,100\n"
      "citizen,,D02,100\n"
      "citizen,district,D02,abc\n"
      "citizen,district,D02,0\n"
      "citizen,district,D01,5\n";
  auto report = ImportMargins(*store_, admin_, "sat", csv, "margins.csv");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->errors.size(), 5u);
  EXPECT_EQ(report->errors[0].cell, "A3");
  EXPECT_EQ(report->errors[1].cell, "B4");
  EXPECT_EQ(report->errors[2].cell, "D5");
  EXPECT_EQ(report->errors[3].cell, "D6");
  EXPECT_EQ(report->errors[4].cell, "C7");
  EXPECT_EQ(report->errors[0].sheet, "margins.csv");
  EXPECT_NE(report->errors[0].message_zh.find("visitors"), std::string::npos);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_TRUE(GetSurvey(*store_, admin_, "sat")->margins.empty());

  // A district that is no option of the question setting the variable.
  auto level = ImportMargins(
      *store_, admin_, "sat",
      "调查对象,变量,类别,总体数\ncitizen,district,D01,1\ncitizen,district,D09,2\n", "m.csv");
  ASSERT_TRUE(level.ok());
  ASSERT_EQ(level->errors.size(), 1u);
  EXPECT_EQ(level->errors[0].cell, "C3");
  EXPECT_EQ(AuditCount(), before);

  auto header = ImportMargins(*store_, admin_, "sat", "a,b\n1,2\n", "m.csv");
  ASSERT_TRUE(header.ok());
  ASSERT_EQ(header->errors.size(), 1u);
  EXPECT_NE(header->errors[0].message.find("group, variable, level, total"), std::string::npos);
}

}  // namespace
}  // namespace govperf::app::survey
