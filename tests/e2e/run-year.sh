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
E2E_DB="$TMP/year.db"
export GOVPERF E2E_DB E2E_YEAR_ADMIN_USER E2E_YEAR_ADMIN_PASS
if [ -n "${E2E_FROM:-}" ]; then
  # Iterating on the year's end: start from the database an earlier run kept
  # (E2E_KEEP=DIR).
  cp "$E2E_FROM/year.db" "$E2E_FROM/year.db.audit-key" "$TMP/"
else
  printf '%s\n' "$E2E_YEAR_ADMIN_PASS" >"$TMP/pw"
  chmod 600 "$TMP/pw"
  echo "e2e-year: govperf init (empty installation, admin '$E2E_YEAR_ADMIN_USER'), business date $E2E_TODAY"
  "$GOVPERF" init --db "$TMP/year.db" --admin "$E2E_YEAR_ADMIN_USER" --password-file "$TMP/pw" >"$TMP/init.log" 2>&1 \
    || { cat "$TMP/init.log" >&2; exit 1; }
  e2e_serve "$TMP/year.db" --today "$E2E_TODAY"
  export BASE_URL E2E_TODAY
  node "$ROOT/web/e2e/year.mjs"
  e2e_stop
  [ -z "${E2E_KEEP:-}" ] || cp "$TMP/year.db" "$TMP/year.db.audit-key" "$E2E_KEEP/"
fi

# The same year to its end (web/e2e/yearend.mjs), on two later business dates:
# the assessment and 公示 with its appeal on 2027-01-11, the appeal window (5
# working days) then closed on 2027-01-25 for approval, publication, the report
# and rectification.
for phase in ${E2E_PHASES:-assess:2027-01-11 publish:2027-01-25}; do
  E2E_PHASE="${phase%%:*}"
  E2E_TODAY="${phase##*:}"
  echo "e2e-year: year end, phase $E2E_PHASE, business date $E2E_TODAY"
  e2e_serve "$TMP/year.db" --today "$E2E_TODAY"
  export BASE_URL E2E_PHASE E2E_TODAY
  node "$ROOT/web/e2e/yearend.mjs"
  e2e_stop
  [ -z "${E2E_KEEP:-}" ] || { mkdir -p "$E2E_KEEP/$E2E_PHASE"; cp "$TMP/year.db" "$TMP/year.db.audit-key" "$E2E_KEEP/$E2E_PHASE/"; }
done
