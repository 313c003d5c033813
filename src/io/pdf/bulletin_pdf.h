// 季度通报 the quarterly bulletin as a PDF (A4 portrait, cairo + pango in Noto
// Sans CJK SC, like the feedback report): title 〔year〕第N期 季度绩效监测通报,
// the office's foreword, a summary table per category, the units named for
// criticism and praise, a bar chart of on-time and on-track shares per
// category, and the per-unit table. A draft is marked as one on every page.
#pragma once

#include <string>

#include "core/barometer/bulletin.h"
#include "core/status.h"

namespace govperf::io::pdf {

// FailedPrecondition when the CJK font is missing (FindCjkFont). Thread-safe.
Result<std::string> RenderBulletinPdf(const core::barometer::Bulletin& bulletin);

}  // namespace govperf::io::pdf
