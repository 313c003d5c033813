#include "app/year_end/readiness.h"

#include <set>
#include <string>
#include <utility>

#include "app/results/year_cache.h"

namespace govperf::app::year_end {
namespace {

Status NotReady(const std::string& field, const std::string& en, const std::string& zh) {
  return Status(Code::kFailedPrecondition, field + ": " + en).Field(field).Zh(field + "：" + zh);
}

}  // namespace

Status CheckReadyForPublicity(store::Store& store, int year, bool accept_missing_values) {
  const std::string ys = std::to_string(year);
  auto claims = store.ListClaims(year);
  if (!claims.ok()) return claims.status();
  int pending = 0;
  for (const store::Claim& c : *claims) pending += c.state == "pending" ? 1 : 0;
  if (pending > 0) {
    const std::string n = std::to_string(pending);
    return NotReady("claims",
                    n + " bonus/deduction/veto claim(s) of " + ys +
                        " await the office's decision: approve or reject them first (年终考核 → "
                        "加减分与否决)",
                    ys + " 年度还有 " + n + " 项加减分/否决申报待绩效办审定：请先逐项通过或驳回");
  }
  auto self = store.ListSelfEvaluations(year);
  if (!self.ok()) return self.status();
  int unscored = 0;
  std::string first;
  for (const store::SelfEvaluation& e : *self) {
    if (e.submissions > 0 && !e.scored) {
      if (unscored++ == 0) first = e.indicator_id + "/" + e.unit_id;
    }
  }
  if (unscored > 0) {
    const std::string n = std::to_string(unscored);
    return NotReady("self_evaluations",
                    n + " self-evaluation(s) of " + ys + " (first " + first +
                        ") await their lead department's score: the lead departments confirm or "
                        "correct them (年终考核 → 牵头评分)",
                    ys + " 年度还有 " + n + " 项单位自评（如 " + first +
                        "）待牵头单位评分：请牵头单位确认或更正后再进入公示");
  }
  auto rating = store.LoadRatingSetup(year);
  if (!rating.ok()) return rating.status();
  if (rating->has_value() && !(*rating)->closed()) {
    return NotReady("rating",
                    "the leadership rating of " + ys +
                        " is open: close it so that the leaders' ratings become the leadership "
                        "scores (年终考核 → 领导评价 → 关闭评价)",
                    ys + " 年度领导评价尚未关闭：请关闭评价，领导打分方计入领导评价得分");
  }
  if (accept_missing_values) return Status::Ok();
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return scheme.status();
  auto data = store.LoadYearData(year);
  if (!data.ok()) return data.status();
  std::set<std::pair<std::string, std::string>> have;
  for (const core::Datum& d : data->values) {
    if (d.period == ys && (d.value.has_value() || d.no_data)) {
      have.insert({d.indicator_id, d.unit_id});
    }
  }
  std::set<std::string> parents;
  for (const core::Indicator& i : scheme->indicators) parents.insert(i.parent_id);
  int missing = 0;
  std::string examples;
  for (const core::Indicator& leaf : scheme->indicators) {
    if (parents.count(leaf.id) > 0) continue;
    for (const core::Unit& u : scheme->units) {
      if (!IsAssessed(leaf, u) || have.count({leaf.id, u.id}) > 0) continue;
      if (missing++ < 3) examples += (examples.empty() ? "" : ", ") + leaf.id + "/" + u.id;
    }
  }
  if (missing > 0) {
    const std::string n = std::to_string(missing);
    return NotReady(
        "values",
        n + " assessed indicator/unit pair(s) of " + ys + " have no year-end value (e.g. " +
            examples +
            "): lead departments enter them or score the units' self-evaluations; to go to 公示 "
            "anyway, with those scored as missing (0 points), send accept_missing_values: true",
        ys + " 年度有 " + n + " 项指标/单位尚无年终值（如 " + examples +
            "）：请牵头单位录入年终值或对单位自评评分；确认按缺报（0 分）进入公示的，请选择"
            "“按缺报计分”（accept_missing_values）");
  }
  return Status::Ok();
}

}  // namespace govperf::app::year_end
