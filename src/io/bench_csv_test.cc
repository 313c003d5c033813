#include "io/bench_csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace govperf::io {
namespace {

namespace fs = std::filesystem;

class BenchCsv : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("govperf_bench_csv_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  void WriteValid() {
    Write("units.csv", "unit_id,category\nA,K1\nB,K1\nC,K2\n");
    Write("indicators.csv", "indicator_id,points,direction\nI1,60,1\nI2,40,-1\n");
    Write("values.csv",
          "unit_id,indicator_id,target,actual\n"
          "A,I1,100,90\nA,I2,50,100\n"
          "B,I1,100,130\nB,I2,50,\n"
          "C,I2,10,0\nC,I1,100,-3\n");
  }
  fs::path dir_;
};

TEST_F(BenchCsv, LoadsAndScoresAHandComputedYear) {
  WriteValid();
  auto y = LoadBenchYear(dir_.string(), 1);
  ASSERT_TRUE(y.ok()) << y.status().ToString();
  ASSERT_EQ(y->units(), 3u);
  ASSERT_EQ(y->indicators(), 2u);
  EXPECT_EQ(y->category_names, (std::vector<std::string>{"K1", "K2"}));
  EXPECT_TRUE(std::isnan(y->actual[1 * 2 + 1]));  // B,I2 not reported
  auto r = core::bench::ScoreBenchmark(*y);
  EXPECT_DOUBLE_EQ(r.total[0], 60 * 0.9 + 40 * 0.5);  // 74
  EXPECT_DOUBLE_EQ(r.total[1], 60 * 1.2);             // 72, I2 missing
  EXPECT_DOUBLE_EQ(r.total[2], 40 * 1.2);             // actual 0 lower-better → 1.2; −3 → 0
  EXPECT_EQ(r.rank[0], 1u);
  EXPECT_EQ(r.rank[1], 2u);
  EXPECT_EQ(r.rank[2], 1u);
  EXPECT_EQ(r.grade[0], core::bench::BenchGrade::kQualified);
  EXPECT_EQ(r.grade[2], core::bench::BenchGrade::kUnqualified);
}

TEST_F(BenchCsv, ErrorsNameTheFileAndLine) {
  WriteValid();
  Write("values.csv", "unit_id,indicator_id,target,actual\nA,I1,100,90\nZ,I1,100,90\n");
  auto y = LoadBenchYear(dir_.string(), 1);
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().message(), "values.csv line 3: unknown unit_id 'Z'");

  Write("values.csv", "unit_id,indicator_id,target,actual\nA,I1,100,90\nA,I1,100,91\n");
  y = LoadBenchYear(dir_.string(), 1);
  EXPECT_EQ(y.status().message(), "values.csv line 3: duplicate value for (A, I1), also on line 2");

  Write("values.csv", "unit_id,indicator_id,target,actual\nA,I1,abc,90\n");
  y = LoadBenchYear(dir_.string(), 1);
  EXPECT_EQ(y.status().message(), "values.csv line 2: target must be a number, got 'abc'");

  Write("values.csv", "unit,indicator\n");
  y = LoadBenchYear(dir_.string(), 1);
  EXPECT_EQ(y.status().message(),
            "values.csv line 1: header must be 'unit_id,indicator_id,target,actual'");

  WriteValid();
  Write("indicators.csv", "indicator_id,points,direction\nI1,60,1\nI2,40,0\n");
  y = LoadBenchYear(dir_.string(), 1);
  EXPECT_EQ(y.status().message(), "indicators.csv line 3: direction must be 1 or -1, got '0'");
}

TEST_F(BenchCsv, NumbersAreStrictAndTheSameOnBothPaths) {
  WriteValid();
  for (const char* bad : {"0x10", "inf", "nan", "1e999", "+5", " 5", "5.", ".5", "--1", "1e-400"}) {
    Write("values.csv", std::string("unit_id,indicator_id,target,actual\nA,I1,100,") + bad + "\n");
    auto y = LoadBenchYear(dir_.string(), 1);
    ASSERT_FALSE(y.ok()) << bad;
    EXPECT_NE(y.status().message().find("values.csv line 2: actual must be a number or empty, got"),
              std::string::npos)
        << y.status().message();
  }
  // The fast path and the strict parser agree on what they both read.
  Write("values.csv", "unit_id,indicator_id,target,actual\nA,I1,100,-0.5\nA,I2,1.5e2,7\n");
  auto y = LoadBenchYear(dir_.string(), 1);
  ASSERT_TRUE(y.ok()) << y.status().message();
}

TEST_F(BenchCsv, RefusesBinaryAndOversizedYears) {
  WriteValid();
  Write("units.csv", "unit_id,category\nA,\xB0\xB2\n");
  auto y = LoadBenchYear(dir_.string(), 1);
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().message(), "units.csv line 2: not UTF-8 text (save the file as CSV UTF-8)");
  GenOptions o;
  o.units = 100'000'000;
  o.indicators = 10'000;
  EXPECT_EQ(WriteBenchYear((dir_ / "big").string(), o).message(),
            "--units × --indicators: 100000000 × 10000 values, at most 100000000");
}

TEST_F(BenchCsv, GeneratedYearIsDeterministicAndParallelLoadMatches) {
  GenOptions o;
  o.units = 250;
  o.indicators = 40;
  o.seed = 7;
  ASSERT_TRUE(WriteBenchYear(dir_.string(), o).ok());
  auto a = LoadBenchYear(dir_.string(), 1);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->units(), 250u);
  EXPECT_EQ(a->category_names.size(), 3u);  // categories of 100: 100, 100, 50
  double points = 0;
  for (double p : a->points) points += p;
  EXPECT_NEAR(points, 100.0, 1e-9);
  // Same seed, same files.
  auto other = dir_ / "again";
  ASSERT_TRUE(WriteBenchYear(other.string(), o).ok());
  auto b = LoadBenchYear(other.string(), 4);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->unit_ids, b->unit_ids);
  EXPECT_EQ(a->target, b->target);
  for (size_t i = 0; i < a->actual.size(); ++i) {
    ASSERT_TRUE(a->actual[i] == b->actual[i] ||
                (std::isnan(a->actual[i]) && std::isnan(b->actual[i])));
  }
}

}  // namespace
}  // namespace govperf::io
