// The xlsx reader and writer on workbooks made by libxlsxwriter: every kind
// of cell, merged ranges, limits (file, part, rows, cells), files that are
// not workbooks; and CSV read through the same entry point.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/sheet.h"
#include "io/sheet_table.h"
#include "io/xlsx_read.h"
#include "io/xlsx_write.h"

namespace govperf::io {
namespace {

// A workbook written by libxlsxwriter directly, through `fill`.
template <typename Fill>
std::string MakeXlsx(Fill fill, bool constant_memory = false) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("xlsx_test_" + std::to_string(::getpid()) + "_" +
                     std::to_string(reinterpret_cast<uintptr_t>(&fill)) + ".xlsx");
  lxw_workbook_options opt{};
  opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
  fill(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

TEST(Xlsx, CellNames) {
  EXPECT_EQ(CellName(0, 0), "A1");
  EXPECT_EQ(CellName(16, 3), "D17");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(16383), "XFD");
  size_t r = 0, c = 0;
  ASSERT_TRUE(ParseCellName("XFD1048576", &r, &c));
  EXPECT_EQ(r, 1048575u);
  EXPECT_EQ(c, 16383u);
  ASSERT_TRUE(ParseCellName("$B$3", &r, &c));
  EXPECT_EQ(r, 2u);
  EXPECT_EQ(c, 1u);
  EXPECT_FALSE(ParseCellName("A0", &r, &c));
  EXPECT_FALSE(ParseCellName("12", &r, &c));
  EXPECT_FALSE(ParseCellName("A1B", &r, &c));
}

TEST(Xlsx, ReadsStringsNumbersBooleansFormulasAndMerges) {
  const std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "指标体系");
    worksheet_merge_range(ws, 0, 0, 0, 3, "2025年度考核指标", nullptr);
    worksheet_write_string(ws, 1, 0, "一级指标", nullptr);
    worksheet_write_string(ws, 1, 1, "分值", nullptr);
    worksheet_write_string(ws, 1, 2, "是否", nullptr);
    worksheet_merge_range(ws, 2, 0, 4, 0, "经济发展", nullptr);
    worksheet_write_number(ws, 2, 1, 12.5, nullptr);
    worksheet_write_number(ws, 3, 1, 1e-7, nullptr);
    worksheet_write_string(ws, 4, 1, "１０", nullptr);  // a number stored as text
    worksheet_write_boolean(ws, 2, 2, 1, nullptr);
    worksheet_write_boolean(ws, 3, 2, 0, nullptr);
    worksheet_write_formula_num(ws, 4, 2, "=B3*2", nullptr, 25);
    worksheet_write_string(ws, 6, 3, "D7", nullptr);  // after a blank row
    workbook_add_worksheet(wb, "空白");
  });
  auto wb = ReadXlsx(bytes, "scheme.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  ASSERT_EQ(wb->sheets.size(), 2u);
  const Sheet& s = wb->sheets[0];
  EXPECT_EQ(s.name, "指标体系");
  EXPECT_EQ(wb->sheets[1].name, "空白");
  EXPECT_TRUE(wb->sheets[1].rows.empty());
  // The title's merged range: every cell holds its value.
  for (size_t c = 0; c < 4; ++c) EXPECT_EQ(s.At(0, c), "2025年度考核指标");
  EXPECT_EQ(s.At(1, 0), "一级指标");
  for (size_t r = 2; r <= 4; ++r) EXPECT_EQ(s.At(r, 0), "经济发展") << r;
  EXPECT_EQ(s.At(2, 1), "12.5");
  EXPECT_EQ(s.At(3, 1), "1E-07");  // as Excel stores it
  EXPECT_EQ(*ParseCellNumber(s.At(3, 1)), 1e-7);
  EXPECT_EQ(s.At(4, 1), "１０");
  EXPECT_EQ(*ParseCellNumber(s.At(4, 1)), 10);
  EXPECT_EQ(s.At(2, 2), "TRUE");
  EXPECT_EQ(s.At(3, 2), "FALSE");
  EXPECT_EQ(s.At(4, 2), "25");  // a formula's cached value
  EXPECT_EQ(s.At(5, 0), "");
  EXPECT_EQ(s.At(6, 3), "D7");
  EXPECT_EQ(s.At(99, 99), "");
}

TEST(Xlsx, ReadsInlineStrings) {
  // libxlsxwriter's constant-memory mode writes strings inline (<is><t>).
  const std::string bytes = MakeXlsx(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "单位名录");
        worksheet_write_string(ws, 0, 0, "单位名称", nullptr);
        worksheet_write_string(ws, 1, 0, "东区 & <西区>", nullptr);
        worksheet_write_number(ws, 1, 1, 3, nullptr);
      },
      /*constant_memory=*/true);
  auto wb = ReadXlsx(bytes, "units.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  EXPECT_EQ(wb->sheets[0].At(1, 0), "东区 & <西区>");
  EXPECT_EQ(wb->sheets[0].At(1, 1), "3");
}

TEST(Xlsx, WriterRoundTripsThroughTheReader) {
  OutSheet s;
  s.name = "目标值";
  s.title_rows = 1;
  s.rows = {{"2025年度目标值"},
            {"单位编码", "单位名称", "1.1.1 投资完成率"},
            {"D01", "东区", OutCell::Number(7.25)},
            {"D02", "西区, \"新\"", OutCell()}};
  s.merges = {{2, 0, 3, 0}};
  auto bytes = WriteXlsx({s});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(SniffFormat(*bytes), FileFormat::kXlsx);
  auto wb = ReadXlsx(*bytes, "t.xlsx");
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  const Sheet& r = wb->sheets[0];
  EXPECT_EQ(r.name, "目标值");
  EXPECT_EQ(r.At(0, 0), "2025年度目标值");
  EXPECT_EQ(r.At(0, 2), "2025年度目标值");  // the title is merged across
  EXPECT_EQ(r.At(1, 2), "1.1.1 投资完成率");
  EXPECT_EQ(r.At(2, 2), "7.25");
  EXPECT_EQ(r.At(3, 0), "D01");  // merged down
  EXPECT_EQ(r.At(3, 1), "西区, \"新\"");
  // CSV: BOM, quoting, the merged cell only in its first cell.
  EXPECT_EQ(WriteCsv(s),
            "\xEF\xBB\xBF"
            "2025年度目标值\r\n单位编码,单位名称,1.1.1 投资完成率\r\nD01,东区,7.25\r\n"
            ",\"西区, \"\"新\"\"\",\r\n");
}

TEST(Xlsx, RefusesWhatIsNotAWorkbook) {
  auto not_zip = ReadWorkbook("单位名称\n东区\n", "units.xlsx");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().message(),
            "units.xlsx: not an .xlsx workbook (the file is not a zip archive)");
  auto xls = ReadWorkbook(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "old.xls");
  ASSERT_FALSE(xls.ok());
  EXPECT_EQ(xls.status().message(),
            "old.xls: an old binary .xls workbook; save it as .xlsx (Excel Workbook)");
  auto truncated = ReadXlsx(std::string("PK\x03\x04", 4) + std::string(100, 'x'), "cut.xlsx");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().message(),
            "cut.xlsx: not an .xlsx workbook (the file is not a zip archive)");
  // A workbook cut short: its central directory is gone.
  const std::string bytes = MakeXlsx([](lxw_workbook* wb) { workbook_add_worksheet(wb, "S"); });
  auto cut = ReadXlsx(bytes.substr(0, bytes.size() - 40), "cut2.xlsx");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().message(),
            "cut2.xlsx: not an .xlsx workbook (the file is not a zip archive)");
  // A zip archive that is not a workbook.
  const auto path = std::filesystem::temp_directory_path() / "xlsx_test_plain.zip";
  zipFile z = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(z, nullptr);
  ASSERT_EQ(zipOpenNewFileInZip64(z, "hello.txt", nullptr, nullptr, 0, nullptr, 0, nullptr,
                                  Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
            ZIP_OK);
  ASSERT_EQ(zipWriteInFileInZip(z, "hello", 5), ZIP_OK);
  zipCloseFileInZip(z);
  zipClose(z, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  auto plain = ReadWorkbook(ss.str(), "plain.xlsx");
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().message(), "plain.xlsx: the workbook has no part 'xl/workbook.xml'");
}

TEST(Xlsx, LimitsAreCheckedBeforeTheWork) {
  // ~40,000 cells of the same text: a small file that unpacks to megabytes.
  const std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "大表");
    for (lxw_row_t r = 0; r < 2000; ++r) {
      for (lxw_col_t c = 0; c < 20; ++c) worksheet_write_number(ws, r, c, 1, nullptr);
    }
  });
  EXPECT_LT(bytes.size(), 200u << 10);
  SheetLimits small;
  small.max_part_bytes = 512 << 10;
  auto bomb = ReadXlsx(bytes, "bomb.xlsx", small);
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().message(),
            "bomb.xlsx: part 'xl/worksheets/sheet1.xml' unpacks to more than 512 KiB");
  SheetLimits rows;
  rows.max_rows = 1000;
  auto too_many_rows = ReadXlsx(bytes, "rows.xlsx", rows);
  ASSERT_FALSE(too_many_rows.ok());
  EXPECT_EQ(too_many_rows.status().message(),
            "rows.xlsx sheet '大表' cell A1001: beyond the limit of 1000 rows and 16384 columns");
  SheetLimits cells;
  cells.max_cells = 10'000;
  auto too_many_cells = ReadXlsx(bytes, "cells.xlsx", cells);
  ASSERT_FALSE(too_many_cells.ok());
  EXPECT_EQ(too_many_cells.status().message(), "cells.xlsx sheet '大表': more than 10000 cells");
  SheetLimits file;
  file.max_file_bytes = 1 << 10;
  auto too_big = ReadWorkbook(bytes, "big.xlsx", file);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.status().message(), "big.xlsx: larger than 1 KiB");
  SheetLimits sheets;
  sheets.max_sheets = 1;
  const std::string two = MakeXlsx([](lxw_workbook* wb) {
    workbook_add_worksheet(wb, "一");
    workbook_add_worksheet(wb, "二");
  });
  auto too_many_sheets = ReadXlsx(two, "two.xlsx", sheets);
  ASSERT_FALSE(too_many_sheets.ok());
  EXPECT_EQ(too_many_sheets.status().message(), "two.xlsx: more than 1 sheets");
  // A merged range reaching far beyond the data is bounded too.
  const std::string wide = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "合并");
    worksheet_merge_range(ws, 0, 0, 50'000, 100, "x", nullptr);
  });
  auto merged = ReadXlsx(wide, "merged.xlsx");
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.status().message(),
            "merged.xlsx sheet '合并': merged ranges cover more than 2000000 cells");
}

TEST(Sheets, CsvThroughTheSameEntryPoint) {
  auto wb = ReadWorkbook(
      "\xEF\xBB\xBF"
      "单位名录,,\n\n单位名称,单位类别\n东区,区县\n",
      "units.csv");
  ASSERT_TRUE(wb.ok()) << wb.status().ToString();
  const Sheet& s = wb->sheets[0];
  EXPECT_EQ(s.name, "units.csv");
  EXPECT_EQ(s.At(0, 0), "单位名录");
  EXPECT_EQ(s.At(2, 1), "单位类别");  // line 3: the blank line keeps its place
  EXPECT_EQ(s.At(3, 0), "东区");
}

TEST(Sheets, NumbersAsOfficesWriteThem) {
  EXPECT_EQ(*ParseCellNumber("１２．５"), 12.5);
  EXPECT_EQ(*ParseCellNumber(" 7 "), 7);
  EXPECT_EQ(*ParseCellNumber("－３"), -3);
  EXPECT_EQ(*ParseCellNumber("1,234.5"), 1234.5);
  EXPECT_EQ(*ParseCellNumber("12,345,678"), 12345678);
  EXPECT_EQ(*ParseCellNumber("10分", "分"), 10);
  EXPECT_EQ(*ParseCellNumber("１０ 分", "分"), 10);
  EXPECT_FALSE(ParseCellNumber("1,5").ok());
  EXPECT_FALSE(ParseCellNumber("12,34").ok());
  EXPECT_FALSE(ParseCellNumber("abc").ok());
  EXPECT_FALSE(ParseCellNumber("").ok());
  EXPECT_EQ(NormalizeCell("\xE3\x80\x80Ｄ０１\xC2\xA0"), "D01");
  EXPECT_EQ(TrimCell("\xE3\x80\x80（东区）\n"), "（东区）");
}

TEST(Sheets, FindsTheHeaderBelowTitlesAndAcrossTwoRows) {
  Sheet s;
  s.name = "指标体系";
  s.rows = {{"2025年度考核指标体系"},
            {"填报单位：绩效办"},
            {"指标名称", "指标名称", "指标名称", "分数（分）", "考核单位"},
            {"一级指标", "二级指标", "三级指标", "", ""},
            {"经济发展", "增长", "投资", "10", "发改委"}};
  SheetError err;
  auto t = FindTable(s, {"level1", "level2", "level3", "points", "lead"}, {{"points"}}, &err);
  ASSERT_TRUE(t.ok()) << err.ToString();
  EXPECT_EQ(t->header_row, 3u);
  EXPECT_EQ(t->first_row, 4u);
  EXPECT_EQ(*t->Column("level3"), 2u);
  EXPECT_EQ(*t->Column("points"), 3u);
  EXPECT_EQ(*t->Column("lead"), 4u);
  // A required column missing: named with its accepted spellings.
  auto missing = FindTable(s, {"level1", "target"}, {{"target"}}, &err);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(err.ToString(),
            "sheet '指标体系': no header row with a column 目标值 (accepted: "
            "目标值、目标、年度目标、目标任务、target) in the first 30 rows");
}

}  // namespace
}  // namespace govperf::io
