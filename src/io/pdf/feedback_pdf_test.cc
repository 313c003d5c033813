// The PDF is checked as its reader sees it: rendered, then turned back into
// text by pdftotext (poppler-utils), which must find the unit's Chinese name,
// its total as the report formats it, its grade in Chinese and the lost
// points' explanations — i.e. the CJK font was embedded with its text map.
#include "io/pdf/feedback_pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace govperf::io::pdf {
namespace {

core::FeedbackReport SampleReport(int lost_rows) {
  core::FeedbackReport r;
  r.year = 2025;
  r.stage = "published";
  r.unit_id = "D01";
  r.unit_name_zh = "云岭市东湖区";
  r.unit_name_en = "Donghu District";
  r.category_id = "C1";
  r.category_name_zh = "区县";
  r.category_name_en = "Districts";
  r.total = 87.346;
  r.rank = 2;
  r.category_size = 9;
  r.grade = "good";
  r.grade_zh = "良好";
  r.grade_en = "Good";
  r.indicator_score = 85.5;
  r.satisfaction = 90;
  r.leadership = 92;
  r.bonus = 1;
  r.dimensions = {{"1", "经济发展", "Economy", 31.5, 40},
                  {"2", "公共服务", "Public service", 50, 60}};
  r.trend = {{2023, 80.1, 5, 9, "qualified", "合格", "Qualified", false},
             {2024, 84.25, 3, 9, "good", "良好", "Good", false},
             {2025, 87.346, 2, 9, "good", "良好", "Good", false}};
  for (int i = 0; i < lost_rows; ++i) {
    core::FeedbackLostPoint p;
    p.indicator_id = "1.1." + std::to_string(i + 1);
    p.name_zh = "固定资产投资完成率（第" + std::to_string(i + 1) + "项，名称很长需要换行显示）";
    p.points = 10;
    p.earned = 8.5;
    p.lost = 1.5;
    p.target = 100;
    p.actual = 85;
    p.unit_of_measure = "%";
    p.status = "scored";
    p.rule_zh =
        "完成率 85% 低于目标 100%，按比例得分 8.5 分；未完成部分按每低于目标 1 个百分点扣 0.1 "
        "分计算，"
        "说明文字足够长以便在单元格内换行。";
    r.lost_points.push_back(p);
  }
  r.adjustments = {{"a1", "bonus", 1, "获国家级表彰", "National award"}};
  return r;
}

std::string PdfToText(const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("govperf-feedback-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(
      popen(("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null").c_str(), "r"), pclose);
  if (pipe) {
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) text.append(buf.data(), n);
  }
  std::filesystem::remove(path);
  return text;
}

int PageCount(const std::string& bytes) {
  // Each page object is "/Type /Page" not followed by 's'.
  int n = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos;
       at = bytes.find("/Type /Page", at + 1)) {
    if (bytes.compare(at, 12, "/Type /Pages") != 0) ++n;
  }
  return n;
}

TEST(FeedbackPdf, FindsTheCjkFont) {
  auto font = FindCjkFont();
  ASSERT_TRUE(font.ok()) << font.status().ToString();
  EXPECT_NE(font->find("NotoSansCJK"), std::string::npos) << *font;
}

TEST(FeedbackPdf, TextOfTheReportIsInThePdf) {
  auto pdf = RenderFeedbackPdf(SampleReport(3));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const std::string text = PdfToText(*pdf);
  EXPECT_NE(text.find("云岭市东湖区"), std::string::npos) << text;
  EXPECT_NE(text.find("87.35"), std::string::npos) << text;  // total, two decimals
  EXPECT_NE(text.find("良好"), std::string::npos);
  std::string compact;  // pdftotext drops the thin spaces between CJK and digits
  for (char ch : text) {
    if (ch != ' ' && ch != '\n') compact.push_back(ch);
  }
  EXPECT_NE(compact.find("第2名/共9个"), std::string::npos) << compact;
  EXPECT_NE(text.find("2025 年度绩效反馈报告"), std::string::npos);
  EXPECT_NE(text.find("31.50 / 40.00"), std::string::npos);  // the dimension bar's label
  EXPECT_NE(text.find("84.25"), std::string::npos);          // the trend's 2024 point
  EXPECT_NE(text.find("获国家级表彰"), std::string::npos);
  EXPECT_NE(text.find("1.1.3"), std::string::npos);
  EXPECT_LE(PageCount(*pdf), 2);
}

TEST(FeedbackPdf, ALongLostPointsTableBreaksAcrossPagesAndRepeatsItsHeader) {
  auto pdf = RenderFeedbackPdf(SampleReport(40));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_GE(PageCount(*pdf), 3);
  const std::string text = PdfToText(*pdf);
  EXPECT_NE(text.find("1.1.40"), std::string::npos);  // the last row is there
  size_t headers = 0;
  for (size_t at = text.find("目标 / 实际"); at != std::string::npos;
       at = text.find("目标 / 实际", at + 1)) {
    ++headers;
  }
  EXPECT_GE(headers, 2u);
  EXPECT_NE(text.find("第 3 页"), std::string::npos);
}

}  // namespace
}  // namespace govperf::io::pdf
