#!/usr/bin/env bash
# Browser end-to-end test against a REAL server and REAL Chromium.
#   tests/e2e/run.sh <path-to-govperf-binary>
# Creates the demo city in a temp database, serves it with the built front end
# (web/dist, built here if missing) on a free loopback port, runs
# web/e2e/e2e.mjs (playwright-core from web/node_modules, Debian's
# /usr/bin/chromium) and then web/e2e/survey.mjs (the public survey on a phone,
# opinions) on the same server, and always stops the server (lib.sh). Then, when present,
# runs run-init.sh (an installation from nothing, through the UI) and
# run-year.sh (an office's first year, from setting to publication, on fixed
# business dates), each on its own server; the exit status fails when any
# scenario fails.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-govperf-binary>" >&2
  exit 2
fi
source "$(dirname "$0")/lib.sh"
e2e_setup e2e "$1"

echo "e2e: generating the demo city"
"$GOVPERF" demo --db "$TMP/e2e.db" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; exit 1; }
e2e_serve "$TMP/e2e.db" --print-logins

# Featured logins as printed by `demo` and `serve --print-logins` ("user / password
# (role) …"); a district unit login is preferred. E2E_<ROLE>_USER/_PASS override.
pick_login() {  # role → "user pass"
  node "$ROOT/web/e2e/logins.mjs" "$TMP/demo.log" "$TMP/server.log" "$1"
}
read -r E2E_ADMIN_USER E2E_ADMIN_PASS <<<"$(pick_login admin)"
read -r E2E_UNIT_USER E2E_UNIT_PASS <<<"$(pick_login unit)"
read -r E2E_LEAD_USER E2E_LEAD_PASS <<<"$(pick_login lead)"
read -r E2E_LEADER_USER E2E_LEADER_PASS <<<"$(pick_login leader)"
export BASE_URL E2E_ADMIN_USER E2E_ADMIN_PASS E2E_UNIT_USER E2E_UNIT_PASS E2E_LEAD_USER E2E_LEAD_PASS \
  E2E_LEADER_USER E2E_LEADER_PASS

RC=0
node "$ROOT/web/e2e/e2e.mjs" || RC=$?
# 社会评价 on the same server: a questionnaire answered on a phone with an
# invitation code from the CLI (which writes to the same database), opinions
# routed, answered and closed (web/e2e/survey.mjs).
E2E_DB="$TMP/e2e.db"
export GOVPERF E2E_DB
node "$ROOT/web/e2e/survey.mjs" || RC=$?

# The other scenarios run on their own servers: stop this one first.
e2e_stop
for scenario in run-init.sh run-year.sh; do
  if [ -x "$ROOT/tests/e2e/$scenario" ]; then
    "$ROOT/tests/e2e/$scenario" "$GOVPERF" || RC=$?
  fi
done
exit $RC
