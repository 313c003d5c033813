#include "app/survey/results.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace govperf::app::survey {
namespace {

namespace sv = core::survey;

// FNV-1a of the survey id: a fixed seed per survey, so every computation of
// the same data gives the same intervals.
uint64_t SeedOf(const std::string& id) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::string JoinWarnings(const std::vector<std::string>& ws) {
  std::string out;
  for (const std::string& w : ws) out += (out.empty() ? "" : ",") + w;
  return out;
}

store::SurveyResultRow RowOf(const std::string& unit, const std::string& group,
                             const methods::AggregateEstimate& e) {
  store::SurveyResultRow r;
  r.unit_id = unit;
  r.group_id = group;
  r.n = e.n;
  r.n_dont_know = e.n_dont_know;
  // Points are 0..100, so are their means; clamp rounding dust at the ends.
  auto clamp = [](const std::optional<double>& v) -> std::optional<double> {
    if (!v) return v;
    return std::clamp(*v, 0.0, 100.0);
  };
  r.score = clamp(e.score);
  r.se = clamp(e.se);
  r.ci_low = clamp(e.ci_low);
  r.ci_high = clamp(e.ci_high);
  r.warning = JoinWarnings(e.warnings);
  return r;
}

Result<sv::Survey> FindOrFail(store::Store& store, const std::string& survey_id) {
  auto found = store.FindSurvey(survey_id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return Status::NotFound("survey_id: unknown survey '" + survey_id + "'")
        .Field("survey_id")
        .Zh("survey_id：没有这项调查");
  }
  return std::move(**found);
}

}  // namespace

Result<SurveyResults> Compute(store::Store& store, const Caller& caller,
                              const std::string& survey_id, const ResultsOptions& options) {
  using R = core::Role;
  if (caller.role != R::kAdmin && caller.role != R::kLeader && caller.role != R::kSystem) {
    return Status(Code::kPermissionDenied, "only the office and leaders read survey results")
        .Zh("仅绩效办和领导可查看调查结果");
  }
  if (options.replicates < 20 || options.replicates > 10000) {
    return Status::Invalid("replicates: 20 to 10000")
        .Field("replicates")
        .Zh("replicates：重抽样次数应为 20 至 10000");
  }
  auto survey_or = FindOrFail(store, survey_id);
  if (!survey_or.ok()) return survey_or.status();
  const sv::Survey& s = *survey_or;
  auto scheme = store.LoadScheme(s.year);
  if (!scheme.ok()) return scheme.status();

  methods::AggregateInput in;
  std::unordered_map<std::string, int32_t> unit_index, group_index;
  for (const core::Unit& u : scheme->units) {
    unit_index.emplace(u.id, static_cast<int32_t>(in.units.size()));
    in.units.push_back(u.id);
  }
  std::set<std::string> variables;
  for (const sv::Group& g : s.groups) {
    group_index.emplace(g.id, static_cast<int32_t>(in.groups.size()));
    methods::AggregateGroup ag{g.id, g.weight, {}};
    auto m = s.margins.find(g.id);
    if (m != s.margins.end()) ag.margins = m->second;
    for (const auto& [var, levels] : ag.margins) variables.insert(var);
    in.groups.push_back(std::move(ag));
  }
  in.variables.assign(variables.begin(), variables.end());
  // Choice questions that set a raking variable, by variable.
  std::map<std::string, std::string> margin_question;
  std::vector<const sv::Question*> scales;
  for (const sv::Question& q : s.questions) {
    if (q.kind == sv::QuestionKind::kChoice && !q.margin.empty() && q.margin != "group")
      margin_question.emplace(q.margin, q.id);
    if (q.kind == sv::QuestionKind::kScale) scales.push_back(&q);
  }

  SurveyResults out;
  out.survey_id = s.id;
  out.year = s.year;
  out.replicates = options.replicates;
  // Per respondent: unit → (sum of points, answers, don't know).
  struct Acc {
    double sum = 0;
    int count = 0, dk = 0;
  };
  std::map<int32_t, Acc> per_unit;
  Status scan = store.ForEachResponse(s.id, [&](const sv::Response& r) {
    if (r.status != sv::ResponseStatus::kAccepted) return Status::Ok();
    auto g = group_index.find(r.group_id);
    if (g == group_index.end()) {
      ++out.unknown_group;
      return Status::Ok();
    }
    methods::AggregateRespondent ar;
    ar.group = g->second;
    ar.cells.reserve(in.variables.size());
    for (const std::string& var : in.variables) {
      auto c = r.cells.find(var);
      std::string level = c != r.cells.end() ? c->second : "";
      if (level.empty()) {
        auto q = margin_question.find(var);
        if (q != margin_question.end()) {
          auto a = r.answers.find(q->second);
          if (a != r.answers.end()) level = a->second.text;
        }
      }
      ar.cells.push_back(std::move(level));
    }
    per_unit.clear();
    for (const sv::Question* q : scales) {
      auto a = r.answers.find(q->id);
      if (a == r.answers.end()) continue;
      std::string unit = q->unit_id;
      if (unit.empty() && !q->unit_from.empty()) {
        auto from = r.answers.find(q->unit_from);
        if (from != r.answers.end()) unit = from->second.text;
      }
      if (unit.empty()) continue;  // a scale question about no unit: not a satisfaction score
      auto u = unit_index.find(unit);
      if (u == unit_index.end()) {
        ++out.unknown_unit;
        continue;
      }
      Acc& acc = per_unit[u->second];
      if (a->second.dont_know) {
        ++acc.dk;
      } else if (a->second.scale) {
        auto p = s.scale_points.find(*a->second.scale);
        if (p == s.scale_points.end()) continue;  // validated on the way in; never counted
        acc.sum += p->second;
        ++acc.count;
      }
    }
    for (const auto& [u, acc] : per_unit) {
      methods::UnitAnswer ua;
      ua.unit = u;
      ua.dont_know = acc.dk;
      if (acc.count > 0) ua.points = acc.sum / acc.count;
      ar.answers.push_back(ua);
    }
    in.respondents.push_back(std::move(ar));
    ++out.respondents;
    return Status::Ok();
  });
  GOVPERF_RETURN_IF_ERROR(scan);

  methods::AggregateOptions mo;
  mo.replicates = options.replicates;
  mo.threads = options.threads;
  mo.min_sample = s.min_sample;
  mo.seed = SeedOf(s.id);
  auto agg = methods::AggregateSurvey(in, mo);
  if (!agg.ok()) return agg.status();
  out.confidence = mo.confidence;
  size_t ci = 0;
  for (size_t u = 0; u < in.units.size(); ++u) {
    out.rows.push_back(RowOf(in.units[u], "", agg->units[u]));
    for (; ci < agg->cells.size() && agg->cells[ci].unit == static_cast<int32_t>(u); ++ci) {
      const methods::AggregateCell& c = agg->cells[ci];
      out.rows.push_back(
          RowOf(in.units[u], in.groups[static_cast<size_t>(c.group)].id, c.estimate));
    }
  }
  for (size_t g = 0; g < in.groups.size(); ++g)
    out.groups.push_back({in.groups[g].id, agg->groups[g]});
  return out;
}

Result<ApplyOutcome> Apply(store::Store& store, const Caller& caller, const std::string& survey_id,
                           bool replace) {
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status(Code::kPermissionDenied, "only the performance office applies survey results")
        .Zh("仅绩效办可应用调查结果");
  }
  auto survey_or = FindOrFail(store, survey_id);
  if (!survey_or.ok()) return survey_or.status();
  if (survey_or->status != sv::SurveyStatus::kClosed) {
    return Status(Code::kFailedPrecondition,
                  "survey_id: survey '" + survey_id + "' is " +
                      sv::SurveyStatusName(survey_or->status) +
                      "; close its fieldwork before applying its results")
        .Field("survey_id")
        .Zh("survey_id：调查尚未结束，结束后方可应用结果");
  }
  auto computed = Compute(store, caller, survey_id);
  if (!computed.ok()) return computed.status();
  ApplyOutcome out;
  out.results = std::move(*computed);
  const int year = out.results.year;
  // Each rated unit's scores with its leadership score kept (read before the
  // write: the office is the only writer of scores at this stage).
  constexpr double kMaxSe = 50;  // the store's bound on satisfaction_se
  std::vector<store::ComponentScores> scores;
  for (const store::SurveyResultRow& r : out.results.rows) {
    if (!r.group_id.empty() || !r.score) continue;
    auto current = store.LoadComponentScores(year, r.unit_id);
    if (!current.ok()) return current.status();
    store::ComponentScores c = *current;
    c.unit_id = r.unit_id;
    c.satisfaction = *r.score;
    c.satisfaction_se = std::min(r.se.value_or(0.0), kMaxSe);
    scores.push_back(c);
  }
  std::vector<std::string> units;
  for (const store::ComponentScores& c : scores) units.push_back(c.unit_id);
  // What a replacement takes over, for the answer (the store checks again
  // inside the write, which is what refuses or audits).
  auto sources = store.ListSatisfactionSources(year);
  if (!sources.ok()) return sources.status();
  for (const store::SatisfactionSource& src : *sources) {
    if ((src.manual() || src.survey_id != survey_id) &&
        std::find(units.begin(), units.end(), src.unit_id) != units.end()) {
      out.replaced.push_back(src);
    }
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    // The sources first: a refused clash stops before anything is written.
    if (!units.empty()) {
      GOVPERF_RETURN_IF_ERROR(tx.SetSatisfactionSources(survey_id, units, replace));
    }
    GOVPERF_RETURN_IF_ERROR(tx.PutSurveyResults(survey_id, out.results.rows));
    for (const store::ComponentScores& c : scores) {
      GOVPERF_RETURN_IF_ERROR(tx.PutComponentScores(year, c));
    }
    return Status::Ok();
  }));
  out.units_written = static_cast<int64_t>(scores.size());
  return out;
}

Result<std::vector<AppliedSurvey>> YearSatisfaction(store::Store& store, int year) {
  auto surveys = store.ListSurveys(year);
  if (!surveys.ok()) return surveys.status();
  auto sources = store.ListSatisfactionSources(year);
  if (!sources.ok()) return sources.status();
  std::vector<AppliedSurvey> out;
  for (const sv::Survey& s : *surveys) {
    auto rows = store.ListSurveyResults(s.id);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) continue;
    AppliedSurvey a{s.id, s.title_zh, s.title_en, std::move(*rows), {}};
    for (const store::SatisfactionSource& src : *sources) {
      if (!src.manual() && src.survey_id == s.id) a.supplies.insert(src.unit_id);
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<store::SatisfactionSource>> HandEnteredSatisfaction(store::Store& store,
                                                                       int year) {
  auto sources = store.ListSatisfactionSources(year);
  if (!sources.ok()) return sources.status();
  std::vector<store::SatisfactionSource> out;
  for (store::SatisfactionSource& src : *sources) {
    if (src.manual()) out.push_back(std::move(src));
  }
  return out;
}

}  // namespace govperf::app::survey
