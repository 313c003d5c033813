#include "core/grading.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/scoring/format.h"

namespace govperf::core {
namespace {

// True when a should be placed before b by the tie rule.
bool Before(const GradeInput& a, const GradeInput& b) {
  if (std::fabs(a.total - b.total) > kScoreEpsilon) return a.total > b.total;
  if (std::fabs(a.indicator_score - b.indicator_score) > kScoreEpsilon) {
    return a.indicator_score > b.indicator_score;
  }
  if (std::fabs(a.satisfaction - b.satisfaction) > kScoreEpsilon) {
    return a.satisfaction > b.satisfaction;
  }
  return a.unit_id < b.unit_id;
}

}  // namespace

std::vector<GradeOutput> RankAndGrade(const std::vector<GradeInput>& units,
                                      const std::vector<GradeLevel>& levels) {
  const size_t n = units.size();
  std::vector<GradeOutput> out(n);
  if (n == 0 || levels.empty()) return out;

  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return Before(units[a], units[b]); });

  // Ranks: equal totals share the best rank.
  for (size_t i = 0; i < n; ++i) {
    const size_t u = order[i];
    if (i > 0 && std::fabs(units[u].total - units[order[i - 1]].total) <= kScoreEpsilon) {
      out[u].rank = out[order[i - 1]].rank;
    } else {
      out[u].rank = static_cast<int>(i) + 1;
    }
  }

  // Quota room per level.
  const size_t last = levels.size() - 1;
  std::vector<long> room(levels.size(), -1);  // -1 = unlimited
  for (size_t l = 0; l < levels.size(); ++l) {
    if (levels[l].max_share) {
      room[l] = static_cast<long>(std::floor(*levels[l].max_share * static_cast<double>(n) + 1e-9));
    }
  }

  for (size_t u : order) {
    const GradeInput& in = units[u];
    GradeOutput& g = out[u];
    size_t l = 0;
    while (l < last && in.total + kScoreEpsilon < levels[l].min_score) ++l;
    if (in.vetoed) {
      const size_t floor_level =
          in.veto_effect == VetoEffect::kFixLowest ? last : (last >= 1 ? last - 1 : 0);
      if (l < floor_level) {
        g.notes.push_back("one-vote veto: capped at " + levels[floor_level].name_en +
                          " (score alone gives " + levels[l].name_en + ")");
        g.notes_zh.push_back("一票否决：等次不高于" + levels[floor_level].name_zh + "（按分数为" +
                             levels[l].name_zh + "）");
        l = floor_level;
      } else if (in.veto_effect == VetoEffect::kFixLowest) {
        l = last;
      }
    }
    while (l < last && room[l] == 0) {
      g.notes.push_back(levels[l].name_en + " quota full (" + scoring::Pct(*levels[l].max_share) +
                        " of " + std::to_string(n) + "): moved to " + levels[l + 1].name_en);
      g.notes_zh.push_back(levels[l].name_zh + "名额已满（" + scoring::Pct(*levels[l].max_share) +
                           "×" + std::to_string(n) + "）：顺延为" + levels[l + 1].name_zh);
      ++l;
    }
    if (room[l] > 0) --room[l];
    g.grade = levels[l].code;
  }
  return out;
}

}  // namespace govperf::core
