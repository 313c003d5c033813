// Verification of the audit hash chain for the audit page, without walking
// the whole chain on every page view: the result of a full verification is
// kept together with the chain head it covered, and reused while the head is
// unchanged. A new record moves the head and the next view verifies again;
// `full` forces a walk now (an edit in the middle of the chain that keeps the
// head is found by a forced walk, by `govperf audit verify`, or at the next
// append). Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "store/store.h"

namespace govperf::app {

class AuditVerifier {
 public:
  struct Outcome {
    store::AuditVerification verification;
    bool cached = false;  // reused from a verification at the same head
  };
  Result<Outcome> Verify(store::AuditReader& audit, bool full);

 private:
  std::mutex mu_;
  std::optional<std::pair<int64_t, std::string>> head_;  // what `last_` covered
  store::AuditVerification last_;
};

}  // namespace govperf::app
