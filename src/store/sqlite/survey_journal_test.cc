// The response journal on a real SQLite file: group commit under many
// threads, idempotency keys and codes racing, the batch audit records in the
// store's chain, draining on shutdown; and the office's review of flagged
// responses (ReviewResponse).
#include "store/survey_journal.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "store/password.h"
#include "store/store_testing.h"

namespace govperf::store {
namespace {

namespace sv = core::survey;

class SurveyJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("city.db");
    auto opened = OpenSqliteStore(path_, clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    core::Scheme s;
    s.year = 2026;
    core::Category c;
    c.id = "C";
    c.name_zh = "区县";
    c.kind = core::UnitKind::kDistrict;
    c.grades = {{"ok", "合格", "OK", 0, std::nullopt}};
    s.categories = {c};
    s.units = {{"U1", "甲", "A", "C", "", core::UnitKind::kDistrict}};
    core::Indicator root;
    root.id = "1";
    root.name_zh = "经济";
    root.points = 10;
    s.indicators = {root};
    ASSERT_TRUE(store_->SaveScheme(kSys, s).ok());
    ASSERT_TRUE(store_->PutYear(kSys, {2026, core::Stage::kMonitoring, "", 0}).ok());
    sv::Survey v;
    v.id = "sat";
    v.year = 2026;
    v.title_zh = "满意度";
    v.groups = {{"citizens", "群众", "Citizens", 1}};
    sv::Question q{"q1", sv::QuestionKind::kScale, "满意吗？"};
    v.questions = {q};
    v.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
    v.public_link = true;
    v.public_group = "citizens";
    ASSERT_TRUE(store_->Write(kSys, [&](WriteTx& tx) { return tx.PutSurvey(v); }).ok());
    ASSERT_TRUE(SetStatus("sat", sv::SurveyStatus::kOpen).ok());
    auto j = OpenSqliteSurveyJournal(path_, clock_, {64, 100000});
    ASSERT_TRUE(j.ok()) << j.status().ToString();
    journal_ = std::move(j).value();
  }

  ::govperf::Status SetStatus(const std::string& id, sv::SurveyStatus st) {
    return store_->Write(kSys, [&](WriteTx& tx) { return tx.SetSurveyStatus(id, st); });
  }

  std::vector<std::string> Codes(int n) {
    std::vector<sv::InvitationCode> rows;
    std::vector<std::string> plain;
    for (int i = 0; i < n; ++i) {
      plain.push_back("CODE" + std::to_string(i));
      sv::InvitationCode c;
      c.survey_id = "sat";
      c.code_hash = Sha256Hex(plain.back());
      c.group_id = "citizens";
      rows.push_back(c);
    }
    EXPECT_TRUE(store_->Write(kSys, [&](WriteTx& tx) { return tx.AddInvitationCodes(rows); }).ok());
    return plain;
  }

  static sv::Response Row(const std::string& channel, const std::string& credential_plain,
                          const std::string& key, int value = 4) {
    sv::Response r;
    r.survey_id = "sat";
    r.channel = channel;
    r.credential = Sha256Hex(credential_plain);
    r.idempotency_key = key;
    r.group_id = "citizens";
    r.answers["q1"].scale = value;
    r.started_at_ms = 1000;
    r.submitted_at_ms = 60000;
    r.received_at = 1767225600;
    r.client_hash = Sha256Hex("127.0.0.1");
    return r;
  }

  int64_t Count(const std::string& where) {
    return std::stoll(testing::RawQuery(path_, "SELECT COUNT(*) FROM " + where));
  }

  // Codes with no counted (non-rejected) response.
  int64_t UnusedCodes() {
    return Count(
        "survey_codes c WHERE NOT EXISTS (SELECT 1 FROM survey_responses r WHERE "
        "r.survey_id = c.survey_id AND r.credential = c.code_hash AND r.status <> 'rejected')");
  }

  const Actor kSys{"system", core::Role::kSystem};
  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SurveyJournal> journal_;
};

TEST_F(SurveyJournalTest, OutcomesOfOneSubmitter) {
  const std::vector<std::string> codes = Codes(2);
  SubmitResult a = journal_->Submit(Row("code", codes[0], "k1"));
  ASSERT_EQ(a.outcome, SubmitOutcome::kCreated) << a.error.ToString();
  EXPECT_GT(a.response_id, 0);
  // Same key: the same id, whatever the row says now.
  SubmitResult again = journal_->Submit(Row("code", codes[1], "k1", 2));
  EXPECT_EQ(again.outcome, SubmitOutcome::kReplayed);
  EXPECT_EQ(again.response_id, a.response_id);
  EXPECT_EQ(journal_->Submit(Row("code", codes[0], "k2")).outcome, SubmitOutcome::kCredentialUsed);
  EXPECT_EQ(journal_->Submit(Row("link", "token-1", "k4")).outcome, SubmitOutcome::kCreated);
  EXPECT_EQ(journal_->Submit(Row("link", "token-1", "k5")).outcome, SubmitOutcome::kCredentialUsed);
  sv::Response other = Row("link", "token-2", "k6");
  other.survey_id = "nope";
  EXPECT_EQ(journal_->Submit(other).outcome, SubmitOutcome::kUnknownSurvey);
  ASSERT_TRUE(SetStatus("sat", sv::SurveyStatus::kClosed).ok());
  EXPECT_EQ(journal_->Submit(Row("link", "token-3", "k7")).outcome, SubmitOutcome::kSurveyNotOpen);
  // A key seen before still replays after closing (a retry of an answered submission).
  EXPECT_EQ(journal_->Submit(Row("link", "token-3", "k1")).outcome, SubmitOutcome::kReplayed);

  EXPECT_EQ(Count("survey_responses"), 2);
  EXPECT_EQ(testing::RawQuery(path_, "SELECT id FROM survey_responses WHERE credential = '" +
                                         Sha256Hex(codes[0]) + "'"),
            std::to_string(a.response_id));
  EXPECT_EQ(UnusedCodes(), 1);
  // Each batch that created rows: one survey_batches row and one audit record.
  EXPECT_EQ(Count("survey_batches"), 2);
  EXPECT_EQ(Count("audit_log WHERE action = 'survey.batch'"), 2);
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  // The stored row reads back through the store.
  auto rows = store_->ListResponses("sat", std::nullopt, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].answers.at("q1").scale, 4);
  EXPECT_EQ((*rows)[0].channel, "code");
  EXPECT_EQ((*rows)[0].batch_id, 1);
  // The batch hash is the SHA-256 of the canonical row lines.
  EXPECT_EQ(testing::RawQuery(path_, "SELECT content_sha256 FROM survey_batches WHERE id = 1"),
            Sha256Hex(BatchRowJson((*rows)[0]) + "\n"));
}

// The batch hash covers each row's canonical JSON (BatchRowJson) also when
// its strings need escaping: quotes, backslashes, control characters,
// Chinese, and bytes that are not UTF-8 (stored and hashed as U+FFFD).
TEST_F(SurveyJournalTest, BatchHashMatchesTheCanonicalJsonOfAwkwardRows) {
  // The journal stores answers as given (the collector validated them).
  const std::vector<std::string> codes = Codes(1);
  sv::Response r = Row("code", codes[0], "k\"ey\\1");
  r.answers["q2"].text = "路灯\"坏了\"\\\n\t\x01 ok \xff\xfe end";
  r.reason = "speeder;\"quoted\"";
  r.cells = {{"district", "永定区"}, {"sex", "f\\m"}};
  SubmitResult a = journal_->Submit(r);
  ASSERT_EQ(a.outcome, SubmitOutcome::kCreated) << a.error.ToString();
  auto rows = store_->ListResponses("sat", std::nullopt, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].idempotency_key, "k\"ey\\1");
  EXPECT_EQ((*rows)[0].answers.at("q2").text,
            "路灯\"坏了\"\\\n\t\x01 ok \xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_EQ((*rows)[0].cells.at("district"), "永定区");
  const std::string canonical = BatchRowJson((*rows)[0]);
  EXPECT_NE(canonical.find("\\u0001"), std::string::npos) << canonical;
  EXPECT_EQ(testing::RawQuery(path_, "SELECT content_sha256 FROM survey_batches"),
            Sha256Hex(canonical + "\n"));
  auto verified = store_->VerifyAudit();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->message;
}

// J3: a rejected response no longer holds its code; the code can answer again.
TEST_F(SurveyJournalTest, ARejectedResponseFreesItsCode) {
  const std::vector<std::string> codes = Codes(1);
  sv::Response flagged = Row("code", codes[0], "k1");
  flagged.status = sv::ResponseStatus::kFlagged;
  flagged.reason = "speeder";
  SubmitResult a = journal_->Submit(flagged);
  ASSERT_EQ(a.outcome, SubmitOutcome::kCreated);
  EXPECT_EQ(journal_->Submit(Row("code", codes[0], "k2")).outcome, SubmitOutcome::kCredentialUsed);
  EXPECT_EQ(UnusedCodes(), 0);
  ASSERT_TRUE(store_
                  ->Write(kSys,
                          [&](WriteTx& tx) {
                            return tx.ReviewResponse("sat", a.response_id,
                                                     sv::ResponseStatus::kRejected,
                                                     "same phone, 20 s");
                          })
                  .ok());
  EXPECT_EQ(UnusedCodes(), 1);
  SubmitResult again = journal_->Submit(Row("code", codes[0], "k3"));
  EXPECT_EQ(again.outcome, SubmitOutcome::kCreated);
  EXPECT_NE(again.response_id, a.response_id);
  EXPECT_EQ(UnusedCodes(), 0);
  EXPECT_EQ(Count("survey_responses"), 2);
}

TEST_F(SurveyJournalTest, ManyThreadsRacingKeysAndCodesCommitEachOnceInBatches) {
  constexpr int kThreads = 32;
  constexpr int kPerThread = 60;
  const std::vector<std::string> codes = Codes(kThreads * kPerThread / 2);
  std::atomic<int> created{0}, replayed{0}, used{0}, other{0};
  std::mutex mu;
  std::map<std::string, std::set<int64_t>> ids_of_key;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Threads 2k and 2k+1 submit the same key for the same code; 2k+1
        // also submits that code under another key: one of the three wins.
        const int n = (t / 2) * kPerThread + i;
        const std::string code = codes[n];
        std::vector<std::string> keys{"key-" + std::to_string(n)};
        if (t % 2 == 1) keys.push_back("alt-" + std::to_string(n));
        for (const std::string& key : keys) {
          SubmitResult r = journal_->Submit(Row("code", code, key));
          if (r.outcome == SubmitOutcome::kCreated)
            ++created;
          else if (r.outcome == SubmitOutcome::kReplayed)
            ++replayed;
          else if (r.outcome == SubmitOutcome::kCredentialUsed)
            ++used;
          else
            ++other;
          if (r.response_id != 0) {
            std::lock_guard<std::mutex> lock(mu);
            ids_of_key[key].insert(r.response_id);
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(other.load(), 0);
  // Every code answered exactly once; each key answered with one id.
  EXPECT_EQ(created.load(), static_cast<int>(codes.size()));
  EXPECT_EQ(created + replayed + used, kThreads * kPerThread + kThreads / 2 * kPerThread);
  for (const auto& [key, ids] : ids_of_key) EXPECT_EQ(ids.size(), 1u) << key;
  EXPECT_EQ(Count("survey_responses"), static_cast<int64_t>(codes.size()));
  EXPECT_EQ(UnusedCodes(), 0);
  EXPECT_EQ(std::stoll(testing::RawQuery(path_, "SELECT SUM(count) FROM survey_batches")),
            static_cast<int64_t>(codes.size()));
  // Group commit: far fewer batches than rows.
  const JournalStats st = journal_->Stats();
  EXPECT_EQ(st.rows, codes.size());
  EXPECT_LT(st.batches, st.rows);
  EXPECT_GT(st.largest_batch, 1u);
  EXPECT_LE(st.largest_batch, 64u);  // the batch limit
  EXPECT_EQ(Count("audit_log WHERE action = 'survey.batch'"), static_cast<int64_t>(st.batches));
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
}

// SubmitAsync from one thread that never waits: every callback comes once,
// after its commit, and the queue fills whole batches (one submitter alone
// could never make a batch larger than 1 with the blocking Submit).
TEST_F(SurveyJournalTest, AsyncSubmissionsFromOneThreadAreAnsweredOnceEachInFullBatches) {
  constexpr int kRows = 1000;
  const std::vector<std::string> codes = Codes(kRows);
  std::mutex mu;
  std::condition_variable cv;
  int answered = 0;
  std::set<int64_t> ids;
  int not_created = 0;
  for (int i = 0; i < kRows; ++i) {
    journal_->SubmitAsync(Row("code", codes[static_cast<size_t>(i)], "a-" + std::to_string(i)), {},
                          [&](SubmitResult r) {
                            std::lock_guard<std::mutex> lock(mu);
                            if (r.outcome == SubmitOutcome::kCreated) {
                              ids.insert(r.response_id);
                            } else {
                              ++not_created;
                            }
                            ++answered;
                            cv.notify_all();
                          });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return answered == kRows; }));
  }
  EXPECT_EQ(not_created, 0);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(Count("survey_responses"), kRows);
  const JournalStats st = journal_->Stats();
  // The queue runs ahead of the commits (a row costs the writer far more than
  // the submitter): batches fill up to the limit.
  EXPECT_GT(st.largest_batch, 32u);
  EXPECT_LE(st.largest_batch, 64u);
  EXPECT_LE(st.batches, static_cast<uint64_t>(kRows / 2));
}

// J8: the writer does not checkpoint inside its commits; the checkpoint
// thread does, and the WAL stays bounded (the log restarts) however many
// pages pass through it.
TEST_F(SurveyJournalTest, CheckpointsRunOffTheWriterAndKeepTheWalBounded) {
  journal_->Shutdown();
  JournalOptions small;
  small.batch_limit = 64;
  small.wal_checkpoint_pages = 50;
  small.wal_limit_pages = 400;
  auto j = OpenSqliteSurveyJournal(path_, clock_, small);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  journal_ = std::move(j).value();
  constexpr int kRows = 12000;
  std::mutex mu;
  std::condition_variable cv;
  int created = 0, answered = 0;
  for (int i = 0; i < kRows; ++i) {
    const std::string n = std::to_string(i);
    journal_->SubmitAsync(Row("link", "token-" + n, "w-" + n), {}, [&](SubmitResult r) {
      std::lock_guard<std::mutex> lock(mu);
      created += r.outcome == SubmitOutcome::kCreated ? 1 : 0;
      ++answered;
      cv.notify_all();
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return answered == kRows; }));
  }
  EXPECT_EQ(created, kRows);
  const JournalStats st = journal_->Stats();
  EXPECT_GT(st.checkpoints, 0u);
  // Every page of every batch went through the WAL (a database of well over
  // 1,000 pages), but it never held much more than the limit (plus what
  // batches wrote during one pass of the checkpoint thread).
  const auto wal = std::filesystem::file_size(path_ + "-wal");
  const auto db = std::filesystem::file_size(path_);
  constexpr uint64_t kFrame = 4096 + 24;
  EXPECT_GT(db, 1000 * 4096u);
  EXPECT_LT(wal, 3 * 400 * kFrame) << "wal " << wal << " bytes, database " << db << " bytes";
  EXPECT_EQ(Count("survey_responses"), kRows);
  journal_->Shutdown();
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
}

// J7: replay-only (a submission after the fieldwork window) answers a seen
// key with its id and anything else with kSurveyNotOpen, writing nothing.
TEST_F(SurveyJournalTest, ReplayOnlyAnswersSeenKeysAndWritesNothing) {
  const std::vector<std::string> codes = Codes(2);
  SubmitResult a = journal_->Submit(Row("code", codes[0], "k1"));
  ASSERT_EQ(a.outcome, SubmitOutcome::kCreated);
  SubmitResult replay = journal_->Submit(Row("code", codes[0], "k1"), {/*replay_only=*/true});
  EXPECT_EQ(replay.outcome, SubmitOutcome::kReplayed);
  EXPECT_EQ(replay.response_id, a.response_id);
  SubmitResult fresh = journal_->Submit(Row("code", codes[1], "k2"), {/*replay_only=*/true});
  EXPECT_EQ(fresh.outcome, SubmitOutcome::kSurveyNotOpen);
  EXPECT_EQ(Count("survey_responses"), 1);
  EXPECT_EQ(UnusedCodes(), 1);
}

// RecentResponses: the newest `limit` of one survey, in id order, whatever
// another survey wrote in between.
TEST_F(SurveyJournalTest, RecentResponsesAreTheNewestInIdOrder) {
  const std::vector<std::string> codes = Codes(5);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    SubmitResult r =
        journal_->Submit(Row("code", codes[static_cast<size_t>(i)], "r-" + std::to_string(i)));
    ASSERT_EQ(r.outcome, SubmitOutcome::kCreated);
    ids.push_back(r.response_id);
  }
  auto recent = store_->RecentResponses("sat", 3);
  ASSERT_TRUE(recent.ok()) << recent.status().ToString();
  ASSERT_EQ(recent->size(), 3u);
  EXPECT_EQ((*recent)[0].id, ids[2]);
  EXPECT_EQ((*recent)[2].id, ids[4]);
  EXPECT_EQ((*recent)[2].idempotency_key, "r-4");
  EXPECT_EQ(store_->RecentResponses("sat", 50)->size(), 5u);
  EXPECT_TRUE(store_->RecentResponses("nope", 50)->empty());
}

TEST_F(SurveyJournalTest, AuditChainStaysValidWhileTheStoreWritesToo) {
  std::atomic<bool> done{false};
  std::thread store_writer([&] {
    int i = 0;
    while (!done) {
      // Another writer of the same chain: codes through the store.
      sv::InvitationCode c;
      c.survey_id = "sat";
      c.code_hash = Sha256Hex("store-" + std::to_string(i++));
      c.group_id = "citizens";
      EXPECT_TRUE(
          store_->Write(kSys, [&](WriteTx& tx) { return tx.AddInvitationCodes({c}); }).ok());
      // The office's writes come now and then, not back to back.
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string tok = "tok-" + std::to_string(t) + "-" + std::to_string(i);
        const SubmitResult r = journal_->Submit(Row("link", tok, tok));
        EXPECT_EQ(r.outcome, SubmitOutcome::kCreated) << r.error.ToString();
      }
    });
  }
  for (auto& th : threads) th.join();
  done = true;
  store_writer.join();
  EXPECT_EQ(Count("survey_responses"), 400);
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->message;
  EXPECT_GT(Count("audit_log WHERE action = 'survey.codes'"), 0);
}

TEST_F(SurveyJournalTest, ShutdownDrainsAndThenRefuses) {
  std::vector<std::thread> threads;
  std::atomic<int> answered{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      const std::string tok = "drain-" + std::to_string(t);
      SubmitResult r = journal_->Submit(Row("link", tok, tok));
      if (r.outcome == SubmitOutcome::kCreated || r.outcome == SubmitOutcome::kUnavailable) {
        ++answered;
      }
      if (r.outcome == SubmitOutcome::kCreated) {
        EXPECT_EQ(testing::RawQuery(path_,
                                    "SELECT idempotency_key FROM survey_responses WHERE "
                                    "id = " +
                                        std::to_string(r.response_id)),
                  tok);
      }
    });
  }
  journal_->Shutdown();
  for (auto& th : threads) th.join();
  EXPECT_EQ(answered.load(), 16);
  EXPECT_EQ(journal_->Submit(Row("link", "late", "late")).outcome, SubmitOutcome::kUnavailable);
  journal_->Shutdown();  // idempotent
}

TEST_F(SurveyJournalTest, ReviewDecidesFlaggedResponsesOnly) {
  sv::Response flagged = Row("link", "t1", "f1");
  flagged.status = sv::ResponseStatus::kFlagged;
  flagged.reason = "speeder";
  const int64_t f = journal_->Submit(flagged).response_id;
  const int64_t ok = journal_->Submit(Row("link", "t2", "a1")).response_id;
  sv::Response flagged2 = Row("link", "t3", "f2");
  flagged2.status = sv::ResponseStatus::kFlagged;
  const int64_t f2 = journal_->Submit(flagged2).response_id;
  ASSERT_GT(f2, 0);
  const Actor admin{"admin", core::Role::kAdmin};
  auto review = [&](int64_t id, sv::ResponseStatus st, const std::string& note) {
    return store_->Write(admin,
                         [&](WriteTx& tx) { return tx.ReviewResponse("sat", id, st, note); });
  };
  ASSERT_TRUE(review(f, sv::ResponseStatus::kAccepted, "人工核实").ok());
  auto rows = store_->ListResponses("sat", sv::ResponseStatus::kAccepted, 0, 10);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].id, f);
  EXPECT_EQ((*rows)[0].reviewed_by, "admin");
  EXPECT_EQ((*rows)[0].review_note, "人工核实");
  EXPECT_EQ((*rows)[0].reason, "speeder");  // kept
  // Anything but a flagged response: 409 naming status.
  ::govperf::Status again = review(f, sv::ResponseStatus::kRejected, "");
  EXPECT_EQ(again.code(), Code::kFailedPrecondition);
  EXPECT_EQ(again.field(), "status");
  EXPECT_EQ(review(ok, sv::ResponseStatus::kRejected, "").field(), "status");
  EXPECT_EQ(review(f2, sv::ResponseStatus::kFlagged, "").field(), "status");
  EXPECT_EQ(review(999, sv::ResponseStatus::kRejected, "").code(), Code::kNotFound);
  // Rejected: kept, and its token no longer holds a response.
  ASSERT_TRUE(review(f2, sv::ResponseStatus::kRejected, "重复").ok());
  EXPECT_EQ(store_->CountResponses("sat")->rejected, 1);
  EXPECT_EQ(store_->CountResponses("sat")->accepted, 2);
  EXPECT_EQ(store_->CountResponses("sat")->flagged, 0);
  EXPECT_EQ(journal_->Submit(Row("link", "t3", "f3")).outcome, SubmitOutcome::kCreated);
  EXPECT_EQ(Count("audit_log WHERE action = 'survey.review'"), 2);
  // A unit's user may not review (stage rule surveys: the office only).
  const Actor unit{"u1", core::Role::kUnit};
  sv::Response f4 = Row("link", "t4", "f4");
  f4.status = sv::ResponseStatus::kFlagged;
  const int64_t id4 = journal_->Submit(f4).response_id;
  EXPECT_FALSE(store_
                   ->Write(unit,
                           [&](WriteTx& tx) {
                             return tx.ReviewResponse("sat", id4, sv::ResponseStatus::kAccepted,
                                                      "");
                           })
                   .ok());
  auto v = store_->VerifyAudit();
  EXPECT_TRUE(v.ok() && v->ok);
}

}  // namespace
}  // namespace govperf::store
