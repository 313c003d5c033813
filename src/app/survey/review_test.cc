// 执行进度 and the review queue on tens of thousands of responses: the
// counts come from SQL aggregates (store CountFieldwork), the queue is read
// in pages of the (survey, status, id) index. The rows are inserted with one
// SQL statement (as the response journal would leave them); the expected
// counts are worked out from the generating rule below.
#include "app/survey/review.h"

#include <gtest/gtest.h>

#include "app/survey/design.h"
#include "app/survey/survey_test_city.h"

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;

// Response i (1..50,000): enterprise when i % 5 == 0, else citizen; flagged
// when i % 7 == 0, else rejected when i % 11 == 0, else accepted; no stored
// cell when i % 3 == 0, else district D01 (even i) or D02 (odd i).
constexpr int kRows = 50000;

class Fieldwork50k : public testing::SurveyCity {
 protected:
  void SetUp() override {
    SurveyCity::SetUp();
    sv::Survey s = testing::SurveyCityDefinition(2026);
    s.quotas = {{"citizen", "district", "D01", 10000},
                {"enterprise", "district", "D02", 5000},
                {"enterprise", "district", "D01", 10}};
    ASSERT_TRUE(CreateSurvey(*store_, admin_, s).ok());
    ASSERT_TRUE(SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kOpen).ok());
    const std::string sql =
        "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, group_id, "
        "cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, status, "
        "reason, batch_id) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        std::to_string(kRows) +
        ") SELECT 'sat', 'link', 'cred-' || i, 'key-' || i, "
        "CASE WHEN i % 5 = 0 THEN 'enterprise' ELSE 'citizen' END, "
        "CASE WHEN i % 3 = 0 THEN '{}' WHEN i % 2 = 0 THEN '{\"district\":\"D01\"}' "
        "ELSE '{\"district\":\"D02\"}' END, "
        "'{\"q_district\":4}', 0, 60000, 1780000000, 'x', "
        "CASE WHEN i % 7 = 0 THEN 'flagged' WHEN i % 11 = 0 THEN 'rejected' ELSE 'accepted' END, "
        "CASE WHEN i % 7 = 0 THEN 'speeder' ELSE '' END, 1 FROM n";
    std::string error;
    ASSERT_EQ(store::testing::RawExec(dir_.File("office.db"), sql, &error), 0) << error;
  }
};

TEST_F(Fieldwork50k, CountsByStatusGroupCellAndQuotaComeFromTheDatabase) {
  auto f = FieldworkProgress(*store_, admin_, "sat");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->status, "open");
  EXPECT_EQ(f->accepted, 38962);
  EXPECT_EQ(f->flagged, 7142);  // ⌊50000 / 7⌋
  EXPECT_EQ(f->rejected, 3896);
  EXPECT_EQ(f->accepted + f->flagged + f->rejected, kRows);
  ASSERT_EQ(f->groups.size(), 2u);  // the survey's order
  EXPECT_EQ(f->groups[0].group_id, "citizen");
  EXPECT_EQ(f->groups[0].accepted, 31170);
  EXPECT_EQ(f->groups[0].flagged, 5714);
  EXPECT_EQ(f->groups[0].rejected, 3116);
  EXPECT_EQ(f->groups[1].group_id, "enterprise");
  EXPECT_EQ(f->groups[1].accepted, 7792);
  EXPECT_EQ(f->groups[1].flagged, 1428);
  EXPECT_EQ(f->groups[1].rejected, 780);
  ASSERT_EQ(f->quotas.size(), 3u);
  EXPECT_EQ(f->quotas[0].accepted, 10389);  // citizens of D01
  EXPECT_EQ(f->quotas[0].target, 10000);
  EXPECT_EQ(f->quotas[1].accepted, 2597);  // enterprises of D02
  EXPECT_EQ(f->quotas[2].accepted, 2598);  // enterprises of D01
  ASSERT_EQ(f->cells.size(), 4u);          // by group, variable, level
  EXPECT_EQ(f->cells[0].group_id, "citizen");
  EXPECT_EQ(f->cells[0].level, "D01");
  EXPECT_EQ(f->cells[0].accepted, 10389);
  EXPECT_EQ(f->cells[1].accepted, 10391);
  EXPECT_EQ(f->cells[2].group_id, "enterprise");
  EXPECT_EQ(f->cells[2].accepted, 2598);
  EXPECT_EQ(f->cells[3].accepted, 2597);
  EXPECT_TRUE(FieldworkProgress(*store_, leader_, "sat").ok());
  EXPECT_EQ(FieldworkProgress(*store_, unit_d01_, "sat").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(FieldworkProgress(*store_, admin_, "nope").status().code(), Code::kNotFound);
}

TEST_F(Fieldwork50k, TheReviewQueueIsReadInPages) {
  int64_t after = 0, seen = 0, pages = 0, first = 0, last = 0;
  for (;;) {
    auto page = ListResponses(*store_, admin_, "sat", sv::ResponseStatus::kFlagged, after,
                              kMaxResponsePage);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    if (page->empty()) break;
    ++pages;
    EXPECT_LE(page->size(), static_cast<size_t>(kMaxResponsePage));
    for (const sv::Response& r : *page) {
      ASSERT_EQ(r.status, sv::ResponseStatus::kFlagged);
      ASSERT_EQ(r.id % 7, 0);
      ASSERT_GT(r.id, after);  // by id, no repeats
      EXPECT_EQ(r.reason, "speeder");
      if (!first) first = r.id;
      last = r.id;
      after = r.id;
      ++seen;
    }
  }
  EXPECT_EQ(seen, 7142);
  EXPECT_EQ(pages, 15);  // 14 full pages of 500 and one of 142
  EXPECT_EQ(first, 7);
  EXPECT_EQ(last, 49994);
  // A page is clamped to kMaxResponsePage; every status when none is given.
  EXPECT_EQ(ListResponses(*store_, admin_, "sat", std::nullopt, 0, 100000)->size(),
            static_cast<size_t>(kMaxResponsePage));
  auto tail = ListResponses(*store_, admin_, "sat", std::nullopt, kRows - 3, 10);
  ASSERT_EQ(tail->size(), 3u);
  EXPECT_EQ((*tail)[2].id, kRows);

  // Reviewing one takes it out of the queue and into the counts.
  ASSERT_TRUE(
      ReviewResponse(*store_, admin_, "sat", 7, sv::ResponseStatus::kAccepted, "人工核实").ok());
  EXPECT_EQ(ListResponses(*store_, admin_, "sat", sv::ResponseStatus::kFlagged, 0, 1)->at(0).id,
            14);
  auto f = FieldworkProgress(*store_, admin_, "sat");
  EXPECT_EQ(f->flagged, 7141);
  EXPECT_EQ(f->accepted, 38963);
  EXPECT_EQ(ListResponses(*store_, unit_d01_, "sat", std::nullopt, 0, 10).status().code(),
            Code::kPermissionDenied);
}

}  // namespace
}  // namespace govperf::app::survey
