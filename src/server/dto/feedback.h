// DTOs of 绩效反馈 feedback reports and 整改 rectification (docs/api.md
// "Feedback reports (绩效反馈) and rectification (整改)").
#pragma once

#include <nlohmann/json.hpp>

#include "core/feedback/report.h"

namespace govperf::server::dto {

using Json = nlohmann::json;

Json FeedbackReportJson(const core::FeedbackReport& r);

}  // namespace govperf::server::dto
