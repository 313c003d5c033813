// 季度通报 quarterly bulletins of monitoring progress: the office previews a
// quarter's bulletin (a draft, recomputed on every read, also for a quarter
// still running) and issues it once the quarter has ended — a frozen snapshot
// numbered 〔year〕第N期 with its foreword, issue date, issuer and content hash,
// never recomputed. Every assessed unit (and lead department, leader) reads
// the issued ones: a 通报 goes to all units. One per quarter: issuing a quarter
// again is refused (a correction is the office's next bulletin's foreword).
// docs/design/barometer.md has the rule that names units.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/results/year_cache.h"
#include "core/barometer/bulletin.h"
#include "core/monitoring/calendar.h"
#include "store/store.h"

namespace govperf::app::barometer {

// The quarter's bulletin as of `today`, not stored: draft = true, number 0.
// InvalidArgument (field quarter) outside 1..4; NotFound (field year).
// Admin and the program only.
Result<core::barometer::Bulletin> PreviewBulletin(YearCache& years, store::Store& store,
                                                  const Caller& caller, int year, int quarter,
                                                  const core::monitoring::Date& today);

struct IssuedBulletin {
  store::BulletinRecord record;
  core::barometer::Bulletin bulletin;  // parsed from the frozen content
};

// Issues the quarter's bulletin (admin): refused before the quarter has ended
// (FailedPrecondition, field quarter), when the quarter already has one
// (AlreadyExists, field quarter), for a foreword over 2,000 characters, and
// in a stage other than monitoring or year_end. Audited; nothing saved on error.
Result<IssuedBulletin> IssueBulletin(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, int quarter, const std::string& foreword,
                                     const core::monitoring::Date& today);

// The year's issued bulletins (every signed-in role but experts: the route).
// NotFound (field year) for an unknown year.
Result<std::vector<IssuedBulletin>> ListBulletins(YearCache& years, store::Store& store,
                                                  const Caller& caller, int year);
// One issued bulletin; NotFound (field id) when unknown or of another year.
Result<IssuedBulletin> GetBulletin(store::Store& store, const Caller& caller, int year, int64_t id);

}  // namespace govperf::app::barometer
