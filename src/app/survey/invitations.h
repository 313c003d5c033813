// 邀请 invitations for an SMS or letter campaign: one new invitation code per
// recipient (IssueCodes, one audited write for the lot), then one message
// each through the Sender, with the link that prefills the code.
//
// Guarantees: the codes are issued before anything is sent (a message never
// carries a code the store does not know); a failed send is counted and
// named, and the others still go out (the unsent codes stay unused: the
// office can send again); codes are never logged by this use case.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/survey/sender.h"
#include "store/store.h"

namespace govperf::app::survey {

inline constexpr int kMaxRecipients = 10000;

struct InvitationRequest {
  std::string survey_id;
  std::string group_id;
  std::map<std::string, std::string> cells;  // fixed raking cells for every invitee
  std::vector<Recipient> recipients;         // 1..kMaxRecipients
};

struct InvitationReport {
  int issued = 0;
  int sent = 0;
  int failed = 0;
  std::vector<std::string> failures;  // "recipients[3]: why", at most 20
};

// `public_url`: the scheme and host the links start with, no trailing '/'
// ("https://pj.example.gov.cn"). Admin.
Result<InvitationReport> SendInvitations(store::Store& store, Sender& sender, const Caller& caller,
                                         const InvitationRequest& request,
                                         const std::string& public_url);

// "<public_url>/s/<survey_id>" and, with a code, "?code=<code>".
std::string SurveyLink(const std::string& public_url, const std::string& survey_id,
                       const std::string& code = "");

}  // namespace govperf::app::survey
