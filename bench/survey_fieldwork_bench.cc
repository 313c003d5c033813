// Fieldwork progress and the review queue at a million responses: a fresh
// SQLite file with one survey and N responses (default 1,000,000; argv[1]),
// inserted by one SQL statement (as the response journal leaves them), then
//   1. FieldworkProgress (SQL aggregates, store CountFieldwork),
//   2. the same counts the way it was done before: one ForEachResponse scan
//      parsing every row in memory,
//   3. the review queue: every page of flagged responses (500 a page), and
//      the first page alone.
// Prints one line per step with wall time and the counts (they must agree).
// A plain timed program, not a test; figures in BENCHMARKS.md.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include "app/caller.h"
#include "app/survey/review.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace {

using govperf::Status;
namespace app = govperf::app;
namespace store = govperf::store;
namespace sv = govperf::core::survey;

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Check(const Status& st, const char* what) {
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, st.ToString().c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "govperf-fieldwork-bench.db";
  std::filesystem::remove(path);
  auto opened = store::OpenSqliteStore(path.string());
  Check(opened.status(), "open");
  store::Store& st = **opened;
  const store::Actor sys{"system", govperf::core::Role::kSystem};
  namespace core = govperf::core;
  core::Scheme scheme;  // the smallest year a survey can belong to
  scheme.year = 2026;
  scheme.categories = {{"C1",
                        "区县",
                        "Districts",
                        core::UnitKind::kDistrict,
                        {},
                        {{"ok", "合格", "OK", 0, std::nullopt}}}};
  scheme.units = {{"D01", "东区", "East", "C1", "", core::UnitKind::kDistrict}};
  core::Indicator root, leaf;
  root.id = "1";
  root.name_zh = "发展";
  root.level = 1;
  leaf.id = "1.1";
  leaf.parent_id = "1";
  leaf.level = 2;
  leaf.name_zh = "增速";
  leaf.points = 10;
  leaf.method = "completion_ratio";
  leaf.category_ids = {"C1"};
  scheme.indicators = {root, leaf};
  scheme.targets = {{{"1.1", "D01"}, 10}};
  Check(st.SaveScheme(sys, scheme), "scheme");
  Check(st.PutYear(sys, {2026, govperf::core::Stage::kMonitoring, "", 0}), "year");
  sv::Survey s;
  s.id = "sat";
  s.year = 2026;
  s.title_zh = "满意度调查";
  s.groups = {{"citizen", "群众", "", 0.7}, {"enterprise", "企业", "", 0.3}};
  // D02 is i % 40 == 1 (citizens only), D01 i % 40 == 0 (enterprises only).
  s.quotas = {{"citizen", "district", "D02", 20000}, {"enterprise", "district", "D01", 5000}};
  Check(st.Write(sys, [&](store::WriteTx& tx) { return tx.PutSurvey(s); }), "survey");
  // 40 districts; flagged every 7th, rejected every 11th; no cell every 3rd.
  const std::string sql =
      "INSERT INTO survey_responses (survey_id, channel, credential, idempotency_key, group_id, "
      "cells, answers, started_at_ms, submitted_at_ms, received_at, client_hash, status, "
      "reason, batch_id) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
      "< " +
      std::to_string(n) +
      ") SELECT 'sat', 'link', 'cred-' || i, 'key-' || i, CASE WHEN i % 5 = 0 THEN 'enterprise' "
      "ELSE 'citizen' END, CASE WHEN i % 3 = 0 THEN '{}' ELSE '{\"district\":\"D' || "
      "printf('%02d', i % 40 + 1) || '\",\"age\":\"a' || (i % 4) || '\"}' END, "
      "'{\"q1\":4,\"q2\":3,\"q3\":5,\"opinion\":\"公交班次太少，希望增加\"}', 0, 60000, "
      "1780000000, 'x', CASE WHEN i % 7 = 0 THEN 'flagged' WHEN i % 11 = 0 THEN 'rejected' ELSE "
      "'accepted' END, '', 1 FROM n";
  auto t0 = std::chrono::steady_clock::now();
  // The store has no raw SQL door: a second connection, as the journal has.
  std::string error;
  if (int rc = store::testing::RawExec(path.string(), sql, &error); rc != 0) {
    std::fprintf(stderr, "insert: %s\n", error.c_str());
    return 1;
  }
  std::printf("insert %d responses: %.2f s\n", n, Since(t0));

  const app::Caller admin{"office", govperf::core::Role::kAdmin, "", ""};
  t0 = std::chrono::steady_clock::now();
  auto f = app::survey::FieldworkProgress(st, admin, "sat");
  Check(f.status(), "fieldwork");
  std::printf(
      "FieldworkProgress (SQL aggregates): %.3f s — accepted %lld flagged %lld "
      "rejected %lld, %zu cells, quota[0] %lld\n",
      Since(t0), static_cast<long long>(f->accepted), static_cast<long long>(f->flagged),
      static_cast<long long>(f->rejected), f->cells.size(),
      static_cast<long long>(f->quotas[0].accepted));

  t0 = std::chrono::steady_clock::now();
  int64_t acc = 0, fl = 0, rej = 0, quota0 = 0;
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> cells;
  Check(st.ForEachResponse("sat",
                           [&](const sv::Response& r) -> Status {
                             if (r.status == sv::ResponseStatus::kAccepted) {
                               ++acc;
                               for (const auto& [var, level] : r.cells)
                                 ++cells[{r.group_id, var, level}];
                             } else if (r.status == sv::ResponseStatus::kFlagged) {
                               ++fl;
                             } else {
                               ++rej;
                             }
                             return Status::Ok();
                           }),
        "scan");
  if (auto it = cells.find({"citizen", "district", "D02"}); it != cells.end()) quota0 = it->second;
  std::printf(
      "before: one ForEachResponse scan in memory: %.3f s — accepted %lld flagged %lld "
      "rejected %lld, %zu cells, quota[0] %lld\n",
      Since(t0), static_cast<long long>(acc), static_cast<long long>(fl),
      static_cast<long long>(rej), cells.size(), static_cast<long long>(quota0));

  t0 = std::chrono::steady_clock::now();
  auto first = app::survey::ListResponses(st, admin, "sat", sv::ResponseStatus::kFlagged, 0,
                                          app::survey::kMaxResponsePage);
  Check(first.status(), "queue");
  std::printf("review queue, first page of %zu: %.4f s\n", first->size(), Since(t0));
  t0 = std::chrono::steady_clock::now();
  int64_t after = 0, seen = 0, pages = 0;
  for (;;) {
    auto page = app::survey::ListResponses(st, admin, "sat", sv::ResponseStatus::kFlagged, after,
                                           app::survey::kMaxResponsePage);
    Check(page.status(), "queue");
    if (page->empty()) break;
    ++pages;
    seen += static_cast<int64_t>(page->size());
    after = page->back().id;
  }
  std::printf("review queue, all %lld flagged in %lld pages: %.3f s\n",
              static_cast<long long>(seen), static_cast<long long>(pages), Since(t0));
  std::filesystem::remove(path);
  return acc == f->accepted && fl == f->flagged && rej == f->rejected &&
                 quota0 == f->quotas[0].accepted && seen == f->flagged
             ? 0
             : 1;
}
