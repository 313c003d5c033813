// QR codes of a public link: the matrix libqrencode makes is the one drawn
// in the PNG, module for module, with the quiet zone around it.
#include "io/qr.h"

#include <gtest/gtest.h>

namespace govperf::io {
namespace {

TEST(Qr, ThePngShowsTheEncodedMatrixModuleForModule) {
  const std::string link = "https://pj.example.gov.cn/s/2026-satisfaction";
  auto qr = EncodeQr(link);
  ASSERT_TRUE(qr.ok()) << qr.status().ToString();
  EXPECT_GE(qr->width, 21);
  EXPECT_EQ((qr->width - 17) % 4, 0);  // 17 + 4 × version
  // The finder pattern's corner modules are dark, the module beside the
  // finder's outer ring inside the separator is light.
  EXPECT_TRUE(qr->At(0, 0));
  EXPECT_TRUE(qr->At(0, qr->width - 1));
  EXPECT_TRUE(qr->At(qr->width - 1, 0));
  EXPECT_FALSE(qr->At(7, 7));
  for (int px : {1, 4}) {
    auto png = QrPng(*qr, px);
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    auto back = QrMatrixFromPng(*png, px);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->width, qr->width);
    EXPECT_EQ(back->dark, qr->dark) << "at " << px << " px per module";
  }
  // Another link, another code.
  EXPECT_NE(EncodeQr(link + "x")->dark, qr->dark);
  EXPECT_EQ(EncodeQr("").status().field(), "text");
  EXPECT_EQ(QrPng(*qr, 0).status().field(), "size");
  EXPECT_FALSE(QrMatrixFromPng("not a png", 1).ok());
}

}  // namespace
}  // namespace govperf::io
