// The header synonym table: data, not code. Add a variant an office uses to
// its field's list (and a line to tests/excel/headers.tsv).
#include "io/sheet_headers.h"

#include "io/sheet_table.h"

namespace govperf::io {

const std::vector<HeaderField>& HeaderFields() {
  static const std::vector<HeaderField> kFields = {
      // Units and categories (机构名录).
      {"unit_id", "单位编码", {"单位编码", "单位代码", "单位编号", "单位id", "unit_id"}},
      {"unit_name",
       "单位名称",
       {"单位名称", "单位", "单位全称", "评估对象", "被考核单位", "考核对象名称", "name_zh"}},
      {"unit_name_en", "英文名称", {"英文名称", "英文名", "name_en"}},
      {"category",
       "单位类别",
       {"单位类别", "类别", "考核类别", "单位分类", "分类", "组别", "category"}},
      {"parent", "上级单位", {"上级单位", "上级", "主管单位", "隶属单位", "parent"}},
      {"unit_kind", "单位类型", {"单位类型", "单位性质", "kind"}},
      {"status", "状态", {"状态", "单位状态", "status"}},
      // The indicator scheme (指标体系).
      {"indicator_id", "指标编码", {"指标编码", "指标代码", "指标编号", "编码", "indicator_id"}},
      {"level1", "一级指标", {"一级指标", "一级", "一级指标名称"}},
      {"level2", "二级指标", {"二级指标", "二级", "二级指标名称"}},
      {"level3", "三级指标", {"三级指标", "三级", "三级指标名称"}},
      {"indicator_name", "指标名称", {"指标名称", "指标", "考核指标", "末级指标"}},
      {"points", "分值", {"分值", "分数", "权重", "标准分", "指标分值", "points"}},
      {"content",
       "考核内容",
       {"考核内容", "指标内容", "指标说明", "指标解释", "指标定义", "考核要点"}},
      {"criteria",
       "评分标准",
       {"评分标准", "考核标准", "计分办法", "评分办法", "评分细则", "考核办法"}},
      {"method", "计分方法", {"计分方法", "评分方法", "计分方式", "评价方法", "method"}},
      {"params", "计分参数", {"计分参数", "方法参数", "params"}},
      {"formula", "计分公式", {"计分公式", "公式", "formula"}},
      {"lead",
       "牵头考核单位",
       {"牵头考核单位", "考核单位", "责任单位", "牵头单位", "牵头部门", "考核部门",
        "lead_unit_id"}},
      {"data_source", "数据来源", {"数据来源", "数据提供单位", "data_source"}},
      {"type", "指标类型", {"指标类型", "指标性质", "指标类别", "type"}},
      {"applies",
       "适用对象",
       {"适用对象", "适用范围", "适用类别", "考核范围", "适用单位", "applies_to"}},
      {"direction", "指标方向", {"指标方向", "方向", "指标属性", "direction"}},
      {"unit_of_measure", "计量单位", {"计量单位", "度量单位", "unit_of_measure"}},
      {"cumulative", "累计值", {"累计值", "是否累计", "cumulative"}},
      // The power-and-responsibility list (权责清单).
      {"duty_id",
       "事项编码",
       {"事项编码", "职权编码", "权责事项编码", "事项编号", "职权编号", "duty_id", "id"}},
      {"duty_title", "事项名称", {"事项名称", "职权名称", "权责事项", "事项", "title"}},
      {"duty_basis", "设定依据", {"设定依据", "法律依据", "依据", "basis"}},
      {"duty_category", "职权类别", {"职权类别", "事项类别", "职权类型", "duty_category"}},
      // Targets and values (目标值, 监测数据).
      {"target", "目标值", {"目标值", "目标", "年度目标", "目标任务", "target"}},
      {"period", "期间", {"期间", "时期", "月份", "统计期", "报告期", "period"}},
      {"value", "数值", {"数值", "完成值", "实际值", "实际完成值", "完成情况", "value"}},
      {"no_data", "无数据", {"无数据", "no_data"}},
      {"note", "备注", {"备注", "说明", "note"}},
  };
  return kFields;
}

const HeaderField* FindHeaderField(std::string_view field) {
  for (const HeaderField& f : HeaderFields()) {
    if (field == f.field) return &f;
  }
  return nullptr;
}

std::string NormalizeHeader(std::string_view text) {
  std::string s = NormalizeCell(text);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (!out.empty() && out[0] == '*') out.erase(0, 1);
  // A trailing remark in brackets: "分值（分）", "分值(分)"; NormalizeCell
  // has made full-width brackets ASCII.
  if (!out.empty() && out.back() == ')') {
    const size_t open = out.rfind('(');
    if (open != std::string::npos && open > 0) out.erase(open);
  }
  return out;
}

}  // namespace govperf::io
