// `govperf verify-result`: re-score a published year from its stored data and
// scheme, compare with the publication snapshot, and check the certificate.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace govperf::app::publication {

struct Verification {
  bool ok = false;
  std::string summary;                // one line: what was checked, or the first difference
  std::vector<std::string> problems;  // every finding, most specific first
};

// NotFound for an unknown year or a year without a publication record;
// otherwise a Verification (ok or not).
Result<Verification> VerifyPublication(store::Store& store, int year);

}  // namespace govperf::app::publication
