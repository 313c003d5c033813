// govperf score: evaluate one year of a database and print every unit's
// category, component scores, total, rank in category and grade.
#include <sys/resource.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/benchmark_scheme.h"
#include "core/evaluate.h"
#include "io/bench_csv.h"
#include "io/csv.h"
#include "io/data_csv.h"
#include "io/scheme_json.h"
#include "store/scoring_input.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct ScoreOptions {
  std::string db;
  int year = 0;
  std::string format = "csv";
  bool trace = false;
  std::string scheme;        // a scheme file (docs/scheme-format.md), with --data DIR
  bool provisional = false;  // files: score a year in progress provisionally
  bool final_only = false;   // database: score an unpublished year as final
  bool benchmark_scheme = false;
  std::string data;
  bool timing = false;
  int threads = 2;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The benchmark scheme on CSV files (core/benchmark_scheme.h): prints
// unit_id,category,total,rank,grade; totals in shortest round-trip form.
int RunBenchmarkScheme(const ScoreOptions& opt) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto year = io::LoadBenchYear(opt.data, opt.threads);
  if (!year.ok()) {
    std::cerr << "govperf score: --data: " << year.status().message() << "\n";
    return ExitCodeFor(year.status());
  }
  const double load_s = Seconds(t0);
  const auto t1 = Clock::now();
  core::bench::BenchResult r = core::bench::ScoreBenchmark(*year, opt.threads);
  const double score_s = Seconds(t1);
  const auto t2 = Clock::now();
  std::string out = "unit_id,category,total,rank,grade\n";
  out.reserve(year->units() * 40);
  char num[64];
  for (size_t u = 0; u < year->units(); ++u) {
    out += year->unit_ids[u];
    out += ',';
    out += year->category_names[year->unit_category[u]];
    out += ',';
    auto [p, ec] = std::to_chars(num, num + sizeof num, r.total[u]);
    out.append(num, p);
    out += ',';
    auto [p2, ec2] = std::to_chars(num, num + sizeof num, r.rank[u]);
    out.append(num, p2);
    out += ',';
    out += core::bench::BenchGradeName(r.grade[u]);
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (opt.timing) {
    const double output_s = Seconds(t2), total_s = Seconds(t0);
    const double values = static_cast<double>(year->units() * year->indicators());
    // Incremental re-rank: change one datum, re-score its unit and re-rank its
    // category; averaged over many changes spread over the units.
    constexpr int kUpdates = 1000;
    const auto t3 = Clock::now();
    for (int k = 0; k < kUpdates; ++k) {
      const size_t u = (static_cast<size_t>(k) * 7919) % year->units();
      const size_t i = (static_cast<size_t>(k) * 31) % year->indicators();
      core::bench::UpdateBenchmarkValue(*year, r, u, i, year->target[u * year->indicators() + i]);
    }
    const double update_s = Seconds(t3) / kUpdates;
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    std::fprintf(stderr,
                 "timing: load %.4f s, score %.4f s, output %.4f s, total %.4f s, "
                 "%.0f values/s scoring, update+rerank %.1f us, peak RSS %.0f MB\n",
                 load_s, score_s, output_s, total_s, values / score_s, update_s * 1e6,
                 ru.ru_maxrss / 1024.0);
  }
  return 0;
}

// CSV fields are rounded for display to 2 decimals (half away from zero, as
// printf does for these magnitudes); JSON carries the unrounded values.
std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// A year to score, from a database or from files.
struct YearInput {
  core::Scheme scheme;
  core::YearData data;
  bool provisional = false;
};

Result<YearInput> FromDatabase(const ScoreOptions& opt) {
  if (!PathExists(opt.db)) return Status::NotFound("--db: file not found: " + opt.db);
  auto store = store::OpenSqliteStore(opt.db);
  if (!store.ok()) return Status::Invalid("--db: " + store.status().ToString());
  auto years = (*store)->ListYears();
  if (!years.ok()) return years.status();
  const store::YearInfo* year = nullptr;
  std::string list;
  for (const auto& y : *years) {
    if (y.year == opt.year) year = &y;
    list += (list.empty() ? "" : ", ") + std::to_string(y.year);
  }
  if (year == nullptr) {
    return Status::NotFound("--year: " + std::to_string(opt.year) + " not found in " + opt.db +
                            " (years: " + (list.empty() ? "none" : list) + ")");
  }
  YearInput in;
  auto scheme = (*store)->LoadScheme(opt.year);
  if (!scheme.ok()) return scheme.status();
  auto data = store::LoadYearDataForScoring(**store, opt.year);
  if (!data.ok()) return data.status();
  in.scheme = std::move(*scheme);
  in.data = std::move(*data);
  // A year not yet published is scored provisionally (monitoring data stand
  // in for missing year-end values) unless --final asks otherwise.
  in.provisional = !year->published() && !opt.final_only;
  return in;
}

Result<YearInput> FromFiles(const ScoreOptions& opt) {
  auto text = ReadTextFile(opt.scheme, "--scheme");
  if (!text.ok()) return text.status();
  auto j = io::ParseJson(*text, opt.scheme);
  if (!j.ok()) return j.status();
  auto scheme = io::SchemeFromJson(*j);
  if (!scheme.ok()) return Status::Invalid(opt.scheme + ": " + scheme.status().message());
  if (Status st = core::ValidateScheme(*scheme); !st.ok()) {
    return Status::Invalid(opt.scheme + ": " + st.message());
  }
  // Periods are checked against the scheme's year, row by row.
  auto data = io::ReadYearDataDir(opt.data, scheme->year);
  if (!data.ok()) return Status::Invalid("--data: " + data.status().message());
  return YearInput{std::move(*scheme), std::move(*data), opt.provisional};
}

int Run(const ScoreOptions& opt) {
  if (opt.benchmark_scheme) {
    if (opt.data.empty()) {
      std::cerr << "govperf score: --benchmark-scheme needs --data DIR\n";
      return kExitInvalid;
    }
    return RunBenchmarkScheme(opt);
  }
  const bool from_files = !opt.scheme.empty();
  if (from_files ? opt.data.empty() : (opt.db.empty() || opt.year == 0)) {
    std::cerr << "govperf score: give --db FILE --year YEAR, or --scheme FILE --data DIR,"
                 " or --benchmark-scheme --data DIR\n";
    return kExitInvalid;
  }
  auto in = from_files ? FromFiles(opt) : FromDatabase(opt);
  if (!in.ok()) {
    std::cerr << "govperf score: " << in.status().message() << "\n";
    return ExitCodeFor(in.status());
  }
  core::EvaluateOptions eval;
  eval.provisional = in->provisional;
  auto result = core::Evaluate(in->scheme, in->data, eval);
  if (!result.ok()) {
    std::cerr << "govperf score: " << result.status().message() << "\n";
    return ExitCodeFor(result.status());
  }
  std::map<std::string, const core::Unit*> units;
  for (const auto& u : in->scheme.units) units[u.id] = &u;

  if (opt.format == "json") {
    nlohmann::json out = {{"year", in->scheme.year},
                          {"provisional", in->provisional},
                          {"units", nlohmann::json::array()}};
    for (const auto& r : result->units) {
      nlohmann::json j = io::UnitResultToJson(r, opt.trace);
      j["name_zh"] = units[r.unit_id]->name_zh;
      j["name_en"] = units[r.unit_id]->name_en;
      out["units"].push_back(std::move(j));
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "unit_id,name_zh,name_en,category_id,indicator_score,satisfaction,leadership,"
               "bonus,deduction,total,rank,grade\n";
  for (const auto& r : result->units) {
    const core::Unit& u = *units[r.unit_id];
    std::cout << io::CsvField(r.unit_id) << ',' << io::CsvField(u.name_zh) << ','
              << io::CsvField(u.name_en) << ',' << io::CsvField(r.category_id) << ','
              << Fixed2(r.indicator_score) << ',' << Fixed2(r.satisfaction) << ','
              << Fixed2(r.leadership) << ',' << Fixed2(r.bonus) << ',' << Fixed2(r.deduction) << ','
              << Fixed2(r.total) << ',' << r.rank << ',' << r.grade << "\n";
  }
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App& app, RunState& state) {
  auto opt = std::make_shared<ScoreOptions>();
  auto* sub = app.add_subcommand(
      "score", "Score a year: every unit's components, total, rank in category and grade");
  sub->add_option("--db", opt->db, "SQLite database file");
  sub->add_option("--year", opt->year, "evaluation year")->check(IntegerIn(1900, 2200));
  sub->add_option("--scheme", opt->scheme, "scheme file (JSON, docs/scheme-format.md)");
  sub->add_flag("--provisional", opt->provisional,
                "with --scheme: use monthly values where a year-end value is missing");
  sub->add_flag("--final", opt->final_only,
                "with --db: score an unpublished year as final (missing values score 0)");
  sub->add_flag("--benchmark-scheme", opt->benchmark_scheme,
                "score CSV files from `govperf gen` with the benchmark scheme");
  sub->add_option("--data", opt->data,
                  "directory of CSV files (with --scheme or --benchmark-scheme)");
  sub->add_flag("--timing", opt->timing, "print phase timings to stderr");
  sub->add_option("--threads", opt->threads, "threads for loading and scoring")
      ->check(IntegerIn(1, 64))
      ->capture_default_str();
  sub->add_option("--format", opt->format, "output format")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  sub->add_flag("--trace", opt->trace, "JSON: include every indicator's points, rule and entry");
  sub->callback([opt, &state] { state.exit_code = Run(*opt); });
}

}  // namespace govperf::cli
