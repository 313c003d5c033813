#include "methods/anomaly.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "core/number.h"
#include "core/period.h"

namespace govperf::methods {
namespace {

using core::FormatFixed;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

using Key = std::pair<std::string, std::string>;  // indicator, unit

std::map<Key, double> YearEnd(const core::YearData& d, const std::string& period) {
  std::map<Key, double> out;
  for (const auto& v : d.values) {
    if (v.period == period && v.value && !v.no_data) out[{v.indicator_id, v.unit_id}] = *v.value;
  }
  return out;
}

int FirstDigit(double x) {
  x = std::fabs(x);
  if (!(x > 0) || !std::isfinite(x)) return 0;
  while (x >= 10) x /= 10;
  while (x < 1) x *= 10;
  return static_cast<int>(x);
}

}  // namespace

const char* AnomalyKindName(AnomalyKind k) {
  switch (k) {
    case AnomalyKind::kJump:
      return "jump";
    case AnomalyKind::kBunching:
      return "bunching";
    case AnomalyKind::kYearEnd:
      return "year_end_spike";
    case AnomalyKind::kBenford:
      return "benford";
  }
  return "jump";
}

std::vector<AnomalyFlag> DetectAnomalies(const core::Scheme& scheme, const core::YearData& data,
                                         const core::YearData* previous) {
  std::vector<AnomalyFlag> flags;
  const std::string year = std::to_string(scheme.year);
  const auto now = YearEnd(data, year);
  std::map<std::string, const core::Indicator*> inds;
  for (const auto& i : scheme.indicators) inds[i.id] = &i;

  // Jumps against last year (同比), relative to the peers' changes. A value
  // without a year-end figure yet (a year in progress) is compared through its
  // latest month with the same month of last year.
  if (previous) {
    const std::string last_year = std::to_string(scheme.year - 1);
    const auto before = YearEnd(*previous, last_year);
    std::map<std::string, double> before_by_period;  // "ind|unit|YYYY-MM" → value
    for (const auto& v : previous->values) {
      if (v.value && v.period.size() == 7) {
        before_by_period[v.indicator_id + "|" + v.unit_id + "|" + v.period] = *v.value;
      }
    }
    std::map<Key, std::pair<int, double>> latest;  // (ind, unit) → (month, value) this year
    for (const auto& v : data.values) {
      const std::optional<core::Period> p = core::ParsePeriod(v.period);
      if (!v.value || !p || p->year != scheme.year || p->year_end()) continue;
      const int m = p->month;
      auto& l = latest[{v.indicator_id, v.unit_id}];
      if (m > l.first) l = {m, *v.value};
    }
    struct Change {
      std::string unit, period;
      double x;
    };
    std::map<std::string, std::vector<Change>> changes;
    for (const auto& [k, v] : now) {
      auto b = before.find(k);
      if (b == before.end() || b->second == 0) continue;
      changes[k.first].push_back({k.second, year, (v - b->second) / std::fabs(b->second)});
    }
    for (const auto& [k, mv] : latest) {
      if (now.count(k)) continue;
      char mm[3];
      std::snprintf(mm, sizeof mm, "%02d", mv.first);
      auto b = before_by_period.find(k.first + "|" + k.second + "|" + last_year + "-" + mm);
      if (b == before_by_period.end() || b->second == 0) continue;
      changes[k.first].push_back(
          {k.second, year + "-" + mm, (mv.second - b->second) / std::fabs(b->second)});
    }
    for (const auto& [ind, list] : changes) {
      if (list.size() < 5) continue;  // too few peers for a robust scale
      std::vector<double> c;
      for (const auto& ch : list) c.push_back(ch.x);
      const double med = Median(c);
      std::vector<double> dev;
      for (double x : c) dev.push_back(std::fabs(x - med));
      const double mad = 1.4826 * Median(dev);
      if (mad <= 0) continue;
      for (const auto& [u, period, x] : list) {
        const double z = std::fabs(x - med) / mad;
        if (z > kJumpZ && std::fabs(x) > kJumpMinChange) {
          flags.push_back({AnomalyKind::kJump, ind, u, period, z,
                           "change " + FormatFixed(100 * x, 1) + "% vs last year, peers' median " +
                               FormatFixed(100 * med, 1) + "% (robust z " + FormatFixed(z, 1) + ")",
                           "较上年变化" + FormatFixed(100 * x, 1) + "%，同类中位数" +
                               FormatFixed(100 * med, 1) + "%（稳健z值" + FormatFixed(z, 1) +
                               "）"});
        }
      }
    }
  }

  // Bunching just above the target.
  for (const auto& [id, ind] : inds) {
    if (ind->method != "completion_ratio") continue;
    std::vector<std::string> above;
    int below = 0;
    for (const auto& [k, v] : now) {
      if (k.first != id) continue;
      auto t = scheme.targets.find(k);
      if (t == scheme.targets.end() || t->second <= 0) continue;
      const double ratio = ind->direction == core::Direction::kHigherBetter
                               ? v / t->second
                               : (v > 0 ? t->second / v : 0);
      if (ratio >= 1.0 && ratio < 1.02) above.push_back(k.second);
      if (ratio >= 0.98 && ratio < 1.0) ++below;
    }
    if (above.size() >= 3 && static_cast<double>(above.size()) >= 3.0 * std::max(below, 1)) {
      for (const auto& u : above) {
        flags.push_back({AnomalyKind::kBunching, id, u, year, static_cast<double>(above.size()),
                         std::to_string(above.size()) + " units just above the target (<102%), " +
                             std::to_string(below) + " just below",
                         std::to_string(above.size()) + "个单位刚好超过目标（<102%），" +
                             std::to_string(below) + "个略低于目标"});
      }
    }
  }

  // Year-end spikes of cumulative indicators.
  std::map<Key, std::map<int, double>> months;
  for (const auto& v : data.values) {
    const std::optional<core::Period> p = core::ParsePeriod(v.period);
    if (!v.value || !p || p->year != scheme.year || p->year_end()) continue;
    months[{v.indicator_id, v.unit_id}][p->month] = *v.value;
  }
  for (const auto& [k, m] : months) {
    auto ind = inds.find(k.first);
    if (ind == inds.end() || !ind->second->cumulative || m.size() != 12) continue;
    double prev = 0, sum = 0;
    for (int mo = 1; mo <= 11; ++mo) {
      sum += m.at(mo) - prev;
      prev = m.at(mo);
    }
    const double mean = sum / 11, dec = m.at(12) - m.at(11);
    if (mean > 0 && dec > kYearEndFactor * mean) {
      flags.push_back({AnomalyKind::kYearEnd, k.first, k.second, year + "-12", dec / mean,
                       "December adds " + FormatFixed(dec / mean, 1) + "× the average month",
                       "12月增量为月均的" + FormatFixed(dec / mean, 1) + "倍"});
    }
  }

  // Benford's first digits per unit, over its amounts.
  std::map<std::string, std::vector<int>> digits;
  for (const auto& v : data.values) {
    auto ind = inds.find(v.indicator_id);
    if (!v.value || ind == inds.end() || !ind->second->cumulative) continue;
    if (int d = FirstDigit(*v.value)) digits[v.unit_id].push_back(d);
  }
  for (const auto& [u, ds] : digits) {
    if (static_cast<int>(ds.size()) < kBenfordMinValues) continue;
    double count[10] = {0};
    for (int d : ds) ++count[d];
    double mad = 0;
    for (int d = 1; d <= 9; ++d) {
      mad += std::fabs(count[d] / ds.size() - std::log10(1.0 + 1.0 / d));
    }
    mad /= 9;
    if (mad > kBenfordMad) {
      flags.push_back({AnomalyKind::kBenford, "", u, year, mad,
                       "first digits of " + std::to_string(ds.size()) +
                           " amounts deviate from Benford's law (MAD " + FormatFixed(mad, 4) + ")",
                       std::to_string(ds.size()) + "个数值的首位数字偏离本福特定律（MAD " +
                           FormatFixed(mad, 4) + "）"});
    }
  }
  std::stable_sort(flags.begin(), flags.end(), [](const AnomalyFlag& a, const AnomalyFlag& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.indicator_id != b.indicator_id) return a.indicator_id < b.indicator_id;
    return a.unit_id < b.unit_id;
  });
  return flags;
}

}  // namespace govperf::methods
