// The bulletin PDF as its reader sees it (pdftotext): the number, a unit's
// Chinese name, a figure, the foreword; the JSON round trip it is stored as.
#include "io/pdf/bulletin_pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "io/bulletin_json.h"

namespace govperf::io::pdf {
namespace {

namespace cb = core::barometer;

cb::Bulletin SampleBulletin() {
  cb::Bulletin b;
  b.year = 2026;
  b.quarter = 3;
  b.number = 3;
  b.draft = false;
  b.as_of = "2026-10-20";
  b.quarter_end = "2026-09-30";
  b.issued_on = "2026-10-20";
  b.issued_by = "admin";
  b.foreword = "各单位要对照通报问题，限期整改到位。";
  b.categories = {{"C1", "区县", "Districts", 0, {}}, {"C2", "市直部门", "Departments", 0, {}}};
  cb::Tally good;
  good.on_track = 9;
  good.lagging = 1;
  good.reports_due = 12;
  good.on_time = 12;
  good.verified = 12;
  cb::Tally bad;
  bad.on_track = 2;
  bad.red = 3;
  bad.reports_due = 12;
  bad.on_time = 8;
  bad.late = 2;
  bad.missing = 2;
  bad.red_cards = 3;
  bad.verified = 7;
  b.units = {{"D01", "云岭市东湖区", "Donghu", "C1", good, 0},
             {"D02", "云岭市西山区", "Xishan", "C1", bad, 0},
             {"B01", "市发展改革委", "DRC", "C2", good, 0}};
  cb::RankBulletin(b);
  return b;
}

std::string BulletinPdfText(const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("govperf-bulletin-" + std::to_string(::getpid()) + ".pdf");
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

TEST(BulletinPdf, NumberNamesFiguresAndForewordAreInThePdf) {
  const cb::Bulletin b = SampleBulletin();
  ASSERT_EQ(b.criticised.size(), 1u);
  auto pdf = RenderBulletinPdf(b);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const std::string text = BulletinPdfText(*pdf);
  EXPECT_NE(text.find("〔2026〕第3期"), std::string::npos) << text;
  EXPECT_NE(text.find("季度绩效监测通报"), std::string::npos);
  EXPECT_NE(text.find("云岭市西山区"), std::string::npos);
  EXPECT_NE(text.find("限期整改到位"), std::string::npos);
  EXPECT_NE(text.find("通报批评"), std::string::npos);
  EXPECT_NE(text.find("红牌 3 次"), std::string::npos) << text;  // the named unit's reason
  EXPECT_NE(text.find("91.2%"), std::string::npos) << text;      // verified 31 of 34 reports in
  EXPECT_EQ(text.find("草稿"), std::string::npos);
}

TEST(BulletinPdf, ADraftSaysSo) {
  cb::Bulletin b = SampleBulletin();
  b.draft = true;
  b.number = 0;
  auto pdf = RenderBulletinPdf(b);
  ASSERT_TRUE(pdf.ok());
  const std::string text = BulletinPdfText(*pdf);
  EXPECT_NE(text.find("草稿（未印发）"), std::string::npos) << text;
}

TEST(BulletinJson, RoundTripsToTheSameCanonicalText) {
  const cb::Bulletin b = SampleBulletin();
  const std::string text = BulletinToJson(b).dump();
  auto back = BulletinFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(BulletinToJson(*back).dump(), text);
  EXPECT_EQ(back->units[1].tally.red_cards, 3);
  EXPECT_EQ(back->criticised[0].unit_id, "D02");
  EXPECT_EQ(BulletinFromJson(nlohmann::json::array()).status().field(), "content");
}

}  // namespace
}  // namespace govperf::io::pdf
