// `govperf serve --db FILE [--host 127.0.0.1] [--port 8080] [--web DIR]
//                [--session-hours 8] [--print-logins] [--today YYYY-MM-DD]
//                [--public-url URL] [--invitation-spool FILE]
//                [--survey-rate-limit 120]`
// Opens (creating if absent) the SQLite store, serves the API and the built
// front end until SIGINT/SIGTERM, then exits 0. Port 0 picks a free port and
// the banner prints the actual one (tests and scripts read it from stdout).
// --today holds the business date (due dates, lateness, escalation cards, time
// progress) on one day, for tests and demonstrations only: a warning says so.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "app/survey/codes.h"
#include "app/survey/sender.h"
#include "app/survey/tokens.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "demo/demo.h"
#include "server/app.h"
#include "server/server.h"
#include "store/audit_chain.h"
#include "store/fixed_date_clock.h"
#include "store/store.h"
#include "store/survey_journal.h"

namespace govperf::cli {
namespace {

// 审计锚点: the audit chain's head written to the server log when the server
// starts and once a day after, so that copies of the head exist outside the
// database; `govperf audit verify --anchor HASH` later proves the chain still
// contains it (deleting the newest records, or rewriting the chain, loses it).
class AnchorLog {
 public:
  explicit AnchorLog(store::Store& store) : store_(store), thread_([this] { Run(); }) {}
  ~AnchorLog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    do {
      auto head = store_.AuditHead();
      if (head.ok()) {
        const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::cout << store::FormatIsoUtc(now) << " audit anchor: record " << head->first << " hash "
                  << head->second << "\n"
                  << std::flush;
      }
    } while (!cv_.wait_for(lock, std::chrono::hours(24), [this] { return stop_; }));
  }

  store::Store& store_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the members it uses
};

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  int session_hours = server::kDefaultSessionHours;
  bool print_logins = false;
  std::string today;             // YYYY-MM-DD: a fixed business date (tests, demonstrations)
  std::string public_url;        // base of public survey links (QR codes, invitations)
  std::string invitation_spool;  // survey invitations' spool file; default <db>.invitations.jsonl
  // 社会评价 submissions and device tokens per client address per minute (0: off).
  int survey_rate_limit = 120;
};

void PrintLogins() {
  const auto& logins = demo::FeaturedLogins();
  if (logins.empty()) return;
  std::cout << "\nDemo logins (演示账号):\n";
  std::cout << "  " << std::left << std::setw(16) << "username" << std::setw(18) << "password"
            << std::setw(8) << "role"
            << "description\n";
  for (const auto& l : logins) {
    std::cout << "  " << std::left << std::setw(16) << l.username << std::setw(18) << l.password
              << std::setw(8) << core::RoleName(l.role) << l.description_zh << " / "
              << l.description_en << "\n";
  }
}

int RunServe(const ServeArgs& args) {
  // One clock for the store (audit and report timestamps) and the App (today).
  std::unique_ptr<store::FixedDateClock> fixed;
  if (!args.today.empty()) {
    auto made = store::FixedDateClock::Make(args.today);
    if (!made.ok()) {
      std::cerr << "govperf serve: --" << made.status().message() << "\n";  // "--today: …"
      return kExitInvalid;
    }
    fixed = std::move(*made);
  }
  const store::Clock& clock =
      fixed ? static_cast<const store::Clock&>(*fixed) : store::SystemClock();

  std::error_code ec;
  const bool existed = std::filesystem::exists(args.db, ec);
  auto opened = store::OpenSqliteStore(args.db, clock);
  if (!opened.ok()) {
    // The path the operator gave cannot be opened as a database: their input.
    std::cerr << "govperf serve: --db: " << opened.status().ToString() << "\n";
    return kExitInvalid;
  }
  store::Store& st = **opened;

  // 社会评价 survey responses reach the file through the response journal:
  // its own connection and writer thread, one fsync per batch.
  auto journal = store::OpenSqliteSurveyJournal(args.db, clock);
  if (!journal.ok()) {
    std::cerr << "govperf serve: survey journal: " << journal.status().ToString() << "\n";
    return 1;
  }
  auto token_secret = app::survey::LoadOrCreateTokenSecret(app::survey::TokenKeyPath(args.db));
  if (!token_secret.ok()) {
    std::cerr << "govperf serve: " << token_secret.status().ToString() << "\n";
    return 1;
  }

  server::AppOptions app_options;
  app_options.session_hours = args.session_hours;
  app_options.web_dir = args.web;
  app_options.public_url = args.public_url;
  // 邀请: the built-in sender appends the messages to a spool file next to
  // the database; an installation's SMS gateway reads it (or replaces it).
  app_options.invitation_sender = std::make_shared<app::survey::FileSender>(
      args.invitation_spool.empty() ? args.db + ".invitations.jsonl" : args.invitation_spool);
  app_options.survey_journal = journal->get();
  app_options.survey_token_secret = *token_secret;
  app_options.survey_rate_limit = args.survey_rate_limit;
  server::App app(st, clock, app_options);

  server::ServerOptions options;
  options.host = args.host;
  options.port = static_cast<uint16_t>(args.port);
  options.handle_signals = true;
  // Logins (argon2), interval estimates and other heavy routes run on the
  // transport's bounded, lower-priority pool: they cannot stall health checks
  // or the public results.
  app.ConfigureTransport(options);
  server::Server srv(options, [&app](const server::Request& r) { return app.Handle(r); });
  if (Status listen = srv.Listen(); !listen.ok()) {
    std::cerr << "govperf serve: " << listen.message() << "\n";
    return 1;
  }

  std::cout << "govperf serving http://" << args.host << ":" << srv.port() << "/ (db " << args.db
            << ")\n";
  if (!existed) {
    std::cout << "note: " << args.db << " did not exist and was created empty; fill it with "
              << "`govperf init --db " << args.db << " --admin USER` (or `govperf demo`)\n";
  }
  if (!args.web.empty() && !std::filesystem::is_directory(args.web, ec)) {
    std::cout << "note: web directory " << args.web
              << " not found; `/` shows a placeholder (build the front end with `make web`)\n";
  }
  if (fixed) {
    // Never on a real installation: every date the office sees would be wrong.
    std::cerr << "warning: --today " << args.today
              << ": the business date is fixed (due dates, lateness, escalation, progress); "
              << "for tests and demonstrations only\n";
  }
  if (args.print_logins) PrintLogins();
  std::cout << std::flush;  // scripts wait for the banner
  AnchorLog anchors(st);

  if (Status run = srv.Run(); !run.ok()) {
    std::cerr << "govperf serve: " << run.message() << "\n";
    return 1;
  }
  // Every submission admitted before the stop is written and answered.
  (*journal)->Shutdown();
  std::cout << "govperf serve: stopped\n" << std::flush;
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<ServeArgs>();
  auto* sub = app.add_subcommand("serve", "Serve the HTTP API and the web front end (HTTP 服务)");
  sub->add_option("--db", args->db, "SQLite database file (created if absent)")->required();
  sub->add_option("--host", args->host, "address to listen on")->capture_default_str();
  sub->add_option("--port", args->port, "TCP port; 0 picks a free one")
      ->check(IntegerIn(0, 65535))
      ->capture_default_str();
  sub->add_option("--web", args->web, "directory of the built front end (web/dist)");
  sub->add_option("--session-hours", args->session_hours, "login session lifetime in hours")
      ->check(IntegerIn(1, 24 * 366))
      ->capture_default_str();
  sub->add_flag("--print-logins", args->print_logins, "print the demo logins after the banner");
  sub->add_option("--today", args->today,
                  "fix the business date YYYY-MM-DD (China time) for due dates, lateness, "
                  "escalation and progress; for tests and demonstrations only");
  sub->add_option("--public-url", args->public_url,
                  "scheme and host of public survey links, e.g. https://pj.example.gov.cn: "
                  "the QR code, the poster, invitations and the links of the invitation "
                  "codes download (default: the QR code, poster and invitations take the "
                  "request's Host header; the codes download's links stay relative)")
      ->check([](const std::string& v) {
        Status st = app::survey::CheckPublicUrl(v, "--public-url");
        return st.ok() ? std::string() : st.message();
      });
  sub->add_option("--invitation-spool", args->invitation_spool,
                  "file the survey invitations are appended to, one JSON line each "
                  "(default: <db>.invitations.jsonl)");
  sub->add_option("--survey-rate-limit", args->survey_rate_limit,
                  "survey submissions and device tokens per client address per minute; 0 = off "
                  "(load tests, a trusted proxy)")
      ->check(IntegerIn(0, 1000000))
      ->capture_default_str();
  sub->callback([args, &state] { state.exit_code = RunServe(*args); });
}

}  // namespace govperf::cli
