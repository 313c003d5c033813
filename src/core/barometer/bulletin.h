// 季度通报 the quarterly bulletin of monitoring progress: per category and per
// unit the progress at the quarter's end (core/barometer/tally.h), and the
// units named for criticism (通报批评) and for praise (通报表扬) by a rule
// held as data (kBulletinRule). Once issued, a bulletin is a frozen snapshot
// (store: bulletins, migration 0016); app/barometer builds it, io renders it
// as JSON and PDF. docs/design/barometer.md.
#pragma once

#include <string>
#include <vector>

#include "core/barometer/tally.h"

namespace govperf::core::barometer {

// Who is named, as data. A unit's problem score weighs what went wrong in
// the quarter; criticism names the highest scores at or above a floor,
// praise the best on-track shares among units with a clean record.
struct BulletinRule {
  double weight_red_card = 3;        // per red-carded report (红牌)
  double weight_missing = 2;         // per report still missing
  double weight_late = 1;            // per report in late
  double weight_red = 1;             // per (leaf, unit) pair red by time progress
  double criticise_min_score = 4;    // named for criticism at or above this score
  double praise_min_on_track = 0.8;  // praise: on-track share at least this …
  int praise_min_reports = 1;  // … with at least this many reports due, none late or missing
  int max_named = 3;           // per list
};
inline constexpr BulletinRule kBulletinRule{};

double ProblemScore(const Tally& t, const BulletinRule& rule);

struct BulletinUnit {
  std::string unit_id, name_zh, name_en, category_id;
  Tally tally;
  double problem_score = 0;
};

struct BulletinCategory {
  std::string category_id, name_zh, name_en;
  int units = 0;
  Tally tally;
};

// A named unit and why, in both languages.
struct NamedUnit {
  std::string unit_id, name_zh, name_en, category_id;
  double score = 0;  // problem score (criticism) or on-track share (praise)
  std::string reason_zh, reason_en;
};

struct Bulletin {
  int year = 0;
  int quarter = 0;          // 1..4
  int number = 0;           // 第N期 of the year; 0 while a draft
  bool draft = true;        // a preview: not issued, recomputed on every read
  std::string as_of;        // YYYY-MM-DD: reports counted as of this day
  std::string quarter_end;  // YYYY-MM-DD
  std::string issued_on;    // YYYY-MM-DD, empty while a draft
  std::string issued_by;
  std::string foreword;  // 按语, the office's own text
  double green = 1, yellow = 0.8;
  int red_after_working_days = 5;
  Tally city;
  std::vector<BulletinCategory> categories;  // in scheme order
  std::vector<BulletinUnit> units;           // in scheme order
  std::vector<NamedUnit> criticised;         // 通报批评
  std::vector<NamedUnit> praised;            // 通报表扬
};

// "〔2026〕第3期"; "（草稿）" for number 0.
std::string BulletinNumber(int year, int number);
// "〔2026〕第3期 季度绩效监测通报（2026年第三季度）"
std::string BulletinTitle(const Bulletin& b);

// Fills problem scores, categories' sums, `criticised` and `praised` from the
// units' tallies (units and categories are given with names and ids).
void RankBulletin(Bulletin& b, const BulletinRule& rule = kBulletinRule);

}  // namespace govperf::core::barometer
