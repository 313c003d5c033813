#!/usr/bin/env bash
# Browser end-to-end test of a performance office's first year, through the UI,
# against a REAL server and REAL Chromium.
#   tests/e2e/run-year.sh <path-to-govperf-binary>
# `govperf init` creates an empty database with one admin in a temp dir; the
# server serves it with the built front end on a free loopback port and a fixed
# business date (`--today`, so due dates, lateness, cards and progress colours
# are known); web/e2e/year.mjs drives the browser and runs `govperf remind` on
# the same database as cron would. Set-up and clean-up: lib.sh.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-govperf-binary>" >&2
  exit 2
fi
source "$(dirname "$0")/lib.sh"
e2e_setup e2e-year "$1"

E2E_YEAR_ADMIN_USER="admin"
E2E_YEAR_ADMIN_PASS="Year-admin-2026!"
E2E_TODAY="2026-04-14"
printf '%s\n' "$E2E_YEAR_ADMIN_PASS" >"$TMP/pw"
chmod 600 "$TMP/pw"
echo "e2e-year: govperf init (empty installation, admin '$E2E_YEAR_ADMIN_USER'), business date $E2E_TODAY"
"$GOVPERF" init --db "$TMP/year.db" --admin "$E2E_YEAR_ADMIN_USER" --password-file "$TMP/pw" >"$TMP/init.log" 2>&1 \
  || { cat "$TMP/init.log" >&2; exit 1; }
e2e_serve "$TMP/year.db" --today "$E2E_TODAY"

E2E_DB="$TMP/year.db"
export BASE_URL GOVPERF E2E_DB E2E_TODAY E2E_YEAR_ADMIN_USER E2E_YEAR_ADMIN_PASS
node "$ROOT/web/e2e/year.mjs"
