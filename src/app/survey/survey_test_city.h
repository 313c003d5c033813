// A small city for the survey use-case tests: 2026 in monitoring with units
// D01, D02 (districts) and B01, B02 (departments) in its scheme, users of
// every role, and a survey definition that passes CheckSurvey. Header-only;
// included by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "app/caller.h"
#include "core/workflow/stage.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace govperf::app::survey::testing {

inline core::Scheme SurveyCityScheme(int year) {
  core::Scheme s;
  s.year = year;
  core::Category c1{"C1",        "区县",
                    "Districts", core::UnitKind::kDistrict,
                    {},          {{"ok", "合格", "OK", 0, std::nullopt}}};
  core::Category c2{"C2",
                    "部门",
                    "Departments",
                    core::UnitKind::kDepartment,
                    {},
                    {{"ok", "合格", "OK", 0, std::nullopt}}};
  s.categories = {c1, c2};
  s.units = {{"D01", "东区", "East", "C1", "", core::UnitKind::kDistrict},
             {"D02", "西区", "West", "C1", "", core::UnitKind::kDistrict},
             {"B01", "发展改革委", "NDRC", "C2", "", core::UnitKind::kDepartment},
             {"B02", "交通局", "Transport", "C2", "", core::UnitKind::kDepartment}};
  core::Indicator root;
  root.id = "1";
  root.name_zh = "发展";
  root.level = 1;
  core::Indicator leaf;
  leaf.id = "1.1";
  leaf.parent_id = "1";
  leaf.level = 2;
  leaf.name_zh = "增速";
  leaf.points = 10;
  leaf.method = "completion_ratio";
  leaf.lead_unit_id = "B01";
  leaf.category_ids = {"C1"};
  s.indicators = {root, leaf};
  s.targets = {{{"1.1", "D01"}, 10}, {{"1.1", "D02"}, 10}};
  return s;
}

// Citizens choose their district (unit_from source), rate it, rate B02 and
// leave an opinion about their district.
inline core::survey::Survey SurveyCityDefinition(int year) {
  namespace sv = core::survey;
  auto question = [](std::string id, sv::QuestionKind kind, std::string text_zh, bool required) {
    sv::Question q;
    q.id = std::move(id);
    q.kind = kind;
    q.text_zh = std::move(text_zh);
    q.required = required;
    return q;
  };
  sv::Survey s;
  s.id = "sat";
  s.year = year;
  s.title_zh = "群众满意度调查";
  s.title_en = "Satisfaction survey";
  s.groups = {{"citizen", "群众", "Citizens", 0.7}, {"enterprise", "企业", "Enterprises", 0.3}};
  sv::Question district = question("district", sv::QuestionKind::kChoice, "您住在哪个区？", true);
  district.options = {{"D01", "东区", "East"}, {"D02", "西区", "West"}};
  district.margin = "district";
  sv::Question rate =
      question("q_district", sv::QuestionKind::kScale, "您对所在区政府的满意程度", true);
  rate.unit_from = "district";
  rate.allow_dont_know = true;
  sv::Question rate_b02 =
      question("q_b02", sv::QuestionKind::kScale, "您对交通局的满意程度", false);
  rate_b02.unit_id = "B02";
  sv::Question opinion =
      question("opinion", sv::QuestionKind::kText, "您对所在区的意见建议", false);
  opinion.unit_from = "district";
  sv::Question opinion_b02 =
      question("opinion_b02", sv::QuestionKind::kText, "您对交通局的意见建议", false);
  opinion_b02.unit_id = "B02";
  s.questions = {district, rate, rate_b02, opinion, opinion_b02};
  s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
  s.public_link = true;
  s.public_group = "citizen";
  return s;
}

class SurveyCity : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenSqliteStore(dir_.File("office.db"), clock_);
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    const store::Actor sys{"system", core::Role::kSystem};
    ASSERT_TRUE(store_->SaveScheme(sys, SurveyCityScheme(2026)).ok());
    ASSERT_TRUE(store_->PutYear(sys, {2026, core::Stage::kMonitoring, "", 0}).ok());
  }
  // A stored response, written as the response journal would (raw SQL: the
  // journal is not what these tests deliver). `answers` is the stored JSON.
  void AddResponse(const std::string& survey_id, const std::string& key, const std::string& answers,
                   const std::string& status = "accepted", const std::string& cells = "{}") {
    const std::string sql =
        "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, group_id, "
        "cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, status, "
        "batch_id) VALUES ('" +
        survey_id + "', 'link', 'cred-" + key + "', '" + key + "', 'citizen', '" + cells + "', '" +
        answers + "', 0, 60000, 1780000000, 'x', '" + status + "', 1)";
    std::string error;
    ASSERT_EQ(store::testing::RawExec(dir_.File("office.db"), sql, &error), 0) << error;
  }
  int64_t AuditCount() { return static_cast<int64_t>(store_->ListAudit(0, 1000)->size()); }

  Caller admin_{"office", core::Role::kAdmin, "", ""};
  Caller leader_{"leader", core::Role::kLeader, "", ""};
  Caller unit_d01_{"unit_d01", core::Role::kUnit, "D01", ""};
  Caller unit_d02_{"unit_d02", core::Role::kUnit, "D02", ""};
  Caller unit_b02_{"unit_b02", core::Role::kUnit, "B02", ""};
  Caller lead_b01_{"lead_b01", core::Role::kLead, "B01", ""};
  store::testing::TempDir dir_;
  store::testing::FakeClock clock_{1780000000};
  std::unique_ptr<store::Store> store_;
};

}  // namespace govperf::app::survey::testing
