// The tables of the demo city. Department names are the generic ones every
// Chinese city has; the city and its districts are invented.
#include "demo/catalog.h"

namespace govperf::demo {
namespace {

constexpr int kCompletion = 0;
constexpr int kRankStep = 1;
constexpr int kRankLinear = 2;
constexpr bool kCum = true;     // monthly values accumulate
constexpr bool kLevel = false;  // monthly values are a year-to-date level
constexpr bool kMax100 = true;
constexpr bool kOpen = false;

using V = std::vector<std::string>;

// A leaf template; `growth` defaults to 0 for rates and 5 % for amounts.
LeafSpec L(std::string id, std::string parent, std::string zh, std::string en, double points,
           int dir, std::string uom, std::string type, V orient, std::string lead, int method,
           double base, Scaling scaling, bool cumulative, int decimals, bool max100,
           double growth = 0, bool early_final = false) {
  return LeafSpec{
      std::move(id),  std::move(parent), std::move(zh),     std::move(en),   points, dir,
      std::move(uom), std::move(type),   std::move(orient), std::move(lead), method, base,
      scaling,        cumulative,        decimals,          max100,          growth, early_final};
}

// A department's own duty leaf (20 points): id and parent come from the builder.
LeafSpec Duty(std::string zh, std::string en, int dir, std::string uom, std::string type,
              std::string lead, double base, bool cumulative, int decimals, bool max100,
              double growth = 0) {
  return L("", "", std::move(zh), std::move(en), 20, dir, std::move(uom), std::move(type),
           {"duty", "result"}, std::move(lead), kCompletion, base, Scaling::kNone, cumulative,
           decimals, max100, growth);
}

const V kDeptCats = {"C2", "C3", "C4", "C5"};
const V kAssessedByDeptScheme = {"C2", "C3", "C4", "C5", "C6"};

}  // namespace

const std::vector<CategorySpec>& Categories() {
  static const std::vector<CategorySpec> kCats = {
      {"C1", "区县", "Districts and counties", "district", 0.7, 0.2, 0.1, 0.0},
      {"C2", "综合经济部门", "Economic departments", "department", 0.8, 0.15, 0.05, 0.0},
      {"C3", "社会事业部门", "Social development departments", "department", 0.8, 0.15, 0.05, 0.1},
      {"C4", "执法监管部门", "Law enforcement and regulatory departments", "department", 0.8, 0.15,
       0.05, 0.0},
      {"C5", "党群部门", "Party and mass organisation departments", "department", 0.8, 0.15, 0.05,
       -0.05},
      // Stationed units answer to higher authorities; the city weighs how well
      // they serve it (service satisfaction) and has no leadership rating.
      {"C6", "驻市单位", "Stationed units", "stationed", 0.75, 0.25, 0.0, 0.0},
  };
  return kCats;
}

const std::vector<UnitSpec>& Units() {
  static const std::vector<UnitSpec> kUnits = {
      // 区县: one urban district, one scenic district, two rural counties.
      {"D01", "望川区", "Wangchuan District", "C1", 1.8, 0.6, {}},
      {"D02", "栖云山区", "Qiyunshan District", "C1", 1.0, 2.6, {}},
      {"D03", "稻溪县", "Daoxi County", "C1", 0.9, 0.7, {}},
      {"D04", "松岚县", "Songlan County", "C1", 0.7, 1.0, {}},
      // 综合经济部门
      {"B01", "发展和改革委员会", "Development and Reform Commission", "C2", 1, 1,
       Duty("重大项目年度投资完成额", "Investment completed in major projects", 1, "亿元", "output",
            "B32", 120, kCum, 2, kOpen, 0.06)},
      {"B02", "财政局", "Finance Bureau", "C2", 1, 1,
       Duty("一般公共预算收入（全市）", "General public budget revenue (citywide)", 1, "亿元",
            "outcome", "B32", 95, kCum, 2, kOpen, 0.05)},
      {"B03", "统计局", "Statistics Bureau", "C2", 1, 1,
       Duty("统计数据质量评估得分", "Statistical data quality score", 1, "分", "output", "B32", 95,
            kLevel, 1, kMax100)},
      {"B04", "商务局", "Commerce Bureau", "C2", 1, 1,
       Duty("实际利用外资", "Foreign direct investment utilised", 1, "亿美元", "outcome", "B32",
            4.5, kCum, 2, kOpen, 0.05)},
      {"B05", "工业和信息化局", "Industry and Information Technology Bureau", "C2", 1, 1,
       Duty("新增规模以上工业企业", "New industrial enterprises above designated size", 1, "家",
            "output", "B32", 45, kCum, 0, kOpen)},
      {"B06", "税务局", "Taxation Bureau", "C2", 1, 1,
       Duty("税收收入", "Tax revenue", 1, "亿元", "outcome", "B32", 70, kCum, 2, kOpen, 0.05)},
      {"B07", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "C2", 1, 1,
       Duty("城镇老旧小区改造户数", "Old urban residential units renovated", 1, "户", "output",
            "B32", 8000, kCum, 0, kOpen)},
      {"B08", "交通运输局", "Transport Bureau", "C2", 1, 1,
       Duty("交通基础设施投资完成额", "Transport infrastructure investment completed", 1, "亿元",
            "output", "B32", 40, kCum, 2, kOpen, 0.04)},
      {"B09", "农业农村局", "Agriculture and Rural Affairs Bureau", "C2", 1, 1,
       Duty("粮食播种面积", "Grain sown area", 1, "万亩", "outcome", "B32", 110, kLevel, 1, kOpen)},
      {"B10", "审计局", "Audit Bureau", "C2", 1, 1,
       Duty("审计项目计划完成率", "Audit plan completed", 1, "%", "output", "B32", 100, kCum, 1,
            kMax100)},
      // 社会事业部门
      {"B11", "教育局", "Education Bureau", "C3", 1, 1,
       Duty("义务教育优质均衡达标学校比例", "Schools meeting the balanced-quality standard", 1, "%",
            "outcome", "B32", 85, kLevel, 1, kMax100)},
      {"B12", "卫生健康委员会", "Health Commission", "C3", 1, 1,
       Duty("二级以上医院预约诊疗率", "Appointment rate in secondary and tertiary hospitals", 1,
            "%", "output", "B32", 80, kLevel, 1, kMax100)},
      {"B13", "人力资源和社会保障局", "Human Resources and Social Security Bureau", "C3", 1, 1,
       Duty("城镇新增就业人数（全市）", "New urban jobs (citywide)", 1, "人", "outcome", "B32",
            22000, kCum, 0, kOpen)},
      {"B14", "民政局", "Civil Affairs Bureau", "C3", 1, 1,
       Duty("养老机构护理型床位占比", "Share of nursing beds in elderly-care institutions", 1, "%",
            "outcome", "B32", 55, kLevel, 1, kMax100)},
      {"B15", "文化旅游广电体育局", "Culture, Tourism, Radio, Television and Sports Bureau", "C3",
       1, 1,
       Duty("A级旅游景区游客满意度", "Visitor satisfaction at rated scenic spots", 1, "%",
            "outcome", "B32", 92, kLevel, 1, kMax100)},
      {"B16", "医疗保障局", "Healthcare Security Bureau", "C3", 1, 1,
       Duty("基本医疗保险参保率", "Basic medical insurance coverage", 1, "%", "outcome", "B32", 96,
            kLevel, 1, kMax100)},
      {"B17", "退役军人事务局", "Veterans Affairs Bureau", "C3", 1, 1,
       Duty("退役军人就业安置率", "Employment placement of veterans", 1, "%", "outcome", "B32", 95,
            kLevel, 1, kMax100)},
      {"B18", "科学技术局", "Science and Technology Bureau", "C3", 1, 1,
       Duty("高新技术企业净增数", "Net new high-tech enterprises", 1, "家", "outcome", "B32", 60,
            kCum, 0, kOpen)},
      {"B19", "乡村振兴局", "Rural Revitalisation Bureau", "C3", 1, 1,
       Duty("脱贫人口人均纯收入增速", "Income growth of people lifted out of poverty", 1, "%",
            "outcome", "B32", 10, kLevel, 1, kOpen)},
      {"B20", "住房公积金管理中心", "Housing Provident Fund Centre", "C3", 1, 1,
       Duty("住房公积金归集额", "Housing provident fund contributions collected", 1, "亿元",
            "output", "B32", 38, kCum, 2, kOpen, 0.05)},
      // 执法监管部门
      {"B21", "公安局", "Public Security Bureau", "C4", 1, 1,
       Duty("刑事案件发案数", "Reported criminal cases", -1, "起", "outcome", "B32", 3200, kCum, 0,
            kOpen, -0.03)},
      {"B22", "市场监督管理局", "Market Regulation Administration", "C4", 1, 1,
       Duty("食品安全抽检合格率（全市）", "Food safety sampling pass rate (citywide)", 1, "%",
            "outcome", "B32", 97.5, kLevel, 1, kMax100)},
      {"B23", "生态环境局", "Ecology and Environment Bureau", "C4", 1, 1,
       Duty("PM2.5平均浓度（全市）", "Average PM2.5 concentration (citywide)", -1, "μg/m³",
            "outcome", "B32", 30, kLevel, 1, kOpen, -0.03)},
      {"B24", "自然资源和规划局", "Natural Resources and Planning Bureau", "C4", 1, 1,
       Duty("耕地保有量", "Arable land retained", 1, "万亩", "outcome", "B32", 210, kLevel, 1,
            kOpen)},
      {"B25", "应急管理局", "Emergency Management Bureau", "C4", 1, 1,
       Duty("生产安全事故死亡人数（全市）", "Work-safety deaths (citywide)", -1, "人", "outcome",
            "B32", 30, kCum, 0, kOpen, -0.05)},
      {"B26", "城市管理和综合执法局", "Urban Management and Law Enforcement Bureau", "C4", 1, 1,
       Duty("生活垃圾分类覆盖率", "Household waste sorting coverage", 1, "%", "output", "B32", 85,
            kLevel, 1, kMax100)},
      {"B27", "司法局", "Justice Bureau", "C4", 1, 1,
       Duty("法律援助案件办结数", "Legal aid cases closed", 1, "件", "output", "B32", 2400, kCum, 0,
            kOpen)},
      {"B28", "水利局", "Water Resources Bureau", "C4", 1, 1,
       Duty("水利工程建设投资完成额", "Water-conservancy investment completed", 1, "亿元", "output",
            "B32", 15, kCum, 2, kOpen, 0.04)},
      {"B29", "林业局", "Forestry Bureau", "C4", 1, 1,
       Duty("森林覆盖率（全市）", "Forest coverage (citywide)", 1, "%", "outcome", "B32", 62,
            kLevel, 2, kMax100)},
      {"B30", "信访局", "Letters and Visits Bureau", "C4", 1, 1,
       Duty("信访事项按期办结率", "Petitions closed on time", 1, "%", "output", "B32", 95, kLevel,
            1, kMax100)},
      {"B31", "政务服务和数据管理局", "Government Services and Data Administration", "C4", 1, 1,
       Duty("政务服务事项全程网办率", "Services fully handled online", 1, "%", "output", "B32", 90,
            kLevel, 1, kMax100)},
      // 党群部门
      {"B32", "市委办公室", "General Office of the Municipal Party Committee", "C5", 1, 1,
       Duty("督查督办事项按期办结率", "Supervised tasks closed on time", 1, "%", "process", "B33",
            95, kLevel, 1, kMax100)},
      {"B33", "市委组织部", "Organisation Department", "C5", 1, 1,
       Duty("基层党组织书记培训覆盖率", "Training coverage of grassroots Party secretaries", 1, "%",
            "output", "B32", 100, kCum, 1, kMax100)},
      {"B34", "市委宣传部", "Publicity Department", "C5", 1, 1,
       Duty("主流媒体传播力指数", "Reach index of mainstream media", 1, "分", "outcome", "B32", 85,
            kLevel, 1, kMax100)},
      {"B35", "市委统战部", "United Front Work Department", "C5", 1, 1,
       Duty("民营经济人士培训人次", "Private-sector representatives trained", 1, "人次", "output",
            "B32", 1500, kCum, 0, kOpen)},
      {"B36", "市委政法委", "Political and Legal Affairs Commission", "C5", 1, 1,
       Duty("群众安全感满意度（全市）", "Public sense of security (citywide)", 1, "%", "outcome",
            "B32", 95, kLevel, 1, kMax100)},
      {"B37", "市纪委监委", "Commission for Discipline Inspection and Supervision", "C5", 1, 1,
       Duty("问题线索按期处置率", "Disciplinary leads handled on time", 1, "%", "process", "B32",
            98, kLevel, 1, kMax100)},
      {"B38", "团市委", "Communist Youth League Municipal Committee", "C5", 1, 1,
       Duty("青年志愿服务时长", "Youth volunteer hours", 1, "万小时", "output", "B32", 45, kCum, 1,
            kOpen, 0.05)},
      {"B39", "市妇联", "Women's Federation", "C5", 1, 1,
       Duty("妇女儿童维权案件办结率", "Women's and children's rights cases closed", 1, "%",
            "output", "B32", 96, kLevel, 1, kMax100)},
      {"B40", "市总工会", "Federation of Trade Unions", "C5", 1, 1,
       Duty("职工技能培训人次", "Workers given skills training", 1, "人次", "output", "B32", 12000,
            kCum, 0, kOpen)},
      // 驻市单位
      {"S01", "云岭供电公司", "Yunling Power Supply Company", "C6", 1, 1,
       Duty("供电可靠率", "Power supply reliability", 1, "%", "outcome", "B05", 99.8, kLevel, 2,
            kMax100)},
      {"S02", "云岭电信分公司", "Yunling Telecom Branch", "C6", 1, 1,
       Duty("千兆光网覆盖率", "Gigabit fibre coverage", 1, "%", "output", "B05", 85, kLevel, 1,
            kMax100)},
      {"S03", "云岭市气象局", "Yunling Meteorological Bureau", "C6", 1, 1,
       Duty("灾害性天气预警准确率", "Accuracy of severe-weather warnings", 1, "%", "outcome", "B25",
            88, kLevel, 1, kMax100)},
      {"S04", "云岭市邮政管理局", "Yunling Postal Administration", "C6", 1, 1,
       Duty("快递业务量", "Parcels delivered", 1, "万件", "output", "B04", 9000, kCum, 0, kOpen,
            0.08)},
  };
  return kUnits;
}

const std::vector<GroupSpec>& Groups() {
  static const V kC1 = {"C1"};
  static const std::vector<GroupSpec> kGroups = {
      // The district scheme (区县).
      {"1", "", "经济发展", "Economic development", 30, kC1},
      {"1.1", "1", "经济总量与速度", "Size and growth of the economy", 12, kC1},
      {"1.2", "1", "产业发展", "Industries", 10, kC1},
      {"1.3", "1", "项目与招商", "Projects and investment attraction", 8, kC1},
      {"2", "", "社会民生", "People's livelihood", 20, kC1},
      {"2.1", "2", "居民收入与就业", "Income and employment", 9, kC1},
      {"2.2", "2", "社会事业", "Public services", 11, kC1},
      {"3", "", "生态文明", "Ecological civilisation", 15, kC1},
      {"3.1", "3", "环境质量", "Environmental quality", 9, kC1},
      {"3.2", "3", "绿色发展", "Green development", 6, kC1},
      {"4", "", "安全稳定", "Safety and stability", 10, kC1},
      {"4.1", "4", "安全生产", "Work safety", 5, kC1},
      {"4.2", "4", "社会稳定", "Social stability", 5, kC1},
      {"5", "", "党的建设", "Party building", 15, kC1},
      {"5.1", "5", "基层党建", "Grassroots Party building", 6, kC1},
      {"5.2", "5", "党风廉政", "Integrity and conduct", 5, kC1},
      {"5.3", "5", "意识形态", "Ideological work", 4, kC1},
      {"6", "", "改革创新", "Reform and innovation", 10, kC1},
      {"6.1", "6", "营商环境", "Business environment", 6, kC1},
      {"6.2", "6", "改革任务", "Reform tasks", 4, kC1},
      // The department scheme (市直单位, 驻市单位): duty + common = 100 per unit.
      {"7", "", "职能目标", "Duty targets", 75, kAssessedByDeptScheme},
      {"7.1", "7", "重点工作", "Key work", 55, kDeptCats},
      {"7.2", "7", "综合经济部门专项职能", "Specific duties: economic departments", 20, {"C2"}},
      {"7.3",
       "7",
       "社会事业部门专项职能",
       "Specific duties: social development departments",
       20,
       {"C3"}},
      {"7.4",
       "7",
       "执法监管部门专项职能",
       "Specific duties: law enforcement and regulation",
       20,
       {"C4"}},
      {"7.5", "7", "党群部门专项职能", "Specific duties: Party and mass organisations", 20, {"C5"}},
      {"7.6", "7", "驻市单位服务保障", "Stationed units: service to local development", 75, {"C6"}},
      {"8", "", "共性目标", "Common targets", 25, kAssessedByDeptScheme},
      {"8.1", "8", "党的建设", "Party building", 9, kAssessedByDeptScheme},
      {"8.2", "8", "依法行政与政务公开", "Rule of law and transparency", 6, kAssessedByDeptScheme},
      {"8.3", "8", "安全与稳定", "Safety and stability", 5, kAssessedByDeptScheme},
      {"8.4", "8", "管理效能", "Management effectiveness", 5, kAssessedByDeptScheme},
  };
  return kGroups;
}

const char* DutyGroupOf(const std::string& category_id) {
  if (category_id == "C2") return "7.2";
  if (category_id == "C3") return "7.3";
  if (category_id == "C4") return "7.4";
  if (category_id == "C5") return "7.5";
  return "7.6";
}

const std::vector<SharedLeaf>& SharedLeaves() {
  static const V kC1 = {"C1"};
  static const V kC6 = {"C6"};
  static const auto kSize = Scaling::kSize;
  static const auto kNone = Scaling::kNone;
  static const auto kTour = Scaling::kTourism;
  static const std::vector<SharedLeaf> kLeaves = {
      // 1 经济发展 30
      {L("1.1.1", "1.1", "地区生产总值增速", "GDP growth", 4, 1, "%", "outcome",
         {"strategic", "result"}, "B03", kCompletion, 6.5, kNone, kLevel, 1, kOpen),
       kC1},
      {L("1.1.2", "1.1", "一般公共预算收入", "General public budget revenue", 3, 1, "亿元",
         "outcome", {"result", "target"}, "B02", kCompletion, 18, kSize, kCum, 2, kOpen, 0.05),
       kC1},
      {L("1.1.3", "1.1", "固定资产投资增速", "Fixed-asset investment growth", 2, 1, "%", "output",
         {"strategic"}, "B03", kCompletion, 8.0, kNone, kLevel, 1, kOpen),
       kC1},
      {L("1.1.4", "1.1", "规模以上工业增加值增速",
         "Growth of industrial value added above designated size", 2, 1, "%", "outcome", {"result"},
         "B05", kCompletion, 7.0, kNone, kLevel, 1, kOpen),
       kC1},
      {L("1.1.5", "1.1", "社会消费品零售总额增速", "Retail sales growth", 1, 1, "%", "outcome",
         {"result"}, "B04", kCompletion, 6.0, kNone, kLevel, 1, kOpen),
       kC1},
      {L("1.2.1", "1.2", "旅游接待人次", "Tourist visits", 3, 1, "万人次", "output",
         {"strategic", "result"}, "B15", kCompletion, 600, kTour, kCum, 1, kOpen, 0.08),
       kC1},
      {L("1.2.2", "1.2", "旅游总收入", "Tourism revenue", 3, 1, "亿元", "outcome",
         {"strategic", "result"}, "B15", kCompletion, 55, kTour, kCum, 2, kOpen, 0.08),
       kC1},
      {L("1.2.3", "1.2", "高新技术企业数", "High-tech enterprises", 2, 1, "家", "output",
         {"innovation"}, "B18", kCompletion, 40, kSize, kLevel, 0, kOpen, 0.1),
       kC1},
      {L("1.2.4", "1.2", "农业总产值增速", "Agricultural output growth", 2, 1, "%", "outcome",
         {"result"}, "B09", kCompletion, 3.5, kNone, kLevel, 1, kOpen),
       kC1},
      {L("1.3.1", "1.3", "重点项目投资完成率", "Key project investment completed", 4, 1, "%",
         "output", {"target"}, "B01", kCompletion, 100, kNone, kCum, 1, kOpen),
       kC1},
      {L("1.3.2", "1.3", "招商引资到位资金", "Investment attracted (funds in place)", 4, 1, "亿元",
         "output", {"strategic"}, "B04", kRankStep, 35, kSize, kCum, 2, kOpen, 0.06),
       kC1},
      // 2 社会民生 20
      {L("2.1.1", "2.1", "城镇居民人均可支配收入增速",
         "Growth of urban per-capita disposable income", 2, 1, "%", "outcome",
         {"citizen", "result"}, "B03", kCompletion, 6.0, kNone, kLevel, 1, kOpen),
       kC1},
      {L("2.1.2", "2.1", "农村居民人均可支配收入增速",
         "Growth of rural per-capita disposable income", 2, 1, "%", "outcome",
         {"citizen", "result"}, "B03", kCompletion, 7.5, kNone, kLevel, 1, kOpen),
       kC1},
      {L("2.1.3", "2.1", "城镇新增就业人数", "New urban jobs", 3, 1, "人", "outcome",
         {"citizen", "result"}, "B13", kCompletion, 6000, kSize, kCum, 0, kOpen, 0.03),
       kC1},
      {L("2.1.4", "2.1", "城镇调查失业率", "Surveyed urban unemployment rate", 2, -1, "%",
         "outcome", {"citizen"}, "B13", kCompletion, 5.5, kNone, kLevel, 1, kOpen),
       kC1},
      {L("2.2.1", "2.2", "重点民生实事项目完成率", "Key livelihood projects completed", 3, 1, "%",
         "output", {"citizen", "target"}, "B01", kCompletion, 100, kNone, kCum, 1, kMax100),
       kC1},
      {L("2.2.2", "2.2", "巩固拓展脱贫攻坚成果考核得分",
         "Consolidating poverty alleviation: assessment score", 2, 1, "分", "outcome", {"problem"},
         "B19", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("2.2.3", "2.2", "基本养老保险参保率", "Basic pension insurance coverage", 2, 1, "%",
         "outcome", {"citizen"}, "B13", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("2.2.4", "2.2", "义务教育巩固率", "Compulsory education retention rate", 2, 1, "%",
         "outcome", {"citizen"}, "B11", kCompletion, 98, kNone, kLevel, 1, kMax100),
       kC1},
      {L("2.2.5", "2.2", "每千人口执业（助理）医师数", "Licensed doctors per 1,000 residents", 2, 1,
         "人", "outcome", {"citizen"}, "B12", kCompletion, 3.0, kNone, kLevel, 2, kOpen, 0.03),
       kC1},
      // 3 生态文明 15
      {L("3.1.1", "3.1", "空气质量优良天数比例", "Share of days with good air quality", 3, 1, "%",
         "outcome", {"result"}, "B23", kCompletion, 92, kNone, kLevel, 1, kMax100),
       kC1},
      {L("3.1.2", "3.1", "PM2.5平均浓度", "Average PM2.5 concentration", 2, -1, "μg/m³", "outcome",
         {"result", "problem"}, "B23", kCompletion, 30, kNone, kLevel, 1, kOpen, -0.03),
       kC1},
      {L("3.1.3", "3.1", "地表水考核断面达标率", "Surface-water sections meeting the standard", 2,
         1, "%", "outcome", {"result"}, "B23", kCompletion, 90, kNone, kLevel, 1, kMax100),
       kC1},
      {L("3.1.4", "3.1", "森林覆盖率", "Forest coverage", 2, 1, "%", "outcome", {"strategic"},
         "B29", kCompletion, 60, kNone, kLevel, 2, kMax100, 0, /*early_final=*/true),
       kC1},
      {L("3.2.1", "3.2", "单位GDP能耗下降率", "Reduction of energy use per unit of GDP", 2, 1, "%",
         "outcome", {"strategic", "result"}, "B01", kCompletion, 3.0, kNone, kLevel, 2, kOpen),
       kC1},
      {L("3.2.2", "3.2", "环保督察问题整改完成率", "Environmental inspection findings rectified", 2,
         1, "%", "process", {"problem"}, "B23", kCompletion, 100, kNone, kCum, 1, kMax100),
       kC1},
      {L("3.2.3", "3.2", "生活垃圾无害化处理率", "Harmless treatment of household waste", 2, 1, "%",
         "output", {"citizen"}, "B26", kCompletion, 98, kNone, kLevel, 1, kMax100),
       kC1},
      // 4 安全稳定 10
      {L("4.1.1", "4.1", "生产安全事故死亡人数", "Deaths in work-safety accidents", 3, -1, "人",
         "outcome", {"problem", "result"}, "B25", kCompletion, 8, kSize, kCum, 0, kOpen),
       kC1},
      {L("4.1.2", "4.1", "食品安全抽检合格率", "Food safety sampling pass rate", 2, 1, "%",
         "outcome", {"citizen"}, "B22", kCompletion, 97, kNone, kLevel, 1, kMax100),
       kC1},
      {L("4.2.1", "4.2", "信访积案化解率", "Backlogged petitions resolved", 3, 1, "%", "output",
         {"problem", "citizen"}, "B30", kCompletion, 90, kNone, kCum, 1, kMax100),
       kC1},
      {L("4.2.2", "4.2", "群众安全感满意度", "Public sense of security", 2, 1, "%", "outcome",
         {"citizen"}, "B36", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      // 5 党的建设 15
      {L("5.1.1", "5.1", "基层党建考核得分", "Grassroots Party building: assessment score", 4, 1,
         "分", "process", {"comprehensive"}, "B33", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("5.1.2", "5.1", "基层党组织规范化建设达标率",
         "Grassroots Party organisations meeting the standard", 2, 1, "%", "output",
         {"comprehensive"}, "B33", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("5.2.1", "5.2", "党风廉政建设考核得分", "Integrity and conduct: assessment score", 3, 1,
         "分", "process", {"comprehensive"}, "B37", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("5.2.2", "5.2", "问题线索处置率", "Disciplinary leads handled", 2, 1, "%", "output",
         {"problem"}, "B37", kCompletion, 98, kNone, kLevel, 1, kMax100),
       kC1},
      {L("5.3.1", "5.3", "意识形态工作责任制考核得分",
         "Ideological work responsibility: assessment score", 2, 1, "分", "process",
         {"comprehensive"}, "B34", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC1},
      {L("5.3.2", "5.3", "网络舆情处置及时率", "Online public opinion handled in time", 2, 1, "%",
         "process", {"citizen"}, "B34", kCompletion, 98, kNone, kLevel, 1, kMax100),
       kC1},
      // 6 改革创新 10
      {L("6.1.1", "6.1", "营商环境评价得分", "Business environment evaluation score", 3, 1, "分",
         "outcome", {"innovation", "citizen"}, "B31", kRankLinear, 85, kNone, kLevel, 1, kMax100, 0,
         /*early_final=*/true),
       kC1},
      {L("6.1.2", "6.1", "政务服务“一网通办”率", "Services handled through one online portal", 3, 1,
         "%", "output", {"innovation", "citizen"}, "B31", kCompletion, 90, kNone, kLevel, 1,
         kMax100),
       kC1},
      {L("6.2.1", "6.2", "重点改革任务完成率", "Key reform tasks completed", 2, 1, "%", "output",
         {"innovation", "target"}, "B01", kCompletion, 100, kNone, kCum, 1, kMax100),
       kC1},
      {L("6.2.2", "6.2", "研发经费投入强度", "R&D spending as a share of GDP", 2, 1, "%", "outcome",
         {"innovation"}, "B18", kCompletion, 2.2, kNone, kLevel, 2, kOpen, 0.04),
       kC1},
      // 7.1 departments' generic duty leaves (55)
      {L("7.1.1", "7.1", "年度重点工作任务完成率", "Annual key tasks completed", 35, 1, "%",
         "output", {"duty", "target"}, "B32", kCompletion, 100, kNone, kCum, 1, kMax100),
       kDeptCats},
      {L("7.1.2", "7.1", "权责清单事项履职率",
         "Items of the power-and-responsibility list performed", 10, 1, "%", "process", {"duty"},
         "B27", kCompletion, 100, kNone, kLevel, 1, kMax100),
       kDeptCats},
      {L("7.1.3", "7.1", "牵头指标全市完成情况", "Citywide achievement of the indicators it leads",
         10, 1, "分", "outcome", {"duty", "result"}, "B01", kRankLinear, 90, kNone, kLevel, 1,
         kMax100),
       kDeptCats},
      // 7.6 stationed units' shared duty leaves (55 of their 75)
      {L("7.6.1", "7.6", "支持地方重点工作任务完成率", "Local key tasks supported and completed",
         35, 1, "%", "output", {"duty", "target"}, "B32", kCompletion, 100, kNone, kCum, 1,
         kMax100),
       kC6},
      {L("7.6.2", "7.6", "服务质量与保障水平评价", "Service quality and reliability rating", 20, 1,
         "分", "outcome", {"citizen"}, "B01", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kC6},
      // 8 common targets (25) for departments and stationed units
      {L("8.1.1", "8.1", "机关党建考核得分", "Party building in the organisation", 5, 1, "分",
         "process", {"comprehensive"}, "B33", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.1.2", "8.1", "党风廉政建设考核得分", "Integrity and conduct", 4, 1, "分", "process",
         {"comprehensive"}, "B37", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.2.1", "8.2", "依法行政考核得分", "Law-based administration", 3, 1, "分", "process",
         {"comprehensive"}, "B27", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.2.2", "8.2", "政务公开考核得分", "Government transparency", 3, 1, "分", "process",
         {"citizen"}, "B31", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.3.1", "8.3", "安全生产考核得分", "Work safety", 2, 1, "分", "process", {"problem"},
         "B25", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.3.2", "8.3", "信访维稳考核得分", "Petitions and stability", 3, 1, "分", "process",
         {"problem", "citizen"}, "B30", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.4.1", "8.4", "预算绩效管理考核得分", "Budget performance management", 3, 1, "分",
         "process", {"result"}, "B02", kCompletion, 95, kNone, kLevel, 1, kMax100),
       kAssessedByDeptScheme},
      {L("8.4.2", "8.4", "优化营商环境考核得分", "Contribution to the business environment", 2, 1,
         "分", "outcome", {"citizen", "innovation"}, "B31", kCompletion, 95, kNone, kLevel, 1,
         kMax100),
       kAssessedByDeptScheme},
  };
  return kLeaves;
}

}  // namespace govperf::demo
