// Years: stage (with the stage table enforced for people) and data version.
#include <string>

#include "store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

constexpr const char* kYearColumns = "SELECT year, status, published_at, data_version FROM years";

YearInfo ReadYear(const Stmt& q) {
  YearInfo y;
  y.year = static_cast<int>(q.Int(0));
  // The table's CHECK constraint admits only known stages.
  y.stage = core::ParseStage(q.Text(1)).value_or(core::Stage::kDraft);
  y.published_at = q.Text(2);
  y.data_version = q.Int(3);
  return y;
}

}  // namespace

Result<std::optional<YearInfo>> SqliteStore::FindYearLocked(int year) {
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string(kYearColumns) + " WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<YearInfo>();
  return std::optional<YearInfo>(ReadYear(q));
}

Result<std::optional<YearInfo>> SqliteStore::FindYear(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  return FindYearLocked(year);
}

Result<std::vector<YearInfo>> SqliteStore::ListYears() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<YearInfo> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string(kYearColumns) + " ORDER BY year"));
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(ReadYear(q));
  }
  return out;
}

Result<int64_t> SqliteStore::DataVersion(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT data_version FROM years WHERE year = ?"));
  q.Bind(1, year);
  GOVPERF_STEP(row, q);
  if (!row) return Status::NotFound("year: unknown year " + std::to_string(year)).Field("year");
  return q.Int(0);
}

Status SqliteStore::BumpVersion(int year, const ChangeNote& change) {
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("UPDATE years SET data_version = data_version + 1 WHERE year = ?"));
  up.Bind(1, year);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  return LogChange(year, change);
}

Status SqliteStore::CheckStageLocked(const Actor& actor, int year, core::YearWrite w) {
  Result<std::optional<YearInfo>> y = FindYearLocked(year);
  if (!y.ok()) return y.status();
  const std::string ys = std::to_string(year);
  if (!y->has_value()) {
    return Status::NotFound("year: unknown year " + ys)
        .Field("year")
        .Zh("year：没有 " + ys + " 年度");
  }
  const core::Stage stage = (*y)->stage;
  if (!core::StageAllows(stage, w, actor.role)) {
    return FailedPrecondition(std::string("year ") + ys + " is in stage " + core::StageName(stage) +
                              ": " + core::YearWriteName(w) + " cannot be written by role " +
                              core::RoleName(actor.role) + " now")
        .Zh(ys + " 年度处于「" + core::StageNameZh(stage) + "」阶段，当前角色不能修改" +
            core::YearWriteName(w));
  }
  return Status::Ok();
}

Status SqliteStore::CheckStageAndBump(const Actor& actor, int year, core::YearWrite w,
                                      const ChangeNote& change) {
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, year, w));
  return BumpVersion(year, change);
}

Status SqliteStore::PutYearTx(const Actor& actor, const YearInfo& year) {
  const std::string ys = std::to_string(year.year);
  if (year.year < kMinYear || year.year > kMaxYear) {
    return Status::Invalid("year: " + ys + " out of range").Field("year");
  }
  if (!year.published() && !year.published_at.empty()) {
    return Status::Invalid("published_at: only a published year has a publication time")
        .Field("published_at");
  }
  YearInfo y = year;
  // Publishing without a time stamps it with the store's clock.
  if (y.published() && y.published_at.empty()) y.published_at = NowIso();
  Result<std::optional<YearInfo>> old = FindYearLocked(y.year);
  if (!old.ok()) return old.status();
  if (old->has_value()) {
    const core::Stage from = (*old)->stage;
    if (from != y.stage && actor.role != core::Role::kSystem &&
        !core::MayTransition(from, y.stage, actor.role)) {
      return FailedPrecondition("status: year " + ys + " cannot move from " +
                                core::StageName(from) + " to " + core::StageName(y.stage))
          .Field("status")
          .Zh(ys + " 年度不能从「" + core::StageNameZh(from) + "」转到「" +
              core::StageNameZh(y.stage) + "」");
    }
    if (from == core::Stage::kPublished && from == y.stage &&
        (*old)->published_at != y.published_at) {
      y.published_at = (*old)->published_at;  // a publication time never changes
    }
  } else if (actor.role != core::Role::kSystem && y.stage != core::Stage::kDraft) {
    return FailedPrecondition("status: a new year starts as draft").Field("status");
  }
  GOVPERF_ASSIGN_STMT(
      up, db_->Prepare("INSERT INTO years (year, status, published_at, data_version) "
                       "VALUES (?, ?, ?, 1) ON CONFLICT (year) DO UPDATE SET status = "
                       "excluded.status, published_at = excluded.published_at, data_version = "
                       "years.data_version + 1"));
  up.Bind(1, y.year).Bind(2, core::StageName(y.stage)).Bind(3, y.published_at);
  GOVPERF_RETURN_IF_ERROR(up.Run());
  GOVPERF_RETURN_IF_ERROR(LogChange(y.year, {}));  // 'all': a stage decides how the year is scored
  return AppendAudit(actor, "year.put", "year:" + ys, old->has_value() ? YearAuditJson(**old) : "",
                     YearAuditJson(y));
}

}  // namespace govperf::store::sqlite
