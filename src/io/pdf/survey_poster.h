// 扫码参与 the printable poster of a survey's public link (A4 portrait, cairo
// + pango in Noto Sans CJK SC): the title in Chinese (and English), a short
// instruction, the QR code drawn as vector squares (sharp at any print size)
// and the link written out for those who type it.
#pragma once

#include <string>

#include "core/status.h"
#include "io/qr.h"

namespace govperf::io::pdf {

struct PosterContent {
  std::string title_zh, title_en;
  std::string intro_zh;  // the survey's intro, optional
  std::string link;      // the public link the QR code encodes
};

// FailedPrecondition when the CJK font is missing (FindCjkFont). Thread-safe.
Result<std::string> RenderSurveyPoster(const PosterContent& content);

}  // namespace govperf::io::pdf
