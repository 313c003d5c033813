#include "store/scoring_input.h"

namespace govperf::store {

Result<core::YearData> LoadYearDataForScoring(Store& store, int year) {
  auto data = store.LoadYearData(year);
  if (!data.ok()) return data.status();
  auto years = store.ListYears();
  if (!years.ok()) return years.status();
  bool has_previous = false;
  for (const auto& y : *years) has_previous = has_previous || y.year == year - 1;
  if (!has_previous) return data;
  auto previous = store.LoadYearData(year - 1);
  if (!previous.ok()) return previous.status();
  const std::string period = std::to_string(year - 1);
  for (auto& d : previous->values) {
    if (d.period == period) data->values.push_back(std::move(d));
  }
  return data;
}

}  // namespace govperf::store
