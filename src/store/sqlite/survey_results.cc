// 社会评价 computed satisfaction per unit and group (migration 0017): written
// whole when the office applies a survey's results, so the table always holds
// exactly the rows of the last apply. Stage rule: scores, on the survey's year
// (the same rule as the component scores the apply writes beside them).
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>

#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

nlohmann::json ResultNum(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// Canonical JSON of the rows (their audit hash), in (unit, group) order.
std::string ResultsCanonical(const std::vector<SurveyResultRow>& rows) {
  nlohmann::json a = nlohmann::json::array();
  for (const SurveyResultRow& r : rows) {
    a.push_back({r.unit_id, r.group_id, r.n, r.n_dont_know, ResultNum(r.score), ResultNum(r.se),
                 ResultNum(r.ci_low), ResultNum(r.ci_high), r.warning});
  }
  return a.dump();
}

Result<std::vector<SurveyResultRow>> ReadSurveyResults(Db& db, const std::string& survey_id) {
  GOVPERF_ASSIGN_STMT(
      q, db.Prepare("SELECT unit_id, group_id, n, n_dont_know, score, se, ci_low, ci_high, "
                    "warning, computed_at FROM survey_results WHERE survey_id = ? "
                    "ORDER BY unit_id, group_id"));
  q.Bind(1, survey_id);
  std::vector<SurveyResultRow> out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    SurveyResultRow r;
    r.unit_id = q.Text(0);
    r.group_id = q.Text(1);
    r.n = q.Int(2);
    r.n_dont_know = q.Int(3);
    r.score = q.OptReal(4);
    r.se = q.OptReal(5);
    r.ci_low = q.OptReal(6);
    r.ci_high = q.OptReal(7);
    r.warning = q.Text(8);
    r.computed_at = q.Int(9);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<SurveyResultRow>> SqliteStore::ListSurveyResults(const std::string& survey_id) {
  std::lock_guard<std::mutex> lock(mu_);
  return ReadSurveyResults(*db_, survey_id);
}

Status SqliteStore::PutSurveyResultsTx(const Actor& actor, const std::string& survey_id,
                                       const std::vector<SurveyResultRow>& given) {
  Result<int> survey_year = SurveyYearLocked(survey_id);
  if (!survey_year.ok()) return survey_year.status();
  const int year = *survey_year;
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kScores));
  std::vector<SurveyResultRow> rows = given;
  std::sort(rows.begin(), rows.end(), [](const SurveyResultRow& a, const SurveyResultRow& b) {
    return std::tie(a.unit_id, a.group_id) < std::tie(b.unit_id, b.group_id);
  });
  const auto bad_number = [](const std::optional<double>& v, double lo, double hi) {
    return v && (!std::isfinite(*v) || *v < lo || *v > hi);
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const SurveyResultRow& r = rows[i];
    const std::string at = "rows[" + r.unit_id + "/" + r.group_id + "]";
    if (r.unit_id.empty()) return Status::Invalid(at + ".unit_id: required").Field(at + ".unit_id");
    if (i > 0 && rows[i - 1].unit_id == r.unit_id && rows[i - 1].group_id == r.group_id) {
      return Status::Invalid(at + ": listed twice").Field(at);
    }
    if (r.n < 0 || r.n_dont_know < 0) {
      return Status::Invalid(at + ".n: counts must be >= 0").Field(at + ".n");
    }
    if (bad_number(r.score, 0, 100) || bad_number(r.ci_low, 0, 100) ||
        bad_number(r.ci_high, 0, 100) || bad_number(r.se, 0, 100)) {
      return Status::Invalid(at + ": score, se and interval must be numbers in 0..100")
          .Field(at + ".score");
    }
  }
  // The rows replaced, for the audit's before.
  std::string before_sha;
  int64_t before_count = 0;
  {
    auto old = ReadSurveyResults(*db_, survey_id);
    if (!old.ok()) return old.status();
    before_count = static_cast<int64_t>(old->size());
    if (before_count > 0) before_sha = Sha256Hex(ResultsCanonical(*old));
  }
  GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM survey_results WHERE survey_id = ?"));
  del.Bind(1, survey_id);
  GOVPERF_RETURN_IF_ERROR(del.Run());
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO survey_results (survey_id, unit_id, group_id, n, "
                        "n_dont_know, score, se, ci_low, ci_high, warning, computed_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const int64_t now = clock_.NowUnix();
  for (const SurveyResultRow& r : rows) {
    ins.Reset();
    ins.Bind(1, survey_id).Bind(2, r.unit_id).Bind(3, r.group_id).Bind(4, r.n);
    ins.Bind(5, r.n_dont_know).Bind(6, r.score).Bind(7, r.se).Bind(8, r.ci_low);
    ins.Bind(9, r.ci_high).Bind(10, r.warning).Bind(11, r.computed_at ? r.computed_at : now);
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  std::string before;
  if (before_count > 0) {
    before = nlohmann::json{{"rows", before_count}, {"content_sha256", before_sha}}.dump();
  }
  const nlohmann::json after{
      {"year", year}, {"rows", rows.size()}, {"content_sha256", Sha256Hex(ResultsCanonical(rows))}};
  return AppendAudit(actor, "survey.results", "survey:" + survey_id, before, after.dump());
}

// ---- which survey supplied each unit's satisfaction (migration 0018) ----

Result<std::vector<SatisfactionSource>> SqliteStore::ListSatisfactionSources(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT unit_id, COALESCE(survey_id, ''), applied_by, applied_at, source "
                      "FROM survey_satisfaction_sources WHERE year = ? ORDER BY unit_id"));
  q.Bind(1, year);
  std::vector<SatisfactionSource> out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Text(4)});
  }
  return out;
}

Status SqliteStore::SetSatisfactionSourcesTx(const Actor& actor, const std::string& survey_id,
                                             const std::vector<std::string>& given, bool replace) {
  Result<int> survey_year = SurveyYearLocked(survey_id);
  if (!survey_year.ok()) return survey_year.status();
  const int year = *survey_year;
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kScores));
  const std::set<std::string> units(given.begin(), given.end());
  // Units another survey of the year supplied, or the office entered by
  // hand (migration 0019): other survey ('' = hand-entered) → its units.
  std::map<std::string, std::vector<std::string>> taken;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT unit_id, COALESCE(survey_id, '') FROM "
                                        "survey_satisfaction_sources WHERE year = ? AND "
                                        "(source = 'manual' OR survey_id <> ?) ORDER BY unit_id"));
    q.Bind(1, year).Bind(2, survey_id);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      if (units.count(q.Text(0))) taken[q.Text(1)].push_back(q.Text(0));
    }
  }
  if (!taken.empty() && !replace) {
    // Name the first few units of each other survey: enough to recognise
    // the clash (a category surveyed twice) without a wall of ids.
    constexpr size_t kNamed = 5;
    std::string en, zh;
    for (const auto& [other, list] : taken) {
      std::string names;
      for (size_t i = 0; i < list.size() && i < kNamed; ++i) names += (i ? ", " : "") + list[i];
      if (list.size() > kNamed) names += " and " + std::to_string(list.size() - kNamed) + " more";
      std::string names_zh;
      for (size_t i = 0; i < list.size() && i < kNamed; ++i) names_zh += (i ? "、" : "") + list[i];
      if (list.size() > kNamed) names_zh += " 等 " + std::to_string(list.size()) + " 个单位";
      if (other.empty()) {
        en += (en.empty() ? "" : "; ") + names + " hand-entered";
        zh += (zh.empty() ? "" : "；") + names_zh + " 的满意度为手工录入";
      } else {
        en += (en.empty() ? "" : "; ") + names + " from survey '" + other + "'";
        zh += (zh.empty() ? "" : "；") + names_zh + " 的满意度来自调查 '" + other + "'";
      }
    }
    return Status::Precondition("replace: " + std::to_string(year) +
                                " satisfaction already applied for " + en +
                                "; apply with replace to replace it")
        .Field("replace")
        .Zh("replace：" + std::to_string(year) + " 年度 " + zh + "，如需以本调查替换请选择替换");
  }
  nlohmann::json replaced = nlohmann::json::object();
  for (const auto& [other, list] : taken) {
    for (const std::string& u : list) replaced[u] = other.empty() ? "manual" : other;
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO survey_satisfaction_sources (year, unit_id, source, "
                       "survey_id, applied_by, applied_at) VALUES (?, ?, 'survey', ?, ?, ?) "
                       "ON CONFLICT (year, unit_id) DO UPDATE SET source = 'survey', survey_id = "
                       "excluded.survey_id, applied_by = excluded.applied_by, applied_at = "
                       "excluded.applied_at"));
  const int64_t now = clock_.NowUnix();
  for (const std::string& u : units) {
    up.Reset();
    up.Bind(1, year).Bind(2, u).Bind(3, survey_id).Bind(4, actor.username).Bind(5, now);
    GOVPERF_RETURN_IF_ERROR(up.Run());
  }
  const nlohmann::json after{{"year", year},
                             {"units", std::vector<std::string>(units.begin(), units.end())}};
  if (replaced.empty()) {
    return AppendAudit(actor, "survey.satisfaction", "survey:" + survey_id, "", after.dump());
  }
  return AppendAudit(actor, "survey.satisfaction.replace", "survey:" + survey_id,
                     nlohmann::json{{"replaced", replaced}}.dump(), after.dump());
}

// ---- 手工录入 hand-entered satisfaction as a source (migration 0019) ----

Status SqliteStore::SetManualSatisfactionSourceTx(const Actor& actor, int year,
                                                  const std::string& unit_id, bool cleared,
                                                  bool replace) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kScores));
  if (unit_id.empty()) return Status::Invalid("unit_id: required").Field("unit_id");
  // The unit's current source: a survey's id, "" for a hand entry, none.
  std::optional<std::string> current;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(survey_id, '') FROM "
                                        "survey_satisfaction_sources WHERE year = ? AND "
                                        "unit_id = ?"));
    q.Bind(1, year).Bind(2, unit_id);
    GOVPERF_STEP(row, q);
    if (row) current = q.Text(0);
  }
  const bool from_survey = current && !current->empty();
  // Typing over a survey's score would leave the results pages showing the
  // survey's n and interval beside a number it did not produce.
  if (from_survey && !replace) {
    const std::string ys = std::to_string(year);
    return Status::Precondition("replace: " + unit_id + "'s " + ys +
                                " satisfaction was supplied by survey '" + *current +
                                "'; send replace to enter it by hand instead")
        .Field("replace")
        .Zh("replace：" + unit_id + " " + ys + " 年度满意度来自调查 '" + *current +
            "'，如需改为手工录入请选择替换");
  }
  const std::string entity = "satisfaction:" + std::to_string(year) + "/" + unit_id;
  if (cleared) {
    GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM survey_satisfaction_sources WHERE year = "
                                          "? AND unit_id = ?"));
    del.Bind(1, year).Bind(2, unit_id);
    GOVPERF_RETURN_IF_ERROR(del.Run());
  } else {
    GOVPERF_ASSIGN_STMT(
        up, db_->Prepare("INSERT INTO survey_satisfaction_sources (year, unit_id, source, "
                         "survey_id, applied_by, applied_at) VALUES (?, ?, 'manual', NULL, ?, ?) "
                         "ON CONFLICT (year, unit_id) DO UPDATE SET source = 'manual', survey_id "
                         "= NULL, applied_by = excluded.applied_by, applied_at = "
                         "excluded.applied_at"));
    up.Bind(1, year).Bind(2, unit_id).Bind(3, actor.username).Bind(4, clock_.NowUnix());
    GOVPERF_RETURN_IF_ERROR(up.Run());
  }
  const nlohmann::json after{
      {"year", year}, {"unit_id", unit_id}, {"source", cleared ? "none" : "manual"}};
  if (!from_survey) {
    return AppendAudit(actor, "satisfaction.manual", entity, "", after.dump());
  }
  return AppendAudit(actor, "satisfaction.manual.replace", entity,
                     nlohmann::json{{"survey_id", *current}}.dump(), after.dump());
}

}  // namespace govperf::store::sqlite
