// Years (年度管理): open a year, move it through its stages, import its
// scheme. The stage table (core/workflow/stage.h) decides what is allowed;
// the store enforces it again inside the write transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/publication/window.h"
#include "app/results/year_cache.h"
#include "core/model.h"
#include "store/store.h"

namespace govperf::app {

inline constexpr int kMinOpenYear = 2000;
inline constexpr int kMaxOpenYear = 2100;

struct YearRow {
  store::YearInfo info;
  bool has_scheme = false;
  // The stages the year may move to, and whether this caller may trigger it.
  std::vector<std::pair<core::Stage, bool>> transitions;
};
Result<std::vector<YearRow>> ListYears(YearCache& years, const Caller& caller);

struct OpenedYear {
  int year = 0;
  size_t units = 0;
  size_t leaves = 0;
};
// A new draft year: a copy of `copy_from`'s scheme (categories with weights
// and grades, indicators, targets; units as the registry has them now —
// renamed names, retired units dropped), or, without `copy_from`, the
// registry's active categories (default weights and grades) and units and no
// indicators. Year and scheme are written in one transaction.
Result<OpenedYear> OpenYear(store::Store& store, const Caller& caller, int year,
                            std::optional<int> copy_from);

// Moves the year to stage `to` (a transition of the table the caller may
// trigger; stages from setting on need a scheme with at least one indicator).
Result<store::YearInfo> MoveYear(store::Store& store, const Caller& caller, int year,
                                 const std::string& to);
// The same, with what two moves need: year_end → preliminary records the 公示
// window (app/publication/window.h) and preliminary → published writes the
// snapshot and certificate (app/publication/publish.h), both as of `today`.
struct MoveOptions {
  core::monitoring::Date today;
  publication::WindowRequest window;
};
Result<store::YearInfo> MoveYear(store::Store& store, const Caller& caller, int year,
                                 const std::string& to, const MoveOptions& options);

struct ImportedScheme {
  size_t leaves = 0;
  size_t units = 0;
};
// Replaces a year's scheme (draft or setting; a new year is created as
// draft). Checks: core::ValidateScheme (targets may be missing in draft and
// setting: they are negotiated, and publication requires them); every
// category and unit exists in the registry and is active (ids stable across years).
Result<ImportedScheme> ImportScheme(store::Store& store, const Caller& caller, int year,
                                    const core::Scheme& scheme);
// ImportScheme's checks without the write, for imports that write the
// scheme inside a transaction of their own (app/exchange).
Status CheckImportScheme(store::Store& store, const Caller& caller, int year,
                         const core::Scheme& scheme);

// What a year opened without a copy starts with: the registry's active
// categories (default weights and grades) and units, no indicators.
core::Scheme SchemeFromRegistry(const store::Org& org, int year);

// The default grade levels of a new category: 优秀 ≥ 90 (at most 30 %),
// 良好 ≥ 80, 合格 ≥ 60, 不合格.
std::vector<core::GradeLevel> DefaultGrades();

}  // namespace govperf::app
