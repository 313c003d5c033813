// The yearly scheme: load whole, save whole (replace).
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "store/audit_chain.h"
#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

Result<bool> SqliteStore::HasSchemeLocked(int year) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM schemes WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  return row;
}

Result<core::Scheme> SqliteStore::LoadSchemeLocked(int year) {
  Result<bool> has = HasSchemeLocked(year);
  if (!has.ok()) return has.status();
  if (!*has) return Status::NotFound("year " + std::to_string(year) + " has no scheme");
  core::Scheme s;
  s.year = year;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT id, name_zh, name_en, kind, w_indicator, w_satisfaction, "
                        "w_leadership, bonus_cap, deduction_cap FROM categories WHERE year = ? "
                        "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Category c;
      c.id = q.Text(0);
      c.name_zh = q.Text(1);
      c.name_en = q.Text(2);
      auto kind = core::ParseUnitKind(q.Text(3));
      if (!kind) return Status::Internal("categories." + c.id + ": bad kind " + q.Text(3));
      c.kind = *kind;
      c.weights = {q.Real(4), q.Real(5), q.Real(6)};
      c.bonus_cap = q.Real(7);
      c.deduction_cap = q.Real(8);
      s.categories.push_back(std::move(c));
    }
  }
  {
    std::map<std::string, size_t> pos;
    for (size_t i = 0; i < s.categories.size(); ++i) pos[s.categories[i].id] = i;
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT category_id, code, name_zh, name_en, min_score, max_share FROM "
                        "grade_levels WHERE year = ? ORDER BY category_id, ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      auto it = pos.find(q.Text(0));
      if (it == pos.end()) return Status::Internal("grade level of unknown category " + q.Text(0));
      s.categories[it->second].grades.push_back(
          core::GradeLevel{q.Text(1), q.Text(2), q.Text(3), q.Real(4), q.OptReal(5)});
    }
  }
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, category_id, parent_id, "
                                        "kind FROM units WHERE year = ? ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Unit u;
      u.id = q.Text(0);
      u.name_zh = q.Text(1);
      u.name_en = q.Text(2);
      u.category_id = q.Text(3);
      u.parent_id = q.Text(4);
      auto kind = core::ParseUnitKind(q.Text(5));
      if (!kind) return Status::Internal("units." + u.id + ": bad kind " + q.Text(5));
      u.kind = *kind;
      s.units.push_back(std::move(u));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q,
        db_->Prepare("SELECT id, parent_id, level, name_zh, name_en, points, direction, "
                     "unit_of_measure, method, params, lead_unit_id, type, orientations, "
                     "category_ids, unit_ids, cumulative, measurement_error, formula, data_source, "
                     "frequency, evidence_rules, content, criteria FROM indicators "
                     "WHERE year = ? "
                     "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      core::Indicator i;
      i.id = q.Text(0);
      i.parent_id = q.Text(1);
      i.level = static_cast<int>(q.Int(2));
      i.name_zh = q.Text(3);
      i.name_en = q.Text(4);
      i.points = q.Real(5);
      i.direction = q.Int(6) < 0 ? core::Direction::kLowerBetter : core::Direction::kHigherBetter;
      i.unit_of_measure = q.Text(7);
      i.method = q.Text(8);
      i.params = json::parse(q.Text(9)).get<std::map<std::string, double>>();
      i.lead_unit_id = q.Text(10);
      auto type = core::ParseIndicatorType(q.Text(11));
      if (!type) return Status::Internal("indicators." + i.id + ": bad type " + q.Text(11));
      i.type = *type;
      i.orientations = JsonStrings(q.Text(12));
      i.category_ids = JsonStrings(q.Text(13));
      i.unit_ids = JsonStrings(q.Text(14));
      i.cumulative = q.Int(15) != 0;
      i.measurement_error = q.Real(16);
      i.formula = q.Text(17);
      i.data_source = q.Text(18);
      i.frequency = q.Text(19);
      i.evidence_rules = q.Text(20);
      i.content = q.Text(21);
      i.criteria = q.Text(22);
      s.indicators.push_back(std::move(i));
    }
  }
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare("SELECT indicator_id, unit_id, value FROM targets WHERE year = ?"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      s.targets[{q.Text(0), q.Text(1)}] = q.Real(2);
    }
  }
  return s;
}

Result<core::Scheme> SqliteStore::LoadScheme(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<core::Scheme> out = Status::Internal("unset");
  Status st = db_->ReadTxn([&]() -> Status {
    out = LoadSchemeLocked(year);
    return out.status();
  });
  if (!st.ok()) return st;
  return out;
}

// Store-level structural checks: what the tables need to hold the scheme
// faithfully. Semantic rules (weights sum to 1, methods known, ...) belong to
// core::ValidateScheme, which callers run before saving.
Status CheckSchemeShape(const core::Scheme& s) {
  if (s.year < kMinYear || s.year > kMaxYear) {
    return Status::Invalid("year: " + std::to_string(s.year) + " out of range");
  }
  std::set<std::string> cats, units, inds;
  for (size_t i = 0; i < s.categories.size(); ++i) {
    const auto& c = s.categories[i];
    const std::string row = "categories[" + std::to_string(i) + "]";
    if (c.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!cats.insert(c.id).second) return Status::Invalid(row + ".id: duplicate " + Quote(c.id));
    for (double v : {c.weights.indicator, c.weights.satisfaction, c.weights.leadership, c.bonus_cap,
                     c.deduction_cap}) {
      if (!Finite(v)) return Status::Invalid(row + ": weights and caps must be finite");
    }
    for (size_t g = 0; g < c.grades.size(); ++g) {
      const auto& gl = c.grades[g];
      const std::string grow = row + ".grades[" + std::to_string(g) + "]";
      if (gl.code.empty()) return Status::Invalid(grow + ".code: empty");
      if (!Finite(gl.min_score) || (gl.max_share && !Finite(*gl.max_share))) {
        return Status::Invalid(grow + ": min_score and max_share must be finite");
      }
    }
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const auto& u = s.units[i];
    const std::string row = "units[" + std::to_string(i) + "]";
    if (u.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!units.insert(u.id).second) return Status::Invalid(row + ".id: duplicate " + Quote(u.id));
    if (cats.count(u.category_id) == 0) {
      return Status::Invalid(row + ".category_id: unknown category " + Quote(u.category_id));
    }
  }
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& ind = s.indicators[i];
    const std::string row = "indicators[" + std::to_string(i) + "]";
    if (ind.id.empty()) return Status::Invalid(row + ".id: empty");
    if (!inds.insert(ind.id).second) {
      return Status::Invalid(row + ".id: duplicate " + Quote(ind.id));
    }
    if (!Finite(ind.points)) return Status::Invalid(row + ".points: not finite");
    for (const auto& [k, v] : ind.params) {
      if (!Finite(v)) return Status::Invalid(row + ".params." + k + ": not finite");
    }
  }
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& ind = s.indicators[i];
    if (!ind.parent_id.empty() && inds.count(ind.parent_id) == 0) {
      return Status::Invalid("indicators[" + std::to_string(i) + "].parent_id: unknown indicator " +
                             Quote(ind.parent_id));
    }
  }
  for (const auto& [key, v] : s.targets) {
    const std::string row = "targets[" + key.first + "," + key.second + "]";
    if (inds.count(key.first) == 0)
      return Status::Invalid(row + ": unknown indicator " + Quote(key.first));
    if (units.count(key.second) == 0)
      return Status::Invalid(row + ": unknown unit " + Quote(key.second));
    if (!Finite(v)) return Status::Invalid(row + ": not finite");
  }
  return Status::Ok();
}

// A scheme replacement must not strand observations of removed units or
// indicators. The deferred foreign keys would also refuse at COMMIT; this
// check names the row instead of "FOREIGN KEY constraint failed".
Status SqliteStore::CheckNoOrphans(int year) {
  struct Probe {
    const char* sql;
    const char* what;
  };
  static const Probe kProbes[] = {
      {"SELECT indicator_id FROM data_values d WHERE year = ? AND NOT EXISTS (SELECT 1 FROM "
       "indicators i WHERE i.year = d.year AND i.id = d.indicator_id) LIMIT 1",
       "indicator"},
      {"SELECT unit_id FROM data_values d WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = d.year AND u.id = d.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM component_scores c WHERE year = ? AND NOT EXISTS (SELECT 1 FROM "
       "units u WHERE u.year = c.year AND u.id = c.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM adjustments a WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = a.year AND u.id = a.unit_id) LIMIT 1",
       "unit"},
      {"SELECT unit_id FROM unit_inputs a WHERE year = ? AND NOT EXISTS (SELECT 1 FROM units u "
       "WHERE u.year = a.year AND u.id = a.unit_id) LIMIT 1",
       "unit"},
  };
  for (const Probe& p : kProbes) {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(p.sql));
    q.Bind(1, year);
    GOVPERF_STEP(row, q);
    if (row) {
      return FailedPrecondition(std::string("scheme removes ") + p.what + " " + Quote(q.Text(0)) +
                                " which has data in year " + std::to_string(year));
    }
  }
  return Status::Ok();
}

Status SqliteStore::SaveSchemeTx(const Actor& actor, const core::Scheme& s) {
  std::string before;
  const std::string hash = SchemeContentHash(s);
  GOVPERF_RETURN_IF_ERROR(WriteSchemeLocked(actor, s, core::YearWrite::kScheme, hash, &before));
  return AppendAudit(actor, "scheme.save", "scheme:" + std::to_string(s.year), before,
                     SchemeSummaryJson(s, hash));
}

Status SqliteStore::WriteSchemeLocked(const Actor& actor, const core::Scheme& s, core::YearWrite w,
                                      const std::string& content_hash,
                                      std::string* before_summary) {
  GOVPERF_RETURN_IF_ERROR(CheckSchemeShape(s));
  {
    const int year = s.year;
    Result<std::optional<YearInfo>> y = FindYearLocked(year);
    if (!y.ok()) return y.status();
    if (w == core::YearWrite::kScheme) {
      // A published scheme (指标体系已发布) is frozen: only an approved
      // adjustment request (a new version) changes it.
      Result<int> last = LastSchemeVersionLocked(year);
      if (!last.ok()) return last.status();
      if (*last > 0) {
        const std::string ys = std::to_string(year);
        return FailedPrecondition("scheme: the scheme of year " + ys + " is published (version " +
                                  std::to_string(*last) +
                                  ") and frozen: changes go through an adjustment request")
            .Field("scheme")
            .Zh(ys + " 年度考核方案已发布（第 " + std::to_string(*last) +
                " 版）并冻结，变更须走调整程序");
      }
    }
    if (!y->has_value()) {
      if (w != core::YearWrite::kScheme) {
        return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
      }
      // A scheme is drafted before the year starts: saving one creates the
      // year as a draft (recorded by this same audit record).
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO years (year, status, published_at, "
                                            "data_version) VALUES (?, 'draft', '', 1)"));
      ins.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(ins.Run());
    } else {
      GOVPERF_RETURN_IF_ERROR(CheckStageAndBump(actor, year, w));
      Result<bool> has = before_summary ? HasSchemeLocked(year) : Result<bool>(false);
      if (!has.ok()) return has.status();
      if (*has) {
        Result<core::Scheme> old = LoadSchemeLocked(year);
        if (!old.ok()) return old.status();
        *before_summary = SchemeSummaryJson(*old, SchemeContentHash(*old));
      }
    }
    for (const char* table : {"targets", "grade_levels", "indicators", "units", "categories"}) {
      GOVPERF_ASSIGN_STMT(del,
                          db_->Prepare(std::string("DELETE FROM ") + table + " WHERE year = ?"));
      del.Bind(1, year);
      GOVPERF_RETURN_IF_ERROR(del.Run());
    }
    {
      GOVPERF_ASSIGN_STMT(
          up, db_->Prepare("INSERT INTO schemes (year, saved_at, content_sha256) VALUES (?, ?, ?) "
                           "ON CONFLICT (year) DO UPDATE SET saved_at = excluded.saved_at, "
                           "content_sha256 = excluded.content_sha256"));
      up.Bind(1, year).Bind(2, NowIso()).Bind(3, content_hash);
      GOVPERF_RETURN_IF_ERROR(up.Run());
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO categories (year, id, ord, name_zh, name_en, kind, "
                            "w_indicator, w_satisfaction, w_leadership, bonus_cap, deduction_cap) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
      GOVPERF_ASSIGN_STMT(
          gins, db_->Prepare("INSERT INTO grade_levels (year, category_id, ord, code, name_zh, "
                             "name_en, min_score, max_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < s.categories.size(); ++i) {
        const auto& c = s.categories[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, c.id).Bind(3, static_cast<int64_t>(i)).Bind(4, c.name_zh);
        ins.Bind(5, c.name_en).Bind(6, core::UnitKindName(c.kind)).Bind(7, c.weights.indicator);
        ins.Bind(8, c.weights.satisfaction).Bind(9, c.weights.leadership).Bind(10, c.bonus_cap);
        ins.Bind(11, c.deduction_cap);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
        for (size_t g = 0; g < c.grades.size(); ++g) {
          const auto& gl = c.grades[g];
          gins.Reset();
          gins.Bind(1, year).Bind(2, c.id).Bind(3, static_cast<int64_t>(g)).Bind(4, gl.code);
          gins.Bind(5, gl.name_zh).Bind(6, gl.name_en).Bind(7, gl.min_score).Bind(8, gl.max_share);
          GOVPERF_RETURN_IF_ERROR(gins.Run());
        }
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO units (year, id, ord, name_zh, name_en, "
                                            "category_id, parent_id, kind) VALUES (?, ?, ?, ?, ?, "
                                            "?, ?, ?)"));
      for (size_t i = 0; i < s.units.size(); ++i) {
        const auto& u = s.units[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, u.id).Bind(3, static_cast<int64_t>(i)).Bind(4, u.name_zh);
        ins.Bind(5, u.name_en).Bind(6, u.category_id).Bind(7, u.parent_id);
        ins.Bind(8, core::UnitKindName(u.kind));
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(
          ins, db_->Prepare("INSERT INTO indicators (year, id, ord, parent_id, level, name_zh, "
                            "name_en, points, direction, unit_of_measure, method, params, "
                            "lead_unit_id, type, orientations, category_ids, unit_ids, cumulative, "
                            "measurement_error, formula, data_source, frequency, evidence_rules, "
                            "content, criteria) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?, ?)"));
      for (size_t i = 0; i < s.indicators.size(); ++i) {
        const auto& ind = s.indicators[i];
        ins.Reset();
        ins.Bind(1, year).Bind(2, ind.id).Bind(3, static_cast<int64_t>(i)).Bind(4, ind.parent_id);
        ins.Bind(5, ind.level).Bind(6, ind.name_zh).Bind(7, ind.name_en).Bind(8, ind.points);
        ins.Bind(9, static_cast<int>(ind.direction)).Bind(10, ind.unit_of_measure);
        ins.Bind(11, ind.method).Bind(12, json(ind.params).dump()).Bind(13, ind.lead_unit_id);
        ins.Bind(14, core::IndicatorTypeName(ind.type)).Bind(15, json(ind.orientations).dump());
        ins.Bind(16, json(ind.category_ids).dump()).Bind(17, json(ind.unit_ids).dump());
        ins.Bind(18, ind.cumulative ? 1 : 0).Bind(19, ind.measurement_error);
        ins.Bind(20, ind.formula).Bind(21, ind.data_source).Bind(22, ind.frequency);
        ins.Bind(23, ind.evidence_rules).Bind(24, ind.content).Bind(25, ind.criteria);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    {
      GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO targets (year, indicator_id, unit_id, "
                                            "value) VALUES (?, ?, ?, ?)"));
      for (const auto& [key, v] : s.targets) {
        ins.Reset();
        ins.Bind(1, year).Bind(2, key.first).Bind(3, key.second).Bind(4, v);
        GOVPERF_RETURN_IF_ERROR(ins.Run());
      }
    }
    return CheckNoOrphans(year);
  }
}

}  // namespace govperf::store::sqlite
