#include "app/year_end/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/limits.h"
#include "app/monitoring/inbox.h"
#include "app/year_end/context.h"
#include "app/year_end/notices.h"

namespace govperf::app::year_end {
namespace {

Result<store::Claim> FindClaim(store::Store& store, int year, int64_t id) {
  auto all = store.ListClaims(year);
  if (!all.ok()) return all.status();
  for (auto& c : *all) {
    if (c.id == id) return c;
  }
  return Status::NotFound("claim: no claim " + std::to_string(id) + " in " + std::to_string(year))
      .Field("claim")
      .Zh("claim：" + std::to_string(year) + " 年度没有申报 " + std::to_string(id));
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const core::Category* CategoryOf(const core::Scheme& s, const std::string& unit_id) {
  for (const auto& u : s.units) {
    if (u.id != unit_id) continue;
    for (const auto& c : s.categories) {
      if (c.id == u.category_id) return &c;
    }
  }
  return nullptr;
}

ClaimTotals TotalsOf(const core::Scheme& s, const std::vector<store::Claim>& claims,
                     const std::string& unit_id) {
  ClaimTotals t;
  t.unit_id = unit_id;
  if (const core::Category* c = CategoryOf(s, unit_id)) {
    t.bonus_cap = c->bonus_cap;
    t.deduction_cap = c->deduction_cap;
  }
  for (const auto& c : claims) {
    if (c.unit_id != unit_id) continue;
    const bool approved = c.state == "approved", pending = c.state == "pending";
    if (c.kind == "bonus") {
      if (approved) t.bonus_approved += c.points;
      if (pending) t.bonus_pending += c.points;
    } else if (c.kind == "deduction") {
      if (approved) t.deduction_approved += c.points;
      if (pending) t.deduction_pending += c.points;
    }
  }
  if (t.bonus_approved > t.bonus_cap + 1e-9) {
    t.warnings.push_back("approved bonus " + Num(t.bonus_approved) + " exceeds the cap " +
                         Num(t.bonus_cap) + "; the engine counts at most the cap");
    t.warnings_zh.push_back("已批准加分 " + Num(t.bonus_approved) + " 超过上限 " +
                            Num(t.bonus_cap) + "，计分时按上限计");
  }
  if (t.deduction_approved > t.deduction_cap + 1e-9) {
    t.warnings.push_back("approved deduction " + Num(t.deduction_approved) + " exceeds the cap " +
                         Num(t.deduction_cap) + "; the engine counts at most the cap");
    t.warnings_zh.push_back("已批准减分 " + Num(t.deduction_approved) + " 超过上限 " +
                            Num(t.deduction_cap) + "，计分时按上限计");
  }
  return t;
}

}  // namespace

bool MayReadClaim(const Caller& caller, const store::Claim& c) {
  switch (caller.role) {
    case core::Role::kAdmin:
    case core::Role::kLeader:
    case core::Role::kSystem:
      return true;
    case core::Role::kExpert:
      return c.category == "innovation";
    case core::Role::kLead:
    case core::Role::kUnit:
      return !caller.unit_id.empty() &&
             (c.unit_id == caller.unit_id || c.raised_unit == caller.unit_id);
    default:
      return false;
  }
}

Result<store::Claim> RaiseClaim(YearCache& years, store::Store& store, const Caller& caller,
                                int year, const ClaimInput& in) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  GOVPERF_RETURN_IF_ERROR(CheckId("unit_id", in.unit_id));
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  if (!CategoryOf(**scheme, in.unit_id)) {
    return Status::NotFound("unit_id: no unit '" + in.unit_id + "' in " + std::to_string(year))
        .Field("unit_id")
        .Zh("unit_id：" + std::to_string(year) + " 年度没有单位 '" + in.unit_id + "'");
  }
  const bool admin = caller.role == core::Role::kAdmin || caller.role == core::Role::kSystem;
  if (in.kind == "bonus") {
    if (!admin && !IsOwnUnit(caller, in.unit_id)) {
      return Status::Denied("unit_id: a unit claims bonus items for itself only, not for " +
                            in.unit_id)
          .Field("unit_id")
          .Zh("unit_id：只能为本单位申报加分，不能为 " + in.unit_id + " 申报");
    }
    if (in.category != "commendation" && in.category != "innovation") {
      return Status::Invalid("category: commendation or innovation")
          .Field("category")
          .Zh("category：加分类别应为 commendation（表彰）或 innovation（创新）");
    }
  } else if (in.kind == "deduction" || in.kind == "veto") {
    if (!admin && caller.role != core::Role::kLead) {
      return Status::Denied("kind: deductions and vetoes are raised by lead departments")
          .Field("kind")
          .Zh("kind：减分和一票否决由牵头考核单位提出");
    }
    if (!admin && in.unit_id == caller.unit_id) {
      return Status::Denied("unit_id: a lead department does not raise items against itself")
          .Field("unit_id")
          .Zh("unit_id：牵头考核单位不能对本单位提出减分或否决");
    }
    if (!in.category.empty()) {
      return Status::Invalid("category: only a bonus has a category").Field("category");
    }
  } else {
    return Status::Invalid("kind: must be bonus, deduction or veto")
        .Field("kind")
        .Zh("kind：应为 bonus（加分）、deduction（减分）或 veto（一票否决）");
  }
  if (in.kind != "veto" && !(std::isfinite(in.points) && in.points > 0 && in.points <= 100)) {
    return Status::Invalid("points: must be in (0, 100]")
        .Field("points")
        .Zh("points：分值应大于 0 且不超过 100");
  }
  std::string effect = in.veto_effect;
  if (in.kind == "veto") {
    if (effect.empty()) effect = "cap_qualified";
    if (effect != "cap_qualified" && effect != "fix_lowest") {
      return Status::Invalid("veto_effect: cap_qualified or fix_lowest").Field("veto_effect");
    }
  } else if (!effect.empty()) {
    return Status::Invalid("veto_effect: only a veto has an effect").Field("veto_effect");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", in.reason, kMaxTextChars, true, true));
  store::Claim c;
  c.year = year;
  c.unit_id = in.unit_id;
  c.kind = in.kind;
  c.category = in.category;
  c.points = in.kind == "veto" ? 0 : in.points;
  c.veto_effect = effect;
  c.reason = in.reason;
  c.raised_unit = caller.unit_id;
  Result<int64_t> id = Status::Internal("unset");
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    id = tx.AddClaim(c);
    return id.status();
  }));
  return FindClaim(store, year, *id);
}

Result<ClaimListing> ListClaims(YearCache& years, store::Store& store, const Caller& caller,
                                int year) {
  auto scheme = years.Scheme(year);
  if (!scheme.ok()) return scheme.status();
  auto all = store.ListClaims(year);
  if (!all.ok()) return all.status();
  ClaimListing out;
  std::set<std::string> units;
  for (auto& c : *all) {
    if (!MayReadClaim(caller, c)) continue;
    units.insert(c.unit_id);
    out.claims.push_back(c);
  }
  // Totals count every claim of the unit (not only those listed): a unit's
  // cap is about all its items.
  const bool sees_all = caller.role != core::Role::kExpert;
  for (const auto& u : (*scheme)->units) {
    if (!units.count(u.id) || !sees_all) continue;
    std::vector<store::Claim> visible;
    for (const auto& c : *all) {
      if (c.unit_id == u.id && (MayReadClaim(caller, c) || caller.unit_id == u.id)) {
        visible.push_back(c);
      }
    }
    out.totals.push_back(TotalsOf(**scheme, visible, u.id));
  }
  return out;
}

Result<store::EvidenceRef> AddClaimEvidence(YearCache& years, store::Store& store,
                                            const Caller& caller, int year, int64_t id,
                                            const std::string& file_name,
                                            const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto c = FindClaim(store, year, id);
  if (!c.ok()) return c.status();
  if (c->raised_by != caller.username) {
    return Status::Denied("claim: evidence is added by whoever raised the claim")
        .Zh("只有申报人可以上传该申报的佐证材料");
  }
  if (c->state != "pending") {
    return Status(Code::kFailedPrecondition, "claim: already " + c->state)
        .Field("claim")
        .Zh("claim：该申报已处理，不能再上传佐证材料");
  }
  GOVPERF_RETURN_IF_ERROR(CheckEvidence(file_name, bytes));
  store::EvidenceRef ref;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    auto r = StoreEvidence(tx, caller, file_name, bytes);
    if (!r.ok()) return r.status();
    ref = *r;
    return tx.AttachYearEndEvidence(year, "claim:" + std::to_string(id), ref);
  }));
  return ref;
}

Result<monitoring::EvidenceDownload> GetClaimEvidence(YearCache& years, store::Store& store,
                                                      const Caller& caller, int year, int64_t id,
                                                      const std::string& sha256) {
  (void)years;
  auto c = FindClaim(store, year, id);
  if (!c.ok()) return c.status();
  if (!MayReadClaim(caller, *c)) {
    return Status::Denied("claim: not yours to read").Zh("无权查看该申报");
  }
  for (const auto& r : c->evidence) {
    if (r.sha256 != sha256) continue;
    auto f = store.LoadEvidence(sha256);
    if (!f.ok()) return f.status();
    return monitoring::EvidenceDownload{std::move(*f), r.file_name};
  }
  return Status::NotFound("sha256: the claim has no such file").Field("sha256");
}

Result<store::Claim> GiveOpinion(YearCache& years, store::Store& store, const Caller& caller,
                                 int year, int64_t id, const std::string& opinion,
                                 const std::string& text) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  auto c = FindClaim(store, year, id);
  if (!c.ok()) return c.status();
  if (c->category != "innovation") {
    return Status::Invalid("claim: experts give opinions on innovation claims only")
        .Field("claim")
        .Zh("claim：专家仅对创新类加分申报发表意见");
  }
  if (c->state != "pending") {
    return Status(Code::kFailedPrecondition, "claim: already " + c->state)
        .Field("claim")
        .Zh("claim：该申报已处理");
  }
  if (opinion != "support" && opinion != "oppose" && opinion != "neutral") {
    return Status::Invalid("opinion: support, oppose or neutral")
        .Field("opinion")
        .Zh("opinion：应为 support（支持）、oppose（反对）或 neutral（中立）");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("text", text, kMaxTextChars, true, true));
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    return tx.PutClaimOpinion(year, id, {"", opinion, text, ""});
  }));
  return FindClaim(store, year, id);
}

Result<ClaimDecision> DecideClaim(YearCache& years, store::Store& store, const Caller& caller,
                                  int year, int64_t id, bool approve, const std::string& reason) {
  GOVPERF_RETURN_IF_ERROR(RequireYearEnd(years, year));
  if (caller.role != core::Role::kAdmin && caller.role != core::Role::kSystem) {
    return Status::Denied("claims are decided by the office").Zh("加减分申报由绩效办审定");
  }
  GOVPERF_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextChars, !approve, true));
  auto c = FindClaim(store, year, id);
  if (!c.ok()) return c.status();
  if (c->state != "pending") {
    return Status(Code::kFailedPrecondition, "claim: already " + c->state)
        .Field("claim")
        .Zh("claim：该申报已处理");
  }
  store::Claim d = *c;
  d.state = approve ? "approved" : "rejected";
  d.decision = reason;
  core::Adjustment a;
  if (approve) {
    d.adjustment_id = "claim-" + std::to_string(id);
    a.id = d.adjustment_id;
    a.unit_id = c->unit_id;
    a.kind = c->kind == "bonus"       ? core::AdjustmentKind::kBonus
             : c->kind == "deduction" ? core::AdjustmentKind::kDeduction
                                      : core::AdjustmentKind::kVeto;
    a.points = c->points;
    a.veto_effect = c->veto_effect == "fix_lowest" ? core::VetoEffect::kFixLowest
                                                   : core::VetoEffect::kCapQualified;
    a.reason_zh = c->reason;
    std::string files;
    for (const auto& e : c->evidence) files += (files.empty() ? "" : ", ") + e.file_name;
    a.evidence = files.empty() ? "claim " + std::to_string(id) : files;
    a.entered_by = c->raised_by;
    a.approved_by = caller.username;
  }
  auto users = store.ListUsers();
  if (!users.ok()) return users.status();
  std::vector<std::string> notify = monitoring::UsersOfUnit(*users, c->unit_id);
  for (const store::User& u : *users) {
    if (u.active && u.username == c->raised_by &&
        std::find(notify.begin(), notify.end(), u.username) == notify.end()) {
      notify.push_back(u.username);
    }
  }
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.DecideClaim(d));
    GOVPERF_RETURN_IF_ERROR(NotifyClaimDecided(tx, notify, d));
    // The existing adjustment path: the year's data version moves.
    if (approve) return tx.PutAdjustment(year, a);
    return Status::Ok();
  }));
  ClaimDecision out;
  auto saved = FindClaim(store, year, id);
  if (!saved.ok()) return saved.status();
  out.claim = *saved;
  auto scheme = years.Scheme(year);
  auto all = store.ListClaims(year);
  if (scheme.ok() && all.ok()) {
    ClaimTotals t = TotalsOf(**scheme, *all, c->unit_id);
    out.warnings = t.warnings;
    out.warnings_zh = t.warnings_zh;
  }
  return out;
}

}  // namespace govperf::app::year_end
