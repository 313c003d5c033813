#include "io/whatif_json.h"

#include <map>

namespace govperf::io {

nlohmann::json UnitChangesJson(const std::vector<core::UnitChange>& changes,
                               const core::Scheme& before, const core::Scheme& after) {
  using nlohmann::json;
  std::map<std::string, const core::Unit*> units;
  std::map<std::string, const core::Indicator*> indicators;
  for (const core::Scheme* s : {&before, &after}) {  // the changed scheme's names win
    for (const auto& u : s->units) units[u.id] = &u;
    for (const auto& i : s->indicators) indicators[i.id] = &i;
  }
  json list = json::array();
  for (const core::UnitChange& c : changes) {
    json moved = json::array();
    for (const core::IndicatorDelta& d : c.indicators) {
      auto ind = indicators.find(d.indicator_id);
      const core::Indicator* i = ind == indicators.end() ? nullptr : ind->second;
      moved.push_back({{"indicator_id", d.indicator_id},
                       {"name_zh", i ? i->name_zh : ""},
                       {"name_en", i ? i->name_en : ""},
                       {"earned_before", d.earned_before},
                       {"earned_after", d.earned_after},
                       {"rule_before", d.rule_before},
                       {"rule_after", d.rule_after},
                       {"rule_before_zh", d.rule_before_zh},
                       {"rule_after_zh", d.rule_after_zh}});
    }
    auto unit = units.find(c.unit_id);
    const core::Unit* u = unit == units.end() ? nullptr : unit->second;
    list.push_back({{"unit_id", c.unit_id},
                    {"name_zh", u ? u->name_zh : ""},
                    {"name_en", u ? u->name_en : ""},
                    {"category_id", c.category_id},
                    {"total_before", c.total_before},
                    {"total_after", c.total_after},
                    {"rank_before", c.rank_before},
                    {"rank_after", c.rank_after},
                    {"grade_before", c.grade_before},
                    {"grade_after", c.grade_after},
                    {"reasons", c.reasons},
                    {"reasons_zh", c.reasons_zh},
                    {"indicators", std::move(moved)}});
  }
  return list;
}

}  // namespace govperf::io
