#include "io/qr.h"

#include <cairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace govperf::io {
namespace {

cairo_status_t QrAppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct QrPngReader {
  const std::string* bytes;
  size_t at = 0;
};

cairo_status_t QrReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<QrPngReader*>(closure);
  if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy(r->bytes->begin() + static_cast<std::ptrdiff_t>(r->at),
            r->bytes->begin() + static_cast<std::ptrdiff_t>(r->at + length), data);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<QrMatrix> EncodeQr(const std::string& text) {
  if (text.empty() || text.size() > 1000) {
    return Status::Invalid("text: a QR code holds 1 to 1000 bytes here, got " +
                           std::to_string(text.size()))
        .Field("text");
  }
  // 8-bit data (not QRencode_encodeString's kanji/alphanumeric guessing): the
  // link's bytes exactly as given.
  QRcode* code =
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M);
  if (code == nullptr) return Status::Internal("qr: libqrencode could not encode the text");
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(static_cast<size_t>(code->width) * code->width);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return m;
}

Result<std::string> QrPng(const QrMatrix& qr, int module_px) {
  if (module_px < 1 || module_px > 32) {
    return Status::Invalid("size: 1 to 32 pixels per module").Field("size");
  }
  const int side = (qr.width + 2 * kQrQuietZone) * module_px;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status::Internal("qr: cannot create an image surface");
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);  // crisp modules, exact pixels
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < qr.width; ++r) {
    for (int c = 0; c < qr.width; ++c) {
      if (!qr.At(r, c)) continue;
      cairo_rectangle(cr, (c + kQrQuietZone) * module_px, (r + kQrQuietZone) * module_px, module_px,
                      module_px);
    }
  }
  cairo_fill(cr);
  cairo_destroy(cr);
  std::string png;
  const cairo_status_t st = cairo_surface_write_to_png_stream(surface, QrAppendPng, &png);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) return Status::Internal("qr: cannot write the PNG");
  return png;
}

Result<QrMatrix> QrMatrixFromPng(const std::string& png, int module_px) {
  if (module_px < 1) return Status::Invalid("module_px: at least 1");
  QrPngReader reader{&png};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(QrReadPng, &reader);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status::Invalid("png: not a PNG image");
  }
  cairo_surface_flush(surface);
  const int w = cairo_image_surface_get_width(surface);
  const int h = cairo_image_surface_get_height(surface);
  const int modules = w / module_px - 2 * kQrQuietZone;
  if (w != h || w % module_px != 0 || modules < 21) {
    cairo_surface_destroy(surface);
    return Status::Invalid("png: " + std::to_string(w) + "×" + std::to_string(h) +
                           " pixels is no QR code of " + std::to_string(module_px) + " px modules");
  }
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  QrMatrix m;
  m.width = modules;
  m.dark.resize(static_cast<size_t>(modules) * modules);
  for (int r = 0; r < modules; ++r) {
    for (int c = 0; c < modules; ++c) {
      const int px = (c + kQrQuietZone) * module_px + module_px / 2;
      const int py = (r + kQrQuietZone) * module_px + module_px / 2;
      uint32_t pixel = 0;
      std::memcpy(&pixel, data + static_cast<ptrdiff_t>(py) * stride + px * 4, 4);
      m.dark[static_cast<size_t>(r) * modules + c] = (pixel & 0x00FFFFFFu) < 0x00808080u;
    }
  }
  cairo_surface_destroy(surface);
  return m;
}

}  // namespace govperf::io
