#include "io/csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/data_csv.h"

namespace govperf::io {
namespace {

TEST(Csv, QuotesCommasNewlinesBomAndCrlf) {
  auto t = ParseCsv(
      "\xEF\xBB\xBFid,reason\r\n1,\"国家级表彰, 一等\"\r\n2,\"say \"\"hi\"\"\nthere\"\n", "x.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header, (std::vector<std::string>{"id", "reason"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields[1], "国家级表彰, 一等");
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].fields[1], "say \"hi\"\nthere");
  EXPECT_EQ(t->rows[1].line, 3);
}

TEST(Csv, RaggedRowsAndUnterminatedQuotesNameTheLine) {
  EXPECT_EQ(ParseCsv("a,b\n1,2\n3\n", "v.csv").status().message(),
            "v.csv line 3: 1 fields, the header has 2");
  EXPECT_EQ(ParseCsv("a,b\n1,\"2\n", "v.csv").status().message(),
            "v.csv line 2: unterminated quote");
  EXPECT_EQ(ParseCsv("", "v.csv").status().message(), "v.csv: empty (a header line is required)");
}

class DataDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("govperf_data_csv_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const char* name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path dir_;
};

TEST_F(DataDir, ReadsValuesSubjectsAndAdjustments) {
  Write("values.csv",
        "indicator_id,unit_id,period,value,no_data,entered_by\n"
        "1.1,D01,2025,7.5,0,lead_b03\n1.1,D02,2025,,1,lead_b03\n1.1,D03,2025-06,3,,\n");
  Write("subjects.csv",
        "unit_id,satisfaction,leadership,satisfaction_se\nD01,88.5,90,1.8\nD02,,85,\n");
  Write("adjustments.csv",
        "id,unit_id,kind,points,veto_effect,reason_zh\n"
        "a1,D01,bonus,1,,\"国家级表彰, 一等\"\nv1,D02,veto,,fix_lowest,重大事故\n");
  auto d = ReadYearDataDir(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->values.size(), 3u);
  EXPECT_EQ(*d->values[0].value, 7.5);
  EXPECT_EQ(d->values[0].entered_by, "lead_b03");
  EXPECT_FALSE(d->values[1].value.has_value());
  EXPECT_TRUE(d->values[1].no_data);
  EXPECT_EQ(d->satisfaction.at("D01"), 88.5);
  EXPECT_EQ(d->satisfaction.count("D02"), 0u);
  EXPECT_EQ(d->satisfaction_se.at("D01"), 1.8);
  EXPECT_EQ(d->leadership.at("D02"), 85);
  ASSERT_EQ(d->adjustments.size(), 2u);
  EXPECT_EQ(d->adjustments[0].reason_zh, "国家级表彰, 一等");
  EXPECT_EQ(d->adjustments[1].kind, core::AdjustmentKind::kVeto);
  EXPECT_EQ(d->adjustments[1].veto_effect, core::VetoEffect::kFixLowest);
}

TEST_F(DataDir, ErrorsNameFileLineAndColumn) {
  Write("values.csv", "indicator_id,unit_id,period,value\n1.1,D01,2025,7.5\n1.1,D02,2025,seven\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 3 column value: expected a number, got 'seven'");
  Write("values.csv", "indicator_id,unit_id,value\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 1: missing column 'period'");
  Write("values.csv", "indicator_id,unit_id,period,value\n");
  Write("subjects.csv", "unit_id,satisfaction,leadership\nD01,101,90\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "subjects.csv line 2 column satisfaction: must be within 0..100");
  std::filesystem::remove(dir_ / "values.csv");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().code(), Code::kNotFound);
}

TEST_F(DataDir, NumbersPeriodsAndDuplicatesAreStrict) {
  const auto values_error = [&](const std::string& row) {
    Write("values.csv", "indicator_id,unit_id,period,value\n1.1,D01,2025,7\n" + row + "\n");
    return ReadYearDataDir(dir_.string(), 2025).status().message();
  };
  EXPECT_EQ(values_error("1.1,D02,2025,0x10"),
            "values.csv line 3 column value: expected a number, got '0x10' (hexadecimal, binary "
            "and octal are not accepted)");
  EXPECT_EQ(values_error("1.1,D02,2025,inf"),
            "values.csv line 3 column value: expected a number, got 'inf' (not a finite number)");
  EXPECT_EQ(values_error("1.1,D02,2025,1e999"),
            "values.csv line 3 column value: expected a number, got '1e999' (out of the range of "
            "a double)");
  EXPECT_EQ(values_error("1.1,D02,2025,\"1,5\""),
            "values.csv line 3 column value: expected a number, got '1,5' (no decimal comma or "
            "thousands separator: write 1500.5)");
  EXPECT_EQ(values_error("1.1,D02,2025, 7"),
            "values.csv line 3 column value: expected a number, got ' 7' (leading or trailing "
            "space)");
  EXPECT_EQ(values_error("1.1,D02,2025-xy,7"),
            "values.csv line 3 column period: expected '2025' (year end), '2025-MM' (MM 01..12) "
            "or '2024' (last year's year end), got '2025-xy'");
  EXPECT_EQ(values_error("1.1,D02,2025-13,7").substr(0, 41),
            "values.csv line 3 column period: expected");
  EXPECT_EQ(values_error("1.1,D02,2025-1,7").substr(0, 41),
            "values.csv line 3 column period: expected");
  EXPECT_EQ(values_error("1.1,D02,2019,7").substr(0, 41),
            "values.csv line 3 column period: expected");
  EXPECT_EQ(values_error("1.1,D02,2024-12,7").substr(0, 41),
            "values.csv line 3 column period: expected");
  EXPECT_EQ(values_error("1.1,D01,2025,8"),
            "values.csv line 3: duplicate of line 2 (same indicator_id, unit_id and period)");
  EXPECT_EQ(values_error("1.1,D01,2025-06,3"), "");  // a month is another period
  EXPECT_EQ(values_error("1.1,D01,2024,3"), "");     // last year's year end
  // Without the year, the syntax alone.
  Write("values.csv", "indicator_id,unit_id,period,value\n1.1,D01,2025-1,7\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 2 column period: expected 'YYYY' (year end) or 'YYYY-MM' (MM "
            "01..12), got '2025-1'");
}

TEST_F(DataDir, DuplicateSubjectsAdjustmentsAndInputsNameBothLines) {
  Write("values.csv", "indicator_id,unit_id,period,value\n");
  Write("subjects.csv", "unit_id,satisfaction,leadership\nD01,80,90\nD02,70,\nD01,81,90\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "subjects.csv line 4: duplicate of line 2 (same unit_id)");
  std::filesystem::remove(dir_ / "subjects.csv");
  Write("adjustments.csv", "id,unit_id,kind,points\na1,D01,bonus,1\na1,D02,bonus,2\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "adjustments.csv line 3: duplicate of line 2 (same id)");
  std::filesystem::remove(dir_ / "adjustments.csv");
  Write("inputs.csv", "unit_id,name,value\nD01,budget,5\nD01,staff,3\nD01,budget,6\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "inputs.csv line 4: duplicate of line 2 (same unit_id and name)");
}

TEST_F(DataDir, RefusesBinaryEmptyAndOddFiles) {
  Write("values.csv", "indicator_id,unit_id,period,value\n1.1,\xB0\xB2,2025,7\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 2: byte 0xB0 is not UTF-8 text (save the file as CSV UTF-8)");
  Write("values.csv", std::string("\x7f"
                                  "ELF\x02\x01\x01\0\0\0",
                                  10));
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 1: byte 0x00 is not UTF-8 text (save the file as CSV UTF-8)");
  Write("values.csv", "");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv: empty (a header line is required)");
  Write("values.csv", "indicator_id,unit_id,period,value,value\n");
  EXPECT_EQ(ReadYearDataDir(dir_.string()).status().message(),
            "values.csv line 1: duplicate column 'value'");
  EXPECT_EQ(ReadYearDataDir((dir_ / "nope").string()).status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace govperf::io
