// `govperf init --db FILE --admin USER [--password-file F]`: an empty
// installation and its first admin. The password is read twice from stdin (no
// echo when stdin is a terminal) or once from a file; weak ones are refused
// with the reason. Exit 0 on success, 2 on bad input, 1 on other failures.
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "app/install.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/audit_key.h"
#include "store/store.h"

namespace govperf::cli {
namespace {

struct InitArgs {
  std::string db;
  std::string admin;
  std::string display_name = "绩效办管理员";
  std::string password_file;
};

// One line from stdin; echo off while reading when stdin is a terminal.
bool ReadSecretLine(const char* prompt, std::string* out) {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  const bool ok = static_cast<bool>(std::getline(std::cin, *out));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!out->empty() && out->back() == '\r') out->pop_back();
  return ok;
}

int RunInit(const InitArgs& args) {
  std::string password;
  if (!args.password_file.empty()) {
    std::ifstream f(args.password_file);
    if (!f) {
      std::cerr << "govperf init: --password-file: cannot read " << args.password_file << "\n";
      return 2;
    }
    std::getline(f, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else {
    std::string again;
    if (!ReadSecretLine("password: ", &password) || !ReadSecretLine("again: ", &again)) {
      std::cerr << "govperf init: password: expected it twice on standard input\n";
      return 2;
    }
    if (password != again) {
      std::cerr << "govperf init: password: the two entries differ\n";
      return 2;
    }
  }
  std::error_code ec;
  const bool existed = std::filesystem::exists(args.db, ec);
  auto opened = store::OpenSqliteStore(args.db);
  if (!opened.ok()) {
    // The path the operator gave cannot be opened as a database: their input.
    std::cerr << "govperf init: --db: " << opened.status().ToString() << "\n";
    return kExitInvalid;
  }
  Status st = app::InitInstallation(**opened, args.admin, password, args.display_name);
  if (!st.ok()) {
    std::cerr << "govperf init: " << st.message() << "\n";
    if (!existed) {
      opened->reset();  // close before removing what this run created
      std::filesystem::remove(args.db, ec);
      std::filesystem::remove(args.db + "-wal", ec);
      std::filesystem::remove(args.db + "-shm", ec);
      std::filesystem::remove(store::AuditKeyPath(args.db), ec);
    }
    return st.code() == Code::kInternal ? 1 : 2;
  }
  std::cout
      << "govperf init: created " << args.db << " with admin '" << args.admin
      << "'. Next: govperf serve --db " << args.db
      << ", log in, then add categories, units and users under 机构管理 / 用户管理 and open a "
         "year under 年度管理.\n"
      << "The audit log's key is " << store::AuditKeyPath(args.db)
      << " (owner-only): back it up with the database and keep it away from whoever can edit "
         "the database file; `govperf audit verify --db "
      << args.db << "` checks the log with it.\n";
  return 0;
}

}  // namespace

void AddInitCommand(CLI::App& app, RunState& state) {
  auto args = std::make_shared<InitArgs>();
  auto* sub =
      app.add_subcommand("init", "Create an empty installation and its first admin (初始化)");
  sub->add_option("--db", args->db, "SQLite database file (created)")->required();
  sub->add_option("--admin", args->admin, "username of the first admin")->required();
  sub->add_option("--display-name", args->display_name, "the admin's display name")
      ->capture_default_str();
  sub->add_option("--password-file", args->password_file,
                  "read the password from this file (first line) instead of stdin");
  sub->callback([args, &state] { state.exit_code = RunInit(*args); });
}

}  // namespace govperf::cli
