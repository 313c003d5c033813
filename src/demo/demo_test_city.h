// Test helper for the demo tests: the demo city generated once per test
// suite into a fresh SQLite file and shared read-only by the suite's tests
// (generation takes about a second, more with the surveys). Header-only;
// included by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>

#include "demo/demo.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace govperf::demo::testing {

enum class Surveys {
  // No file named: the city is generated without its 社会评价 surveys
  // (given satisfaction scores), the quicker city most tests read.
  kWithout,
  // The store's file named in DemoOptions::db_path, as `govperf demo` writes
  // it, so the surveys run through the response journal.
  kThroughTheJournal,
};

// A fixture whose suite shares one generated demo city, `store_`. Each
// instantiation has its own statics; suites run one after the other, and the
// city is freed (and the pointers cleared) when a suite ends.
template <Surveys kSurveys>
class GeneratedDemoCityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new store::testing::TempDir();
    clock_ = new StoryClock();
    auto opened = store::OpenSqliteStore(dir_->File("demo.db"), *clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value().release();
    DemoOptions options;
    options.clock = clock_;
    if (kSurveys == Surveys::kThroughTheJournal) options.db_path = dir_->File("demo.db");
    Status st = GenerateDemoCity(*store_, options);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete clock_;
    delete dir_;
    store_ = nullptr;
    clock_ = nullptr;
    dir_ = nullptr;
  }

  static inline store::testing::TempDir* dir_ = nullptr;
  static inline StoryClock* clock_ = nullptr;
  static inline store::Store* store_ = nullptr;
};

}  // namespace govperf::demo::testing
