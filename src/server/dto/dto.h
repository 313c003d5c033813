// DTOs: core/store structs → JSON, exactly as docs/api.md spells them. The
// only place that knows JSON field names (together with the request readers in
// the handlers).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/model.h"
#include "core/result.h"
#include "server/year_cache.h"
#include "store/store.h"

namespace govperf::server::dto {

using Json = nlohmann::json;

// null for nullopt.
Json OptionalNumber(const std::optional<double>& v);

Json YearInfoJson(const store::YearInfo& y);
Json CategoryJson(const core::Category& c);  // id, name_zh, name_en, kind
Json UnitJson(const core::Unit& u);          // id, name_zh, name_en, category_id, kind, parent_id
// `unit` may be null (unit not in the scheme): names are then empty.
Json UserJson(const store::User& user, const core::Unit* unit);
Json UserListItemJson(const store::User& user);  // no hash, ever
Json AuditRecordJson(const store::AuditRecord& r);
Json OrgCategoryJson(const store::OrgCategory& c);
Json OrgUnitJson(const store::OrgUnit& u);
Json AdjustmentJson(const core::Adjustment& a);

// A Results unit row (docs/api.md "Results").
Json UnitRowJson(const YearView& view, const core::UnitResult& r);
// The whole Results document of a year.
Json ResultsJson(const YearView& view);
// Grade levels of all categories, best first, each code once.
Json GradesJson(const core::Scheme& scheme);

}  // namespace govperf::server::dto
