#!/usr/bin/env bash
# Browser end-to-end test of running an installation from nothing, through the
# UI only, against a REAL server and REAL Chromium.
#   tests/e2e/run-init.sh <path-to-govperf-binary>
# `govperf init` creates an empty database with one admin in a temp dir; the
# server serves it with the built front end on a free loopback port;
# web/e2e/init.mjs drives the browser. Set-up and clean-up: lib.sh.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-govperf-binary>" >&2
  exit 2
fi
source "$(dirname "$0")/lib.sh"
e2e_setup e2e-init "$1"

E2E_INIT_ADMIN_USER="admin"
E2E_INIT_ADMIN_PASS="Init-admin-2026!"
printf '%s\n' "$E2E_INIT_ADMIN_PASS" >"$TMP/pw"
chmod 600 "$TMP/pw"
echo "e2e-init: govperf init (empty installation, admin '$E2E_INIT_ADMIN_USER')"
"$GOVPERF" init --db "$TMP/new.db" --admin "$E2E_INIT_ADMIN_USER" --password-file "$TMP/pw" >"$TMP/init.log" 2>&1 \
  || { cat "$TMP/init.log" >&2; exit 1; }
e2e_serve "$TMP/new.db"

export BASE_URL E2E_INIT_ADMIN_USER E2E_INIT_ADMIN_PASS
node "$ROOT/web/e2e/init.mjs"
