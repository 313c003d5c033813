// 年终考核 year-end assessment: self-evaluations and their scoring, spot
// checks, bonus / deduction / veto claims with expert opinions, and the
// leadership rating (form, assignments, ratings). None of these rows is a
// scoring input by itself: the use cases write the value, the adjustment or
// the leadership score through the existing writes in the same transaction,
// so these methods check the stage (CheckStageLocked) without a version bump.
#include <nlohmann/json.hpp>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

using nlohmann::json;

constexpr const char* kSelfColumns =
    "year, indicator_id, unit_id, value, no_data, text, submissions, submitted_by, submitted_at, "
    "scored, scored_value, scored_no_data, reason, earned, points, scored_by, scored_at";

SelfEvaluation SelfRow(const Stmt& q) {
  SelfEvaluation e;
  e.year = static_cast<int>(q.Int(0));
  e.indicator_id = q.Text(1);
  e.unit_id = q.Text(2);
  e.value = q.OptReal(3);
  e.no_data = q.Int(4) != 0;
  e.text = q.Text(5);
  e.submissions = static_cast<int>(q.Int(6));
  e.submitted_by = q.Text(7);
  e.submitted_at = q.Text(8);
  e.scored = q.Int(9) != 0;
  e.scored_value = q.OptReal(10);
  e.scored_no_data = q.Int(11) != 0;
  e.reason = q.Text(12);
  e.earned = q.OptReal(13);
  e.points = q.OptReal(14);
  e.scored_by = q.Text(15);
  e.scored_at = q.Text(16);
  return e;
}

json YeOptJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::string SelfJson(const SelfEvaluation& e) {
  return json{{"value", YeOptJson(e.value)},
              {"no_data", e.no_data},
              {"text", e.text},
              {"submissions", e.submissions},
              {"scored", e.scored},
              {"scored_value", YeOptJson(e.scored_value)},
              {"scored_no_data", e.scored_no_data},
              {"reason", e.reason},
              {"earned", YeOptJson(e.earned)}}
      .dump();
}

std::string SelfEntity(int year, const std::string& ind, const std::string& unit) {
  return "self_evaluation:" + std::to_string(year) + "/" + ind + "/" + unit;
}

bool YeFinite(const std::optional<double>& v) { return !v || std::isfinite(*v); }

Status YeBad(const std::string& field, const std::string& msg) {
  return Status::Invalid(field + ": " + msg).Field(field);
}

json SetupJson(const RatingSetup& s) {
  json dims = json::array(), levels = json::array(), leaders = json::array();
  for (const auto& d : s.dimensions) {
    dims.push_back(
        {{"id", d.id}, {"name_zh", d.name_zh}, {"name_en", d.name_en}, {"weight", d.weight}});
  }
  for (const auto& l : s.levels) {
    levels.push_back(
        {{"id", l.id}, {"name_zh", l.name_zh}, {"name_en", l.name_en}, {"weight", l.weight}});
  }
  for (const auto& a : s.leaders) {
    leaders.push_back({{"username", a.username}, {"level", a.level}, {"unit_ids", a.unit_ids}});
  }
  return {{"dimensions", dims},
          {"scale_min", s.scale_min},
          {"scale_max", s.scale_max},
          {"levels", levels},
          {"leaders", leaders}};
}

RatingSetup SetupFromJson(const json& j) {
  RatingSetup s;
  for (const auto& d : j.at("dimensions")) {
    s.dimensions.push_back({d.at("id"), d.at("name_zh"), d.at("name_en"), d.at("weight")});
  }
  s.scale_min = j.at("scale_min");
  s.scale_max = j.at("scale_max");
  for (const auto& l : j.at("levels")) {
    s.levels.push_back({l.at("id"), l.at("name_zh"), l.at("name_en"), l.at("weight")});
  }
  for (const auto& a : j.at("leaders")) {
    s.leaders.push_back(
        {a.at("username"), a.at("level"), a.at("unit_ids").get<std::vector<std::string>>()});
  }
  return s;
}

}  // namespace

// ---- self-evaluations ----

Result<std::vector<EvidenceRef>> SqliteStore::YearEndEvidenceLocked(int year,
                                                                    const std::string& subject) {
  std::vector<EvidenceRef> out;
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare("SELECT e.sha256, e.file_name, f.content_type, f.size, e.added_by, "
                      "e.added_at FROM year_end_evidence e JOIN evidence_files f ON f.sha256 = "
                      "e.sha256 WHERE e.year = ? AND e.subject = ? ORDER BY e.ord"));
  q.Bind(1, year).Bind(2, subject);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Int(3), q.Text(4), q.Text(5)});
  }
  return out;
}

Result<std::optional<SelfEvaluation>> SqliteStore::FindSelfEvaluationLocked(
    int year, const std::string& ind, const std::string& unit) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kSelfColumns +
                                      " FROM self_evaluations WHERE year = ? AND indicator_id = ? "
                                      "AND unit_id = ?"));
  q.Bind(1, year).Bind(2, ind).Bind(3, unit);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<SelfEvaluation>();
  SelfEvaluation e = SelfRow(q);
  auto ev = YearEndEvidenceLocked(year, "self:" + ind + "/" + unit);
  if (!ev.ok()) return ev.status();
  e.evidence = std::move(*ev);
  return std::optional<SelfEvaluation>(std::move(e));
}

Result<std::optional<SelfEvaluation>> SqliteStore::FindSelfEvaluation(int year,
                                                                      const std::string& ind,
                                                                      const std::string& unit) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::optional<SelfEvaluation>> out = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    out = FindSelfEvaluationLocked(year, ind, unit);
    return out.status();
  }));
  return out;
}

Result<std::vector<SelfEvaluation>> SqliteStore::ListSelfEvaluations(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<SelfEvaluation> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kSelfColumns +
                                          " FROM self_evaluations WHERE year = ? ORDER BY "
                                          "indicator_id, unit_id"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        out.push_back(SelfRow(q));
      }
    }
    for (SelfEvaluation& e : out) {
      auto ev = YearEndEvidenceLocked(year, "self:" + e.indicator_id + "/" + e.unit_id);
      if (!ev.ok()) return ev.status();
      e.evidence = std::move(*ev);
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::PutSelfEvaluationTx(const Actor& actor, const SelfEvaluation& e) {
  auto old = FindSelfEvaluationLocked(e.year, e.indicator_id, e.unit_id);
  if (!old.ok()) return old.status();
  // Scoring fields changed → the lead department's write; else the unit's.
  const bool scoring =
      e.scored != (old->has_value() && (*old)->scored) ||
      (old->has_value() && (e.scored_value != (*old)->scored_value || e.reason != (*old)->reason ||
                            e.scored_no_data != (*old)->scored_no_data));
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(
      actor, e.year, scoring ? core::YearWrite::kLeadScoring : core::YearWrite::kSelfEvaluation));
  Result<SchemeIndex> idx = LoadIndexLocked(e.year);
  if (!idx.ok()) return idx.status();
  core::Datum d;
  d.indicator_id = e.indicator_id;
  d.unit_id = e.unit_id;
  d.period = std::to_string(e.year);
  GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, e.year, d, ""));
  if (!YeFinite(e.value)) return YeBad("value", "not a finite number");
  if (!YeFinite(e.scored_value)) return YeBad("scored_value", "not a finite number");
  if (e.submissions < 0) return YeBad("submissions", "must not be negative");
  if (e.submissions > 0 && !e.no_data && !e.value) {
    return YeBad("value", "a self-evaluation needs a value or a no-data declaration")
        .Zh("value：自评须填写数值或声明无数据");
  }
  if (e.scored && !e.scored_no_data && !e.scored_value) {
    return YeBad("scored_value", "a scoring needs a value or a no-data declaration");
  }
  SelfEvaluation row = e;
  const std::string now = NowIso();
  if (old->has_value()) {
    row.submitted_at = (*old)->submitted_at;
    row.scored_at = (*old)->scored_at;
  }
  if (!scoring) row.submitted_at = now;
  if (scoring) row.scored_at = e.scored ? now : "";
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare(std::string("INSERT INTO self_evaluations (") + kSelfColumns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                       "(year, indicator_id, unit_id) DO UPDATE SET value = excluded.value, "
                       "no_data = excluded.no_data, text = excluded.text, submissions = "
                       "excluded.submissions, submitted_by = excluded.submitted_by, submitted_at "
                       "= excluded.submitted_at, scored = excluded.scored, scored_value = "
                       "excluded.scored_value, scored_no_data = excluded.scored_no_data, reason = "
                       "excluded.reason, earned = excluded.earned, points = excluded.points, "
                       "scored_by = excluded.scored_by, scored_at = excluded.scored_at"));
  up.Bind(1, row.year).Bind(2, row.indicator_id).Bind(3, row.unit_id).Bind(4, row.value);
  up.Bind(5, row.no_data).Bind(6, row.text).Bind(7, row.submissions).Bind(8, row.submitted_by);
  up.Bind(9, row.submitted_at).Bind(10, row.scored).Bind(11, row.scored_value);
  up.Bind(12, row.scored_no_data).Bind(13, row.reason).Bind(14, row.earned).Bind(15, row.points);
  up.Bind(16, row.scored_by).Bind(17, row.scored_at);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, scoring ? "self_evaluation.score" : "self_evaluation.submit",
                     SelfEntity(row.year, row.indicator_id, row.unit_id),
                     old->has_value() ? SelfJson(**old) : "", SelfJson(row));
}

Status SqliteStore::AttachYearEndEvidenceTx(const Actor& actor, int year,
                                            const std::string& subject, const EvidenceRef& ref) {
  core::YearWrite w;
  if (subject.rfind("self:", 0) == 0) {
    w = core::YearWrite::kSelfEvaluation;
    const std::string rest = subject.substr(5);
    const size_t slash = rest.find('/');
    if (slash == std::string::npos) return YeBad("subject", "not self:IND/UNIT");
    auto e = FindSelfEvaluationLocked(year, rest.substr(0, slash), rest.substr(slash + 1));
    if (!e.ok()) return e.status();
    if (!e->has_value() || (*e)->submissions == 0) {
      return Status::NotFound("self_evaluation: " + rest + " has not been submitted")
          .Field("self_evaluation")
          .Zh("self_evaluation：" + rest + " 尚未提交自评");
    }
  } else if (subject.rfind("claim:", 0) == 0) {
    w = core::YearWrite::kClaims;
    int64_t id = 0;
    try {
      id = std::stoll(subject.substr(6));
    } catch (...) {
      return YeBad("subject", "not claim:ID");
    }
    auto c = FindClaimLocked(year, id);
    if (!c.ok()) return c.status();
    if (!c->has_value()) return Status::NotFound("claim: no claim " + subject).Field("claim");
  } else {
    return YeBad("subject", "must start with self: or claim:");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, w));
  if (ref.file_name.empty()) return YeBad("file_name", "empty");
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT 1 FROM evidence_files WHERE sha256 = ?"));
    q.Bind(1, ref.sha256);
    GOVPERF_STEP(exists, q);
    if (!exists) return Status::NotFound("sha256: no stored file " + ref.sha256).Field("sha256");
  }
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO year_end_evidence (year, subject, sha256, ord, file_name, "
                        "added_by, added_at) SELECT ?, ?, ?, COALESCE(MAX(ord), -1) + 1, ?, ?, ? "
                        "FROM year_end_evidence WHERE year = ? AND subject = ? ON CONFLICT (year, "
                        "subject, sha256) DO UPDATE SET file_name = excluded.file_name"));
  ins.Bind(1, year).Bind(2, subject).Bind(3, ref.sha256).Bind(4, ref.file_name);
  ins.Bind(5, actor.username).Bind(6, NowIso()).Bind(7, year).Bind(8, subject);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "year_end.evidence", std::to_string(year) + "/" + subject, "",
                     json{{"sha256", ref.sha256}, {"file_name", ref.file_name}}.dump());
}

// ---- spot checks ----

Result<std::vector<SpotCheck>> SqliteStore::ListSpotChecks(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<SpotCheck> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, seed, size, drawn_by, drawn_at FROM "
                                          "spot_checks WHERE year = ? ORDER BY id"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        SpotCheck c;
        c.year = year;
        c.id = q.Int(0);
        c.seed = q.Text(1);
        c.size = static_cast<int>(q.Int(2));
        c.drawn_by = q.Text(3);
        c.drawn_at = q.Text(4);
        out.push_back(std::move(c));
      }
    }
    for (SpotCheck& c : out) {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT indicator_id, unit_id, finding, value, reason, "
                                          "checked_by, checked_at FROM spot_check_items WHERE "
                                          "year = ? AND check_id = ? ORDER BY ord"));
      q.Bind(1, year).Bind(2, c.id);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        c.items.push_back(
            {q.Text(0), q.Text(1), q.Text(2), q.OptReal(3), q.Text(4), q.Text(5), q.Text(6)});
      }
    }
    return Status::Ok();
  }));
  return out;
}

Result<int64_t> SqliteStore::AddSpotCheckTx(const Actor& actor, const SpotCheck& c) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, c.year, core::YearWrite::kSpotChecks));
  if (c.seed.empty()) return YeBad("seed", "empty");
  if (c.size < 1 || c.size != static_cast<int>(c.items.size())) {
    return YeBad("size", "must be at least 1 and the number of drawn pairs");
  }
  Result<SchemeIndex> idx = LoadIndexLocked(c.year);
  if (!idx.ok()) return idx.status();
  for (size_t i = 0; i < c.items.size(); ++i) {
    core::Datum d;
    d.indicator_id = c.items[i].indicator_id;
    d.unit_id = c.items[i].unit_id;
    d.period = std::to_string(c.year);
    GOVPERF_RETURN_IF_ERROR(CheckDatum(*idx, c.year, d, "items[" + std::to_string(i) + "]."));
  }
  int64_t id = 0;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM spot_checks WHERE "
                                        "year = ?"));
    q.Bind(1, c.year);
    GOVPERF_STEP(row, q);
    id = row ? q.Int(0) : 1;
  }
  {
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO spot_checks (year, id, seed, size, "
                                          "drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?)"));
    ins.Bind(1, c.year).Bind(2, id).Bind(3, c.seed).Bind(4, c.size).Bind(5, actor.username);
    ins.Bind(6, NowIso());
    GOVPERF_RETURN_IF_ERROR(ins.Run());
  }
  json pairs = json::array();
  for (size_t i = 0; i < c.items.size(); ++i) {
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO spot_check_items (year, check_id, ord, "
                                          "indicator_id, unit_id) VALUES (?, ?, ?, ?, ?)"));
    ins.Bind(1, c.year).Bind(2, id).Bind(3, static_cast<int64_t>(i));
    ins.Bind(4, c.items[i].indicator_id).Bind(5, c.items[i].unit_id);
    auto st = ins.Run();
    if (!st.ok())
      return YeBad("items",
                   "pair drawn twice: " + c.items[i].indicator_id + "/" + c.items[i].unit_id);
    pairs.push_back(c.items[i].indicator_id + "/" + c.items[i].unit_id);
  }
  GOVPERF_RETURN_IF_ERROR(AppendAudit(
      actor, "spot_check.draw", "spot_check:" + std::to_string(c.year) + "/" + std::to_string(id),
      "", json{{"seed", c.seed}, {"size", c.size}, {"pairs", pairs}}.dump()));
  return id;
}

Status SqliteStore::PutSpotFindingTx(const Actor& actor, int year, int64_t check_id,
                                     const SpotCheckItem& item) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kSpotChecks));
  if (item.finding != "confirmed" && item.finding != "corrected") {
    return YeBad("finding", "must be confirmed or corrected");
  }
  if (item.finding == "corrected" && (!item.value || !std::isfinite(*item.value))) {
    return YeBad("value", "a correction needs the new value");
  }
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT finding, value, reason FROM spot_check_items WHERE "
                                      "year = ? AND check_id = ? AND indicator_id = ? AND unit_id "
                                      "= ?"));
  q.Bind(1, year).Bind(2, check_id).Bind(3, item.indicator_id).Bind(4, item.unit_id);
  GOVPERF_STEP(found, q);
  if (!found) {
    return Status::NotFound("pair: " + item.indicator_id + "/" + item.unit_id +
                            " was not drawn in spot check " + std::to_string(check_id))
        .Field("pair")
        .Zh("pair：" + item.indicator_id + "/" + item.unit_id + " 不在第 " +
            std::to_string(check_id) + " 次抽查样本中");
  }
  const std::string before = json{
      {"finding", q.Text(0)},
      {"value", YeOptJson(q.OptReal(1))},
      {"reason", q.Text(2)}}.dump();
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE spot_check_items SET finding = ?, value = ?, "
                                       "reason = ?, checked_by = ?, checked_at = ? WHERE year = ? "
                                       "AND check_id = ? AND indicator_id = ? AND unit_id = ?"));
  up.Bind(1, item.finding).Bind(2, item.value).Bind(3, item.reason).Bind(4, actor.username);
  up.Bind(5, NowIso()).Bind(6, year).Bind(7, check_id).Bind(8, item.indicator_id);
  up.Bind(9, item.unit_id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(
      actor, "spot_check.finding",
      "spot_check:" + std::to_string(year) + "/" + std::to_string(check_id) + "/" +
          item.indicator_id + "/" + item.unit_id,
      before,
      json{{"finding", item.finding}, {"value", YeOptJson(item.value)}, {"reason", item.reason}}
          .dump());
}

// ---- claims ----

namespace {
constexpr const char* kClaimColumns =
    "id, unit_id, kind, category, points, veto_effect, reason, raised_by, raised_role, "
    "raised_unit, raised_at, state, decided_by, decided_at, decision, adjustment_id";
Claim ClaimRow(int year, const Stmt& q) {
  Claim c;
  c.year = year;
  c.id = q.Int(0);
  c.unit_id = q.Text(1);
  c.kind = q.Text(2);
  c.category = q.Text(3);
  c.points = q.Real(4);
  c.veto_effect = q.Text(5);
  c.reason = q.Text(6);
  c.raised_by = q.Text(7);
  c.raised_role = q.Text(8);
  c.raised_unit = q.Text(9);
  c.raised_at = q.Text(10);
  c.state = q.Text(11);
  c.decided_by = q.Text(12);
  c.decided_at = q.Text(13);
  c.decision = q.Text(14);
  c.adjustment_id = q.Text(15);
  return c;
}
std::string ClaimJson(const Claim& c) {
  return json{{"unit_id", c.unit_id},   {"kind", c.kind},
              {"category", c.category}, {"points", c.points},
              {"reason", c.reason},     {"state", c.state},
              {"decision", c.decision}, {"adjustment_id", c.adjustment_id}}
      .dump();
}
std::string ClaimEntity(int year, int64_t id) {
  return "claim:" + std::to_string(year) + "/" + std::to_string(id);
}
}  // namespace

Result<std::optional<Claim>> SqliteStore::FindClaimLocked(int year, int64_t id) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kClaimColumns +
                                      " FROM year_end_claims WHERE year = ? AND id = ?"));
  q.Bind(1, year).Bind(2, id);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<Claim>();
  return std::optional<Claim>(ClaimRow(year, q));
}

Result<std::vector<Claim>> SqliteStore::ListClaims(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Claim> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kClaimColumns +
                                          " FROM year_end_claims WHERE year = ? ORDER BY id"));
      q.Bind(1, year);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        out.push_back(ClaimRow(year, q));
      }
    }
    for (Claim& c : out) {
      GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT expert, opinion, text, at FROM claim_opinions "
                                          "WHERE year = ? AND claim_id = ? ORDER BY at, expert"));
      q.Bind(1, year).Bind(2, c.id);
      for (;;) {
        GOVPERF_STEP(row, q);
        if (!row) break;
        c.opinions.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
      }
      auto ev = YearEndEvidenceLocked(year, "claim:" + std::to_string(c.id));
      if (!ev.ok()) return ev.status();
      c.evidence = std::move(*ev);
    }
    return Status::Ok();
  }));
  return out;
}

Result<int64_t> SqliteStore::AddClaimTx(const Actor& actor, const Claim& c) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, c.year, core::YearWrite::kClaims));
  Result<SchemeIndex> idx = LoadIndexLocked(c.year);
  if (!idx.ok()) return idx.status();
  if (idx->unit_category.count(c.unit_id) == 0) {
    return Status::NotFound("unit_id: unknown unit " + Quote(c.unit_id) + " in year " +
                            std::to_string(c.year))
        .Field("unit_id");
  }
  if (c.kind != "bonus" && c.kind != "deduction" && c.kind != "veto") {
    return YeBad("kind", "must be bonus, deduction or veto");
  }
  if (c.kind == "bonus" && c.category != "commendation" && c.category != "innovation") {
    return YeBad("category", "a bonus is a commendation or an innovation");
  }
  if (c.kind != "veto" && !(std::isfinite(c.points) && c.points > 0 && c.points <= 100)) {
    return YeBad("points", "must be in (0, 100]");
  }
  if (c.reason.empty()) return YeBad("reason", "required");
  int64_t id = 0;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM year_end_claims "
                                        "WHERE year = ?"));
    q.Bind(1, c.year);
    GOVPERF_STEP(row, q);
    id = row ? q.Int(0) : 1;
  }
  Claim row = c;
  row.id = id;
  row.state = "pending";
  row.raised_by = actor.username;
  row.raised_role = core::RoleName(actor.role);
  row.raised_at = NowIso();
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare(std::string("INSERT INTO year_end_claims (year, ") + kClaimColumns +
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', "
                        "'', '')"));
  ins.Bind(1, row.year).Bind(2, id).Bind(3, row.unit_id).Bind(4, row.kind).Bind(5, row.category);
  ins.Bind(6, row.kind == "veto" ? 0.0 : row.points).Bind(7, row.veto_effect).Bind(8, row.reason);
  ins.Bind(9, row.raised_by).Bind(10, row.raised_role).Bind(11, row.raised_unit);
  ins.Bind(12, row.raised_at).Bind(13, row.state);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  GOVPERF_RETURN_IF_ERROR(
      AppendAudit(actor, "claim.raise", ClaimEntity(row.year, id), "", ClaimJson(row)));
  return id;
}

Status SqliteStore::PutClaimOpinionTx(const Actor& actor, int year, int64_t claim_id,
                                      const ClaimOpinion& o) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kClaims));
  auto c = FindClaimLocked(year, claim_id);
  if (!c.ok()) return c.status();
  if (!c->has_value()) {
    return Status::NotFound("claim: no claim " + std::to_string(claim_id)).Field("claim");
  }
  if (o.opinion != "support" && o.opinion != "oppose" && o.opinion != "neutral") {
    return YeBad("opinion", "must be support, oppose or neutral");
  }
  if (o.text.empty()) return YeBad("text", "required");
  GOVPERF_ASSIGN_STMT(ins,
                      db_->Prepare("INSERT INTO claim_opinions (year, claim_id, expert, "
                                   "opinion, text, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                                   "(year, claim_id, expert) DO UPDATE SET opinion = "
                                   "excluded.opinion, text = excluded.text, at = excluded.at"));
  ins.Bind(1, year).Bind(2, claim_id).Bind(3, actor.username).Bind(4, o.opinion).Bind(5, o.text);
  ins.Bind(6, NowIso());
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  return AppendAudit(actor, "claim.opinion", ClaimEntity(year, claim_id), "",
                     json{{"opinion", o.opinion}, {"text", o.text}}.dump());
}

Status SqliteStore::DecideClaimTx(const Actor& actor, const Claim& c) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, c.year, core::YearWrite::kClaims));
  auto old = FindClaimLocked(c.year, c.id);
  if (!old.ok()) return old.status();
  if (!old->has_value()) {
    return Status::NotFound("claim: no claim " + std::to_string(c.id)).Field("claim");
  }
  if ((*old)->state != "pending") {
    return FailedPrecondition("claim " + std::to_string(c.id) + " is already " + (*old)->state)
        .Field("claim")
        .Zh("claim：申报 " + std::to_string(c.id) + " 已处理");
  }
  if (c.state != "approved" && c.state != "rejected") {
    return YeBad("state", "must be approved or rejected");
  }
  if (c.state == "rejected" && c.decision.empty()) return YeBad("reason", "required to reject");
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE year_end_claims SET state = ?, decided_by = ?, "
                                       "decided_at = ?, decision = ?, adjustment_id = ? WHERE "
                                       "year = ? AND id = ?"));
  up.Bind(1, c.state).Bind(2, actor.username).Bind(3, NowIso()).Bind(4, c.decision);
  up.Bind(5, c.adjustment_id).Bind(6, c.year).Bind(7, c.id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  Claim after = **old;
  after.state = c.state;
  after.decision = c.decision;
  after.adjustment_id = c.adjustment_id;
  return AppendAudit(actor, "claim." + std::string(c.state == "approved" ? "approve" : "reject"),
                     ClaimEntity(c.year, c.id), ClaimJson(**old), ClaimJson(after));
}

// ---- leadership rating ----

Result<std::optional<RatingSetup>> SqliteStore::LoadRatingSetupLocked(int year) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT setup, closed_by, closed_at FROM rating_setups "
                                      "WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<RatingSetup>();
  RatingSetup s;
  try {
    s = SetupFromJson(json::parse(q.Text(0)));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("rating setup of ") + std::to_string(year) + ": " +
                            e.what());
  }
  s.year = year;
  s.closed_by = q.Text(1);
  s.closed_at = q.Text(2);
  return std::optional<RatingSetup>(std::move(s));
}

Result<std::optional<RatingSetup>> SqliteStore::LoadRatingSetup(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::optional<RatingSetup>> out = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    out = LoadRatingSetupLocked(year);
    return out.status();
  }));
  return out;
}

Result<std::vector<LeaderRating>> SqliteStore::ListLeaderRatings(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<LeaderRating> out;
  GOVPERF_RETURN_IF_ERROR(db_->ReadTxn([&]() -> Status {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT username, unit_id, scores, at FROM "
                                        "leader_ratings WHERE year = ? ORDER BY username, "
                                        "unit_id"));
    q.Bind(1, year);
    for (;;) {
      GOVPERF_STEP(row, q);
      if (!row) break;
      out.push_back({year, q.Text(0), q.Text(1),
                     json::parse(q.Text(2)).get<std::map<std::string, double>>(), q.Text(3)});
    }
    return Status::Ok();
  }));
  return out;
}

Status SqliteStore::PutRatingSetupTx(const Actor& actor, const RatingSetup& s) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, s.year, core::YearWrite::kRatingSetup));
  auto old = LoadRatingSetupLocked(s.year);
  if (!old.ok()) return old.status();
  if (old->has_value() && (*old)->closed()) {
    return FailedPrecondition("rating: the leadership rating of " + std::to_string(s.year) +
                              " is closed")
        .Field("rating")
        .Zh("rating：" + std::to_string(s.year) + " 年度领导评价已关闭");
  }
  if (s.dimensions.empty()) return YeBad("dimensions", "at least one");
  if (s.levels.empty()) return YeBad("levels", "at least one");
  if (!(std::isfinite(s.scale_min) && std::isfinite(s.scale_max) && s.scale_min < s.scale_max)) {
    return YeBad("scale", "scale_min must be below scale_max");
  }
  const json j = SetupJson(s);
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("INSERT INTO rating_setups (year, setup) VALUES (?, ?) ON "
                                       "CONFLICT (year) DO UPDATE SET setup = excluded.setup"));
  up.Bind(1, s.year).Bind(2, j.dump());
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "rating.setup", "rating:" + std::to_string(s.year),
                     old->has_value() ? SetupJson(**old).dump() : "", j.dump());
}

Status SqliteStore::CloseRatingTx(const Actor& actor, int year) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kRatingSetup));
  auto old = LoadRatingSetupLocked(year);
  if (!old.ok()) return old.status();
  if (!old->has_value()) {
    return Status::NotFound("rating: no rating form for " + std::to_string(year)).Field("rating");
  }
  if ((*old)->closed()) {
    return FailedPrecondition("rating: already closed")
        .Field("rating")
        .Zh("rating：领导评价已关闭");
  }
  const std::string now = NowIso();
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE rating_setups SET closed_by = ?, closed_at = ? "
                                       "WHERE year = ?"));
  up.Bind(1, actor.username).Bind(2, now).Bind(3, year);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "rating.close", "rating:" + std::to_string(year), "",
                     json{{"closed_at", now}}.dump());
}

Status SqliteStore::PutLeaderRatingTx(const Actor& actor, const LeaderRating& r) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, r.year, core::YearWrite::kRatings));
  auto setup = LoadRatingSetupLocked(r.year);
  if (!setup.ok()) return setup.status();
  if (!setup->has_value()) {
    return Status::NotFound("rating: no rating form for " + std::to_string(r.year)).Field("rating");
  }
  if ((*setup)->closed()) {
    return FailedPrecondition("rating: the leadership rating is closed")
        .Field("rating")
        .Zh("rating：领导评价已关闭");
  }
  for (const auto& [dim, v] : r.scores) {
    if (!std::isfinite(v)) return YeBad("scores." + dim, "not a finite number");
  }
  const json scores = r.scores;
  std::string before;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT scores FROM leader_ratings WHERE year = ? AND "
                                        "username = ? AND unit_id = ?"));
    q.Bind(1, r.year).Bind(2, actor.username).Bind(3, r.unit_id);
    GOVPERF_STEP(row, q);
    if (row) before = q.Text(0);
  }
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("INSERT INTO leader_ratings (year, username, unit_id, "
                                       "scores, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, "
                                       "username, unit_id) DO UPDATE SET scores = "
                                       "excluded.scores, at = excluded.at"));
  up.Bind(1, r.year).Bind(2, actor.username).Bind(3, r.unit_id).Bind(4, scores.dump());
  up.Bind(5, NowIso());
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "rating.put",
                     "rating:" + std::to_string(r.year) + "/" + actor.username + "/" + r.unit_id,
                     before, scores.dump());
}

}  // namespace govperf::store::sqlite
