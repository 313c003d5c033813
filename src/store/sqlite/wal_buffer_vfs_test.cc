// The WAL-buffering VFS on real files: fewer writes reach the WAL than
// SQLite makes, and nothing is lost or reordered — another connection (the
// default VFS) sees every committed row at once, through spills of a tiny
// page cache (frames rewritten in place mid-transaction), checkpoints, log
// restarts and reopening.
#include "store/sqlite/wal_buffer_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "store/sqlite/db.h"
#include "store/store_testing.h"

namespace govperf::store::sqlite {
namespace {

class WalBufferVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("wal.db");
    auto w = Db::Open(path_, WalBufferVfs());
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    writer_ = std::move(*w);
    auto r = Db::Open(path_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    reader_ = std::move(*r);
    ASSERT_TRUE(
        writer_->Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, tag TEXT UNIQUE, body BLOB)").ok());
  }

  // Inserts rows [from, to) in one transaction; each row's tag is random-ish
  // (a unique index written in random order, like the journal's keys).
  void Insert(int from, int to) {
    ASSERT_TRUE(writer_->Exec("BEGIN IMMEDIATE").ok());
    auto ins = writer_->Prepare("INSERT INTO t (k, tag, body) VALUES (?, ?, randomblob(300))");
    ASSERT_TRUE(ins.ok());
    for (int k = from; k < to; ++k) {
      ins->Reset();
      ins->Bind(1, static_cast<int64_t>(k))
          .Bind(2, std::to_string((k * 7919LL) % 1000003) + "-" + std::to_string(k));
      ASSERT_TRUE(ins->Run().ok());
    }
    Status c = writer_->Exec("COMMIT");
    ASSERT_TRUE(c.ok()) << c.ToString();
  }

  std::string Query(Db& db, const std::string& sql) {
    auto q = db.Prepare(sql);
    EXPECT_TRUE(q.ok());
    if (!q.ok()) return "";
    auto row = q->Step();
    EXPECT_TRUE(row.ok() && *row);
    return q->Text(0);
  }

  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<Db> writer_, reader_;
};

TEST_F(WalBufferVfsTest, AppendsReachTheWalInFewWritesAndAreVisibleAfterCommit) {
  const WalBufferStats before = WalBufferCounts();
  Insert(0, 3000);
  const WalBufferStats after = WalBufferCounts();
  const std::size_t appends = after.appends - before.appends;
  const std::size_t writes = after.writes - before.writes;
  // Two appends per frame (header, page), hundreds of frames; a few writes.
  EXPECT_GT(appends, 400u);
  EXPECT_LT(writes * 20, appends) << writes << " writes for " << appends << " appends";
  EXPECT_EQ(Query(*reader_, "SELECT COUNT(*) || ' ' || SUM(k) FROM t"), "3000 4498500");
}

TEST_F(WalBufferVfsTest, SpillsCheckpointsRestartsAndReopeningLoseNothing) {
  // A tiny page cache spills pages into the WAL mid-transaction and rewrites
  // them there: writes that are not appends, and reads of buffered frames.
  ASSERT_TRUE(writer_->Exec("PRAGMA cache_size=5").ok());
  Insert(0, 2000);
  EXPECT_EQ(Query(*reader_, "SELECT COUNT(*) FROM t"), "2000");
  ASSERT_TRUE(writer_->Exec("UPDATE t SET body = randomblob(200) WHERE k % 3 = 0").ok());
  // A full checkpoint through the writer, then the log restarts at its start.
  ASSERT_TRUE(writer_->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  Insert(2000, 4000);
  EXPECT_EQ(Query(*reader_, "SELECT COUNT(*) || ' ' || SUM(k) FROM t"), "4000 7998000");
  EXPECT_EQ(Query(*reader_, "SELECT COUNT(*) FROM t WHERE k % 3 = 0 AND length(body) = 200"),
            "667");
  EXPECT_EQ(Query(*reader_, "PRAGMA integrity_check"), "ok");
  writer_.reset();
  reader_.reset();
  auto again = Db::Open(path_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Query(**again, "SELECT COUNT(*) || ' ' || SUM(k) FROM t"), "4000 7998000");
  EXPECT_EQ(Query(**again, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace govperf::store::sqlite
