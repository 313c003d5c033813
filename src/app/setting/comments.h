// Expert comments on indicators (专家意见) while the scheme is drafted (draft
// and setting stages). Experts only comment; the office reads and answers by
// editing the scheme.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::setting {

Result<store::IndicatorComment> AddComment(store::Store& store, const Caller& caller, int year,
                                           const std::string& indicator_id,
                                           const std::string& text);
// Oldest first; `indicator_id` empty = all.
Result<std::vector<store::IndicatorComment>> ListComments(store::Store& store, int year,
                                                          const std::string& indicator_id);

}  // namespace govperf::app::setting
