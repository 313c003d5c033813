#include "core/barometer/bulletin.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace govperf::core::barometer {

namespace {

std::string Pct(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
  return buf;
}

const char* QuarterZh(int q) {
  static const char* kNames[] = {"", "第一季度", "第二季度", "第三季度", "第四季度"};
  return q >= 1 && q <= 4 ? kNames[q] : "";
}

}  // namespace

double ProblemScore(const Tally& t, const BulletinRule& rule) {
  return rule.weight_red_card * t.red_cards + rule.weight_missing * t.missing +
         rule.weight_late * t.late + rule.weight_red * t.red;
}

std::string BulletinNumber(int year, int number) {
  if (number <= 0) return "〔" + std::to_string(year) + "〕（草稿）";
  return "〔" + std::to_string(year) + "〕第" + std::to_string(number) + "期";
}

std::string BulletinTitle(const Bulletin& b) {
  return BulletinNumber(b.year, b.number) + " 季度绩效监测通报（" + std::to_string(b.year) + "年" +
         QuarterZh(b.quarter) + "）";
}

void RankBulletin(Bulletin& b, const BulletinRule& rule) {
  std::map<std::string, BulletinCategory*> cats;
  for (BulletinCategory& c : b.categories) {
    c.units = 0;
    c.tally = {};
    cats[c.category_id] = &c;
  }
  b.city = {};
  for (BulletinUnit& u : b.units) {
    u.problem_score = ProblemScore(u.tally, rule);
    b.city.Add(u.tally);
    auto it = cats.find(u.category_id);
    if (it != cats.end()) {
      ++it->second->units;
      it->second->tally.Add(u.tally);
    }
  }
  std::vector<const BulletinUnit*> order;
  for (const BulletinUnit& u : b.units) order.push_back(&u);

  // 通报批评: the highest problem scores at or above the floor.
  std::stable_sort(order.begin(), order.end(), [](const BulletinUnit* a, const BulletinUnit* c) {
    if (a->problem_score != c->problem_score) return a->problem_score > c->problem_score;
    return a->unit_id < c->unit_id;
  });
  b.criticised.clear();
  for (const BulletinUnit* u : order) {
    if (static_cast<int>(b.criticised.size()) >= rule.max_named) break;
    if (u->problem_score < rule.criticise_min_score) break;
    const Tally& t = u->tally;
    NamedUnit n{u->unit_id, u->name_zh, u->name_en, u->category_id, u->problem_score, "", ""};
    n.reason_zh = "红牌 " + std::to_string(t.red_cards) + " 次、缺报 " + std::to_string(t.missing) +
                  " 项、迟报 " + std::to_string(t.late) + " 项、进度红灯 " + std::to_string(t.red) +
                  " 项";
    n.reason_en = std::to_string(t.red_cards) + " red cards, " + std::to_string(t.missing) +
                  " missing, " + std::to_string(t.late) + " late, " + std::to_string(t.red) +
                  " red by time progress";
    b.criticised.push_back(std::move(n));
  }

  // 通报表扬: a clean record (reports due, none late or missing) and the best
  // on-track shares, then the most verified.
  std::stable_sort(order.begin(), order.end(), [](const BulletinUnit* a, const BulletinUnit* c) {
    const double sa = a->tally.on_track_share(), sc = c->tally.on_track_share();
    if (sa != sc) return sa > sc;
    const double va = a->tally.verified_share(), vc = c->tally.verified_share();
    if (va != vc) return va > vc;
    return a->unit_id < c->unit_id;
  });
  b.praised.clear();
  for (const BulletinUnit* u : order) {
    if (static_cast<int>(b.praised.size()) >= rule.max_named) break;
    const Tally& t = u->tally;
    if (t.reports_due < rule.praise_min_reports || t.late > 0 || t.missing > 0 ||
        t.on_track + t.lagging + t.red == 0 || t.on_track_share() < rule.praise_min_on_track) {
      continue;
    }
    NamedUnit n{u->unit_id, u->name_zh, u->name_en, u->category_id, t.on_track_share(), "", ""};
    n.reason_zh = "按时报送 " + std::to_string(t.on_time) + " 项，进度正常 " +
                  Pct(t.on_track_share()) + "，已审核 " + Pct(t.verified_share());
    n.reason_en = std::to_string(t.on_time) + " reports on time, " + Pct(t.on_track_share()) +
                  " on track, " + Pct(t.verified_share()) + " verified";
    b.praised.push_back(std::move(n));
  }
}

}  // namespace govperf::core::barometer
