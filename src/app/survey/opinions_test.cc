// 意见建议 use cases against a real SQLite store: routing from accepted
// responses (idempotent, the unit from unit_id, unit_from or the code's
// cell, the topic's lead department), who sees and answers what, the path
// routed → answered → closed, dismissal, re-routing, rectification items for
// a published year only, and closure rates.
#include "app/survey/opinions.h"

#include <gtest/gtest.h>

#include "app/survey/design.h"
#include "app/survey/survey_test_city.h"

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;

class Opinions : public testing::SurveyCity {
 protected:
  void SetUp() override {
    SurveyCity::SetUp();
    ASSERT_TRUE(CreateSurvey(*store_, admin_, testing::SurveyCityDefinition(2026)).ok());
    ASSERT_TRUE(SetStatus(*store_, admin_, "sat", sv::SurveyStatus::kOpen).ok());
    std::vector<store::OpinionTopic> topics = {
        {"business", "营商环境", "Business", {"营商", "审批"}, "B01"},
        {"traffic", "交通出行", "Traffic", {"公交", "堵车"}, "B02"}};
    ASSERT_TRUE(PutTopics(*store_, admin_, 2026, topics).ok());
    AddResponse("sat", "r1", R"({"district":"D01","q_district":4,"opinion":"审批太慢，希望改进"})");
    AddResponse(
        "sat", "r2",
        R"({"district":"D02","q_district":5,"opinion":"环境很好","opinion_b02":"公交班次太少"})");
    AddResponse("sat", "r3", R"({"q_district":3,"opinion":"路灯经常坏"})", "accepted",
                R"({"district":"D02"})");
    AddResponse("sat", "r4", R"({"district":"D01","opinion":"刷单"})", "flagged");
    AddResponse("sat", "r5", R"({"district":"D01","opinion":""})");
  }
  const store::Opinion& ByText(const std::vector<store::Opinion>& list, const std::string& text) {
    for (const auto& o : list) {
      if (o.text == text) return o;
    }
    static const store::Opinion kNone;
    ADD_FAILURE() << "no opinion " << text;
    return kNone;
  }
};

TEST_F(Opinions, RoutingTakesAcceptedTextsOnceToTheirUnitAndTopic) {
  auto report = RouteOpinions(*store_, admin_, "sat");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->responses, 4);  // r4 is flagged
  EXPECT_EQ(report->texts, 4);      // r5's is empty
  EXPECT_EQ(report->added, 4);
  EXPECT_EQ(report->unrouted, 0);
  auto all = ListOpinions(*store_, admin_, 2026, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  const auto& slow = ByText(*all, "审批太慢，希望改进");
  EXPECT_EQ(slow.unit_id, "D01");
  EXPECT_EQ(slow.topic_id, "business");
  EXPECT_EQ(slow.lead_unit_id, "B01");
  EXPECT_EQ(slow.state, "routed");
  EXPECT_EQ(ByText(*all, "公交班次太少").unit_id, "B02");  // a fixed unit_id question
  EXPECT_EQ(ByText(*all, "公交班次太少").lead_unit_id, "B02");
  EXPECT_EQ(ByText(*all, "路灯经常坏").unit_id, "D02");  // the code's district cell
  EXPECT_EQ(ByText(*all, "环境很好").topic_id, "");

  // Again: nothing new, nothing written.
  const int64_t before = AuditCount();
  auto again = RouteOpinions(*store_, admin_, "sat");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(AuditCount(), before);
  AddResponse("sat", "r6", R"({"district":"D02","opinion":"堵车严重"})");
  EXPECT_EQ(RouteOpinions(*store_, admin_, "sat")->added, 1);
  EXPECT_EQ(RouteOpinions(*store_, lead_b01_, "sat").status().code(), Code::kPermissionDenied);
}

TEST_F(Opinions, EachSeesItsOwnAndALeadAlsoItsTopics) {
  ASSERT_TRUE(RouteOpinions(*store_, admin_, "sat").ok());
  auto d01 = ListOpinions(*store_, unit_d01_, 2026, {});
  ASSERT_TRUE(d01.ok());
  ASSERT_EQ(d01->size(), 1u);
  EXPECT_EQ((*d01)[0].text, "审批太慢，希望改进");
  auto b01 = ListOpinions(*store_, lead_b01_, 2026, {});
  ASSERT_TRUE(b01.ok());
  ASSERT_EQ(b01->size(), 1u);  // D01's, through the topic it leads
  EXPECT_EQ((*b01)[0].lead_unit_id, "B01");
  EXPECT_EQ(ListOpinions(*store_, leader_, 2026, {})->size(), 4u);
  OpinionQuery other;
  other.unit_id = "D02";
  EXPECT_EQ(ListOpinions(*store_, unit_d01_, 2026, other).status().code(), Code::kPermissionDenied);
  // Another unit's opinion does not exist for D01.
  const int64_t d02_id = ByText(*ListOpinions(*store_, admin_, 2026, {}), "路灯经常坏").id;
  EXPECT_EQ(GetOpinion(*store_, unit_d01_, d02_id).status().code(), Code::kNotFound);
  EXPECT_EQ(AnswerOpinion(*store_, clock_, unit_d01_, d02_id, "我们来办").status().code(),
            Code::kNotFound);
  EXPECT_EQ(GetOpinion(*store_, unit_d02_, d02_id)->text, "路灯经常坏");
}

TEST_F(Opinions, RoutedAnsweredClosedAndALeadAnswersItsTopic) {
  ASSERT_TRUE(RouteOpinions(*store_, admin_, "sat").ok());
  const auto all = *ListOpinions(*store_, admin_, 2026, {});
  const int64_t slow = ByText(all, "审批太慢，希望改进").id;
  // The lead department of the topic answers (D01 is not its unit).
  clock_.Set(1780001000);
  auto answered = AnswerOpinion(*store_, clock_, lead_b01_, slow, "已压缩审批时限至 5 个工作日");
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->state, "answered");
  EXPECT_EQ(answered->answered_by, "lead_b01");
  EXPECT_EQ(answered->answered_at, 1780001000);
  // D01 answers too (replaces), then the office closes it.
  ASSERT_TRUE(AnswerOpinion(*store_, clock_, unit_d01_, slow, "区政务中心已增设窗口").ok());
  EXPECT_EQ(AnswerOpinion(*store_, clock_, unit_d02_, slow, "x").status().code(), Code::kNotFound);
  EXPECT_EQ(
      AnswerOpinion(*store_, clock_, unit_d01_, slow, std::string(2001, 'a')).status().field(),
      "answer");
  EXPECT_EQ(CloseOpinion(*store_, clock_, unit_d01_, slow, {}).status().code(),
            Code::kPermissionDenied);
  // Before publication: no rectification item, the opinion closes with a note.
  CloseRequest rect;
  rect.rectification = RectificationRequest{"增设窗口", "张三", "2026-12-31"};
  EXPECT_EQ(CloseOpinion(*store_, clock_, admin_, slow, rect).status().field(), "rectification");
  auto closed = CloseOpinion(*store_, clock_, admin_, slow, {"", std::nullopt});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->state, "closed");
  EXPECT_EQ(closed->answer, "区政务中心已增设窗口");
  EXPECT_EQ(closed->closed_by, "office");
  EXPECT_EQ(AnswerOpinion(*store_, clock_, unit_d01_, slow, "再答").status().code(),
            Code::kFailedPrecondition);

  // An unanswered one needs the office's note, kept as the note: nobody
  // answered the citizen, so the answer stays empty.
  const int64_t lamp = ByText(all, "路灯经常坏").id;
  EXPECT_EQ(CloseOpinion(*store_, clock_, admin_, lamp, {}).status().field(), "note");
  auto noted = CloseOpinion(*store_, clock_, admin_, lamp, {"已转城管部门处理", std::nullopt});
  ASSERT_TRUE(noted.ok());
  EXPECT_EQ(noted->state, "closed");
  EXPECT_EQ(noted->note, "已转城管部门处理");
  EXPECT_EQ(noted->answer, "");
  EXPECT_EQ(noted->answered_by, "");
  EXPECT_EQ(noted->answered_at, 0);

  // Dismissed with a reason; re-routed.
  const int64_t fine = ByText(all, "环境很好").id;
  EXPECT_EQ(DismissOpinion(*store_, clock_, admin_, fine, "").status().field(), "reason");
  auto dismissed = DismissOpinion(*store_, clock_, admin_, fine, "表扬，无需办理");
  ASSERT_TRUE(dismissed.ok());
  EXPECT_EQ(dismissed->state, "dismissed");
  EXPECT_EQ(dismissed->note, "表扬，无需办理");
  EXPECT_EQ(dismissed->answer, "");
  const int64_t bus = ByText(all, "公交班次太少").id;
  EXPECT_EQ(RerouteOpinion(*store_, admin_, bus, "B99", "").status().field(), "unit_id");
  EXPECT_EQ(RerouteOpinion(*store_, admin_, bus, "D02", "nope").status().field(), "topic_id");
  auto rerouted = RerouteOpinion(*store_, admin_, bus, "D02", "business");
  ASSERT_TRUE(rerouted.ok());
  EXPECT_EQ(rerouted->unit_id, "D02");
  EXPECT_EQ(rerouted->lead_unit_id, "B01");

  // Closure rates: D01 1/1 closed; D02 lamp closed, bus open → 1/2; the
  // dismissed one does not count.
  auto summary = OpinionSummary(*store_, admin_, 2026, false);
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->size(), 2u);
  EXPECT_EQ((*summary)[0].unit_id, "D01");
  EXPECT_EQ((*summary)[0].total, 1);
  EXPECT_EQ((*summary)[0].answered, 1);
  EXPECT_DOUBLE_EQ(*(*summary)[0].closure_rate, 1.0);
  EXPECT_EQ((*summary)[1].unit_id, "D02");
  EXPECT_EQ((*summary)[1].total, 2);
  EXPECT_EQ((*summary)[1].closed, 1);
  EXPECT_DOUBLE_EQ(*(*summary)[1].closure_rate, 0.5);
  auto own = OpinionSummary(*store_, unit_d02_, 2026, false);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ((*own)[0].unit_id, "D02");
  EXPECT_EQ(OpinionSummary(*store_, Caller{}, 2026, true).status().code(), Code::kNotFound);
}

TEST_F(Opinions, TheOfficesNoteIsNotAnAnswerAndAnyOpenOpinionCanBeDismissed) {
  ASSERT_TRUE(RouteOpinions(*store_, admin_, "sat").ok());
  const auto all = *ListOpinions(*store_, admin_, 2026, {});
  // An answered opinion closed with a note: both kept, each in its place.
  const int64_t slow = ByText(all, "审批太慢，希望改进").id;
  clock_.Set(1780002000);
  ASSERT_TRUE(AnswerOpinion(*store_, clock_, unit_d01_, slow, "已增设窗口").ok());
  clock_.Set(1780003000);
  auto closed = CloseOpinion(*store_, clock_, admin_, slow, {"电话回访，群众满意", std::nullopt});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->answer, "已增设窗口");
  EXPECT_EQ(closed->answered_by, "unit_d01");
  EXPECT_EQ(closed->answered_at, 1780002000);
  EXPECT_EQ(closed->note, "电话回访，群众满意");
  EXPECT_EQ(closed->closed_at, 1780003000);
  // The unit sees the office's note on its own opinion.
  EXPECT_EQ(GetOpinion(*store_, unit_d01_, slow)->note, "电话回访，群众满意");

  // An answered opinion can be dismissed too; its answer stays.
  const int64_t bus = ByText(all, "公交班次太少").id;
  ASSERT_TRUE(AnswerOpinion(*store_, clock_, unit_b02_, bus, "将加密班次").ok());
  EXPECT_EQ(DismissOpinion(*store_, clock_, admin_, bus, "  ").status().field(), "reason");
  EXPECT_EQ(DismissOpinion(*store_, clock_, unit_b02_, bus, "重复").status().code(),
            Code::kPermissionDenied);
  auto dismissed = DismissOpinion(*store_, clock_, admin_, bus, "与 2 号意见重复");
  ASSERT_TRUE(dismissed.ok()) << dismissed.status().ToString();
  EXPECT_EQ(dismissed->state, "dismissed");
  EXPECT_EQ(dismissed->answer, "将加密班次");
  EXPECT_EQ(dismissed->note, "与 2 号意见重复");
  EXPECT_EQ(dismissed->closed_by, "office");
  EXPECT_EQ(DismissOpinion(*store_, clock_, admin_, bus, "再次").status().code(),
            Code::kFailedPrecondition);

  // An unrouted one (no unit: the office had not routed it) is dismissed.
  const int64_t lamp = ByText(all, "路灯经常坏").id;
  ASSERT_TRUE(RerouteOpinion(*store_, admin_, lamp, "", "").ok());
  EXPECT_EQ(GetOpinion(*store_, admin_, lamp)->unit_id, "");
  auto unrouted = DismissOpinion(*store_, clock_, admin_, lamp, "无法确定所涉单位");
  ASSERT_TRUE(unrouted.ok()) << unrouted.status().ToString();
  EXPECT_EQ(unrouted->state, "dismissed");
  EXPECT_EQ(unrouted->note, "无法确定所涉单位");

  // Closure rates: dismissed ones do not count; "answered" counts the
  // units' replies only (D01 answered and closed: 1/1).
  auto summary = OpinionSummary(*store_, admin_, 2026, false);
  ASSERT_TRUE(summary.ok());
  ASSERT_EQ(summary->size(), 2u);
  EXPECT_EQ((*summary)[0].unit_id, "D01");
  EXPECT_EQ((*summary)[0].total, 1);
  EXPECT_EQ((*summary)[0].answered, 1);
  EXPECT_EQ((*summary)[0].closed, 1);
  EXPECT_EQ((*summary)[1].unit_id, "D02");  // 环境很好, still routed
  EXPECT_EQ((*summary)[1].total, 1);
  EXPECT_EQ((*summary)[1].answered, 0);
}

TEST_F(Opinions, APublishedYearTurnsAnOpinionIntoARectificationItem) {
  ASSERT_TRUE(RouteOpinions(*store_, admin_, "sat").ok());
  const int64_t slow = ByText(*ListOpinions(*store_, admin_, 2026, {}), "审批太慢，希望改进").id;
  ASSERT_TRUE(store_
                  ->PutYear(store::Actor{"system", core::Role::kSystem},
                            {2026, core::Stage::kPublished, "2027-01-20T00:00:00Z", 0})
                  .ok());
  CloseRequest bad;
  bad.rectification = RectificationRequest{"增设窗口", "张三", "明年"};
  EXPECT_EQ(CloseOpinion(*store_, clock_, admin_, slow, bad).status().field(),
            "rectification.deadline");
  EXPECT_EQ(GetOpinion(*store_, admin_, slow)->state, "routed");
  CloseRequest r;
  r.note = "纳入整改";
  r.rectification = RectificationRequest{"区政务中心增设审批窗口", "张三", "2027-06-30"};
  auto closed = CloseOpinion(*store_, clock_, admin_, slow, r);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->state, "closed");
  ASSERT_GT(closed->rectification_id, 0);
  auto item = store_->FindRectification(2026, closed->rectification_id);
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ((*item)->unit_id, "D01");
  EXPECT_EQ((*item)->source, "opinion");
  EXPECT_EQ((*item)->opinion_id, std::to_string(slow));
  EXPECT_EQ((*item)->problem, "审批太慢，希望改进");
  auto pub = OpinionSummary(*store_, Caller{}, 2026, true);
  ASSERT_TRUE(pub.ok());
  ASSERT_EQ(pub->size(), 3u);  // D01, D02 and B02 (the transport question)
  EXPECT_EQ((*pub)[0].unit_id, "B02");
  EXPECT_EQ((*pub)[1].unit_id, "D01");
  EXPECT_EQ((*pub)[1].closed, 1);
}

TEST_F(Opinions, TopicsNameTheirLeadDepartmentAmongTheYearsUnits) {
  std::vector<store::OpinionTopic> bad = {{"business", "营商环境", "", {"营商"}, "B99"}};
  EXPECT_EQ(PutTopics(*store_, admin_, 2026, bad).field(), "topics[0].lead_unit_id");
  bad[0].lead_unit_id = "B01";
  bad[0].keywords = {};
  EXPECT_EQ(PutTopics(*store_, admin_, 2026, bad).field(), "topics[0].keywords");
  bad[0].keywords = {"营商"};
  bad[0].name_zh = "";
  EXPECT_EQ(PutTopics(*store_, admin_, 2026, bad).field(), "topics[0].name_zh");
  EXPECT_EQ(PutTopics(*store_, leader_, 2026, {}).code(), Code::kPermissionDenied);
  auto topics = ListTopics(*store_, unit_d01_, 2026);
  ASSERT_TRUE(topics.ok());
  ASSERT_EQ(topics->size(), 2u);
  EXPECT_EQ((*topics)[1].keywords, (std::vector<std::string>{"公交", "堵车"}));
}

}  // namespace
}  // namespace govperf::app::survey
