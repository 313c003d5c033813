// Publication (发布) as a verifiable record: preliminary → published stores,
// in the same transaction, an immutable snapshot of the final results (every
// unit row, every point and its trace, canonical JSON) and a certificate —
// SHA-256 over the year's data digest, the scheme and its version, the engine
// version (core::kEngineVersion), the results snapshot hash and the audit
// chain head at that moment. A published year is then served from its
// snapshot and never re-scored; `govperf verify-result` re-scores it to check.
#pragma once

#include <optional>
#include <string>

#include "app/caller.h"
#include "app/publication/window.h"
#include "core/result.h"
#include "store/store.h"

namespace govperf::app::publication {

// The year's final results (not provisional) from what is stored now, with
// the data version they were computed at.
struct Scored {
  int64_t data_version = 0;
  core::YearResult result;
};
Result<Scored> ScoreFinal(store::Store& store, int year);

// preliminary → published with the snapshot and certificate. Refused, naming
// the reason, while the window is open or before the committee's approval
// (the program itself — the demo generator — is held to the same rules).
// `published_at` empty: the store's clock.
Result<store::Publication> Publish(store::Store& store, const Caller& caller, int year,
                                   const Date& today, const std::string& published_at = "");

// What the year's 公示 and publication look like (for the API and pages).
struct PublicationState {
  store::YearInfo info;
  std::optional<store::PublicityWindow> window;
  bool window_open = false;
  std::optional<store::CommitteeApproval> approval;
  std::optional<store::Publication> publication;  // without results
};
Result<PublicationState> StateOf(store::Store& store, int year, const Date& today);

// The published snapshot of a year, parsed; nullopt when it has none.
Result<std::optional<core::YearResult>> PublishedResult(store::Store& store, int year);

}  // namespace govperf::app::publication
