// 复核 the office's review queue of survey responses and 执行进度 the
// fieldwork progress (docs/design/survey.md "Quality and anti-fraud").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "store/store.h"

namespace govperf::app::survey {

inline constexpr int kMaxResponsePage = 500;

// A page of the survey's responses by id (after `after_id`), optionally of
// one status; the review queue is status flagged. Admin and leader.
Result<std::vector<core::survey::Response>> ListResponses(
    store::Store& store, const Caller& caller, const std::string& survey_id,
    std::optional<core::survey::ResponseStatus> status, int64_t after_id, int limit);

// Accepts or rejects a flagged response, with a note; audited. Admin only.
// FailedPrecondition naming `status` unless the response is flagged.
Status ReviewResponse(store::Store& store, const Caller& caller, const std::string& survey_id,
                      int64_t response_id, core::survey::ResponseStatus decision,
                      const std::string& note);

struct QuotaProgress {
  std::string group_id, variable, level;
  int target = 0;
  int64_t accepted = 0;
};
struct GroupProgress {
  std::string group_id;
  int64_t accepted = 0, flagged = 0, rejected = 0;
};
struct Fieldwork {
  std::string survey_id;
  std::string status;  // the survey's
  int64_t accepted = 0, flagged = 0, rejected = 0;
  std::vector<GroupProgress> groups;  // in the survey's group order
  std::vector<QuotaProgress> quotas;  // in the survey's quota order
  // Accepted responses per group and stored cell (target 0), by group,
  // variable, level: every cell, with or without a quota.
  std::vector<QuotaProgress> cells;
};

// Counts by status, per group, per cell, and the quotas' progress (accepted
// responses of the group whose stored cell `variable` is `level`). SQL
// aggregates (store CountFieldwork): the responses are not read into memory.
Result<Fieldwork> FieldworkProgress(store::Store& store, const Caller& caller,
                                    const std::string& survey_id);

}  // namespace govperf::app::survey
