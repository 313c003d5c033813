#include "app/year_end/notices.h"

#include "app/monitoring/inbox.h"

namespace govperf::app::year_end {

std::vector<std::string> ScorersOf(const std::vector<store::User>& users,
                                   const core::Indicator& leaf, const std::string& unit_id) {
  if (leaf.lead_unit_id.empty() || leaf.lead_unit_id == unit_id) {
    return monitoring::UsersOfRole(users, core::Role::kAdmin);
  }
  std::vector<std::string> out;
  for (const store::User& u : users) {
    if (u.active && u.role == core::Role::kLead && u.unit_id == leaf.lead_unit_id) {
      out.push_back(u.username);
    }
  }
  return out;
}

Status NotifySelfSubmitted(store::WriteTx& tx, const std::vector<std::string>& to, int year,
                           const std::string& indicator_id, const std::string& unit_id) {
  store::InboxMessage m;
  m.kind = "self_evaluation.submitted";
  m.year = year;
  m.subject = "self_evaluation:" + indicator_id + "/" + unit_id;
  m.title_zh = "待评分：" + unit_id + " 提交了指标 " + indicator_id + " 的年终自评";
  m.title_en = "To score: " + unit_id + " filed its self-evaluation of indicator " + indicator_id;
  return monitoring::Notify(tx, to, m).status();
}

Status NotifyScored(store::WriteTx& tx, const std::vector<std::string>& to, int year,
                    const store::SelfEvaluation& row) {
  store::InboxMessage m;
  m.kind = "self_evaluation.scored";
  m.year = year;
  m.subject = "self_evaluation:" + row.indicator_id + "/" + row.unit_id;
  m.title_zh = "已评分：指标 " + row.indicator_id + " 的年终自评";
  m.title_en = "Scored: your self-evaluation of indicator " + row.indicator_id;
  m.body_zh = row.reason;
  m.body_en = row.reason;
  return monitoring::Notify(tx, to, m).status();
}

Status NotifyClaimDecided(store::WriteTx& tx, const std::vector<std::string>& to,
                          const store::Claim& claim) {
  const bool approved = claim.state == "approved";
  const std::string id = std::to_string(claim.id);
  store::InboxMessage m;
  m.kind = approved ? "claim.approved" : "claim.rejected";
  m.year = claim.year;
  m.subject = "claim:" + id;
  m.title_zh = std::string(approved ? "已批准" : "未批准") + "：第 " + id + " 号加减分申报（" +
               claim.unit_id + "）";
  m.title_en = std::string(approved ? "Approved" : "Rejected") + ": claim " + id + " (" +
               claim.unit_id + ")";
  m.body_zh = claim.decision;
  m.body_en = claim.decision;
  return monitoring::Notify(tx, to, m).status();
}

}  // namespace govperf::app::year_end
