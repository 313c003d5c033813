#include "app/year_end/leader_rating.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/limits.h"
#include "app/year_end/context.h"

namespace govperf::app::year_end {
namespace {

constexpr double kWeightTolerance = 1e-6;

Status Bad(const std::string& field, const std::string& en, const std::string& zh) {
  return Status::Invalid(field + ": " + en).Field(field).Zh(field + "：" + zh);
}

bool IsAdmin(const Caller& c) {
  return c.role == core::Role::kAdmin || c.role == core::Role::kSystem;
}

Result<store::RatingSetup> LoadSetup(store::Store& store, int year) {
  auto s = store.LoadRatingSetup(year);
  if (!s.ok()) return s.status();
  if (!s->has_value()) {
    return Status::NotFound("rating: no leadership rating form for " + std::to_string(year))
        .Field("rating")
        .Zh("rating：" + std::to_string(year) + " 年度尚未设置领导评价表");
  }
  return **s;
}

}  // namespace

Result<store::RatingSetup> PutRatingSetup(YearCache& years, store::Store& store,
                                          const Caller& caller, int year,
                                          const store::RatingSetup& in) {
  auto info = years.Year(year);
  if (!info.ok()) return info.status();
  if (info->stage != core::Stage::kMonitoring && info->stage != core::Stage::kYearEnd) {
    return Status(Code::kFailedPrecondition,
                  "year " + std::to_string(year) + " is in stage " + core::StageName(info->stage) +
                      ": the rating form is set in monitoring or year_end")
        .Zh(std::to_string(year) + " 年度处于「" + core::StageNameZh(info->stage) +
            "」阶段，领导评价表仅在「日常监测」或「年终考核」阶段设置");
  }
  // Dimensions.
  if (in.dimensions.empty() || in.dimensions.size() > 20) {
    return Bad("dimensions", "1..20 dimensions", "评价维度应为 1 至 20 个");
  }
  std::set<std::string> ids;
  double wsum = 0;
  for (size_t i = 0; i < in.dimensions.size(); ++i) {
    const auto& d = in.dimensions[i];
    const std::string f = "dimensions[" + std::to_string(i) + "]";
    GOVPERF_RETURN_IF_ERROR(CheckId(f + ".id", d.id));
    GOVPERF_RETURN_IF_ERROR(CheckText(f + ".name_zh", d.name_zh, kMaxNameChars, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(f + ".name_en", d.name_en, kMaxNameChars, false));
    if (!ids.insert(d.id).second) return Bad(f + ".id", "duplicate", "维度编码重复");
    if (!(std::isfinite(d.weight) && d.weight > 0)) {
      return Bad(f + ".weight", "must be positive", "权重应大于 0");
    }
    wsum += d.weight;
  }
  if (std::fabs(wsum - 1.0) > kWeightTolerance) {
    return Bad("dimensions", "weights must sum to 1", "各维度权重之和应为 1");
  }
  if (!(std::isfinite(in.scale_min) && std::isfinite(in.scale_max) &&
        in.scale_min < in.scale_max)) {
    return Bad("scale", "scale_min must be below scale_max", "评分下限应小于上限");
  }
  // Levels.
  if (in.levels.empty() || in.levels.size() > 10) {
    return Bad("levels", "1..10 levels", "领导层级应为 1 至 10 个");
  }
  std::set<std::string> level_ids;
  for (size_t i = 0; i < in.levels.size(); ++i) {
    const auto& l = in.levels[i];
    const std::string f = "levels[" + std::to_string(i) + "]";
    GOVPERF_RETURN_IF_ERROR(CheckId(f + ".id", l.id));
    GOVPERF_RETURN_IF_ERROR(CheckText(f + ".name_zh", l.name_zh, kMaxNameChars, true));
    GOVPERF_RETURN_IF_ERROR(CheckText(f + ".name_en", l.name_en, kMaxNameChars, false));
    if (!level_ids.insert(l.id).second) return Bad(f + ".id", "duplicate", "层级编码重复");
    if (!(std::isfinite(l.weight) && l.weight > 0)) {
      return Bad(f + ".weight", "must be positive", "权重应大于 0");
    }
  }
  // Leaders.
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  std::set<std::string> units;
  for (const auto& u : (*scheme)->units) units.insert(u.id);
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  std::map<std::string, core::Role> roles;
  for (const auto& u : *users) roles[u.username] = u.role;
  std::set<std::string> leaders;
  for (size_t i = 0; i < in.leaders.size(); ++i) {
    const auto& a = in.leaders[i];
    const std::string f = "leaders[" + std::to_string(i) + "]";
    auto r = roles.find(a.username);
    if (r == roles.end() || r->second != core::Role::kLeader) {
      return Bad(f + ".username", "'" + a.username + "' is not a leader user",
                 "'" + a.username + "' 不是领导用户");
    }
    if (!leaders.insert(a.username).second) return Bad(f + ".username", "listed twice", "重复");
    if (!level_ids.count(a.level)) {
      return Bad(f + ".level", "unknown level '" + a.level + "'", "未知层级 '" + a.level + "'");
    }
    for (const auto& u : a.unit_ids) {
      if (!units.count(u)) {
        return Bad(f + ".unit_ids", "no unit '" + u + "' in " + std::to_string(year),
                   "本年度没有单位 '" + u + "'");
      }
    }
  }
  auto old = store.LoadRatingSetup(year);
  if (!old.ok()) return old.status();
  auto ratings = store.ListLeaderRatings(year);
  if (!ratings.ok()) return ratings.status();
  if (old->has_value() && !ratings->empty()) {
    const auto& o = **old;
    bool same = o.dimensions.size() == in.dimensions.size() && o.scale_min == in.scale_min &&
                o.scale_max == in.scale_max;
    for (size_t i = 0; same && i < o.dimensions.size(); ++i) {
      same = o.dimensions[i].id == in.dimensions[i].id &&
             o.dimensions[i].weight == in.dimensions[i].weight;
    }
    if (!same) {
      return Status(Code::kFailedPrecondition,
                    "dimensions: leaders have rated already; the dimensions and scale are frozen")
          .Field("dimensions")
          .Zh("dimensions：已有领导评分，评价维度和分值范围不能再修改");
    }
  }
  store::RatingSetup s = in;
  s.year = year;
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutRatingSetup(s); }));
  return LoadSetup(store, year);
}

Result<store::RatingSetup> GetRatingSetup(store::Store& store, const Caller& caller, int year) {
  auto s = LoadSetup(store, year);
  if (!s.ok()) return s.status();
  if (IsAdmin(caller)) return s;
  std::erase_if(s->leaders, [&](const auto& a) { return a.username != caller.username; });
  return s;
}

Result<store::LeaderRating> Rate(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, const std::string& unit_id,
                                 const std::map<std::string, double>& scores) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto s = LoadSetup(store, year);
  if (!s.ok()) return s.status();
  if (s->closed()) {
    return Status(Code::kFailedPrecondition, "rating: closed by the office")
        .Field("rating")
        .Zh("rating：领导评价已关闭");
  }
  const store::LeaderAssignment* mine = nullptr;
  for (const auto& a : s->leaders) {
    if (a.username == caller.username) mine = &a;
  }
  if (!mine ||
      std::find(mine->unit_ids.begin(), mine->unit_ids.end(), unit_id) == mine->unit_ids.end()) {
    return Status::Denied("unit_id: " + unit_id + " is not assigned to you for rating")
        .Field("unit_id")
        .Zh("unit_id：单位 " + unit_id + " 不在您的评价范围内");
  }
  for (const auto& [dim, v] : scores) {
    bool known = false;
    for (const auto& d : s->dimensions) known = known || d.id == dim;
    if (!known) {
      return Bad("scores." + dim, "not a dimension of the form", "评价表中没有该维度");
    }
  }
  for (const auto& d : s->dimensions) {
    const std::string f = "scores." + d.id;
    auto it = scores.find(d.id);
    if (it == scores.end()) {
      return Bad(f, "missing: every dimension is rated", "缺少「" + d.name_zh + "」的评分");
    }
    if (!std::isfinite(it->second) || it->second < s->scale_min || it->second > s->scale_max) {
      char range[64];
      std::snprintf(range, sizeof range, "%g..%g", s->scale_min, s->scale_max);
      return Bad(f, "outside the scale " + std::string(range),
                 "「" + d.name_zh + "」的评分超出范围 " + range);
    }
  }
  store::LeaderRating r{year, caller.username, unit_id, scores, ""};
  GOVPERF_RETURN_IF_ERROR(
      store.Write(caller.actor(), [&](store::WriteTx& tx) { return tx.PutLeaderRating(r); }));
  auto all = store.ListLeaderRatings(year);
  if (!all.ok()) return all.status();
  for (auto& x : *all) {
    if (x.username == caller.username && x.unit_id == unit_id) return x;
  }
  return Status::Internal("rating not stored");
}

Result<std::vector<store::LeaderRating>> ListRatings(store::Store& store, const Caller& caller,
                                                     int year, const std::string& leader) {
  if (!IsAdmin(caller)) {
    if (caller.role != core::Role::kLeader) {
      return Status::Denied("ratings are read by the office and by each leader for themself")
          .Zh("无权查看领导评分");
    }
    if (!leader.empty() && leader != caller.username) {
      return Status::Denied("leader: a leader sees only their own ratings")
          .Field("leader")
          .Zh("leader：领导只能查看本人的评分");
    }
  }
  auto all = store.ListLeaderRatings(year);
  if (!all.ok()) return all.status();
  const std::string who = IsAdmin(caller) ? leader : caller.username;
  if (!who.empty()) std::erase_if(*all, [&](const auto& r) { return r.username != who; });
  return std::move(*all);
}

std::map<std::string, double> AggregateRatings(const store::RatingSetup& setup,
                                               const std::vector<store::LeaderRating>& ratings) {
  std::map<std::string, std::string> level_of;
  for (const auto& a : setup.leaders) level_of[a.username] = a.level;
  std::map<std::string, double> level_weight;
  for (const auto& l : setup.levels) level_weight[l.id] = l.weight;
  const double span = setup.scale_max - setup.scale_min;
  // unit → level → (sum of leader scores, count)
  std::map<std::string, std::map<std::string, std::pair<double, int>>> acc;
  for (const auto& r : ratings) {
    auto lv = level_of.find(r.username);
    if (lv == level_of.end()) continue;  // no longer assigned: not counted
    double score = 0;
    bool complete = true;
    for (const auto& d : setup.dimensions) {
      auto it = r.scores.find(d.id);
      if (it == r.scores.end()) {
        complete = false;
        break;
      }
      score += d.weight * (it->second - setup.scale_min) / span * 100.0;
    }
    if (!complete) continue;
    auto& cell = acc[r.unit_id][lv->second];
    cell.first += score;
    cell.second += 1;
  }
  std::map<std::string, double> out;
  for (const auto& [unit, levels] : acc) {
    double total = 0, wsum = 0;
    for (const auto& [level, sc] : levels) {
      const double w = level_weight[level];
      total += w * sc.first / sc.second;
      wsum += w;
    }
    if (wsum > 0) out[unit] = total / wsum;
  }
  return out;
}

Result<std::map<std::string, double>> CloseRating(YearCache& years, store::Store& store,
                                                  const Caller& caller, int year) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto s = LoadSetup(store, year);
  if (!s.ok()) return s.status();
  if (s->closed()) {
    return Status(Code::kFailedPrecondition, "rating: already closed")
        .Field("rating")
        .Zh("rating：领导评价已关闭");
  }
  auto ratings = store.ListLeaderRatings(year);
  if (!ratings.ok()) return ratings.status();
  const auto agg = AggregateRatings(*s, *ratings);
  // Keep each unit's satisfaction scores: only leadership changes.
  std::vector<store::ComponentScores> rows;
  for (const auto& [unit, score] : agg) {
    auto cs = store.LoadComponentScores(year, unit);
    if (!cs.ok()) return cs.status();
    store::ComponentScores row = *cs;
    row.unit_id = unit;
    row.leadership = score;
    rows.push_back(row);
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    for (const auto& row : rows) GOVPERF_RETURN_IF_ERROR(tx.PutComponentScores(year, row));
    return tx.CloseRating(year);
  }));
  return agg;
}

}  // namespace govperf::app::year_end
