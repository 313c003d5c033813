#include "io/pdf/feedback_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <vector>

#include "io/pdf/canvas.h"

namespace govperf::io::pdf {
namespace {

using namespace canvas;  // NOLINT: the page's frame, colours and Canvas

std::string Num(const std::optional<double>& v) {
  if (!v) return "—";
  // Values as entered: up to 4 significant decimals, trailing zeros dropped.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", *v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string RankText(int rank, int size) {
  return "第 " + std::to_string(rank) + " 名 / 共 " + std::to_string(size) + " 个";
}

void TitleBlock(Canvas& c, const core::FeedbackReport& r) {
  c.Fill(kMargin, c.y, kContentW, 4, kAccent);
  c.y += 14;
  c.y += c.Text(kMargin, c.y, std::to_string(r.year) + " 年度绩效反馈报告", kContentW,
                {20, true, kInk});
  c.y += c.Text(kMargin, c.y, "Performance feedback report " + std::to_string(r.year), kContentW,
                {10, false, kMuted});
  c.y += 8;
  c.y += c.Text(kMargin, c.y, r.unit_name_zh, kContentW, {16, true, kInk});
  std::string sub = r.unit_name_en.empty() ? r.unit_id : r.unit_name_en + " (" + r.unit_id + ")";
  sub += "  ·  " + r.category_name_zh;
  if (!r.category_name_en.empty()) sub += " " + r.category_name_en;
  c.y += c.Text(kMargin, c.y, sub, kContentW, {10, false, kMuted});
  if (r.provisional) {
    c.y += 4;
    c.y += c.Text(kMargin, c.y,
                  "临时结果：本年度尚未发布，分数可能变动。Provisional: the year is not "
                  "published yet.",
                  kContentW, {9, true, kLoss});
  }
  c.y += 6;
}

void Summary(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("考核结果", "Summary");
  // Three boxes: total, grade, rank.
  const double gap = 10, w = (kContentW - 2 * gap) / 3, h = 62;
  struct Box {
    std::string label, value, sub;
  };
  const std::vector<Box> boxes = {
      {"综合得分 Total", core::FormatScore(r.total), r.vetoed ? "一票否决 Vetoed" : ""},
      {"评估等次 Grade", r.grade_zh.empty() ? r.grade : r.grade_zh, r.grade_en},
      {"类别内排名 Rank", RankText(r.rank, r.category_size), r.category_name_zh},
  };
  for (size_t i = 0; i < boxes.size(); ++i) {
    const double x = kMargin + static_cast<double>(i) * (w + gap);
    c.Fill(x, c.y, w, h, kHeaderFill);
    c.Fill(x, c.y, 3, h, kAccent);
    c.Text(x + 10, c.y + 6, boxes[i].label, w - 16, {8.5, false, kMuted});
    c.Text(x + 10, c.y + 20, boxes[i].value, w - 16, {i == 2 ? 13.0 : 18.0, true, kInk});
    c.Text(x + 10, c.y + h - 15, boxes[i].sub, w - 16, {8, false, kMuted});
  }
  c.y += h + 8;
  const std::string parts =
      "指标评估 " + core::FormatScore(r.indicator_score) + "  ·  社会满意度 " +
      core::FormatScore(r.satisfaction) + "  ·  领导评价 " + core::FormatScore(r.leadership) +
      "  ·  加分 +" + core::FormatScore(r.bonus) + "  ·  减分 −" + core::FormatScore(r.deduction);
  c.y += c.Text(kMargin, c.y, parts, kContentW, {9, false, kInk});
  for (const std::string& note : r.grade_notes_zh) {
    c.y += 2;
    c.y += c.Text(kMargin, c.y, "等次说明：" + note, kContentW, {9, false, kLoss});
  }
}

// 分项得分: one horizontal bar per dimension, full points in light grey
// behind the points got, scaled to the largest dimension.
void DimensionChart(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("分项得分", "Scores by dimension (got / full)");
  if (r.dimensions.empty()) {
    c.y += c.Text(kMargin, c.y, "无适用指标。", kContentW, {9, false, kMuted});
    return;
  }
  double max_points = 0;
  for (const auto& d : r.dimensions) max_points = std::max(max_points, d.points);
  if (max_points <= 0) max_points = 1;
  const double label_w = 130, value_w = 90, bar_x = kMargin + label_w + 6;
  const double bar_w = kContentW - label_w - value_w - 12, row_h = 22, bar_h = 12;
  for (const auto& d : r.dimensions) {
    c.Need(row_h);
    c.Text(kMargin, c.y + 3, d.name_zh, label_w, {9.5, false, kInk, PANGO_ALIGN_RIGHT});
    const double top = c.y + (row_h - bar_h) / 2;
    c.Fill(bar_x, top, bar_w * d.points / max_points, bar_h, kLight);
    c.Fill(bar_x, top, bar_w * std::clamp(d.earned, 0.0, d.points) / max_points, bar_h, kAccent);
    c.Text(bar_x + bar_w + 6, c.y + 3,
           core::FormatScore(d.earned) + " / " + core::FormatScore(d.points), value_w,
           {9.5, true, kInk});
    c.y += row_h;
  }
  c.y += 4;
  // Legend.
  c.Fill(bar_x, c.y + 3, 10, 8, kAccent);
  c.Text(bar_x + 14, c.y, "得分 got", 80, {8, false, kMuted});
  c.Fill(bar_x + 80, c.y + 3, 10, 8, kLight);
  c.Text(bar_x + 94, c.y, "分值 full", 80, {8, false, kMuted});
  c.y += 14;
}

// 近三年走势: the total per year as a line with its points, each labelled
// with total, grade and rank; the y axis spans the totals with a margin.
void TrendChart(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("近三年走势", "Three-year trend (total, grade, rank)");
  if (r.trend.empty()) return;
  const double h = 170, axis_w = 34, plot_x = kMargin + axis_w, plot_w = kContentW - axis_w - 20;
  c.Need(h + 24);
  const double top = c.y + 18, plot_h = h - 40;
  double lo = r.trend.front().total, hi = lo;
  for (const auto& t : r.trend) {
    lo = std::min(lo, t.total);
    hi = std::max(hi, t.total);
  }
  lo = std::max(0.0, std::floor((lo - 5) / 5) * 5);
  hi = std::ceil((hi + 5) / 5) * 5;
  if (hi - lo < 10) hi = lo + 10;
  auto ypos = [&](double v) { return top + plot_h - (v - lo) / (hi - lo) * plot_h; };
  // Grid and y labels, every fifth of the span.
  for (int i = 0; i <= 4; ++i) {
    const double v = lo + (hi - lo) * i / 4.0;
    const double yy = ypos(v);
    c.Line(plot_x, yy, plot_x + plot_w, yy, kLight, 0.6);
    char label[32];
    std::snprintf(label, sizeof label, "%.0f", v);
    c.Text(kMargin, yy - 6, label, axis_w - 6, {8, false, kMuted, PANGO_ALIGN_RIGHT});
  }
  const size_t n = r.trend.size();
  auto xpos = [&](size_t i) {
    return n == 1 ? plot_x + plot_w / 2 : plot_x + 40 + (plot_w - 80) * i / double(n - 1);
  };
  cairo_t* cr = c.cr();
  cairo_new_path(cr);
  cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
  cairo_set_line_width(cr, 2);
  for (size_t i = 0; i < n; ++i) {
    if (i == 0) {
      cairo_move_to(cr, xpos(i), ypos(r.trend[i].total));
    } else {
      cairo_line_to(cr, xpos(i), ypos(r.trend[i].total));
    }
  }
  cairo_stroke(cr);
  for (size_t i = 0; i < n; ++i) {
    const auto& t = r.trend[i];
    const double x = xpos(i), yy = ypos(t.total);
    cairo_new_path(cr);  // the text drawn before left a current point: no line to the dot
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_arc(cr, x, yy, 4, 0, 2 * std::numbers::pi);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
    cairo_set_line_width(cr, 1.5);
    cairo_stroke(cr);
    const std::string label = core::FormatScore(t.total) + " · " +
                              (t.grade_zh.empty() ? t.grade : t.grade_zh) + " · 第" +
                              std::to_string(t.rank) + "/" + std::to_string(t.category_size) + "名";
    // Centred over its point, but kept inside the plot (clear of the axis labels).
    const double label_x = std::clamp(x - 70, plot_x + 2, plot_x + plot_w - 140);
    c.Text(label_x, yy - 20, label, 140, {8.5, true, kInk, PANGO_ALIGN_CENTER});
    c.Text(x - 40, top + plot_h + 6, std::to_string(t.year) + (t.provisional ? "（临时）" : ""), 80,
           {9, false, kInk, PANGO_ALIGN_CENTER});
  }
  c.Line(plot_x, top + plot_h, plot_x + plot_w, top + plot_h, kMuted, 0.8);
  c.y = top + plot_h + 24;
}

// 失分点: one row per leaf below full points; long names and explanations
// wrap inside their cells; a row that does not fit starts a new page, which
// repeats the header.
void LostPointsTable(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("失分点", "Points lost, and why");
  if (r.lost_points.empty()) {
    c.y += c.Text(kMargin, c.y, "本年度各项指标均得满分。No points were lost.", kContentW,
                  {9.5, false, kInk});
    return;
  }
  struct Col {
    const char* title;
    double width;
    PangoAlignment align;
  };
  const std::vector<Col> cols = {
      {"指标 Indicator", 128, PANGO_ALIGN_LEFT},
      {"分值", 34, PANGO_ALIGN_RIGHT},
      {"得分", 36, PANGO_ALIGN_RIGHT},
      {"失分", 36, PANGO_ALIGN_RIGHT},
      {"目标 / 实际", 70, PANGO_ALIGN_LEFT},
      {"说明 Why", kContentW - 128 - 34 - 36 - 36 - 70, PANGO_ALIGN_LEFT}};
  constexpr double kPad = 4;
  auto draw_row = [&](const std::vector<std::string>& cells, const Style& base, bool header,
                      bool shade) {
    double h = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
      Style st = base;
      st.align = cols[i].align;
      h = std::max(h, c.Height(cells[i], cols[i].width - 2 * kPad, st));
    }
    h += 2 * kPad;
    return std::make_pair(h, [&, cells, base, header, shade, h]() {
      if (header || shade) c.Fill(kMargin, c.y, kContentW, h, kHeaderFill);
      double x = kMargin;
      for (size_t i = 0; i < cols.size(); ++i) {
        Style st = base;
        st.align = cols[i].align;
        if (!header && i == 3) st.color = kLoss;
        c.Text(x + kPad, c.y + kPad, cells[i], cols[i].width - 2 * kPad, st);
        x += cols[i].width;
      }
      c.Line(kMargin, c.y + h, kMargin + kContentW, c.y + h, kLight, 0.5);
      c.y += h;
    });
  };
  std::vector<std::string> head;
  for (const Col& col : cols) head.push_back(col.title);
  const Style head_style{8.5, true, kInk};
  const Style body_style{8.5, false, kInk};
  auto header = [&] {
    auto [h, draw] = draw_row(head, head_style, true, false);
    c.Need(h + 30);
    draw();
  };
  header();
  bool shade = false;
  for (const auto& p : r.lost_points) {
    const std::string unit = p.unit_of_measure.empty() ? "" : " " + p.unit_of_measure;
    std::string why = p.rule_zh.empty() ? p.rule : p.rule_zh;
    if (p.status == "missing") why = "未报送数据。" + why;
    auto [h, draw] = draw_row(
        {p.indicator_id + " " + p.name_zh, core::FormatScore(p.points), core::FormatScore(p.earned),
         core::FormatScore(p.lost), Num(p.target) + unit + " / " + Num(p.actual) + unit, why},
        body_style, false, shade);
    if (c.y + h > kBottom) {
      c.NewPage();
      header();
    }
    draw();
    shade = !shade;
  }
}

void Adjustments(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("加减分与一票否决", "Bonus, deduction and veto items");
  if (r.adjustments.empty()) {
    c.y += c.Text(kMargin, c.y, "无。None.", kContentW, {9.5, false, kInk});
    return;
  }
  for (const auto& a : r.adjustments) {
    const std::string kind = a.kind == "bonus"       ? "加分"
                             : a.kind == "deduction" ? "减分"
                             : a.kind == "veto"      ? "一票否决"
                                                     : a.kind;
    std::string line = kind;
    if (a.kind != "veto")
      line += " " + std::string(a.points >= 0 ? "+" : "") + core::FormatScore(a.points);
    line += "：" + (a.reason_zh.empty() ? a.reason_en : a.reason_zh);
    const double h = c.Height(line, kContentW, {9.5, false, kInk});
    c.Need(h + 4);
    c.y += c.Text(kMargin, c.y, line, kContentW, {9.5, false, kInk}) + 4;
  }
}

void LaterSections(Canvas& c, const core::FeedbackReport& r) {
  c.Heading("申诉及结果", "Appeals and their outcomes");
  if (r.appeals.empty()) {
    c.y += c.Text(kMargin, c.y, "无申诉记录。No appeals.", kContentW, {9.5, false, kInk});
  }
  for (const auto& a : r.appeals) {
    const std::string line = (a.indicator_id.empty() ? "" : a.indicator_id + "：") + a.claim +
                             " — " + a.outcome_zh + (a.decision.empty() ? "" : "：" + a.decision);
    c.Need(c.Height(line, kContentW, {9.5, false, kInk}) + 4);
    c.y += c.Text(kMargin, c.y, line, kContentW, {9.5, false, kInk}) + 4;
  }
  c.Heading("意见建议", "Public opinions and suggestions");
  if (r.opinions.empty()) {
    c.y += c.Text(kMargin, c.y, "暂无。None yet.", kContentW, {9.5, false, kInk});
  }
  for (const auto& o : r.opinions) {
    const std::string line = (o.source.empty() ? "" : o.source + "：") + o.text;
    c.Need(c.Height(line, kContentW, {9.5, false, kInk}) + 4);
    c.y += c.Text(kMargin, c.y, line, kContentW, {9.5, false, kInk}) + 4;
  }
}

Result<std::string> LookUpCjkFont() {
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return Status::Precondition("fontconfig: cannot load its configuration");
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(kCjkFamily));
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  std::string file;
  bool family_ok = false;
  if (match) {
    FcChar8* value = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &value) == FcResultMatch; ++i) {
      if (std::string(reinterpret_cast<const char*>(value)) == kCjkFamily) family_ok = true;
    }
    if (FcPatternGetString(match, FC_FILE, 0, &value) == FcResultMatch) {
      file = reinterpret_cast<const char*>(value);
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  FcConfigDestroy(config);
  if (!family_ok || file.empty()) {
    return Status::Precondition(std::string("font: '") + kCjkFamily +
                                "' not found by fontconfig (install the Debian package "
                                "fonts-noto-cjk); a PDF without it would show no Chinese")
        .Field("font")
        .Zh(std::string("字体：未找到 ") + kCjkFamily +
            "（请安装 fonts-noto-cjk），无法生成中文 PDF");
  }
  return file;
}

}  // namespace

Result<std::string> FindCjkFont() {
  static const Result<std::string> kFound = LookUpCjkFont();
  return kFound;
}

Result<std::string> RenderFeedbackPdf(const core::FeedbackReport& report) {
  const std::string title =
      std::to_string(report.year) + " 年度绩效反馈报告 " + report.unit_name_zh;
  return RenderDocument(title, [&](Canvas& c) {
    TitleBlock(c, report);
    Summary(c, report);
    DimensionChart(c, report);
    TrendChart(c, report);
    LostPointsTable(c, report);
    Adjustments(c, report);
    LaterSections(c, report);
  });
}

}  // namespace govperf::io::pdf
