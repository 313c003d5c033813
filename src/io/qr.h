// QR codes (libqrencode) of a survey's public link: the module matrix and a
// PNG drawn with cairo, one square per dark module, with the quiet zone the
// standard asks for. The poster PDF (pdf/survey_poster.h) draws the same
// matrix as vector squares.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace govperf::io {

struct QrMatrix {
  int width = 0;           // modules per side
  std::vector<bool> dark;  // row-major, width × width
  bool At(int row, int col) const { return dark[static_cast<size_t>(row) * width + col]; }
};

// Encodes `text` (UTF-8, at most 1,000 bytes: a link) in 8-bit mode at error
// correction level M, the smallest version that holds it. InvalidArgument
// naming `text` when empty or too long.
Result<QrMatrix> EncodeQr(const std::string& text);

inline constexpr int kQrQuietZone = 4;  // modules of white around the code (ISO/IEC 18004)

// The matrix as a PNG: `module_px` pixels per module (1..32), the quiet zone
// included, black on white, 8-bit RGB(A) as cairo writes it.
Result<std::string> QrPng(const QrMatrix& qr, int module_px);

// Reads back the modules of a PNG that QrPng drew with `module_px` (the
// centre pixel of each module, quiet zone skipped): how tests prove that
// the picture served is the code of the link. InvalidArgument when the
// bytes are no PNG or its size is no whole number of modules.
Result<QrMatrix> QrMatrixFromPng(const std::string& png, int module_px);

}  // namespace govperf::io
