// 社会评价 survey definitions (migration 0017): one row per survey with its
// definition as canonical JSON (io/survey_json.h). Opinion topics and
// opinions live in the same file.
//
// Whether a definition is coherent (ids, weights, scale mapping, margins) is
// core/survey's check, run by the use case; the store checks what must hold
// whatever the caller: the year exists and allows survey writes, the id is
// well formed, and once a survey left draft its questionnaire is frozen
// (answers already given refer to its question ids and scale).
#include "io/survey_json.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

namespace sv = core::survey;

Status TodoOpinions() { return {Code::kInternal, "opinions: not implemented yet"}; }

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
  const nlohmann::json after{{"year", next.year},
                             {"status", sv::SurveyStatusName(next.status)},
                             {"content_sha256", sha}};
  std::string before;
  if (old) before = nlohmann::json{{"content_sha256", Sha256Hex(io::SurveyDefinitionToJson(*old).dump())}}.dump();
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
  GOVPERF_ASSIGN_STMT(up, db_->Prepare("UPDATE surveys SET status = ?, updated_at = ? WHERE id = ?"));
  up.Bind(1, sv::SurveyStatusName(status)).Bind(2, clock_.NowUnix()).Bind(3, survey_id);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return AppendAudit(actor, "survey.status", "survey:" + survey_id,
                     nlohmann::json{{"status", sv::SurveyStatusName(from)}}.dump(),
                     nlohmann::json{{"status", sv::SurveyStatusName(status)}}.dump());
}

Result<std::vector<OpinionTopic>> SqliteStore::ListOpinionTopics(int) { return TodoOpinions(); }
Result<std::vector<Opinion>> SqliteStore::ListOpinions(int, const OpinionFilter&) {
  return TodoOpinions();
}
Result<std::optional<Opinion>> SqliteStore::FindOpinion(int64_t) { return TodoOpinions(); }
Status SqliteStore::PutOpinionTopicsTx(const Actor&, int, const std::vector<OpinionTopic>&) {
  return TodoOpinions();
}
Result<int64_t> SqliteStore::AddOpinionsTx(const Actor&, std::vector<Opinion>&) {
  return TodoOpinions();
}
Status SqliteStore::UpdateOpinionTx(const Actor&, const Opinion&) { return TodoOpinions(); }

}  // namespace govperf::store::sqlite
