#include "demo/surveys.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/survey/codes.h"
#include "app/survey/collect.h"
#include "app/survey/design.h"
#include "app/survey/opinions.h"
#include "app/survey/results.h"
#include "app/survey/review.h"
#include "core/survey/model.h"
#include "demo/catalog.h"
#include "demo/naming.h"
#include "demo/rng.h"
#include "store/survey_journal.h"

namespace govperf::demo {
namespace {

namespace sv = core::survey;
namespace as = app::survey;
namespace cm = core::monitoring;

app::Caller Admin() { return {"admin", core::Role::kAdmin, "", ""}; }
app::Caller UnitOf(const std::string& id) { return {UnitLogin(id), core::Role::kUnit, id, ""}; }
app::Caller LeadOf(const std::string& id) { return {LeadLogin(id), core::Role::kLead, id, ""}; }

Status Fail(int year, const std::string& what, const Status& s) {
  return Status(s.code(),
                "demo survey " + std::to_string(year) + ": " + what + ": " + s.ToString());
}

// ---- the design: groups, who answers, the population ----

struct GroupPlan {
  const char* id;
  const char* name_zh;
  const char* name_en;
  double weight;  // in a unit's score
  // Population margins: total, and shares by district (D01..D04), sex
  // (male), age group (18-34, 35-49, 50-64, 65+).
  double population;
  double district[4];
  double male;
  double age[4];
  // Quota per district (accepted responses wanted) in a past year.
  int quota[4];
  double offset;  // how much kinder (or harsher) the group rates, in points
  int known_min;  // departments a respondent of the group rates: min..min+spread-1
  int known_spread;
};

// 群众 citizens are over-represented in the urban district on the public
// link and among the young, so raking has work to do.
constexpr GroupPlan kGroups[] = {
    {.id = "citizen",
     .name_zh = "群众",
     .name_en = "Citizens",
     .weight = 0.5,
     .population = 1460000,
     .district = {0.466, 0.144, 0.226, 0.164},
     .male = 0.505,
     .age = {0.28, 0.27, 0.26, 0.19},
     .quota = {220, 110, 130, 110},
     .offset = 0,
     .known_min = 5,
     .known_spread = 5},
    {.id = "enterprise",
     .name_zh = "企业",
     .name_en = "Enterprises",
     .weight = 0.2,
     .population = 52000,
     .district = {0.50, 0.135, 0.21, 0.155},
     .male = 0.68,
     .age = {0.18, 0.46, 0.31, 0.05},
     .quota = {90, 40, 50, 40},
     .offset = -3,
     .known_min = 7,
     .known_spread = 6},
    {.id = "deputy",
     .name_zh = "人大代表/政协委员",
     .name_en = "People's congress deputies and CPPCC members",
     .weight = 0.2,
     .population = 780,
     .district = {0.385, 0.18, 0.245, 0.19},
     .male = 0.70,
     .age = {0.04, 0.38, 0.50, 0.08},
     .quota = {50, 30, 35, 30},
     .offset = 3,
     .known_min = 16,
     .known_spread = 10},
    {.id = "service",
     .name_zh = "服务对象",
     .name_en = "Service recipients",
     .weight = 0.1,
     .population = 420000,
     .district = {0.524, 0.143, 0.195, 0.138},
     .male = 0.52,
     .age = {0.30, 0.34, 0.24, 0.12},
     .quota = {90, 40, 50, 40},
     .offset = 2,
     .known_min = 3,
     .known_spread = 3},
};
constexpr const char* kDistricts[] = {"D01", "D02", "D03", "D04"};
constexpr const char* kAges[] = {"18_34", "35_49", "50_64", "65_plus"};
constexpr const char* kAgeLabels[] = {"18–34岁", "35–49岁", "50–64岁", "65岁及以上"};
constexpr int kLinkCitizens = 200;        // citizens on the public link (past year)
constexpr double kCodeCitizens = 0.75;    // of the citizens' quota answered by code
constexpr double kInProgressShare = 0.4;  // of the plan in by the story's today
// The share of the quotas the demo collects: each response is its own
// journal batch (one fsync; see WriteDemoSurvey), so the size is what keeps
// `govperf demo` quick. About 700 responses a year.
constexpr double kSampleScale = 0.6;

const UnitSpec& UnitById(const std::string& id) {
  for (const UnitSpec& u : Units()) {
    if (id == u.id) return u;
  }
  return Units().front();  // not reached: the ids are the catalog's
}

// Units the department questions are about: every unit but the districts.
std::vector<const UnitSpec*> RatedBodies() {
  std::vector<const UnitSpec*> out;
  for (const UnitSpec& u : Units()) {
    if (u.id[0] != 'D') out.push_back(&u);
  }
  return out;
}

// How likely a respondent of the group knows the unit well enough to rate it
// (relative weights): citizens know the public-facing services, enterprises
// the economic and regulatory departments, deputies nearly all.
double Familiarity(const std::string& group, const UnitSpec& u) {
  const std::string cat = u.category;
  const std::string id = u.id;
  if (group == "deputy") return 1.0;
  if (group == "citizen") {
    if (cat == "C3" || cat == "C6") return 3.0;
    if (cat == "C4") return 2.0;
    if (id == "B31" || id == "B07" || id == "B08") return 3.0;
    return 0.5;
  }
  if (group == "enterprise") {
    if (cat == "C2") return 3.0;
    if (id == "B22" || id == "B31" || id == "B23" || id == "B13") return 3.0;
    if (cat == "C4" || cat == "C6") return 1.5;
    return 0.4;
  }
  // service recipients: the windows where people have business.
  if (id == "B31" || id == "B13" || id == "B16" || id == "B20" || id == "B21" || id == "B22") {
    return 4.0;
  }
  if (cat == "C3" || cat == "C6") return 1.5;
  return 0.5;
}

sv::Question Q(std::string id, sv::QuestionKind kind, std::string zh, std::string en,
               bool required) {
  sv::Question q;
  q.id = std::move(id);
  q.kind = kind;
  q.text_zh = std::move(zh);
  q.text_en = std::move(en);
  q.required = required;
  return q;
}

int64_t ChinaUnix(const cm::Date& d, int hour, int minute = 0) {
  return cm::DaysFromCivil(d) * 86400 + (hour - 8) * 3600 + minute * 60;
}

struct Window {
  cm::Date opens, closes;
};
Window FieldworkOf(const DemoSurvey& plan) {
  if (plan.past) return {{plan.year, 11, 2}, {plan.year, 12, 18}};
  return {{plan.year, 10, 26}, {plan.year, 12, 20}};
}

sv::Survey Definition(const DemoSurvey& plan) {
  sv::Survey s;
  s.id = DemoSurveyId(plan.year, plan.past);
  s.year = plan.year;
  const std::string y = std::to_string(plan.year);
  s.title_zh = "云岭市" + y + "年度政府绩效社会评价（满意度调查）";
  s.title_en = "Yunling City " + y + " public satisfaction survey";
  s.intro_zh =
      "本调查由市绩效办组织，请根据您的亲身感受作答；不了解的单位请选择“不了解”或跳过。"
      "答卷匿名，仅用于统计。";
  s.intro_en =
      "Run by the city's performance office. Answer from your own experience; choose \"don't "
      "know\" or skip a body you do not know. Anonymous, for statistics only.";
  for (const GroupPlan& g : kGroups) s.groups.push_back({g.id, g.name_zh, g.name_en, g.weight});

  sv::Question district = Q("district", sv::QuestionKind::kChoice, "您工作或居住在哪个区县？",
                            "Which district or county do you live or work in?", true);
  for (const char* d : kDistricts)
    district.options.push_back({d, UnitById(d).name_zh, UnitById(d).name_en});
  district.margin = "district";
  sv::Question sex = Q("sex", sv::QuestionKind::kChoice, "您的性别", "Sex", true);
  sex.options = {{"m", "男", "Male"}, {"f", "女", "Female"}};
  sex.margin = "sex";
  sv::Question age = Q("age", sv::QuestionKind::kChoice, "您的年龄", "Age group", true);
  for (int i = 0; i < 4; ++i) age.options.push_back({kAges[i], kAgeLabels[i], kAges[i]});
  age.margin = "age";
  sv::Question rate_district =
      Q("q_district", sv::QuestionKind::kScale, "您对所在区县政府的工作总体满意吗？",
        "How satisfied are you with the work of your district's government?", true);
  rate_district.unit_from = "district";
  rate_district.allow_dont_know = true;
  s.questions = {district, sex, age, rate_district};
  for (const UnitSpec* u : RatedBodies()) {
    sv::Question q = Q(std::string("q_") + u->id, sv::QuestionKind::kScale,
                       std::string("您对") + u->name_zh + "的工作满意吗？",
                       std::string("How satisfied are you with the ") + u->name_en + "?", false);
    q.unit_id = u->id;
    q.allow_dont_know = true;
    s.questions.push_back(std::move(q));
  }
  sv::Question op_district =
      Q("op_district", sv::QuestionKind::kText, "您对所在区县政府的工作有什么意见建议？",
        "Your opinions and suggestions on your district's government", false);
  op_district.unit_from = "district";
  op_district.max_length = 300;
  sv::Question pick = Q("op_unit", sv::QuestionKind::kChoice, "您想对哪个市直单位提意见建议？",
                        "Which city body would you like to comment on?", false);
  for (const UnitSpec* u : RatedBodies()) pick.options.push_back({u->id, u->name_zh, u->name_en});
  sv::Question op_body = Q("op_body", sv::QuestionKind::kText, "您对该单位的意见建议",
                           "Your opinions and suggestions on that body", false);
  op_body.unit_from = "op_unit";
  op_body.max_length = 300;
  s.questions.push_back(op_district);
  s.questions.push_back(pick);
  s.questions.push_back(op_body);
  // The scheme's mapping: 很满意 100, 满意 80, 基本满意 60, 不满意 40, 很不满意 0.
  s.scale_points = {{1, 0}, {2, 40}, {3, 60}, {4, 80}, {5, 100}};
  for (const GroupPlan& g : kGroups) {
    sv::Margins m;
    for (int i = 0; i < 4; ++i)
      m["district"][kDistricts[i]] = std::round(g.population * g.district[i]);
    m["sex"]["m"] = std::round(g.population * g.male);
    m["sex"]["f"] = std::round(g.population * (1 - g.male));
    for (int i = 0; i < 4; ++i) m["age"][kAges[i]] = std::round(g.population * g.age[i]);
    s.margins[g.id] = std::move(m);
    for (int i = 0; i < 4; ++i) s.quotas.push_back({g.id, "district", kDistricts[i], g.quota[i]});
  }
  s.min_sample = 30;
  s.public_link = true;
  s.public_group = "citizen";
  const Window w = FieldworkOf(plan);
  s.opens_at = ChinaUnix(w.opens, 0);
  s.closes_at = ChinaUnix(w.closes, 23, 59);
  return s;
}

// 意见建议 topics: keywords and the lead department answering them.
std::vector<store::OpinionTopic> Topics() {
  return {
      {"traffic", "交通出行", "Traffic and transport", {"交通", "公交", "拥堵", "停车"}, "B08"},
      {"education", "教育", "Education", {"学校", "学位", "入学", "教育"}, "B11"},
      {"health", "医疗卫生", "Health care", {"看病", "医院", "挂号", "门诊"}, "B12"},
      {"environment", "生态环境", "Environment", {"扬尘", "噪声", "污染", "环境"}, "B23"},
      {"city", "市容管理", "City management", {"占道", "垃圾", "路灯"}, "B26"},
      {"services",
       "政务服务",
       "Government services",
       {"办事", "政务服务", "审批", "网上办"},
       "B31"},
      {"jobs", "就业社保", "Jobs and social security", {"社保", "就业", "养老金"}, "B13"},
      {"safety", "社会治安", "Public safety", {"治安", "巡逻", "诈骗"}, "B21"},
  };
}

// What respondents write about their district (each names a topic, but the
// last two) and about a city body.
constexpr const char* kDistrictOpinions[] = {
    "早晚高峰主干道拥堵严重，希望优化红绿灯配时，增加公交班次。",
    "孩子上学路远，希望新建学校、增加学位，改善学校周边交通安全。",
    "社区医院看病排队时间长，希望增加专家门诊号源，推广分时段挂号。",
    "小区附近工地扬尘和夜间施工噪声扰民，希望加强环境执法。",
    "小区门口占道经营，垃圾清运不及时，部分路段路灯长期不亮。",
    "政务服务中心办事有时还要跑两次，希望更多事项网上办、一次办。",
    "社保转移接续手续复杂，希望简化流程，就业培训信息多公开。",
    "夜间小区周边巡逻少，电信诈骗宣传要进社区，治安还要加强。",
    "希望多听取群众意见，政策出台前多公开征求意见。",
    "总体比较满意，希望继续保持，把好事办实。",
};
constexpr const char* kBodyOpinions[] = {
    "窗口工作人员态度还可以更好，办事等候时间偏长。",
    "希望政策解读更通俗，线上办事指南及时更新。",
    "投诉后回复较慢，希望建立办理进度查询。",
    "整体服务有进步，希望基层网点延长服务时间。",
};
constexpr const char* kNothing = "无";

// The answer a unit or lead department gives.
std::string AnswerText(int year) {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "感谢您的意见。我单位已会同相关部门研究，列入%d年整改和办实事清单，"
                "将于%d年上半年前落实并向社会公开进展。",
                year + 1, year + 1);
  return buf;
}

// ---- respondents ----

struct Respondent {
  int group = 0;     // index into kGroups
  int district = 0;  // index into kDistricts
  bool link = false;
  int cell_code = 0;  // which code of its (group, district) cell it uses
  std::string address;
};

// A 5-point answer whose mean over respondents follows the unit's strength
// (the same 62 + 34·s the demo's given satisfaction used), with a respondent
// effect, a group effect and answer noise.
int ScaleAnswer(double strength, double respondent, double offset, Rng& r) {
  const double latent = 62 + 34 * strength + respondent + offset + r.Normal(0, 15);
  if (latent >= 90) return 5;
  if (latent >= 70) return 4;
  if (latent >= 50) return 3;
  if (latent >= 28) return 2;
  return 1;
}

as::Submission AnswersOf(const DemoSurvey& plan, const Respondent& who, int n, bool straight,
                         Rng& r) {
  as::Submission s;
  s.survey_id = DemoSurveyId(plan.year, plan.past);
  auto put_choice = [&](const std::string& q, const std::string& v) {
    sv::SubmittedValue x;
    x.kind = sv::SubmittedValue::Kind::kString;
    x.text = v;
    s.answers[q] = x;
  };
  auto put_text = put_choice;  // a text answer is a string too
  auto put_scale = [&](const std::string& q, int v) {
    sv::SubmittedValue x;
    x.kind = sv::SubmittedValue::Kind::kInteger;
    x.integer = v;
    s.answers[q] = x;
  };
  const GroupPlan& g = kGroups[who.group];
  put_choice("district", kDistricts[who.district]);
  // Sex and age drawn off the population: the link's citizens are younger.
  put_choice("sex", r.Uniform01() < g.male + (who.link ? 0.04 : -0.02) ? "m" : "f");
  double age[4] = {g.age[0], g.age[1], g.age[2], g.age[3]};
  if (who.link) {
    age[0] *= 1.8;
    age[3] *= 0.35;
  } else {
    age[3] *= 1.2;
  }
  const double total = age[0] + age[1] + age[2] + age[3];
  double u = r.Uniform01() * total;
  int a = 0;
  while (a < 3 && u >= age[a]) u -= age[a++];
  put_choice("age", kAges[a]);

  const double person = r.Normal(0, 7);
  const int same = r.Uniform01() < 0.5 ? 5 : 3;  // a straight-liner's one value
  auto value = [&](const std::string& unit) {
    return straight ? same : ScaleAnswer(plan.strength.at(unit), person, g.offset, r);
  };
  if (!straight && r.Uniform01() < 0.03) {
    put_choice("q_district", "dk");
  } else {
    put_scale("q_district", value(kDistricts[who.district]));
  }
  // The bodies the respondent rates, drawn by familiarity without
  // replacement; a couple more answered 不了解.
  std::vector<const UnitSpec*> bodies = RatedBodies();
  std::vector<double> w;
  for (const UnitSpec* b : bodies) w.push_back(Familiarity(g.id, *b));
  int k = g.known_min + r.Index(g.known_spread);
  if (straight) k = std::max(k, 9);
  const int dk = r.Index(3);
  for (int i = 0; i < k + dk; ++i) {
    double sum = 0;
    for (double x : w) sum += x;
    if (sum <= 0) break;
    double pick = r.Uniform01() * sum;
    size_t j = 0;
    while (j + 1 < w.size() && pick >= w[j]) pick -= w[j++];
    w[j] = 0;
    const std::string q = std::string("q_") + bodies[j]->id;
    if (i < k) {
      put_scale(q, value(bodies[j]->id));
    } else {
      put_choice(q, "dk");
    }
  }
  // 意见建议: some write about their district, fewer about a city body.
  const double p = r.Uniform01();
  if (p < 0.09) {
    const int n_topics = 8;
    const int pick = r.Uniform01() < 0.8 ? r.Index(n_topics) : n_topics + r.Index(2);
    put_text("op_district", kDistrictOpinions[pick]);
  } else if (p < 0.102) {
    put_text("op_district", kNothing);
  } else if (p < 0.145) {
    const int j = r.Index(static_cast<int>(bodies.size()));
    put_choice("op_unit", bodies[j]->id);
    put_text("op_body", kBodyOpinions[r.Index(4)]);
  }
  s.idempotency_key = "demo-" + std::to_string(plan.year) + "-" + std::to_string(n);
  return s;
}

int Answered(const as::Submission& s) { return static_cast<int>(s.answers.size()); }

}  // namespace

std::string DemoSurveyId(int year, bool past) {
  return "sat-" + std::to_string(year) + (past ? "" : "-demo");
}

int PlannedRespondents() {
  double n = kLinkCitizens;
  for (const GroupPlan& g : kGroups) {
    for (int q : g.quota) n += q * (std::string(g.id) == "citizen" ? kCodeCitizens : 1.0);
  }
  return static_cast<int>(std::lround(n * kSampleScale));
}

Status WriteDemoSurvey(store::Store& st, StoryClock& clock, const DemoSurvey& plan) {
  const app::Caller admin = Admin();
  const int y = plan.year;
  const std::string id = DemoSurveyId(y, plan.past);
  const Window window = FieldworkOf(plan);
  auto at = [&](const cm::Date& d, int hour, int minute = 0) { clock.SetChina(d, hour, minute); };

  // ---- design (October): the draft, then opened with its codes ----
  at({y, 10, 20}, 10);
  const sv::Survey def = Definition(plan);
  if (auto made = as::CreateSurvey(st, admin, def); !made.ok()) {
    return Fail(y, "create", made.status());
  }
  at(cm::AddDays(window.opens, -3), 15);
  if (auto opened = as::SetStatus(st, admin, id, sv::SurveyStatus::kOpen); !opened.ok()) {
    return Fail(y, "open", opened.status());
  }
  const double share = plan.past ? 1.0 : kInProgressShare;
  // Respondents of each (group, district) cell that answer by code: the
  // quota times a cell-specific response factor (some quotas are missed,
  // some exceeded); codes issued half as many again.
  std::vector<Respondent> people;
  std::map<std::pair<int, int>, std::vector<std::string>> codes;
  for (int gi = 0; gi < 4; ++gi) {
    const GroupPlan& g = kGroups[gi];
    for (int di = 0; di < 4; ++di) {
      Rng r(plan.seed, "survey/" + std::to_string(y) + "/cell/" + g.id + "/" + kDistricts[di]);
      const double base = g.quota[di] * (gi == 0 ? kCodeCitizens : 1.0) * kSampleScale;
      const int answering = static_cast<int>(std::lround(base * r.Uniform(0.86, 1.12) * share));
      const int issue = static_cast<int>(std::lround(g.quota[di] * 1.5));
      at(cm::AddDays(window.opens, -1), 9, gi * 4 + di);
      as::CodeRequest req;
      req.survey_id = id;
      req.count = issue;
      req.group_id = g.id;
      req.cells = {{"district", kDistricts[di]}};
      auto issued = as::IssueCodes(st, admin, req);
      if (!issued.ok()) return Fail(y, "codes", issued.status());
      codes[{gi, di}] = std::move(*issued);
      for (int k = 0; k < answering && k < issue; ++k) {
        people.push_back({gi, di, false, k, ""});
      }
    }
  }
  {
    // The public link: citizens, most from the urban district.
    Rng r(plan.seed, "survey/" + std::to_string(y) + "/link");
    const int n = static_cast<int>(std::lround(kLinkCitizens * share * kSampleScale));
    constexpr double kLinkDistrict[] = {0.62, 0.12, 0.15, 0.11};
    for (int i = 0; i < n; ++i) {
      double u = r.Uniform01();
      int d = 0;
      while (d < 3 && u >= kLinkDistrict[d]) u -= kLinkDistrict[d++];
      people.push_back({0, d, true, 0, ""});
    }
  }
  // Arrival order: shuffled deterministically (Fisher–Yates on the demo's
  // stream), so groups and districts come in mixed as in real fieldwork.
  {
    Rng r(plan.seed, "survey/" + std::to_string(y) + "/order");
    for (int i = static_cast<int>(people.size()) - 1; i > 0; --i) {
      std::swap(people[i], people[r.Index(i + 1)]);
    }
  }
  for (size_t i = 0; i < people.size(); ++i) {
    char addr[40];
    std::snprintf(addr, sizeof addr, "10.%d.%zu.%zu", y % 200, i / 250, i % 250 + 1);
    people[i].address = addr;
  }

  // ---- fieldwork (Nov–Dec, or up to today): through the collector and
  // the response journal, one response at a time. Concurrent submitters
  // would share batches (fewer fsyncs) but land in the journal's queue in
  // a racy order, and the results' bootstrap depends on the response
  // order: one at a time keeps ids, results and scores the same for a
  // seed, at one commit per response. ----
  {
    auto journal = store::OpenSqliteSurveyJournal(plan.db_path, clock);
    if (!journal.ok()) return Fail(y, "journal", journal.status());
    as::CollectorOptions co;
    co.rate_limit_per_minute = 0;
    co.token_secret = "demo-device-tokens-" + std::to_string(plan.seed);  // same seed, same tokens
    co.cache_seconds = 3600;  // the journal checks the status itself
    as::Collector collector(st, journal->get(), clock, co);
    const int64_t from = ChinaUnix(window.opens, 8);
    const int64_t to =
        plan.past ? ChinaUnix(window.closes, 20) : ChinaUnix(cm::AddDays(plan.today, -1), 20);
    const int64_t step = (to - from) / static_cast<int64_t>(people.size() + 1);
    for (size_t i = 0; i < people.size(); ++i) {
      const Respondent& who = people[i];
      Rng r(plan.seed, "survey/" + std::to_string(y) + "/respondent/" + std::to_string(i));
      const bool straight = r.Uniform01() < 0.015;
      const bool speeder = !straight && r.Uniform01() < 0.02;
      // Every 300th respondent with a code sends its answers twice (below).
      const bool twice = !straight && !speeder && !who.link && i % 300 == 150;
      as::Submission s = AnswersOf(plan, who, static_cast<int>(i), straight, r);
      s.address = who.address;
      const int64_t submitted = from + step * static_cast<int64_t>(i + 1) + r.Index(600);
      const int64_t ms = speeder ? Answered(s) * (400 + r.Index(800))
                                 : 25000 + Answered(s) * (5000 + r.Index(9000));
      s.paradata.started_at_ms = submitted * 1000 - ms;
      s.paradata.submitted_at_ms = submitted * 1000;
      if (who.link) {
        clock.Set(submitted - ms / 1000 - 5);
        auto token = collector.MintToken(id, who.address);
        if (!token.ok()) return Fail(y, "token", token.status());
        s.token = token->token;
      } else {
        s.code = codes.at({who.group, who.district})[who.cell_code];
      }
      clock.Set(submitted);
      auto reply = collector.Submit(s);
      if (!reply.ok()) return Fail(y, "submit " + s.idempotency_key, reply.status());
      if (twice) {
        // The same answers again from the same address with another code of
        // the household: the near-duplicate rule flags it.
        auto& cell = codes.at({who.group, who.district});
        as::Submission again = s;
        again.code = cell.back();
        cell.pop_back();
        again.idempotency_key += "-again";
        again.paradata.started_at_ms += 240000;
        again.paradata.submitted_at_ms += 240000;
        clock.Set(submitted + 240);
        auto second = collector.Submit(again);
        if (!second.ok()) return Fail(y, "submit " + again.idempotency_key, second.status());
      }
    }
    (*journal)->Shutdown();
  }

  // ---- review of the flagged responses ----
  std::vector<sv::Response> flagged;
  for (int64_t after = 0;;) {
    auto page =
        as::ListResponses(st, admin, id, sv::ResponseStatus::kFlagged, after, as::kMaxResponsePage);
    if (!page.ok()) return Fail(y, "review queue", page.status());
    if (page->empty()) break;
    after = page->back().id;
    flagged.insert(flagged.end(), page->begin(), page->end());
  }
  const cm::Date review_day = plan.past ? cm::Date{y, 12, 21} : plan.today;
  int n = 0;
  for (const sv::Response& f : flagged) {
    Rng r(plan.seed, "survey/" + std::to_string(y) + "/review/" + f.idempotency_key);
    // The year in progress: the office has reviewed about half so far.
    if (!plan.past && r.Uniform01() < 0.5) continue;
    at(cm::AddDays(review_day, n / 25), 9 + (n % 25) / 3, (n % 3) * 20);
    ++n;
    sv::ResponseStatus decision = sv::ResponseStatus::kRejected;
    std::string note;
    if (f.reason.find("near_duplicate") != std::string::npos) {
      note = "同一地址重复提交相同答卷，保留首份 / same answers from one address twice: first kept";
    } else if (f.reason.find("straight_line") != std::string::npos) {
      note = "所有单位同一评分，判定为无效答卷 / one value for every body: not a real answer";
    } else if (r.Uniform01() < 0.35) {
      decision = sv::ResponseStatus::kAccepted;
      note = "回访核实为本人作答，答卷有效 / called back: the respondent's own answers";
    } else {
      note = "作答过快，回访未能核实 / answered too fast, not confirmed on call-back";
    }
    if (Status s = as::ReviewResponse(st, admin, id, f.id, decision, note); !s.ok()) {
      return Fail(y, "review", s);
    }
  }
  if (!plan.past) {
    at(plan.today, 17, 30);
    return Status::Ok();
  }

  // ---- closed; opinions routed, answered and closed ----
  at({y, 12, 25}, 10);
  if (auto closed = as::SetStatus(st, admin, id, sv::SurveyStatus::kClosed); !closed.ok()) {
    return Fail(y, "close", closed.status());
  }
  if (Status s = as::PutTopics(st, admin, y, Topics()); !s.ok()) return Fail(y, "topics", s);
  at({y, 12, 26}, 9);
  auto routed = as::RouteOpinions(st, admin, id);
  if (!routed.ok()) return Fail(y, "route opinions", routed.status());
  std::vector<store::Opinion> opinions;
  for (int64_t after = 0;;) {
    as::OpinionQuery q;
    q.survey_id = id;
    q.after_id = after;
    q.limit = 1000;
    auto page = as::ListOpinions(st, admin, y, q);
    if (!page.ok()) return Fail(y, "opinions", page.status());
    if (page->empty()) break;
    after = page->back().id;
    opinions.insert(opinions.end(), page->begin(), page->end());
  }
  // Answered within three weeks; the office closes what was answered in
  // January. The earlier year is almost all closed, the later one less so.
  const double closes = plan.index == 0 ? 0.95 : 0.78;
  std::vector<int64_t> answered;
  int k = 0;
  for (const store::Opinion& o : opinions) {
    Rng r(plan.seed, "survey/" + std::to_string(y) + "/opinion/" + std::to_string(o.id));
    at(cm::AddDays({y, 12, 27}, k % 10), 9 + k % 8, (k * 7) % 60);
    ++k;
    if (o.text == kNothing) {
      auto d =
          as::DismissOpinion(st, clock, admin, o.id, "未提出具体意见建议 / no concrete opinion");
      if (!d.ok()) return Fail(y, "dismiss", d.status());
      continue;
    }
    const std::string who = !o.unit_id.empty() ? o.unit_id : o.lead_unit_id;
    const double s = plan.strength.count(who) ? plan.strength.at(who) : 0.5;
    if (who.empty() || r.Uniform01() > 0.72 + 0.26 * s) continue;  // still open
    // A district answers its own; a body its own; unrouted ones by the topic's lead.
    const app::Caller by = !o.unit_id.empty() ? UnitOf(o.unit_id) : LeadOf(o.lead_unit_id);
    auto a = as::AnswerOpinion(st, clock, by, o.id, AnswerText(y));
    if (!a.ok()) return Fail(y, "answer", a.status());
    if (r.Uniform01() < closes) answered.push_back(o.id);
  }
  for (size_t i = 0; i < answered.size(); ++i) {
    at({y + 1, 1, 6 + static_cast<int>(i % 10)}, 10 + static_cast<int>(i % 7));
    as::CloseRequest req;
    req.note = "已办结 / done";
    auto c = as::CloseOpinion(st, clock, admin, answered[i], req);
    if (!c.ok()) return Fail(y, "close opinion", c.status());
  }
  return Status::Ok();
}

Status WriteDemoSurveyResults(store::Store& st, StoryClock& clock, const DemoSurvey& plan) {
  clock.SetChina({plan.year + 1, 1, 20}, 17, 30);
  auto applied = as::Apply(st, Admin(), DemoSurveyId(plan.year, plan.past));
  if (!applied.ok()) return Fail(plan.year, "apply results", applied.status());
  return Status::Ok();
}

}  // namespace govperf::demo
