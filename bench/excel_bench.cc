// Excel in and out at province size: a generated 2,000-unit, 200-leaf scheme
// with per-unit targets (demo::ProvinceYear) exported as a scheme workbook,
// imported into a fresh installation (registry only, the year not yet
// opened), and exported again; plus the 2,000-unit registry imported from its
// own workbook. Prints one line per step with wall time and sizes. Run by
// bench/run.sh (EXCEL=0 skips it); figures in BENCHMARKS.md.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/exchange/exchange.h"
#include "app/results/year_cache.h"
#include "demo/province.h"
#include "io/xlsx_read.h"
#include "store/store.h"

namespace {

using govperf::Status;
namespace app = govperf::app;
namespace ex = govperf::app::exchange;
namespace store = govperf::store;

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Check(const Status& st, const char* what) {
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, st.ToString().c_str());
    std::exit(1);
  }
}

std::unique_ptr<store::Store> Open(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  auto s = store::OpenSqliteStore(path.string());
  Check(s.status(), "open");
  return std::move(s).value();
}

// The registry the scheme's categories and units come from.
void WriteRegistry(store::Store& s, const govperf::core::Scheme& scheme) {
  Check(s.Write({"system"},
                [&](store::WriteTx& tx) {
                  for (const auto& c : scheme.categories) {
                    GOVPERF_RETURN_IF_ERROR(
                        tx.PutOrgCategory({c.id, c.name_zh, c.name_en, c.kind, false}));
                  }
                  for (const auto& u : scheme.units) {
                    GOVPERF_RETURN_IF_ERROR(tx.PutOrgUnit(
                        {u.id, u.name_zh, u.name_en, u.category_id, u.parent_id, u.kind, false}));
                  }
                  return Status::Ok();
                }),
        "registry");
}

}  // namespace

int main(int argc, char** argv) {
  const int units = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int leaves = argc > 2 ? std::atoi(argv[2]) : 200;
  const auto dir = std::filesystem::temp_directory_path() / "govperf-excel-bench";
  std::filesystem::create_directories(dir);
  govperf::demo::ProvinceOptions po;
  po.units = units;
  po.leaves = leaves;
  po.year = 2025;
  const auto year = govperf::demo::ProvinceYear(po);
  const govperf::core::Scheme& scheme = year.scheme;

  auto source = Open(dir / "source.db");
  WriteRegistry(*source, scheme);
  Check(source->SaveScheme({"system"}, scheme), "scheme");
  app::YearCache source_years(*source);
  const app::Caller sys = app::Caller::System();

  auto t0 = std::chrono::steady_clock::now();
  auto file = ex::Export(source_years, *source, sys, ex::What::kScheme, 2025, ex::Format::kXlsx);
  const double export_s = Since(t0);
  Check(file.status(), "export");
  auto wb = govperf::io::ReadXlsx(file->bytes, "scheme.xlsx");
  Check(wb.status(), "read");
  size_t cells = 0;
  for (const auto& sh : wb->sheets) {
    for (const auto& r : sh.rows) cells += r.size();
  }

  auto fresh = Open(dir / "fresh.db");
  WriteRegistry(*fresh, scheme);
  app::YearCache fresh_years(*fresh);
  t0 = std::chrono::steady_clock::now();
  auto report = ex::Import(fresh_years, *fresh, sys, ex::What::kScheme, 2025, file->bytes, {});
  const double import_s = Since(t0);
  Check(report.status(), "import");
  if (!report->errors.empty()) {
    std::fprintf(stderr, "import: %s\n", report->errors[0].ToString().c_str());
    return 1;
  }
  auto stored = fresh->LoadScheme(2025);
  Check(stored.status(), "load");
  t0 = std::chrono::steady_clock::now();
  auto again = ex::Export(fresh_years, *fresh, sys, ex::What::kScheme, 2025, ex::Format::kXlsx);
  const double export2_s = Since(t0);
  Check(again.status(), "export again");

  // The registry from its own workbook, into an empty installation.
  auto units_file = ex::Export(source_years, *source, sys, ex::What::kUnits, 0, ex::Format::kXlsx);
  Check(units_file.status(), "export units");
  auto empty = Open(dir / "empty.db");
  app::YearCache empty_years(*empty);
  t0 = std::chrono::steady_clock::now();
  auto units_report =
      ex::Import(empty_years, *empty, sys, ex::What::kUnits, 0, units_file->bytes, {});
  const double units_s = Since(t0);
  Check(units_report.status(), "import units");

  std::printf("scheme workbook: %d units x %zu leaves, %zu targets, %zu cells, %.1f MB\n", units,
              static_cast<size_t>(leaves), scheme.targets.size(), cells,
              static_cast<double>(file->bytes.size()) / 1e6);
  std::printf("  export (build + write xlsx)          %.2f s\n", export_s);
  std::printf("  import (read, check, write, audit)   %.2f s  (%zu changes; %zu targets stored)\n",
              import_s, report->total_changes, stored->targets.size());
  std::printf("  export again from the import         %.2f s  (%s)\n", export2_s,
              again->bytes.size() == file->bytes.size() ? "same size" : "size differs");
  std::printf("units workbook: %zu units imported in %.2f s\n", units_report->counts["unit.added"],
              units_s);
  std::filesystem::remove_all(dir);
  return 0;
}
