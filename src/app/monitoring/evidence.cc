// Evidence files of reports: the type is judged by content, never by name.
#include <algorithm>
#include <cstdint>
#include <set>

#include "app/limits.h"
#include "app/monitoring/reports.h"
#include "core/period.h"

namespace govperf::app::monitoring {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin());
}

uint32_t Le(const std::string& s, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// The entry names of a ZIP archive from its central directory (the end of
// central directory record is searched in the last 64 KiB + 22 bytes); empty
// when the structure is not a well-formed ZIP.
std::set<std::string> ZipEntries(const std::string& z) {
  std::set<std::string> names;
  constexpr size_t kEocd = 22;
  if (z.size() < kEocd) return names;
  const size_t lowest = z.size() > 65557 ? z.size() - 65557 : 0;
  size_t eocd = std::string::npos;
  for (size_t i = z.size() - kEocd + 1; i-- > lowest;) {
    if (Le(z, i, 4) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) return names;
  const uint32_t count = Le(z, eocd + 10, 2);
  const uint32_t cd_size = Le(z, eocd + 12, 4);
  const uint32_t cd_at = Le(z, eocd + 16, 4);
  if (static_cast<uint64_t>(cd_at) + cd_size > eocd) return names;
  size_t p = cd_at;
  for (uint32_t n = 0; n < count; ++n) {
    if (p + 46 > eocd || Le(z, p, 4) != 0x02014b50) return {};
    const uint32_t name_len = Le(z, p + 28, 2);
    const uint32_t extra_len = Le(z, p + 30, 2);
    const uint32_t comment_len = Le(z, p + 32, 2);
    if (p + 46 + name_len > eocd) return {};
    names.insert(z.substr(p + 46, name_len));
    p += 46 + name_len + extra_len + comment_len;
  }
  return names;
}

bool ContainsUtf16(const std::string& bytes, std::string_view ascii) {
  std::string w;
  for (char c : ascii) {
    w.push_back(c);
    w.push_back('\0');
  }
  return bytes.find(w) != std::string::npos;
}

}  // namespace

std::optional<std::string> DetectEvidenceType(const std::string& b) {
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (StartsWith(b, "\xff\xd8\xff")) return "image/jpeg";
  if (StartsWith(b, "PK\x03\x04")) {
    const std::set<std::string> e = ZipEntries(b);
    if (!e.count("[Content_Types].xml")) return std::nullopt;
    if (e.count("word/document.xml")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (e.count("xl/workbook.xml")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (e.count("ppt/presentation.xml")) {
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
    return std::nullopt;
  }
  if (StartsWith(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
    // OLE2 compound file: the directory names the main stream.
    if (ContainsUtf16(b, "WordDocument")) return "application/msword";
    if (ContainsUtf16(b, "Workbook") || ContainsUtf16(b, "Book")) return "application/vnd.ms-excel";
    return std::nullopt;
  }
  return std::nullopt;
}

Result<store::EvidenceRef> AddEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                       int year, const ReportKey& key, const std::string& file_name,
                                       const std::string& bytes) {
  GOVPERF_RETURN_IF_ERROR(CheckText("name", file_name, kMaxNameChars, true));
  if (file_name.find_first_of("/\\") != std::string::npos) {
    return Status::Invalid("name: a file name without folders").Field("name");
  }
  if (bytes.empty()) return Status::Invalid("file: empty").Field("file").Zh("file：文件为空");
  if (bytes.size() > kMaxEvidenceBytes) {
    return Status::Invalid("file: larger than 10 MiB").Field("file").Zh("file：文件超过 10 MiB");
  }
  auto type = DetectEvidenceType(bytes);
  if (!type) {
    return Status::Invalid(
               "file: not an accepted type (PDF, PNG, JPEG, docx, xlsx, pptx, doc, xls) by its "
               "content")
        .Field("file")
        .Zh("file：按文件内容判断，不是允许的类型（PDF、PNG、JPEG、docx、xlsx、pptx、doc、xls）");
  }
  auto r = Get(years, store, caller, year, key);
  if (!r.ok()) return r.status();
  const bool own = (caller.role == core::Role::kUnit || caller.role == core::Role::kLead) &&
                   caller.unit_id == key.unit_id;
  if (!own) {
    return Status::Denied("only the reporting unit attaches evidence")
        .Zh("只有报送单位可以上传佐证材料");
  }
  if (r->state == store::ReportState::kVerified) {
    return Status(Code::kFailedPrecondition, "report: already verified; evidence is closed")
        .Field("report")
        .Zh("report：该报送已审核通过，不能再上传佐证材料");
  }
  store::EvidenceFile f{"", *type, bytes};
  store::EvidenceRef ref;
  GOVPERF_RETURN_IF_ERROR(store.Write(caller.actor(), [&](store::WriteTx& tx) {
    GOVPERF_RETURN_IF_ERROR(tx.PutEvidence(f));
    ref.sha256 = f.sha256;
    ref.file_name = file_name;
    ref.content_type = f.content_type;
    ref.size = static_cast<int64_t>(bytes.size());
    ref.added_by = caller.username;
    return tx.AttachEvidence(year, key.indicator_id, key.unit_id, key.period, ref);
  }));
  return ref;
}

Result<EvidenceDownload> GetEvidence(YearCache& years, store::Store& store, const Caller& caller,
                                     int year, const ReportKey& key, const std::string& sha256) {
  auto r = Get(years, store, caller, year, key);
  if (!r.ok()) return r.status();
  // Only through a report that holds the file: the hash alone opens nothing.
  for (const store::EvidenceRef& e : r->evidence) {
    if (e.sha256 != sha256) continue;
    auto f = store.LoadEvidence(sha256);
    if (!f.ok()) return f.status();
    return EvidenceDownload{std::move(*f), e.file_name};
  }
  return Status::NotFound("sha256: the report has no such file").Field("sha256");
}

}  // namespace govperf::app::monitoring
