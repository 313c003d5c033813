// govperf audit verify: checks the audit log (审计日志) of a database file.
//  1. The chain: every record links to the one before and carries the hash of
//     its content — keyed (HMAC) with the key file next to the database, so a
//     record edited and re-hashed without the key is found.
//  2. The anchor (--anchor HASH): a head published earlier (in a result
//     certificate, or the server's daily log line) is still in the chain, so
//     deleting the newest records is found.
//  3. The replay: every row the log covers still has its last audited state
//     (store/audit_replay.h), so a row changed behind the store's back is found.
// Exit 0 with a one-line summary when all hold; 1 naming the first broken
// record and every differing row; 2 for bad input (no file, no key).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/audit_key.h"
#include "store/audit_replay.h"
#include "store/store.h"

namespace govperf::cli {

void AddAuditCommand(CLI::App& app, RunState& state) {
  struct Options {
    std::string db;
    std::string anchor;
    std::string format = "text";
  };
  auto opt = std::make_shared<Options>();
  auto* audit = app.add_subcommand("audit", "Check the audit log (审计日志)");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Verify the keyed hash chain, an anchor, and replay the log against the rows");
  verify->add_option("--db", opt->db, "SQLite database file (its key: FILE.audit-key)")->required();
  verify->add_option("--anchor", opt->anchor,
                     "a head hash published earlier that the chain must still contain");
  verify->add_option("--format", opt->format, "text (default) or json");
  verify->callback([opt, &state] {
    auto fail = [&state](const std::string& m, int code = kExitInvalid) {
      std::cerr << "govperf audit verify: " << m << "\n";
      state.exit_code = code;
    };
    if (opt->format != "text" && opt->format != "json")
      return fail("--format: must be text or json");
    if (!opt->anchor.empty() && opt->anchor.size() != 64) {
      return fail("--anchor: a head hash is 64 hex digits");
    }
    if (!PathExists(opt->db)) return fail("--db: file not found: " + opt->db);
    store::OpenOptions oo;
    oo.create_audit_key = false;
    auto opened = store::OpenSqliteStore(opt->db, store::SystemClock(), oo);
    if (!opened.ok()) return fail("--db: " + opened.status().message());
    store::Store& s = **opened;

    auto chain = s.VerifyAudit();
    if (!chain.ok()) return fail(chain.status().ToString(), ExitCodeFor(chain.status()));
    std::optional<int64_t> anchor_id;
    if (!opt->anchor.empty()) {
      auto found = s.FindAuditHash(opt->anchor);
      if (!found.ok()) return fail(found.status().ToString(), ExitCodeFor(found.status()));
      anchor_id = *found;
    }
    auto replay = store::ReplayAudit(s);
    if (!replay.ok()) return fail(replay.status().ToString(), ExitCodeFor(replay.status()));

    const bool anchor_ok = opt->anchor.empty() || anchor_id.has_value();
    const bool ok = chain->ok && anchor_ok && replay->differences.empty();
    if (opt->format == "json") {
      nlohmann::json diffs = nlohmann::json::array();
      for (const auto& d : replay->differences) {
        diffs.push_back({{"record", d.record_id},
                         {"entity", d.entity},
                         {"field", d.field},
                         {"audited", d.audited},
                         {"current", d.current}});
      }
      nlohmann::json out{{"ok", ok},
                         {"records", chain->records},
                         {"keyed_from", chain->keyed_from},
                         {"head", {{"id", chain->head_id}, {"hash", chain->head_hash}}},
                         {"chain",
                          {{"ok", chain->ok},
                           {"first_bad_record", chain->first_bad_id},
                           {"message", chain->message}}},
                         {"rows_replayed", replay->rows},
                         {"differences", diffs}};
      if (!opt->anchor.empty()) {
        out["anchor"] = {{"hash", opt->anchor},
                         {"record", anchor_id ? nlohmann::json(*anchor_id) : nlohmann::json()}};
      }
      std::cout << out.dump(2) << "\n";
    } else {
      if (!chain->ok) std::cout << "audit chain broken: " << chain->message << "\n";
      if (!anchor_ok) {
        std::cout << "anchor " << opt->anchor
                  << " not found: the chain no longer contains that head (records were removed "
                     "or rewritten)\n";
      }
      for (const auto& d : replay->differences) {
        std::cout << "row differs from its last audited state (record " << d.record_id
                  << "): " << d.entity << (d.field.empty() ? "" : " " + d.field) << ": audited "
                  << d.audited << ", stored " << d.current << "\n";
      }
      if (ok) {
        std::cout << "audit ok: " << chain->records << " records intact"
                  << (chain->keyed_from > 0
                          ? " (keyed from record " + std::to_string(chain->keyed_from) + ")"
                          : std::string(" (unkeyed)"))
                  << ", head " << chain->head_id << " " << chain->head_hash
                  << (anchor_id ? ", anchor at record " + std::to_string(*anchor_id) : "") << ", "
                  << replay->rows << " rows match their last audited state\n";
      }
    }
    if (!ok) state.exit_code = 1;
  });
}

}  // namespace govperf::cli
