// Excel in and out against a real SQLite store: office-shaped workbooks made
// with libxlsxwriter (title rows, merged upper levels, header variants,
// spacer rows, full-width digits, numbers stored as text), malformed ones
// with every error named by sheet and cell, dry runs that change nothing,
// stage and lead-department rules, and the round trip into a fresh
// installation giving the same scores unit by unit.
#include "app/exchange/exchange.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "app/install.h"
#include "app/org.h"
#include "app/years.h"
#include "io/xlsx_read.h"
#include "store/store_testing.h"

namespace govperf::app::exchange {
namespace {

using store::testing::FakeClock;
using store::testing::TempDir;

std::string MakeXlsx(const std::function<void(lxw_workbook*)>& fill) {
  static int n = 0;
  const auto path =
      std::filesystem::temp_directory_path() /
      ("exchange_test_" + std::to_string(::getpid()) + "_" + std::to_string(++n) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  fill(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

void Row(lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c) {
    if (!cells[c].empty())
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
  }
}

// The office's unit list: a title, a blank row, header variants (单位,
// 类别), a spacer row, a parent named by name, no codes.
std::string OfficeUnits() {
  return MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "考核对象");
    worksheet_merge_range(ws, 0, 0, 0, 4, "2026年度绩效考核对象名单", nullptr);
    Row(ws, 2, {"序号", "单位", "类别", "上级单位", "备注"});
    Row(ws, 3, {"1", "东区", "区县"});
    Row(ws, 4, {"2", "西区", "区县"});
    Row(ws, 6, {"3", "发展改革委", "市直单位"});
    Row(ws, 7, {"4", "统计局", "市直单位", "发展改革委"});
  });
}

// The office's scheme: title rows, 一级/二级 merged down, 分数 for 分值,
// 考核单位 for the lead, methods by Chinese name and by code, full-width
// digits and numbers as text, a spacer row, and a 目标值 sheet.
std::string OfficeScheme() {
  return MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "指标");
    worksheet_merge_range(ws, 0, 0, 0, 8, "2026年度区县和市直单位绩效考核指标体系", nullptr);
    Row(ws, 1, {"（满分100分）"});
    Row(ws, 2,
        {"一级指标", "二级指标", "三级指标", "分数（分）", "考核内容", "计分方法", "考核单位",
         "适用对象", "数据来源"});
    worksheet_merge_range(ws, 3, 0, 5, 0, "经济发展（２０分）", nullptr);
    worksheet_merge_range(ws, 3, 1, 4, 1, "增长", nullptr);
    Row(ws, 3,
        {"", "", "投资完成率", "１０", "固定资产投资", "完成率法", "发展改革委", "区县", "统计局"});
    Row(ws, 4, {"", "", "增速排名", "", "", "rank_in_category", "统计局", "区县"});
    worksheet_write_number(ws, 4, 3, 5, nullptr);
    Row(ws, 5, {"", "效率", "网办率", "5", "", "完成率", "统计局", "市直单位"});
    Row(ws, 7, {"公共服务", "满意", "群众满意率", "10", "", "完成率法", "", ""});
    lxw_worksheet* t = workbook_add_worksheet(wb, "目标值");
    Row(t, 0, {"2026年度目标值"});
    Row(t, 1, {"单位名称", "投资完成率", "1.2.1 网办率", "群众满意率"});
    Row(t, 2, {"东区", "１２", "", "90"});
    Row(t, 3, {"西区", "8.5", "", "90"});
    Row(t, 4, {"发展改革委", "", "100", "95"});
    Row(t, 5, {"统计局", "", "100", "95"});
  });
}

class Exchange : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Open("office.db"); }

  std::unique_ptr<store::Store> Open(const std::string& name) {
    auto opened = store::OpenSqliteStore(dir_.File(name), clock_);
    EXPECT_TRUE(opened.ok());
    auto s = std::move(opened).value();
    EXPECT_TRUE(InitInstallation(*s, "admin", "Init-admin-2026!", "绩效办").ok());
    return s;
  }

  Result<ImportReport> Run(store::Store& s, What what, int year, const std::string& bytes,
                           bool dry_run = false, const std::string& default_method = "",
                           const Caller& caller = Caller{"admin", core::Role::kAdmin, "", ""}) {
    YearCache years(s);
    ImportOptions o;
    o.dry_run = dry_run;
    o.default_method = default_method;
    o.file_name = std::string(WhatName(what)) + ".xlsx";
    return Import(years, s, caller, what, year, bytes, o);
  }

  static std::vector<std::string> Messages(const ImportReport& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors) out.push_back(e.ToString());
    return out;
  }

  // Units and a 2026 scheme from the office's workbooks.
  void OfficeYear() {
    auto u = Run(*store_, What::kUnits, 0, OfficeUnits());
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    ASSERT_TRUE(u->errors.empty()) << Messages(*u)[0];
    auto s = Run(*store_, What::kScheme, 2026, OfficeScheme());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE(s->errors.empty()) << Messages(*s)[0];
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  const Caller admin_{"admin", core::Role::kAdmin, "", ""};
};

TEST_F(Exchange, UnitsFromTheOfficeListDryRunThenApplyThenNothingToDo) {
  auto dry = Run(*store_, What::kUnits, 0, OfficeUnits(), /*dry_run=*/true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  ASSERT_TRUE(dry->errors.empty()) << Messages(*dry)[0];
  EXPECT_FALSE(dry->applied);
  EXPECT_EQ(dry->counts, (std::map<std::string, size_t>{{"category.added", 2}, {"unit.added", 4}}));
  ASSERT_EQ(dry->changes.size(), 6u);
  EXPECT_EQ(dry->changes[0].key, "C1");
  EXPECT_EQ(dry->changes[0].after, "区县 / district");
  EXPECT_EQ(dry->changes[5].key, "U004");
  EXPECT_EQ(dry->changes[5].after, "统计局 / C2 / ↑U003");
  auto org = store_->LoadOrg();
  ASSERT_TRUE(org.ok());
  EXPECT_TRUE(org->units.empty()) << "a dry run changes nothing";
  EXPECT_TRUE(org->categories.empty());

  auto done = Run(*store_, What::kUnits, 0, OfficeUnits());
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->applied);
  EXPECT_EQ(done->total_changes, 6u);
  org = store_->LoadOrg();
  ASSERT_EQ(org->units.size(), 4u);
  ASSERT_EQ(org->categories.size(), 2u);
  EXPECT_EQ(org->categories[0].kind, core::UnitKind::kDistrict);
  EXPECT_EQ(org->categories[1].name_zh, "市直单位");
  EXPECT_EQ(org->categories[1].kind, core::UnitKind::kDepartment);
  std::map<std::string, store::OrgUnit> by_name;
  for (const auto& u : org->units) by_name[u.name_zh] = u;
  EXPECT_EQ(by_name["东区"].id, "U001");
  EXPECT_EQ(by_name["东区"].kind, core::UnitKind::kDistrict);
  EXPECT_EQ(by_name["统计局"].parent_id, by_name["发展改革委"].id);
  EXPECT_EQ(org->changes.size(), 4u);  // one recorded creation per unit

  auto again = Run(*store_, What::kUnits, 0, OfficeUnits());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total_changes, 0u);

  // With codes: a rename by code is recorded as a rename.
  const std::string renamed = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "单位名录");
    Row(ws, 0, {"单位编码", "单位名称", "单位类别"});
    Row(ws, 1, {"Ｕ００１", "东城区", "区县"});
  });
  auto rename = Run(*store_, What::kUnits, 0, renamed);
  ASSERT_TRUE(rename.ok());
  ASSERT_TRUE(rename->errors.empty()) << Messages(*rename)[0];
  ASSERT_EQ(rename->changes.size(), 1u);
  EXPECT_EQ(rename->changes[0].op, "changed");
  EXPECT_EQ(rename->changes[0].before, "东区 / C1");
  EXPECT_EQ(rename->changes[0].after, "东城区 / C1");
  org = store_->LoadOrg();
  EXPECT_EQ(org->changes.back().kind, "rename");
}

TEST_F(Exchange, SchemeAsOfficesLayItOutOpensTheYearAsADraft) {
  ASSERT_TRUE(Run(*store_, What::kUnits, 0, OfficeUnits())->errors.empty());
  auto dry = Run(*store_, What::kScheme, 2026, OfficeScheme(), true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  ASSERT_TRUE(dry->errors.empty()) << Messages(*dry)[0];
  EXPECT_TRUE(dry->year_created);
  EXPECT_FALSE(dry->applied);
  EXPECT_EQ(dry->counts.at("indicator.added"), 9u);  // 4 leaves, 2 + 3 upper levels
  EXPECT_EQ(dry->counts.at("target.added"), 8u);
  EXPECT_TRUE(dry->notes.empty()) << "考核内容, 评分标准, 数据来源 are kept: nothing to note";
  auto none = store_->FindYear(2026);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value()) << "a dry run opens no year";

  auto done = Run(*store_, What::kScheme, 2026, OfficeScheme());
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(done->errors.empty());
  auto year = store_->FindYear(2026);
  ASSERT_TRUE(year->has_value());
  EXPECT_EQ((*year)->stage, core::Stage::kDraft);
  auto s = store_->LoadScheme(2026);
  ASSERT_TRUE(s.ok());
  std::map<std::string, const core::Indicator*> by_id;
  for (const auto& i : s->indicators) by_id[i.id] = &i;
  ASSERT_EQ(by_id.size(), 9u);
  EXPECT_EQ(by_id["1"]->name_zh, "经济发展");  // "（２０分）" dropped
  EXPECT_EQ(by_id["1.1"]->name_zh, "增长");
  const core::Indicator& invest = *by_id["1.1.1"];
  EXPECT_EQ(invest.name_zh, "投资完成率");
  EXPECT_EQ(invest.level, 3);
  EXPECT_EQ(invest.points, 10);
  EXPECT_EQ(invest.method, "completion_ratio");
  EXPECT_EQ(invest.lead_unit_id, "U003");
  // The office's wording is kept with the leaf.
  EXPECT_EQ(invest.content, "固定资产投资");
  EXPECT_EQ(invest.data_source, "统计局");
  EXPECT_EQ(by_id["1.1.2"]->content, "");
  EXPECT_EQ(invest.category_ids, std::vector<std::string>{"C1"});
  EXPECT_EQ(by_id["1.1.2"]->method, "rank_in_category");
  EXPECT_EQ(by_id["1.1.2"]->points, 5);
  EXPECT_EQ(by_id["1.2.1"]->name_zh, "网办率");  // 一级 merged down into its row
  EXPECT_EQ(by_id["1.2.1"]->category_ids, std::vector<std::string>{"C2"});
  EXPECT_EQ(by_id["2.1.1"]->category_ids, (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(s->targets.at({"1.1.1", "U001"}), 12);
  EXPECT_EQ(s->targets.at({"1.1.1", "U002"}), 8.5);
  EXPECT_EQ(s->targets.at({"1.2.1", "U004"}), 100);
  EXPECT_EQ(s->targets.size(), 8u);

  // The same workbook again: nothing to change; ids kept by name.
  auto again = Run(*store_, What::kScheme, 2026, OfficeScheme());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total_changes, 0u);
}

TEST_F(Exchange, EveryErrorIsNamedBySheetAndCellAndNothingChanges) {
  ASSERT_TRUE(Run(*store_, What::kUnits, 0, OfficeUnits())->errors.empty());
  const std::string bad = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "指标体系");
    Row(ws, 0, {"指标体系"});
    Row(ws, 1, {"一级指标", "二级指标", "分值", "计分方法", "牵头考核单位", "指标类型"});
    Row(ws, 2, {"经济", "投资", "十分", "完成率法", "发展改革委", "结果"});
    Row(ws, 3, {"经济", "出口", "5", "猜测法", "外星局", "结果"});
    Row(ws, 4, {"经济", "投资", "5", "完成率法", "发展改革委", "结果"});
    Row(ws, 5, {"经济", "消费", "-2", "完成率法", "", "中间"});
    Row(ws, 6, {"民生", "", "", "", "", ""});
  });
  auto r = Run(*store_, What::kScheme, 2026, bad);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Messages(*r),
            (std::vector<std::string>{
                "sheet '指标体系' C3: 分值: expected a number, got '十分'",
                "sheet '指标体系' D4: unknown 计分方法 '猜测法'; one of: " +
                    std::string("完成率法 (completion_ratio), 排名计分法 (rank_in_category), "
                                "分档计分法 (tiers), 功效系数法 (efficacy), 扣分法 (deduction), "
                                "定性评价法 (qualitative), 增速计分法 (growth), 水平+进位法 "
                                "(level_improvement), 公式计分法 (formula)"),
                "sheet '指标体系' E4: unknown unit '外星局' as 牵头考核单位 (not in the registry)",
                "sheet '指标体系' B5: duplicate of row 3 (same indicator '投资')",
                "sheet '指标体系' C6: 分值 must be greater than 0, got -2",
                "sheet '指标体系' F6: 指标类型 must be 结果, 产出 or 过程, not '中间'",
                "sheet '指标体系' C7: 分值 is empty for indicator '民生'",
            }));
  EXPECT_FALSE(r->applied);
  auto year = store_->FindYear(2026);
  EXPECT_FALSE(year->has_value());

  // A sheet without the columns it needs.
  const std::string headless = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
    Row(ws, 0, {"名称", "数量"});
    Row(ws, 1, {"投资", "10"});
  });
  auto h = Run(*store_, What::kScheme, 2026, headless);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(Messages(*h), std::vector<std::string>{
                              "sheet 'Sheet1': no header row with a column 分值 (accepted: "
                              "分值、分数、权重、标准分、指标分值、points) in the first 30 rows"});
  // Not a workbook at all.
  auto nz = Run(*store_, What::kScheme, 2026, "not a zip");
  ASSERT_TRUE(nz.ok());
  EXPECT_EQ(Messages(*nz), std::vector<std::string>{
                               "sheet 'scheme.xlsx': scheme.xlsx: not an .xlsx workbook (the file "
                               "is not a zip archive)"});
  // Units: an unknown parent and a duplicate name, both reported.
  const std::string units = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "单位名录");
    Row(ws, 0, {"单位名称", "单位类别", "上级单位"});
    Row(ws, 1, {"南区", "区县", "北区"});
    Row(ws, 2, {"南区", "区县", ""});
  });
  auto u = Run(*store_, What::kUnits, 0, units);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(Messages(*u), (std::vector<std::string>{
                              "sheet '单位名录' A3: duplicate of row 2 (same 单位名称 '南区')",
                              "sheet '单位名录' C2: unknown unit '北区' as 上级单位"}));
  EXPECT_EQ(store_->LoadOrg()->units.size(), 4u);
}

TEST_F(Exchange, AMissingMethodColumnAsksForADefault) {
  ASSERT_TRUE(Run(*store_, What::kUnits, 0, OfficeUnits())->errors.empty());
  const std::string sheet = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "指标体系");
    Row(ws, 0, {"一级指标", "二级指标", "权重"});
    Row(ws, 1, {"经济", "投资", "60"});
    Row(ws, 2, {"经济", "消费", "40"});
  });
  auto asked = Run(*store_, What::kScheme, 2026, sheet);
  ASSERT_TRUE(asked.ok());
  ASSERT_EQ(asked->errors.size(), 1u);
  EXPECT_EQ(asked->errors[0].message.rfind(
                "the sheet has no 计分方法 column: give a default method (CLI --default-method, "
                "API ?default_method=), one of: 完成率法 (completion_ratio)",
                0),
            0u)
      << asked->errors[0].message;
  auto unknown = Run(*store_, What::kScheme, 2026, sheet, false, "魔法");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().field(), "default_method");
  auto done = Run(*store_, What::kScheme, 2026, sheet, false, "定性评价");
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(done->errors.empty()) << Messages(*done)[0];
  auto s = store_->LoadScheme(2026);
  ASSERT_EQ(s->indicators.size(), 3u);
  EXPECT_EQ(s->indicators[1].method, "qualitative");
  EXPECT_EQ(s->indicators[1].points, 60);
}

TEST_F(Exchange, ValuesByLeadDepartmentsAreNarrowedAndStagesApply) {
  OfficeYear();
  const std::string values = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "监测数据");
    Row(ws, 0, {"指标名称", "单位名称", "期间", "完成值"});
    Row(ws, 1, {"投资完成率", "东区", "年终", "１１．５"});
    Row(ws, 2, {"投资完成率", "西区", "2026年3月", "2"});
  });
  // Draft: values are not entered yet (friendly message; the store agrees).
  auto early = Run(*store_, What::kValues, 2026, values);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), Code::kFailedPrecondition);
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "setting").ok());
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "monitoring").ok());
  // 统计局 (U004) does not lead 投资完成率 (led by 发展改革委, U003).
  const Caller stats{"lead_u004", core::Role::kLead, "U004", ""};
  auto denied = Run(*store_, What::kValues, 2026, values, false, "", stats);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(denied.status().message(),
            "sheet '监测数据' D2: indicator 1.1.1 is not led by your unit");
  const Caller dev{"lead_u003", core::Role::kLead, "U003", ""};
  auto dry = Run(*store_, What::kValues, 2026, values, true, "", dev);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  ASSERT_TRUE(dry->errors.empty()) << Messages(*dry)[0];
  EXPECT_EQ(dry->counts.at("value.added"), 2u);
  EXPECT_TRUE(store_->LoadYearData(2026)->values.empty());
  auto done = Run(*store_, What::kValues, 2026, values, false, "", dev);
  ASSERT_TRUE(done.ok());
  auto data = store_->LoadYearData(2026);
  ASSERT_EQ(data->values.size(), 2u);
  std::map<std::string, core::Datum> by_period;
  for (const auto& d : data->values) by_period[d.period] = d;
  EXPECT_EQ(*by_period["2026"].value, 11.5);
  EXPECT_EQ(by_period["2026"].unit_id, "U001");
  EXPECT_EQ(by_period["2026"].entered_by, "lead_u003");
  EXPECT_EQ(*by_period["2026-03"].value, 2);
  // A bad number and an unknown unit, both named.
  const std::string bad = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "监测数据");
    Row(ws, 0, {"指标编码", "单位编码", "数值"});
    Row(ws, 1, {"1.1.1", "U001", "很多"});
    Row(ws, 2, {"1.1.1", "D99", "3"});
    Row(ws, 3, {"1.1.1", "U001", "4"});
  });
  auto errors = Run(*store_, What::kValues, 2026, bad, false, "", dev);
  ASSERT_TRUE(errors.ok());
  EXPECT_EQ(Messages(*errors), (std::vector<std::string>{
                                   "sheet '监测数据' C2: 数值: expected a number, got '很多'",
                                   "sheet '监测数据' B3: unknown unit 'D99' in 2026",
                                   "sheet '监测数据' C4: duplicate of row 2 (same indicator 1.1.1, "
                                   "unit U001 and period 2026)"}));
}

// Export everything of a year, import the files into a fresh installation:
// the same scores, unit by unit.
TEST_F(Exchange, RoundTripIntoAFreshInstallationGivesTheSameScores) {
  OfficeYear();
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "setting").ok());
  ASSERT_TRUE(MoveYear(*store_, admin_, 2026, "monitoring").ok());
  const std::string values = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "监测数据");
    Row(ws, 0,
        {"单位名称", "1.1.1 投资完成率", "1.1.2 增速排名", "1.2.1 网办率", "2.1.1 群众满意率"});
    Row(ws, 1, {"东区", "11", "6.5", "", "88"});
    Row(ws, 2, {"西区", "7", "8.25", "", "91"});
    Row(ws, 3, {"发展改革委", "", "", "97", "93"});
    Row(ws, 4, {"统计局", "", "", "99.5", "96"});
  });
  auto put = Run(*store_, What::kValues, 2026, values);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  ASSERT_TRUE(put->errors.empty()) << Messages(*put)[0];
  EXPECT_EQ(put->counts.at("value.added"), 10u);

  YearCache years(*store_);
  std::map<What, std::string> files;
  for (What w : {What::kUnits, What::kScheme, What::kValues, What::kResults}) {
    auto f = Export(years, *store_, Caller::System(), w, 2026, Format::kXlsx);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    EXPECT_EQ(f->content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    files[w] = f->bytes;
  }
  auto fresh = Open("fresh.db");
  for (What w : {What::kUnits, What::kScheme}) {
    auto r = Run(*fresh, w, 2026, files[w]);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->errors.empty()) << Messages(*r)[0];
  }
  ASSERT_TRUE(MoveYear(*fresh, admin_, 2026, "setting").ok());
  ASSERT_TRUE(MoveYear(*fresh, admin_, 2026, "monitoring").ok());
  auto v = Run(*fresh, What::kValues, 2026, files[What::kValues]);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  ASSERT_TRUE(v->errors.empty()) << Messages(*v)[0];
  EXPECT_EQ(v->counts.at("value.added"), 10u);

  YearCache fresh_years(*fresh);
  auto a = years.View(2026);
  auto b = fresh_years.View(2026);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ((*a)->result.units.size(), 4u);
  ASSERT_EQ((*b)->result.units.size(), 4u);
  for (const auto& ua : (*a)->result.units) {
    auto ub = (*b)->unit_results.find(ua.unit_id);
    ASSERT_NE(ub, (*b)->unit_results.end()) << ua.unit_id;
    EXPECT_DOUBLE_EQ(ua.indicator_score, ub->second->indicator_score) << ua.unit_id;
    EXPECT_DOUBLE_EQ(ua.total, ub->second->total) << ua.unit_id;
    EXPECT_EQ(ua.rank, ub->second->rank) << ua.unit_id;
    EXPECT_EQ(ua.grade, ub->second->grade) << ua.unit_id;
    EXPECT_GT(ua.indicator_score, 0) << ua.unit_id;
  }
  // The results workbook lists every unit with its total.
  auto results = io::ReadXlsx(files[What::kResults], "results.xlsx");
  ASSERT_TRUE(results.ok());
  EXPECT_EQ(results->sheets[0].name, "考核结果");
  EXPECT_EQ(results->sheets[0].rows.size(), 2u + 4u);
  // And the same files imported again change nothing.
  for (What w : {What::kUnits, What::kScheme, What::kValues}) {
    auto r = Run(*fresh, w, 2026, files[w], true);
    ASSERT_TRUE(r.ok()) << WhatName(w) << ": " << r.status().ToString();
    EXPECT_EQ(r->total_changes, 0u) << WhatName(w);
  }
}

TEST_F(Exchange, CategoryNamesHoldingAListSeparatorReadBackAsWritten) {
  // 适用对象 lists categories separated by 、 — a category named 县(市、区)
  // must not split into 县(市 and 区).
  OfficeYear();
  ASSERT_TRUE(
      UpdateCategory(*store_, admin_, {"C1", "县(市、区)", "Districts", "district", {}}).ok());
  auto scheme = store_->LoadScheme(2026);
  ASSERT_TRUE(scheme.ok());
  for (auto& c : scheme->categories) {
    if (c.id == "C1") c.name_zh = "县(市、区)";
  }
  ASSERT_TRUE(store_->SaveScheme({"system"}, *scheme).ok());
  size_t narrowed = 0;
  for (const auto& i : scheme->indicators) narrowed += i.category_ids.size() == 1;
  ASSERT_GT(narrowed, 0u);  // the column is used

  YearCache years(*store_);
  auto units = Export(years, *store_, Caller::System(), What::kUnits, 2026, Format::kXlsx);
  auto sheet = Export(years, *store_, Caller::System(), What::kScheme, 2026, Format::kXlsx);
  ASSERT_TRUE(units.ok() && sheet.ok());
  auto fresh = Open("fresh-separators.db");
  for (const auto& [w, bytes] :
       {std::pair{What::kUnits, units->bytes}, {What::kScheme, sheet->bytes}}) {
    auto r = Run(*fresh, w, 2026, bytes);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->errors.empty()) << Messages(*r)[0];
  }
  auto back = fresh->LoadScheme(2026);
  ASSERT_TRUE(back.ok());
  std::map<std::string, std::vector<std::string>> want, got;
  for (const auto& i : scheme->indicators) want[i.id] = i.category_ids;
  for (const auto& i : back->indicators) got[i.id] = i.category_ids;
  EXPECT_EQ(got, want);
}

TEST_F(Exchange, TemplatesAreHeadedAndReadBackAsEmpty) {
  for (What w : {What::kUnits, What::kScheme, What::kTargets, What::kValues}) {
    auto t = Template(w, Format::kXlsx);
    ASSERT_TRUE(t.ok());
    auto wb = io::ReadXlsx(t->bytes, t->file_name);
    ASSERT_TRUE(wb.ok()) << wb.status().ToString();
    EXPECT_EQ(wb->sheets[0].rows.size(), 2u) << WhatName(w);  // title and header
  }
  auto scheme = io::ReadXlsx(Template(What::kScheme, Format::kXlsx)->bytes, "t.xlsx");
  EXPECT_EQ(scheme->sheets[0].At(1, 0), "一级指标");
  EXPECT_EQ(scheme->sheets[0].At(1, 4), "分值");
  EXPECT_EQ(scheme->sheets[1].name, "目标值");
  EXPECT_FALSE(Template(What::kResults, Format::kXlsx).ok());
  auto csv = Template(What::kValues, Format::kCsv);
  EXPECT_EQ(
      csv->bytes,
      "\xEF\xBB\xBF监测数据\r\n指标编码,指标名称,单位编码,单位名称,期间,数值,无数据,备注\r\n");
  EXPECT_EQ(csv->file_name, "values-template.csv");
}

}  // namespace
}  // namespace govperf::app::exchange
