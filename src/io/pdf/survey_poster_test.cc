// The survey poster as its reader sees it (pdftotext): the Chinese title, the
// instruction and the link under the code; one A4 page.
#include "io/pdf/survey_poster.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace govperf::io::pdf {
namespace {

std::string PosterPdfText(const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("govperf-poster-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(
      ::popen(("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null").c_str(), "r"),
      ::pclose);
  if (pipe) {
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) text.append(buf.data(), n);
  }
  std::filesystem::remove(path);
  return text;
}

TEST(SurveyPoster, ShowsTheTitleTheInstructionAndTheLink) {
  PosterContent c;
  c.title_zh = "云岭市2026年度群众满意度调查";
  c.title_en = "Yunling 2026 satisfaction survey";
  c.link = "https://pj.example.gov.cn/s/2026-sat";
  auto pdf = RenderSurveyPoster(c);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string text = PosterPdfText(*pdf);
  EXPECT_NE(text.find("云岭市2026年度群众满意度调查"), std::string::npos) << text;
  EXPECT_NE(text.find("扫描下方二维码"), std::string::npos) << text;
  EXPECT_NE(text.find("https://pj.example.gov.cn/s/2026-sat"), std::string::npos) << text;
  EXPECT_EQ(text.find("第 2 页"), std::string::npos);  // one page
  EXPECT_EQ(RenderSurveyPoster({"标题", "", "", ""}).status().field(), "text");
}

}  // namespace
}  // namespace govperf::io::pdf
