// A year's observations: values, component scores, adjustments, inputs.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "core/period.h"
#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

Result<SchemeIndex> SqliteStore::LoadIndexLocked(int year) {
  SchemeIndex idx;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, category_id FROM units WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      idx.unit_category[q.Text(0)] = q.Text(1);
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, parent_id, category_ids, unit_ids FROM "
                                        "indicators WHERE year = ?"));
    q.Bind(1, year);
    std::set<std::string> parents;
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      idx.indicators.insert(q.Text(0));
      parents.insert(q.Text(1));
      SchemeIndex::Leaf leaf;
      for (auto& c : JsonStrings(q.Text(2))) leaf.category_ids.insert(std::move(c));
      for (auto& u : JsonStrings(q.Text(3))) leaf.unit_ids.insert(std::move(u));
      idx.leaves.emplace(q.Text(0), std::move(leaf));
    }
    for (const auto& p : parents) idx.leaves.erase(p);
  }
  return idx;
}

Status SqliteStore::CheckDatum(const SchemeIndex& idx, int year, const core::Datum& d,
                               const std::string& where) {
  const std::string y = std::to_string(year);
  if (idx.indicators.count(d.indicator_id) == 0) {
    return Status::NotFound(where + "indicator_id: unknown indicator " + Quote(d.indicator_id) +
                            " in year " + y);
  }
  auto unit = idx.unit_category.find(d.unit_id);
  if (unit == idx.unit_category.end()) {
    return Status::NotFound(where + "unit_id: unknown unit " + Quote(d.unit_id) + " in year " + y);
  }
  auto leaf = idx.leaves.find(d.indicator_id);
  if (leaf == idx.leaves.end()) {
    return Status::Invalid(where + "indicator_id: " + Quote(d.indicator_id) +
                           " is not a leaf; only leaves take values");
  }
  // The core's rule (core/evaluate.cc AppliesTo): unit_ids when given, else
  // the unit's category must be listed; a leaf with neither applies to no unit.
  const auto& l = leaf->second;
  const bool applies = !l.unit_ids.empty() ? l.unit_ids.count(d.unit_id) > 0
                                           : l.category_ids.count(unit->second) > 0;
  if (!applies) {
    return Status::Invalid(where + "unit_id: indicator " + Quote(d.indicator_id) +
                           " does not apply to unit " + Quote(d.unit_id));
  }
  if (!core::ParsePeriodOfYear(d.period, year, /*allow_previous_year_end=*/false).ok()) {
    return Status::Invalid(where + "period: " + Quote(d.period) + " is not \"" + y + "\" or \"" +
                           y + "-MM\"");
  }
  if (d.value && !Finite(*d.value)) return Status::Invalid(where + "value: not a finite number");
  if (d.no_data && d.value) {
    return Status::Invalid(where + "value: a datum declared no_data cannot carry a value");
  }
  return Status::Ok();
}

Result<std::vector<core::Adjustment>> SqliteStore::LoadAdjustmentsLocked(int year) {
  std::vector<core::Adjustment> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT id, unit_id, kind, points, veto_effect, reason_zh, reason_en, "
                      "evidence, entered_by, approved_by FROM adjustments WHERE year = ? "
                      "ORDER BY ord"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    core::Adjustment a;
    a.id = q.Text(0);
    a.unit_id = q.Text(1);
    auto kind = core::ParseAdjustmentKind(q.Text(2));
    auto effect = ParseVetoEffect(q.Text(4));
    if (!kind || !effect) return Status::Internal("adjustments." + a.id + ": bad kind or effect");
    a.kind = *kind;
    a.points = q.Real(3);
    a.veto_effect = *effect;
    a.reason_zh = q.Text(5);
    a.reason_en = q.Text(6);
    a.evidence = q.Text(7);
    a.entered_by = q.Text(8);
    a.approved_by = q.Text(9);
    out.push_back(std::move(a));
  }
  return out;
}

Result<core::YearData> SqliteStore::LoadYearDataLocked(int year, bool with_values) {
  core::YearData d;
  if (with_values) {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT indicator_id, unit_id, period, value, no_data, entered_by, "
                        "approved_by, note FROM data_values WHERE year = ? ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      d.values.push_back(core::Datum{q.Text(0), q.Text(1), q.Text(2), q.OptReal(3), q.Int(4) != 0,
                                     q.Text(5), q.Text(6), q.Text(7)});
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, satisfaction, leadership, "
                                        "satisfaction_se FROM component_scores WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      if (auto v = q.OptReal(1)) d.satisfaction[q.Text(0)] = *v;
      if (auto v = q.OptReal(2)) d.leadership[q.Text(0)] = *v;
      if (auto v = q.OptReal(3)) d.satisfaction_se[q.Text(0)] = *v;
    }
  }
  {
    Result<std::vector<core::Adjustment>> adjustments = LoadAdjustmentsLocked(year);
    if (!adjustments.ok()) return adjustments.status();
    d.adjustments = std::move(adjustments).value();
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT unit_id, name, value FROM unit_inputs WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      d.inputs[q.Text(0)][q.Text(1)] = q.Real(2);
    }
  }
  return d;
}

Result<std::string> SqliteStore::YearDataSummaryLocked(int year) {
  Result<core::YearData> head = LoadYearDataLocked(year, /*with_values=*/false);
  if (!head.ok()) return head.status();
  YearDataDigest digest;
  digest.Head(*head);
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT indicator_id, unit_id, period, value, no_data, entered_by, "
                      "approved_by, note FROM data_values WHERE year = ? ORDER BY ord"));
  q.Bind(1, year);
  core::Datum d;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    d = core::Datum{q.Text(0),     q.Text(1), q.Text(2), q.OptReal(3),
                    q.Int(4) != 0, q.Text(5), q.Text(6), q.Text(7)};
    digest.Value(d);
  }
  const YearDataDigest::Counts counts = digest.counts();
  std::string hash = digest.Finish();
  if (counts.values == 0 && head->satisfaction.empty() && head->leadership.empty() &&
      head->adjustments.empty() && head->inputs.empty()) {
    return std::string();
  }
  return YearDataSummaryJson(counts, hash);
}

Result<core::YearData> SqliteStore::LoadYearData(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<core::YearData> out = Status::Internal("unset");
  Status st = db_->ReadTxn([&]() -> Status {
    Result<std::optional<YearInfo>> y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) return Status::NotFound("year " + std::to_string(year));
    out = LoadYearDataLocked(year);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

Result<ComponentScores> SqliteStore::LoadComponentScores(int year, const std::string& unit_id) {
  std::lock_guard<std::mutex> lock(mu_);
  ComponentScores out;
  out.unit_id = unit_id;
  Status st = db_->ReadTxn([&]() -> Status {
    Result<std::optional<YearInfo>> y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (!y->has_value()) {
      return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
    }
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT satisfaction, satisfaction_se, leadership FROM "
                                        "component_scores WHERE year = ? AND unit_id = ?"));
    q.Bind(1, year).Bind(2, unit_id);
    GOVPERF_STEP(found, q);
    if (found) {
      out.satisfaction = q.OptReal(0);
      out.satisfaction_se = q.OptReal(1);
      out.leadership = q.OptReal(2);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status CheckScore(const std::map<std::string, double>& m, const SchemeIndex& idx,
                  const char* field) {
  constexpr double kMaxScore = 100;
  for (const auto& [unit, v] : m) {
    const std::string row = std::string(field) + "[" + unit + "]";
    if (idx.unit_category.count(unit) == 0)
      return Status::NotFound(row + ": unknown unit " + Quote(unit));
    if (!Finite(v) || v < 0 || v > kMaxScore) return Status::Invalid(row + ": must be 0..100");
  }
  return Status::Ok();
}

Status SqliteStore::SaveYearDataTx(const Actor& actor, int year, const core::YearData& data) {
  {
    const std::string y = std::to_string(year);
    Result<std::optional<YearInfo>> yi = FindYearLocked(year);
    if (!yi.ok()) return yi.status();
    if (!yi->has_value()) return Status::NotFound("year " + y);
    Result<bool> has = HasSchemeLocked(year);
    if (!has.ok()) return has.status();
    if (!*has) return FailedPrecondition("year " + y + " has no scheme");
    GOVPERF_RETURN_IF_ERROR(CheckStageAndBump(actor, year, core::YearWrite::kValues));
    Result<SchemeIndex> idx = LoadIndexLocked(year);
    if (!idx.ok()) return idx.status();

    // I2: validate everything before the first change. The first bad row in
    // input order is reported: a row that fails its own checks, or a key seen
    // in an earlier row. Duplicates are found by sorting row numbers, not by
    // a set of key copies (a province year has millions of rows).
    const auto where = [](size_t i) { return "values[" + std::to_string(i) + "]."; };
    size_t bad_row = data.values.size();
    Status bad = Status::Ok();
    for (size_t i = 0; i < data.values.size(); ++i) {
      if (!CheckDatum(*idx, year, data.values[i], "").ok()) {
        bad_row = i;
        bad = CheckDatum(*idx, year, data.values[i], where(i));  // the message with its row
        break;
      }
    }
    {
      const auto key = [&](size_t i) {
        const core::Datum& d = data.values[i];
        return std::tie(d.indicator_id, d.unit_id, d.period);
      };
      std::vector<size_t> rows(data.values.size());
      for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
      std::sort(rows.begin(), rows.end(),
                [&](size_t a, size_t b) { return key(a) != key(b) ? key(a) < key(b) : a < b; });
      for (size_t k = 1; k < rows.size(); ++k) {
        if (rows[k] < bad_row && key(rows[k]) == key(rows[k - 1])) {
          const core::Datum& d = data.values[rows[k]];
          bad_row = rows[k];
          bad = Status::Invalid(where(rows[k]) + "period: duplicate value for " + d.indicator_id +
                                "/" + d.unit_id + "/" + d.period);
        }
      }
    }
    if (!bad.ok()) return bad;
    GOVPERF_RETURN_IF_ERROR(CheckScore(data.satisfaction, *idx, "satisfaction"));
    GOVPERF_RETURN_IF_ERROR(CheckScore(data.leadership, *idx, "leadership"));
    std::set<std::string> adj_ids;
    for (size_t i = 0; i < data.adjustments.size(); ++i) {
      const auto& a = data.adjustments[i];
      const std::string row = "adjustments[" + std::to_string(i) + "]";
      if (a.id.empty()) return Status::Invalid(row + ".id: empty");
      if (!adj_ids.insert(a.id).second)
        return Status::Invalid(row + ".id: duplicate " + Quote(a.id));
      if (idx->unit_category.count(a.unit_id) == 0) {
        return Status::NotFound(row + ".unit_id: unknown unit " + Quote(a.unit_id) + " in year " +
                                y);
      }
      if (!Finite(a.points) || a.points < 0) {
        return Status::Invalid(row + ".points: must be a non-negative number");
      }
    }
    for (const auto& [unit, named] : data.inputs) {
      if (idx->unit_category.count(unit) == 0) {
        return Status::NotFound("inputs[" + unit + "]: unknown unit " + Quote(unit));
      }
      for (const auto& [name, v] : named) {
        if (name.empty()) return Status::Invalid("inputs[" + unit + "]: empty input name");
        if (!Finite(v) || v < 0) {
          return Status::Invalid("inputs[" + unit + "][" + name +
                                 "]: must be a non-negative number");
        }
      }
    }

    // The before-image is hashed as it is read: never the whole year in memory.
    Result<std::string> before = YearDataSummaryLocked(year);
    if (!before.ok()) return before.status();
    for (const char* table : {"data_values", "component_scores", "adjustments", "unit_inputs"}) {
      GOVPERF_ASSIGN_STMT(del,
                          db_->Prepare(std::string("DELETE FROM ") + table + " WHERE year = ?"));
      del.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(del.Run());
    }
    const std::string now = NowIso();
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO data_values (year, indicator_id, unit_id, period, ord, "
                            "value, no_data, entered_by, approved_by, note, updated_at) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < data.values.size(); ++i) {
        const auto& d = data.values[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, d.indicator_id).Bind(3, d.unit_id).Bind(4, d.period);
        ins.Bind(5, static_cast<int64_t>(i)).Bind(6, d.value).Bind(7, d.no_data);
        ins.Bind(8, d.entered_by).Bind(9, d.approved_by).Bind(10, d.note).Bind(11, now);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      struct Scores {
        std::optional<double> satisfaction, leadership, satisfaction_se;
      };
      std::map<std::string, Scores> scores;
      for (const auto& [u, v] : data.satisfaction) scores[u].satisfaction = v;
      for (const auto& [u, v] : data.leadership) scores[u].leadership = v;
      for (const auto& [u, v] : data.satisfaction_se) scores[u].satisfaction_se = v;
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO component_scores (year, unit_id, "
                                            "satisfaction, leadership, satisfaction_se) "
                                            "VALUES (?, ?, ?, ?, ?)"));
      for (const auto& [u, sl] : scores) {
        ins.Reset();
        ins.Bind(1, year).Bind(2, u).Bind(3, sl.satisfaction).Bind(4, sl.leadership);
        ins.Bind(5, sl.satisfaction_se);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO adjustments (year, id, ord, unit_id, kind, points, "
                            "veto_effect, reason_zh, reason_en, evidence, entered_by, "
                            "approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < data.adjustments.size(); ++i) {
        const auto& a = data.adjustments[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, a.id).Bind(3, static_cast<int64_t>(i)).Bind(4, a.unit_id);
        ins.Bind(5, core::AdjustmentKindName(a.kind)).Bind(6, a.points);
        ins.Bind(7, VetoEffectName(a.veto_effect)).Bind(8, a.reason_zh).Bind(9, a.reason_en);
        ins.Bind(10, a.evidence).Bind(11, a.entered_by).Bind(12, a.approved_by);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO unit_inputs (year, unit_id, name, value) "
                                            "VALUES (?, ?, ?, ?)"));
      for (const auto& [unit, named] : data.inputs) {
        for (const auto& [name, v] : named) {
          ins.Reset();
          ins.Bind(1, year).Bind(2, unit).Bind(3, name).Bind(4, v);
          GOVPERF_RETURN_IF_ERROR(ins.Run());
        }
      }
    }
    // I5: one summary record, not one per row (see docs/design/store.md).
    return AppendAudit(actor, "year_data.save", "year_data:" + y, *before,
                       YearDataSummaryJson(data, YearDataContentHash(data)));
  }
}

Status SqliteStore::PutDatumTx(const Actor& actor, int year, const core::Datum& datum) {
  {
    const std::string y = std::to_string(year);
    Result<std::optional<YearInfo>> yi = FindYearLocked(year);
    if (!yi.ok()) return yi.status();
    if (!yi->has_value()) return Status::NotFound("year: unknown year " + y);
    GOVPERF_RETURN_IF_ERROR(
        CheckStageAndBump(actor, year, core::YearWrite::kValues,
                          {"datum", datum.indicator_id, datum.unit_id, datum.period}));
    Result<SchemeIndex> idx = LoadIndexLocked(year);
    if (!idx.ok()) return idx.status();
    GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, year, datum, ""));

    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT value, no_data, entered_by, approved_by, note FROM data_values "
                        "WHERE year = ? AND indicator_id = ? AND unit_id = ? AND period = ?"));
    q.Bind(1, year).Bind(2, datum.indicator_id).Bind(3, datum.unit_id).Bind(4, datum.period);
    GOVPERF_STEP(exists, q);
    std::string before;
    if (exists) {
      before =
          DatumAuditJson(core::Datum{datum.indicator_id, datum.unit_id, datum.period, q.OptReal(0),
                                     q.Int(1) != 0, q.Text(2), q.Text(3), q.Text(4)});
      GOVPERF_ASSIGN_STMT(
          up, db_->Prepare("UPDATE data_values SET value = ?, no_data = ?, entered_by = ?, "
                           "approved_by = ?, note = ?, updated_at = ? WHERE year = ? AND "
                           "indicator_id = ? AND unit_id = ? AND period = ?"));
      up.Bind(1, datum.value).Bind(2, datum.no_data).Bind(3, datum.entered_by);
      up.Bind(4, datum.approved_by).Bind(5, datum.note).Bind(6, NowIso()).Bind(7, year);
      up.Bind(8, datum.indicator_id).Bind(9, datum.unit_id).Bind(10, datum.period);
      GOVPERF_RETURN_IF_ERROR(up.Run());
    } else {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO data_values (year, indicator_id, unit_id, period, ord, "
                            "value, no_data, entered_by, approved_by, note, updated_at) SELECT "
                            "?, ?, ?, ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ?, ?, ?, ? FROM "
                            "data_values WHERE year = ?"));
      ins.Bind(1, year).Bind(2, datum.indicator_id).Bind(3, datum.unit_id).Bind(4, datum.period);
      ins.Bind(5, datum.value).Bind(6, datum.no_data).Bind(7, datum.entered_by);
      ins.Bind(8, datum.approved_by).Bind(9, datum.note).Bind(10, NowIso()).Bind(11, year);
      GOVPERF_RETURN_IF_ERROR(ins.Run());
    }
    return AppendAudit(
        actor, "datum.put",
        "datum:" + y + "/" + datum.indicator_id + "/" + datum.unit_id + "/" + datum.period, before,
        DatumAuditJson(datum));
  }
}

namespace {

// The unit must be in the year's scheme. REQUIRES: an open transaction.
Status CheckUnitInYear(const SchemeIndex& idx, int year, const std::string& unit_id) {
  if (idx.unit_category.count(unit_id) == 0) {
    return Status::NotFound("unit_id: unknown unit " + Quote(unit_id) + " in year " +
                            std::to_string(year))
        .Field("unit_id")
        .Zh("unit_id：" + std::to_string(year) + " 年度没有单位 " + Quote(unit_id));
  }
  return Status::Ok();
}

json OptJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

Status SqliteStore::PutComponentScoresTx(const Actor& actor, int year, const ComponentScores& s) {
  constexpr double kMaxScore = 100;
  constexpr double kMaxSe = 50;
  const auto check = [](const std::optional<double>& v, const char* field, double max) {
    if (v && (!Finite(*v) || *v < 0 || *v > max)) {
      return Status::Invalid(std::string(field) + ": must be a number in 0.." +
                             std::to_string(static_cast<int>(max)))
          .Field(field)
          .Zh(std::string(field) + "：应为 0–" + std::to_string(static_cast<int>(max)) + " 的数");
    }
    return Status::Ok();
  };
  GOVPERF_RETURN_IF_ERROR(check(s.satisfaction, "satisfaction", kMaxScore));
  GOVPERF_RETURN_IF_ERROR(check(s.satisfaction_se, "satisfaction_se", kMaxSe));
  GOVPERF_RETURN_IF_ERROR(check(s.leadership, "leadership", kMaxScore));
  GOVPERF_RETURN_IF_ERROR(
      CheckStageAndBump(actor, year, core::YearWrite::kScores, {"scores", "", s.unit_id, ""}));
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  GOVPERF_RETURN_IF_ERROR(CheckUnitInYear(*idx, year, s.unit_id));
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT satisfaction, satisfaction_se, leadership FROM "
                                      "component_scores WHERE year = ? AND unit_id = ?"));
  q.Bind(1, year).Bind(2, s.unit_id);
  GOVPERF_STEP(exists, q);
  std::string before;
  if (exists) {
    before = json{{"satisfaction", OptJson(q.OptReal(0))},
                  {"satisfaction_se", OptJson(q.OptReal(1))},
                  {"leadership", OptJson(q.OptReal(2))}}
                 .dump();
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO component_scores (year, unit_id, satisfaction, leadership, "
                       "satisfaction_se) VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, unit_id) DO "
                       "UPDATE SET satisfaction = excluded.satisfaction, leadership = "
                       "excluded.leadership, satisfaction_se = excluded.satisfaction_se"));
  up.Bind(1, year).Bind(2, s.unit_id).Bind(3, s.satisfaction).Bind(4, s.leadership);
  up.Bind(5, s.satisfaction_se);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  const json after{{"satisfaction", OptJson(s.satisfaction)},
                   {"satisfaction_se", OptJson(s.satisfaction_se)},
                   {"leadership", OptJson(s.leadership)}};
  return AppendAudit(actor, "scores.put", "scores:" + std::to_string(year) + "/" + s.unit_id,
                     before, after.dump());
}

Status SqliteStore::PutUnitInputsTx(const Actor& actor, int year, const std::string& unit_id,
                                    const std::map<std::string, double>& inputs) {
  for (const auto& [name, v] : inputs) {
    const std::string field = "inputs." + name;
    if (name.empty()) return Status::Invalid("inputs: empty input name").Field("inputs");
    if (!Finite(v) || v < 0) {
      return Status::Invalid(field + ": must be a non-negative number")
          .Field(field)
          .Zh(field + "：应为非负数");
    }
  }
  GOVPERF_RETURN_IF_ERROR(
      CheckStageAndBump(actor, year, core::YearWrite::kInputs, {"inputs", "", unit_id, ""}));
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  GOVPERF_RETURN_IF_ERROR(CheckUnitInYear(*idx, year, unit_id));
  json before = json::object();
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT name, value FROM unit_inputs WHERE year = ? AND unit_id = ?"));
    q.Bind(1, year).Bind(2, unit_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      before[q.Text(0)] = q.Real(1);
    }
  }
  GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM unit_inputs WHERE year = ? AND unit_id = ?"));
  del.Bind(1, year).Bind(2, unit_id);
  GOVPERF_RETURN_IF_ERROR(del.Run());
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO unit_inputs (year, unit_id, name, value) "
                                        "VALUES (?, ?, ?, ?)"));
  for (const auto& [name, v] : inputs) {
    ins.Reset();
    ins.Bind(1, year).Bind(2, unit_id).Bind(3, name).Bind(4, v);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  return AppendAudit(actor, "inputs.put", "inputs:" + std::to_string(year) + "/" + unit_id,
                     before.empty() ? "" : before.dump(), json(inputs).dump());
}

Status SqliteStore::PutAdjustmentTx(const Actor& actor, int year, const core::Adjustment& a) {
  if (a.id.empty()) return Status::Invalid("id: empty").Field("id");
  if (!Finite(a.points) || a.points < 0) {
    return Status::Invalid("points: must be a non-negative number").Field("points");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageAndBump(actor, year, core::YearWrite::kAdjustments,
                                            {"adjustments", "", a.unit_id, ""}));
  Result<SchemeIndex> idx = LoadIndexLocked(year);
  if (!idx.ok()) return idx.status();
  GOVPERF_RETURN_IF_ERROR(CheckUnitInYear(*idx, year, a.unit_id));
  std::string before;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, kind, points, veto_effect, reason_zh, "
                                        "reason_en, evidence, entered_by, approved_by FROM "
                                        "adjustments WHERE year = ? AND id = ?"));
    q.Bind(1, year).Bind(2, a.id);
    GOVPERF_STEP(exists, q);
    if (exists) {
      core::Adjustment old;
      old.id = a.id;
      old.unit_id = q.Text(0);
      old.kind = core::ParseAdjustmentKind(q.Text(1)).value_or(core::AdjustmentKind::kBonus);
      old.points = q.Real(2);
      old.veto_effect = ParseVetoEffect(q.Text(3)).value_or(core::VetoEffect::kCapQualified);
      old.reason_zh = q.Text(4);
      old.reason_en = q.Text(5);
      old.evidence = q.Text(6);
      old.entered_by = q.Text(7);
      old.approved_by = q.Text(8);
      before = AdjustmentAuditJson(old);
    }
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare(
              "INSERT INTO adjustments (year, id, ord, unit_id, kind, points, "
              "veto_effect, reason_zh, reason_en, evidence, entered_by, approved_by) "
              "SELECT ?, ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM "
              "adjustments WHERE year = ? AND true ON CONFLICT (year, id) DO UPDATE SET unit_id = "
              "excluded.unit_id, kind = excluded.kind, points = excluded.points, "
              "veto_effect = excluded.veto_effect, reason_zh = excluded.reason_zh, "
              "reason_en = excluded.reason_en, evidence = excluded.evidence, "
              "entered_by = excluded.entered_by, approved_by = excluded.approved_by"));
  up.Bind(1, year).Bind(2, a.id).Bind(3, a.unit_id).Bind(4, core::AdjustmentKindName(a.kind));
  up.Bind(5, a.points).Bind(6, VetoEffectName(a.veto_effect)).Bind(7, a.reason_zh);
  up.Bind(8, a.reason_en).Bind(9, a.evidence).Bind(10, a.entered_by).Bind(11, a.approved_by);
  up.Bind(12, year);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "adjustment.put", "adjustment:" + std::to_string(year) + "/" + a.id,
                     before, AdjustmentAuditJson(a));
}

Status SqliteStore::DeleteAdjustmentTx(const Actor& actor, int year, const std::string& id) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kAdjustments));
  // Only the adjustments: loading the whole year's data would read millions
  // of values in a province-size year.
  Result<std::vector<core::Adjustment>> adjustments = LoadAdjustmentsLocked(year);
  if (!adjustments.ok()) return adjustments.status();
  const core::Adjustment* found = nullptr;
  for (const auto& a : *adjustments) {
    if (a.id == id) found = &a;
  }
  if (!found) {
    return Status::NotFound("id: no adjustment " + Quote(id) + " in year " + std::to_string(year))
        .Field("id");
  }
  GOVPERF_RETURN_IF_ERROR(BumpVersion(year, {"adjustments", "", found->unit_id, ""}));
  GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM adjustments WHERE year = ? AND id = ?"));
  del.Bind(1, year).Bind(2, id);
  GOVPERF_RETURN_IF_ERROR(del.Run());
  return AppendAudit(actor, "adjustment.delete", "adjustment:" + std::to_string(year) + "/" + id,
                     AdjustmentAuditJson(*found), "");
}

}  // namespace govperf::store::sqlite
