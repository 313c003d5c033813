#include "demo/projects.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "app/assessment_projects/projects.h"

namespace govperf::demo {
namespace {

// One project's story over the three years. Actions per year: 'A' approved,
// 'M' merged into the comprehensive evaluation, 'R' refused, 'X' approved
// then abolished, 'P' left pending, '-' absent. Frequencies per year: "" keeps
// the one before (a renewal may lighten it).
struct ProjectStory {
  const char* id;
  const char* department;
  const char* name_zh;
  const char* name_en;
  const char* basis;
  std::vector<std::string> categories, units;
  const char* actions;  // three characters
  std::vector<std::string> frequencies;
  const char* merge_keyword;  // an indicator whose name has it, when merged
};

const std::vector<ProjectStory>& Stories() {
  // Districts and every department category (not the stationed units, C6).
  const std::vector<std::string> kAllCats = {"C1", "C2", "C3", "C4", "C5"};
  static const std::vector<ProjectStory> kStories = {
      {"AQ-01",
       "B25",
       "安全生产目标责任考核",
       "Work safety responsibility",
       "《中华人民共和国安全生产法》第九条",
       {"C1"},
       {"B07", "B08", "B22"},
       "AAA",
       {"monthly", "monthly", "quarterly"},
       "安全"},
      {"HZ-01",
       "B28",
       "河长制湖长制工作考核",
       "River and lake chief system",
       "《关于全面推行河长制的意见》",
       {"C1"},
       {},
       "AAM",
       {"quarterly", "", ""},
       "水利"},
      {"LZ-01",
       "B29",
       "林长制工作考核",
       "Forest chief system",
       "《关于全面推行林长制的意见》",
       {"C1"},
       {},
       "AAA",
       {"quarterly", "semiannual", ""},
       ""},
      {"DF-01",
       "B37",
       "党风廉政建设责任制考核",
       "Party conduct and integrity",
       "《党委（党组）落实全面从严治党主体责任规定》",
       kAllCats,
       {},
       "AAM",
       {"semiannual", "", ""},
       "问题线索"},
      {"GB-01",
       "B33",
       "领导班子和领导干部年度考核",
       "Annual evaluation of leadership teams",
       "《党政领导干部考核工作条例》",
       kAllCats,
       {},
       "MMM",
       {"annual", "", ""},
       "党组织"},
      {"YS-01",
       "B34",
       "意识形态工作责任制考核",
       "Ideological work responsibility",
       "《党委（党组）意识形态工作责任制实施办法》",
       kAllCats,
       {},
       "AM-",
       {"annual", "", ""},
       "传播力"},
      {"PA-01",
       "B36",
       "平安建设（综治）工作考核",
       "Peace and public security",
       "《健全落实社会治安综合治理领导责任制规定》",
       {"C1"},
       {"B21", "B30"},
       "AAA",
       {"monthly", "quarterly", ""},
       ""},
      {"XF-01",
       "B30",
       "信访工作目标考核",
       "Letters and visits",
       "《信访工作条例》第四十三条",
       {"C1", "C4"},
       {},
       "AAA",
       {"monthly", "monthly", "quarterly"},
       ""},
      {"ST-01",
       "B23",
       "生态环境保护目标责任考核",
       "Environmental protection targets",
       "《中华人民共和国环境保护法》第二十六条",
       {"C1"},
       {"B24", "B29"},
       "AAA",
       {"quarterly", "", "semiannual"},
       ""},
      {"WS-01",
       "B12",
       "爱国卫生运动工作考核",
       "Patriotic health campaign",
       "《国务院关于深入开展爱国卫生运动的意见》",
       {"C1"},
       {},
       "AM-",
       {"quarterly", "", ""},
       "预约诊疗"},
      {"SP-01",
       "B22",
       "食品安全工作评议考核",
       "Food safety",
       "《地方党政领导干部食品安全责任制规定》",
       {"C1"},
       {},
       "AAA",
       {"quarterly", "", ""},
       ""},
      {"JY-01",
       "B11",
       "教育督导评估",
       "Education supervision",
       "《教育督导条例》",
       {"C1"},
       {},
       "AAA",
       {"semiannual", "annual", ""},
       ""},
      {"XC-01",
       "B19",
       "乡村振兴实绩考核",
       "Rural revitalisation",
       "《乡村振兴责任制实施办法》",
       {"C1"},
       {"B09"},
       "AAA",
       {"quarterly", "semiannual", ""},
       ""},
      {"GD-01",
       "B24",
       "耕地保护目标责任考核",
       "Farmland protection targets",
       "《省级政府耕地保护责任目标考核办法》",
       {"C1"},
       {},
       "AAA",
       {"annual", "", ""},
       ""},
      {"YS-02",
       "B31",
       "营商环境评价",
       "Business environment",
       "《优化营商环境条例》第八条",
       {"C1", "C2"},
       {"B22", "B24"},
       "AAA",
       {"quarterly", "", ""},
       ""},
      {"CG-01",
       "B26",
       "城市管理工作考核",
       "Urban management",
       "《城市管理执法办法》",
       {"C1"},
       {},
       "AAM",
       {"monthly", "monthly", ""},
       "垃圾分类"},
      {"TJ-01",
       "B03",
       "统计工作考核",
       "Statistical work",
       "《中华人民共和国统计法》",
       {"C1"},
       {},
       "AXA",
       {"quarterly", "", ""},
       ""},
      {"YL-01",
       "B14",
       "养老服务工作考核",
       "Elderly care services",
       "《养老机构管理办法》",
       {"C1"},
       {},
       "AAX",
       {"semiannual", "", ""},
       ""},
      {"QN-01",
       "B38",
       "青年工作专项考核",
       "Youth work",
       "《中长期青年发展规划》",
       kAllCats,
       {},
       "R--",
       {"quarterly", "", ""},
       ""},
      {"FZ-01",
       "B27",
       "法治政府建设考核",
       "Rule-of-law government",
       "《法治政府建设与责任落实督察工作规定》",
       kAllCats,
       {},
       "-AA",
       {"", "annual", ""},
       ""},
      {"DB-01",
       "B32",
       "督查检查事项专项考核",
       "Inspection items",
       "市委办公室文件",
       kAllCats,
       {},
       "-R-",
       {"", "quarterly", ""},
       ""},
      {"JN-01",
       "B05",
       "节能降耗目标考核",
       "Energy saving targets",
       "《中华人民共和国节约能源法》",
       {"C1"},
       {},
       "--R",
       {"", "", "quarterly"},
       ""},
      {"WM-01",
       "B34",
       "文明城市创建工作考核",
       "Civilised city campaign",
       "《全国文明城市测评体系》",
       {"C1"},
       {"B26"},
       "--P",
       {"", "", "monthly"},
       ""},
      {"JC-01",
       "B13",
       "就业创业工作目标考核",
       "Employment targets",
       "《中华人民共和国就业促进法》",
       {"C1"},
       {},
       "--P",
       {"", "", "quarterly"},
       ""},
  };
  return kStories;
}

// The frequency of `s` in year index `k`: the last one set up to it.
std::string FrequencyOf(const ProjectStory& s, int k) {
  std::string f;
  for (int i = 0; i <= k; ++i) {
    if (!s.frequencies[i].empty()) f = s.frequencies[i];
  }
  return f;
}

// The applicant: the department's lead login when it has one, else the office.
app::Caller ApplicantOf(store::Store& store, const std::string& department) {
  std::string username = "lead_" + department;
  for (char& c : username) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto u = store.FindUser(username);
  if (u.ok() && u->has_value() && (*u)->role == core::Role::kLead) {
    return app::Caller::Of(**u);
  }
  return app::Caller{"admin", core::Role::kAdmin, "", ""};
}

// The first indicator of the year's scheme whose name has `keyword`.
std::vector<std::string> MergeTarget(store::Store& store, int year, const std::string& keyword) {
  if (keyword.empty()) return {};
  auto scheme = store.LoadScheme(year);
  if (!scheme.ok()) return {};
  for (const core::Indicator& i : scheme->indicators) {
    if (i.name_zh.find(keyword) != std::string::npos) return {i.id};
  }
  return {};
}

}  // namespace

Status WriteAssessmentProjects(store::Store& store, StoryClock* clock, int current_year) {
  const int64_t resume = clock != nullptr ? clock->NowUnix() : 0;
  auto at = [&](int year, int month, int day, int hour) {
    if (clock != nullptr) clock->SetChina({year, month, day}, hour);
  };
  const app::Caller office{"admin", core::Role::kAdmin, "", ""};
  namespace pj = app::projects;
  for (int k = 0; k < 3; ++k) {
    const int year = current_year - 2 + k;
    // Renewal first (the office copies last year's kept projects), then new
    // applications by the departments, in January.
    std::vector<std::string> renewed;
    at(year, 1, 6, 9);
    if (k > 0) {
      auto copied = pj::CopyFromPreviousYear(store, office, year);
      if (!copied.ok()) return copied.status();
      for (const auto& p : copied->copied) renewed.push_back(p.id);
    }
    int day = 8;
    for (const ProjectStory& s : Stories()) {
      if (s.actions[k] == '-') continue;
      pj::ProjectInput in;
      in.id = s.id;
      in.name_zh = s.name_zh;
      in.name_en = s.name_en;
      in.department_id = s.department;
      in.basis = s.basis;
      in.category_ids = s.categories;
      in.unit_ids = s.units;
      in.frequency = FrequencyOf(s, k);
      at(year, 1, day, 10);
      day = day < 18 ? day + 1 : 8;
      const app::Caller applicant = ApplicantOf(store, s.department);
      const bool was_renewed = std::find(renewed.begin(), renewed.end(), s.id) != renewed.end();
      if (was_renewed) {
        auto before = store.FindAssessmentProject(year, s.id);
        if (!before.ok()) return before.status();
        if (before->has_value() && (*before)->frequency != in.frequency) {
          // The renewal lightens its frequency before the office decides.
          GOVPERF_RETURN_IF_ERROR(pj::EditProject(store, applicant, year, s.id, in).status());
        }
      } else {
        GOVPERF_RETURN_IF_ERROR(pj::ApplyProject(store, applicant, year, in).status());
      }
    }
    // The office decides at the end of January.
    at(year, 1, 26, 15);
    for (const ProjectStory& s : Stories()) {
      const char a = s.actions[k];
      pj::Decision d;
      switch (a) {
        case 'A':
        case 'X':
          d = {"approved", "符合规定，予以保留", {}};
          break;
        case 'M':
          d = {"merged", "与综合考核内容重叠，纳入综合考核统一实施",
               MergeTarget(store, year, s.merge_keyword)};
          break;
        case 'R':
          d = {"refused", "无法规依据且与现有考核重复，不予保留", {}};
          break;
        default:
          continue;  // absent, or left pending
      }
      GOVPERF_RETURN_IF_ERROR(pj::DecideProject(store, office, year, s.id, d).status());
    }
    // A kept project abolished in the summer (职能调整).
    at(year, 7, 15, 11);
    for (const ProjectStory& s : Stories()) {
      if (s.actions[k] != 'X') continue;
      GOVPERF_RETURN_IF_ERROR(
          pj::DecideProject(store, office, year, s.id,
                            {"abolished", "职能调整，年中撤销，不再单独考核", {}})
              .status());
    }
  }
  if (clock != nullptr) clock->Set(resume);
  return Status::Ok();
}

}  // namespace govperf::demo
