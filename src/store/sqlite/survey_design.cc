// 社会评价 survey definitions (migration 0017): one row per survey with its
// definition as canonical JSON (io/survey_json.h). Opinion topics and
// opinions live in the same file.
//
// Whether a definition is coherent (ids, weights, scale mapping, margins) is
// core/survey's check, run by the use case; the store checks what must hold
// whatever the caller: the year exists and allows survey writes, the id is
// well formed, and once a survey left draft its questionnaire is frozen
// (answers already given refer to its question ids and scale).
#include <set>

#include "io/survey_json.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

namespace sv = core::survey;

constexpr const char* kSurveyColumns = "id, year, status, definition";

Result<sv::Survey> SurveyRow(const Stmt& q) {
  sv::Survey base;
  base.id = q.Text(0);
  base.year = static_cast<int>(q.Int(1));
  auto st = sv::ParseSurveyStatus(q.Text(2));
  if (!st) return Status(Code::kInternal, "surveys." + base.id + ": bad status " + q.Text(2));
  base.status = *st;
  nlohmann::json def = nlohmann::json::parse(q.Text(3), nullptr, false);
  if (def.is_discarded()) return Status(Code::kInternal, "surveys." + base.id + ": bad definition");
  def.erase("id");
  def.erase("year");
  def.erase("status");
  return io::SurveyFromJson(def, base);
}

bool ValidSurveyId(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

// The parts a survey that left draft may no longer change, as JSON.
nlohmann::json Frozen(const sv::Survey& s) {
  nlohmann::json d = io::SurveyDefinitionToJson(s);
  return {{"groups", d["groups"]},
          {"questions", d["questions"]},
          {"scale_points", d["scale_points"]},
          {"public_link", d["public_link"]},
          {"public_group", d["public_group"]}};
}

}  // namespace

Result<std::vector<sv::Survey>> SqliteStore::ListSurveys(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kSurveyColumns +
                                      " FROM surveys WHERE ? = 0 OR year = ? ORDER BY year, id"));
  q.Bind(1, year).Bind(2, year);
  std::vector<sv::Survey> out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    Result<sv::Survey> s = SurveyRow(q);
    if (!s.ok()) return s.status();
    out.push_back(std::move(*s));
  }
  return out;
}

Result<std::optional<sv::Survey>> SqliteStore::FindSurvey(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare(std::string("SELECT ") + kSurveyColumns + " FROM surveys WHERE id = ?"));
  q.Bind(1, id);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<sv::Survey>();
  Result<sv::Survey> s = SurveyRow(q);
  if (!s.ok()) return s.status();
  return std::optional<sv::Survey>(std::move(*s));
}

Status SqliteStore::PutSurveyTx(const Actor& actor, const sv::Survey& survey) {
  if (!ValidSurveyId(survey.id)) {
    return Status::Invalid("id: 1 to 40 letters, digits, '-' or '_', got '" + survey.id + "'")
        .Field("id")
        .Zh("id：须为 1 至 40 个字母、数字、- 或 _");
  }
  if (survey.title_zh.empty()) {
    return Status::Invalid("title_zh: required").Field("title_zh").Zh("title_zh：标题不能为空");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, survey.year, core::YearWrite::kSurveys));
  std::optional<sv::Survey> old;
  {
    GOVPERF_ASSIGN_STMT(
        q, db_->Prepare(std::string("SELECT ") + kSurveyColumns + " FROM surveys WHERE id = ?"));
    q.Bind(1, survey.id);
    GOVPERF_STEP(row, q);
    if (row) {
      Result<sv::Survey> s = SurveyRow(q);
      if (!s.ok()) return s.status();
      old = std::move(*s);
    }
  }
  sv::Survey next = survey;
  if (old) {
    if (old->year != survey.year) {
      return Status::Invalid("year: survey '" + survey.id + "' belongs to " +
                             std::to_string(old->year))
          .Field("year");
    }
    next.status = old->status;  // status changes go through SetSurveyStatus
    if (old->status != sv::SurveyStatus::kDraft) {
      const nlohmann::json was = Frozen(*old), now = Frozen(next);
      for (const auto& [key, value] : was.items()) {
        if (now[key] != value) {
          return FailedPrecondition(key + ": survey '" + survey.id + "' is " +
                                    sv::SurveyStatusName(old->status) +
                                    "; its questionnaire can no longer change")
              .Field(key)
              .Zh(key + "：调查已开始，问卷不能再修改");
        }
      }
    }
  } else {
    next.status = sv::SurveyStatus::kDraft;
  }
  const std::string definition = io::SurveyDefinitionToJson(next).dump();
  const std::string sha = Sha256Hex(definition);
  GOVPERF_ASSIGN_STMT(
      ins, db_->Prepare("INSERT INTO surveys (id, year, title_zh, status, definition, "
                        "content_sha256, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET title_zh = excluded.title_zh, "
                        "definition = excluded.definition, content_sha256 = "
                        "excluded.content_sha256, updated_at = excluded.updated_at"));
  ins.Bind(1, next.id).Bind(2, next.year).Bind(3, next.title_zh);
  ins.Bind(4, sv::SurveyStatusName(next.status)).Bind(5, definition).Bind(6, sha);
  ins.Bind(7, actor.username).Bind(8, clock_.NowUnix());
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  const nlohmann::json after{
      {"year", next.year}, {"status", sv::SurveyStatusName(next.status)}, {"content_sha256", sha}};
  std::string before;
  if (old)
    before = nlohmann::json{{"content_sha256", Sha256Hex(io::SurveyDefinitionToJson(*old).dump())}}
                 .dump();
  return AppendAudit(actor, old ? "survey.edit" : "survey.create", "survey:" + next.id, before,
                     after.dump());
}

Status SqliteStore::SetSurveyStatusTx(const Actor& actor, const std::string& survey_id,
                                      sv::SurveyStatus status) {
  int year = 0;
  sv::SurveyStatus from{};
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT year, status FROM surveys WHERE id = ?"));
    q.Bind(1, survey_id);
    GOVPERF_STEP(row, q);
    if (!row) {
      return Status::NotFound("survey: unknown survey '" + survey_id + "'")
          .Field("survey_id")
          .Zh("survey_id：没有这项调查");
    }
    year = static_cast<int>(q.Int(0));
    from = *sv::ParseSurveyStatus(q.Text(1));
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kSurveys));
  using S = sv::SurveyStatus;
  const bool allowed = (from == S::kDraft && status == S::kOpen) ||
                       (from == S::kOpen && status == S::kClosed) ||
                       (from == S::kClosed && status == S::kOpen);
  if (!allowed) {
    return FailedPrecondition(std::string("status: survey '") + survey_id + "' cannot move from " +
                              sv::SurveyStatusName(from) + " to " + sv::SurveyStatusName(status))
        .Field("status")
        .Zh("status：调查不能从 " + std::string(sv::SurveyStatusName(from)) + " 转为 " +
            sv::SurveyStatusName(status));
  }
  GOVPERF_ASSIGN_STMT(up,
                      db_->Prepare("UPDATE surveys SET status = ?, updated_at = ? WHERE id = ?"));
  up.Bind(1, sv::SurveyStatusName(status)).Bind(2, clock_.NowUnix()).Bind(3, survey_id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "survey.status", "survey:" + survey_id,
                     nlohmann::json{{"status", sv::SurveyStatusName(from)}}.dump(),
                     nlohmann::json{{"status", sv::SurveyStatusName(status)}}.dump());
}

// ---- 意见建议 topics and opinions ----

Result<std::vector<OpinionTopic>> SqliteStore::ListOpinionTopics(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT id, name_zh, name_en, keywords, lead_unit_id FROM "
                                      "opinion_topics WHERE year = ? ORDER BY ord"));
  q.Bind(1, year);
  std::vector<OpinionTopic> out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    OpinionTopic t;
    t.id = q.Text(0);
    t.name_zh = q.Text(1);
    t.name_en = q.Text(2);
    nlohmann::json k = nlohmann::json::parse(q.Text(3), nullptr, false);
    if (!k.is_array()) return Status::Internal("opinion_topics." + t.id + ": bad keywords");
    for (const auto& w : k) {
      if (w.is_string()) t.keywords.push_back(w.get<std::string>());
    }
    t.lead_unit_id = q.Text(4);
    out.push_back(std::move(t));
  }
  return out;
}

namespace {

constexpr const char* kOpinionColumns =
    "id, year, survey_id, response_id, question_id, unit_id, topic_id, lead_unit_id, text, state, "
    "answer, answered_by, answered_at, rectification_id, closed_by, closed_at, created_at, note";

Opinion OpinionRow(const Stmt& q) {
  Opinion o;
  o.id = q.Int(0);
  o.year = static_cast<int>(q.Int(1));
  o.survey_id = q.Text(2);
  o.response_id = q.Int(3);
  o.question_id = q.Text(4);
  o.unit_id = q.Text(5);
  o.topic_id = q.Text(6);
  o.lead_unit_id = q.Text(7);
  o.text = q.Text(8);
  o.state = q.Text(9);
  o.answer = q.Text(10);
  o.answered_by = q.Text(11);
  o.answered_at = q.Int(12);
  o.rectification_id = q.Int(13);
  o.closed_by = q.Text(14);
  o.closed_at = q.Int(15);
  o.created_at = q.Int(16);
  o.note = q.Text(17);
  return o;
}

bool ValidOpinionState(const std::string& s) {
  return s == "routed" || s == "answered" || s == "closed" || s == "dismissed";
}

// What the audit keeps of an opinion: its routing and state, not the text.
std::string OpinionAuditJson(const Opinion& o) {
  return nlohmann::json{{"unit_id", o.unit_id},
                        {"topic_id", o.topic_id},
                        {"lead_unit_id", o.lead_unit_id},
                        {"state", o.state},
                        {"answer_sha256", Sha256Hex(o.answer)},
                        {"note_sha256", Sha256Hex(o.note)},
                        {"rectification_id", o.rectification_id}}
      .dump();
}

}  // namespace

Result<std::vector<Opinion>> SqliteStore::ListOpinions(int year, const OpinionFilter& f) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare(std::string("SELECT ") + kOpinionColumns +
                      " FROM survey_opinions WHERE year = ? AND (? = '' OR survey_id = ?) AND "
                      "(? = '' OR unit_id = ? OR lead_unit_id = ?) AND (? = '' OR state = ?) AND "
                      "id > ? ORDER BY id LIMIT ?"));
  q.Bind(1, year).Bind(2, f.survey_id).Bind(3, f.survey_id);
  q.Bind(4, f.unit_id).Bind(5, f.unit_id).Bind(6, f.unit_id);
  q.Bind(7, f.state).Bind(8, f.state).Bind(9, f.after_id);
  q.Bind(10, static_cast<int64_t>(f.limit <= 0 ? 200 : f.limit));
  std::vector<Opinion> out;
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(OpinionRow(q));
  }
  return out;
}

Result<std::optional<Opinion>> SqliteStore::FindOpinion(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kOpinionColumns +
                                      " FROM survey_opinions WHERE id = ?"));
  q.Bind(1, id);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<Opinion>();
  return std::optional<Opinion>(OpinionRow(q));
}

Status SqliteStore::PutOpinionTopicsTx(const Actor& actor, int year,
                                       const std::vector<OpinionTopic>& topics) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, core::YearWrite::kOpinions));
  {
    GOVPERF_ASSIGN_STMT(del, db_->Prepare("DELETE FROM opinion_topics WHERE year = ?"));
    del.Bind(1, year);
    GOVPERF_RETURN_IF_ERROR(del.Run());
  }
  nlohmann::json after = nlohmann::json::array();
  for (size_t i = 0; i < topics.size(); ++i) {
    const OpinionTopic& t = topics[i];
    GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO opinion_topics (year, id, ord, name_zh, "
                                          "name_en, keywords, lead_unit_id) VALUES (?, ?, ?, ?, "
                                          "?, ?, ?)"));
    const std::string keywords = nlohmann::json(t.keywords).dump();
    ins.Bind(1, year).Bind(2, t.id).Bind(3, static_cast<int64_t>(i)).Bind(4, t.name_zh);
    ins.Bind(5, t.name_en).Bind(6, keywords).Bind(7, t.lead_unit_id);
    Status st = ins.Run();
    if (!st.ok()) {
      return Status::Invalid("topics[" + std::to_string(i) + "].id: duplicate topic '" + t.id + "'")
          .Field("topics[" + std::to_string(i) + "].id");
    }
    after.push_back({{"id", t.id}, {"keywords", t.keywords}, {"lead_unit_id", t.lead_unit_id}});
  }
  return AppendAudit(actor, "opinion.topics", "year:" + std::to_string(year), "", after.dump());
}

Result<int64_t> SqliteStore::AddOpinionsTx(const Actor& actor, std::vector<Opinion>& opinions) {
  std::set<int> years;
  for (const Opinion& o : opinions) years.insert(o.year);
  for (int y : years)
    GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, y, core::YearWrite::kOpinions));
  int64_t added = 0;
  nlohmann::json ids = nlohmann::json::array();
  for (Opinion& o : opinions) {
    GOVPERF_ASSIGN_STMT(
        ins, db_->Prepare("INSERT INTO survey_opinions (year, survey_id, response_id, question_id, "
                          "unit_id, topic_id, lead_unit_id, text, state, created_at) VALUES (?, ?, "
                          "?, ?, ?, ?, ?, ?, 'routed', ?) ON CONFLICT (response_id, question_id) "
                          "DO NOTHING RETURNING id"));
    ins.Bind(1, o.year).Bind(2, o.survey_id).Bind(3, o.response_id).Bind(4, o.question_id);
    ins.Bind(5, o.unit_id).Bind(6, o.topic_id).Bind(7, o.lead_unit_id).Bind(8, o.text);
    ins.Bind(9, clock_.NowUnix());
    GOVPERF_STEP(row, ins);
    if (!row) {
      o.id = 0;  // already an opinion: skipped
      continue;
    }
    o.id = ins.Int(0);
    o.state = "routed";
    o.created_at = clock_.NowUnix();
    ++added;
    ids.push_back(o.id);
    GOVPERF_STEP(done, ins);  // finish the statement
    (void)done;
  }
  if (added == 0) return added;
  const std::string survey = opinions.empty() ? "" : opinions.front().survey_id;
  GOVPERF_RETURN_IF_ERROR(AppendAudit(actor, "opinion.route", "survey:" + survey, "",
                                      nlohmann::json{{"added", added}, {"ids", ids}}.dump()));
  return added;
}

Status SqliteStore::UpdateOpinionTx(const Actor& actor, const Opinion& o) {
  std::optional<Opinion> old;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kOpinionColumns +
                                        " FROM survey_opinions WHERE id = ?"));
    q.Bind(1, o.id);
    GOVPERF_STEP(row, q);
    if (row) old = OpinionRow(q);
  }
  if (!old) {
    return Status::NotFound("opinion: unknown opinion " + std::to_string(o.id))
        .Field("id")
        .Zh("id：没有这条意见建议");
  }
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, old->year, core::YearWrite::kOpinions));
  if (!ValidOpinionState(o.state)) {
    return Status::Invalid("state: routed, answered, closed or dismissed, got '" + o.state + "'")
        .Field("state");
  }
  GOVPERF_ASSIGN_STMT(
      up,
      db_->Prepare("UPDATE survey_opinions SET unit_id = ?, topic_id = ?, lead_unit_id = ?, "
                   "state = ?, answer = ?, answered_by = ?, answered_at = ?, "
                   "rectification_id = ?, closed_by = ?, closed_at = ?, note = ? WHERE id = ?"));
  up.Bind(1, o.unit_id).Bind(2, o.topic_id).Bind(3, o.lead_unit_id).Bind(4, o.state);
  up.Bind(5, o.answer).Bind(6, o.answered_by).Bind(7, o.answered_at);
  up.Bind(8, o.rectification_id).Bind(9, o.closed_by).Bind(10, o.closed_at).Bind(11, o.note);
  up.Bind(12, o.id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "opinion.update", "opinion:" + std::to_string(o.id),
                     OpinionAuditJson(*old), OpinionAuditJson(o));
}

}  // namespace govperf::store::sqlite
