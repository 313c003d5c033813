#include "io/bench_csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <random>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/number.h"
#include "core/text.h"

namespace govperf::io {
namespace {

using core::bench::BenchYear;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A read-only memory map of a whole file; unmapped on destruction.
class MappedFile {
 public:
  ~MappedFile() {
    if (data_ && size_) munmap(const_cast<char*>(data_), size_);
  }
  Status Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return Status::NotFound(path + ": cannot open");
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      ::close(fd);
      return Status::Internal(path + ": cannot stat");
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd);
      return Status::Invalid(path + ": not a regular file");
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      void* p = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        return Status::Internal(path + ": cannot map");
      }
      madvise(p, size_, MADV_SEQUENTIAL);
      data_ = static_cast<const char*>(p);
    }
    ::close(fd);
    return Status::Ok();
  }
  std::string_view view() const { return {data_ ? data_ : "", size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// 1-based line number of a byte offset (error path only).
size_t LineOf(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Splits one CSV line (no quoting in this format) into fields.
size_t SplitFields(std::string_view line, std::string_view* out, size_t max) {
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',') {
      if (n < max) out[n] = line.substr(start, i - start);
      ++n;
      start = i + 1;
    }
  }
  return n;
}

// Fast decimal parse for plain "-123.45": exact (correctly rounded) when the
// digits fit 15 significant digits, because mantissa and 10^k are then both
// exact doubles and one division rounds once. Anything else goes to the strict
// parser (core/number.h), so both accept exactly the same texts: the fast path
// takes a subset of its syntax ("-"? digits ("." digits)?) and nothing more.
bool ParseNumber(std::string_view s, double& out) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  size_t i = 0;
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) ++i;
  uint64_t mant = 0;
  int digits = 0, frac = 0;
  bool dot = false;
  size_t int_digits = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      mant = mant * 10 + static_cast<uint64_t>(c - '0');
      if (mant != 0) ++digits;
      if (dot) {
        ++frac;
      } else {
        ++int_digits;
      }
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (i == s.size() && int_digits > 0 && (!dot || frac > 0) && digits <= 15 && frac <= 15) {
    const double v = static_cast<double>(mant) / kPow10[frac];
    out = neg && v != 0 ? -v : v;
    return true;
  }
  Result<double> v = core::ParseNumber(s);
  if (!v.ok()) return false;
  out = *v;
  return true;
}

// The 1-based line, after the header, of the first line starting with
// `prefix` other than line `skip` (error path only: the other occurrence of a
// duplicate; with several threads the one found first may be either), or 0.
size_t OtherLineStartingWith(std::string_view text, std::string_view prefix, size_t skip) {
  size_t line = 1;
  for (size_t pos = 0; pos < text.size(); ++line) {
    if (line > 1 && line != skip && text.substr(pos).starts_with(prefix)) return line;
    const size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return 0;
}

// ", got 'x'" and, from core/number.h, why 'x' is not a number (error path).
std::string Got(std::string_view s) {
  const std::string m = core::ParseNumber(s).status().message();
  const size_t got = m.find("got ");
  return ", " + (got == std::string::npos ? "got " + core::QuoteForMessage(s) : m.substr(got));
}

// Small files (units, indicators) hold the ids and names printed in the
// output: they must be UTF-8 text.
Status CheckText(std::string_view text, const std::string& file) {
  const size_t bad = std::min(core::FirstInvalidUtf8(text), text.find('\0'));
  if (bad == std::string_view::npos) return Status::Ok();
  return Status::Invalid(file + " line " + std::to_string(LineOf(text, bad)) +
                         ": not UTF-8 text (save the file as CSV UTF-8)");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// Iterates the lines of text after the header, calling fn(line, offset).
template <typename Fn>
Status ForEachLine(std::string_view text, size_t begin, size_t end, Fn fn) {
  size_t pos = begin;
  while (pos < end) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos || nl > end) nl = end;
    std::string_view line = Trim(text.substr(pos, nl - pos));
    if (!line.empty()) GOVPERF_RETURN_IF_ERROR(fn(line, pos));
    pos = nl + 1;
  }
  return Status::Ok();
}

Status CheckHeader(std::string_view text, std::string_view want, const std::string& file,
                   size_t& body) {
  size_t nl = text.find('\n');
  std::string_view header = Trim(text.substr(0, nl));
  if (header != want) {
    return Status::Invalid(file + " line 1: header must be '" + std::string(want) + "'");
  }
  body = nl == std::string_view::npos ? text.size() : nl + 1;
  return Status::Ok();
}

}  // namespace

Result<BenchYear> LoadBenchYear(const std::string& dir, int threads) {
  namespace fs = std::filesystem;
  BenchYear y;
  MappedFile uf, inf, vf;
  const std::string up = (fs::path(dir) / "units.csv").string();
  const std::string ip = (fs::path(dir) / "indicators.csv").string();
  const std::string vp = (fs::path(dir) / "values.csv").string();
  GOVPERF_RETURN_IF_ERROR(uf.Open(up));
  GOVPERF_RETURN_IF_ERROR(inf.Open(ip));
  GOVPERF_RETURN_IF_ERROR(vf.Open(vp));
  GOVPERF_RETURN_IF_ERROR(CheckText(uf.view(), "units.csv"));
  GOVPERF_RETURN_IF_ERROR(CheckText(inf.view(), "indicators.csv"));

  // units.csv
  std::unordered_map<std::string_view, uint32_t> unit_index, cat_index;
  size_t body = 0;
  std::string_view ut = uf.view();
  GOVPERF_RETURN_IF_ERROR(CheckHeader(ut, "unit_id,category", "units.csv", body));
  GOVPERF_RETURN_IF_ERROR(ForEachLine(ut, body, ut.size(), [&](std::string_view line, size_t at) {
    std::string_view f[2];
    if (SplitFields(line, f, 2) != 2 || f[0].empty() || f[1].empty()) {
      return Status::Invalid("units.csv line " + std::to_string(LineOf(ut, at)) +
                             ": expected unit_id,category");
    }
    if (!unit_index.emplace(f[0], static_cast<uint32_t>(y.unit_ids.size())).second) {
      return Status::Invalid(
          "units.csv line " + std::to_string(LineOf(ut, at)) + ": duplicate unit_id " +
          core::QuoteForMessage(f[0]) + ", also on line " +
          std::to_string(OtherLineStartingWith(ut, std::string(f[0]) + ",", LineOf(ut, at))));
    }
    auto [it, added] = cat_index.emplace(f[1], static_cast<uint32_t>(y.category_names.size()));
    if (added) y.category_names.emplace_back(f[1]);
    y.unit_ids.emplace_back(f[0]);
    y.unit_category.push_back(it->second);
    return Status::Ok();
  }));

  // indicators.csv
  std::unordered_map<std::string_view, uint32_t> ind_index;
  std::string_view it = inf.view();
  GOVPERF_RETURN_IF_ERROR(CheckHeader(it, "indicator_id,points,direction", "indicators.csv", body));
  GOVPERF_RETURN_IF_ERROR(ForEachLine(it, body, it.size(), [&](std::string_view line, size_t at) {
    const std::string where = "indicators.csv line " + std::to_string(LineOf(it, at));
    std::string_view f[3];
    double points = 0, dir = 0;
    if (SplitFields(line, f, 3) != 3 || f[0].empty()) {
      return Status::Invalid(where + ": expected indicator_id,points,direction");
    }
    if (!ParseNumber(f[1], points) || points < 0) {
      return Status::Invalid(where + ": points must be a non-negative number" + Got(f[1]));
    }
    if (!ParseNumber(f[2], dir) || (dir != 1 && dir != -1)) {
      return Status::Invalid(where + ": direction must be 1 or -1" + Got(f[2]));
    }
    if (!ind_index.emplace(f[0], static_cast<uint32_t>(y.indicator_ids.size())).second) {
      return Status::Invalid(
          where + ": duplicate indicator_id " + core::QuoteForMessage(f[0]) + ", also on line " +
          std::to_string(OtherLineStartingWith(it, std::string(f[0]) + ",", LineOf(it, at))));
    }
    y.indicator_ids.emplace_back(f[0]);
    y.points.push_back(points);
    y.direction.push_back(static_cast<int8_t>(dir));
    return Status::Ok();
  }));
  if (y.unit_ids.empty()) return Status::Invalid("units.csv: no units");
  if (y.indicator_ids.empty()) return Status::Invalid("indicators.csv: no indicators");

  // The string_views above point into the maps; re-key them onto y's own
  // strings is unnecessary because the maps are used only while mapped.
  const size_t m = y.indicators();
  // Checked before the arrays are allocated (docs/scheme-format.md).
  if (y.units() > kMaxBenchValues / m) {
    return Status::Invalid("units.csv × indicators.csv: " + std::to_string(y.units()) + " × " +
                           std::to_string(m) + " values, at most " +
                           std::to_string(kMaxBenchValues));
  }
  const size_t cells = y.units() * m;
  y.target.assign(cells, kNaN);
  y.actual.assign(cells, kNaN);
  std::vector<uint8_t> seen(cells, 0);

  std::string_view vt = vf.view();
  GOVPERF_RETURN_IF_ERROR(
      CheckHeader(vt, "unit_id,indicator_id,target,actual", "values.csv", body));
  threads = std::max(1, threads);
  if (vt.size() - body < (1u << 16)) threads = 1;  // small files: not worth a thread
  // Chunk boundaries at line starts.
  std::vector<size_t> cut{body};
  for (int t = 1; t < threads; ++t) {
    size_t p = body + (vt.size() - body) * t / threads;
    size_t nl = vt.find('\n', p);
    cut.push_back(nl == std::string_view::npos ? vt.size() : nl + 1);
  }
  cut.push_back(vt.size());
  std::vector<Status> errors(threads);
  std::vector<size_t> error_at(threads, 0);
  // The hot loop: one pass over the chunk with plain pointers (no per-line
  // string_view splitting), since at nation scale it reads 800 MB.
  auto parse = [&](int t) {
    uint32_t last_unit = UINT32_MAX, last_ind = UINT32_MAX;
    std::string_view last_unit_id;
    const char* p = vt.data() + cut[t];
    const char* const end = vt.data() + cut[t + 1];
    auto fail = [&](const char* line_start, const std::string& what) {
      const size_t at = static_cast<size_t>(line_start - vt.data());
      error_at[t] = at;
      errors[t] =
          Status::Invalid("values.csv line " + std::to_string(LineOf(vt, at)) + ": " + what);
    };
    while (p < end) {
      const char* line = p;
      // Fields 1–3 end at a comma; field 4 at the line end.
      const char* f[5];
      f[0] = p;
      int n = 0;
      while (n < 3) {
        while (p < end && *p != ',' && *p != '\n') ++p;
        if (p >= end || *p != ',') break;
        f[++n] = ++p;
      }
      while (p < end && *p != '\n' && *p != ',') ++p;
      const char* line_end = p;
      if (p < end && *p == ',') {
        fail(line, "expected unit_id,indicator_id,target,actual (too many fields)");
        return;
      }
      if (line_end > line && line_end[-1] == '\r') --line_end;
      p = p < end ? p + 1 : p;                   // past the newline
      if (n == 0 && line_end == line) continue;  // blank line
      if (n != 3) {
        fail(line, "expected unit_id,indicator_id,target,actual");
        return;
      }
      const std::string_view unit_id(f[0], f[1] - 1 - f[0]);
      const std::string_view ind_id(f[1], f[2] - 1 - f[1]);
      const std::string_view target_s(f[2], f[3] - 1 - f[2]);
      const std::string_view actual_s(f[3], line_end - f[3]);
      uint32_t u;
      if (last_unit != UINT32_MAX && unit_id == last_unit_id) {
        u = last_unit;
      } else {
        auto found = unit_index.find(unit_id);
        if (found == unit_index.end()) {
          fail(line, "unknown unit_id " + core::QuoteForMessage(unit_id));
          return;
        }
        u = last_unit = found->second;
        last_unit_id = unit_id;
      }
      uint32_t i;
      if (last_ind + 1 < m && ind_id == y.indicator_ids[last_ind + 1]) {
        i = last_ind + 1;
      } else {
        auto found = ind_index.find(ind_id);
        if (found == ind_index.end()) {
          fail(line, "unknown indicator_id " + core::QuoteForMessage(ind_id));
          return;
        }
        i = found->second;
      }
      last_ind = i;
      const size_t cell = static_cast<size_t>(u) * m + i;
      std::atomic_ref<uint8_t> mark(seen[cell]);
      if (mark.load(std::memory_order_relaxed)) {
        const std::string key = std::string(unit_id) + "," + std::string(ind_id) + ",";
        const size_t here = LineOf(vt, static_cast<size_t>(line - vt.data()));
        fail(line, "duplicate value for (" + std::string(unit_id) + ", " + std::string(ind_id) +
                       "), also on line " + std::to_string(OtherLineStartingWith(vt, key, here)));
        return;
      }
      mark.store(1, std::memory_order_relaxed);
      double target;
      if (!ParseNumber(target_s, target)) {
        fail(line, "target must be a number" + Got(target_s));
        return;
      }
      if (target == 0 && y.direction[i] == 1) {
        fail(line, "target must not be 0 (direction 1)");
        return;
      }
      y.target[cell] = target;
      if (!actual_s.empty()) {
        double actual;
        if (!ParseNumber(actual_s, actual)) {
          fail(line, "actual must be a number or empty" + Got(actual_s));
          return;
        }
        y.actual[cell] = actual;
      }
    }
  };
  if (threads == 1) {
    parse(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(parse, t);
    for (auto& th : pool) th.join();
  }
  for (int t = 0; t < threads; ++t) {
    if (!errors[t].ok()) return errors[t];  // chunks are in file order: first is earliest
  }
  return y;
}

Status WriteBenchYear(const std::string& dir, const GenOptions& o) {
  namespace fs = std::filesystem;
  if (o.units < 1 || o.indicators < 1) return Status::Invalid("--units, --indicators: at least 1");
  if (o.units > kMaxBenchValues / o.indicators) {
    return Status::Invalid("--units × --indicators: " + std::to_string(o.units) + " × " +
                           std::to_string(o.indicators) + " values, at most " +
                           std::to_string(kMaxBenchValues));
  }
  if (!(o.missing_share >= 0 && o.missing_share <= 1)) {
    return Status::Invalid("missing_share: must be within 0..1");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Invalid("--out: cannot create directory " + dir + ": " + ec.message());
  std::mt19937_64 rng(o.seed);
  // Uniform in [0, 1) from the engine's raw bits: identical on every platform.
  auto uniform = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };

  auto open = [&](const char* name) -> FILE* {
    return std::fopen((fs::path(dir) / name).c_str(), "wb");
  };
  const size_t unit_width = std::to_string(o.units).size();
  auto unit_id = [&](size_t u) {
    std::string s = std::to_string(u + 1);
    return "U" + std::string(unit_width - std::min(unit_width, s.size()), '0') + s;
  };
  const size_t ind_width = std::to_string(o.indicators).size();
  auto ind_id = [&](size_t i) {
    std::string s = std::to_string(i + 1);
    return "I" + std::string(ind_width - std::min(ind_width, s.size()), '0') + s;
  };

  FILE* f = open("units.csv");
  if (!f) return Status::Internal("cannot write units.csv in " + dir);
  std::fputs("unit_id,category\n", f);
  constexpr size_t kCategorySize = 100;
  for (size_t u = 0; u < o.units; ++u)
    std::fprintf(f, "%s,K%zu\n", unit_id(u).c_str(), u / kCategorySize + 1);
  std::fclose(f);

  // Points in hundredths that sum to exactly 100.00: random weights, floored,
  // the remainder spread one hundredth at a time.
  std::vector<double> w(o.indicators);
  double wsum = 0;
  for (auto& x : w) wsum += (x = 0.5 + uniform());
  std::vector<long> hundredths(o.indicators);
  long total = 0;
  for (size_t i = 0; i < o.indicators; ++i)
    total += (hundredths[i] = static_cast<long>(w[i] / wsum * 10000));
  for (size_t i = 0; total < 10000; i = (i + 1) % o.indicators, ++total) ++hundredths[i];
  std::vector<int> direction(o.indicators);
  f = open("indicators.csv");
  if (!f) return Status::Internal("cannot write indicators.csv in " + dir);
  std::fputs("indicator_id,points,direction\n", f);
  for (size_t i = 0; i < o.indicators; ++i) {
    direction[i] = uniform() < 0.2 ? -1 : 1;
    std::fprintf(f, "%s,%ld.%02ld,%d\n", ind_id(i).c_str(), hundredths[i] / 100,
                 hundredths[i] % 100, direction[i]);
  }
  std::fclose(f);

  f = open("values.csv");
  if (!f) return Status::Internal("cannot write values.csv in " + dir);
  std::fputs("unit_id,indicator_id,target,actual\n", f);
  std::vector<std::string> ind_ids(o.indicators);
  for (size_t i = 0; i < o.indicators; ++i) ind_ids[i] = ind_id(i);
  std::string buf;
  buf.reserve(1 << 22);
  char num[32];
  auto put_fixed2 = [&](double v) {  // v ≥ 0, two decimals
    const long c = std::lround(v * 100);
    auto [p, e] = std::to_chars(num, num + sizeof num, c / 100);
    buf.append(num, p);
    buf += '.';
    buf += static_cast<char>('0' + (c % 100) / 10);
    buf += static_cast<char>('0' + c % 10);
  };
  for (size_t u = 0; u < o.units; ++u) {
    const std::string uid = unit_id(u);
    const double quality = 0.6 + 0.55 * uniform();  // a unit's overall performance
    for (size_t i = 0; i < o.indicators; ++i) {
      const double target = 50 + 950 * uniform();
      const double ratio = quality * (0.85 + 0.3 * uniform());
      const bool missing = uniform() < o.missing_share;
      buf += uid;
      buf += ',';
      buf += ind_ids[i];
      buf += ',';
      put_fixed2(target);
      buf += ',';
      if (!missing) put_fixed2(direction[i] == 1 ? target * ratio : target / ratio);
      buf += '\n';
      if (buf.size() > (1 << 22) - 256) {
        std::fwrite(buf.data(), 1, buf.size(), f);
        buf.clear();
      }
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  if (std::fclose(f) != 0) return Status::Internal("cannot finish values.csv in " + dir);
  return Status::Ok();
}

}  // namespace govperf::io
