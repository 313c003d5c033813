#include "io/pdf/bulletin_pdf.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "io/pdf/canvas.h"

namespace govperf::io::pdf {
namespace {

using namespace canvas;  // NOLINT: the page's frame, colours and Canvas
namespace cb = core::barometer;

constexpr Rgb kPraise{0.18, 0.55, 0.30};

std::string BPct(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
  return buf;
}

const char* BQuarterEn(int q) {
  static const char* kNames[] = {"", "Q1", "Q2", "Q3", "Q4"};
  return q >= 1 && q <= 4 ? kNames[q] : "";
}

void BTitle(Canvas& c, const cb::Bulletin& b) {
  c.Fill(kMargin, c.y, kContentW, 4, kLoss);
  c.y += 14;
  c.y += c.Text(kMargin, c.y, cb::BulletinNumber(b.year, b.number), kContentW,
                {11, false, kMuted, PANGO_ALIGN_CENTER});
  c.y += 4;
  c.y += c.Text(kMargin, c.y, "季度绩效监测通报", kContentW, {22, true, kLoss, PANGO_ALIGN_CENTER});
  c.y += c.Text(
      kMargin, c.y,
      "Quarterly monitoring bulletin " + std::to_string(b.year) + " " + BQuarterEn(b.quarter),
      kContentW, {10, false, kMuted, PANGO_ALIGN_CENTER});
  c.y += 6;
  std::string line = std::to_string(b.year) + " 年第 " + std::to_string(b.quarter) +
                     " 季度（截至 " + b.quarter_end + "，报送统计截至 " + b.as_of + "）";
  if (!b.draft) line += "　印发日期 " + b.issued_on;
  c.y += c.Text(kMargin, c.y, line, kContentW, {9.5, false, kInk, PANGO_ALIGN_CENTER});
  if (b.draft) {
    c.y += 4;
    c.y += c.Text(kMargin, c.y, "草稿（未印发）Draft: not issued, figures may change", kContentW,
                  {10, true, kLoss, PANGO_ALIGN_CENTER});
  }
  c.y += 6;
}

void BForeword(Canvas& c, const cb::Bulletin& b) {
  if (b.foreword.empty()) return;
  c.Heading("按语", "Foreword");
  const Style st{10, false, kInk};
  c.Need(c.Height(b.foreword, kContentW, st) + 4);
  c.y += c.Text(kMargin, c.y, b.foreword, kContentW, st) + 4;
}

// One table: header row, then rows; a row that does not fit starts a new
// page, which repeats the header.
void BTable(Canvas& c, const std::vector<std::pair<std::string, double>>& cols,
            const std::vector<std::vector<std::string>>& rows) {
  constexpr double kPad = 3;
  auto draw = [&](const std::vector<std::string>& cells, bool header, bool shade) {
    const Style st{8, header, kInk, PANGO_ALIGN_CENTER};
    double h = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
      Style s = st;
      if (i == 0) s.align = PANGO_ALIGN_LEFT;
      h = std::max(h, c.Height(cells[i], cols[i].second - 2 * kPad, s));
    }
    h += 2 * kPad;
    if (c.y + h > kBottom) c.NewPage();
    if (header || shade) c.Fill(kMargin, c.y, kContentW, h, kHeaderFill);
    double x = kMargin;
    for (size_t i = 0; i < cols.size(); ++i) {
      Style s = st;
      if (i == 0) s.align = PANGO_ALIGN_LEFT;
      c.Text(x + kPad, c.y + kPad, cells[i], cols[i].second - 2 * kPad, s);
      x += cols[i].second;
    }
    c.Line(kMargin, c.y + h, kMargin + kContentW, c.y + h, kLight, 0.5);
    c.y += h;
  };
  std::vector<std::string> head;
  for (const auto& col : cols) head.push_back(col.first);
  c.Need(60);
  draw(head, true, false);
  bool shade = false;
  for (const auto& r : rows) {
    if (c.y + 20 > kBottom) {
      c.NewPage();
      draw(head, true, false);
    }
    draw(r, false, shade);
    shade = !shade;
  }
}

std::vector<std::pair<std::string, double>> TallyColumns(const std::string& first, double w0) {
  const double rest = (kContentW - w0) / 9;
  return {{first, w0},    {"进度正常", rest}, {"进度滞后", rest}, {"进度红灯", rest},
          {"应报", rest}, {"按时", rest},     {"迟报", rest},     {"缺报", rest},
          {"红牌", rest}, {"审核率", rest}};
}

std::vector<std::string> TallyCells(const std::string& first, const cb::Tally& t) {
  return {first,
          std::to_string(t.on_track),
          std::to_string(t.lagging),
          std::to_string(t.red),
          std::to_string(t.reports_due),
          std::to_string(t.on_time),
          std::to_string(t.late),
          std::to_string(t.missing),
          std::to_string(t.red_cards),
          BPct(t.verified_share())};
}

void BSummary(Canvas& c, const cb::Bulletin& b) {
  c.Heading("总体情况", "Summary by category");
  const cb::Tally& t = b.city;
  const std::string text =
      "本季度纳入监测的指标 " + std::to_string(t.indicators()) + " 项次，进度正常 " +
      std::to_string(t.on_track) + " 项次（" + BPct(t.on_track_share()) + "），滞后 " +
      std::to_string(t.lagging) + " 项次，红灯 " + std::to_string(t.red) + " 项次；应报 " +
      std::to_string(t.reports_due) + " 份，按时 " + std::to_string(t.on_time) + " 份，迟报 " +
      std::to_string(t.late) + " 份，缺报 " + std::to_string(t.missing) + " 份，红牌 " +
      std::to_string(t.red_cards) + " 次，已审核 " + BPct(t.verified_share()) + "。";
  c.y += c.Text(kMargin, c.y, text, kContentW, {9.5, false, kInk}) + 6;
  std::vector<std::vector<std::string>> rows;
  for (const auto& cat : b.categories) {
    rows.push_back(
        TallyCells(cat.name_zh + "（" + std::to_string(cat.units) + " 个单位）", cat.tally));
  }
  rows.push_back(TallyCells("合计", b.city));
  BTable(c, TallyColumns("类别 Category", 120), rows);
}

void BNamed(Canvas& c, const cb::Bulletin& b) {
  c.Heading("通报表扬", "Named for praise");
  if (b.praised.empty()) {
    c.y += c.Text(kMargin, c.y, "本季度无。None this quarter.", kContentW, {9.5, false, kMuted});
  }
  for (const auto& n : b.praised) {
    const std::string line = n.name_zh + "：" + n.reason_zh;
    c.Need(18);
    c.Fill(kMargin, c.y + 4, 4, 10, kPraise);
    c.y += c.Text(kMargin + 10, c.y, line, kContentW - 10, {10, false, kInk}) + 4;
  }
  c.Heading("通报批评", "Named for criticism");
  if (b.criticised.empty()) {
    c.y += c.Text(kMargin, c.y, "本季度无。None this quarter.", kContentW, {9.5, false, kMuted});
  }
  for (const auto& n : b.criticised) {
    const std::string line = n.name_zh + "：" + n.reason_zh;
    c.Need(18);
    c.Fill(kMargin, c.y + 4, 4, 10, kLoss);
    c.y += c.Text(kMargin + 10, c.y, line, kContentW - 10, {10, false, kInk}) + 4;
  }
}

// Per category two bars: the on-time share of reports due and the on-track
// share of rated pairs, 0–100 %, with their values.
void BChart(Canvas& c, const cb::Bulletin& b) {
  c.Heading("分类对比", "On time and on track by category");
  if (b.categories.empty()) return;
  const double label_w = 120, value_w = 50, bar_x = kMargin + label_w + 6;
  const double bar_w = kContentW - label_w - value_w - 12, bar_h = 9, row_h = 2 * bar_h + 12;
  for (const auto& cat : b.categories) {
    c.Need(row_h);
    c.Text(kMargin, c.y + 4, cat.name_zh, label_w, {9.5, false, kInk, PANGO_ALIGN_RIGHT});
    const double shares[2] = {cat.tally.on_time_share(), cat.tally.on_track_share()};
    const Rgb colours[2] = {kAccent, kPraise};
    for (int i = 0; i < 2; ++i) {
      const double top = c.y + 2 + i * (bar_h + 2);
      c.Fill(bar_x, top, bar_w, bar_h, kLight);
      c.Fill(bar_x, top, bar_w * std::clamp(shares[i], 0.0, 1.0), bar_h, colours[i]);
      c.Text(bar_x + bar_w + 6, top - 2, BPct(shares[i]), value_w, {8, true, kInk});
    }
    c.y += row_h;
  }
  c.y += 2;
  c.Fill(bar_x, c.y + 3, 10, 8, kAccent);
  c.Text(bar_x + 14, c.y, "按时报送率 on time", 120, {8, false, kMuted});
  c.Fill(bar_x + 130, c.y + 3, 10, 8, kPraise);
  c.Text(bar_x + 144, c.y, "进度正常率 on track", 120, {8, false, kMuted});
  c.y += 16;
}

void BUnits(Canvas& c, const cb::Bulletin& b) {
  c.Heading("各单位情况", "By unit");
  std::vector<std::vector<std::string>> rows;
  for (const auto& u : b.units) rows.push_back(TallyCells(u.name_zh, u.tally));
  BTable(c, TallyColumns("单位 Unit", 120), rows);
  c.y += 8;
  char rule[256];
  std::snprintf(rule, sizeof rule,
                "说明：时序进度 = 完成率 ÷ 时间进度（累计指标），≥ %.0f%% 为正常，≥ %.0f%% "
                "为滞后，否则为红灯；逾期 %d 个工作日为红牌。",
                b.green * 100, b.yellow * 100, b.red_after_working_days);
  c.Need(30);
  c.y += c.Text(kMargin, c.y, rule, kContentW, {8, false, kMuted});
}

}  // namespace

Result<std::string> RenderBulletinPdf(const cb::Bulletin& b) {
  return RenderDocument(cb::BulletinTitle(b), [&](Canvas& c) {
    BTitle(c, b);
    BForeword(c, b);
    BSummary(c, b);
    BNamed(c, b);
    BChart(c, b);
    BUnits(c, b);
  });
}

}  // namespace govperf::io::pdf
