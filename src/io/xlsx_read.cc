#include "io/xlsx_read.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <tuple>

namespace govperf::io {
namespace {

// minizip reads the archive from memory through these callbacks (its own
// ioapi interface); the zip format itself is minizip's business.
struct MemFile {
  const char* data = nullptr;
  uint64_t size = 0;
  uint64_t pos = 0;
};

voidpf MemOpen(voidpf opaque, const void*, int) {
  static_cast<MemFile*>(opaque)->pos = 0;
  return opaque;
}
uLong MemRead(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<MemFile*>(stream);
  const uint64_t n = std::min<uint64_t>(size, m->size - std::min(m->pos, m->size));
  std::memcpy(buf, m->data + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}
uLong MemWrite(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T MemTell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }
long MemSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {  // NOLINT(google-runtime-int)
  auto* m = static_cast<MemFile*>(stream);
  uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = m->pos;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = m->size;
      break;
    default:
      return -1;
  }
  if (base + offset > m->size) return -1;
  m->pos = base + offset;
  return 0;
}
int MemClose(voidpf, voidpf) { return 0; }
int MemError(voidpf, voidpf) { return 0; }

// The archive's members by name, read with the part limit.
class Archive {
 public:
  Archive(std::string_view bytes, std::string what, const SheetLimits& limits)
      : what_(std::move(what)), limits_(limits) {
    mem_.data = bytes.data();
    mem_.size = bytes.size();
    zlib_filefunc64_def def{};
    def.zopen64_file = MemOpen;
    def.zread_file = MemRead;
    def.zwrite_file = MemWrite;
    def.ztell64_file = MemTell;
    def.zseek64_file = MemSeek;
    def.zclose_file = MemClose;
    def.zerror_file = MemError;
    def.opaque = &mem_;
    zip_ = unzOpen2_64("memory", &def);
  }
  ~Archive() {
    if (zip_) unzClose(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  Status Open() {
    if (!zip_) {
      return Status::Invalid(what_ + ": not an .xlsx workbook (the file is not a zip archive)")
          .Zh(what_ + "：不是 .xlsx 工作簿（文件不是 zip 压缩包）");
    }
    constexpr size_t kMaxMembers = 10'000;
    int rc = unzGoToFirstFile(zip_);
    while (rc == UNZ_OK) {
      unz_file_info64 info{};
      char name[1024];
      if (unzGetCurrentFileInfo64(zip_, &info, name, sizeof name, nullptr, 0, nullptr, 0) !=
          UNZ_OK) {
        return Broken();
      }
      unz64_file_pos pos{};
      unzGetFilePos64(zip_, &pos);
      members_[name] = {pos, info.uncompressed_size};
      if (members_.size() > kMaxMembers) {
        return Status::Invalid(what_ + ": more than 10000 parts in the archive")
            .Zh(what_ + "：压缩包内文件超过 10000 个");
      }
      rc = unzGoToNextFile(zip_);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE) return Broken();
    return Status::Ok();
  }

  bool Has(const std::string& name) const { return members_.count(name) > 0; }

  // The member's bytes; the declared size and the bytes actually inflated
  // are both held to the part limit (a zip may lie about its sizes).
  Result<std::string> Read(const std::string& name) {
    auto it = members_.find(name);
    if (it == members_.end()) {
      return Status::Invalid(what_ + ": the workbook has no part '" + name + "'")
          .Zh(what_ + "：工作簿缺少 '" + name + "'");
    }
    if (it->second.second > limits_.max_part_bytes) return TooBig(name);
    unz64_file_pos pos = it->second.first;
    if (unzGoToFilePos64(zip_, &pos) != UNZ_OK || unzOpenCurrentFile(zip_) != UNZ_OK) {
      return Broken();
    }
    std::string out;
    out.reserve(static_cast<size_t>(it->second.second));
    char buf[1 << 16];
    for (;;) {
      const int n = unzReadCurrentFile(zip_, buf, sizeof buf);
      if (n < 0) {
        unzCloseCurrentFile(zip_);
        return Broken();
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      if (out.size() > limits_.max_part_bytes) {
        unzCloseCurrentFile(zip_);
        return TooBig(name);
      }
    }
    if (unzCloseCurrentFile(zip_) != UNZ_OK) return Broken();  // CRC mismatch
    return out;
  }

 private:
  Status Broken() const {
    return Status::Invalid(what_ + ": the .xlsx archive is damaged")
        .Zh(what_ + "：.xlsx 压缩包已损坏");
  }
  Status TooBig(const std::string& name) const {
    const std::string size = SizeText(limits_.max_part_bytes);
    return Status::Invalid(what_ + ": part '" + name + "' unpacks to more than " + size)
        .Zh(what_ + "：'" + name + "' 解压后超过 " + size);
  }

  std::string what_;
  const SheetLimits& limits_;
  MemFile mem_;
  unzFile zip_ = nullptr;
  std::map<std::string, std::pair<unz64_file_pos, uint64_t>> members_;
};

// Element names compared without a namespace prefix ("x:row" is "row").
bool Is(const pugi::xml_node& n, const char* local) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}
pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (Is(c, local)) return c;
  }
  return {};
}
// The text of a string item (<si> or <is>): plain <t>, or the <t> of each
// rich-text run <r>; phonetic hints (<rPh>) are not part of the text.
std::string ItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (Is(c, "t")) {
      out += c.child_value();
    } else if (Is(c, "r")) {
      if (pugi::xml_node t = Child(c, "t")) out += t.child_value();
    }
  }
  return out;
}

Status XmlError(const std::string& what, const std::string& part, const pugi::xml_parse_result& r) {
  return Status::Invalid(what + ": '" + part + "' is not well-formed XML (" + r.description() +
                         " at byte " + std::to_string(r.offset) + ")")
      .Zh(what + "：'" + part + "' 不是有效的 XML（" + r.description() + "）");
}

// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml".
std::string PartPath(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct RawCell {
  size_t row, col;
  std::string text;
};

Result<Sheet> ParseSheet(std::string& xml, const std::string& what, const std::string& part,
                         const std::string& name, const std::vector<std::string>& shared,
                         const SheetLimits& limits) {
  pugi::xml_document doc;
  pugi::xml_parse_result pr =
      doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!pr) return XmlError(what, part, pr);
  const std::string where = what + " sheet '" + name + "'";
  const auto beyond = [&](size_t row, size_t col) {
    return Status::Invalid(where + " cell " + CellName(row, col) + ": beyond the limit of " +
                           std::to_string(limits.max_rows) + " rows and " +
                           std::to_string(limits.max_columns) + " columns")
        .Zh(where + " 单元格 " + CellName(row, col) + "：超出 " + std::to_string(limits.max_rows) +
            " 行、" + std::to_string(limits.max_columns) + " 列的上限");
  };
  pugi::xml_node ws = doc.first_child();
  pugi::xml_node data = Child(ws, "sheetData");
  std::vector<RawCell> cells;
  size_t next_row = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (!Is(row, "row")) continue;
    size_t r = next_row;
    if (pugi::xml_attribute ra = row.attribute("r")) {
      const long long v = ra.as_llong(0);
      if (v < 1) return Status::Invalid(where + ": a row has a bad number '" + ra.value() + "'");
      r = static_cast<size_t>(v - 1);
    }
    if (r >= limits.max_rows) return beyond(r, 0);
    next_row = r + 1;
    size_t next_col = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (!Is(c, "c")) continue;
      size_t cr = r, cc = next_col;
      if (pugi::xml_attribute ref = c.attribute("r")) {
        if (!ParseCellName(ref.value(), &cr, &cc)) {
          return Status::Invalid(where + ": bad cell reference '" + std::string(ref.value()) + "'")
              .Zh(where + "：单元格引用 '" + std::string(ref.value()) + "' 有误");
        }
      }
      if (cr >= limits.max_rows || cc >= limits.max_columns) return beyond(cr, cc);
      next_col = cc + 1;
      const std::string type = c.attribute("t").value();
      std::string text;
      if (type == "inlineStr") {
        text = ItemText(Child(c, "is"));
      } else {
        const char* v = Child(c, "v").child_value();
        if (type == "s") {
          char* end = nullptr;
          const unsigned long long i = std::strtoull(v, &end, 10);
          if (end == v || *end || i >= shared.size()) {
            return Status::Invalid(where + " cell " + CellName(cr, cc) + ": shared string '" + v +
                                   "' does not exist")
                .Zh(where + " 单元格 " + CellName(cr, cc) + "：共享字符串 '" + v + "' 不存在");
          }
          text = shared[i];
        } else if (type == "b") {
          text = std::strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
        } else {
          text = v;  // numbers (n), formula strings (str), errors (e: "#N/A"), dates (d)
        }
      }
      if (!text.empty()) cells.push_back({cr, cc, std::move(text)});
      if (cells.size() > limits.max_cells) {
        return Status::Invalid(where + ": more than " + std::to_string(limits.max_cells) + " cells")
            .Zh(where + "：单元格超过 " + std::to_string(limits.max_cells) + " 个");
      }
    }
  }
  // Merged ranges: the top-left cell's value applies to the whole range.
  struct Range {
    size_t r0, c0, r1, c1;
  };
  std::vector<Range> merges;
  size_t merged_cells = 0;
  if (pugi::xml_node mc = Child(ws, "mergeCells")) {
    for (pugi::xml_node m = mc.first_child(); m; m = m.next_sibling()) {
      if (!Is(m, "mergeCell")) continue;
      const std::string ref = m.attribute("ref").value();
      const size_t colon = ref.find(':');
      Range g{};
      if (colon == std::string::npos || !ParseCellName(ref.substr(0, colon), &g.r0, &g.c0) ||
          !ParseCellName(ref.substr(colon + 1), &g.r1, &g.c1) || g.r1 < g.r0 || g.c1 < g.c0) {
        return Status::Invalid(where + ": bad merged range '" + ref + "'")
            .Zh(where + "：合并区域 '" + ref + "' 有误");
      }
      if (g.r1 >= limits.max_rows || g.c1 >= limits.max_columns) return beyond(g.r1, g.c1);
      merged_cells += (g.r1 - g.r0 + 1) * (g.c1 - g.c0 + 1);
      if (merged_cells > limits.max_cells) {
        return Status::Invalid(where + ": merged ranges cover more than " +
                               std::to_string(limits.max_cells) + " cells")
            .Zh(where + "：合并区域超过 " + std::to_string(limits.max_cells) + " 个单元格");
      }
      merges.push_back(g);
    }
  }
  // Row widths first, so the grid is allocated once and its size checked.
  std::vector<size_t> width;
  const auto widen = [&](size_t r, size_t c) {
    if (width.size() <= r) width.resize(r + 1, 0);
    width[r] = std::max(width[r], c + 1);
  };
  for (const RawCell& c : cells) widen(c.row, c.col);
  for (const Range& g : merges) {
    for (size_t r = g.r0; r <= g.r1; ++r) widen(r, g.c1);
  }
  size_t total = 0;
  for (size_t w : width) total += w;
  if (total > limits.max_cells) {
    return Status::Invalid(where + ": the used area has more than " +
                           std::to_string(limits.max_cells) + " cells")
        .Zh(where + "：使用区域超过 " + std::to_string(limits.max_cells) + " 个单元格");
  }
  Sheet sheet;
  sheet.name = name;
  sheet.rows.resize(width.size());
  for (size_t r = 0; r < width.size(); ++r) sheet.rows[r].resize(width[r]);
  for (RawCell& c : cells) sheet.rows[c.row][c.col] = std::move(c.text);
  for (const Range& g : merges) {
    const std::string value = sheet.rows[g.r0][g.c0];
    for (size_t r = g.r0; r <= g.r1; ++r) {
      for (size_t c = g.c0; c <= g.c1; ++c) sheet.rows[r][c] = value;
    }
  }
  return sheet;
}

}  // namespace

Result<Workbook> ReadXlsx(std::string_view bytes, const std::string& what,
                          const SheetLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    const std::string size = SizeText(limits.max_file_bytes);
    return Status::Invalid(what + ": larger than " + size).Zh(what + "：文件超过 " + size);
  }
  Archive zip(bytes, what, limits);
  GOVPERF_RETURN_IF_ERROR(zip.Open());
  // The workbook part and its relationships say which parts are sheets.
  auto wb_xml = zip.Read("xl/workbook.xml");
  if (!wb_xml.ok()) return wb_xml.status();
  auto rels_xml = zip.Read("xl/_rels/workbook.xml.rels");
  if (!rels_xml.ok()) return rels_xml.status();
  pugi::xml_document wb, rels;
  if (auto r = wb.load_buffer(wb_xml->data(), wb_xml->size()); !r) {
    return XmlError(what, "xl/workbook.xml", r);
  }
  if (auto r = rels.load_buffer(rels_xml->data(), rels_xml->size()); !r) {
    return XmlError(what, "xl/_rels/workbook.xml.rels", r);
  }
  std::map<std::string, std::pair<std::string, std::string>> rel;  // id → (type, part)
  std::string shared_part;
  for (pugi::xml_node r = rels.first_child().first_child(); r; r = r.next_sibling()) {
    if (!Is(r, "Relationship")) continue;
    const std::string type = r.attribute("Type").value();
    const std::string part = PartPath(r.attribute("Target").value());
    rel[r.attribute("Id").value()] = {type, part};
    if (EndsWith(type, "/sharedStrings")) shared_part = part;
  }
  std::vector<std::string> shared;
  if (!shared_part.empty() && zip.Has(shared_part)) {
    auto sst_xml = zip.Read(shared_part);
    if (!sst_xml.ok()) return sst_xml.status();
    pugi::xml_document sst;
    if (auto r = sst.load_buffer_inplace(sst_xml->data(), sst_xml->size()); !r) {
      return XmlError(what, shared_part, r);
    }
    for (pugi::xml_node si = sst.first_child().first_child(); si; si = si.next_sibling()) {
      if (Is(si, "si")) shared.push_back(ItemText(si));
    }
  }
  Workbook out;
  pugi::xml_node sheets = Child(wb.first_child(), "sheets");
  for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
    if (!Is(s, "sheet")) continue;
    const std::string name = s.attribute("name").value();
    // r:id, whatever the prefix of the relationships namespace is called.
    std::string id;
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
      if (EndsWith(a.name(), ":id")) id = a.value();
    }
    auto it = rel.find(id);
    if (it == rel.end() || !EndsWith(it->second.first, "/worksheet")) continue;  // chart sheets
    if (out.sheets.size() >= limits.max_sheets) {
      return Status::Invalid(what + ": more than " + std::to_string(limits.max_sheets) + " sheets")
          .Zh(what + "：工作表超过 " + std::to_string(limits.max_sheets) + " 个");
    }
    auto xml = zip.Read(it->second.second);
    if (!xml.ok()) return xml.status();
    auto sheet = ParseSheet(*xml, what, it->second.second, name, shared, limits);
    if (!sheet.ok()) return sheet.status();
    out.sheets.push_back(std::move(sheet).value());
  }
  if (out.sheets.empty()) {
    return Status::Invalid(what + ": the workbook has no worksheet")
        .Zh(what + "：工作簿中没有工作表");
  }
  return out;
}

}  // namespace govperf::io
