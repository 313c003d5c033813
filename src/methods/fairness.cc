#include "methods/fairness.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "methods/dea.h"

namespace govperf::methods {

Result<FairnessReport> AnalyzeFairness(const core::Scheme& scheme, const core::YearData& data,
                                       const core::YearResult& result) {
  FairnessReport report;
  // Input names every unit with inputs reports.
  std::set<std::string> names;
  bool first = true;
  for (const auto& [unit, named] : data.inputs) {
    std::set<std::string> mine;
    for (const auto& [n, v] : named) mine.insert(n);
    if (first) {
      names = mine;
      first = false;
    } else {
      std::set<std::string> both;
      std::set_intersection(names.begin(), names.end(), mine.begin(), mine.end(),
                            std::inserter(both, both.begin()));
      names = both;
    }
  }
  report.input_names.assign(names.begin(), names.end());
  for (const auto& r : result.units) {
    UnitFairness f;
    f.unit_id = r.unit_id;
    f.category_id = r.category_id;
    f.total = r.total;
    f.rank = r.rank;
    if (auto it = data.inputs.find(r.unit_id); it != data.inputs.end()) f.inputs = it->second;
    report.units.push_back(std::move(f));
  }
  if (names.empty()) {
    report.notes.push_back("no resource inputs (budget, staff ...) recorded for this year");
    report.notes_zh.push_back("本年度未录入投入数据（预算、人员等）");
    return report;
  }
  for (const auto& cat : scheme.categories) {
    std::vector<size_t> members;
    for (size_t i = 0; i < report.units.size(); ++i) {
      const UnitFairness& f = report.units[i];
      if (f.category_id != cat.id || !(f.total > 0)) continue;
      bool ok = true;
      for (const auto& n : names) {
        auto v = f.inputs.find(n);
        ok = ok && v != f.inputs.end() && v->second > 0;
      }
      if (ok) members.push_back(i);
    }
    if (members.size() < 2) {
      report.notes.push_back("category " + cat.id +
                             ": fewer than 2 units with inputs, no efficiency");
      report.notes_zh.push_back("类别" + cat.id + "：有投入数据的单位少于2个，不计算效率");
      continue;
    }
    Matrix in, out;
    for (size_t i : members) {
      std::vector<double> row;
      for (const auto& n : names) row.push_back(report.units[i].inputs.at(n));
      in.push_back(std::move(row));
      out.push_back({report.units[i].total});
    }
    auto dea = Dea(in, out, Returns::kConstant, Orientation::kInput);
    if (!dea.ok())
      return Status::Internal("fairness, category " + cat.id + ": " + dea.status().message());
    for (size_t k = 0; k < members.size(); ++k) {
      UnitFairness& f = report.units[members[k]];
      f.efficiency = dea->efficiency[k];
      for (size_t j = 0; j < members.size(); ++j) {
        if (j != k && dea->lambdas[k][j] > 1e-9)
          f.benchmarks.push_back(report.units[members[j]].unit_id);
      }
    }
    for (size_t k = 0; k < members.size(); ++k) {
      int better = 0;
      for (size_t j = 0; j < members.size(); ++j) {
        better +=
            *report.units[members[j]].efficiency > *report.units[members[k]].efficiency + 1e-9;
      }
      report.units[members[k]].efficiency_rank = better + 1;
    }
  }
  return report;
}

}  // namespace govperf::methods
