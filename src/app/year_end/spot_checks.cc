#include "app/year_end/spot_checks.h"

#include <random>
#include <set>

#include "app/limits.h"
#include "app/year_end/context.h"
#include "app/year_end/lead_scoring.h"

namespace govperf::app::year_end {

std::vector<std::pair<std::string, std::string>> DrawSample(const core::Scheme& scheme,
                                                            uint64_t seed, int size) {
  std::set<std::string> parents;
  for (const auto& i : scheme.indicators) parents.insert(i.parent_id);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const core::Indicator& leaf : scheme.indicators) {
    if (parents.count(leaf.id)) continue;
    for (const core::Unit& u : scheme.units) {
      if (IsAssessed(leaf, u)) pairs.emplace_back(leaf.id, u.id);
    }
  }
  std::mt19937_64 rng(seed);
  const size_t n = pairs.size();
  const size_t k = std::min<size_t>(n, size < 0 ? 0 : static_cast<size_t>(size));
  // Not std::uniform_int_distribution: its algorithm is left to the library.
  for (size_t i = 0; i < k; ++i) {
    const size_t j = i + static_cast<size_t>(rng() % (n - i));
    std::swap(pairs[i], pairs[j]);
  }
  pairs.resize(k);
  return pairs;
}

Result<store::SpotCheck> DrawSpotCheck(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, uint64_t seed, int size) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  const auto all = DrawSample(**scheme, seed, 1 << 30);
  if (size < 1 || static_cast<size_t>(size) > all.size()) {
    return Status::Invalid("size: must be 1.." + std::to_string(all.size()) +
                           " (the assessed pairs of the year)")
        .Field("size")
        .Zh("size：抽查数量应为 1 至 " + std::to_string(all.size()) +
            "（本年度考核的指标×单位数）");
  }
  store::SpotCheck c;
  c.year = year;
  c.seed = std::to_string(seed);
  c.size = size;
  for (auto& [ind, unit] : DrawSample(**scheme, seed, size)) {
    store::SpotCheckItem item;
    item.indicator_id = ind;
    item.unit_id = unit;
    c.items.push_back(std::move(item));
  }
  Result<int64_t> id = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    id = tx.AddSpotCheck(c);
    return id.status();
  }));
  auto checks = store.ListSpotChecks(year);
  if (!checks.ok()) return checks.status();
  for (auto& x : *checks) {
    if (x.id == *id) return x;
  }
  return Status::Internal("spot check not stored");
}

Result<store::SpotCheckItem> RecordFinding(YearCache& years, store::Store& store,
                                           const Caller& caller, int year, const FindingInput& in) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  if (in.finding != "confirmed" && in.finding != "corrected") {
    return Status::Invalid("finding: must be confirmed or corrected")
        .Field("finding")
        .Zh("finding：抽查结论应为 confirmed（属实）或 corrected（更正）");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", in.reason, kMaxTextChars,
                                    /*required=*/in.finding == "corrected", true));
  store::SpotCheckItem item;
  item.indicator_id = in.indicator_id;
  item.unit_id = in.unit_id;
  item.finding = in.finding;
  item.reason = in.reason;
  std::optional<PreparedScore> correction;
  if (in.finding == "corrected") {
    if (!in.value) {
      return Status::Invalid("value: a correction needs the new value")
          .Field("value")
          .Zh("value：更正须填写核实后的数值");
    }
    item.value = in.value;
    // The same use case as the lead department's scoring (as the office).
    auto p = PrepareScore(years, store, caller, year,
                          ScoreInput{in.indicator_id, in.unit_id, in.value, false, in.reason});
    if (!p.ok()) return p.status();
    correction = std::move(*p);
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutSpotFinding(year, in.check_id, item));
    if (correction) return WriteScore(tx, year, *correction);
    return Status::Ok();
  }));
  auto checks = store.ListSpotChecks(year);
  if (!checks.ok()) return checks.status();
  for (auto& x : *checks) {
    if (x.id != in.check_id) continue;
    for (auto& i : x.items) {
      if (i.indicator_id == in.indicator_id && i.unit_id == in.unit_id) return i;
    }
  }
  return Status::Internal("finding not stored");
}

}  // namespace govperf::app::year_end
