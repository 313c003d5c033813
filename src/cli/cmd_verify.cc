// govperf verify-result: re-score a published year from the stored data and
// scheme, compare with the publication snapshot and check its certificate
// (app/publication/verify.h). Exit 0 with a one-line summary when everything
// matches; exit 1 naming the first unit and field that differ, and every
// other finding (data digest, scheme, engine version, audit chain) on stderr.
#include <iostream>

#include "app/publication/verify.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct VerifyOptions {
  std::string db;
  int year = 0;
};

int FailVerify(const std::string& message, int code = kExitInvalid) {
  std::cerr << "govperf verify-result: " << message << "\n";
  return code;
}

int Run(const VerifyOptions& opt) {
  if (!PathExists(opt.db)) return FailVerify("--db: file not found: " + opt.db);
  auto store = store::OpenSqliteStore(opt.db);
  if (!store.ok()) return FailVerify("--db: " + store.status().ToString());
  auto year = (*store)->FindYear(opt.year);
  if (!year.ok()) return FailVerify(year.status().message(), ExitCodeFor(year.status()));
  if (!year->has_value()) {
    return FailVerify("--year: " + std::to_string(opt.year) + " not found in " + opt.db);
  }
  auto v = app::publication::VerifyPublication(**store, opt.year);
  if (!v.ok()) {
    const std::string m = v.status().code() == Code::kNotFound
                              ? "--year: " + std::to_string(opt.year) +
                                    " has no publication record (published before snapshots, "
                                    "or not published)"
                              : v.status().message();
    return FailVerify(m, ExitCodeFor(v.status()));
  }
  if (v->ok) {
    std::cout << v->summary << "\n";
    return kExitOk;
  }
  std::cout << v->summary << "\n";
  for (size_t i = 1; i < v->problems.size(); ++i) std::cerr << v->problems[i] << "\n";
  return kExitFailure;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, RunState& state) {
  auto opt = std::make_shared<VerifyOptions>();
  auto* sub = app.add_subcommand(
      "verify-result",
      "Re-score a published year and check it against its snapshot and certificate");
  sub->add_option("--db", opt->db, "SQLite database file")->required();
  sub->add_option("--year", opt->year, "published year")->required()->check(IntegerIn(1900, 9999));
  sub->callback([opt, &state] { state.exit_code = Run(*opt); });
}

}  // namespace govperf::cli
