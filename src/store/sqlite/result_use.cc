// 结果运用 result use: the grade → outcomes table of a year and the recorded
// applications (migration 0013).
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {

using nlohmann::json;

namespace {

json OptNumber(const std::optional<double>& v) { return v ? json(*v) : json(); }

json RuleJson(const ResultUseRule& r) {
  return json{{"grade", r.grade},
              {"bonus_coefficient", OptNumber(r.bonus_coefficient)},
              {"cadre", r.cadre},
              {"budget", r.budget},
              {"accountability", r.accountability}};
}

}  // namespace

Result<std::vector<ResultUseRule>> SqliteStore::LoadResultUseRules(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ResultUseRule> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT grade, bonus_coefficient, cadre, budget, "
                                      "accountability FROM result_use_rules WHERE year = ? "
                                      "ORDER BY ord"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Text(0), q.OptReal(1), q.Text(2), q.Text(3), q.Text(4)});
  }
  return out;
}

Result<std::vector<ResultUseRecord>> SqliteStore::ListResultUseRecords(int year,
                                                                       const std::string& unit_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ResultUseRecord> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT year, id, unit_id, kind, outcome, coefficient, reference, "
                      "decided_on, recorded_by, recorded_at FROM result_use_records WHERE "
                      "(? = 0 OR year = ?) AND (? = '' OR unit_id = ?) ORDER BY year, id"));
  q.Bind(1, year).Bind(2, year).Bind(3, unit_id).Bind(4, unit_id);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    ResultUseRecord r;
    r.year = static_cast<int>(q.Int(0));
    r.id = q.Int(1);
    r.unit_id = q.Text(2);
    r.kind = q.Text(3);
    r.outcome = q.Text(4);
    r.coefficient = q.OptReal(5);
    r.reference = q.Text(6);
    r.decided_on = q.Text(7);
    r.recorded_by = q.Text(8);
    r.recorded_at = q.Text(9);
    out.push_back(std::move(r));
  }
  return out;
}

Status SqliteStore::PutResultUseRulesTx(const Actor& actor, int year,
                                        const std::vector<ResultUseRule>& rules) {
  Result<std::optional<YearInfo>> y = FindYearLocked(year);
  if (!y.ok()) return y.status();
  if (!y->has_value())
    return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
  json before = json::array(), after = json::array();
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT grade, bonus_coefficient, cadre, budget, "
                                        "accountability FROM result_use_rules WHERE year = ? "
                                        "ORDER BY ord"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      before.push_back(RuleJson({q.Text(0), q.OptReal(1), q.Text(2), q.Text(3), q.Text(4)}));
    }
  }
  GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM result_use_rules WHERE year = ?"));
  del.Bind(1, year);
  GOVPERF_RETURN_IF_ERROR(del.Run());
  for (size_t i = 0; i < rules.size(); ++i) {
    const ResultUseRule& r = rules[i];
    if (r.grade.empty()) {
      return Status::Invalid("rules[" + std::to_string(i) + "].grade: empty").Field("grade");
    }
    if (r.bonus_coefficient && !Finite(*r.bonus_coefficient)) {
      return Status::Invalid("rules[" + std::to_string(i) + "].bonus_coefficient: not finite")
          .Field("bonus_coefficient");
    }
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO result_use_rules (year, ord, grade, "
                                          "bonus_coefficient, cadre, budget, accountability) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    ins.Bind(1, year)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, r.grade)
        .Bind(4, r.bonus_coefficient);
    ins.Bind(5, r.cadre).Bind(6, r.budget).Bind(7, r.accountability);
    Status st = ins.Run();
    if (!st.ok()) {
      return Status::Invalid("rules[" + std::to_string(i) + "].grade: '" + r.grade +
                             "' appears twice")
          .Field("grade");
    }
    after.push_back(RuleJson(r));
  }
  return AppendAudit(actor, "result_use.rules", "result_use:" + std::to_string(year), before.dump(),
                     after.dump());
}

Result<int64_t> SqliteStore::AddResultUseRecordTx(const Actor& actor, const ResultUseRecord& r) {
  Result<std::optional<YearInfo>> y = FindYearLocked(r.year);
  if (!y.ok()) return y.status();
  if (!y->has_value()) {
    return Status::NotFound("year: unknown year " + std::to_string(r.year)).Field("year");
  }
  if (r.unit_id.empty()) return Status::Invalid("unit_id: empty").Field("unit_id");
  if (r.kind.empty()) return Status::Invalid("kind: empty").Field("kind");
  if (r.outcome.empty()) return Status::Invalid("outcome: empty").Field("outcome");
  if (r.coefficient && !Finite(*r.coefficient)) {
    return Status::Invalid("coefficient: not finite").Field("coefficient");
  }
  int64_t id = 1;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM result_use_records "
                                        "WHERE year = ?"));
    q.Bind(1, r.year);
    GOVPERF_STEP(row, q);
    if (row) id = q.Int(0);
  }
  const std::string at = NowIso();
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO result_use_records (year, id, unit_id, kind, "
                                        "outcome, coefficient, reference, decided_on, "
                                        "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?)"));
  ins.Bind(1, r.year).Bind(2, id).Bind(3, r.unit_id).Bind(4, r.kind).Bind(5, r.outcome);
  ins.Bind(6, r.coefficient).Bind(7, r.reference).Bind(8, r.decided_on).Bind(9, actor.username);
  ins.Bind(10, at);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  const json after{{"unit_id", r.unit_id},     {"kind", r.kind},
                   {"outcome", r.outcome},     {"coefficient", OptNumber(r.coefficient)},
                   {"reference", r.reference}, {"decided_on", r.decided_on}};
  GOVPERF_RETURN_IF_ERROR(AppendAudit(
      actor, "result_use.record", "result_use:" + std::to_string(r.year) + "/" + std::to_string(id),
      "", after.dump()));
  return id;
}

}  // namespace govperf::store::sqlite
