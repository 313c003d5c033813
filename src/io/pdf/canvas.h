// What the PDF documents share (the feedback report, the quarterly
// bulletin): A4 in PostScript points, the page frame, colours, and Canvas —
// a page with a vertical cursor that sets text with pango in the CJK family
// (wrapping, alignment), fills, rules, headings and page breaks with a footer.
// Included only by io/pdf/*.cc (cairo and pango stay private to io).
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cairo-pdf.h>

#include <functional>
#include <string>

#include "io/pdf/feedback_pdf.h"

namespace govperf::io::pdf::canvas {

// A4 in PostScript points (cairo's PDF unit), and the page's frame.
inline constexpr double kPageW = 595.276;
inline constexpr double kPageH = 841.890;
inline constexpr double kMargin = 48;
inline constexpr double kContentW = kPageW - 2 * kMargin;
inline constexpr double kBottom = kPageH - kMargin - 18;  // room for the page number

struct Rgb {
  double r, g, b;
};
inline constexpr Rgb kInk{0.13, 0.15, 0.18};
inline constexpr Rgb kMuted{0.42, 0.45, 0.50};
inline constexpr Rgb kAccent{0.10, 0.38, 0.70};  // the office's blue: got, the trend line
inline constexpr Rgb kLight{0.86, 0.89, 0.93};   // full points behind the bar, grid
inline constexpr Rgb kHeaderFill{0.93, 0.95, 0.98};
inline constexpr Rgb kLoss{0.78, 0.20, 0.18};

struct Style {
  double size = 10;
  bool bold = false;
  Rgb color = kInk;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

// The page being drawn and the vertical cursor.
class Canvas {
 public:
  explicit Canvas(cairo_t* cr) : cr_(cr) {}
  cairo_t* cr() const { return cr_; }
  double y = kMargin;
  int page = 1;

  // A pango layout of `text` wrapped to `width` (PANGO_WRAP_WORD_CHAR: CJK
  // text has no spaces to break at). Caller unrefs.
  PangoLayout* Layout(const std::string& text, double width, const Style& st) const {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kCjkFamily);
    pango_font_description_set_weight(font, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute size: device units are points, independent of pango's DPI.
    pango_font_description_set_absolute_size(font, st.size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, st.align);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    return layout;
  }
  double Height(const std::string& text, double width, const Style& st) const {
    PangoLayout* layout = Layout(text, width, st);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  // Draws at (x, top); returns the height used.
  double Text(double x, double top, const std::string& text, double width, const Style& st) const {
    PangoLayout* layout = Layout(text, width, st);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    cairo_set_source_rgb(cr_, st.color.r, st.color.g, st.color.b);
    cairo_move_to(cr_, x, top);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  void Fill(double x, double top, double w, double h, Rgb c) const {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_rectangle(cr_, x, top, w, h);
    cairo_fill(cr_);
  }
  void Line(double x0, double y0, double x1, double y1, Rgb c, double width) const {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x0, y0);
    cairo_line_to(cr_, x1, y1);
    cairo_stroke(cr_);
  }

  void Footer() const {
    Text(kMargin, kPageH - kMargin + 4,
         "第 " + std::to_string(page) + " 页  Page " + std::to_string(page), kContentW,
         {8, false, kMuted, PANGO_ALIGN_CENTER});
  }
  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page;
    y = kMargin;
  }
  // Starts a new page unless `h` more points fit on this one.
  void Need(double h) {
    if (y + h > kBottom) NewPage();
  }
  // A section heading (zh, then en in grey) with a rule under it.
  void Heading(const std::string& zh, const std::string& en) {
    Need(60);
    y += 14;
    const double h = Text(kMargin, y, zh, kContentW, {13, true, kInk});
    Text(kMargin, y + 3, en, kContentW, {9, false, kMuted, PANGO_ALIGN_RIGHT});
    y += h + 3;
    Line(kMargin, y, kMargin + kContentW, y, kAccent, 1);
    y += 8;
  }

 private:
  cairo_t* cr_;
};

// cairo's write callback: appends the PDF's bytes to a std::string.
inline cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One PDF document in memory: an A4 surface titled `title`, one Canvas that
// `draw` fills (breaking pages as it goes), the last page shown, and the
// bytes — or why cairo could not make them. FailedPrecondition without the
// CJK font (FindCjkFont).
inline Result<std::string> RenderDocument(const std::string& title,
                                          const std::function<void(Canvas&)>& draw) {
  auto font = FindCjkFont();
  if (!font.ok()) return font.status();
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, kPageW, kPageH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status::Internal("pdf: cannot create a cairo PDF surface");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "govperf");
  cairo_t* cr = cairo_create(surface);
  {
    Canvas c(cr);
    draw(c);
    c.Footer();
  }
  cairo_show_page(cr);
  const cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("pdf: cairo: ") + cairo_status_to_string(st));
  }
  return bytes;
}

}  // namespace govperf::io::pdf::canvas
