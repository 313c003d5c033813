#include "app/audit.h"

namespace govperf::app {

Result<AuditVerifier::Outcome> AuditVerifier::Verify(store::AuditReader& audit, bool full) {
  auto head = audit.AuditHead();
  if (!head.ok()) return head.status();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!full && head_ && *head_ == *head) return Outcome{last_, true};
  }
  auto v = audit.VerifyAudit();
  if (!v.ok()) return v.status();
  std::lock_guard<std::mutex> lock(mu_);
  head_ = *head;
  last_ = *v;
  return Outcome{*v, false};
}

}  // namespace govperf::app
