#include "io/pdf/survey_poster.h"

#include "io/pdf/canvas.h"

namespace govperf::io::pdf {

using namespace canvas;  // NOLINT: the page vocabulary of this one file

Result<std::string> RenderSurveyPoster(const PosterContent& c) {
  Result<QrMatrix> qr = EncodeQr(c.link);
  if (!qr.ok()) return qr.status();
  return RenderDocument(c.title_zh, [&](Canvas& page) {
    page.y = kMargin + 30;
    page.y +=
        page.Text(kMargin, page.y, c.title_zh, kContentW, {26, true, kInk, PANGO_ALIGN_CENTER});
    if (!c.title_en.empty()) {
      page.y += 6;
      page.y += page.Text(kMargin, page.y, c.title_en, kContentW,
                          {12, false, kMuted, PANGO_ALIGN_CENTER});
    }
    page.y += 18;
    page.Line(kMargin + 80, page.y, kMargin + kContentW - 80, page.y, kAccent, 1.5);
    page.y += 22;
    page.y += page.Text(kMargin, page.y, "请用手机微信或浏览器扫描下方二维码，参与满意度调查",
                        kContentW, {15, true, kAccent, PANGO_ALIGN_CENTER});
    page.y += 4;
    page.y += page.Text(kMargin, page.y,
                        "Scan the code with your phone to take part in the satisfaction survey",
                        kContentW, {10, false, kMuted, PANGO_ALIGN_CENTER});
    page.y += 24;
    // The code: 300 pt wide (about 10.6 cm) with its quiet zone, centred.
    const double side = 300;
    const int modules = qr->width + 2 * kQrQuietZone;
    const double m = side / modules;
    const double x0 = (kPageW - side) / 2, y0 = page.y;
    page.Fill(x0, y0, side, side, {1, 1, 1});
    cairo_t* cr = page.cr();
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int r = 0; r < qr->width; ++r) {
      for (int col = 0; col < qr->width; ++col) {
        if (qr->At(r, col)) {
          cairo_rectangle(cr, x0 + (col + kQrQuietZone) * m, y0 + (r + kQrQuietZone) * m, m, m);
        }
      }
    }
    cairo_fill(cr);
    page.y += side + 16;
    page.y += page.Text(kMargin, page.y, "或在浏览器中输入网址 / or open:", kContentW,
                        {10, false, kMuted, PANGO_ALIGN_CENTER});
    page.y += 4;
    page.y += page.Text(kMargin, page.y, c.link, kContentW, {12, false, kInk, PANGO_ALIGN_CENTER});
    page.y += 24;
    if (!c.intro_zh.empty()) {
      page.y += page.Text(kMargin + 40, page.y, c.intro_zh, kContentW - 80, {11, false, kInk});
      page.y += 12;
    }
    page.Text(kMargin + 40, page.y,
              "问卷匿名填写，约需 3 至 5 "
              "分钟；每台设备限填一次。您的意见建议将转交相关单位办理并公开办结情况。",
              kContentW - 80, {10, false, kMuted});
  });
}

}  // namespace govperf::io::pdf
