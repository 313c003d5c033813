// DTOs of 年终考核 year-end assessment: self-evaluation rows, spot checks,
// claims with their totals against the caps, the rating setup and ratings.
#pragma once

#include <nlohmann/json.hpp>

#include "app/year_end/claims.h"
#include "app/year_end/self_evaluation.h"
#include "store/store.h"

namespace govperf::server::dto {

using Json = nlohmann::json;

Json SelfEvaluationJson(const store::SelfEvaluation& e);
// A listing row: the leaf (id, names, points, method, lead), the unit, the
// target, the state and what was filed (or null).
Json SelfEvaluationRowJson(const app::year_end::SelfEvaluationRow& r);
Json SpotCheckJson(const store::SpotCheck& c);
Json SpotCheckItemJson(const store::SpotCheckItem& i);
Json ClaimJson(const store::Claim& c);
Json ClaimTotalsJson(const app::year_end::ClaimTotals& t);
Json RatingSetupJson(const store::RatingSetup& s);
// REQUIRES: body is an object; throws Json::exception on a wrong type.
store::RatingSetup RatingSetupFromJson(const Json& body);
Json LeaderRatingJson(const store::LeaderRating& r);

}  // namespace govperf::server::dto
