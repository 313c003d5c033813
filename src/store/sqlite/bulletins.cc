// 季度通报 quarterly bulletins (migration 0016): insert-only frozen snapshots.
// Stage rule: bulletins, checked without a version bump (nothing here changes
// what a year evaluates to).
#include <nlohmann/json.hpp>

#include "core/monitoring/calendar.h"
#include "store/password.h"
#include "store/sqlite/sqlite_store.h"

namespace govperf::store::sqlite {
namespace {

constexpr const char* kBulletinColumns =
    "id, year, quarter, number, issued_on, issued_by, issued_at, foreword, content, "
    "content_sha256";

BulletinRecord BulletinRow(const Stmt& q) {
  BulletinRecord b;
  b.id = q.Int(0);
  b.year = static_cast<int>(q.Int(1));
  b.quarter = static_cast<int>(q.Int(2));
  b.number = static_cast<int>(q.Int(3));
  b.issued_on = q.Text(4);
  b.issued_by = q.Text(5);
  b.issued_at = q.Text(6);
  b.foreword = q.Text(7);
  b.content = q.Text(8);
  b.content_sha256 = q.Text(9);
  return b;
}

}  // namespace

Result<std::vector<BulletinRecord>> SqliteStore::ListBulletins(int year) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<BulletinRecord> out;
  GOVPERF_ASSIGN_STMT(q, db_->Prepare(std::string("SELECT ") + kBulletinColumns +
                                      " FROM bulletins WHERE year = ? ORDER BY number"));
  q.Bind(1, year);
  for (;;) {
    GOVPERF_STEP(row, q);
    if (!row) break;
    out.push_back(BulletinRow(q));
  }
  return out;
}

Result<std::optional<BulletinRecord>> SqliteStore::FindBulletin(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  GOVPERF_ASSIGN_STMT(
      q, db_->Prepare(std::string("SELECT ") + kBulletinColumns + " FROM bulletins WHERE id = ?"));
  q.Bind(1, id);
  GOVPERF_STEP(row, q);
  if (!row) return std::optional<BulletinRecord>();
  return std::optional<BulletinRecord>(BulletinRow(q));
}

Status SqliteStore::AddBulletinTx(const Actor& actor, BulletinRecord& b) {
  if (b.quarter < 1 || b.quarter > 4) {
    return Status::Invalid("quarter: must be 1 to 4, got " + std::to_string(b.quarter))
        .Field("quarter")
        .Zh("quarter：季度须为 1 至 4");
  }
  if (!core::monitoring::ParseDate(b.issued_on)) {
    return Status::Invalid("issued_on: expected YYYY-MM-DD, got '" + b.issued_on + "'")
        .Field("issued_on");
  }
  if (b.content.empty()) return Status::Invalid("content: empty").Field("content");
  GOVPERF_RETURN_IF_ERROR(CheckStageLocked(actor, b.year, core::YearWrite::kBulletins));
  int last = 0;
  {
    GOVPERF_ASSIGN_STMT(q, db_->Prepare("SELECT COALESCE(MAX(number), 0), "
                                        "SUM(quarter = ?) FROM bulletins WHERE year = ?"));
    q.Bind(1, b.quarter).Bind(2, b.year);
    GOVPERF_STEP(row, q);
    if (row) {
      last = static_cast<int>(q.Int(0));
      if (q.Int(1) > 0) {
        return Status(Code::kAlreadyExists, "quarter: " + std::to_string(b.year) + " Q" +
                                                std::to_string(b.quarter) +
                                                " already has an issued bulletin")
            .Field("quarter")
            .Zh("quarter：" + std::to_string(b.year) + " 年第 " + std::to_string(b.quarter) +
                " 季度的通报已印发");
      }
    }
  }
  if (b.number != last + 1) {
    return Status(Code::kAlreadyExists, "number: expected " + std::to_string(last + 1) + ", got " +
                                            std::to_string(b.number) + " (issued concurrently?)")
        .Field("number");
  }
  b.issued_by = actor.username;
  b.issued_at = NowIso();
  b.content_sha256 = Sha256Hex(b.content);
  GOVPERF_ASSIGN_STMT(ins, db_->Prepare("INSERT INTO bulletins (year, quarter, number, issued_on, "
                                        "issued_by, issued_at, foreword, content, content_sha256) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  ins.Bind(1, b.year).Bind(2, b.quarter).Bind(3, b.number).Bind(4, b.issued_on);
  ins.Bind(5, b.issued_by).Bind(6, b.issued_at).Bind(7, b.foreword).Bind(8, b.content);
  ins.Bind(9, b.content_sha256);
  GOVPERF_RETURN_IF_ERROR(ins.Run());
  b.id = sqlite3_last_insert_rowid(db_->raw());
  const nlohmann::json after{{"year", b.year},
                             {"quarter", b.quarter},
                             {"number", b.number},
                             {"issued_on", b.issued_on},
                             {"content_sha256", b.content_sha256}};
  return AppendAudit(actor, "bulletin.issue",
                     "bulletin:" + std::to_string(b.year) + "/" + std::to_string(b.number), "",
                     after.dump());
}

}  // namespace govperf::store::sqlite
