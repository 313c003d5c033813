// 绩效反馈 the feedback report as a PDF: pure rendering of a
// core::FeedbackReport to bytes with cairo (drawing, the charts) and pango
// (text layout, line wrapping) in the CJK font fontconfig finds (Noto Sans
// CJK SC, Debian package fonts-noto-cjk). A4 portrait; no headless browser.
// docs/design/feedback.md describes the layout.
#pragma once

#include <string>

#include "core/feedback/report.h"
#include "core/status.h"

namespace govperf::io::pdf {

// The family every report is set in.
inline constexpr const char* kCjkFamily = "Noto Sans CJK SC";

// The file of the CJK font as fontconfig resolves kCjkFamily, or
// FailedPrecondition naming the family and the package to install when the
// match is another family (fontconfig always answers with *some* font, which
// would print Chinese as empty boxes). Looked up once per process.
Result<std::string> FindCjkFont();

// The report as a PDF file's bytes. Thread-safe (each call has its own
// surface and layouts). FailedPrecondition when the font is missing.
Result<std::string> RenderFeedbackPdf(const core::FeedbackReport& report);

}  // namespace govperf::io::pdf
